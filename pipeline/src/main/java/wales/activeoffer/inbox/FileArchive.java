package wales.activeoffer.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
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
        writeOnce(target.resolveSibling(target.getFileName() + ".reason.txt"), reason + "\n");
        return target;
    }

    /**
     * Moves a file whose processing failed unexpectedly to {@code quarantine/<region>/<run>/}, with what went wrong
     * beside it for the data team; its checksum too when the file could be read.
     */
    public Path quarantine(InboxFile file, String sha256, String runStamp, String reason) {
        Path target = moveInto(file.folderWithin(workRoot.quarantine(file.regionCode()).resolve(runStamp)), file.path());
        if (sha256 != null) {
            writeOnce(target.resolveSibling(target.getFileName() + ".sha256"), sha256 + "  " + target.getFileName() + "\n");
        }
        writeOnce(target.resolveSibling(target.getFileName() + ".reason.txt"), reason + "\n");
        return target;
    }

    private static Path moveWithChecksum(InboxFile file, Path runFolder, String sha256) {
        Path target = moveInto(file.folderWithin(runFolder), file.path());
        writeOnce(target.resolveSibling(target.getFileName() + ".sha256"), sha256 + "  " + target.getFileName() + "\n");
        return target;
    }

    /**
     * Moves {@code source} into {@code folder} under its own name (a numbered name if that is taken). A source that is
     * gone while its namesake is in the folder was moved by a run that stopped just after: that move stands.
     */
    private static Path moveInto(Path folder, Path source) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(source.getFileName());
            if (!Files.exists(source) && Files.exists(target)) {
                return target;
            }
            for (int copy = 2; Files.exists(target); copy++) {
                target = folder.resolve(copy + "-" + source.getFileName());
            }
            return Files.move(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + source + " to " + folder, e);
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
