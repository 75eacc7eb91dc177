package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.activeoffer.support.SampleReturns.GWENT;
import static wales.activeoffer.support.SampleReturns.NEWPORT;
import static wales.activeoffer.support.SampleReturns.TORFAEN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.GssSheets;
import wales.activeoffer.support.InProcessPipeline;
import wales.activeoffer.support.PublishedCsv;
import wales.activeoffer.support.TestDatabases;

/**
 * Against the real PostgreSQL: a correction between two releases marks exactly the figures it changed {@code [r]},
 * and the workbook's Revisions sheet names the correction.
 */
class RevisionsIntegrationTests {
    private final String schema = TestDatabases.newSchemaName();

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(schema);
    }

    @Test
    void aCorrectionMarksExactlyTheFiguresItChangedAndTheRevisionsSheetNamesIt(@TempDir Path root) throws Exception {
        // given a first release of Newport's and Torfaen's 2024-25 returns
        Path inbox = Files.createDirectories(root.resolve("inbox/gwent"));
        Files.copy(GWENT.resolve(NEWPORT), inbox.resolve(NEWPORT));
        Files.copy(GWENT.resolve(TORFAEN), inbox.resolve(TORFAEN));
        InProcessPipeline pipeline = new InProcessPipeline(root, schema);
        assertThat(pipeline.run().exitCode()).isZero();
        PublishedCsv first = PublishedCsv.read(latest(root).resolve("aggregates.csv"));
        assertThat(first.rows()).noneMatch(r -> "[r]".equals(r.get("note_code")));

        // when Newport sends a correction without ten of its October to December offers
        List<String> lines = new ArrayList<>(Files.readAllLines(GWENT.resolve(NEWPORT)));
        int removed = 0;
        for (int i = lines.size() - 1; i > 0 && removed < 10; i--) {
            String offerDate = lines.get(i).split(",", -1)[7];
            if (offerDate.startsWith("2024-10") || offerDate.startsWith("2024-11") || offerDate.startsWith("2024-12")) {
                lines.remove(i);
                removed++;
            }
        }
        PublishedCsv firstExact = PublishedCsv.read(latest(root, "officials").resolve("aggregates.csv"));
        String corrected = "WCCIS_ActiveOffer_W06000022_2024-25 corrected.csv";
        Files.write(inbox.resolve(corrected), lines);
        assertThat(new InProcessPipeline(root, schema).with("activeoffer.republish=true").run().exitCode()).isZero();
        PublishedCsv second = PublishedCsv.read(latest(root).resolve("aggregates.csv"));
        PublishedCsv secondExact = PublishedCsv.read(latest(root, "officials").resolve("aggregates.csv"));

        // then Newport's year, and Gwent's and Wales's third quarter and year, are 10 fewer in the officials' dataset,
        // and changed and marked [r] in the public release
        for (String[] figure : List.of(new String[] {"authority", "W06000022", "financial_year", "2024-25"},
                new String[] {"region", "gwent", "quarter", "2024-25 Q3"},
                new String[] {"region", "gwent", "financial_year", "2024-25"},
                new String[] {"wales", "W92000004", "quarter", "2024-25 Q3"})) {
            assertThat(Integer.parseInt(offers(secondExact, figure).get("value"))).as(String.join(" ", figure))
                    .isEqualTo(Integer.parseInt(offers(firstExact, figure).get("value")) - 10);
            Map<String, String> before = offers(first, figure);
            Map<String, String> after = offers(second, figure);
            assertThat(after.get("value")).as(String.join(" ", figure)).isNotEqualTo(before.get("value"));
            assertThat(after.get("note_code")).as(String.join(" ", figure)).isEqualTo("[r]");
        }
        // and nothing that did not change is marked: Torfaen's figures, and Gwent's first quarter, stand as they were
        assertThat(offers(second, new String[] {"authority", "W06000020", "financial_year", "2024-25"}))
                .isEqualTo(offers(first, new String[] {"authority", "W06000020", "financial_year", "2024-25"}));
        assertThat(second.rows()).filteredOn(r -> "[r]".equals(r.get("note_code"))).allSatisfy(r -> {
            Map<String, String> was = first.rows().stream().filter(f -> sameFigure(f, r)).findFirst().orElseThrow();
            assertThat(was.get("value")).as(r.toString()).isNotEqualTo(r.get("value"));
        });
        assertThat(second.rows()).filteredOn(r -> !"[r]".equals(r.get("note_code")) && !r.get("value").isEmpty())
                .allSatisfy(r -> first.rows().stream().filter(f -> sameFigure(f, r)).findFirst()
                        .ifPresent(was -> assertThat(was.get("value").isEmpty() || was.get("value").equals(r.get("value")))
                                .as(r.toString()).isTrue()));

        // and the Revisions sheet lists Newport's year with both values and the correction as the reason
        try (var workbook = new XSSFWorkbook(OPCPackage.open(
                latest(root).resolve("active-offer-official-statistics.xlsx").toFile(),
                PackageAccess.READ))) {
            var text = new DataFormatter(Locale.UK);
            List<String> revisions = new ArrayList<>();
            var sheet = workbook.getSheet("Revisions");
            for (int r = GssSheets.headingRow(sheet) + 1; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = new ArrayList<>();
                sheet.getRow(r).forEach(cell -> cells.add(text.formatCellValue(cell)));
                revisions.add(String.join(" | ", cells));
            }
            String[] newport = {"authority", "W06000022", "financial_year", "2024-25"};
            assertThat(revisions).contains("Table_2 | Newport | 2024-25 | Offers; All routes | Cynigion; Pob llwybr | "
                    + offers(first, newport).get("value") + " | " + offers(second, newport).get("value")
                    + " | [z] | [z] | [z] | [z] | submission "
                    + TestDatabases.count(schema, "SELECT id FROM submission WHERE file_name = '" + corrected + "'")
                    + " (gwent, received " + LocalDate.now() + ")");
            assertThat(revisions).noneMatch(row -> row.contains("corrected.csv"));
        }

        // and no public file names the lead's file: its name is a lead's free text
        try (Stream<Path> published = Files.list(latest(root))) {
            for (Path file : published.filter(f -> !f.toString().endsWith(".xlsx") && !f.toString().endsWith(".parquet"))
                    .toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("corrected.csv")
                        .doesNotContain(NEWPORT);
            }
        }
    }

    private static Path latest(Path root) throws Exception {
        return latest(root, "releases");
    }

    private static Path latest(Path root, String folder) throws Exception {
        return root.resolve(folder).resolve(Files.readString(root.resolve(folder).resolve("LATEST")).strip());
    }

    private static Map<String, String> offers(PublishedCsv csv, String[] figure) {
        return csv.rows().stream().filter(r -> r.get("measure").equals("take_up") && r.get("statistic").equals("offers")
                && r.get("geography_level").equals(figure[0]) && r.get("geography_code").equals(figure[1])
                && r.get("period_type").equals(figure[2]) && r.get("period").equals(figure[3])
                && r.get("eligibility_route").equals("all")).findFirst().orElseThrow();
    }

    private static boolean sameFigure(Map<String, String> a, Map<String, String> b) {
        return Stream.of("measure", "statistic", "geography_level", "geography_code", "period_type", "period",
                "eligibility_route", "stage", "category").allMatch(c -> a.get(c).equals(b.get(c)));
    }

    @Test
    void aRunWithNothingNewPublishesNothingUnlessAReleaseIsAskedForAgain(@TempDir Path root) throws Exception {
        // given a first release of Newport's return
        Path inbox = Files.createDirectories(root.resolve("inbox/gwent"));
        Files.copy(GWENT.resolve(NEWPORT), inbox.resolve(NEWPORT));
        InProcessPipeline pipeline = new InProcessPipeline(root, schema);
        assertThat(pipeline.run().exitCode()).isZero();
        Path first = latest(root);

        // when the pipeline runs again with nothing new, then no release is made: none is due on the calendar, and
        // the officials' dataset has not changed
        assertThat(pipeline.run().output()).contains("No public release was due tonight; the next is on ");
        assertThat(latest(root)).isEqualTo(first);

        // and when the runbook's re-publish is run (after a change to the plan, say), a new release is made
        InProcessPipeline republish = new InProcessPipeline(root, schema).with("activeoffer.republish=true");
        assertThat(republish.run().exitCode()).isZero();
        assertThat(latest(root)).isNotEqualTo(first);
        assertThat(latest(root).resolve("aggregates.csv")).exists();
        assertThat(first.resolve("aggregates.csv")).as("the earlier release is kept").exists();
    }
}
