package wales.activeoffer.publish;

import java.util.List;

/**
 * What a release holds, written as {@code manifest.json} in its folder: every file with its size, SHA-256 and row
 * count; every submission whose records it includes; and the versions it was built with. Two releases built from the
 * same submissions have the same {@code contentKey}, which is how a night with nothing new publishes nothing.
 */
public record ReleaseManifest(int manifestVersion, String release, String templateVersion, String codeVersion,
        String contentKey, List<FileEntry> files, List<SubmissionEntry> submissions) {

    public static final int VERSION = 1;

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
     */
    public record SubmissionEntry(long submissionId, String received, String region, String sha256,
            List<String> authorities, String period, List<String> quarters, long records) {
    }
}
