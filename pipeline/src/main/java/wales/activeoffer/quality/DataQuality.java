package wales.activeoffer.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import wales.activeoffer.reference.Authority;
import wales.activeoffer.template.OfferRecord;

/**
 * Builds the coverage and data-quality tables of a release from the current records and the rules they broke. Records
 * and issues are added one at a time; memory grows with authorities, quarters and rules, not with records.
 */
public final class DataQuality {
    /** A key field, and which records should have it. */
    public record KeyField(String name, String labelEn, String labelCy, Predicate<OfferRecord> applies,
            Predicate<OfferRecord> filled) {
    }

    /**
     * The key fields whose completeness the table shows. Referral source and refusal reason are left out: how often
     * they are missing is already published, under disclosure control, as the {@code not_recorded} category of the
     * referral-source and refusal-reason tables, and an unprotected percentage here would let a suppressed
     * {@code not_recorded} count be worked out.
     */
    public static final List<KeyField> KEY_FIELDS = List.of(
            new KeyField("date_referral", "Referral date recorded (% of meetings accepted)",
                    "Dyddiad atgyfeirio wedi'i gofnodi (% o gyfarfodydd a dderbyniwyd)",
                    r -> "accepted_meeting".equals(r.offerResponse()), r -> r.dateReferral() != null),
            new KeyField("date_first_contact", "First contact date recorded (% of meetings accepted)",
                    "Dyddiad cyswllt cyntaf wedi'i gofnodi (% o gyfarfodydd a dderbyniwyd)",
                    r -> "accepted_meeting".equals(r.offerResponse()), r -> r.dateFirstContact() != null),
            new KeyField("date_meeting", "Meeting date recorded (% of meetings held)",
                    "Dyddiad cyfarfod wedi'i gofnodi (% o gyfarfodydd a gynhaliwyd)",
                    OfferRecord::meetingHeld,
                    r -> r.dateMeeting() != null),
            new KeyField("age_at_offer", "Age known (% of offers)", "Oedran yn hysbys (% o gynigion)", r -> true,
                    r -> r.ageAtOffer() != null),
            new KeyField("language", "Language of choice recorded (% of offers)",
                    "Dewis iaith wedi'i gofnodi (% o gynigion)", r -> true, r -> r.language() != null));

    private final List<Authority> authorities;
    private final List<String> ruleIds;
    private final Map<String, Set<String>> quartersByAuthority = new TreeMap<>();
    private final Map<String, Map<String, Completeness>> completenessByAuthority = new TreeMap<>();
    private final Map<String, Map<String, Integer>> ruleCountsByAuthority = new TreeMap<>();

    /**
     * Rules whose count is a published measure in another form, left out for the reason given at {@link #KEY_FIELDS}:
     * AO-012 counts refusals with no reason, published as {@code not_recorded} refusals.
     */
    public static final Set<String> RULES_PUBLISHED_AS_MEASURES = Set.of("AO-012");

    /**
     * @param authorities every authority, in the order the tables list them
     * @param ruleIds     every row rule of the template, in the order the tables list them; those in
     *                    {@link #RULES_PUBLISHED_AS_MEASURES} are left out
     */
    public DataQuality(List<Authority> authorities, List<String> ruleIds) {
        this.authorities = authorities;
        this.ruleIds = ruleIds.stream().filter(rule -> !RULES_PUBLISHED_AS_MEASURES.contains(rule)).toList();
    }

    public void add(OfferRecord record) {
        quartersByAuthority.computeIfAbsent(record.authorityCode(), a -> new TreeSet<>()).add(record.quarter());
        Map<String, Completeness> completeness = completenessByAuthority.computeIfAbsent(record.authorityCode(),
                a -> new LinkedHashMap<>());
        for (KeyField field : KEY_FIELDS) {
            completeness.compute(field.name(), (name, soFar) -> (soFar == null ? new Completeness(0, 0) : soFar)
                    .plus(field.applies().test(record), field.filled().test(record)));
        }
    }

    /** One broken rule on one row, kept or rejected, of an authority's current submission. */
    public void addIssue(String authorityCode, String ruleId) {
        ruleCountsByAuthority.computeIfAbsent(authorityCode, a -> new TreeMap<>()).merge(ruleId, 1, Integer::sum);
    }

    public Coverage coverage() {
        List<String> quarters = quarterRange(quartersByAuthority.values().stream().flatMap(Set::stream).sorted()
                .toList());
        List<Coverage.Line> lines = new ArrayList<>();
        for (Authority authority : authorities) {
            lines.add(new Coverage.Line(authority, quarters.stream()
                    .filter(quartersByAuthority.getOrDefault(authority.onsCode(), Set.of())::contains).toList()));
        }
        return new Coverage(quarters, lines);
    }

    public Quality quality() {
        List<Quality.Line> lines = new ArrayList<>();
        for (Authority authority : authorities) {
            Map<String, Completeness> completeness = new LinkedHashMap<>();
            KEY_FIELDS.forEach(field -> completeness.put(field.name(), completenessByAuthority
                    .getOrDefault(authority.onsCode(), Map.of()).getOrDefault(field.name(), new Completeness(0, 0))));
            Map<String, Integer> counts = new LinkedHashMap<>();
            ruleIds.forEach(rule -> counts.put(rule, ruleCountsByAuthority.getOrDefault(authority.onsCode(), Map.of())
                    .getOrDefault(rule, 0)));
            lines.add(new Quality.Line(authority, completeness, counts));
        }
        return new Quality(ruleIds, lines);
    }

    /** Every quarter from the first to the last, so that a quarter nobody sent still shows as missing. */
    static List<String> quarterRange(List<String> sortedQuarters) {
        if (sortedQuarters.isEmpty()) {
            return List.of();
        }
        List<String> range = new ArrayList<>();
        String quarter = sortedQuarters.get(0);
        String last = sortedQuarters.get(sortedQuarters.size() - 1);
        while (quarter.compareTo(last) <= 0) {
            range.add(quarter);
            quarter = next(quarter);
        }
        return range;
    }

    private static String next(String quarter) {
        int startYear = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(quarter.length() - 1) - '0';
        if (q < 4) {
            return quarter.substring(0, quarter.length() - 1) + (q + 1);
        }
        return (startYear + 1) + "-" + String.format("%02d", (startYear + 2) % 100) + " Q1";
    }

    /**
     * Which authorities have current records for which quarters, over every quarter from the first to the last.
     */
    public record Coverage(List<String> quarters, List<Line> authorities) {
        /** One authority, and the quarters it has records for. */
        public record Line(Authority authority, List<String> quartersReceived) {
            public boolean received(String quarter) {
                return quartersReceived.contains(quarter);
            }
        }
    }

    /** Completeness of the key fields and counts of broken rules, per authority. */
    public record Quality(List<String> ruleIds, List<Line> authorities) {
        /** One authority's completeness by key field and rows by rule id. */
        public record Line(Authority authority, Map<String, Completeness> completeness,
                Map<String, Integer> ruleCounts) {
        }
    }
}
