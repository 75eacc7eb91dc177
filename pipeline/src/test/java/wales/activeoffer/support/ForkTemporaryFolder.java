package wales.activeoffer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the test JVM's temporary folder before any test runs. The build gives each of its test JVMs a folder of its
 * own ({@code java.io.tmpdir}, in {@code pipeline/pom.xml}), so that the JVMs running side by side never see each
 * other's work roots or receipts; the folder need not exist yet.
 */
public final class ForkTemporaryFolder implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the tests' temporary folder", e);
        }
    }
}
