package wales.activeoffer.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Moves processed files out of the inbox: into the archive with a checksum beside them, or into the rejected folder
 * with the reason beside them. Nothing is overwritten and nothing is deleted.
 */
public final class FileArchive {
    private final WorkRoot workRoot;

    public FileArchive(WorkRoot workRoot) {
        this.workRoot = workRoot;
    }

    /**
     * SHA-256 of a file's bytes; of a link, the SHA-256 of where it points (a link is never followed, so that nothing
     * outside the inbox is read through it); of a file the pipeline may not read, the SHA-256 of its place, size and
     * time, so that it can still be registered, answered and moved aside.
     */
    public static String sha256(Path file) {
        if (!Files.isSymbolicLink(file) && Files.exists(file) && !Files.isReadable(file)) {
            try {
                return sha256Of("cannot be read: " + file + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        if (Files.isSymbolicLink(file)) {
            try {
                return sha256Of("link to " + Files.readSymbolicLink(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the link " + file, e);
            }
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a text, in hex. */
    public static String sha256Of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Archives an ingested (or duplicate) file under {@code archive/<region>/<run>/[<authority folder>/]}; returns
     * where it went.
     */
    public Path archive(InboxFile file, String sha256, String runStamp) {
        return moveWithChecksum(file, workRoot.archive(file.regionCode()).resolve(runStamp), sha256);
    }

    /** Moves a file that could not be taken in to {@code rejected/<region>/<run>/}, with the reason beside it. */
    public Path reject(InboxFile file, String sha256, String runStamp, String reason) {
        Path target = moveWithChecksum(file, workRoot.rejected(file.regionCode()).resolve(runStamp), sha256);
        writeOnce(target.resolveSibling(FileNames.beside(target.getFileName().toString(), ".reason.txt")), reason + "\n");
        return target;
    }

    /**
     * Moves a file whose processing failed unexpectedly to {@code quarantine/<region>/<run>/}, with what went wrong
     * beside it for the data team; its checksum too when the file could be read.
     */
    public Path quarantine(InboxFile file, String sha256, String runStamp, String reason) {
        Path target = moveOut(file, file.folderWithin(workRoot.quarantine(file.regionCode()).resolve(runStamp)));
        if (sha256 != null) {
            writeOnce(target.resolveSibling(FileNames.beside(target.getFileName().toString(), ".sha256")),
                sha256 + "  " + target.getFileName() + "\n");
        }
        writeOnce(target.resolveSibling(FileNames.beside(target.getFileName().toString(), ".reason.txt")), reason + "\n");
        return target;
    }

    private static Path moveWithChecksum(InboxFile file, Path runFolder, String sha256) {
        Path target = moveOut(file, file.folderWithin(runFolder));
        writeOnce(target.resolveSibling(FileNames.beside(target.getFileName().toString(), ".sha256")),
                sha256 + "  " + target.getFileName() + "\n");
        return target;
    }

    /**
     * Moves the file out of the inbox into {@code folder}: its private copy when it has one (what was read), after
     * which the lead's copy leaves the inbox if it still has the size and time it was copied with. A lead's copy that changed after it was
     * copied (it was still growing) stays in the inbox, so that its new rows are taken in by the next run: nothing is
     * lost, and the archive holds exactly what its receipt counted.
     */
    private static Path moveOut(InboxFile file, Path folder) {
        if (file.staged() == null) {
            return moveInto(folder, file.path());
        }
        try {
            // the copy, or where a run that stopped just after moving it put it
            Path read = Files.exists(file.staged(), LinkOption.NOFOLLOW_LINKS) ? file.staged()
                    : folder.resolve(file.staged().getFileName());
            boolean unchanged = Files.isRegularFile(read, LinkOption.NOFOLLOW_LINKS)
                    && Files.isRegularFile(file.path(), LinkOption.NOFOLLOW_LINKS) && sameSizeAndTime(read, file.path());
            Path target = moveInto(folder, file.staged());
            if (unchanged) {
                Files.delete(file.path());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take " + file.describe() + " out of the inbox", e);
        }
    }

    /**
     * The copy keeps its original's time ({@link FileStaging}, to the millisecond: a copy's time is stored less finely
     * than some file systems keep it), so equal size and time mean the original is as it was read.
     */
    private static boolean sameSizeAndTime(Path copy, Path original) throws IOException {
        return Files.size(copy) == Files.size(original)
                && Files.getLastModifiedTime(copy, LinkOption.NOFOLLOW_LINKS).toMillis()
                        == Files.getLastModifiedTime(original, LinkOption.NOFOLLOW_LINKS).toMillis();
    }

    /**
     * Moves {@code source} into {@code folder} under its own name (a numbered name if that is taken). A source that is
     * gone while its namesake is in the folder was moved by a run that stopped just after: that move stands. A link is
     * moved as a link, never through it. A file with other hard links (names elsewhere for the same bytes) is copied,
     * and only its name in the inbox removed, so that the archive holds a copy no one outside can change.
     */
    private static Path moveInto(Path folder, Path source) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(source.getFileName());
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS) && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return target;
            }
            for (int copy = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); copy++) {
                target = folder.resolve(copy + "-" + source.getFileName());
            }
            if (hardLinks(source) > 1) {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                Files.delete(source);
                return target;
            }
            return Files.move(source, target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + source + " to " + folder, e);
        }
    }

    private static int hardLinks(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return 1;
        }
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return 1;
        }
    }

    private static void writeOnce(Path file, String text) {
        if (!Files.exists(file)) {
            write(file, text);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
