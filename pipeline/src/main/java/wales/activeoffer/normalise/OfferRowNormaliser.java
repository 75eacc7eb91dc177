package wales.activeoffer.normalise;

import wales.activeoffer.wording.Wording;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.reference.Authority;
import wales.activeoffer.reference.FinancialPeriod;
import wales.activeoffer.reference.Placement;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.reference.WorkingDayCalendar;
import wales.activeoffer.template.CodeList;
import wales.activeoffer.template.FieldDefinition;
import wales.activeoffer.template.OfferRecord;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.template.RuleDefinition;
import wales.activeoffer.template.Severity;

/**
 * Turns one mapped source row into a national template record, applying every rule of the template. Pure: no I/O,
 * no Spring; the same row always gives the same result.
 */
public class OfferRowNormaliser implements ItemProcessor<SourceRow, NormalisedRow> {
    static final String WITHHELD = "(withheld)";
    private static final int OLDEST_AGE = 25;
    private static final Pattern WHOLE_YEARS = Pattern.compile("(\\d+)(?:\\.0+)?");
    private static final List<String> DATES_AFTER_OFFER = List.of("date_referral", "date_first_contact", "date_meeting");

    private final RecordingTemplate template;
    private final String sendingProvider;
    private final ReferenceData reference;
    private final ChildKeyHasher hasher;
    private final LocalDate runDate;
    private final ValueParser parser;
    private final Map<String, CodeList> codeListsByField;
    private final String language;
    private final String datesRead;

    public OfferRowNormaliser(RecordingTemplate template, ReferenceData reference, SourceMapping mapping,
            ChildKeyHasher hasher, LocalDate runDate) {
        this(template, reference, mapping, hasher, runDate, null);
    }

    /**
     * @param sendingProvider the provider whose folder the file came from ({@code inbox/providers/<provider>/}), or
     *                        {@code null}: a provider's row for an authority it did not serve on the offer date is
     *                        rejected (AO-018)
     */
    public OfferRowNormaliser(RecordingTemplate template, ReferenceData reference, SourceMapping mapping,
            ChildKeyHasher hasher, LocalDate runDate, String sendingProvider) {
        this.sendingProvider = sendingProvider;
        this.template = template;
        this.reference = reference;
        this.hasher = hasher;
        this.runDate = runDate;
        this.parser = new ValueParser(mapping.dateFormats(), mapping.excelSerialDates());
        Map<String, CodeList> lists = new HashMap<>();
        for (FieldDefinition field : template.fields()) {
            if (field.codeList() != null) {
                lists.put(field.name(), template.codeList(field.codeList(), mapping.valueSynonyms(field.name())));
            } else if ("yes_no".equals(field.type())) {
                lists.put(field.name(), template.codeList("yes_no"));
            }
        }
        this.codeListsByField = Map.copyOf(lists);
        this.language = mapping.language();
        this.datesRead = datesRead(mapping);
    }

    /**
     * Every way of writing a date this layout reads, as a receipt tells a lead: its patterns and ISO, dates in words
     * (which every layout reads), date cells (in a workbook) and Excel date numbers (where the mapping says so), for
     * example "dd/mm/yyyy or yyyy-mm-dd, or in words (3 March 2024), and date cells" (in Welsh for a Welsh layout).
     */
    private static String datesRead(SourceMapping mapping) {
        Wording words = Wording.in(mapping.language());
        String month = words.text("dates.month");
        String year = words.text("dates.yearLetter");
        LinkedHashSet<String> formats = new LinkedHashSet<>();
        mapping.dateFormats().forEach(f -> formats.add(f.replace("MMMM", month).replace("MM", "mm")
                .replace("y", year)));
        String iso = "yyyy-mm-dd".replace("y", year);
        formats.add(iso);
        String written = formats.size() == 1 ? iso : words.text("dates.lastOf",
                String.join(", ", new ArrayList<>(formats).subList(0, formats.size() - 1)), iso);
        List<String> more = new ArrayList<>();
        if (!mapping.format().equals("csv")) {
            more.add("cells");
        }
        if (mapping.excelSerialDates()) {
            more.add("excel");
        }
        StringBuilder hint = new StringBuilder(" ").append(words.text("dates.read", written));
        for (int i = 0; i < more.size(); i++) {
            boolean last = i == more.size() - 1;
            hint.append(", ").append(words.text((last ? "dates.and." : "dates.") + more.get(i)));
        }
        return hint.append('.').toString();
    }

    @Override
    public NormalisedRow process(SourceRow row) {
        Checks checks = new Checks(row);

        Optional<Authority> authority = Optional.ofNullable(row.value("authority")).flatMap(reference::authority);
        if (authority.isEmpty()) {
            checks.flag("AO-002", "authority", sharedAbbreviation(row.value("authority")));
        }
        String childId = row.value("child_id");
        if (childId == null) {
            checks.flag("AO-001", "child_id");
        }
        Optional<LocalDate> offerDate = parser.date(row.value("date_offer"));
        if (offerDate.isEmpty()) {
            checks.flag("AO-003", "date_offer");
        }
        Optional<String> route = checks.requiredCode("eligibility_route", "AO-004");
        Optional<String> response = checks.requiredCode("offer_response", "AO-005");

        String trigger = checks.optionalCode("trigger");
        String outcome = checks.optionalCode("meeting_outcome");
        String reason = checks.optionalCode("refusal_reason");
        String source = checks.optionalCode("referral_source");
        String gender = checks.optionalCode("gender");
        String language = checks.optionalCode("language");
        Boolean nonInstructed = checks.yesNo("non_instructed");
        Boolean iroConfirmed = checks.yesNo("iro_confirmed");
        Boolean disability = checks.yesNo("disability");
        LocalDate eligible = checks.optionalDate("date_eligible");
        LocalDate referral = checks.optionalDate("date_referral");
        LocalDate firstContact = checks.optionalDate("date_first_contact");
        LocalDate meeting = checks.optionalDate("date_meeting");
        LocalDate dateOfBirth = checks.optionalDate("date_of_birth");

        Map<String, LocalDate> datesAfterOffer = new LinkedHashMap<>();
        datesAfterOffer.put("date_referral", referral);
        datesAfterOffer.put("date_first_contact", firstContact);
        datesAfterOffer.put("date_meeting", meeting);
        Map<String, LocalDate> allDates = new LinkedHashMap<>(datesAfterOffer);
        allDates.put("date_eligible", eligible);
        offerDate.ifPresent(d -> allDates.put("date_offer", d));
        allDates.forEach((field, date) -> {
            if (date != null && date.isAfter(runDate)) {
                checks.flag("AO-009", field);
            }
        });
        offerDate.ifPresent(offer -> DATES_AFTER_OFFER.forEach(field -> {
            LocalDate date = datesAfterOffer.get(field);
            if (date != null && date.isBefore(offer)) {
                checks.flag("AO-008", field);
            }
        }));

        Integer ageGiven = checks.age();
        Integer age = null;
        if (dateOfBirth != null && offerDate.isPresent()) {
            if (dateOfBirth.isAfter(offerDate.get())
                    || Period.between(dateOfBirth, offerDate.get()).getYears() > OLDEST_AGE) {
                checks.flag("AO-014", "date_of_birth");
            } else {
                age = Period.between(dateOfBirth, offerDate.get()).getYears();
                if (ageGiven != null && !ageGiven.equals(age)) {
                    checks.flag("AO-016", "age_at_offer");
                }
            }
        } else if (dateOfBirth == null) {
            age = ageGiven;
        }

        Optional<Placement> placement = authority.flatMap(a -> offerDate.flatMap(d -> reference.placement(a.onsCode(), d)));
        if (authority.isPresent() && offerDate.isPresent() && placement.isEmpty()) {
            checks.flag("AO-010", "date_offer");
        }
        if (sendingProvider != null && placement.isPresent()
                && !placement.get().provider().code().equals(sendingProvider)) {
            checks.flag("AO-018", "authority");
        }

        if (outcome != null && response.isPresent() && !"accepted_meeting".equals(response.get())) {
            checks.flag("AO-011", "meeting_outcome");
        }
        String refusalStage = outcome != null && OfferRecord.REFUSED_AT_MEETING_OUTCOMES.contains(outcome) ? "meeting"
                : "declined".equals(response.orElse(null)) ? "offer" : null;
        if (refusalStage != null && reason == null) {
            checks.flag("AO-012", "refusal_reason");
            reason = "not_recorded";
        }
        if (meeting != null && referral != null && meeting.isBefore(referral)) {
            checks.flag("AO-013", "date_meeting");
        }
        if (outcome != null && OfferRecord.MEETING_HELD_OUTCOMES.contains(outcome) && meeting == null) {
            checks.flag("AO-015", "date_meeting");
        }

        if (checks.hasErrors()) {
            Map<String, String> stored = storedValues(row,
                    authority.map(Authority::onsCode).orElse(row.value("authority")));
            return new NormalisedRow(row, null, checks.issues(), stored, template.version());
        }
        String authorityCode = authority.get().onsCode();
        LocalDate offer = offerDate.get();
        WorkingDayCalendar calendar = reference.calendar();
        String recordRef = row.value("record_ref");
        OfferRecord record = new OfferRecord(authorityCode, placement.get().region().code(),
                placement.get().provider().code(), hasher.key(authorityCode, childId),
                recordRef == null ? null : hasher.key(authorityCode, recordRef), route.get(), trigger, eligible, offer,
                referral, firstContact, meeting, response.get(), outcome, reason, refusalStage, source, nonInstructed,
                iroConfirmed, age, gender, language, disability, FinancialPeriod.financialYear(offer),
                FinancialPeriod.quarter(offer), elapsed(calendar, referral, firstContact),
                elapsed(calendar, referral, meeting), !checks.issues().isEmpty());
        return new NormalisedRow(row, record, checks.issues(), Map.of(), template.version());
    }

    /** For an abbreviation two authorities share ("CCBC"), which they are; otherwise "". */
    private String sharedAbbreviation(String spelling) {
        List<Authority> candidates = spelling == null ? List.of() : reference.authorities(spelling);
        if (candidates.size() < 2) {
            return "";
        }
        boolean welsh = "cy".equals(language);
        String names = candidates.stream().map(welsh ? Authority::nameCy : Authority::nameEn)
                .collect(Collectors.joining(welsh ? " a " : " and "));
        return welsh ? " Defnyddir '" + spelling + "' ar gyfer " + names + "; ysgrifennwch enw neu god ONS yr awdurdod."
                : " '" + spelling + "' is used for both " + names + "; write the authority's name or ONS code.";
    }

    /** The row as it may be stored: identifiers as keyed hashes, the date of birth withheld, the rest as sent. */
    private Map<String, String> storedValues(SourceRow row, String authority) {
        Map<String, String> stored = new TreeMap<>();
        row.values().forEach((field, raw) -> {
            String value = raw == null ? "" : raw;
            String type = template.field(field).map(FieldDefinition::type).orElse("");
            if (!value.isBlank() && "identifier".equals(type)) {
                value = "key:" + hasher.key(authority == null ? "" : authority, value);
            } else if (!value.isBlank() && "date_of_birth".equals(type)) {
                value = WITHHELD;
            }
            stored.put(field, value);
        });
        return stored;
    }

    private static Integer elapsed(WorkingDayCalendar calendar, LocalDate from, LocalDate to) {
        return from == null || to == null || to.isBefore(from) ? null : calendar.workingDaysBetween(from, to);
    }

    /** Collects the issues of one row. */
    private final class Checks {
        private final SourceRow row;
        private final List<RowIssue> issues = new ArrayList<>();

        Checks(SourceRow row) {
            this.row = row;
        }

        /** Records that {@code field} broke a rule; the template decides whether that rejects the row. */
        void flag(String ruleId, String field) {
            flag(ruleId, field, "");
        }

        /** @param more what the receipt adds after the rule's message */
        void flag(String ruleId, String field, String more) {
            RuleDefinition rule = template.rule(ruleId);
            boolean personal = template.field(field).map(FieldDefinition::isPersonal).orElse(false);
            String raw = row.value(field);
            String shown = raw == null ? "" : personal ? WITHHELD : raw;
            SourceRow.Origin origin = row.origin(field);
            issues.add(new RowIssue(row.sheet(), row.rowNumber(), field, shown, rule.id(), rule.severity(),
                    rule.message(language) + whatIsAllowed(ruleId, field) + more, origin.heading(), origin.cell()));
        }

        /** The age the source gave, if it is a whole number of years from 0 to 25; otherwise flagged and blank. */
        Integer age() {
            String raw = row.value("age_at_offer");
            if (raw == null) {
                return null;
            }
            Matcher whole = WHOLE_YEARS.matcher(raw);
            if (whole.matches() && whole.group(1).length() <= 2 && Integer.parseInt(whole.group(1)) <= OLDEST_AGE) {
                return Integer.parseInt(whole.group(1));
            }
            flag("AO-017", "age_at_offer");
            return null;
        }

        /** For a value that could not be read, what the field takes: its codes, or the dates this layout reads. */
        private String whatIsAllowed(String ruleId, String field) {
            if (!List.of("AO-003", "AO-004", "AO-005", "AO-006", "AO-007").contains(ruleId)) {
                return "";
            }
            String type = template.field(field).map(FieldDefinition::type).orElse("");
            if (type.equals("date")) {
                return datesRead;
            }
            CodeList codes = codeListsByField.get(field);
            return codes == null ? "" : " " + Wording.in(language).text("issue.allowed",
                    String.join(", ", codes.labels(language)));
        }

        Optional<String> requiredCode(String field, String ruleId) {
            Optional<String> code = Optional.ofNullable(row.value(field)).flatMap(codeListsByField.get(field)::lookup);
            if (code.isEmpty()) {
                flag(ruleId, field);
            }
            return code;
        }

        String optionalCode(String field) {
            String raw = row.value(field);
            if (raw == null) {
                return null;
            }
            Optional<String> code = codeListsByField.get(field).lookup(raw);
            if (code.isEmpty()) {
                flag("AO-006", field);
            }
            return code.orElse(null);
        }

        Boolean yesNo(String field) {
            String raw = row.value(field);
            if (raw == null) {
                return null;
            }
            Optional<String> answer = codeListsByField.get(field).lookup(raw);
            if (answer.isEmpty()) {
                flag("AO-007", field);
            }
            return answer.map("yes"::equals).orElse(null);
        }

        LocalDate optionalDate(String field) {
            String raw = row.value(field);
            if (raw == null) {
                return null;
            }
            Optional<LocalDate> date = parser.date(raw);
            if (date.isEmpty()) {
                flag("AO-007", field);
            }
            return date.orElse(null);
        }

        boolean hasErrors() {
            return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
        }

        List<RowIssue> issues() {
            return List.copyOf(issues);
        }
    }
}
