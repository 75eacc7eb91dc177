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
            return Optional.of(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + file.describe() + " to the intake folder", e);
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
