package wales.activeoffer.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How each sample source system writes an offer as a table row: its headings, its words for the template's codes, its
 * date style and its yes/no. Each layout matches one mapping file in {@code mappings/layouts/}; the recording forms
 * are written by {@link SampleForms}.
 */
enum SampleLayout {
    WCCIS_CSV("wccis-active-offer-csv", "csv",
            List.of("Local Authority", "Person ID", "Episode ID", "Date of Birth", "Category", "Trigger Event",
                    "Eligibility Date", "Offer Date", "Referral Date", "First Contact Date", "Meeting Date",
                    "Offer Response", "Meeting Outcome", "Reason Not Accepted", "Referral Source", "Non-Instructed",
                    "IRO Confirmed", "Gender", "Preferred Language", "Disability"),
            List.of("authority", "child", "episode", "dob", "route", "trigger", "eligible", "offer", "referral",
                    "contact", "meeting", "response", "outcome", "reason", "source", "nia", "iro", "gender",
                    "language", "disability"),
            Map.of("looked_after", "Looked After", "child_protection", "Child Protection",
                    "care_and_support", "Care and Support", "accepted_meeting", "Meeting accepted",
                    "declined", "Declined", "exempt_understanding", "Exempt", "no_response", "No response"),
            "yyyy-MM-dd", "Yes", "No", false),
    TGP_XLSX("tgp-cymru-monitoring-xlsx", "xlsx",
            List.of("LA", "Client Ref", "DOB", "Eligibility", "Trigger", "Date Eligible", "Date Offered",
                    "Date Referred", "Date of First Contact", "Date of AO Meeting", "Response to Offer",
                    "Outcome of Meeting", "Reason for Declining", "Referred By", "NIA", "IRO Confirmed", "Gender",
                    "Language", "Disability/Communication Needs"),
            List.of("authority", "child", "dob", "route", "trigger", "eligible", "offer", "referral", "contact",
                    "meeting", "response", "outcome", "reason", "source", "nia", "iro", "gender", "language",
                    "disability"),
            Map.of("looked_after", "LAC", "child_protection", "CP", "care_and_support", "C&S",
                    "accepted_meeting", "AO meeting agreed", "declined", "AO declined",
                    "exempt_understanding", "Exempt", "no_response", "No response"),
            null, "Y", "N", false),
    NYAS_CSV("nyas-referrals-csv", "csv",
            List.of("Local authority", "Young person ID", "Date of birth", "Legal status", "Offer date",
                    "Referral received", "First contact", "Active offer meeting", "Child's response",
                    "Meeting outcome", "Reason", "Referral source", "Non-instructed", "IRO", "Gender", "Language",
                    "Additional needs"),
            List.of("authority", "child", "dob", "route", "offer", "referral", "contact", "meeting", "response",
                    "outcome", "reason", "source", "nia", "iro", "gender", "language", "disability"),
            Map.of("looked_after", "LAC", "child_protection", "CPR", "care_and_support", "C&S plan",
                    "accepted_meeting", "Accepted", "declined", "Refused", "exempt_understanding", "Exempt",
                    "no_response", "No reply"),
            "d MMM yy", "Y", "N", false),
    LA_RETURN_XLSX("la-performance-return-xlsx", "xlsx",
            List.of("Authority", "Child Reference", "Date of Birth", "Route", "Trigger", "Date offer made",
                    "Date referred to provider", "Date of first contact", "Date of meeting", "Response", "Outcome",
                    "Reason for refusal", "Source of referral", "IRO confirmed", "Gender", "Language", "Disability"),
            List.of("authority", "child", "dob", "route", "trigger", "offer", "referral", "contact", "meeting",
                    "response", "outcome", "reason", "source", "iro", "gender", "language", "disability"),
            Map.of("looked_after", "Looked after", "child_protection", "Child protection",
                    "care_and_support", "Care and support", "accepted_meeting", "Accepted meeting",
                    "declined", "Declined", "exempt_understanding", "Exempt - sufficient understanding",
                    "no_response", "No response"),
            "ordinal", "Yes", "No", false),
    WELSH_CSV("cofnod-cynnig-rhagweithiol-csv", "csv",
            List.of("Awdurdod lleol", "Rhif adnabod y plentyn", "Dyddiad geni", "Llwybr cymhwysedd", "Sbardun",
                    "Dyddiad y cynnig", "Dyddiad atgyfeirio", "Dyddiad y cyswllt cyntaf", "Dyddiad y cyfarfod",
                    "Ymateb i'r cynnig", "Canlyniad y cyfarfod", "Rheswm dros wrthod", "Ffynhonnell yr atgyfeiriad",
                    "Eiriolaeth heb gyfarwyddyd", "Cadarnhawyd gan y SAA", "Rhywedd", "Iaith",
                    "Anabledd neu anghenion cyfathrebu"),
            List.of("authority", "child", "dob", "route", "trigger", "offer", "referral", "contact", "meeting",
                    "response", "outcome", "reason", "source", "nia", "iro", "gender", "language", "disability"),
            Map.of("looked_after", "Derbyn gofal", "child_protection", "Amddiffyn plant",
                    "care_and_support", "Gofal a chymorth", "accepted_meeting", "Derbyn cyfarfod",
                    "declined", "Gwrthod", "exempt_understanding", "Wedi'i eithrio", "no_response", "Dim ymateb"),
            "dd/MM/yyyy", "Do", "Naddo", true),
    TGP_LEGACY_XLS("tgp-cymru-legacy-xls", "xls",
            List.of("Local Authority", "Client No", "D.O.B.", "Category", "Offer date", "Referral date",
                    "1st contact", "Meeting date", "Offer response", "Outcome", "Reason declined", "Referrer",
                    "IRO confirmed", "Sex", "Language", "Additional needs"),
            List.of("authority", "child", "dob", "route", "offer", "referral", "contact", "meeting", "response",
                    "outcome", "reason", "source", "iro", "gender", "language", "disability"),
            Map.of("looked_after", "LAC", "child_protection", "CP", "care_and_support", "C&S",
                    "accepted_meeting", "Accepted", "declined", "Declined", "exempt_understanding", "Exempt",
                    "no_response", "No response"),
            null, "Yes", "No", false),
    POWYS_XLS("powys-ao-log-xls", "xls",
            List.of("Authority", "Client ID", "Birth date", "Status", "Trigger", "Offered on", "Referred on",
                    "Contacted on", "Met on", "Response", "Outcome", "Why declined", "Referred by", "NIA", "IRO",
                    "Gender", "Language", "Disability"),
            List.of("authority", "child", "dob", "route", "trigger", "offer", "referral", "contact", "meeting",
                    "response", "outcome", "reason", "source", "nia", "iro", "gender", "language", "disability"),
            Map.of("looked_after", "Looked after", "child_protection", "Child protection",
                    "care_and_support", "Care and support", "accepted_meeting", "Meeting accepted",
                    "declined", "Declined", "exempt_understanding", "Exempt", "no_response", "No response"),
            "mixed", "Y", "N", false),
    NPT_CP1252_CSV("npt-export-cp1252-csv", "csv",
            List.of("Awdurdod / Authority", "Côd plentyn", "Dyddiad geni / DOB", "Llwybr / Route",
                    "Dyddiad cynnig / Offer date", "Atgyfeirio / Referral", "Cyswllt / Contact", "Cyfarfod / Meeting",
                    "Ymateb / Response", "Canlyniad / Outcome", "Rheswm / Reason", "Ffynhonnell / Source", "IRO",
                    "Rhyw / Gender", "Iaith / Language"),
            List.of("authority", "child", "dob", "route", "offer", "referral", "contact", "meeting", "response",
                    "outcome", "reason", "source", "iro", "gender", "language"),
            Map.of("looked_after", "Looked after", "child_protection", "Child protection",
                    "care_and_support", "Care and support", "accepted_meeting", "Accepted",
                    "declined", "Declined", "exempt_understanding", "Exempt", "no_response", "No response"),
            "dd.MM.yyyy", "Y", "N", false),
    SWANSEA_MONTHLY_XLSX("swansea-monthly-workbook-xlsx", "xlsx",
            List.of("Reference", "Authority", "Date of birth", "Offer", "Referral", "First contact", "Meeting",
                    "Route", "Response", "Outcome", "Reason", "Source", "IRO", "Gender", "Language",
                    "Days to meeting"),
            List.of("child", "authority", "dob", "offer", "referral", "contact", "meeting", "route", "response",
                    "outcome", "reason", "source", "iro", "gender", "language", "days"),
            Map.of("looked_after", "Looked after", "child_protection", "Child protection",
                    "care_and_support", "Care and support", "accepted_meeting", "Accepted",
                    "declined", "Declined", "exempt_understanding", "Exempt", "no_response", "No response"),
            null, "Yes", "No", false);

    /** The groups over the Swansea workbook's headings: first column of each group, and its name. */
    static final Map<Integer, String> SWANSEA_GROUPS = new TreeMap<>(Map.of(0, "Child", 3, "Dates", 7,
            "Offer and outcome", 12, "Monitoring"));

    static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("entry", "New"), Map.entry("review", "Review"), Map.entry("placement_move", "Placement move"),
            Map.entry("care_leaver_planning", "Pathway planning"), Map.entry("residential_transfer", "Residential transfer"),
            Map.entry("other", "Other"), Map.entry("took_up", "Took up advocacy"), Map.entry("declined", "Declined"),
            Map.entry("time_to_think", "Time to think"), Map.entry("not_held", "Meeting not held"),
            Map.entry("pending", "Pending"), Map.entry("not_at_the_moment", "Not at the moment"),
            Map.entry("prefers_formal", "Prefers formal advocacy"), Map.entry("prefers_informal", "Prefers informal advocacy"),
            Map.entry("prefers_peer", "Peer advocacy"), Map.entry("does_not_want", "Does not want advocacy"),
            Map.entry("social_worker", "Social worker"), Map.entry("iro", "IRO"), Map.entry("carer", "Foster carer"),
            Map.entry("parent_family", "Parent"), Map.entry("self", "Self-referral"),
            Map.entry("other_professional", "Other professional"), Map.entry("female", "Female"),
            Map.entry("male", "Male"), Map.entry("not_known", "Not known"), Map.entry("welsh", "Welsh"),
            Map.entry("english", "English"));
    static final Map<String, String> WELSH = Map.ofEntries(
            Map.entry("entry", "Newydd"), Map.entry("review", "Adolygiad"), Map.entry("placement_move", "Newid lleoliad"),
            Map.entry("care_leaver_planning", "Cynllunio i adael gofal"), Map.entry("residential_transfer", "Symud preswyl"),
            Map.entry("other", "Arall"), Map.entry("took_up", "Derbyn eiriolaeth"), Map.entry("declined", "Gwrthod eiriolaeth"),
            Map.entry("time_to_think", "Amser i feddwl"), Map.entry("not_held", "Heb ei gynnal"),
            Map.entry("pending", "Yn yr arfaeth"), Map.entry("not_at_the_moment", "Ddim ar hyn o bryd"),
            Map.entry("prefers_formal", "Eiriolaeth ffurfiol"), Map.entry("prefers_informal", "Eiriolaeth anffurfiol"),
            Map.entry("prefers_peer", "Eiriolaeth cymheiriaid"), Map.entry("does_not_want", "Ddim eisiau"),
            Map.entry("social_worker", "Gweithiwr cymdeithasol"), Map.entry("iro", "Swyddog Adolygu Annibynnol"),
            Map.entry("carer", "Gofalwr maeth"), Map.entry("parent_family", "Rhiant"), Map.entry("self", "Hunangyfeirio"),
            Map.entry("other_professional", "Gweithiwr proffesiynol arall"), Map.entry("female", "Benyw"),
            Map.entry("male", "Gwryw"), Map.entry("not_known", "Anhysbys"), Map.entry("welsh", "Cymraeg"),
            Map.entry("english", "Saesneg"));

    final String mappingId;
    final String format;
    final List<String> headings;
    final List<String> fields;
    private final Map<String, String> ownWords;
    private final String datePattern;
    private final String yes;
    private final String no;
    private final boolean welsh;

    SampleLayout(String mappingId, String format, List<String> headings, List<String> fields,
            Map<String, String> ownWords, String datePattern, String yes, String no, boolean welsh) {
        this.mappingId = mappingId;
        this.format = format;
        this.headings = headings;
        this.fields = fields;
        this.ownWords = ownWords;
        this.datePattern = datePattern;
        this.yes = yes;
        this.no = no;
        this.welsh = welsh;
    }

    /** The cells of one offer in heading order: text, or {@link LocalDate} for a date cell. */
    List<Object> cells(SampleOffer o, String authorityName, SplittableRandom random) {
        List<Object> cells = new ArrayList<>();
        for (String field : fields) {
            cells.add(switch (field) {
                case "authority" -> authorityName;
                case "child" -> o.childId();
                case "days" -> "";
                default -> field(field, o, random);
            });
        }
        return cells;
    }

    int column(String field) {
        return fields.indexOf(field);
    }

    private Object field(String field, SampleOffer o, SplittableRandom random) {
        return switch (field) {
            case "episode" -> o.episodeId();
            case "dob" -> date(o.dateOfBirth(), random);
            case "route" -> messy(ownWords.get(o.route()), random);
            case "trigger" -> word(o.trigger(), random);
            case "eligible" -> date(o.dateEligible(), random);
            case "offer" -> date(o.dateOffer(), random);
            case "referral" -> date(o.dateReferral(), random);
            case "contact" -> date(o.dateFirstContact(), random);
            case "meeting" -> date(o.dateMeeting(), random);
            case "response" -> o.response() == null ? "" : messy(ownWords.get(o.response()), random);
            case "outcome" -> word(o.outcome(), random);
            case "reason" -> word(o.reason(), random);
            case "source" -> word(o.source(), random);
            case "nia" -> yesNo(o.nonInstructed());
            case "iro" -> yesNo(o.iroConfirmed());
            case "gender" -> word(o.gender(), random);
            case "language" -> word(o.language(), random);
            case "disability" -> yesNo(o.disability());
            default -> throw new IllegalArgumentException(field);
        };
    }

    String word(String code, SplittableRandom random) {
        if (code == null) {
            return "";
        }
        return messy((welsh ? WELSH : ENGLISH).getOrDefault(code, code), random);
    }

    /** Real exports are inconsistent about case and stray spaces; the pipeline must not care. */
    static String messy(String text, SplittableRandom random) {
        int roll = random.nextInt(40);
        return roll == 0 ? text.toUpperCase(Locale.ROOT) : roll == 1 ? text.toLowerCase(Locale.ROOT)
                : roll == 2 ? " " + text + " " : text;
    }

    private String yesNo(Boolean value) {
        return value == null ? "" : value ? yes : no;
    }

    private Object date(LocalDate date, SplittableRandom random) {
        if (date == null) {
            return "";
        }
        if (datePattern == null) {
            return date;
        }
        if ("ordinal".equals(datePattern)) {
            int style = random.nextInt(10);
            return style < 7 ? ordinal(date) : style < 9 ? DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date) : date;
        }
        if ("mixed".equals(datePattern)) {
            return random.nextInt(3) == 0 ? DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date) : date;
        }
        return DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH).format(date);
    }

    static String ordinal(LocalDate date) {
        int day = date.getDayOfMonth();
        String suffix = day >= 11 && day <= 13 ? "th" : switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return day + suffix + " " + DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).format(date);
    }
}
