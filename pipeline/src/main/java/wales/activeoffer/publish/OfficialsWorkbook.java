package wales.activeoffer.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.disclosure.SmallCounts;
import wales.activeoffer.quality.DataQuality;
import wales.activeoffer.receipt.SpreadsheetSafe;
import wales.activeoffer.template.RecordingTemplate;

/**
 * What the officials' workbook says, as {@link GssWorkbook} writes it: the cover's lines, the notes, and one
 * {@link GssTable} per sheet. The worked table officials ask for most (each region's take-up this quarter against the
 * last) comes first, then the top refusal reasons in Wales this year; then each table of the publication plan laid
 * out tidy ({@link TidyTable}): words, not codes, a row per area, period and breakdown, a column per statistic with
 * its unit in the heading, with exactly the figures of {@code aggregates.csv}; then coverage and data quality (those
 * of {@code coverage.csv} and {@code data-quality.csv}), and the revisions. English and Welsh stand side by side.
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
    private static final int PERCENTAGE_POINT_SCALE = 1;

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

    static void write(Path file, String release, List<PublishedAggregate> rows, DataQuality.Coverage coverage,
            DataQuality.Quality quality, RecordingTemplate template, PublicationLabels labels, int threshold,
            List<Revisions.Revision> revisions, PublicationPlan plan, List<TidyTable.Area> areas, Edition edition) {
        List<Table> planTables = new ArrayList<>();
        for (int t = 0; t < plan.tables().size(); t++) {
            planTables.add(title("Table_" + (t + 1), plan.tables().get(t)));
        }
        List<GssTable> tables = new ArrayList<>(List.of(change(rows, labels), topReasons(rows, labels)));
        for (int t = 0; t < planTables.size(); t++) {
            tables.add(tidy(planTables.get(t), TidyTable.of(plan.tables().get(t), rows, areas), labels));
        }
        tables.addAll(List.of(coverage(coverage), quality(quality, template, threshold),
                revisions(revisions, labels, plan, planTables)));
        GssWorkbook.write(file, new GssWorkbook.Content("The Active Offer of independent professional advocacy: "
                + "national dataset, release " + release, cover(release, edition),
                notes(rows, plan, planTables, labels, edition), tables));
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

    /** The cover's lines: title, status, dates, what it covers, source, contact. */
    private static List<String> cover(String release, Edition edition) {
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
        return text;
    }

    private static GssTable notes(List<PublishedAggregate> published, PublicationPlan plan,
            List<Table> planTables, PublicationLabels labels, Edition edition) {
        String holds = "This worksheet contains one table. / Mae'r daflen waith hon yn cynnwys un tabl.";
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
        return new GssTable("Notes", "Notes, definitions and symbols", "Nodiadau, diffiniadau a symbolau", holds,
                "notes", rows, 1);
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
    private static GssTable tidy(Table title, TidyTable tidy, PublicationLabels labels) {
        String measure = tidy.table().measure();
        boolean routes = tidy.table().eachRoute();
        boolean stages = tidy.hasStages();
        boolean categories = tidy.hasCategories();
        String holds = "This worksheet contains one table: a row for each "
                        + rowsFor(measure, routes, stages, categories) + ", a column for each figure, its unit in the "
                        + "heading. The "
                        + "same figures are in aggregates.csv (measure " + measure + ", period type "
                        + tidy.table().period() + "). Some cells refer to notes: see the Notes sheet. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl: rhes ar gyfer pob ardal a chyfnod, colofn ar gyfer pob "
                        + "ffigur, a'i uned yn y pennawd. Mae'r un ffigurau yn aggregates.csv.";
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
        return new GssTable(title.sheet(), title.titleEn(), title.titleCy(), holds,
                title.sheet().toLowerCase(Locale.ROOT), rows, repeated);
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

    private static GssTable coverage(DataQuality.Coverage coverage) {
        String holds = "This worksheet contains one table. Received / Wedi dod i law; Missing / Ar goll. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl.";
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
        return new GssTable(COVERAGE.sheet(), COVERAGE.titleEn(), COVERAGE.titleCy(), holds, "coverage", rows, 1);
    }

    private static GssTable quality(DataQuality.Quality quality, RecordingTemplate template, int threshold) {
        String holds = "This worksheet contains one table. Some cells refer to notes: see the Notes sheet. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl.";
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
        return new GssTable(QUALITY.sheet(), QUALITY.titleEn(), QUALITY.titleCy(), holds, "data_quality", rows, 1);
    }

    /**
     * The question officials ask most: each region's take-up rate in the latest quarter published, the quarter before,
     * and the change in percentage points; {@code [c]} or {@code [z]} where either rate is not shown.
     */
    private static GssTable change(List<PublishedAggregate> published, PublicationLabels labels) {
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
        String holds = "This worksheet contains one table. Change is in percentage points. Some cells refer to notes: see the "
                        + "Notes sheet. / Mae'r daflen waith hon yn cynnwys un tabl. Mae'r newid mewn pwyntiau canran.";
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
        return new GssTable(CHANGE.sheet(), CHANGE.titleEn(), CHANGE.titleCy(), holds, "take_up_change", rows, 1);
    }

    /**
     * The question "what are the top reasons in Wales this year?" answered in one table: each reason's published
     * refusals at the offer and at the meeting in Wales in the latest financial year, both together, and their share
     * of all refusals at the two stages, most common first. Only published counts are added; a stage whose count is
     * not shown leaves the sum not shown.
     */
    private static GssTable topReasons(List<PublishedAggregate> published, PublicationLabels labels) {
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
        String holds = "This worksheet contains one table: the published counts of refusals, at the offer and at the "
                + "meeting, added together. / Mae'r daflen waith hon yn cynnwys un tabl: y cyfrifon gwrthod a "
                + "gyhoeddwyd, wrth gynnig ac yn y cyfarfod, wedi'u hadio.";
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
                    : new GssWorkbook.Percentage((double) both / allRefusals);
            rows.add(List.of(rank++, name.en(), name.cy(), shownCount(stages.get("offer")),
                    shownCount(stages.get("meeting")), both == null ? PublishedAggregate.CONFIDENTIAL : both, share));
        }
        if (reasons.isEmpty()) {
            rows.add(List.of("None / Dim", "", "", "", "", "", ""));
        }
        return new GssTable(TOP_REASONS.sheet(), TOP_REASONS.titleEn() + " (" + year + ")",
                TOP_REASONS.titleCy() + " (" + year + ")", holds, "top_refusal_reasons", rows, 1);
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

    private static GssTable revisions(List<Revisions.Revision> revisions, PublicationLabels labels,
            PublicationPlan plan, List<Table> planTables) {
        String holds = "This worksheet contains one table. A release with nothing revised says so in its one row. / Mae'r "
                        + "daflen waith hon yn cynnwys un tabl. Mae rhyddhad heb ddim wedi'i ddiwygio yn dweud hynny "
                        + "yn ei un rhes.";
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
        return new GssTable(REVISIONS.sheet(), REVISIONS.titleEn(), REVISIONS.titleCy(), holds, "revisions", rows, 1);
    }

    /** What a statistic is measured in: each has its own value columns in the Revisions table. */
    private enum Unit {
        COUNT, PERCENT, WORKING_DAYS;

        static Unit of(String statistic) {
            return GssWorkbook.isRate(statistic) ? PERCENT : statistic.endsWith("_working_days") ? WORKING_DAYS : COUNT;
        }

        Object value(String shown) {
            double value = Double.parseDouble(shown);
            return this == PERCENT ? new GssWorkbook.Percentage(value) : value;
        }
    }

    /** A rule's message up to its first full stop: what the rule checks, in words. */
    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        return end < 0 ? message.replaceFirst("\\.$", "") : message.substring(0, end);
    }

    private static Object wholePercentOrSymbol(String shown) {
        return shown.startsWith("[") ? shown : new GssWorkbook.WholePercentage(Integer.parseInt(shown));
    }
}
