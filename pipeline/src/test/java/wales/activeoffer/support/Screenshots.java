package wales.activeoffer.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The screenshots under {@code docs/screenshots/} that the README shows, written by the tests that check what they
 * show. The two database variants of a scenario may run at once in the two test JVMs, so each picture is written to a
 * file of its own and moved into place in one step: a reader, or the other JVM, sees the old picture or the new one,
 * never half of each.
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** Puts the PNG in place as {@code docs/screenshots/<name>}. */
    public static void save(String name, byte[] png) throws IOException {
        Path folder = RepoPaths.root().resolve("docs").resolve("screenshots");
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, name, ".part");
        try {
            Files.write(part, png);
            Files.move(part, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
