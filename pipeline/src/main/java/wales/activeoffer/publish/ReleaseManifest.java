package wales.activeoffer.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a release holds, written as {@code manifest.json} in its folder: every file with its size, SHA-256 and row
 * count; every submission whose records it includes; and the versions it was built with. Two releases built from the
 * same submissions have the same {@code contentKey}, which is how a night with nothing new publishes nothing.
 */
public record ReleaseManifest(int manifestVersion, String release, String templateVersion, String codeVersion,
        String contentKey, List<FileEntry> files, List<SubmissionEntry> submissions, Publication publication) {

    public static final int VERSION = 2;

    /**
     * Who the release is for, and, for the public series, when it was published and the next one is due.
     *
     * @param audience        {@code public}, {@code officials} (management information) or {@code restricted}
     * @param publishedOn     the day it was published, ISO (yyyy-mm-dd)
     * @param adHoc           published off the calendar ({@code republish})
     * @param figuresTo       the last quarter the calendar entry brings, or {@code null}
     * @param nextRelease     the next public release's date on the calendar, or {@code null} when none is set
     * @param maxPerturbation the most a published count of one authority's quarter on one route is moved (public only)
     */
    public record Publication(String audience, String publishedOn, boolean adHoc, String figuresTo, String nextRelease,
            String revisionsPolicy, Integer maxPerturbation) {
    }

    /** One published file. */
    public record FileEntry(String name, long bytes, String sha256, long rows) {
    }

    /**
     * One submission whose current records are in the release, told by its region, the day it was received and an
     * opaque id: never by its file name, which is a lead's free text (leads do put children's names in file names).
     *
     * @param received the day it was received, ISO (yyyy-mm-dd)
     * @param period   the period its file name gave, if any
     * @param quarters the first and last quarter of its current records
     * @param records  how many current records it has; left out of a public release's manifest, where it would give
     *                 an authority's exact offers for its quarters
     */
    public record SubmissionEntry(long submissionId, String received, String region, String sha256,
            List<String> authorities, String period, List<String> quarters,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long records) {

        /** The same entry without its record count, for a public manifest. */
        public SubmissionEntry withoutRecords() {
            return new SubmissionEntry(submissionId, received, region, sha256, authorities, period, quarters, null);
        }
    }
}
