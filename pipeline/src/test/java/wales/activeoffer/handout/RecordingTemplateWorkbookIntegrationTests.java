package wales.activeoffer.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.template.RecordingTemplate;

/**
 * The national recording template workbook as a social worker gets it: it opens in LibreOffice, its drop-down lists
 * are the template's code lists word for word, its dates are checked as dates, and it is never written over a file.
 * (Filled in and dropped in an inbox, it is ingested: {@code OnboardingIntegrationTests}.)
 */
class RecordingTemplateWorkbookIntegrationTests {
    private static final RecordingTemplate TEMPLATE = RepoPaths.template();

    @Test
    void theDropDownListsAreTheCodeListsInBothLanguagesAndTheDatesAreChecked(@TempDir Path dir) throws IOException {
        // given the generated workbook
        Path file = new RecordingTemplateWorkbook(TEMPLATE, RepoPaths.reference()).write(dir.resolve("t.xlsx"));

        // when its drop-down lists are read back from its data validations
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<String> dateColumns = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet offers = workbook.getSheet("Offers - Cynigion");
            offers.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
            for (DataValidation validation : offers.getDataValidations()) {
                int column = validation.getRegions().getCellRangeAddress(0).getFirstColumn();
                String heading = headings.get(column);
                if (validation.getValidationConstraint().getValidationType() == ValidationType.LIST) {
                    lists.put(heading, namedList(workbook, validation.getValidationConstraint().getFormula1()));
                } else if (validation.getValidationConstraint().getValidationType() == ValidationType.DATE) {
                    dateColumns.add(heading);
                }
            }
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex("Lists"))).isTrue();
            assertThat(workbook.getSheetName(0)).isEqualTo("Instructions - Cyfarwyddiadau");
        }

        // then every coded column lists exactly its code list's labels, English / Welsh, in the template's order
        assertThat(headings).startsWith("Local authority / Awdurdod lleol", "Child ID / Rhif adnabod y plentyn",
                "Eligibility route / Llwybr cymhwysedd");
        assertThat(lists.get("Response to the offer / Ymateb i'r cynnig")).containsExactly(
                "Accepted a meeting / Derbyn cyfarfod", "Declined the offer / Gwrthod y cynnig",
                "Exempt - sufficient understanding / Wedi'i eithrio - dealltwriaeth ddigonol",
                "No response / Dim ymateb");
        Map<String, String> listOfColumn = Map.of("Eligibility route / Llwybr cymhwysedd", "eligibility_route",
                "Trigger point / Pwynt sbarduno", "trigger", "Response to the offer / Ymateb i'r cynnig",
                "offer_response", "Meeting outcome / Canlyniad y cyfarfod", "meeting_outcome",
                "Reason for declining / Rheswm dros wrthod", "refusal_reason",
                "Referral source / Ffynhonnell yr atgyfeiriad", "referral_source", "Gender / Rhywedd", "gender",
                "Language of choice / Dewis iaith", "language");
        listOfColumn.forEach((heading, list) -> assertThat(lists.get(heading)).as(heading).isEqualTo(
                TEMPLATE.codeLists().get(list).stream().map(c -> c.en() + " / " + c.cy()).toList()));
        assertThat(lists.get("Confirmed by the IRO / Cadarnhawyd gan y SAA")).containsExactly("Yes / Ie", "No / Na");
        assertThat(lists.get("Local authority / Awdurdod lleol")).hasSize(22)
                .contains("Bridgend / Pen-y-bont ar Ogwr", "Isle of Anglesey / Ynys Môn");
        assertThat(dateColumns).containsExactlyInAnyOrder("Offer date / Dyddiad y cynnig",
                "Date eligible / Dyddiad dod yn gymwys", "Referral date / Dyddiad atgyfeirio",
                "First contact date / Dyddiad y cyswllt cyntaf", "Meeting date / Dyddiad y cyfarfod");
    }

    @Test
    void itOpensInLibreOffice(@TempDir Path dir) throws Exception {
        // given the generated workbook, when LibreOffice Calc (a real process, headless) converts it to PDF
        Path file = new RecordingTemplateWorkbook(TEMPLATE, RepoPaths.reference()).write(
                dir.resolve(RecordingTemplateWorkbook.FILE_NAME));
        Process soffice = new ProcessBuilder("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir",
                dir.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(soffice.waitFor(3, TimeUnit.MINUTES)).as("soffice finished").isTrue();

        // then it opens and prints: the instructions and the sheet to fill in
        assertThat(soffice.exitValue()).as(output).isZero();
        Path pdf = dir.resolve("active-offer-recording-template.pdf");
        assertThat(pdf).as(output).exists();
        String content = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertThat(content).startsWith("%PDF");
        assertThat(Pattern.compile("/Type\\s*/Page[^s]").matcher(content).results().count()).isGreaterThan(1);
    }

    @Test
    void anExistingFileIsNeverWrittenOver(@TempDir Path dir) throws IOException {
        Path existing = Files.writeString(dir.resolve(RecordingTemplateWorkbook.FILE_NAME), "a lead's own copy");

        assertThatThrownBy(() -> new RecordingTemplateWorkbook(TEMPLATE, RepoPaths.reference()).write(existing))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("already there");
        assertThat(Files.readString(existing)).isEqualTo("a lead's own copy");
    }

    /** The values of a named range, as the drop-down list shows them. */
    private static List<String> namedList(XSSFWorkbook workbook, String formula) {
        Name name = workbook.getName(formula.replace("=", ""));
        AreaReference area = new AreaReference(name.getRefersToFormula(), workbook.getSpreadsheetVersion());
        Sheet sheet = workbook.getSheet(area.getFirstCell().getSheetName());
        DataFormatter text = new DataFormatter();
        List<String> values = new ArrayList<>();
        for (CellReference cell : area.getAllReferencedCells()) {
            Row row = sheet.getRow(cell.getRow());
            values.add(text.formatCellValue(row.getCell(cell.getCol())));
        }
        return values;
    }
}
