package wales.activeoffer.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import wales.activeoffer.template.OfferRecord;

/**
 * Generates the sample inbox: all 22 authorities, financial years 2023-24 and 2024-25, in twelve source layouts (CSV,
 * XLSX, legacy XLS and manual recording forms, in English and Welsh), with realistic messiness, a documented handful
 * of rows that must be rejected, and a few files that must be refused whole. Deterministic: the same arguments give
 * the same records. {@code scale} multiplies the volumes, for benchmarks.
 *
 * <p>Run: {@code java -cp pipeline/target/active-offer-pipeline.jar -Dloader.main=wales.activeoffer.sample.SampleInboxGenerator
 * org.springframework.boot.loader.launch.PropertiesLauncher sample-data 1}
 */
public final class SampleInboxGenerator {
    static final List<Integer> FINANCIAL_YEARS = List.of(2023, 2024);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Who sends what (a table layout or a form), and how many offers a year at scale 1. */
    record Sender(String code, String nameEn, String nameCy, String region, SampleLayout layout, SampleForms form,
            int offersPerYear, int welshPercent) {
        String mappingId() {
            return layout != null ? layout.mappingId : form.mappingId;
        }
    }

    private static Sender table(String code, String en, String cy, String region, SampleLayout layout, int n, int welsh) {
        return new Sender(code, en, cy, region, layout, null, n, welsh);
    }

    private static Sender form(String code, String en, String cy, String region, SampleForms form, int n, int welsh) {
        return new Sender(code, en, cy, region, null, form, n, welsh);
    }

    static final List<Sender> SENDERS = List.of(
            form("W06000001", "Isle of Anglesey", "Ynys Môn", "north-wales", SampleForms.WELSH_FORM, 90, 55),
            table("W06000002", "Gwynedd", "Gwynedd", "north-wales", SampleLayout.WELSH_CSV, 120, 65),
            table("W06000003", "Conwy", "Conwy", "north-wales", SampleLayout.TGP_XLSX, 150, 20),
            table("W06000004", "Denbighshire", "Sir Ddinbych", "north-wales", SampleLayout.TGP_XLSX, 160, 20),
            table("W06000005", "Flintshire", "Sir y Fflint", "north-wales", SampleLayout.TGP_XLSX, 180, 8),
            table("W06000006", "Wrexham", "Wrecsam", "north-wales", SampleLayout.TGP_XLSX, 200, 8),
            table("W06000008", "Ceredigion", "Ceredigion", "mid-and-west-wales", SampleLayout.TGP_LEGACY_XLS, 80, 40),
            table("W06000009", "Pembrokeshire", "Sir Benfro", "mid-and-west-wales", SampleLayout.TGP_LEGACY_XLS, 140, 10),
            table("W06000010", "Carmarthenshire", "Sir Gaerfyrddin", "mid-and-west-wales", SampleLayout.TGP_XLSX, 210, 35),
            table("W06000023", "Powys", "Powys", "mid-and-west-wales", SampleLayout.POWYS_XLS, 150, 12),
            table("W06000011", "Swansea", "Abertawe", "western-bay", SampleLayout.SWANSEA_MONTHLY_XLSX, 300, 6),
            table("W06000012", "Neath Port Talbot", "Castell-nedd Port Talbot", "western-bay", SampleLayout.NPT_CP1252_CSV, 200, 8),
            table("W06000013", "Bridgend", "Pen-y-bont ar Ogwr", "cwm-taf", SampleLayout.NYAS_CSV, 190, 5),
            table("W06000016", "Rhondda Cynon Taf", "Rhondda Cynon Taf", "cwm-taf", SampleLayout.NYAS_CSV, 320, 6),
            form("W06000024", "Merthyr Tydfil", "Merthyr Tudful", "cwm-taf", SampleForms.NYAS_SHEET, 110, 5),
            table("W06000014", "Vale of Glamorgan", "Bro Morgannwg", "cardiff-and-vale", SampleLayout.LA_RETURN_XLSX, 150, 6),
            table("W06000015", "Cardiff", "Caerdydd", "cardiff-and-vale", SampleLayout.LA_RETURN_XLSX, 420, 6),
            table("W06000018", "Caerphilly", "Caerffili", "gwent", SampleLayout.WCCIS_CSV, 220, 5),
            table("W06000019", "Blaenau Gwent", "Blaenau Gwent", "gwent", SampleLayout.WCCIS_CSV, 130, 4),
            table("W06000020", "Torfaen", "Tor-faen", "gwent", SampleLayout.WCCIS_CSV, 150, 4),
            form("W06000021", "Monmouthshire", "Sir Fynwy", "gwent", SampleForms.MONMOUTHSHIRE_BLOCKS, 90, 5),
            table("W06000022", "Newport", "Casnewydd", "gwent", SampleLayout.WCCIS_CSV, 220, 5));

    /** A row that must be rejected, planted on purpose; the rule id is what its receipt must show. */
    enum Defect {
        MISSING_CHILD_ID("AO-001"), UNKNOWN_AUTHORITY("AO-002"), IMPOSSIBLE_OFFER_DATE("AO-003"),
        UNKNOWN_ROUTE("AO-004"), MISSING_RESPONSE("AO-005"), MEETING_BEFORE_OFFER("AO-008"),
        FUTURE_OFFER_DATE("AO-009"), ADULT_DATE_OF_BIRTH("AO-014");

        final String ruleId;

        Defect(String ruleId) {
            this.ruleId = ruleId;
        }
    }

    record PlantedDefect(String authorityCode, int financialYear, Defect defect) {
    }

    static final List<PlantedDefect> DEFECTS = List.of(
            new PlantedDefect("W06000015", 2024, Defect.MISSING_CHILD_ID),
            new PlantedDefect("W06000016", 2024, Defect.UNKNOWN_AUTHORITY),
            new PlantedDefect("W06000022", 2023, Defect.IMPOSSIBLE_OFFER_DATE),
            new PlantedDefect("W06000023", 2023, Defect.UNKNOWN_ROUTE),
            new PlantedDefect("W06000002", 2024, Defect.MISSING_RESPONSE),
            new PlantedDefect("W06000001", 2023, Defect.MISSING_RESPONSE),
            new PlantedDefect("W06000011", 2024, Defect.MEETING_BEFORE_OFFER),
            new PlantedDefect("W06000020", 2024, Defect.FUTURE_OFFER_DATE),
            new PlantedDefect("W06000006", 2023, Defect.ADULT_DATE_OF_BIRTH));

    /** The position at which a planted defect is inserted, counted from the first offer of the file. */
    static final int DEFECT_POSITION = 10;

    private final int scale;

    public SampleInboxGenerator(int scale) {
        this.scale = scale;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-data");
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        new SampleInboxGenerator(scale).generate(out);
    }

    /** One line of {@code MANIFEST.csv}. */
    private record Entry(String file, String region, String authority, String mapping, int dataRows, int validRows,
            String plantedRuleIds, String plantedAt, String fileRuleId) {
        List<Object> cells() {
            return List.of(file, region, authority, mapping, dataRows, validRows, plantedRuleIds, plantedAt, fileRuleId);
        }
    }

    /** Writes {@code inbox/<region>/...} under {@code out}, and {@code MANIFEST.csv} listing every file. */
    public void generate(Path out) throws IOException {
        List<Entry> manifest = new ArrayList<>();
        for (Sender sender : SENDERS) {
            Map<Integer, Child> pool = childPool(sender);
            for (int year : FINANCIAL_YEARS) {
                SplittableRandom random = new SplittableRandom(seed(sender.code(), year));
                List<SampleOffer> offers = new ArrayList<>();
                for (int i = 0; i < sender.offersPerYear() * scale; i++) {
                    offers.add(offer(sender, pool, year, random));
                }
                Optional<Defect> planted = DEFECTS.stream()
                        .filter(d -> d.authorityCode().equals(sender.code()) && d.financialYear() == year)
                        .map(PlantedDefect::defect).findFirst();
                int at = Math.min(DEFECT_POSITION - 1, offers.size());
                planted.ifPresent(d -> offers.add(at, broken(offer(sender, pool, year, random), d)));
                Path file = out.resolve("inbox").resolve(sender.region()).resolve(fileName(sender, year));
                Files.createDirectories(file.getParent());
                List<String> locations = write(file, sender, year, offers, planted.map(d -> at).orElse(-1),
                        planted.orElse(null), random);
                manifest.add(new Entry(relative(out, file), sender.region(), sender.code(), sender.mappingId(),
                        offers.size(), offers.size() - (planted.isPresent() ? 1 : 0),
                        planted.map(d -> d.ruleId).orElse(""), planted.map(d -> locations.get(at)).orElse(""), ""));
            }
        }
        manifest.addAll(badFiles(out));
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(out.resolve("MANIFEST.csv")), CSVFormat.DEFAULT)) {
            csv.printRecord("file", "region", "authority_code", "mapping", "data_rows", "valid_rows",
                    "planted_rule_ids", "planted_at", "file_rule_id");
            for (Entry entry : manifest) {
                csv.printRecord(entry.cells());
            }
        }
    }

    private static String relative(Path out, Path file) {
        return out.relativize(file).toString().replace('\\', '/');
    }

    /** Files that must be refused whole, each for a different documented reason. */
    private List<Entry> badFiles(Path out) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Sender newport = SENDERS.stream().filter(s -> s.code().equals("W06000022")).findFirst().orElseThrow();
        SplittableRandom random = new SplittableRandom(seed("bad-files", 1));
        Map<Integer, Child> pool = childPool(newport);
        List<SampleOffer> corrections = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            corrections.add(offer(newport, pool, 2024, random));
        }
        Path wrongRegion = out.resolve("inbox/cardiff-and-vale/WCCIS_ActiveOffer_W06000022_2024-25 corrections.csv");
        writeCsv(wrongRegion, SampleLayout.WCCIS_CSV, rows(newport, corrections, null, -1, random));
        entries.add(new Entry(relative(out, wrongRegion), "cardiff-and-vale", "W06000022", "wccis-active-offer-csv",
                12, 0, "", "", "AO-F05"));

        Sender blaenau = SENDERS.stream().filter(s -> s.code().equals("W06000019")).findFirst().orElseThrow();
        List<SampleOffer> changed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            changed.add(offer(blaenau, childPool(blaenau), 2024, random));
        }
        Path renamedHeading = out.resolve("inbox/gwent/WCCIS_ActiveOffer_W06000019_2024-25 Q4 (new report).csv");
        List<String> headings = new ArrayList<>(SampleLayout.WCCIS_CSV.headings);
        headings.set(headings.indexOf("Offer Date"), "Offer Dte");
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(renamedHeading, StandardOpenOption.CREATE_NEW),
                CSVFormat.DEFAULT)) {
            csv.printRecord(headings);
            for (List<Object> row : rows(blaenau, changed, null, -1, random)) {
                csv.printRecord(row);
            }
        }
        entries.add(new Entry(relative(out, renamedHeading), "gwent", "W06000019", "", 8, 0, "", "", "AO-F02"));

        Path document = out.resolve("inbox/north-wales/Active Offer guidance for staff.docx");
        Files.writeString(document, "This is a word-processed guidance note, not a data file.\n");
        entries.add(new Entry(relative(out, document), "north-wales", "", "", 0, 0, "", "", "AO-F01"));

        Path empty = out.resolve("inbox/mid-and-west-wales/Carmarthenshire export 2024-25 Q4.csv");
        Files.write(empty, new byte[0]);
        entries.add(new Entry(relative(out, empty), "mid-and-west-wales", "W06000010", "", 0, 0, "", "", "AO-F03"));
        return entries;
    }

    record Child(String id, LocalDate dateOfBirth) {
    }

    private Map<Integer, Child> childPool(Sender sender) {
        SplittableRandom random = new SplittableRandom(seed(sender.code(), 0));
        Map<Integer, Child> pool = new HashMap<>();
        int size = Math.max(10, sender.offersPerYear() * scale * 7 / 10);
        for (int i = 0; i < size; i++) {
            LocalDate born = LocalDate.of(2023, 3, 1).minusDays(random.nextInt(17 * 365));
            pool.put(i, new Child(childId(sender, random), born));
        }
        return pool;
    }

    private static String childId(Sender sender, SplittableRandom random) {
        String prefix = switch (sender.mappingId()) {
            case "wccis-active-offer-csv" -> "P";
            case "tgp-cymru-monitoring-xlsx", "tgp-cymru-legacy-xls" -> "TGP-";
            case "nyas-referrals-csv", "nyas-recording-sheet-xlsx" -> "NY";
            case "cofnod-cynnig-rhagweithiol-csv", "ffurflen-cofnodi-xlsx" -> "GW";
            default -> "C";
        };
        return prefix + (100_000 + random.nextInt(900_000));
    }

    private static long seed(String key, int year) {
        return key.hashCode() * 31L + year;
    }

    private static String pick(SplittableRandom random, Object... weightedCodes) {
        int total = 0;
        for (int i = 1; i < weightedCodes.length; i += 2) {
            total += (Integer) weightedCodes[i];
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weightedCodes.length; i += 2) {
            roll -= (Integer) weightedCodes[i + 1];
            if (roll < 0) {
                return (String) weightedCodes[i];
            }
        }
        throw new IllegalStateException();
    }

    private static SampleOffer offer(Sender sender, Map<Integer, Child> pool, int year, SplittableRandom random) {
        Child child = pool.get(random.nextInt(pool.size()));
        LocalDate offer = LocalDate.of(year, 4, 1).plusDays(random.nextInt(365));
        int age = Period.between(child.dateOfBirth(), offer).getYears();
        String route = pick(random, "looked_after", 55, "child_protection", 25, "care_and_support", 20);
        String trigger = pick(random, "entry", 35, "review", 40, "placement_move", 12, "care_leaver_planning",
                age >= 15 ? 20 : 1, "residential_transfer", 2, "other", 3);
        String response = age < 4 && random.nextInt(2) == 0 ? "exempt_understanding"
                : pick(random, "accepted_meeting", 50, "declined", 30, "no_response", 12, "exempt_understanding", 3);
        LocalDate referral = null;
        LocalDate contact = null;
        LocalDate meeting = null;
        String outcome = null;
        String reason = null;
        String source = null;
        if (response.equals("accepted_meeting")) {
            referral = offer.plusDays(random.nextInt(4));
            contact = referral.plusDays(1 + random.nextInt(7));
            outcome = pick(random, "took_up", 48, "declined", 18, "time_to_think", 10, "not_held", 12, "pending", 12);
            if (OfferRecord.MEETING_HELD_OUTCOMES.contains(outcome) && random.nextInt(50) > 0) {
                meeting = contact.plusDays(random.nextInt(15));
            }
            source = pick(random, "social_worker", 60, "iro", 15, "carer", 10, "parent_family", 5, "self", 4,
                    "other_professional", 6);
        }
        if ("declined".equals(response) || "declined".equals(outcome) || "time_to_think".equals(outcome)) {
            reason = random.nextInt(6) == 0 ? null : pick(random, "not_at_the_moment", 30, "time_to_think", 15,
                    "prefers_formal", 5, "prefers_informal", 20, "prefers_peer", 3, "does_not_want", 22, "other", 5);
        }
        Boolean nonInstructed = !response.equals("accepted_meeting") ? null : age < 5 ? random.nextBoolean() : Boolean.FALSE;
        Boolean iro = random.nextInt(10) == 0 ? null : random.nextInt(10) < 7;
        String gender = pick(random, "female", 48, "male", 48, "other", 1, "not_known", 3);
        String language = pick(random, "welsh", sender.welshPercent(), "english", 98 - sender.welshPercent(), "other", 2);
        Boolean disability = random.nextInt(8) == 0 ? null : random.nextInt(100) < 18;
        if (source != null && random.nextInt(150) == 0) {
            source = "advocacy helpline";
        }
        return new SampleOffer(sender.code(), child.id(), "E" + (100_000 + random.nextInt(900_000)),
                child.dateOfBirth(), route, trigger, offer.minusDays(random.nextInt(20)), offer, referral, contact,
                meeting, response, outcome, reason, source, nonInstructed, iro, gender, language, disability);
    }

    private static SampleOffer broken(SampleOffer o, Defect defect) {
        return switch (defect) {
            case MISSING_CHILD_ID -> new SampleOffer(o.authorityCode(), "", o.episodeId(), o.dateOfBirth(), o.route(),
                    o.trigger(), o.dateEligible(), o.dateOffer(), o.dateReferral(), o.dateFirstContact(),
                    o.dateMeeting(), o.response(), o.outcome(), o.reason(), o.source(), o.nonInstructed(),
                    o.iroConfirmed(), o.gender(), o.language(), o.disability());
            case MISSING_RESPONSE -> new SampleOffer(o.authorityCode(), o.childId(), o.episodeId(), o.dateOfBirth(),
                    o.route(), o.trigger(), o.dateEligible(), o.dateOffer(), null, null, null, null, null, null, null,
                    null, o.iroConfirmed(), o.gender(), o.language(), o.disability());
            case UNKNOWN_AUTHORITY, IMPOSSIBLE_OFFER_DATE, UNKNOWN_ROUTE -> o;
            case MEETING_BEFORE_OFFER -> new SampleOffer(o.authorityCode(), o.childId(), o.episodeId(), o.dateOfBirth(),
                    o.route(), o.trigger(), o.dateEligible(), o.dateOffer(), null, null, o.dateOffer().minusDays(9),
                    "accepted_meeting", "took_up", null, "social_worker", Boolean.FALSE, o.iroConfirmed(), o.gender(),
                    o.language(), o.disability());
            case FUTURE_OFFER_DATE -> new SampleOffer(o.authorityCode(), o.childId(), o.episodeId(), o.dateOfBirth(),
                    o.route(), o.trigger(), null, LocalDate.of(2031, 1, 15), null, null, null, "declined", null,
                    "not_at_the_moment", null, null, o.iroConfirmed(), o.gender(), o.language(), o.disability());
            case ADULT_DATE_OF_BIRTH -> new SampleOffer(o.authorityCode(), o.childId(), o.episodeId(),
                    LocalDate.of(1990, 6, 1), o.route(), o.trigger(), o.dateEligible(), o.dateOffer(), o.dateReferral(),
                    o.dateFirstContact(), o.dateMeeting(), o.response(), o.outcome(), o.reason(), o.source(),
                    o.nonInstructed(), o.iroConfirmed(), o.gender(), o.language(), o.disability());
        };
    }

    /** The table rows of the offers; a defect that can only be written as text goes into its cell. */
    private static List<List<Object>> rows(Sender sender, List<SampleOffer> offers, Defect defect, int defectAt,
            SplittableRandom random) {
        SampleLayout layout = sender.layout();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            List<Object> cells = new ArrayList<>(layout.cells(offers.get(i), authorityName(sender), random));
            if (i == defectAt && defect != null) {
                switch (defect) {
                    case UNKNOWN_AUTHORITY -> cells.set(layout.column("authority"), sender.nameEn() + "f");
                    case IMPOSSIBLE_OFFER_DATE -> cells.set(layout.column("offer"), "2024-02-31");
                    case UNKNOWN_ROUTE -> cells.set(layout.column("route"), "Respite");
                    default -> { }
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String authorityName(Sender sender) {
        return switch (sender.mappingId()) {
            case "wccis-active-offer-csv" -> sender.code();
            case "cofnod-cynnig-rhagweithiol-csv", "ffurflen-cofnodi-xlsx" -> sender.nameCy();
            default -> sender.nameEn();
        };
    }

    private static String period(int year) {
        return year + "-" + String.format("%02d", (year + 1) % 100);
    }

    private static String fileName(Sender sender, int year) {
        String period = period(year);
        String slug = sender.nameEn().toLowerCase(Locale.ROOT).replace(' ', '-');
        return switch (sender.mappingId()) {
            case "wccis-active-offer-csv" -> "WCCIS_ActiveOffer_" + sender.code() + "_" + period + ".csv";
            case "tgp-cymru-monitoring-xlsx" -> "TGP Cymru AO monitoring - " + sender.nameEn() + " - " + period + ".xlsx";
            case "nyas-referrals-csv" -> "nyas_referrals_" + slug + "_" + period + ".csv";
            case "la-performance-return-xlsx" -> sender.nameEn() + " AO return " + period + ".xlsx";
            case "cofnod-cynnig-rhagweithiol-csv" -> "cofnod-cynnig-rhagweithiol-" + slug + "-" + period + ".csv";
            case "tgp-cymru-legacy-xls" -> "TGP AO " + sender.nameEn() + " " + period + ".xls";
            case "powys-ao-log-xls" -> "Powys AO log " + period + ".xls";
            case "npt-export-cp1252-csv" -> "npt_active_offer_" + period + ".csv";
            case "swansea-monthly-workbook-xlsx" -> "Swansea Active Offer " + period + " by month.xlsx";
            case "nyas-recording-sheet-xlsx" -> sender.nameEn() + "/NYAS recording sheets " + period + ".xlsx";
            case "monmouthshire-ao-log-xlsx" -> "Monmouthshire AO log " + period + ".xlsx";
            case "ffurflen-cofnodi-xlsx" -> "Ffurflenni cofnodi Ynys Mon " + period + ".xlsx";
            default -> throw new IllegalStateException(sender.mappingId());
        };
    }

    /** Writes one file; returns where each offer landed, for the manifest. */
    private List<String> write(Path file, Sender sender, int year, List<SampleOffer> offers, int defectAt,
            Defect defect, SplittableRandom random) throws IOException {
        if (sender.form() != null) {
            return sender.form().write(file, authorityName(sender), period(year), offers, random);
        }
        List<List<Object>> rows = rows(sender, offers, defect, defectAt, random);
        return switch (sender.layout()) {
            case WCCIS_CSV, NYAS_CSV, WELSH_CSV, NPT_CP1252_CSV -> writeCsv(file, sender.layout(), rows);
            case SWANSEA_MONTHLY_XLSX -> writeMonthly(file, sender, year, offers, rows);
            default -> writeTable(file, sender, year, rows);
        };
    }

    private static List<String> writeCsv(Path file, SampleLayout layout, List<List<Object>> rows) throws IOException {
        Charset charset = layout == SampleLayout.NPT_CP1252_CSV ? WINDOWS_1252 : StandardCharsets.UTF_8;
        CSVFormat format = layout == SampleLayout.NPT_CP1252_CSV
                ? CSVFormat.DEFAULT.builder().setDelimiter(';').get() : CSVFormat.DEFAULT;
        try (OutputStream bytes = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            if (layout == SampleLayout.WELSH_CSV) {
                bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer text = new OutputStreamWriter(bytes, charset);
            CSVPrinter csv = new CSVPrinter(text, format);
            csv.printRecord(layout.headings);
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
            csv.flush();
        }
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            locations.add("row " + (i + 2));
        }
        return locations;
    }

    /** XLSX and XLS tables with title rows above the heading; Powys's workbook also has a hidden sheet of old data. */
    private static List<String> writeTable(Path file, Sender sender, int year, List<List<Object>> rows)
            throws IOException {
        SampleLayout layout = sender.layout();
        boolean xls = layout.format.equals("xls");
        List<String> locations = new ArrayList<>();
        try (Workbook workbook = xls ? new HSSFWorkbook() : new SXSSFWorkbook(100)) {
            if (workbook instanceof SXSSFWorkbook streaming) {
                streaming.getXSSFWorkbook().getProperties().getCoreProperties()
                        .setCreated(Optional.of(new Date(1_700_000_000_000L)));
            }
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.createSheet(switch (layout) {
                case TGP_XLSX -> "AO monitoring";
                case POWYS_XLS -> "Log";
                default -> "Return";
            });
            int rowIndex = 0;
            String period = period(year);
            if (layout == SampleLayout.TGP_XLSX) {
                sheet.createRow(rowIndex++).createCell(0).setCellValue("TGP Cymru - Active Offer monitoring");
                sheet.createRow(rowIndex++).createCell(0).setCellValue("Local authority: " + sender.nameEn()
                        + "    Period: " + period);
                rowIndex++;
            } else {
                sheet.createRow(rowIndex++).createCell(0).setCellValue("Active Offer " + (xls ? "log" : "return")
                        + " - " + sender.nameEn() + " - " + period);
            }
            writeRow(sheet.createRow(rowIndex++), new ArrayList<>(layout.headings), dateStyle);
            for (List<Object> values : rows) {
                locations.add("row " + (rowIndex + 1));
                writeRow(sheet.createRow(rowIndex++), values, dateStyle);
            }
            if (layout == SampleLayout.POWYS_XLS) {
                Sheet old = workbook.createSheet("Old data (do not use)");
                writeRow(old.createRow(0), new ArrayList<>(layout.headings), dateStyle);
                writeRow(old.createRow(1), new ArrayList<>(rows.get(0)), dateStyle);
                workbook.setSheetHidden(workbook.getSheetIndex(old), true);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                workbook.write(out);
            }
        }
        return locations;
    }

    /**
     * Swansea's workbook: a summary sheet, a hidden lookup sheet, and a sheet per month whose headings sit in two rows
     * under merged group cells, whose authority column is a formula, and which ends with a totals row and a note.
     */
    private static List<String> writeMonthly(Path file, Sender sender, int year, List<SampleOffer> offers,
            List<List<Object>> rows) throws IOException {
        SampleLayout layout = sender.layout();
        String[] locations = new String[offers.size()];
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(new Date(1_700_000_000_000L)));
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet summary = workbook.createSheet("Summary");
            summary.createRow(0).createCell(0).setCellValue("Swansea Council - Active Offer " + period(year));
            Row authorityRow = summary.createRow(1);
            authorityRow.createCell(0).setCellValue("Authority");
            authorityRow.createCell(1).setCellValue(sender.nameEn());
            Sheet lookups = workbook.createSheet("Lookups");
            writeRow(lookups.createRow(0), new ArrayList<>(layout.headings), dateStyle);
            workbook.setSheetHidden(workbook.getSheetIndex(lookups), true);
            for (int m = 0; m < 12; m++) {
                LocalDate month = LocalDate.of(year, 4, 1).plusMonths(m);
                String name = month.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH));
                Sheet sheet = workbook.createSheet(name);
                sheet.createRow(0).createCell(0).setCellValue("Active Offer - " + name);
                Row groups = sheet.createRow(1);
                SampleLayout.SWANSEA_GROUPS.forEach((column, group) -> groups.createCell(column).setCellValue(group));
                List<Integer> starts = SampleLayout.SWANSEA_GROUPS.keySet().stream().sorted().toList();
                for (int g = 0; g < starts.size(); g++) {
                    int last = g + 1 < starts.size() ? starts.get(g + 1) - 1 : layout.headings.size() - 1;
                    sheet.addMergedRegion(new CellRangeAddress(1, 1, starts.get(g), last));
                }
                writeRow(sheet.createRow(2), new ArrayList<>(layout.headings), dateStyle);
                int rowIndex = 3;
                for (int i = 0; i < offers.size(); i++) {
                    if (!YearMonth.from(offers.get(i).dateOffer()).equals(YearMonth.from(month))) {
                        continue;
                    }
                    Row row = sheet.createRow(rowIndex);
                    writeRow(row, rows.get(i), dateStyle);
                    int excelRow = rowIndex + 1;
                    row.createCell(layout.column("authority")).setCellFormula("Summary!$B$2");
                    row.createCell(layout.column("days"))
                            .setCellFormula("IF(G" + excelRow + "=\"\",\"\",G" + excelRow + "-D" + excelRow + ")");
                    locations[i] = "sheet '" + name + "' row " + excelRow;
                    rowIndex++;
                }
                Row total = sheet.createRow(rowIndex + 1);
                total.createCell(0).setCellValue("Total");
                total.createCell(3).setCellFormula("COUNT(D4:D" + rowIndex + ")");
                sheet.createRow(rowIndex + 2).createCell(0).setCellValue("Notes: figures are provisional until the "
                        + "year-end return.");
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                workbook.write(out);
            }
        }
        return Arrays.asList(locations);
    }

    private static void writeRow(Row row, List<Object> values, CellStyle dateStyle) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof LocalDate date) {
                Cell cell = row.createCell(c);
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value != null && !"".equals(value)) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }
}
