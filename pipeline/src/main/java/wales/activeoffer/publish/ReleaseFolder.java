package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The releases folder: one dated folder per release, never rewritten, and a {@code latest} pointer (a symbolic link,
 * and a {@code LATEST} text file for readers that cannot follow links) moved to each new release.
 */
public final class ReleaseFolder {
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Path releases;

    public ReleaseFolder(Path releases) {
        this.releases = releases;
    }

    /** The manifest of the latest release, if there is one. */
    public Optional<ReleaseManifest> latest() {
        Path pointer = releases.resolve("LATEST");
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        try {
            Path manifest = releases.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip())
                    .resolve("manifest.json");
            return Optional.of(JSON.readValue(manifest.toFile(), ReleaseManifest.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the latest release's manifest", e);
        }
    }

    public Path folder(String release) {
        return releases.resolve(release);
    }

    /**
     * A release folder without a manifest was left by a run that stopped while publishing; it is moved aside
     * ({@code <name>.incomplete-1}, never deleted) so the resumed run can publish the release whole.
     */
    public void setAsideIncomplete(String release) {
        Path folder = folder(release);
        if (!Files.isDirectory(folder) || Files.exists(folder.resolve("manifest.json"))) {
            return;
        }
        try {
            Path aside = releases.resolve(release + ".incomplete-1");
            for (int n = 2; Files.exists(aside); n++) {
                aside = releases.resolve(release + ".incomplete-" + n);
            }
            Files.move(folder, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set aside the incomplete release " + release, e);
        }
    }

    /** Writes the manifest into the release folder (never over an existing one) and points {@code latest} at it. */
    public void complete(ReleaseManifest manifest) {
        Path folder = folder(manifest.release());
        try {
            Files.writeString(folder.resolve("manifest.json"), JSON.writeValueAsString(manifest) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            Path pointerText = releases.resolve("LATEST.tmp");
            Files.writeString(pointerText, manifest.release() + "\n", StandardCharsets.UTF_8);
            Files.move(pointerText, releases.resolve("LATEST"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Path link = releases.resolve("latest.tmp");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(manifest.release()));
            Files.move(link, releases.resolve("latest"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (UnsupportedOperationException e) {
            // no symbolic links here: the LATEST file is the pointer
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot complete release " + manifest.release(), e);
        }
    }
}
