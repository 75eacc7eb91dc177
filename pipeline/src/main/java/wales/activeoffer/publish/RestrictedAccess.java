package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Record-level data is for researchers under an access agreement only: its folders and files are readable and
 * writable by the service account that runs the pipeline and nobody else ({@code rwx------} and {@code rw-------}).
 * On a file system without POSIX permissions, the folder's own access control must be set by the operator.
 */
final class RestrictedAccess {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private RestrictedAccess() {
    }

    /** Makes {@code root} and everything below it readable by the owner only. */
    static void ownerOnly(Path root) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (!Files.isSymbolicLink(path)) {
                    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict access to " + root, e);
        }
    }
}
