package wales.activeoffer.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Generates the sample inbox: all 22 authorities, financial years 2023-24 and 2024-25, in five source layouts, with
 * realistic messiness and a documented handful of rows that must be rejected. Deterministic: the same arguments give
 * the same records. {@code scale} multiplies the volumes, for benchmarks.
 *
 * <p>Run: {@code java -cp pipeline/target/active-offer-pipeline.jar -Dloader.main=wales.activeoffer.sample.SampleInboxGenerator
 * org.springframework.boot.loader.launch.PropertiesLauncher sample-data 1}
 */
public final class SampleInboxGenerator {
    static final List<Integer> FINANCIAL_YEARS = List.of(2023, 2024);
    private static final java.util.Set<String> MEETING_HELD = java.util.Set.of("took_up", "declined", "time_to_think");

    /** Who sends what, and how many offers a year at scale 1. */
    record Sender(String code, String nameEn, String nameCy, String region, SampleLayout layout, int offersPerYear,
            int welshPercent) {
    }

    static final List<Sender> SENDERS = List.of(
            new Sender("W06000001", "Isle of Anglesey", "Ynys Môn", "north-wales", SampleLayout.WELSH_CSV, 90, 55),
            new Sender("W06000002", "Gwynedd", "Gwynedd", "north-wales", SampleLayout.WELSH_CSV, 120, 65),
            new Sender("W06000003", "Conwy", "Conwy", "north-wales", SampleLayout.TGP_XLSX, 150, 20),
            new Sender("W06000004", "Denbighshire", "Sir Ddinbych", "north-wales", SampleLayout.TGP_XLSX, 160, 20),
            new Sender("W06000005", "Flintshire", "Sir y Fflint", "north-wales", SampleLayout.TGP_XLSX, 180, 8),
            new Sender("W06000006", "Wrexham", "Wrecsam", "north-wales", SampleLayout.TGP_XLSX, 200, 8),
            new Sender("W06000008", "Ceredigion", "Ceredigion", "mid-and-west-wales", SampleLayout.TGP_XLSX, 80, 40),
            new Sender("W06000009", "Pembrokeshire", "Sir Benfro", "mid-and-west-wales", SampleLayout.TGP_XLSX, 140, 10),
            new Sender("W06000010", "Carmarthenshire", "Sir Gaerfyrddin", "mid-and-west-wales", SampleLayout.TGP_XLSX, 210, 35),
            new Sender("W06000023", "Powys", "Powys", "mid-and-west-wales", SampleLayout.TGP_XLSX, 150, 12),
            new Sender("W06000011", "Swansea", "Abertawe", "western-bay", SampleLayout.TGP_XLSX, 300, 6),
            new Sender("W06000012", "Neath Port Talbot", "Castell-nedd Port Talbot", "western-bay", SampleLayout.TGP_XLSX, 200, 8),
            new Sender("W06000013", "Bridgend", "Pen-y-bont ar Ogwr", "cwm-taf", SampleLayout.NYAS_CSV, 190, 5),
            new Sender("W06000016", "Rhondda Cynon Taf", "Rhondda Cynon Taf", "cwm-taf", SampleLayout.NYAS_CSV, 320, 6),
            new Sender("W06000024", "Merthyr Tydfil", "Merthyr Tudful", "cwm-taf", SampleLayout.NYAS_CSV, 110, 5),
            new Sender("W06000014", "Vale of Glamorgan", "Bro Morgannwg", "cardiff-and-vale", SampleLayout.LA_RETURN_XLSX, 150, 6),
            new Sender("W06000015", "Cardiff", "Caerdydd", "cardiff-and-vale", SampleLayout.LA_RETURN_XLSX, 420, 6),
            new Sender("W06000018", "Caerphilly", "Caerffili", "gwent", SampleLayout.WCCIS_CSV, 220, 5),
            new Sender("W06000019", "Blaenau Gwent", "Blaenau Gwent", "gwent", SampleLayout.WCCIS_CSV, 130, 4),
            new Sender("W06000020", "Torfaen", "Tor-faen", "gwent", SampleLayout.WCCIS_CSV, 150, 4),
            new Sender("W06000021", "Monmouthshire", "Sir Fynwy", "gwent", SampleLayout.WCCIS_CSV, 90, 5),
            new Sender("W06000022", "Newport", "Casnewydd", "gwent", SampleLayout.WCCIS_CSV, 220, 5));

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
            new PlantedDefect("W06000024", 2024, Defect.UNKNOWN_AUTHORITY),
            new PlantedDefect("W06000022", 2023, Defect.IMPOSSIBLE_OFFER_DATE),
            new PlantedDefect("W06000023", 2023, Defect.UNKNOWN_ROUTE),
            new PlantedDefect("W06000002", 2024, Defect.MISSING_RESPONSE),
            new PlantedDefect("W06000011", 2024, Defect.MEETING_BEFORE_OFFER),
            new PlantedDefect("W06000020", 2024, Defect.FUTURE_OFFER_DATE),
            new PlantedDefect("W06000006", 2023, Defect.ADULT_DATE_OF_BIRTH));

    /** The row at which a planted defect is inserted, counted from the first data row. */
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

    /** Writes {@code inbox/<region>/<file>} under {@code out}, and {@code MANIFEST.csv} listing every file. */
    public void generate(Path out) throws IOException {
        List<List<Object>> manifest = new ArrayList<>();
        for (Sender sender : SENDERS) {
            Map<Integer, Child> pool = childPool(sender);
            for (int year : FINANCIAL_YEARS) {
                SplittableRandom random = new SplittableRandom(seed(sender.code(), year));
                List<SampleOffer> offers = new ArrayList<>();
                for (int i = 0; i < sender.offersPerYear() * scale; i++) {
                    offers.add(offer(sender, pool, year, random));
                }
                List<String> plantedRules = new ArrayList<>();
                for (PlantedDefect planted : DEFECTS) {
                    if (planted.authorityCode().equals(sender.code()) && planted.financialYear() == year) {
                        offers.add(Math.min(DEFECT_POSITION - 1, offers.size()),
                                broken(offer(sender, pool, year, random), planted.defect()));
                        plantedRules.add(planted.defect().ruleId);
                    }
                }
                Path file = out.resolve("inbox").resolve(sender.region()).resolve(fileName(sender, year));
                Files.createDirectories(file.getParent());
                write(file, sender, year, offers, random);
                manifest.add(List.of(out.relativize(file).toString().replace('\\', '/'), sender.region(), sender.code(),
                        sender.layout().mappingId, offers.size(), offers.size() - plantedRules.size(),
                        String.join(" ", plantedRules)));
            }
        }
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(out.resolve("MANIFEST.csv")), CSVFormat.DEFAULT)) {
            csv.printRecord("file", "region", "authority_code", "mapping", "data_rows", "valid_rows", "planted_rule_ids");
            csv.printRecords(manifest);
        }
    }

    record Child(String id, LocalDate dateOfBirth) {
    }

    private Map<Integer, Child> childPool(Sender sender) {
        SplittableRandom random = new SplittableRandom(seed(sender.code(), 0));
        Map<Integer, Child> pool = new HashMap<>();
        int size = Math.max(10, sender.offersPerYear() * scale * 7 / 10);
        for (int i = 0; i < size; i++) {
            LocalDate born = LocalDate.of(2023, 3, 1).minusDays(random.nextInt(17 * 365));
            pool.put(i, new Child(childId(sender.layout(), random), born));
        }
        return pool;
    }

    private static String childId(SampleLayout layout, SplittableRandom random) {
        return switch (layout) {
            case WCCIS_CSV -> "P" + (1_000_000 + random.nextInt(9_000_000));
            case TGP_XLSX -> "TGP-" + (10_000 + random.nextInt(90_000));
            case NYAS_CSV -> "NY" + (100_000 + random.nextInt(900_000));
            case LA_RETURN_XLSX -> "C" + (100_000 + random.nextInt(900_000));
            case WELSH_CSV -> "GW" + (100_000 + random.nextInt(900_000));
        };
    }

    private static long seed(String authorityCode, int year) {
        return authorityCode.hashCode() * 31L + year;
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
        int age = java.time.Period.between(child.dateOfBirth(), offer).getYears();
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
            if (MEETING_HELD.contains(outcome) && random.nextInt(50) > 0) {
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
            case UNKNOWN_AUTHORITY -> new SampleOffer("Merthyr Tydfill", o.childId(), o.episodeId(), o.dateOfBirth(),
                    o.route(), o.trigger(), o.dateEligible(), o.dateOffer(), o.dateReferral(), o.dateFirstContact(),
                    o.dateMeeting(), o.response(), o.outcome(), o.reason(), o.source(), o.nonInstructed(),
                    o.iroConfirmed(), o.gender(), o.language(), o.disability());
            case IMPOSSIBLE_OFFER_DATE, UNKNOWN_ROUTE, MISSING_RESPONSE -> o;
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

    /** Defects that a layout can only express as text in a specific cell. */
    private static List<Object> cells(Sender sender, SampleOffer offer, Defect defect, SplittableRandom random) {
        List<Object> cells = new ArrayList<>(sender.layout().cells(offer, authorityName(sender, offer), random));
        List<String> headings = sender.layout().headings;
        if (defect == Defect.IMPOSSIBLE_OFFER_DATE) {
            cells.set(headings.indexOf("Offer Date"), "2024-02-31");
        } else if (defect == Defect.UNKNOWN_ROUTE) {
            cells.set(headings.indexOf("Eligibility"), "Respite");
        } else if (defect == Defect.MISSING_RESPONSE) {
            cells.set(headings.indexOf("Ymateb i'r cynnig"), "");
        }
        return cells;
    }

    private static String authorityName(Sender sender, SampleOffer offer) {
        if (!offer.authorityCode().startsWith("W06")) {
            return offer.authorityCode();
        }
        return switch (sender.layout()) {
            case WCCIS_CSV -> sender.code();
            case WELSH_CSV -> sender.nameCy();
            default -> sender.nameEn();
        };
    }

    private static String fileName(Sender sender, int year) {
        String period = year + "-" + String.format("%02d", (year + 1) % 100);
        String slug = sender.nameEn().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return switch (sender.layout()) {
            case WCCIS_CSV -> "WCCIS_ActiveOffer_" + sender.code() + "_" + period + ".csv";
            case TGP_XLSX -> "TGP Cymru AO monitoring - " + sender.nameEn() + " - " + period + ".xlsx";
            case NYAS_CSV -> "nyas_referrals_" + slug + "_" + period + ".csv";
            case LA_RETURN_XLSX -> sender.nameEn() + " AO return " + period + ".xlsx";
            case WELSH_CSV -> "cofnod-cynnig-rhagweithiol-" + sender.nameCy().toLowerCase(java.util.Locale.ROOT)
                    .replace(' ', '-').replace("ô", "o") + "-" + period + ".csv";
        };
    }

    private void write(Path file, Sender sender, int year, List<SampleOffer> offers, SplittableRandom random)
            throws IOException {
        Defect plantedAt = DEFECTS.stream()
                .filter(d -> d.authorityCode().equals(sender.code()) && d.financialYear() == year)
                .map(PlantedDefect::defect).findFirst().orElse(null);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            Defect defect = i == Math.min(DEFECT_POSITION - 1, offers.size() - 1) ? plantedAt : null;
            rows.add(cells(sender, offers.get(i), defect, random));
        }
        if (sender.layout().format.equals("csv")) {
            writeCsv(file, sender.layout(), rows);
        } else {
            writeXlsx(file, sender, year, rows);
        }
    }

    private static void writeCsv(Path file, SampleLayout layout, List<List<Object>> rows) throws IOException {
        try (OutputStream bytes = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            if (layout == SampleLayout.WELSH_CSV) {
                bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer text = new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT);
            csv.printRecord(layout.headings);
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
            csv.flush();
        }
    }

    private static void writeXlsx(Path file, Sender sender, int year, List<List<Object>> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties()
                    .setCreated(Optional.of(new java.util.Date(1_700_000_000_000L)));
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.createSheet(sender.layout() == SampleLayout.TGP_XLSX ? "AO monitoring" : "Return");
            int rowIndex = 0;
            String period = year + "-" + String.format("%02d", (year + 1) % 100);
            if (sender.layout() == SampleLayout.TGP_XLSX) {
                sheet.createRow(rowIndex++).createCell(0).setCellValue("TGP Cymru - Active Offer monitoring");
                sheet.createRow(rowIndex++).createCell(0).setCellValue("Local authority: " + sender.nameEn()
                        + "    Period: " + period);
                rowIndex++;
            } else {
                sheet.createRow(rowIndex++).createCell(0).setCellValue("Active Offer return - " + sender.nameEn()
                        + " - " + period);
            }
            Row header = sheet.createRow(rowIndex++);
            for (int c = 0; c < sender.layout().headings.size(); c++) {
                header.createCell(c).setCellValue(sender.layout().headings.get(c));
            }
            for (List<Object> values : rows) {
                Row row = sheet.createRow(rowIndex++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof LocalDate date) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (!"".equals(value)) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                workbook.write(out);
            }
        }
    }
}
