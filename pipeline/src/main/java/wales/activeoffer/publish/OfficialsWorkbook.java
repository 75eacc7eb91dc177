package wales.activeoffer.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFTable;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.disclosure.SmallCounts;
import wales.activeoffer.quality.DataQuality;
import wales.activeoffer.receipt.SpreadsheetSafe;
import wales.activeoffer.template.RecordingTemplate;

/**
 * The workbook officials receive, laid out as the GSS guidance "Releasing statistics in spreadsheets" asks: a cover
 * sheet, a table of contents and notes first; then one table per sheet, its title in A1, a line saying what the sheet
 * holds, and the table straight below, marked up as an Excel table whose column names are the headings; no merged
 * cells; English and Welsh side by side. The worked table officials ask for most (each region's take-up this quarter
 * against the last) comes first; then each table of the publication plan laid out tidy ({@link TidyTable}): words,
 * not codes, a row per area, period and breakdown, a column per statistic with its unit in the heading, with exactly
 * the figures of {@code aggregates.csv};
 * then coverage and data quality (those of {@code coverage.csv} and {@code data-quality.csv}), and the revisions.
 */
final class OfficialsWorkbook {
    static final String FILE_NAME = "active-offer-official-statistics.xlsx";
    static final String MANAGEMENT_INFORMATION_FILE_NAME = "active-offer-management-information.xlsx";

    /**
     * Which workbook: the public series' (protected, on the calendar) or the officials' nightly management
     * information (exact, restricted).
     *
     * @param forOfficials whether it is the officials' nightly management information
     * @param publication the public release's date, calendar and revisions policy; {@code null} for officials'
     * @param contact     the statistician's email address, or {@code null} where none is configured
     */
    record Edition(boolean forOfficials, ReleaseManifest.Publication publication, String contact) {
        static Edition managementInformation(String contact) {
            return new Edition(true, null, contact);
        }

        static Edition publicSeries(ReleaseManifest.Publication publication, String contact) {
            return new Edition(false, publication, contact);
        }

        String fileName() {
            return forOfficials ? MANAGEMENT_INFORMATION_FILE_NAME : FILE_NAME;
        }
    }
    static final String CHANGE_SHEET = "Take_up_change";
    static final int ROW_WINDOW = 200;
    private static final int MIN_WIDTH_CHARS = 12;
    private static final int MAX_WIDTH_CHARS = 80;
    /** The width a heading wraps to, in characters, unless the column's entries need more. */
    private static final int HEADING_CHARS = 18;
    private static final int COVER_WIDTH_CHARS = 95;
    private static final int PERCENTAGE_POINT_SCALE = 1;
    /** The spreadsheet header and footer fields for the sheet's name, and "page / pages". */
    private static final String SHEET_NAME_FIELD = "&A";
    private static final String PAGE_OF_PAGES_FIELDS = "&P / &N";
    /** The height of one line of the default font (Calibri 11), in points. */
    private static final float LINE_POINTS = 15f;

    /** A sheet: its name, and its English and Welsh titles. */
    private record Table(String sheet, String titleEn, String titleCy) {
    }

    /** What each measure's tables are about, in English and Welsh. */
    private static final Map<String, PublicationLabels.Label> MEASURE_TITLES = Map.of(
            "take_up", new PublicationLabels.Label("Take-up of the Active Offer: offers, meetings and advocacy taken up",
                    "Manteisio ar y Cynnig Rhagweithiol: cynigion, cyfarfodydd ac eiriolaeth a dderbyniwyd"),
            "refusal_reasons", new PublicationLabels.Label("Reasons for not accepting, by stage",
                    "Rhesymau dros beidio â derbyn, fesul cam"),
            "response_time", new PublicationLabels.Label("Response times in working days",
                    "Amserau ymateb mewn diwrnodau gwaith"),
            "referral_sources", new PublicationLabels.Label("Sources of referrals", "Ffynonellau atgyfeiriadau"));

    private static final Table CHANGE = new Table(CHANGE_SHEET,
            "Take-up rate by region: the latest quarter against the one before",
            "Cyfradd manteisio fesul rhanbarth: y chwarter diweddaraf o'i gymharu â'r un cynt");
    static final String TOP_REASONS_SHEET = "Top_refusal_reasons";
    private static final Table TOP_REASONS = new Table(TOP_REASONS_SHEET,
            "Reasons for not accepting in Wales in the latest financial year, most common first",
            "Rhesymau dros beidio â derbyn yng Nghymru yn y flwyddyn ariannol ddiweddaraf, y mwyaf cyffredin yn gyntaf");
    private static final Table COVERAGE = new Table("Coverage",
            "Coverage: quarters each authority has sent records for, and who is missing",
            "Cwmpas: y chwarteri y mae pob awdurdod wedi anfon cofnodion ar eu cyfer, a phwy sydd ar goll");
    private static final Table QUALITY = new Table("Data_quality",
            "Data quality by authority: completeness of key fields and rows by validation rule",
            "Ansawdd data fesul awdurdod: cyflawnrwydd meysydd allweddol a rhesi fesul rheol ddilysu");
    private static final Table REVISIONS = new Table("Revisions",
            "Figures revised since the previous release, and why",
            "Ffigurau a ddiwygiwyd ers y rhyddhad blaenorol, a pham");

    private OfficialsWorkbook() {
    }

    /** The styles a sheet's cells need: percentages with one decimal or none, and wrapped text. */
    record Styles(CellStyle percent, CellStyle wholePercent, CellStyle wrapped) {
        static Styles of(Workbook workbook) {
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            CellStyle wholePercent = workbook.createCellStyle();
            wholePercent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            return new Styles(percent, wholePercent, wrapped);
        }
    }

    static void write(Path file, String release, List<PublishedAggregate> rows, DataQuality.Coverage coverage,
            DataQuality.Quality quality, RecordingTemplate template, PublicationLabels labels, int threshold,
            List<Revisions.Revision> revisions, PublicationPlan plan, List<TidyTable.Area> areas, Edition edition) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle("The Active Offer of independent professional advocacy: national dataset, release "
                    + release);
            properties.setCreator("All-Wales Active Offer dataset");
            properties.getUnderlyingProperties().setLanguageProperty("en-GB");
            Styles styles = Styles.of(workbook);
            List<Table> planTables = new ArrayList<>();
            for (int t = 0; t < plan.tables().size(); t++) {
                planTables.add(title("Table_" + (t + 1), plan.tables().get(t)));
            }
            cover(workbook.createSheet("Cover_sheet"), release, edition);
            contents(workbook.createSheet("Table_of_contents"), planTables, styles);
            notes(workbook.createSheet("Notes"), rows, plan, planTables, labels, styles, edition);
            change(workbook.createSheet(CHANGE.sheet()), rows, labels, styles);
            topReasons(workbook.createSheet(TOP_REASONS.sheet()), rows, labels, styles);
            for (int t = 0; t < planTables.size(); t++) {
                tidy(workbook.createSheet(planTables.get(t).sheet()), planTables.get(t),
                        TidyTable.of(plan.tables().get(t), rows, areas), labels, styles);
            }
            coverage(workbook.createSheet(COVERAGE.sheet()), coverage, styles);
            quality(workbook.createSheet(QUALITY.sheet()), quality, template, threshold, styles);
            revisions(workbook.createSheet(REVISIONS.sheet()), revisions, labels, plan, planTables, styles);
            workbook.forEach(OfficialsWorkbook::printLayout);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * A plan table's title in words, for example "Take-up of the Active Offer…, by quarter: Wales and regions".
     */
    private static Table title(String sheet, PublicationPlan.Table table) {
        PublicationLabels.Label measure = MEASURE_TITLES.get(table.measure());
        boolean quarter = table.period().equals("quarter");
        List<String> en = new ArrayList<>();
        List<String> cy = new ArrayList<>();
        if (table.geographies().contains("wales")) {
            en.add("Wales");
            cy.add("Cymru");
        }
        if (table.geographies().contains("region")) {
            en.add("regions");
            cy.add("y rhanbarthau");
        }
        if (table.geographies().contains("authority")) {
            en.add("local authorities");
            cy.add("yr awdurdodau lleol");
        }
        String routeEn = table.eachRoute() ? ", by eligibility route" : "";
        String routeCy = table.eachRoute() ? ", fesul llwybr cymhwysedd" : "";
        return new Table(sheet,
                measure.en() + ", by " + (quarter ? "quarter" : "financial year") + routeEn + ": " + list(en, "and"),
                measure.cy() + ", fesul " + (quarter ? "chwarter" : "blwyddyn ariannol") + routeCy + ": "
                        + list(cy, "a"));
    }

    private static String list(List<String> words, String and) {
        String joined = words.size() < 2 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " " + and + " " + words.get(words.size() - 1);
        return (joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1)).replace(" a y ", " a'r ");
    }

    private static void cover(Sheet sheet, String release, Edition edition) {
        sheet.setColumnWidth(0, COVER_WIDTH_CHARS * 256);
        List<String> text = new ArrayList<>(List.of(
                "The Active Offer of independent professional advocacy: national dataset / Y Cynnig Rhagweithiol o "
                        + "eiriolaeth broffesiynol annibynnol: set ddata genedlaethol"));
        if (edition.forOfficials()) {
            text.add("MANAGEMENT INFORMATION for the named Welsh Government officials only: not for forwarding or "
                    + "publication. The figures are exact, and small numbers are not hidden, so they could identify "
                    + "a child. The published statistics are the public series, on its calendar. / GWYBODAETH "
                    + "REOLI i'r swyddogion a enwir yn Llywodraeth Cymru yn unig: nid i'w hanfon ymlaen na'i "
                    + "chyhoeddi. Mae'r ffigurau'n union, ac ni chuddir niferoedd bach, felly gallent adnabod "
                    + "plentyn. Yr ystadegau cyhoeddedig yw'r gyfres gyhoeddus, ar ei chalendr.");
        }
        text.add((edition.forOfficials() ? "Nightly dataset / Set ddata nosweithiol: "
                : "Release / Rhyddhad: ") + release);
        text.addAll(List.of(
                "Take-up, reasons for not accepting, response times and referral sources for Wales, its six "
                        + "advocacy regions and 22 local authorities, by financial year and quarter. / Manteisio, "
                        + "rhesymau dros beidio â derbyn, amserau ymateb a ffynonellau atgyfeirio i Gymru, ei chwe "
                        + "rhanbarth eiriolaeth a'i 22 awdurdod lleol, fesul blwyddyn ariannol a chwarter.",
                "Source: returns from local authorities and advocacy providers, normalised to the national Active "
                        + "Offer Recording Template. / Ffynhonnell: ffurflenni gan awdurdodau lleol a darparwyr "
                        + "eiriolaeth, wedi'u safoni i Dempled Cofnodi cenedlaethol y Cynnig Rhagweithiol.",
                "Definitions of every measure are in the Notes sheet. / Mae diffiniad pob mesur ar y daflen Nodiadau."));
        ReleaseManifest.Publication publication = edition.publication();
        if (edition.forOfficials()) {
            text.add("Built / Adeiladwyd: " + LocalDate.now());
            text.add("Next update: tomorrow morning, when new returns arrive / Diweddariad nesaf: bore yfory, pan "
                    + "ddaw ffurflenni newydd i law");
        } else {
            text.add("Published / Cyhoeddwyd: " + publication.publishedOn() + (publication.adHoc()
                    ? " (an ad hoc release, off the publication calendar / rhyddhad ad hoc, y tu allan i'r calendr "
                    + "cyhoeddi)" : publication.figuresTo() == null ? "" : " (figures to / ffigurau hyd at "
                    + publication.figuresTo() + ")"));
            text.add("Status: official statistics in development / Statws: ystadegau swyddogol sy'n cael eu datblygu");
            text.add("Next release / Rhyddhad nesaf: " + (publication.nextRelease() == null
                    ? "not yet announced / heb ei gyhoeddi eto" : publication.nextRelease())
                    + " (publication calendar / calendr cyhoeddi)");
            text.add("Revisions policy: " + PublicationCalendar.REVISIONS_POLICY + " / Polisi diwygio: "
                    + PublicationCalendar.REVISIONS_POLICY_CY);
        }
        text.add(edition.contact() == null
                ? "Contact: the Active Offer data team, through your regional lead / Cyswllt: tîm data'r Cynnig "
                        + "Rhagweithiol, drwy eich arweinydd rhanbarthol"
                : "Contact: the Active Offer statistics team, " + edition.contact() + " (you can write in Welsh or "
                        + "English) / Cyswllt: tîm ystadegau'r Cynnig Rhagweithiol, " + edition.contact()
                        + " (gallwch ysgrifennu yn Gymraeg neu yn Saesneg)");
        lines(sheet, text);
        CellStyle wrapped = sheet.getWorkbook().createCellStyle();
        wrapped.setWrapText(true);
        sheet.forEach(row -> row.forEach(cell -> {
            cell.setCellStyle(wrapped);
            int lines = 1 + cell.getStringCellValue().length() / (COVER_WIDTH_CHARS - 20);
            row.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints() * 1.1f);
        }));
    }

    private static void contents(Sheet sheet, List<Table> planTables, Styles styles) {
        lines(sheet, List.of("Table of contents / Tabl cynnwys",
                "This worksheet contains one table. / Mae'r daflen waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Sheet name / Enw'r daflen", "Table title (English)", "Teitl y tabl (Cymraeg)"));
        rows.add(List.of("Notes", "Notes, definitions and symbols", "Nodiadau, diffiniadau a symbolau"));
        List<Table> sheets = new ArrayList<>(List.of(CHANGE, TOP_REASONS));
        sheets.addAll(planTables);
        sheets.addAll(List.of(COVERAGE, QUALITY, REVISIONS));
        sheets.forEach(t -> rows.add(List.of(t.sheet(), t.titleEn(), t.titleCy())));
        int[] widths = grid(sheet, 2, rows, styles);
        var helper = sheet.getWorkbook().getCreationHelper();
        for (int r = 1; r < rows.size(); r++) {
            var link = helper.createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress("'" + rows.get(r).get(0) + "'!A1");
            sheet.getRow(2 + r).getCell(0).setHyperlink(link);
        }
        markAsTable(sheet, 2, rows.size(), rows.get(0), "contents", widths);
    }

    private static void notes(Sheet sheet, List<PublishedAggregate> published, PublicationPlan plan,
            List<Table> planTables, PublicationLabels labels, Styles styles, Edition edition) {
        lines(sheet, List.of("Notes / Nodiadau",
                "This worksheet contains one table. / Mae'r daflen waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Note / Nodyn", "Note text (English)", "Testun y nodyn (Cymraeg)"));
        if (edition.forOfficials()) {
            rows.add(List.of("Exact", "These figures are exact: no count is perturbed or hidden. They are management "
                    + "information for the named officials, not for forwarding.", "Mae'r ffigurau hyn yn union: ni "
                    + "chaiff unrhyw gyfrif ei aflonyddu na'i guddio. Gwybodaeth reoli ydynt i'r swyddogion a enwir, "
                    + "nid i'w hanfon ymlaen."));
        } else {
            int most = edition.publication().maxPerturbation();
            rows.add(List.of("Perturbation", CsvwMetadata.perturbationNote(most), "Caiff cyfrifon eu haflonyddu "
                    + "drwy'r dull allwedd cell. Caiff cyfrif pob awdurdod am un chwarter ac un "
                    + "llwybr cymhwysedd ei symud gan " + most + " ar y mwyaf (mae sero yn aros yn 0, ac ni chyhoeddir "
                    + "1 na 2 byth); swm y rheini yw pob cyfrif a gyhoeddir, felly mae ardal, blwyddyn neu bob llwybr "
                    + "yn adio'n union i'w rhannau fel y'u cyhoeddir, ac yn wahanol i'r gwir gyfrif gan " + most
                    + " ar y mwyaf am bob chwarter a llwybr awdurdod ynddo. Caiff cyfrifon fesul categori eu "
                    + "haflonyddu ar wahân i'w cyfansymiau, felly nid oes rhaid i ffynonellau atgyfeirio adio i "
                    + "gynigion, rhesymau i wrthodiadau cam, o fewn a thu hwnt i'r targed i'r amserau a fesurwyd, na "
                    + "manteisio a gwrthod yn y cyfarfod i'r cyfarfodydd a gynhaliwyd. Cyfrifir cyfraddau a "
                    + "chyfrannau o'r cyfrifon a gyhoeddir, a 1 yw'r mwyaf."));
        }
        NOTES.forEach(note -> rows.add(List.of(note.get(0), note.get(1), note.get(2))));
        PublicationPlan.CATEGORY_LISTS.keySet().stream().sorted().forEach(measure -> plan.combinations(measure)
                .forEach((group, parts) -> {
                    PublicationLabels.Label combined = labels.category(group);
                    List<PublicationLabels.Label> each = parts.stream().map(labels::category).toList();
                    rows.add(List.of("Combined categories", "'" + combined.en() + "' counts "
                            + String.join(", ", each.stream().map(l -> "'" + l.en() + "'").toList())
                            + " together: each alone is too small to show by region.",
                            "Mae '" + combined.cy() + "' yn cyfrif " + String.join(", ", each.stream()
                                    .map(l -> "'" + l.cy() + "'").toList())
                                    + " gyda'i gilydd: mae pob un ar ei ben ei hun yn rhy fach i'w ddangos fesul "
                                    + "rhanbarth."));
                }));
        for (int t = 0; t < planTables.size(); t++) {
            PublicationPlan.Table table = plan.tables().get(t);
            String share = PublishedShare.of(published.stream()
                    .filter(p -> table.covers(p.row().measure(), p.row().cell()))).fraction();
            rows.add(List.of(planTables.get(t).sheet(), "Wales and region figures shown: " + share
                    + "; the rest are [c].", "Ffigurau Cymru a'r rhanbarthau a ddangosir: " + share
                    + "; mae'r gweddill yn [c]."));
        }
        int[] widths = grid(sheet, 2, rows, styles);
        markAsTable(sheet, 2, rows.size(), rows.get(0), "notes", widths);
    }

    /** Each note: its name or symbol, the English, and the Welsh, which says all the English says. */
    private static final List<List<String>> NOTES = List.of(
            List.of("[c]", "Confidential: a count of 1 to 4 is not shown, so that no child can be identified (in the "
                    + "public series, a count whose perturbed value is 3 or 4: see Perturbation), nor any rate, share "
                    + "or response time built on a count not shown. A median or 90th percentile is shown only beside "
                    + "at least 10 response times. A [c] is never a zero. In Coverage and Data_quality, a percentage of "
                    + "1 to 4 records, or a count of 1 to 4 rows.",
                    "Cyfrinachol: ni ddangosir cyfrif o 1 i 4, fel na ellir adnabod unrhyw blentyn (yn y gyfres "
                    + "gyhoeddus, cyfrif y mae ei werth wedi'i aflonyddu yn 3 neu 4: gweler Perturbation), nac unrhyw "
                    + "gyfradd, cyfran neu amser ymateb sy'n seiliedig ar gyfrif na ddangosir. Dangosir canolrif neu "
                    + "90fed canradd dim ond wrth ymyl o leiaf 10 amser ymateb. Nid yw [c] byth yn sero. Yn Coverage a "
                    + "Data_quality, canran o 1 i 4 cofnod, neu gyfrif o 1 i 4 rhes."),
            List.of("[z]", "Not applicable: a rate, share or response time over nothing (for example a take-up rate "
                    + "where no meeting was held), a figure that a row does not have (the share of all reasons, which "
                    + "is all of them), or a field that no record of the authority should have.",
                    "Amherthnasol: cyfradd, cyfran neu amser ymateb dros ddim (er enghraifft cyfradd manteisio lle na "
                    + "chynhaliwyd cyfarfod), ffigur nad yw gan res (cyfran pob rheswm, sef pob un ohonynt), neu "
                    + "faes na ddylai fod gan unrhyw gofnod o'r awdurdod."),
            List.of("[x]", "Not available: no records of that place for that period have been received (see Coverage).",
                    "Ddim ar gael: ni dderbyniwyd unrhyw gofnodion ar gyfer y lle hwnnw yn y cyfnod hwnnw (gweler "
                    + "Coverage)."),
            List.of("[r]", "Revised: the figure differs from the one the previous release published; the Revisions "
                    + "sheet lists each, with the submissions that changed it. In the tables, the Notes column names "
                    + "the figures of the row revised.",
                    "Diwygiwyd: mae'r ffigur yn wahanol i'r un a gyhoeddwyd yn y rhyddhad blaenorol; mae'r daflen "
                    + "Revisions yn rhestru pob un, gyda'r cyflwyniadau a'i newidiodd. Yn y tablau, mae'r golofn "
                    + "Nodiadau yn enwi ffigurau'r rhes a ddiwygiwyd."),
            List.of("Zeros", "A 0 is a true zero: no offer, refusal or referral of that kind was recorded for that "
                    + "place and period.",
                    "Mae 0 yn sero go iawn: ni chofnodwyd unrhyw gynnig, gwrthodiad nac atgyfeiriad o'r math hwnnw ar "
                    + "gyfer y lle a'r cyfnod hwnnw."),
            List.of("Take-up", "Offers: offers of an Active Offer meeting. Meetings accepted: offers the child accepted. "
                    + "Meetings held: meetings at which the child took up advocacy, declined it or asked for time to "
                    + "think. Advocacy taken up: meetings at which the child took it up. Take-up rate = taken up / "
                    + "meetings held. Conversion rate = taken up / offers.",
                    "Cynigion: cynigion o gyfarfod Cynnig Rhagweithiol. Cyfarfodydd a dderbyniwyd: cynigion a "
                    + "dderbyniodd y plentyn. Cyfarfodydd a gynhaliwyd: cyfarfodydd lle bu i'r plentyn dderbyn "
                    + "eiriolaeth, ei gwrthod neu ofyn am amser i feddwl. Eiriolaeth a dderbyniwyd: cyfarfodydd lle bu "
                    + "i'r plentyn ei derbyn. Cyfradd manteisio = a dderbyniwyd / cyfarfodydd a gynhaliwyd. Cyfradd "
                    + "trosi = a dderbyniwyd / cynigion."),
            List.of("Refusal reasons", "A refusal is at the offer (the child declined the offer of a meeting) or at "
                    + "the meeting (the child declined advocacy there, or asked for time to think). Share = refusals "
                    + "for that reason / all refusals at that stage. 'Not recorded': the child declined but no reason "
                    + "was recorded.",
                    "Mae gwrthodiad wrth gynnig (gwrthododd y plentyn y cynnig o gyfarfod) neu yn y cyfarfod "
                    + "(gwrthododd y plentyn eiriolaeth yno, neu ofyn am amser i feddwl). Cyfran = gwrthodiadau am y "
                    + "rheswm hwnnw / pob gwrthodiad yn y cam hwnnw. 'Heb ei gofnodi': gwrthododd y plentyn ond ni "
                    + "chofnodwyd rheswm."),
            List.of("Response time", "Working days (England and Wales, without weekends and bank holidays) after the "
                    + "referral up to and including the meeting or the first contact. Median; 90th percentile "
                    + "(nearest rank); number within and beyond the target of 10 working days; share within the "
                    + "target.",
                    "Diwrnodau gwaith (Cymru a Lloegr, heb benwythnosau a gwyliau banc) ar ôl yr atgyfeiriad hyd at y "
                    + "cyfarfod neu'r cyswllt cyntaf, gan ei gynnwys. Canolrif; 90fed canradd (y safle agosaf); nifer "
                    + "o fewn a thu hwnt i'r targed o 10 diwrnod gwaith; cyfran o fewn y targed."),
            List.of("Referral sources", "Who referred the child to the advocacy provider. Share = referrals from that "
                    + "source / offers. 'Not recorded': no source was recorded.",
                    "Pwy a atgyfeiriodd y plentyn at y darparwr eiriolaeth. Cyfran = atgyfeiriadau o'r ffynhonnell "
                    + "honno / cynigion. 'Heb ei gofnodi': ni chofnodwyd ffynhonnell."),
            List.of("Period", "Financial years run from 1 April to 31 March; Q1 is April to June. Offers are counted "
                    + "in the period of the offer date.",
                    "Mae blynyddoedd ariannol yn rhedeg o 1 Ebrill i 31 Mawrth; Ch1 yw Ebrill i Fehefin. Mae cynigion "
                    + "yn cael eu cyfrif yng nghyfnod dyddiad y cynnig."),
            List.of("Coverage", "An authority has sent records for a quarter when the release holds at least one "
                    + "current record of its offers in that quarter. Quarters run from the first to the last that "
                    + "anyone sent.",
                    "Mae awdurdod wedi anfon cofnodion ar gyfer chwarter pan fo'r rhyddhad yn cynnwys o leiaf un "
                    + "cofnod cyfredol o'i gynigion yn y chwarter hwnnw. Mae'r chwarteri'n rhedeg o'r cyntaf i'r olaf "
                    + "a anfonodd unrhyw un."),
            List.of("Data quality", "Completeness: the percentage of an authority's current records that have the "
                    + "field, out of those that should (see each heading). Rules: rows of its current submissions, "
                    + "kept or rejected, that broke each validation rule of the national recording template (each "
                    + "heading says what the rule checks). Rows are counted as sent, so they do not add up to the "
                    + "published measures. A refusal with no reason recorded is published as 'Not recorded'.",
                    "Cyflawnrwydd: canran cofnodion cyfredol awdurdod sydd â'r maes, o blith y rhai a ddylai (gweler "
                    + "pob pennawd). Rheolau: rhesi o'i gyflwyniadau cyfredol, a gadwyd neu a wrthodwyd, a dorrodd "
                    + "bob rheol ddilysu yn y templed cofnodi cenedlaethol (mae pob pennawd yn dweud beth mae'r "
                    + "rheol yn ei wirio). Mae rhesi'n cael eu cyfrif fel y'u hanfonwyd, felly nid ydynt yn adio i'r "
                    + "mesurau a gyhoeddir. Caiff gwrthodiad heb reswm wedi'i gofnodi ei gyhoeddi fel 'Heb ei "
                    + "gofnodi'."));

    /** The heading of a measure's category column: what its categories are. */
    private static final Map<String, PublicationLabels.Label> CATEGORY_HEADINGS = Map.of(
            "refusal_reasons", new PublicationLabels.Label("Reason", "Rheswm"),
            "referral_sources", new PublicationLabels.Label("Referral source", "Ffynhonnell atgyfeirio"),
            "response_time", new PublicationLabels.Label("Interval", "Cyfwng"));

    /**
     * A plan table laid out tidy ({@link TidyTable}): the area, the period and the breakdown in words, then a column
     * per statistic with its unit in the heading, then the statistics revised, then the Welsh words and the codes.
     */
    private static void tidy(Sheet sheet, Table title, TidyTable tidy, PublicationLabels labels, Styles styles) {
        String measure = tidy.table().measure();
        boolean routes = tidy.table().eachRoute();
        boolean stages = tidy.hasStages();
        boolean categories = tidy.hasCategories();
        lines(sheet, List.of(title.titleEn() + " / " + title.titleCy(),
                "This worksheet contains one table: a row for each " + rowsFor(measure, routes, stages, categories)
                        + ", a column for each figure, its unit in the heading. The "
                        + "same figures are in aggregates.csv (measure " + measure + ", period type "
                        + tidy.table().period() + "). Some cells refer to notes: see the Notes sheet. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl: rhes ar gyfer pob ardal a chyfnod, colofn ar gyfer pob "
                        + "ffigur, a'i uned yn y pennawd. Mae'r un ffigurau yn aggregates.csv."));
        // the English words first, so a printed page that runs on across repeats them beside the figures
        List<Object> head = new ArrayList<>(List.of("Area (English)", "Period / Cyfnod"));
        List<Object> welshHead = new ArrayList<>(List.of("Ardal (Cymraeg)"));
        if (routes) {
            head.add("Eligibility route (English)");
            welshHead.add("Llwybr cymhwysedd (Cymraeg)");
        }
        if (stages) {
            head.add("Stage (English)");
            welshHead.add("Cam (Cymraeg)");
        }
        if (categories) {
            head.add(CATEGORY_HEADINGS.get(measure).en() + " (English)");
            welshHead.add(CATEGORY_HEADINGS.get(measure).cy() + " (Cymraeg)");
        }
        int repeated = head.size();
        tidy.statistics().forEach(statistic -> {
            PublicationLabels.Label column = labels.column(measure, statistic);
            head.add(column.en() + " / " + column.cy());
        });
        head.add("Notes / Nodiadau");
        head.addAll(welshHead);
        head.addAll(List.of("Area type / Math o ardal", "Area code / Cod ardal"));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(head);
        for (TidyTable.Line line : tidy.lines()) {
            TidyTable.Breakdown breakdown = line.breakdown();
            PublicationLabels.Label area = labels.geography(line.area().code());
            List<Object> row = new ArrayList<>(List.of(SpreadsheetSafe.cell(area.en()), line.period()));
            List<Object> welsh = new ArrayList<>(List.of(SpreadsheetSafe.cell(area.cy())));
            for (PublicationLabels.Label words : breakdownWords(breakdown, routes, stages, categories, labels)) {
                row.add(words.en());
                welsh.add(words.cy());
            }
            row.addAll(line.cells().values());
            row.add(line.revisedStatistics().isEmpty() ? "" : PublishedAggregate.REVISED + " " + String.join(", ",
                    line.revisedStatistics().stream().map(s -> labels.column(measure, s).en()).toList()) + " / "
                    + String.join(", ", line.revisedStatistics().stream().map(s -> labels.column(measure, s).cy())
                            .toList()));
            row.addAll(welsh);
            PublicationLabels.Label level = AREA_TYPES.get(line.area().level());
            row.addAll(List.of(level.en() + " / " + level.cy(), line.area().code()));
            rows.add(row);
        }
        int[] widths = grid(sheet, 2, rows, styles);
        markAsTable(sheet, 2, rows.size(), head, title.sheet().toLowerCase(Locale.ROOT), widths);
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, repeated - 1));
    }

    /** What a tidy table's row is for, in words: "area and period", "area, period, stage and reason". */
    private static String rowsFor(String measure, boolean routes, boolean stages, boolean categories) {
        List<String> parts = new ArrayList<>(List.of("area", "period"));
        if (routes) {
            parts.add("eligibility route");
        }
        if (stages) {
            parts.add("stage");
        }
        if (categories) {
            parts.add(CATEGORY_HEADINGS.get(measure).en().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static List<PublicationLabels.Label> breakdownWords(TidyTable.Breakdown breakdown, boolean routes,
            boolean stages, boolean categories, PublicationLabels labels) {
        List<PublicationLabels.Label> words = new ArrayList<>();
        if (routes) {
            words.add(labels.route(breakdown.route()));
        }
        if (stages) {
            words.add(breakdown.stage() == null ? NONE : labels.stage(breakdown.stage()));
        }
        if (categories) {
            words.add(breakdown.category() == null ? NONE : labels.category(breakdown.category()));
        }
        return words;
    }

    private static final PublicationLabels.Label NONE = new PublicationLabels.Label("", "");

    private static final Map<String, PublicationLabels.Label> AREA_TYPES = Map.of(
            "wales", new PublicationLabels.Label("Wales", "Cymru"),
            "region", new PublicationLabels.Label("Region", "Rhanbarth"),
            "authority", new PublicationLabels.Label("Local authority", "Awdurdod lleol"));

    private static void coverage(Sheet sheet, DataQuality.Coverage coverage, Styles styles) {
        lines(sheet, List.of(COVERAGE.titleEn() + " / " + COVERAGE.titleCy(),
                "This worksheet contains one table. Received / Wedi dod i law; Missing / Ar goll. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        List<Object> head = new ArrayList<>(List.of("Authority code / Cod awdurdod", "Authority (English)",
                "Awdurdod (Cymraeg)", "Quarters missing (count) / Chwarteri ar goll (cyfrif)"));
        head.addAll(coverage.quarters());
        rows.add(head);
        for (DataQuality.Coverage.Line line : coverage.authorities()) {
            List<Object> row = new ArrayList<>(List.of(line.authority().onsCode(), line.authority().nameEn(),
                    line.authority().nameCy(), coverage.quarters().size() - line.quartersReceived().size()));
            coverage.quarters().forEach(q -> row.add(line.received(q) ? "Received / Wedi dod i law"
                    : "Missing / Ar goll"));
            rows.add(row);
        }
        int[] widths = grid(sheet, 2, rows, styles);
        markAsTable(sheet, 2, rows.size(), head, "coverage", widths);
    }

    private static void quality(Sheet sheet, DataQuality.Quality quality, RecordingTemplate template,
            int threshold, Styles styles) {
        lines(sheet, List.of(QUALITY.titleEn() + " / " + QUALITY.titleCy(),
                "This worksheet contains one table. Some cells refer to notes: see the Notes sheet. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        List<Object> head = new ArrayList<>(List.of("Authority code / Cod awdurdod", "Authority (English)",
                "Awdurdod (Cymraeg)"));
        DataQuality.KEY_FIELDS.forEach(field -> head.add(field.labelEn() + " / " + field.labelCy()));
        quality.ruleIds().forEach(rule -> head.add("Rows: " + firstSentence(template.rule(rule).message("en"))
                + " (count) / Rhesi: " + firstSentence(template.rule(rule).message("cy")) + " (cyfrif)"));
        rows.add(head);
        for (DataQuality.Quality.Line line : quality.authorities()) {
            List<Object> row = new ArrayList<>(List.of(line.authority().onsCode(), line.authority().nameEn(),
                    line.authority().nameCy()));
            line.completeness().values().forEach(c -> row.add(wholePercentOrSymbol(c.display(threshold))));
            line.ruleCounts().values().forEach(n -> row.add(SmallCounts.isSmall(n, threshold)
                    ? PublishedAggregate.CONFIDENTIAL : n));
            rows.add(row);
        }
        int[] widths = grid(sheet, 2, rows, styles);
        markAsTable(sheet, 2, rows.size(), head, "data_quality", widths);
    }

    /**
     * The question officials ask most: each region's take-up rate in the latest quarter published, the quarter before,
     * and the change in percentage points; {@code [c]} or {@code [z]} where either rate is not shown.
     */
    private static void change(Sheet sheet, List<PublishedAggregate> published, PublicationLabels labels,
            Styles styles) {
        Map<String, Map<String, PublishedAggregate>> rateByGeography = new LinkedHashMap<>();
        TreeSet<String> quarters = new TreeSet<>();
        for (PublishedAggregate p : published) {
            var row = p.row();
            if (row.statistic().equals("take_up_rate") && row.cell().periodType().equals("quarter")
                    && row.cell().route().equals(CellKey.ALL_ROUTES)
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
        List<Object> head = List.of("Geography code / Cod daearyddiaeth", "Geography (English)",
                "Daearyddiaeth (Cymraeg)", "Take-up rate " + before + " (%) / Cyfradd manteisio " + before + " (%)",
                "Take-up rate " + latest + " (%) / Cyfradd manteisio " + latest + " (%)",
                "Change (percentage points) / Newid (pwyntiau canran)");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(head);
        rateByGeography.forEach((code, byQuarter) -> {
            PublicationLabels.Label name = labels.geography(code);
            PublishedAggregate previous = byQuarter.get(before);
            PublishedAggregate current = byQuarter.get(latest);
            rows.add(List.of(code, name.en(), name.cy(), previous == null ? TidyTable.NOT_AVAILABLE : previous,
                    current == null ? TidyTable.NOT_AVAILABLE : current, change(previous, current)));
        });
        int[] widths = grid(sheet, 2, rows, styles);
        markAsTable(sheet, 2, rows.size(), head, "take_up_change", widths);
    }

    /**
     * The question "what are the top reasons in Wales this year?" answered in one table: each reason's published
     * refusals at the offer and at the meeting in Wales in the latest financial year, both together, and their share
     * of all refusals at the two stages, most common first. Only published counts are added; a stage whose count is
     * not shown leaves the sum not shown.
     */
    private static void topReasons(Sheet sheet, List<PublishedAggregate> published, PublicationLabels labels,
            Styles styles) {
        TreeSet<String> years = new TreeSet<>();
        Map<String, Map<String, PublishedAggregate>> byReason = new LinkedHashMap<>();
        for (PublishedAggregate p : published) {
            var row = p.row();
            if (row.measure().equals("refusal_reasons") && row.statistic().equals("count")
                    && row.cell().geographyLevel().equals("wales") && row.cell().periodType().equals("financial_year")
                    && CellKey.ALL_ROUTES.equals(row.cell().route())) {
                years.add(row.cell().period());
            }
        }
        String year = years.isEmpty() ? "" : years.last();
        for (PublishedAggregate p : published) {
            var row = p.row();
            if (row.measure().equals("refusal_reasons") && row.statistic().equals("count")
                    && row.cell().geographyLevel().equals("wales") && row.cell().period().equals(year)
                    && CellKey.ALL_ROUTES.equals(row.cell().route())) {
                byReason.computeIfAbsent(row.category(), c -> new LinkedHashMap<>()).put(row.stage(), p);
            }
        }
        Map<String, PublishedAggregate> totals = byReason.remove("all");
        Integer allRefusals = totals == null ? null : sum(totals.get("offer"), totals.get("meeting"));
        lines(sheet, List.of(TOP_REASONS.titleEn() + " (" + year + ") / " + TOP_REASONS.titleCy() + " (" + year
                + ")", "This worksheet contains one table: the published counts of refusals, at the offer and at the "
                + "meeting, added together. / Mae'r daflen waith hon yn cynnwys un tabl: y cyfrifon gwrthod a "
                + "gyhoeddwyd, wrth gynnig ac yn y cyfarfod, wedi'u hadio."));
        List<Object> head = List.of("Rank (1 is the most common) / Safle (1 yw'r mwyaf cyffredin)", "Reason (English)", "Rheswm (Cymraeg)",
                "Refusals at the offer (count) / Gwrthodiadau wrth gynnig (cyfrif)",
                "Refusals at the meeting (count) / Gwrthodiadau yn y cyfarfod (cyfrif)",
                "Refusals at both stages (count) / Gwrthodiadau yn y ddau gam (cyfrif)",
                "Share of all refusals (%) / Cyfran o'r holl wrthodiadau (%)");
        List<String> reasons = new ArrayList<>(byReason.keySet());
        reasons.sort(Comparator.comparing((String r) -> {
            Integer both = sum(byReason.get(r).get("offer"), byReason.get(r).get("meeting"));
            return both == null ? -1 : both;
        }).reversed().thenComparing(r -> r));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(head);
        int rank = 1;
        for (String reason : reasons) {
            Map<String, PublishedAggregate> stages = byReason.get(reason);
            Integer both = sum(stages.get("offer"), stages.get("meeting"));
            PublicationLabels.Label name = labels.category(reason);
            Object share = both == null || allRefusals == null || allRefusals == 0 ? PublishedAggregate.NOT_APPLICABLE
                    : new Percentage((double) both / allRefusals);
            rows.add(List.of(rank++, name.en(), name.cy(), shownCount(stages.get("offer")),
                    shownCount(stages.get("meeting")), both == null ? PublishedAggregate.CONFIDENTIAL : both, share));
        }
        if (reasons.isEmpty()) {
            rows.add(List.of("None / Dim", "", "", "", "", "", ""));
        }
        int[] widths = grid(sheet, 2, rows, styles);
        markAsTable(sheet, 2, rows.size(), head, "top_refusal_reasons", widths);
    }

    /** A share worked out from published counts, shown as a percentage with one decimal. */
    private record Percentage(double value) {
    }

    private static Object shownCount(PublishedAggregate count) {
        return count == null ? 0 : count;
    }

    /** The sum of two published counts (an absent one is 0), or {@code null} if either is not shown. */
    private static Integer sum(PublishedAggregate a, PublishedAggregate b) {
        int total = 0;
        for (PublishedAggregate p : new PublishedAggregate[] {a, b}) {
            if (p == null) {
                continue;
            }
            if (p.symbol() != null) {
                return null;
            }
            total += (int) Math.round(Double.parseDouble(p.display()));
        }
        return total;
    }

    private static Object change(PublishedAggregate previous, PublishedAggregate current) {
        if (previous == null || current == null) {
            return TidyTable.NOT_AVAILABLE;
        }
        if (previous.symbol() != null || current.symbol() != null) {
            return PublishedAggregate.CONFIDENTIAL.equals(previous.symbol())
                    || PublishedAggregate.CONFIDENTIAL.equals(current.symbol())
                    ? PublishedAggregate.CONFIDENTIAL : PublishedAggregate.NOT_APPLICABLE;
        }
        return BigDecimal.valueOf(100 * (Double.parseDouble(current.display())
                - Double.parseDouble(previous.display()))).setScale(PERCENTAGE_POINT_SCALE, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static void revisions(Sheet sheet, List<Revisions.Revision> revisions, PublicationLabels labels,
            PublicationPlan plan, List<Table> planTables, Styles styles) {
        lines(sheet, List.of(REVISIONS.titleEn() + " / " + REVISIONS.titleCy(),
                "This worksheet contains one table. A release with nothing revised says so in its one row. / Mae'r "
                        + "daflen waith hon yn cynnwys un tabl. Mae rhyddhad heb ddim wedi'i ddiwygio yn dweud hynny "
                        + "yn ei un rhes."));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Table / Tabl", "Geography / Daearyddiaeth", "Period / Cyfnod",
                "What the value is (English)", "Beth yw'r gwerth (Cymraeg)",
                "Previous value (count) / Gwerth blaenorol (cyfrif)", "New value (count) / Gwerth newydd (cyfrif)",
                "Previous value (%) / Gwerth blaenorol (%)", "New value (%) / Gwerth newydd (%)",
                "Previous value (working days) / Gwerth blaenorol (diwrnodau gwaith)",
                "New value (working days) / Gwerth newydd (diwrnodau gwaith)",
                "Why: submissions since the previous release / Pam: cyflwyniadau ers y rhyddhad blaenorol"));
        for (Revisions.Revision revision : revisions) {
            var row = revision.figure().row();
            PublicationLabels.Label described = labels.describe(row);
            List<String> tables = new ArrayList<>();
            for (int t = 0; t < planTables.size(); t++) {
                if (plan.tables().get(t).covers(row.measure(), row.cell())) {
                    tables.add(planTables.get(t).sheet());
                }
            }
            List<Object> line = new ArrayList<>(List.of(String.join(", ", tables),
                    SpreadsheetSafe.cell(row.geographyName()), row.cell().period(), SpreadsheetSafe.cell(described.en()),
                    SpreadsheetSafe.cell(described.cy())));
            Unit unit = Unit.of(row.statistic());
            for (Unit column : Unit.values()) {
                line.add(column != unit ? PublishedAggregate.NOT_APPLICABLE : unit.value(revision.previous()));
                line.add(column != unit ? PublishedAggregate.NOT_APPLICABLE : unit.value(revision.figure().display()));
            }
            line.add(SpreadsheetSafe.cell(revision.submissions().isEmpty() ? "a change in the records already held"
                    : String.join("; ", revision.submissions())));
            rows.add(line);
        }
        if (revisions.isEmpty()) {
            rows.add(List.of("None: nothing was revised since the previous release / Dim: ni ddiwygiwyd dim ers y "
                    + "rhyddhad blaenorol", "", "", "", "", "", "", "", "", "", "", ""));
        }
        int[] widths = grid(sheet, 2, rows, styles);
        markAsTable(sheet, 2, rows.size(), rows.get(0), "revisions", widths);
    }

    /** What a statistic is measured in: each has its own value columns in the Revisions table. */
    private enum Unit {
        COUNT, PERCENT, WORKING_DAYS;

        static Unit of(String statistic) {
            return isRate(statistic) ? PERCENT : statistic.endsWith("_working_days") ? WORKING_DAYS : COUNT;
        }

        Object value(String shown) {
            double value = Double.parseDouble(shown);
            return this == PERCENT ? new Percentage(value) : value;
        }
    }

    /** A rule's message up to its first full stop: what the rule checks, in words. */
    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        return end < 0 ? message.replaceFirst("\\.$", "") : message.substring(0, end);
    }

    private static Object wholePercentOrSymbol(String shown) {
        return shown.startsWith("[") ? shown : new WholePercentage(Integer.parseInt(shown));
    }

    /** A percentage already rounded to a whole number, shown as one (87%). */
    private record WholePercentage(int percent) {
    }

    private static void lines(Sheet sheet, List<String> text) {
        for (int i = 0; i < text.size(); i++) {
            sheet.createRow(i).createCell(0).setCellValue(text.get(i));
        }
    }

    /**
     * Writes the rows from {@code firstRow} down, the first being the headings: numbers as numbers, a published figure
     * as its number (a rate or share as a percentage with one decimal) or its symbol, and text wrapped where it is
     * longer than a column can be wide. A column is as wide as its longest entry below the heading, within the
     * bounds a reader can scan, and its heading wraps within that rather than widen it (a bilingual heading with its
     * unit is long, and a printed page should hold several figures across); each row is tall enough for its
     * wrapped text.
     *
     * @return each column's width in characters
     */
    static int[] grid(Sheet sheet, int firstRow, List<List<Object>> rows, Styles styles) {
        // the widths first: a streaming sheet keeps only its last rows, so each row is written whole, once
        int[] longest = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                int length = shown(rows.get(r).get(c)).length();
                longest[c] = Math.max(longest[c], r == 0 ? Math.min(length, HEADING_CHARS) : length);
            }
        }
        int[] widths = new int[longest.length];
        for (int c = 0; c < longest.length; c++) {
            widths[c] = columnChars(longest[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(firstRow + r);
            int lines = 1;
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                var cell = row.createCell(c);
                if (value instanceof PublishedAggregate figure && figure.symbol() == null) {
                    cell.setCellValue(Double.parseDouble(figure.display()));
                    if (isRate(figure.row().statistic())) {
                        cell.setCellStyle(styles.percent());
                    }
                } else if (value instanceof PublishedAggregate figure) {
                    cell.setCellValue(figure.symbol());
                } else if (value instanceof Percentage share) {
                    cell.setCellValue(BigDecimal.valueOf(share.value()).setScale(3, RoundingMode.HALF_UP).doubleValue());
                    cell.setCellStyle(styles.percent());
                } else if (value instanceof WholePercentage whole) {
                    cell.setCellValue(whole.percent() / 100.0);
                    cell.setCellStyle(styles.wholePercent());
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    String text = value.toString();
                    cell.setCellValue(text);
                    if (text.length() > MAX_WIDTH_CHARS || r == 0) {
                        cell.setCellStyle(styles.wrapped());
                        lines = Math.max(lines, wrappedLines(text, widths[c]));
                    }
                }
            }
            if (lines > 2 || (r > 0 && lines > 1)) {
                row.setHeightInPoints(lines * LINE_POINTS + 2);
            }
        }
        return widths;
    }

    /** How a value reads in its cell, as long as it is shown: a rate at its widest, 100.0%. */
    private static String shown(Object value) {
        if (value instanceof PublishedAggregate figure) {
            return figure.symbol() != null ? figure.symbol() : isRate(figure.row().statistic()) ? "100.0%"
                    : figure.display();
        }
        if (value instanceof Percentage) {
            return "100.0%";
        }
        if (value instanceof WholePercentage) {
            return "100%";
        }
        return value.toString();
    }

    /** A column's width in characters: its longest entry, within the bounds a reader can scan. */
    private static int columnChars(int longest) {
        return Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, longest + 2));
    }

    /**
     * How many lines a text wraps to in a column of the given width, word by word, counting a character of the
     * proportional font as most of a width unit (a width unit is the font's widest digit) and leaving a line to spare
     * for the renderer's own rounding: a row kept at its default height would draw the wrapped lines over the next
     * row when printed.
     */
    static int wrappedLines(String text, int columnChars) {
        int perLine = (int) (columnChars * 1.05);
        int lines = 1;
        int used = 0;
        for (String word : text.split(" ")) {
            int needed = used == 0 ? word.length() : used + 1 + word.length();
            if (needed > perLine && used > 0) {
                lines++;
                used = word.length();
            } else {
                used = needed;
            }
        }
        return lines + 1;
    }

    /** A rate or share, shown as a percentage with one decimal. */
    static boolean isRate(String statistic) {
        return statistic.endsWith("_rate") || statistic.startsWith("share");
    }

    /**
     * Marks the block as an Excel table (on the streaming sheet's underlying sheet, as POI requires), with the
     * heading cells as its column names (what screen readers read), the heading row frozen, and each column as wide as
     * {@link #grid} worked out.
     */
    private static void markAsTable(Sheet sheet, int headerRow, int rowCount, List<?> headings, String name,
            int[] widths) {
        int columns = headings.size();
        var underlying = ((SXSSFSheet) sheet).getWorkbook().getXSSFWorkbook().getSheet(sheet.getSheetName());
        AreaReference area = new AreaReference(new CellReference(headerRow, 0),
                new CellReference(headerRow + Math.max(1, rowCount - 1), columns - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = underlying.createTable(area);
        table.setName(name);
        table.setDisplayName(name);
        for (int c = 0; c < columns; c++) {
            String heading = headings.get(c).toString();
            table.getCTTable().getTableColumns().getTableColumnArray(c).setName(heading);
            sheet.setColumnWidth(c, (c < widths.length ? widths[c] : MIN_WIDTH_CHARS) * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
    }

    /**
     * Printed (or saved as PDF), every sheet is landscape A4 at full size: a wide table runs on to further pages
     * (down, then across), each with the table's heading row and first column repeated, and never shrunk to fit.
     * Each page is headed with the sheet's name and numbered at its foot.
     */
    private static void printLayout(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setScale((short) 100);
        sheet.setFitToPage(false);
        sheet.getHeader().setCenter(SHEET_NAME_FIELD);
        sheet.getFooter().setCenter(PAGE_OF_PAGES_FIELDS);
    }
}
