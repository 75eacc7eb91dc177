package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The releases folder: one dated folder per release, never rewritten, and a {@code latest} pointer (a symbolic link,
 * and a {@code LATEST} text file for readers that cannot follow links) moved to each new release. A release is built
 * in a staging folder outside {@code releases/} and moved into place whole once its manifest is written, so no reader's
 * pattern over {@code releases/*} ever sees a half-written release. What a stopped run left in staging is kept aside
 * in {@code incomplete/}, never deleted.
 */
public final class ReleaseFolder {
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Path releases;
    private final Path staging;
    private final Path incomplete;

    /**
     * @param releases   the published releases
     * @param staging    where a release is built; must be on the same file system as {@code releases}
     * @param incomplete where the leftovers of a stopped build are kept
     */
    public ReleaseFolder(Path releases, Path staging, Path incomplete) {
        this.releases = releases;
        this.staging = staging;
        this.incomplete = incomplete;
    }

    /** The manifest of the latest release, if there is one. */
    public Optional<ReleaseManifest> latest() {
        Path pointer = releases.resolve("LATEST");
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        return Optional.of(manifestOf(releases.resolve(read(pointer).strip())));
    }

    /** A release already moved into place under this name (by a run that stopped before pointing at it). */
    public Optional<ReleaseManifest> published(String release) {
        Path folder = folder(release);
        return Files.exists(folder.resolve("manifest.json")) ? Optional.of(manifestOf(folder)) : Optional.empty();
    }

    private static ReleaseManifest manifestOf(Path folder) {
        try {
            return JSON.readValue(folder.resolve("manifest.json").toFile(), ReleaseManifest.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read the manifest of release " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Where a published release lives. */
    public Path folder(String release) {
        return releases.resolve(release);
    }

    /** Where a release is built before it is published. */
    public Path building(String release) {
        return staging.resolve(release);
    }

    /**
     * A build left by a run that stopped while publishing is moved aside ({@code incomplete/<name>-1}, never deleted)
     * so the resumed run can build the release whole.
     */
    public void setAsideIncomplete(String release) {
        Path folder = building(release);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(incomplete);
            Path aside = incomplete.resolve(release + "-1");
            for (int n = 2; Files.exists(aside); n++) {
                aside = incomplete.resolve(release + "-" + n);
            }
            Files.move(folder, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set aside the incomplete release " + release, e);
        }
    }

    /**
     * Writes the manifest into the built release (never over an existing one), moves the release into
     * {@code releases/} in one step, and points {@code latest} at it.
     */
    public void complete(ReleaseManifest manifest) {
        Path built = building(manifest.release());
        try {
            Files.writeString(built.resolve("manifest.json"), JSON.writeValueAsString(manifest) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.createDirectories(releases);
            Files.move(built, folder(manifest.release()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot complete release " + manifest.release(), e);
        }
        pointAt(manifest.release());
    }

    /** Makes every release of this folder, built, published or set aside, readable by the service account only. */
    public void restrictToOwner() {
        for (Path root : new Path[] {releases, staging, incomplete}) {
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + root, e);
            }
            RestrictedAccess.ownerOnly(root);
        }
    }

    /** Moves the {@code latest} pointers to a published release. */
    public void pointAt(String release) {
        try {
            Path pointerText = releases.resolve("LATEST.tmp");
            Files.writeString(pointerText, release + "\n", StandardCharsets.UTF_8);
            Files.move(pointerText, releases.resolve("LATEST"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Path link = releases.resolve("latest.tmp");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(release));
            Files.move(link, releases.resolve("latest"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (UnsupportedOperationException e) {
            // no symbolic links here: the LATEST file is the pointer
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot point at release " + release, e);
        }
    }
}
