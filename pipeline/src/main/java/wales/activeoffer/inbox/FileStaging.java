package wales.activeoffer.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Copies a lead's file to a private place before anything reads it, so that what is read, hashed and archived is one
 * and the same set of bytes even if the lead's copy is still growing: {@code <work root>/intake/<run>/<slot>/<name>},
 * readable by the service account only. A file whose size or time changes while it is copied is still being written:
 * it is not staged, and waits in the inbox for the next run.
 */
public final class FileStaging {
    /** A file found changing at this many runs in a row gets a receipt saying so (it stays in the inbox). */
    public static final int TIMES_BEFORE_A_RECEIPT = 3;
    private final WorkRoot workRoot;

    public FileStaging(WorkRoot workRoot) {
        this.workRoot = workRoot;
    }

    /**
     * The private copy, or empty when the file changed while it was copied.
     *
     * @param slot a name of the run's own for this file (its step), so two files of one name never meet
     */
    public Optional<Path> stage(InboxFile file, String runStamp, String slot) {
        try {
            BasicFileAttributes before = attributes(file.path());
            Path folder = workRoot.root().resolve("intake").resolve(runStamp).resolve(slot.replaceAll("[^A-Za-z0-9_-]", "_"));
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            Path copy = folder.resolve(file.fileName());
            Files.copy(file.path(), copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            BasicFileAttributes after = attributes(file.path());
            if (before.size() != after.size() || !before.lastModifiedTime().equals(after.lastModifiedTime())
                    || Files.size(copy) != before.size()) {
                Files.delete(copy);
                return Optional.empty();
            }
            Files.deleteIfExists(changes(file));
            return Optional.of(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + file.describe() + " to the intake folder", e);
        }
    }

    /**
     * Counts one more run at which the file was found changing, and says whether that makes
     * {@value #TIMES_BEFORE_A_RECEIPT} in a row, when the lead should be told (the count then starts again).
     */
    public boolean changedAgainAndTellTheLead(InboxFile file) {
        Path count = changes(file);
        try {
            int times = Files.exists(count) ? Integer.parseInt(Files.readString(count).strip()) + 1 : 1;
            Files.createDirectories(count.getParent());
            if (times >= TIMES_BEFORE_A_RECEIPT) {
                Files.deleteIfExists(count);
                return true;
            }
            Files.writeString(count, times + "\n");
            return false;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot count the changes of " + file.describe(), e);
        }
    }

    /** Where the runs a file was found changing at are counted: named by a checksum of its place, not its name. */
    private Path changes(InboxFile file) {
        return workRoot.root().resolve("intake").resolve("changing")
                .resolve(FileArchive.sha256Of(file.path().toString()) + ".count");
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
