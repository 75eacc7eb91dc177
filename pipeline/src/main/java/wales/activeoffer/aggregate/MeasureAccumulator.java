package wales.activeoffer.aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import wales.activeoffer.template.OfferRecord;

/**
 * Builds the four families of measures for Wales, each region and each authority, by financial year and quarter, by
 * eligibility route and for all routes. Records are added one at a time; memory grows with the number of cells, not
 * with the number of records.
 *
 * <p>Every record also has a record key, 0 to 255, from a hash of its pseudonymised child key, offer date and route,
 * so the same record always has the same key. Each count of an authority's quarter on one route (a base cell) has a
 * cell key, the sum of its records' keys modulo 256; {@link MeasureTable#parts()} gives, for every count, the base
 * cells' counts it adds up, which is what the cell key method of disclosure control perturbs.
 */
public final class MeasureAccumulator {
    public static final String WALES_CODE = "W92000004";
    /** The category of a stage's total refusals, which its reasons add up to. */
    public static final String ALL_REASONS = "all";
    private static final String MEETING_STAGE = "meeting";
    private static final String WALES = "wales";
    private static final String REGION = "region";
    private static final String AUTHORITY = "authority";
    private static final String FINANCIAL_YEAR = "financial_year";
    private static final String QUARTER = "quarter";
    // hashed while the records go by (a sorted map compared keys field by field for every record of every cell); read
    // in the cells' order when the table is built
    private final Map<CellKey, CellTally> tallies = new HashMap<>();
    private final Map<CellKey, CellTally> baseTallies = new HashMap<>();
    private final Map<CellKey, Set<CellKey>> basesOf = new HashMap<>();
    private final Map<String, String> regionOfAuthorityInPeriod = new HashMap<>();
    private final Map<CellKey, BaseCells> baseCells = new HashMap<>();
    private final GeographyNames names;
    private final int targetWorkingDays;
    private final PublishedCategories categories;

    /** Display names for geography codes. */
    public interface GeographyNames {
        String name(String level, String code);
    }

    /** The category a record's refusal reason or referral source is published as (itself, or a combined one). */
    public interface PublishedCategories {
        String of(String measure, String category);
    }

    public MeasureAccumulator(GeographyNames names, int targetWorkingDays) {
        this(names, targetWorkingDays, (measure, category) -> category);
    }

    public MeasureAccumulator(GeographyNames names, int targetWorkingDays, PublishedCategories categories) {
        this.names = names;
        this.targetWorkingDays = targetWorkingDays;
        this.categories = categories;
    }

    /**
     * @throws IllegalStateException if the authority's records of one period fall in two regions, which would make a
     *                               region's figures differ from the sum of its authorities'
     */
    public void add(OfferRecord record) {
        int recordKey = recordKey(record);
        CellKey base = new CellKey(AUTHORITY, record.authorityCode(), QUARTER, record.quarter(),
                record.eligibilityRoute());
        BaseCells cells = baseCells.get(base);
        if (cells == null || !cells.regionCode().equals(record.regionCode())) {
            cells = cellsOf(base, record);
            baseCells.put(base, cells);
        }
        for (CellTally tally : cells.tallies()) {
            tally.add(record, recordKey);
        }
    }

    /**
     * The tallies a record of this base cell adds to: the base cell's own, then the twelve of Wales, its region and its
     * authority, by financial year and quarter, on all routes and its own. Worked out for the first record of each
     * base cell, or of each region it is recorded in (which is refused).
     */
    private BaseCells cellsOf(CellKey base, OfferRecord record) {
        String[][] geographies = {{WALES, WALES_CODE}, {REGION, record.regionCode()},
                {AUTHORITY, record.authorityCode()}};
        String[][] periods = {{FINANCIAL_YEAR, record.financialYear()}, {QUARTER, record.quarter()}};
        List<CellTally> cells = new ArrayList<>();
        cells.add(baseTallies.computeIfAbsent(base, k -> new CellTally()));
        for (String[] period : periods) {
            String membership = record.authorityCode() + " " + period[1];
            String region = regionOfAuthorityInPeriod.putIfAbsent(membership, record.regionCode());
            if (region != null && !region.equals(record.regionCode())) {
                throw new IllegalStateException("Authority " + record.authorityCode() + " has records in " + region
                        + " and " + record.regionCode() + " in " + period[1]
                        + "; region changes must fall on 1 April (check mappings/reference/region-membership.csv)");
            }
            for (String[] geography : geographies) {
                for (String route : List.of(CellKey.ALL_ROUTES, record.eligibilityRoute())) {
                    CellKey cell = new CellKey(geography[0], geography[1], period[0], period[1], route);
                    cells.add(tallies.computeIfAbsent(cell, k -> new CellTally()));
                    basesOf.computeIfAbsent(cell, k -> new LinkedHashSet<>()).add(base);
                }
            }
        }
        return new BaseCells(record.regionCode(), cells.toArray(CellTally[]::new));
    }

    /** The tallies every record of one base cell adds to, and the region they were worked out for. */
    private record BaseCells(String regionCode, CellTally[] tallies) {
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** A record's key: 0 to 255, the same for the same child, offer date and route in every release. */
    static int recordKey(OfferRecord record) {
        byte[] hash = SHA_256.get().digest(String.join("|", Objects.requireNonNullElse(record.childKey(), ""),
                String.valueOf(record.dateOffer()), Objects.requireNonNullElse(record.eligibilityRoute(), ""))
                .getBytes(StandardCharsets.UTF_8));
        return hash[0] & 0xFF;
    }

    public MeasureTable table() {
        List<AggregateRow> rows = rows();
        Map<CountKey, BaseCount> baseCounts = new HashMap<>();
        List<AggregateRow> ignored = new ArrayList<>();
        new TreeMap<>(baseTallies).forEach((cell, tally) -> rowsOf(cell, tally, ignored, baseCounts));
        Map<CountKey, List<BaseCount>> parts = new HashMap<>();
        for (AggregateRow row : rows) {
            if (row.isCount()) {
                parts.put(row.key(), basesOf.getOrDefault(row.cell(), Set.of()).stream()
                        .map(base -> baseCounts.get(row.key().inCell(base))).filter(Objects::nonNull).toList());
            }
        }
        return new MeasureTable(rows, sums(rows), parts);
    }

    public List<AggregateRow> rows() {
        List<AggregateRow> rows = new ArrayList<>();
        new TreeMap<>(tallies).forEach((cell, tally) -> rowsOf(cell, tally, rows, new HashMap<>()));
        return rows;
    }

    private void rowsOf(CellKey cell, CellTally tally, List<AggregateRow> rows, Map<CountKey, BaseCount> counted) {
        {
            Rows out = new Rows(rows, counted, cell, names.name(cell.geographyLevel(), cell.geographyCode()));
            CountKey offers = out.count("take_up", "offers", null, null, tally.offers);
            out.count("take_up", "meetings_accepted", null, null, tally.meetingsAccepted);
            CountKey held = out.count("take_up", "meetings_held", null, null, tally.meetingsHeld);
            CountKey takenUp = out.count("take_up", "taken_up", null, null, tally.takenUp);
            out.rate("take_up", "take_up_rate", null, null, tally.takenUp.n, tally.meetingsHeld.n, takenUp, held);
            out.rate("take_up", "conversion_rate", null, null, tally.takenUp.n, tally.offers.n, takenUp, offers);
            tally.refusalsByStage.forEach((stage, recorded) -> {
                Map<String, CellTally.Count> byReason = combine("refusal_reasons", recorded);
                CellTally.Count total = new CellTally.Count();
                byReason.values().forEach(total::add);
                CountKey all = out.count("refusal_reasons", "count", stage, ALL_REASONS, total);
                byReason.forEach((reason, n) -> {
                    CountKey count = out.count("refusal_reasons", "count", stage, reason, n);
                    out.rate("refusal_reasons", "share", stage, reason, n.n, total.n, count, all);
                });
            });
            out.responseTimes("referral_to_meeting", tally.referralToMeeting, targetWorkingDays);
            out.responseTimes("referral_to_first_contact", tally.referralToFirstContact, targetWorkingDays);
            combine("referral_sources", tally.referralSources).forEach((source, n) -> {
                CountKey count = out.count("referral_sources", "count", null, source, n);
                out.rate("referral_sources", "share", null, source, n.n, tally.offers.n, count, offers);
            });
        }
    }

    private Map<String, CellTally.Count> combine(String measure, Map<String, CellTally.Count> byCategory) {
        Map<String, CellTally.Count> combined = new TreeMap<>();
        byCategory.forEach((category, n) -> combined.computeIfAbsent(categories.of(measure, category),
                c -> new CellTally.Count()).add(n));
        return combined;
    }

    /** Every sum that ties the published counts together, each total with the parts that are published. */
    private List<SumRelation> sums(List<AggregateRow> rows) {
        Map<String, List<CountKey>> partsByTotal = new TreeMap<>();
        Map<String, CountKey> totals = new HashMap<>();
        rows.stream().filter(AggregateRow::isCount).map(AggregateRow::key).forEach(part -> totalsOf(part).forEach(
                total -> {
                    String relation = total.dimension() + " " + total.key();
                    totals.putIfAbsent(relation, total.key());
                    partsByTotal.computeIfAbsent(relation, r -> new ArrayList<>()).add(part);
                }));
        List<SumRelation> sums = new ArrayList<>();
        partsByTotal.forEach((relation, parts) -> sums.add(new SumRelation(totals.get(relation), List.copyOf(parts))));
        return sums;
    }

    private record Total(String dimension, CountKey key) {
    }

    /** The counts this count is one part of, one per way of breaking a total down. */
    private List<Total> totalsOf(CountKey part) {
        CellKey cell = part.cell();
        List<Total> totals = new ArrayList<>();
        if (!CellKey.ALL_ROUTES.equals(cell.route())) {
            totals.add(new Total("route", part.inCell(new CellKey(cell.geographyLevel(), cell.geographyCode(),
                    cell.periodType(), cell.period(), CellKey.ALL_ROUTES))));
        }
        parentGeography(cell).ifPresent(parent -> totals.add(new Total("geography", part.inCell(parent))));
        if (QUARTER.equals(cell.periodType())) {
            String financialYear = cell.period().substring(0, cell.period().indexOf(' '));
            totals.add(new Total("period", part.inCell(new CellKey(cell.geographyLevel(), cell.geographyCode(),
                    FINANCIAL_YEAR, financialYear, cell.route()))));
        }
        CountKey meetingsHeld = new CountKey("take_up", "meetings_held", null, null, cell);
        switch (part.measure() + "/" + part.statistic()) {
            case "take_up/taken_up" -> totals.add(new Total("meeting", meetingsHeld));
            case "refusal_reasons/count" -> {
                if (!ALL_REASONS.equals(part.category())) {
                    totals.add(new Total("reason", part.withCategory(ALL_REASONS)));
                } else if (MEETING_STAGE.equals(part.stage())) {
                    totals.add(new Total("meeting", meetingsHeld));
                }
            }
            case "referral_sources/count" -> totals.add(new Total("source",
                    new CountKey("take_up", "offers", null, null, cell)));
            case "response_time/within_target", "response_time/beyond_target" ->
                totals.add(new Total("target", part.withStatistic("n")));
            default -> {
            }
        }
        return totals;
    }

    private Optional<CellKey> parentGeography(CellKey cell) {
        return switch (cell.geographyLevel()) {
            case AUTHORITY -> Optional.of(new CellKey(REGION,
                    regionOfAuthorityInPeriod.get(cell.geographyCode() + " " + cell.period()), cell.periodType(),
                    cell.period(), cell.route()));
            case REGION -> Optional.of(new CellKey(WALES, WALES_CODE, cell.periodType(), cell.period(), cell.route()));
            default -> Optional.empty();
        };
    }

    private record Rows(List<AggregateRow> rows, Map<CountKey, BaseCount> counted, CellKey cell, String name) {
        CountKey count(String measure, String statistic, String stage, String category, CellTally.Count n) {
            return count(measure, statistic, stage, category, n.n, n.key);
        }

        CountKey count(String measure, String statistic, String stage, String category, int n, int cellKey) {
            CountKey key = new CountKey(measure, statistic, stage, category, cell);
            rows.add(new AggregateRow(measure, statistic, cell, name, stage, category, (double) n, List.of(key)));
            counted.put(key, new BaseCount(n, cellKey));
            return key;
        }

        void rate(String measure, String statistic, String stage, String category, int numerator, int denominator,
                CountKey numeratorKey, CountKey denominatorKey) {
            Double value = denominator == 0 ? null : (double) numerator / denominator;
            rows.add(new AggregateRow(measure, statistic, cell, name, stage, category, value,
                    List.of(numeratorKey, denominatorKey)));
        }

        void responseTimes(String interval, Distribution times, int target) {
            int n = times.size();
            CountKey measured = count("response_time", "n", null, interval, n, times.key());
            if (n == 0) {
                return;
            }
            int within = times.countAtMost(target);
            CountKey withinKey = new CountKey("response_time", "within_target", null, interval, cell);
            CountKey beyondKey = new CountKey("response_time", "beyond_target", null, interval, cell);
            // a median or percentile beside n says how many are within the target: shown only with all three counts
            List<CountKey> allThree = List.of(measured, withinKey, beyondKey);
            rows.add(new AggregateRow("response_time", "median_working_days", cell, name, null, interval,
                    times.median(), allThree));
            rows.add(new AggregateRow("response_time", "p90_working_days", cell, name, null, interval,
                    (double) times.percentile90(), allThree));
            int keyWithin = times.keyAtMost(target);
            count("response_time", "within_target", null, interval, within, keyWithin);
            count("response_time", "beyond_target", null, interval, n - within, (times.key() - keyWithin) & 0xFF);
            rate("response_time", "share_within_target", null, interval, within, n, withinKey, measured);
        }
    }
}
