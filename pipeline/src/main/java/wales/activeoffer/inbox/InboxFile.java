package wales.activeoffer.inbox;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A file a regional lead dropped into their region's inbox folder, directly or in a sub-folder named after an
 * authority ({@code subFolder}, {@code null} when dropped directly); {@code staged}, once it is made, is the private
 * copy of it that the pipeline reads and archives.
 */
public record InboxFile(String regionCode, Path path, String subFolder, Path staged) {
    /**
     * The inbox folder for returns that cover several regions, such as an advocacy provider's: one folder per
     * provider, {@code inbox/providers/<provider>/}; each row's region comes from its authority and offer date.
     */
    public static final String PROVIDERS = "providers";

    public InboxFile(String regionCode, Path path) {
        this(regionCode, path, null, null);
    }

    public InboxFile(String regionCode, Path path, String subFolder) {
        this(regionCode, path, subFolder, null);
    }

    /** The same file, with the private copy of it that is read, hashed and archived ({@link FileStaging}). */
    public InboxFile withStaged(Path copy) {
        return new InboxFile(regionCode, path, subFolder, copy);
    }

    /** What is read and hashed: the private copy once there is one, so that what was read is what is archived. */
    public Path readable() {
        return staged == null ? path : staged;
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    /** The authority folder inside a run's archive, receipt or quarantine folder: itself, or nothing. */
    public Path folderWithin(Path regionFolder) {
        return subFolder == null ? regionFolder : regionFolder.resolve(subFolder);
    }

    /**
     * Why the file is in no place the pipeline reads, if it is not: in the inbox itself ({@code regionCode} empty), in
     * a folder that is not a region's, in a folder inside an authority's folder, or hidden by a leading dot. The
     * words are the lead's: what was wrong with the place, and where to put the file.
     *
     * @param regions the region codes, which are the inbox's folders
     */
    public Optional<String> misplaced(Collection<String> regions) {
        return misplaced(regions, List.of());
    }

    /** As {@link #misplaced(Collection)}, with the providers, whose folders are in {@code inbox/providers/}. */
    public Optional<String> misplaced(Collection<String> regions, Collection<String> providers) {
        if (regionCode == null) {
            return Optional.empty();
        }
        if (PROVIDERS.equals(regionCode)) {
            String yours = "your provider's folder (inbox/providers/<provider>/, one of: " + String.join(", ", providers)
                    + ")";
            if (subFolder == null) {
                return Optional.of("it was put in inbox/providers/ itself, not in a provider's folder; move it into "
                        + yours);
            }
            if (subFolder.contains("/") || !providers.contains(subFolder)) {
                return Optional.of("'" + PlainText.visible(subFolder) + "' is not a provider's folder; move the file "
                        + "into " + yours);
            }
            if (fileName().startsWith(".")) {
                return Optional.of("its name starts with a dot, which hides it on many computers and marks a temporary "
                        + "file; rename it without the dot");
            }
            return Optional.empty();
        }
        String where = "inbox/" + regionCode + "/";
        if (regionCode.isEmpty()) {
            return Optional.of("it was put in the inbox itself, not in a region's folder; move it into your region's "
                    + "folder (inbox/<region>/, one of: " + String.join(", ", regions) + ")");
        }
        if (!regions.contains(regionCode)) {
            return Optional.of("'" + PlainText.visible(regionCode) + "' is not a region's folder; move the file into "
                    + "your region's folder (inbox/<region>/, one of: " + String.join(", ", regions) + ")");
        }
        if (subFolder != null && subFolder.contains("/")) {
            String authority = subFolder.substring(0, subFolder.indexOf('/'));
            return Optional.of("it is in a folder inside an authority's folder (" + PlainText.visible(where + subFolder)
                    + "/), which is not read; move it to " + where + " or " + PlainText.visible(where + authority) + "/");
        }
        if (fileName().startsWith(".")) {
            return Optional.of("its name starts with a dot, which hides it on many computers and marks a temporary "
                    + "file; rename it without the dot");
        }
        return Optional.empty();
    }

    /**
     * Where it was dropped, as the operator's log names it: region, authority folder (if any) and file name, with any
     * control character shown as an escape so that a name cannot forge a log line.
     */
    public String describe() {
        return PlainText.visible(folderWithin(Path.of(regionCode)).resolve(fileName()).toString());
    }
}
