package wales.activeoffer.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFTable;
import wales.activeoffer.aggregate.DisclosureControl;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.quality.DataQuality;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.receipt.SpreadsheetSafe;

/**
 * The workbook officials receive, laid out as the GSS guidance "Releasing statistics in spreadsheets" asks: a cover
 * sheet, a table of contents and notes first; then one table per sheet, its title in A1, a line saying what the sheet
 * holds, and the table straight below, marked up as an Excel table; no merged cells; headings in English and Welsh.
 * The figures of tables 1 to 4 are exactly those of {@code aggregates.csv}, suppressed cells included; tables 5 and 6
 * (coverage and data quality) are those of {@code coverage.csv} and {@code data-quality.csv}, laid out wide.
 */
final class OfficialsWorkbook {
    static final String FILE_NAME = "active-offer-official-statistics.xlsx";
    private static final int ROW_WINDOW = 200;
    private static final int MIN_WIDTH_CHARS = 12;
    private static final int MAX_WIDTH_CHARS = 80;
    private static final int COVER_WIDTH_CHARS = 95;

    /** One table: its sheet, its English and Welsh titles, and which published rows it holds. */
    private record Table(String sheet, String titleEn, String titleCy, String measure) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("Table_1", "Take-up of the Active Offer: offers, meetings and advocacy taken up",
                    "Manteisio ar y Cynnig Rhagweithiol: cynigion, cyfarfodydd ac eiriolaeth", "take_up"),
            new Table("Table_2", "Reasons for not accepting, by stage",
                    "Rhesymau dros beidio â derbyn, fesul cam", "refusal_reasons"),
            new Table("Table_3", "Response times in working days", "Amserau ymateb mewn diwrnodau gwaith",
                    "response_time"),
            new Table("Table_4", "Sources of referrals", "Ffynonellau atgyfeiriadau", "referral_sources"));

    private static final List<String> HEADINGS = List.of("Measure / Mesur", "Statistic / Ystadegyn",
            "Geography level / Lefel daearyddiaeth", "Geography code / Cod daearyddiaeth",
            "Geography name / Enw daearyddiaeth", "Period type / Math o gyfnod", "Period / Cyfnod",
            "Eligibility route / Llwybr cymhwysedd", "Stage / Cam", "Category / Categori", "Value / Gwerth",
            "Geography name (Welsh) / Enw daearyddiaeth (Cymraeg)", "What the value is (English)",
            "Beth yw'r gwerth (Cymraeg)", "Note / Nodyn");

    private OfficialsWorkbook() {
    }

    private static final Table COVERAGE = new Table("Table_5",
            "Coverage: quarters each authority has sent records for, and who is missing",
            "Cwmpas: y chwarteri y mae pob awdurdod wedi anfon cofnodion ar eu cyfer, a phwy sydd ar goll", null);
    private static final Table CHANGE = new Table("Table_7",
            "Take-up rate by region: the latest quarter against the one before",
            "Cyfradd manteisio fesul rhanbarth: y chwarter diweddaraf o'i gymharu â'r un cynt", null);
    private static final Table REVISIONS = new Table("Revisions",
            "Figures revised since the previous release, and why",
            "Ffigurau a ddiwygiwyd ers y rhyddhad blaenorol, a pham", null);
    private static final Table QUALITY = new Table("Table_6",
            "Data quality by authority: completeness of key fields and rows by validation rule",
            "Ansawdd data fesul awdurdod: cyflawnrwydd meysydd allweddol a rhesi fesul rheol ddilysu", null);

    static void write(Path file, String release, List<PublishedAggregate> rows, DataQuality.Coverage coverage,
            DataQuality.Quality quality, RecordingTemplate template, PublicationLabels labels, int threshold,
            List<Revisions.Revision> revisions) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle("The Active Offer of independent professional advocacy: national dataset, release "
                    + release);
            properties.setCreator("All-Wales Active Offer dataset");
            properties.getUnderlyingProperties().setLanguageProperty("en-GB");
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            cover(workbook.createSheet("Cover_sheet"), release);
            contents(workbook.createSheet("Table_of_contents"));
            notes(workbook.createSheet("Notes"), rows);
            for (Table table : TABLES) {
                List<PublishedAggregate> tableRows = rows.stream()
                        .filter(r -> r.row().measure().equals(table.measure())).toList();
                table(workbook, table, tableRows, labels, percent);
            }
            coverage(workbook.createSheet(COVERAGE.sheet()), coverage);
            quality(workbook.createSheet(QUALITY.sheet()), quality, template, threshold);
            change(workbook.createSheet(CHANGE.sheet()), rows, labels, percent);
            revisions(workbook.createSheet(REVISIONS.sheet()), revisions, labels);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void cover(Sheet sheet, String release) {
        sheet.setColumnWidth(0, COVER_WIDTH_CHARS * 256);
        printOnePageWide(sheet);
        lines(sheet, List.of(
                "The Active Offer of independent professional advocacy: national dataset / Y Cynnig Rhagweithiol o "
                        + "eiriolaeth broffesiynol annibynnol: set ddata genedlaethol",
                "Release / Rhyddhad: " + release,
                "Take-up, reasons for not accepting, response times and referral sources for Wales, its six "
                        + "advocacy regions and 22 local authorities, by financial year and quarter. / Manteisio, "
                        + "rhesymau dros beidio â derbyn, amserau ymateb a ffynonellau atgyfeirio i Gymru, ei chwe "
                        + "rhanbarth eiriolaeth a'i 22 awdurdod lleol, fesul blwyddyn ariannol a chwarter.",
                "Source: returns from local authorities and advocacy providers, normalised to the national Active "
                        + "Offer Recording Template. / Ffynhonnell: ffurflenni gan awdurdodau lleol a darparwyr "
                        + "eiriolaeth.",
                "Definitions of every measure are in the Notes sheet. / Mae diffiniadau ar y daflen Nodiadau.",
                "Published / Cyhoeddwyd: " + java.time.LocalDate.now(),
                "Status: official statistics in development / Statws: ystadegau swyddogol sy'n cael eu datblygu",
                "Next update: the next nightly release, when new returns arrive / Diweddariad nesaf: y rhyddhad "
                        + "nosweithiol nesaf, pan ddaw ffurflenni newydd i law",
                "Contact: the Active Offer data team, through your regional lead / Cyswllt: tîm data'r Cynnig "
                        + "Rhagweithiol, drwy eich arweinydd rhanbarthol"));
        CellStyle wrapped = sheet.getWorkbook().createCellStyle();
        wrapped.setWrapText(true);
        sheet.forEach(row -> row.forEach(cell -> {
            cell.setCellStyle(wrapped);
            int lines = 1 + cell.getStringCellValue().length() / (COVER_WIDTH_CHARS - 20);
            row.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints() * 1.1f);
        }));
    }

    private static void contents(Sheet sheet) {
        lines(sheet, List.of("Table of contents / Tabl cynnwys",
                "This worksheet contains one table. / Mae'r daflen waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Sheet name / Enw'r daflen", "Table title (English)", "Teitl y tabl (Cymraeg)"));
        rows.add(List.of("Notes", "Notes, definitions and symbols", "Nodiadau, diffiniadau a symbolau"));
        TABLES.forEach(t -> rows.add(List.of(t.sheet(), t.titleEn(), t.titleCy())));
        List.of(COVERAGE, QUALITY, CHANGE, REVISIONS).forEach(t -> rows.add(List.of(t.sheet(), t.titleEn(),
                t.titleCy())));
        grid(sheet, 2, rows);
        var helper = sheet.getWorkbook().getCreationHelper();
        for (int r = 1; r < rows.size(); r++) {
            var link = helper.createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress("'" + rows.get(r).get(0) + "'!A1");
            sheet.getRow(2 + r).getCell(0).setHyperlink(link);
        }
        markAsTable(sheet, 2, rows.size(), rows.get(0), "contents");
    }

    private static void notes(Sheet sheet, List<PublishedAggregate> published) {
        lines(sheet, List.of("Notes / Nodiadau",
                "This worksheet contains one table. / Mae'r daflen waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Note / Nodyn", "Note text (English)", "Testun y nodyn (Cymraeg)"));
        rows.add(List.of("[c]", "Confidential: a count from 1 to 4 is not shown, so that no child can be identified. "
                + "Nor is any count that would let it be worked out by subtraction from a total (for example a quarter "
                + "from its year, or an authority from its region), nor any rate, share or response time built on a "
                + "count not shown. In Table_5 and Table_6, a percentage of 1 to 4 records, or a count of 1 to 4 rows.",
                "Cyfrinachol: ni ddangosir cyfrif o 1 i 4, nac unrhyw gyfrif a fyddai'n caniatáu ei gyfrifo drwy "
                        + "dynnu o gyfanswm, nac unrhyw gyfradd a seiliwyd ar gyfrif na ddangosir."));
        rows.add(List.of("[z]", "Not applicable: a rate over zero, or a field that no record of the authority should "
                + "have.", "Amherthnasol: cyfradd dros sero."));
        rows.add(List.of("[x]", "Not available.", "Ddim ar gael."));
        rows.add(List.of("[r]", "Revised: the figure differs from the one the previous release published; the Revisions "
                + "sheet lists each, with the submissions that changed it.", "Diwygiwyd: mae'r ffigur yn wahanol i'r "
                + "un a gyhoeddwyd yn y rhyddhad blaenorol; mae'r daflen Diwygiadau yn rhestru pob un."));
        rows.add(List.of("Take-up", "Offers, meetings accepted, meetings held (took up, declined or time to think at the "
                + "meeting), advocacy taken up; take-up rate = taken up / meetings held; conversion = taken up / offers.",
                "Cynigion, cyfarfodydd a dderbyniwyd, cyfarfodydd a gynhaliwyd, eiriolaeth a dderbyniwyd."));
        rows.add(List.of("Response time", "Working days (England and Wales) after the referral up to and including the "
                + "meeting or first contact; median, 90th percentile (nearest rank), share within the target.",
                "Diwrnodau gwaith ar ôl yr atgyfeiriad hyd at y cyfarfod neu'r cyswllt cyntaf."));
        rows.add(List.of("Period", "Financial years run from 1 April to 31 March; Q1 is April to June. Offers are counted "
                + "in the period of the offer date.", "Mae blynyddoedd ariannol yn rhedeg o 1 Ebrill i 31 Mawrth."));
        rows.add(List.of("Coverage", "An authority has sent records for a quarter when the release holds at least one "
                + "current record of its offers in that quarter. Quarters run from the first to the last that anyone "
                + "sent.", "Mae awdurdod wedi anfon cofnodion ar gyfer chwarter pan fo o leiaf un cofnod cyfredol."));
        rows.add(List.of("Data quality", "Completeness: the percentage of an authority's current records that have the "
                + "field, out of those that should (see each heading). Rules: rows of its current submissions, kept or "
                + "rejected, that broke each validation rule of the template (see mappings/template/README.md). Rows "
                + "are counted as sent, so they do not add up to the published measures. Missing referral sources and "
                + "refusal reasons (AO-012) are in Table_4 and Table_2 as 'not_recorded'.",
                "Cyflawnrwydd: canran y cofnodion sydd â'r maes. Rheolau: rhesi a dorrodd bob rheol ddilysu."));
        for (Table table : TABLES) {
            String share = PublishedShare.of(published.stream().filter(p -> p.row().measure().equals(table.measure())))
                    .fraction();
            rows.add(List.of(table.sheet(), "Wales and region figures shown: " + share + "; the rest are [c].",
                    "Ffigurau Cymru a'r rhanbarthau a ddangosir: " + share + "; mae'r gweddill yn [c]."));
        }
        grid(sheet, 2, rows);
        markAsTable(sheet, 2, rows.size(), rows.get(0), "notes");
    }

    private static void coverage(Sheet sheet, DataQuality.Coverage coverage) {
        lines(sheet, List.of(COVERAGE.titleEn() + " / " + COVERAGE.titleCy(),
                "This worksheet contains one table. Received / Wedi dod i law; Missing / Ar goll. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        List<Object> head = new ArrayList<>(List.of("Authority code / Cod awdurdod", "Authority / Awdurdod",
                "Awdurdod (Cymraeg)", "Quarters missing / Chwarteri ar goll"));
        head.addAll(coverage.quarters());
        rows.add(head);
        for (DataQuality.Coverage.Line line : coverage.authorities()) {
            List<Object> row = new ArrayList<>(List.of(line.authority().onsCode(), line.authority().nameEn(),
                    line.authority().nameCy(), coverage.quarters().size() - line.quartersReceived().size()));
            coverage.quarters().forEach(q -> row.add(line.received(q) ? "Received / Wedi dod i law"
                    : "Missing / Ar goll"));
            rows.add(row);
        }
        grid(sheet, 2, rows);
        markAsTable(sheet, 2, rows.size(), head, "table_5");
    }

    private static void quality(Sheet sheet, DataQuality.Quality quality, RecordingTemplate template,
            int threshold) {
        lines(sheet, List.of(QUALITY.titleEn() + " / " + QUALITY.titleCy(),
                "This worksheet contains one table. Some cells refer to notes: see the Notes sheet. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        List<Object> head = new ArrayList<>(List.of("Authority code / Cod awdurdod", "Authority / Awdurdod",
                "Awdurdod (Cymraeg)"));
        DataQuality.KEY_FIELDS.forEach(field -> head.add(field.labelEn() + " / " + field.labelCy()));
        quality.ruleIds().forEach(rule -> head.add("Rows breaking " + rule + " (" + template.rule(rule).field()
                + ") / Rhesi sy'n torri " + rule));
        rows.add(head);
        for (DataQuality.Quality.Line line : quality.authorities()) {
            List<Object> row = new ArrayList<>(List.of(line.authority().onsCode(), line.authority().nameEn(),
                    line.authority().nameCy()));
            line.completeness().values().forEach(c -> row.add(numberOrSymbol(c.display(threshold))));
            line.ruleCounts().values().forEach(n -> row.add(DisclosureControl.isSmall(n, threshold) ? DisclosureControl.CONFIDENTIAL : n));
            rows.add(row);
        }
        grid(sheet, 2, rows);
        markAsTable(sheet, 2, rows.size(), head, "table_6");
    }

    /**
     * The question officials ask most: each region's take-up rate in the latest quarter published, the quarter before,
     * and the change in percentage points; {@code [c]} or {@code [z]} where either rate is not shown.
     */
    private static void change(Sheet sheet, List<PublishedAggregate> published, PublicationLabels labels,
            CellStyle percent) {
        Map<String, Map<String, PublishedAggregate>> rateByGeography = new LinkedHashMap<>();
        java.util.TreeSet<String> quarters = new java.util.TreeSet<>();
        for (PublishedAggregate p : published) {
            var row = p.row();
            if (row.statistic().equals("take_up_rate") && row.cell().periodType().equals("quarter")
                    && row.cell().route().equals("all")
                    && List.of("wales", "region").contains(row.cell().geographyLevel())) {
                rateByGeography.computeIfAbsent(row.cell().geographyCode(), g -> new LinkedHashMap<>())
                        .put(row.cell().period(), p);
                quarters.add(row.cell().period());
            }
        }
        String latest = quarters.isEmpty() ? "" : quarters.last();
        String before = quarters.size() < 2 ? "" : quarters.lower(latest);
        lines(sheet, List.of(CHANGE.titleEn() + " / " + CHANGE.titleCy(),
                "This worksheet contains one table. Change is in percentage points. Some cells refer to notes: see the "
                        + "Notes sheet. / Mae'r daflen waith hon yn cynnwys un tabl. Mae'r newid mewn pwyntiau canran."));
        List<Object> head = List.of("Geography code / Cod daearyddiaeth", "Geography / Daearyddiaeth",
                "Daearyddiaeth (Cymraeg)", "Take-up rate " + before + " / Cyfradd manteisio " + before,
                "Take-up rate " + latest + " / Cyfradd manteisio " + latest,
                "Change, percentage points / Newid, pwyntiau canran");
        Row headRow = sheet.createRow(2);
        for (int c = 0; c < head.size(); c++) {
            headRow.createCell(c).setCellValue(head.get(c).toString());
        }
        int index = 3;
        for (Map.Entry<String, Map<String, PublishedAggregate>> geography : rateByGeography.entrySet()) {
            Row row = sheet.createRow(index++);
            PublicationLabels.Label name = labels.geography(geography.getKey());
            row.createCell(0).setCellValue(geography.getKey());
            row.createCell(1).setCellValue(name.en());
            row.createCell(2).setCellValue(name.cy());
            PublishedAggregate previous = geography.getValue().get(before);
            PublishedAggregate current = geography.getValue().get(latest);
            rate(row, 3, previous, percent);
            rate(row, 4, current, percent);
            if (previous == null || current == null || previous.symbol() != null || current.symbol() != null) {
                String symbol = previous == null || current == null ? "[x]"
                        : DisclosureControl.CONFIDENTIAL.equals(previous.symbol())
                                || DisclosureControl.CONFIDENTIAL.equals(current.symbol())
                                ? DisclosureControl.CONFIDENTIAL : DisclosureControl.NOT_APPLICABLE;
                row.createCell(5).setCellValue(symbol);
            } else {
                row.createCell(5).setCellValue(java.math.BigDecimal.valueOf(100 * (Double.parseDouble(current.display())
                        - Double.parseDouble(previous.display()))).setScale(1, java.math.RoundingMode.HALF_UP)
                        .doubleValue());
            }
        }
        markAsTable(sheet, 2, index - 2, head, "table_7");
    }

    private static void revisions(Sheet sheet, List<Revisions.Revision> revisions, PublicationLabels labels) {
        lines(sheet, List.of(REVISIONS.titleEn() + " / " + REVISIONS.titleCy(),
                "This worksheet contains one table. A release with nothing revised has no rows. / Mae'r daflen waith "
                        + "hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Table / Tabl", "Geography / Daearyddiaeth", "Period / Cyfnod",
                "What the value is (English)", "Beth yw'r gwerth (Cymraeg)", "Previous value / Gwerth blaenorol",
                "New value / Gwerth newydd", "Why: submissions since the previous release / Pam: cyflwyniadau ers y "
                        + "rhyddhad blaenorol"));
        for (Revisions.Revision revision : revisions) {
            var row = revision.figure().row();
            PublicationLabels.Label described = labels.describe(row);
            String table = TABLES.stream().filter(t -> t.measure().equals(row.measure())).map(Table::sheet).findFirst()
                    .orElse("");
            rows.add(List.of(table, SpreadsheetSafe.cell(row.geographyName()), row.cell().period(),
                    SpreadsheetSafe.cell(described.en()), SpreadsheetSafe.cell(described.cy()),
                    Double.parseDouble(revision.previous()), Double.parseDouble(revision.figure().display()),
                    SpreadsheetSafe.cell(revision.submissions().isEmpty() ? "a change in the records already held"
                            : String.join("; ", revision.submissions()))));
        }
        grid(sheet, 2, rows);
        markAsTable(sheet, 2, rows.size(), rows.get(0), "revisions");
    }

    private static void rate(Row row, int column, PublishedAggregate rate, CellStyle percent) {
        if (rate == null) {
            row.createCell(column).setCellValue("[x]");
        } else if (rate.symbol() != null) {
            row.createCell(column).setCellValue(rate.symbol());
        } else {
            var cell = row.createCell(column);
            cell.setCellValue(Double.parseDouble(rate.display()));
            cell.setCellStyle(percent);
        }
    }

    private static Object numberOrSymbol(String shown) {
        return shown.startsWith("[") ? shown : Integer.valueOf(shown);
    }

    private static void table(SXSSFWorkbook workbook, Table table, List<PublishedAggregate> rows,
            PublicationLabels labels, CellStyle percent) {
        Sheet sheet = workbook.createSheet(table.sheet());
        lines(sheet, List.of(table.titleEn() + " / " + table.titleCy(),
                "This worksheet contains one table. Some cells refer to notes: see the Notes sheet. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl."));
        Row head = sheet.createRow(2);
        for (int c = 0; c < HEADINGS.size(); c++) {
            head.createCell(c).setCellValue(HEADINGS.get(c));
        }
        int index = 3;
        for (PublishedAggregate published : rows) {
            Row row = sheet.createRow(index++);
            var r = published.row();
            Object[] cells = {r.measure(), r.statistic(), r.cell().geographyLevel(), r.cell().geographyCode(),
                r.geographyName(), r.cell().periodType(), r.cell().period(), r.cell().route(), r.stage(), r.category()};
            for (int c = 0; c < cells.length; c++) {
                row.createCell(c).setCellValue(cells[c] == null ? "" : SpreadsheetSafe.cell(cells[c].toString()));
            }
            if (published.symbol() != null) {
                row.createCell(cells.length).setCellValue(published.symbol());
            } else {
                var value = row.createCell(cells.length);
                value.setCellValue(Double.parseDouble(published.display()));
                if (isRate(r.statistic())) {
                    value.setCellStyle(percent);
                }
            }
            PublicationLabels.Label described = labels.describe(r);
            String[] words = {labels.geography(r.cell().geographyCode()).cy(), described.en(), described.cy()};
            for (int w = 0; w < words.length; w++) {
                row.createCell(cells.length + 1 + w).setCellValue(SpreadsheetSafe.cell(words[w]));
            }
            row.createCell(cells.length + 1 + words.length).setCellValue(published.revised()
                    ? PublishedAggregate.REVISED : "");
        }
        markAsTable(sheet, 2, rows.size() + 1, List.copyOf(HEADINGS), table.sheet().toLowerCase(java.util.Locale.ROOT));
    }

    private static void lines(Sheet sheet, List<String> text) {
        for (int i = 0; i < text.size(); i++) {
            sheet.createRow(i).createCell(0).setCellValue(text.get(i));
        }
    }

    private static void grid(Sheet sheet, int firstRow, List<List<Object>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(firstRow + r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else {
                    row.createCell(c).setCellValue(value.toString());
                }
            }
        }
    }

    /** A rate or share, shown as a percentage with one decimal. */
    static boolean isRate(String statistic) {
        return statistic.endsWith("_rate") || statistic.startsWith("share");
    }

    /**
     * Marks the block as an Excel table (on the streaming sheet's underlying sheet, as POI requires), with the
     * heading cells as its column names (what screen readers read), the heading row frozen, and columns wide enough
     * for their headings.
     */
    private static void markAsTable(Sheet sheet, int headerRow, int rowCount, List<?> headings, String name) {
        int columns = headings.size();
        var underlying = ((org.apache.poi.xssf.streaming.SXSSFSheet) sheet).getWorkbook().getXSSFWorkbook()
                .getSheet(sheet.getSheetName());
        AreaReference area = new AreaReference(new CellReference(headerRow, 0),
                new CellReference(headerRow + Math.max(1, rowCount - 1), columns - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = underlying.createTable(area);
        table.setName(name);
        table.setDisplayName(name);
        for (int c = 0; c < columns; c++) {
            String heading = headings.get(c).toString();
            table.getCTTable().getTableColumns().getTableColumnArray(c).setName(heading);
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, heading.length() + 2)) * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        printOnePageWide(sheet);
    }

    /** Printed (or saved as PDF), a sheet is as wide as one landscape page, and as long as it needs. */
    private static void printOnePageWide(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }
}
