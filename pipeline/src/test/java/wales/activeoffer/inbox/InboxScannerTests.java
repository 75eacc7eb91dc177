package wales.activeoffer.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.RepoPaths;

class InboxScannerTests {

    @Test
    void listsFinishedFilesOfEachRegionThenTheMisplacedOnesAndLeavesTemporaryOnesAlone(@TempDir Path root)
            throws IOException {
        WorkRoot work = new WorkRoot(root);
        Path gwent = Files.createDirectories(work.inbox("gwent"));
        for (String name : List.of("b.csv", "a.xlsx", "~$a.xlsx", "upload.csv.part", "copy.tmp", ".hidden.csv",
                ".b.csv.Ab12Cd", "._a.xlsx", ".~lock.a.xlsx#", ".DS_Store")) {
            Files.writeString(gwent.resolve(name), "x");
        }
        Files.writeString(Files.createDirectories(work.inbox("not-a-region")).resolve("c.csv"), "x");

        List<InboxFile> files = new InboxScanner(work, Duration.ZERO, Clock.systemUTC())
                .waitingFiles(RepoPaths.reference().regions());

        // the region's own files first; then a hidden document and a file in a folder that is not a region's, which
        // are answered with where to put them; a copy tool's, an office suite's and the Mac's temporary files are not
        assertThat(files).extracting(InboxFile::regionCode, InboxFile::fileName).containsExactly(
                Tuple.tuple("gwent", "a.xlsx"), Tuple.tuple("gwent", "b.csv"),
                Tuple.tuple("gwent", ".hidden.csv"),
                Tuple.tuple("not-a-region", "c.csv"));
    }

    @Test
    void aFileStillBeingWrittenWaitsForTheNextRun(@TempDir Path root) throws IOException {
        WorkRoot work = new WorkRoot(root);
        Path gwent = Files.createDirectories(work.inbox("gwent"));
        Instant now = Instant.parse("2026-11-22T02:00:00Z");
        Path copying = Files.writeString(gwent.resolve("copying.csv"), "x");
        Files.setLastModifiedTime(copying, FileTime.from(now.minusSeconds(10)));
        Path settled = Files.writeString(gwent.resolve("settled.csv"), "x");
        Files.setLastModifiedTime(settled, FileTime.from(now.minusSeconds(31)));
        InboxScanner scanner = new InboxScanner(work, Duration.ofSeconds(30),
                Clock.fixed(now, ZoneOffset.UTC));

        assertThat(scanner.waitingFiles(RepoPaths.reference().regions())).extracting(InboxFile::fileName)
                .containsExactly("settled.csv");
    }

    @Test
    void archivingNeverOverwritesAndKeepsTheChecksum(@TempDir Path root) throws IOException {
        WorkRoot work = new WorkRoot(root);
        FileArchive archive = new FileArchive(work);
        Path first = Files.writeString(Files.createDirectories(work.inbox("gwent")).resolve("return.csv"), "one");
        Path archived = archive.archive(new InboxFile("gwent", first), FileArchive.sha256(first), "run1");
        Path second = Files.writeString(work.inbox("gwent").resolve("return.csv"), "two");
        Path archivedAgain = archive.archive(new InboxFile("gwent", second), FileArchive.sha256(second), "run1");

        assertThat(archivedAgain).isNotEqualTo(archived);
        assertThat(Files.readString(archived)).isEqualTo("one");
        assertThat(Files.readString(archivedAgain)).isEqualTo("two");
        assertThat(Files.readString(archived.resolveSibling("return.csv.sha256")))
                .startsWith("7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed");
        assertThat(work.inbox("gwent").resolve("return.csv")).doesNotExist();
    }
}
