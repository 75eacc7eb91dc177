package wales.activeoffer.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * What changed since the previous release: a figure published in both whose value differs is marked {@code [r]}
 * (GSS shorthand for revised), and listed with its previous value and the submissions, new since that release, that
 * cover its place and period (a correction, or a late return).
 *
 * @param figures   this release's figures, the revised ones marked
 * @param revisions the revised figures, in table order
 */
public record Revisions(List<PublishedAggregate> figures, List<Revision> revisions) {

    /** One revised figure. */
    public record Revision(PublishedAggregate figure, String previous, List<String> submissions) {
    }

    /**
     * @param previousCsv    the previous release's {@code aggregates.csv}, or {@code null} for a first release
     * @param newSubmissions submissions in this release that were not in the previous one
     */
    public static Revisions since(Path previousCsv, List<PublishedAggregate> published,
            List<ReleaseManifest.SubmissionEntry> newSubmissions) {
        if (previousCsv == null || !Files.exists(previousCsv)) {
            return new Revisions(published, List.of());
        }
        Map<String, String> previous = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(previousCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                previous.put(String.join("|", row.get("measure"), row.get("statistic"), row.get("geography_level"),
                        row.get("geography_code"), row.get("period_type"), row.get("period"),
                        row.get("eligibility_route"), row.get("stage"), row.get("category")), row.get("value"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the previous release's " + previousCsv, e);
        }
        List<PublishedAggregate> figures = new ArrayList<>(published.size());
        List<Revision> revisions = new ArrayList<>();
        for (PublishedAggregate figure : published) {
            String before = previous.get(key(figure.row()));
            String now = figure.figure();
            if (before == null || before.isEmpty() || now.isEmpty() || before.equals(now)) {
                figures.add(figure);
                continue;
            }
            PublishedAggregate revised = figure.asRevised();
            figures.add(revised);
            revisions.add(new Revision(revised, before, newSubmissions.stream().filter(s -> covers(s, figure.row()))
                    .map(Revisions::describe).distinct().toList()));
        }
        return new Revisions(figures, revisions);
    }

    /** A submission as the public release names it: never by its file name, which is a lead's free text. */
    static String describe(ReleaseManifest.SubmissionEntry submission) {
        return "submission " + submission.submissionId() + " (" + submission.region() + ", received "
                + submission.received() + ")";
    }

    private static String key(AggregateRow row) {
        return String.join("|", row.measure(), row.statistic(), row.cell().geographyLevel(), row.cell().geographyCode(),
                row.cell().periodType(), row.cell().period(), row.cell().route(),
                Objects.requireNonNullElse(row.stage(), ""), Objects.requireNonNullElse(row.category(), ""));
    }

    /** Whether a submission holds records of the figure's place and period. */
    private static boolean covers(ReleaseManifest.SubmissionEntry submission, AggregateRow row) {
        String code = row.cell().geographyCode();
        boolean place = switch (row.cell().geographyLevel()) {
            case "region" -> submission.region().equals(code);
            case "authority" -> submission.authorities().contains(code);
            default -> true;
        };
        String first = submission.quarters().get(0);
        String last = submission.quarters().get(1);
        String period = row.cell().period();
        boolean when = row.cell().periodType().equals("quarter")
                ? first.compareTo(period) <= 0 && period.compareTo(last) <= 0
                : first.substring(0, 7).compareTo(period) <= 0 && period.compareTo(last.substring(0, 7)) <= 0;
        return place && when;
    }
}
