package wales.activeoffer.inbox;

import java.nio.file.Path;

/**
 * The one folder that holds all runtime state: the regions' inboxes, the archive, rejected files, receipts, releases
 * and (for the embedded default) the database.
 */
public record WorkRoot(Path root) {

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path inbox(String regionCode) {
        return inbox().resolve(regionCode);
    }

    public Path archive(String regionCode) {
        return root.resolve("archive").resolve(regionCode);
    }

    public Path rejected(String regionCode) {
        return root.resolve("rejected").resolve(regionCode);
    }

    /** Files whose processing failed unexpectedly, kept for the data team. */
    public Path quarantine(String regionCode) {
        return root.resolve("quarantine").resolve(regionCode);
    }

    public Path receipts(String regionCode) {
        return root.resolve("receipts").resolve(regionCode);
    }

    public Path receipts() {
        return root.resolve("receipts");
    }

    public Path releases() {
        return root.resolve("releases");
    }

    /**
     * The officials' nightly dataset: exact figures, management information for the named officials; restricted like
     * the record-level data, never in a public release.
     */
    public Path officials() {
        return root.resolve("officials");
    }

    /** The restricted record-level data, for researchers under an access agreement; never in a public release. */
    public Path restricted() {
        return root.resolve("restricted");
    }

    /** Where a release is built before it is moved into {@code releases/} whole. */
    public Path staging() {
        return root.resolve("staging");
    }

    /** Where the leftovers of a release build that was stopped part-way are kept. */
    public Path incomplete() {
        return root.resolve("incomplete");
    }
}
