package wales.activeoffer.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wales.activeoffer.reference.Region;

/**
 * Lists the files waiting in each region's inbox folder (and in its authority sub-folders), in a stable order. Links
 * are never followed: a link (to a file or a folder) is listed as it is, to be answered and moved aside as a link.
 * Hidden files and the temporary names
 * office software and copy tools leave behind ({@code ~$*}, {@code *.tmp}, {@code *.part}) are left where they are.
 */
public final class InboxScanner {
    private static final Logger log = LoggerFactory.getLogger(InboxScanner.class);
    private final WorkRoot workRoot;
    private final java.time.Duration settle;
    private final java.time.Clock clock;

    public InboxScanner(WorkRoot workRoot, java.time.Duration settle, java.time.Clock clock) {
        this.workRoot = workRoot;
        this.settle = settle;
        this.clock = clock;
    }

    public List<InboxFile> waitingFiles(List<Region> regions) {
        List<InboxFile> files = new ArrayList<>(listed(regions).stream().filter(this::settled).toList());
        warnAboutUnknownFolders(regions);
        return files;
    }

    /** A file still being written changes its modification time; one left alone for the settle time is finished. */
    private boolean settled(InboxFile file) {
        try {
            java.time.Instant modified = Files.getLastModifiedTime(file.path(), LinkOption.NOFOLLOW_LINKS).toInstant();
            boolean settledNow = !modified.isAfter(clock.instant().minus(settle));
            if (!settledNow) {
                log.info("{} changed in the last {} seconds and may still be being copied; it waits for the next run",
                        file.describe(), settle.toSeconds());
            }
            return settledNow;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.path(), e);
        }
    }

    private List<InboxFile> listed(List<Region> regions) {
        List<InboxFile> files = new ArrayList<>();
        for (Region region : regions) {
            Path folder = workRoot.inbox(region.code());
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            files.addAll(filesIn(folder, region.code(), null));
            for (Path authorityFolder : subFolders(folder)) {
                files.addAll(filesIn(authorityFolder, region.code(), authorityFolder.getFileName().toString()));
            }
        }
        return files;
    }

    private static List<InboxFile> filesIn(Path folder, String regionCode, String subFolder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .filter(InboxScanner::isFinishedDocument)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> new InboxFile(regionCode, p, subFolder)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list inbox folder " + folder, e);
        }
    }

    private static List<Path> subFolders(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(InboxScanner::isFinishedDocument).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list inbox folder " + folder, e);
        }
    }

    static boolean isFinishedDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~$") && !name.endsWith(".tmp") && !name.endsWith(".part");
    }

    private void warnAboutUnknownFolders(List<Region> regions) {
        if (!Files.isDirectory(workRoot.inbox())) {
            return;
        }
        try (Stream<Path> entries = Files.list(workRoot.inbox())) {
            entries.filter(Files::isDirectory)
                    .filter(dir -> regions.stream().noneMatch(r -> r.code().equals(dir.getFileName().toString())))
                    .forEach(dir -> log.warn("Inbox folder '{}' is not a region; its files are not read. Region folders: {}",
                            PlainText.visible(dir.getFileName().toString()), regions.stream().map(Region::code).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + workRoot.inbox(), e);
        }
    }
}
