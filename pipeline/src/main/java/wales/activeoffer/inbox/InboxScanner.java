package wales.activeoffer.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final Duration settle;
    private final Clock clock;

    public InboxScanner(WorkRoot workRoot, Duration settle, Clock clock) {
        this.workRoot = workRoot;
        this.settle = settle;
        this.clock = clock;
    }

    /**
     * The files waiting to be answered: those in the regions' folders and their authority folders, and those dropped
     * anywhere else in the inbox ({@link InboxFile#misplaced()}), which are answered with a receipt saying where to put
     * them.
     */
    public List<InboxFile> waitingFiles(List<Region> regions) {
        List<InboxFile> files = new ArrayList<>(listed(regions));
        files.addAll(misplaced(regions));
        return files.stream().filter(this::settled).toList();
    }

    /**
     * Files in no place the pipeline reads: in the inbox itself, in a folder that is not a region's, in a folder inside
     * an authority's folder, or named with a leading dot (which hides them) though they are documents.
     */
    private List<InboxFile> misplaced(List<Region> regions) {
        Path inbox = workRoot.inbox();
        if (!Files.isDirectory(inbox, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<InboxFile> files = new ArrayList<>(filesIn(inbox, "", null));
        for (Path folder : subFolders(inbox)) {
            String name = folder.getFileName().toString();
            if (InboxFile.PROVIDERS.equals(name)) {
                // files in inbox/providers/ itself; a provider's folder is answered whoever it is (an unknown
                // provider's files are refused as misplaced when prepared), its sub-folders are too deep
                files.addAll(filesIn(folder, name, null));
                files.addAll(hidden(folder, name, null));
                for (Path provider : subFolders(folder)) {
                    String providerName = provider.getFileName().toString();
                    files.addAll(hidden(provider, name, providerName));
                    for (Path deeper : subFolders(provider)) {
                        files.addAll(everythingUnder(deeper, name, folder));
                    }
                }
                continue;
            }
            if (regions.stream().noneMatch(r -> r.code().equals(name))) {
                files.addAll(everythingUnder(folder, name, folder));
                continue;
            }
            files.addAll(hidden(folder, name, null));
            for (Path authority : subFolders(folder)) {
                String authorityName = authority.getFileName().toString();
                files.addAll(hidden(authority, name, authorityName));
                for (Path deeper : subFolders(authority)) {
                    files.addAll(everythingUnder(deeper, name, folder));
                }
            }
        }
        return files;
    }

    /** Every file (or link) at any depth under {@code top}, never following a link, as dropped in region {@code code}. */
    private static List<InboxFile> everythingUnder(Path top, String code, Path regionFolder) {
        try (Stream<Path> paths = Files.walk(top)) {
            return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .filter(p -> isFinishedDocument(p) || isHiddenDocument(p)).sorted()
                    .map(p -> new InboxFile(code, p, folderOf(regionFolder, p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list inbox folder " + top, e);
        }
    }

    private static String folderOf(Path regionFolder, Path file) {
        Path folder = regionFolder.relativize(file.getParent());
        return folder.toString().isEmpty() ? null : folder.toString();
    }

    private static List<InboxFile> hidden(Path folder, String regionCode, String subFolder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(InboxScanner::isHiddenDocument).sorted()
                    .map(p -> new InboxFile(regionCode, p, subFolder)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list inbox folder " + folder, e);
        }
    }

    /**
     * A document whose name starts with a dot, which hides it: answered, since a lead may not know it is there. Other
     * dot names are left alone: they are the temporary files of copy tools ({@code .name.csv.Ab12Cd}), lock files and
     * the Mac's ({@code ._name}, {@code .DS_Store}).
     */
    static boolean isHiddenDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.startsWith(".") && !name.startsWith("._") && !name.startsWith(".~lock")
                && (name.endsWith(".csv") || name.endsWith(".xlsx") || name.endsWith(".xls"));
    }

    /** A file still being written changes its modification time; one left alone for the settle time is finished. */
    private boolean settled(InboxFile file) {
        try {
            Instant modified = Files.getLastModifiedTime(file.path(), LinkOption.NOFOLLOW_LINKS).toInstant();
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
        Path providers = workRoot.inbox(InboxFile.PROVIDERS);
        if (Files.isDirectory(providers, LinkOption.NOFOLLOW_LINKS)) {
            for (Path provider : subFolders(providers)) {
                files.addAll(filesIn(provider, InboxFile.PROVIDERS, provider.getFileName().toString()));
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
}
