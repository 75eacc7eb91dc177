package wales.activeoffer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.quality.DataQuality;

/**
 * The plain-language summary at the top of the report, written from the published figures. Each statement compares
 * like with like (a place with itself, one period with the one before) and says whether the difference is within the
 * uncertainty: a take-up change whose Wilson 95% intervals overlap "may be chance". A figure that is hidden or missing
 * is said to be so, never guessed.
 */
final class TrendSummary {
    /** The release's constants the text names, by the name the page marks them with. */
    static final String INTERVAL_LEVEL = "interval-level";
    static final String TARGET = "target-working-days";
    static final String AUTHORITIES = "authorities";
    /** What a count of authorities that sent records for a quarter is marked with, before the quarter. */
    static final String RECEIVED_IN = "coverage|received|";
    private final ReleaseFigures figures;
    private final Language language;

    TrendSummary(ReleaseFigures figures, Language language) {
        this.figures = figures;
        this.language = language;
    }

    /**
     * The summary: take-up in Wales this year against last, take-up in Wales and each region this quarter against the
     * last, Wales's response times this quarter, and which authorities sent records for it.
     */
    List<Statement> statements(List<Place> walesAndRegions, List<String> quarters, List<String> years,
            int targetWorkingDays, DataQuality.Coverage coverage, List<Place> authorities) {
        List<Statement> statements = new ArrayList<>();
        if (walesAndRegions.isEmpty() || quarters.size() < 2) {
            return statements;
        }
        Place wales = walesAndRegions.get(0);
        if (years.size() >= 2) {
            statements.add(takeUpChange(wales, years.get(years.size() - 2), years.get(years.size() - 1)));
        }
        String latest = quarters.get(quarters.size() - 1);
        String before = quarters.get(quarters.size() - 2);
        walesAndRegions.forEach(place -> statements.add(takeUpChange(place, before, latest)));
        statements.add(responseTimes(wales, latest, targetWorkingDays));
        statements.add(coverage(coverage, latest, authorities));
        return statements;
    }

    /** Take-up (taken up / meetings held) in one place, one period against an earlier one. */
    Statement takeUpChange(Place place, String earlier, String later) {
        Statement.Builder s = new Statement.Builder();
        Optional<PublishedAggregate> before = rate(place, earlier);
        Optional<PublishedAggregate> after = rate(place, later);
        String name = place.name(language);
        String from = language.period(earlier);
        String to = language.period(later);
        Optional<String> missing = before.isEmpty() ? Optional.of(earlier) : after.isEmpty() ? Optional.of(later)
                : Optional.empty();
        if (missing.isPresent()) {
            return s.words(language.pick("Take-up in " + name + " cannot be compared between " + from + " and " + to
                    + ": no records were received for " + language.period(missing.get()) + " ([x]).",
                    name + ": ni ellir cymharu'r gyfradd manteisio rhwng " + from + " a " + to
                            + ": ni dderbyniwyd cofnodion ar gyfer " + language.period(missing.get()) + " ([x]).")).build();
        }
        for (PublishedAggregate rate : List.of(before.get(), after.get())) {
            if (rate.symbol() != null) {
                String period = language.period(rate.row().cell().period());
                String other = rate == before.get() ? to : from;
                boolean hidden = PublishedAggregate.CONFIDENTIAL.equals(rate.symbol());
                return s.words(language.pick("Take-up in " + name + " for " + period + " is "
                        + (hidden ? "not published ([c]), to protect small numbers"
                                : "not applicable ([z]): no meeting was held")
                        + ", so it cannot be compared with " + other + ".",
                        name + ": " + (hidden ? "nid yw'r gyfradd manteisio ar gyfer " + period + " wedi'i chyhoeddi "
                                + "([c]), i ddiogelu niferoedd bach" : "nid yw'r gyfradd manteisio ar gyfer " + period
                                + " yn berthnasol ([z]): ni chynhaliwyd cyfarfod")
                                + ", felly ni ellir ei chymharu â " + other + ".")).build();
            }
        }
        double a = Double.parseDouble(before.get().display());
        double b = Double.parseDouble(after.get().display());
        Shown format = Shown.PERCENT.of(a).equals(Shown.PERCENT.of(b)) && a != b ? Shown.PERCENT_1 : Shown.PERCENT;
        if (a == b) {
            s.words(language.pick("Take-up in " + name + " was ", name + ": roedd y gyfradd manteisio yn "))
                    .figure(format.of(a), key(before.get()), format)
                    .words(language.pick(" in both " + from + " and " + to + ".", " yn " + from + " ac yn " + to + "."));
            return s.build();
        }
        String verb = b > a ? language.pick("rose", "cododd") : language.pick("fell", "gostyngodd");
        s.words(language.pick("Take-up in " + name + " " + verb + " from ", name + ": " + verb
                + " y gyfradd manteisio o ")).figure(format.of(a), key(before.get()), format)
                .words(language.pick(" to ", " i ")).figure(format.of(b), key(after.get()), format)
                .words(language.pick(" between " + from + " and " + to, " rhwng " + from + " a " + to));
        Optional<Wilson.Interval> first = interval(place, earlier);
        Optional<Wilson.Interval> second = interval(place, later);
        if (first.isPresent() && second.isPresent()) {
            String level = Statement.constant(INTERVAL_LEVEL, "95%");
            s.words(first.get().overlaps(second.get())
                    ? language.pick("; the " + level + " intervals overlap, so the change may be chance.",
                            "; mae'r cyfyngau hyder " + level + " yn gorgyffwrdd, felly gall y newid fod ar hap.")
                    : language.pick("; the " + level + " intervals do not overlap, so the change is unlikely to be "
                            + "chance alone.", "; nid yw'r cyfyngau hyder " + level + " yn gorgyffwrdd, felly mae'n "
                                    + "annhebygol mai siawns yn unig yw'r newid."));
        } else {
            s.words(".");
        }
        return s.build();
    }

    /** The share of meetings held within the target, and the median, in one place and quarter. */
    Statement responseTimes(Place place, String quarter, int targetWorkingDays) {
        Statement.Builder s = new Statement.Builder();
        String name = place.name(language);
        String period = language.period(quarter);
        Optional<PublishedAggregate> share = figures.find("response_time", "share_within_target", place.code(), quarter,
                null, "referral_to_meeting");
        Optional<PublishedAggregate> median = figures.find("response_time", "median_working_days", place.code(),
                quarter, null, "referral_to_meeting");
        if (share.isEmpty() || median.isEmpty() || share.get().symbol() != null || median.get().symbol() != null) {
            return s.words(language.pick("Response times in " + name + " for " + period + " are not published.",
                    name + ": nid yw'r amserau ymateb ar gyfer " + period + " wedi'u cyhoeddi.")).build();
        }
        return s.words(language.pick("In " + period + ", ", "Yn " + period + ", cynhaliwyd "))
                .figure(Shown.PERCENT.of(share.get()), key(share.get()), Shown.PERCENT)
                .words(language.pick(" of meetings in " + name + " were held within the target of "
                        + target(targetWorkingDays) + " working days of the referral; the median was ",
                        " o gyfarfodydd " + name + " o fewn y targed o " + target(targetWorkingDays)
                                + " diwrnod gwaith ar ôl yr atgyfeiriad; y canolrif oedd "))
                .figure(Shown.DAYS.of(median.get()), key(median.get()), Shown.DAYS)
                .words(language.pick(" working days.", " diwrnod gwaith.")).build();
    }

    /** How many authorities sent records for the quarter, and which did not. */
    Statement coverage(DataQuality.Coverage coverage, String quarter, List<Place> authorities) {
        List<String> missing = new ArrayList<>();
        for (DataQuality.Coverage.Line line : coverage.authorities()) {
            if (!line.received(quarter)) {
                authorities.stream().filter(a -> a.code().equals(line.authority().onsCode())).findFirst()
                        .ifPresent(a -> missing.add(a.name(language)));
            }
        }
        String all = Statement.constant(AUTHORITIES, String.valueOf(coverage.authorities().size()));
        String sent = Statement.source(RECEIVED_IN + quarter,
                String.valueOf(coverage.authorities().size() - missing.size()));
        String period = language.period(quarter);
        if (missing.isEmpty()) {
            return Statement.of(language.pick("All " + all + " authorities sent records for " + period
                    + ".", "Anfonodd pob un o'r " + all + " awdurdod gofnodion ar gyfer " + period + "."));
        }
        return Statement.of(language.pick(sent + " of " + all
                + " authorities sent records for " + period + "; none were received from " + list(missing, "and") + ".",
                "Anfonodd " + sent + " o'r " + all + " awdurdod gofnodion ar gyfer " + period
                        + "; ni dderbyniwyd dim gan " + list(missing, "a") + "."));
    }

    /** The response-time target, marked as the release's constant. */
    static String target(int workingDays) {
        return Statement.constant(TARGET, String.valueOf(workingDays));
    }

    private static String list(List<String> names, String and) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " " + and + " " + names.get(names.size() - 1);
    }

    private Optional<PublishedAggregate> rate(Place place, String period) {
        return figures.find("take_up", "take_up_rate", place.code(), period, null, null);
    }

    /** The Wilson interval of the published taken-up and meetings-held counts, where both are shown. */
    Optional<Wilson.Interval> interval(Place place, String period) {
        Optional<PublishedAggregate> takenUp = figures.find("take_up", "taken_up", place.code(), period, null, null);
        Optional<PublishedAggregate> held = figures.find("take_up", "meetings_held", place.code(), period, null, null);
        if (takenUp.isEmpty() || held.isEmpty() || takenUp.get().symbol() != null || held.get().symbol() != null) {
            return Optional.empty();
        }
        return Wilson.of(Math.round(takenUp.get().value()), Math.round(held.get().value()));
    }

    static String key(PublishedAggregate figure) {
        var row = figure.row();
        return ReleaseFigures.key(row.measure(), row.statistic(), row.cell().geographyCode(), row.cell().period(),
                row.cell().route(), row.stage(), row.category());
    }
}
