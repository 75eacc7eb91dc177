package wales.activeoffer.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.poi.util.DefaultTempFileCreationStrategy;

/**
 * POI's temporary files (the sheets of a streamed workbook while it is written) in a folder of the work root that is
 * the service account's alone, rather than the {@code poifiles} folder in the system's temporary directory, which
 * another user may own. POI's own strategy falls back to that folder when the one it is given does not exist yet, so
 * the folder is made, owner-only, before the first file.
 */
final class PrivateTempFiles extends DefaultTempFileCreationStrategy {
    private final Path folder;

    PrivateTempFiles(Path folder) {
        super(folder.toFile());
        this.folder = folder;
    }

    @Override
    public File createTempFile(String prefix, String suffix) throws IOException {
        ensureFolder();
        return super.createTempFile(prefix, suffix);
    }

    @Override
    public File createTempDirectory(String prefix) throws IOException {
        ensureFolder();
        return super.createTempDirectory(prefix);
    }

    private void ensureFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
