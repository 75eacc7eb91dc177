package wales.activeoffer.inbox;

import java.nio.file.Path;

/**
 * A file a regional lead dropped into their region's inbox folder, directly or in a sub-folder named after an
 * authority ({@code subFolder}, {@code null} when dropped directly).
 */
public record InboxFile(String regionCode, Path path, String subFolder) {

    public InboxFile(String regionCode, Path path) {
        this(regionCode, path, null);
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    /** The authority folder inside a run's archive, receipt or quarantine folder: itself, or nothing. */
    public Path folderWithin(Path regionFolder) {
        return subFolder == null ? regionFolder : regionFolder.resolve(subFolder);
    }

    /**
     * Where it was dropped, as the operator's log names it: region, authority folder (if any) and file name, with any
     * control character shown as an escape so that a name cannot forge a log line.
     */
    public String describe() {
        return PlainText.visible(folderWithin(Path.of(regionCode)).resolve(fileName()).toString());
    }
}
