package wales.activeoffer.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.util.FileSystemUtils;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.SampleReturns;

/**
 * The inbox as a careless or hostile lead leaves it, run by a real process on the embedded database: links to other
 * regions, to a release, to the database and to folders and files outside the work root, and a hard link to a file
 * outside. Nothing where a link points is read, moved or written; each link is answered where it lies and moved aside
 * as a link.
 */
class HostileInboxIntegrationTests {
    private static final Duration RUN = Duration.ofMinutes(3);
    private static final Path SAMPLE = RepoPaths.sampleData().resolve("inbox");
    private static final String NPT = "npt_active_offer_2024-25.csv";

    private static List<String> settings(Path work) {
        return new ArrayList<>(List.of("activeoffer.work-root=" + work, "activeoffer.mappings-dir=" + RepoPaths.mappings(),
                "activeoffer.child-key.secret=hostile-inbox-secret-that-is-long-enough",
                "activeoffer.inbox-settle-seconds=0"));
    }

    @Test
    void linksInTheInboxAreAnsweredAndMovedAsideAsLinksAndNothingTheyPointAtIsTouched(@TempDir Path root)
            throws Exception {
        // given an inbox with links to another region, a release, the database, an outside folder and an outside file,
        // and a hard link to a file outside the work root
        Path work = root.resolve("work");
        Path inbox = work.resolve("inbox");
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.copy(SampleReturns.GWENT.resolve(SampleReturns.NEWPORT), outside.resolve("newport.csv"));
        Path release = Files.createDirectories(work.resolve("releases/20240401-023000"));
        Files.writeString(release.resolve("aggregates.csv"), "published\n");
        Files.copy(SAMPLE.resolve("western-bay").resolve(NPT), Files.createDirectories(inbox.resolve("western-bay"))
                .resolve(NPT));
        Path gwent = Files.createDirectories(inbox.resolve("gwent"));
        Files.createDirectories(inbox.resolve("north-wales"));
        Files.createSymbolicLink(inbox.resolve("north-wales/Conwy"), Path.of("../western-bay"));
        Files.createSymbolicLink(gwent.resolve("zy-release"), Path.of("../../releases/20240401-023000"));
        Files.createSymbolicLink(gwent.resolve("zz-db"), Path.of("../../db"));
        Files.createSymbolicLink(gwent.resolve("Newport"), outside);
        Files.createSymbolicLink(gwent.resolve("link.csv"), outside.resolve("newport.csv"));
        Files.createLink(gwent.resolve(SampleReturns.NEWPORT), outside.resolve("newport.csv"));
        String outsideSha = FileArchive.sha256(outside.resolve("newport.csv"));

        // when the nightly run takes the inbox in
        PipelineProcess run = PipelineProcess.start(root.resolve("run.log"), "512m", List.of("run"), settings(work));
        assertThat(run.awaitExit(RUN)).as(run.output()).isEqualTo(5);

        // then nothing a link points at was moved or changed: the other region's file, the release, the database and
        // the outside file
        assertThat(Files.readString(release.resolve("aggregates.csv"))).isEqualTo("published\n");
        assertThat(work.resolve("db")).isDirectory();
        assertThat(outside.resolve("newport.csv")).exists();
        assertThat(FileArchive.sha256(outside.resolve("newport.csv"))).isEqualTo(outsideSha);
        assertThat(names(outside)).containsExactly("newport.csv");

        // and the other region's file got its own receipt, accepted, in its own region
        assertThat(receipt(work, "western-bay", NPT)).contains("Status:    Accepted");

        // and each link has a receipt where it lies, saying what it is and what to do, and was moved aside as a link
        String refusal = "This is a link (a shortcut) to a file or folder somewhere else, not a file itself, so nothing "
                + "was read through it and nothing it points to was touched.\nDetail: copy the file itself, not a link "
                + "or shortcut to it, into the inbox folder and it will be read at the next run\nRule: AO-F08";
        for (String[] link : List.of(new String[] {"north-wales", "Conwy"}, new String[] {"gwent", "zy-release"},
                new String[] {"gwent", "zz-db"}, new String[] {"gwent", "Newport"}, new String[] {"gwent", "link.csv"})) {
            String letter = receipt(work, link[0], link[1]);
            assertThat(letter).as(link[1]).contains("Status:    Rejected").contains(refusal);
            Path moved = only(work.resolve("rejected").resolve(link[0]), link[1]);
            assertThat(Files.isSymbolicLink(moved)).as(moved + " is still a link").isTrue();
        }

        // and the hard-linked file was taken in from a copy of its own: the archive does not change with the outside
        Path archived = only(work.resolve("archive/gwent"), SampleReturns.NEWPORT);
        assertThat(receipt(work, "gwent", SampleReturns.NEWPORT)).contains("Status:    Accepted");
        assertThat(Files.getAttribute(archived, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1);
        Files.writeString(outside.resolve("newport.csv"), "changed outside\n");
        assertThat(FileArchive.sha256(archived)).isEqualTo(outsideSha);
        assertThat(Files.exists(gwent.resolve(SampleReturns.NEWPORT))).as("gone from the inbox").isFalse();

        // and the next night runs cleanly on the same database
        assertTheNextNightRunsCleanly(root, work);
    }

    @Test
    void aFileWithANameOf230BytesGetsItsReceiptUnderAShortenedNameAndStatusJsonIsOnlyJson(@TempDir Path root)
            throws Exception {
        // given a return whose name is 230 bytes long, as Windows allows
        Path work = root.resolve("work");
        String stem = SampleReturns.NEWPORT.replace(".csv", " ");
        String longName = stem + "a".repeat(230 - stem.length() - ".csv".length()) + ".csv";
        assertThat(longName.getBytes(StandardCharsets.UTF_8)).hasSize(230);
        Files.copy(SampleReturns.GWENT.resolve(SampleReturns.NEWPORT),
                Files.createDirectories(work.resolve("inbox/gwent")).resolve(longName));

        // when the nightly run takes it in
        PipelineProcess run = PipelineProcess.start(root.resolve("run.log"), "512m", List.of("run"), settings(work));
        assertThat(run.awaitExit(RUN)).as(run.output()).isZero();

        // then it has its receipt, under a name short enough to be written, and the letter names the file in full
        List<Path> letters;
        try (Stream<Path> files = Files.list(work.resolve("receipts/gwent"))) {
            letters = files.filter(f -> f.toString().endsWith(".txt")).toList();
        }
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThat(letter.getFileName().toString()).startsWith(stem).containsPattern("~[0-9a-f]{8}\\.receipt-");
            assertThat(Files.readString(letter)).contains(longName).contains("Status:    Accepted");
        });
        assertThat(only(work.resolve("archive/gwent"), longName)).exists();
        assertThat(work.resolve("inbox/gwent").resolve(longName)).doesNotExist();

        // and status --json prints JSON alone, which a script can parse
        PipelineProcess status = PipelineProcess.start(root.resolve("status.log"), "512m", List.of("status", "--json"),
                settings(work));
        assertThat(status.awaitExit(RUN)).as(status.output()).isZero();
        JsonNode parsed = JsonMapper.builder().build().readTree(status.output());
        assertThat(parsed.isObject()).as(status.output()).isTrue();
        assertThat(status.output().strip()).startsWith("{").endsWith("}");
    }

    @Test
    void aFileNamePatternThatWouldBacktrackForeverRunsInLinearTimeAndOneItCannotRunIsRefused(@TempDir Path root)
            throws Exception {
        // given a mapping whose file name pattern backtracks exponentially in a backtracking engine
        Path mappings = root.resolve("mappings");
        FileSystemUtils.copyRecursively(RepoPaths.mappings(), mappings);
        Path layout = mappings.resolve("layouts/wccis-active-offer-csv.yaml");
        String original = Files.readString(layout);
        Files.writeString(layout, original.replaceFirst("fileNamePattern: .*", "fileNamePattern: \"(.*a){12}\\$\""));
        List<String> settings = settings(root.resolve("work"));
        settings.replaceAll(s -> s.startsWith("activeoffer.mappings-dir=") ? "activeoffer.mappings-dir=" + mappings : s);

        // when it is checked, and a file named with 40 a's is validated
        PipelineProcess check = PipelineProcess.start(root.resolve("check.log"), "512m", List.of("validate-mappings"),
                settings);
        assertThat(check.awaitExit(RUN)).as(check.output()).isZero();
        Path file = root.resolve("a".repeat(40) + ".csv");
        Files.copy(SampleReturns.GWENT.resolve(SampleReturns.NEWPORT), file);
        PipelineProcess validate = PipelineProcess.start(root.resolve("validate.log"), "512m",
                List.of("validate", file.toString(), "--region=gwent"), settings);

        // then the file's receipt is written at once rather than the match running for ever
        assertThat(validate.awaitExit(RUN)).as(validate.output()).isZero();
        assertThat(validate.output()).contains("Receipt written to");

        // and a pattern the linear-time engine cannot run (a back-reference) is refused with its file and line
        Files.writeString(layout, original.replaceFirst("fileNamePattern: .*", "fileNamePattern: \"(a)\\\\\\\\1\""));
        PipelineProcess refused = PipelineProcess.start(root.resolve("refused.log"), "512m",
                List.of("validate-mappings"), settings);
        assertThat(refused.awaitExit(RUN)).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("wccis-active-offer-csv.yaml:4: fileNamePattern: is not a regular "
                + "expression this pipeline can run in linear time (RE2 syntax: no back-references or look-arounds): ");
    }

    @Test
    void controlCharactersInFileNamesAndCellsAreShownEscapedAndCannotForgeALogLine(@TempDir Path root)
            throws Exception {
        // given a return whose name carries terminal escape sequences and a bell, one whose name holds a newline
        // followed by a made-up log line, and a cell holding an escape sequence
        Path work = root.resolve("work");
        Path gwent = Files.createDirectories(work.resolve("inbox/gwent"));
        String coloured = "WCCIS_ActiveOffer_W06000022_2024-25 \u001b[31mred\u001b[0m\u001b]0;title\u0007.csv";
        List<String> lines = new ArrayList<>(Files.readAllLines(SampleReturns.GWENT.resolve(SampleReturns.NEWPORT)));
        lines.set(1, lines.get(1).replace(",2025-03-28,", ",\u001b[2J2025-03-28,"));
        Files.write(gwent.resolve(coloured), lines);
        String forging = "WCCIS_ActiveOffer_W06000020_2024-25\nERROR Forged line.csv";
        Files.copy(SampleReturns.GWENT.resolve(SampleReturns.TORFAEN), gwent.resolve(forging));

        // when the nightly run takes them in, and status is asked
        PipelineProcess run = PipelineProcess.start(root.resolve("run.log"), "512m", List.of("run"), settings(work));
        assertThat(run.awaitExit(RUN)).as(run.output()).isZero();
        PipelineProcess status = PipelineProcess.start(root.resolve("status.log"), "512m", List.of("status"),
                settings(work));
        assertThat(status.awaitExit(RUN)).as(status.output()).isZero();

        // then the receipts show the names with their control characters escaped, as text, and the cell without its
        // escape character
        String letter = receipt(work, "gwent", coloured);
        assertThat(letter).contains("File:      WCCIS_ActiveOffer_W06000022_2024-25 \\x1b[31mred\\x1b[0m\\x1b]0;title"
                + "\\x07.csv\n").as("the cell's escape character is dropped when the cell is read")
                .contains("Row 2, column H \"Offer Date\", value '[2J2025-03-28'");
        assertThat(receipt(work, "gwent", forging)).contains("File:      WCCIS_ActiveOffer_W06000020_2024-25\\x0aERROR "
                + "Forged line.csv\n");

        // and no receipt, log or status line holds a raw control character, and no log line was forged
        List<String> outputs = new ArrayList<>(List.of(letter, receipt(work, "gwent", forging), run.output(),
                status.output()));
        for (String output : outputs) {
            assertThat(output).doesNotContain("\u001b").doesNotContain("\u0007");
        }
        assertThat(run.output().lines()).noneMatch(line -> line.startsWith("ERROR Forged"));
        assertThat(status.output().lines()).noneMatch(line -> line.startsWith("ERROR Forged"));
        assertThat(run.output()).contains("WCCIS_ActiveOffer_W06000020_2024-25\\x0aERROR Forged line.csv");
    }

    @Test
    void recordLevelDataAndTheEmbeddedDatabaseAreTheServiceAccountsAloneWhateverTheUmaskAndWhereverTheyGo(
            @TempDir Path root) throws Exception {
        // given a run under umask 022 whose record-level Parquet goes to a folder outside the work root
        Path work = root.resolve("work");
        Path elsewhere = root.resolve("elsewhere");
        Files.copy(SampleReturns.GWENT.resolve(SampleReturns.NEWPORT),
                Files.createDirectories(work.resolve("inbox/gwent")).resolve(SampleReturns.NEWPORT));
        List<String> settings = settings(work);
        settings.add("activeoffer.restricted-uri=" + elsewhere.toUri());

        // when it runs
        PipelineProcess run = PipelineProcess.startWithUmask("022", root.resolve("run.log"), List.of("run"), settings);
        assertThat(run.awaitExit(RUN)).as(run.output()).isZero();

        // then every record-level folder and file there is the owner's alone, and so is the embedded database
        List<Path> written;
        try (Stream<Path> release = Files.list(elsewhere)) {
            written = release.toList();
        }
        assertThat(written).as("one release of records").hasSize(1);
        try (Stream<Path> files = Files.walk(written.get(0))) {
            List<Path> all = files.toList();
            assertThat(all).anyMatch(f -> f.toString().endsWith(".parquet"));
            for (Path path : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("db"))))
                .isEqualTo("rwx------");

        // and a restricted place inside the public releases is refused at start-up in one plain line
        List<String> inPublic = settings(work);
        inPublic.add("activeoffer.restricted-uri=" + work.resolve("releases/private").toUri());
        PipelineProcess refused = PipelineProcess.startWithUmask("022", root.resolve("refused.log"), List.of("run"),
                inPublic);
        assertThat(refused.awaitExit(RUN)).as(refused.output()).isEqualTo(2);
        assertThat(refused.output().lines().filter(l -> l.startsWith("The pipeline could not start"))).containsExactly(
                "The pipeline could not start: activeoffer.restricted-uri=" + work.resolve("releases/private").toUri()
                        + " is inside the public releases (" + work.resolve("releases") + "), where record-level data "
                        + "would be published; point it at a folder only the service account can read, outside "
                        + work.resolve("releases") + " (or leave it unset for " + work.resolve("restricted") + ")");
        assertThat(refused.output()).doesNotContain("\tat ");
    }

    @Test
    void filesDroppedWhereThePipelineDoesNotReadAreAnsweredWithWhereToPutThemAndListedByStatus(@TempDir Path root)
            throws Exception {
        // given files in the inbox itself, in a folder that is not a region's, in a folder inside an authority's
        // folder, and a document hidden by a leading dot, beside a good return
        Path work = root.resolve("work");
        Path inbox = work.resolve("inbox");
        Path newport = SampleReturns.GWENT.resolve(SampleReturns.NEWPORT);
        Files.createDirectories(inbox);
        Files.copy(newport, inbox.resolve("stray.csv"));
        Files.copy(newport, Files.createDirectories(inbox.resolve("atlantis")).resolve("Newport copy.csv"));
        Files.copy(newport, Files.createDirectories(inbox.resolve("gwent/Newport/2024")).resolve("deep.csv"));
        Files.copy(newport, inbox.resolve("gwent/..csv"));
        Files.copy(newport, inbox.resolve("gwent").resolve(SampleReturns.NEWPORT));

        // when the nightly run takes the inbox in, and status is asked
        PipelineProcess run = PipelineProcess.start(root.resolve("run.log"), "512m", List.of("run"), settings(work));
        assertThat(run.awaitExit(RUN)).as(run.output()).isEqualTo(5);
        PipelineProcess status = PipelineProcess.start(root.resolve("status.log"), "512m", List.of("status"),
                settings(work));
        assertThat(status.awaitExit(RUN)).as(status.output()).isZero();

        // then each misplaced file has a receipt where it lies, saying what was wrong with the place and where to put
        // it, in the lead's words
        String regions = "north-wales, mid-and-west-wales, western-bay, cwm-taf, cardiff-and-vale, gwent";
        String rule = "This file is not in a place the pipeline reads, so none of it was taken in.\nDetail: ";
        assertThat(Files.readString(only(work.resolve("receipts"), "stray.csv.receipt-", ".txt")))
                .contains("Status:    Rejected").contains(rule + "it was put in the inbox itself, not in a region's "
                        + "folder; move it into your region's folder (inbox/<region>/, one of: " + regions + ")\n"
                        + "Rule: AO-F09");
        assertThat(receipt(work, "atlantis", "Newport copy.csv")).contains(rule + "'atlantis' is not a region's "
                + "folder; move the file into your region's folder (inbox/<region>/, one of: " + regions + ")\n");
        assertThat(receipt(work, "gwent/Newport/2024", "deep.csv")).contains(rule + "it is in a folder inside an "
                + "authority's folder (inbox/gwent/Newport/2024/), which is not read; move it to inbox/gwent/ or "
                + "inbox/gwent/Newport/\n");
        assertThat(receipt(work, "gwent", "..csv")).contains(rule + "its name starts with a dot, which hides it on "
                + "many computers and marks a temporary file; rename it without the dot\n");
        assertThat(receipt(work, "gwent", SampleReturns.NEWPORT)).contains("Status:    Accepted");

        // and each was moved out of the inbox, kept with its reason, and nothing was deleted
        try (Stream<Path> left = Files.walk(inbox)) {
            assertThat(left.filter(Files::isRegularFile)).as("nothing left in the inbox").isEmpty();
        }
        for (String name : List.of("stray.csv", "Newport copy.csv", "deep.csv", "..csv")) {
            Path kept = only(work.resolve("rejected"), name);
            assertThat(FileArchive.sha256(kept)).isEqualTo(FileArchive.sha256(newport));
        }

        // and status lists them
        assertThat(status.output()).contains("Sent to no place the pipeline reads (each has a receipt saying where to "
                + "put it): 4\n").contains("  stray.csv, received ").contains("  atlantis/Newport copy.csv, received ")
                .contains("  gwent/Newport/2024/deep.csv, received ").contains("  gwent/..csv, received ");

        // and the next night is not affected
        assertTheNextNightRunsCleanly(root, work);
    }

    @Test
    void aFileThatGrowsWhileItIsReadIsArchivedAsItWasReadAndItsNewRowsWaitForTheNextRun(@TempDir Path root)
            throws Exception {
        // given Newport's return of 220 rows, read 50 rows a chunk by a run told to pause after its first chunk
        Path work = root.resolve("work");
        Path dropped = Files.createDirectories(work.resolve("inbox/gwent")).resolve(SampleReturns.NEWPORT);
        List<String> lines = Files.readAllLines(SampleReturns.GWENT.resolve(SampleReturns.NEWPORT));
        Files.write(dropped, lines);
        Path resume = root.resolve("resume");
        List<String> settings = settings(work);
        settings.addAll(List.of("activeoffer.chunk-size=50", "activeoffer.testing.pause-at=in-file",
                "activeoffer.testing.resume-when=" + resume));
        PipelineProcess run = PipelineProcess.start(root.resolve("run.log"), "512m", List.of("run"), settings);
        run.awaitLine("Paused at 'in-file'", RUN);

        // when the lead's copy grows by ten rows in the middle of the read
        List<String> more = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            more.add(lines.get(i).replaceFirst(",P\\d+,", ",P9" + String.format("%05d", i) + ","));
        }
        Files.write(dropped, more, StandardOpenOption.APPEND);
        Files.writeString(resume, "go on\n");
        assertThat(run.awaitExit(RUN)).as(run.output()).isZero();

        // then the receipt counts the 220 rows that were read, the archive holds exactly those bytes, and its checksum
        // is theirs
        assertThat(receipt(work, "gwent", SampleReturns.NEWPORT)).contains("Rows read: 220\n");
        Path archived = only(work.resolve("archive/gwent"), SampleReturns.NEWPORT);
        assertThat(Files.readAllLines(archived)).isEqualTo(lines);
        assertThat(Files.readString(archived.resolveSibling(SampleReturns.NEWPORT + ".sha256")))
                .startsWith(FileArchive.sha256(archived) + "  ");

        // and the grown file stays in the inbox, whole, and the next run takes in all 230 rows
        assertThat(Files.readAllLines(dropped)).hasSize(lines.size() + 10);
        assertTheNextNightRunsCleanly(root, work);
        List<Path> letters;
        try (Stream<Path> files = Files.list(work.resolve("receipts/gwent"))) {
            letters = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(letters).hasSize(2);
        assertThat(Files.readString(letters.get(1))).contains("Rows read: 230\n");
        assertThat(Files.exists(dropped)).isFalse();
    }

    @Test
    void aFileThePipelineMayNotReadIsAnsweredAndMovedAsideAndTheNextNightPublishes(@TempDir Path root)
            throws Exception {
        // given a return that only another user may read (mode 600), beside a good one, a pipeline without root's
        // power to read other users' files, and the temporary folder POI uses by default owned by another user
        Path work = root.resolve("work");
        Path temporary = Files.createDirectories(root.resolve("tmp"));
        Path poiFiles = Files.createDirectories(temporary.resolve("poifiles"));
        Files.setPosixFilePermissions(poiFiles, PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(poiFiles, poiFiles.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        Path gwent = Files.createDirectories(work.resolve("inbox/gwent"));
        Path secret = gwent.resolve("secret.csv");
        Files.copy(SampleReturns.GWENT.resolve(SampleReturns.NEWPORT), secret);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setOwner(secret, secret.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        Files.copy(SampleReturns.GWENT.resolve(SampleReturns.TORFAEN), gwent.resolve(SampleReturns.TORFAEN));

        // when the nightly run takes the inbox in
        PipelineProcess run = PipelineProcess.startAsAnOrdinaryUser(root.resolve("run.log"), List.of("run"),
                settings(work), temporary);
        assertThat(run.awaitExit(RUN)).as(run.output()).isEqualTo(5);

        // then the file is answered, in the lead's words, and moved out of the inbox; the good one is taken in and
        // the release published
        assertThat(receipt(work, "gwent", "secret.csv")).contains("Status:    Rejected").contains("The file could not be "
                + "read. It may be damaged, password-protected or still being copied. Save it again and resend it.\n"
                + "Detail: the pipeline is not allowed to read this file: its permissions let only its owner open it. "
                + "Copy it into the inbox folder again (a copy takes the folder's usual permissions) and it will be "
                + "read at the next run\nRule: AO-F03");
        assertThat(receipt(work, "gwent", SampleReturns.TORFAEN))
                .contains("Status:    Partially accepted: some rows were rejected");
        assertThat(only(work.resolve("receipts/gwent"), SampleReturns.TORFAEN + ".receipt-", ".xlsx"))
                .as("the workbook receipt, written through POI's temporary files under the work root").exists();
        assertThat(secret).doesNotExist();
        assertThat(only(work.resolve("rejected/gwent"), "secret.csv")).exists();
        assertThat(work.resolve("releases/LATEST")).exists();

        // and the next night runs cleanly
        PipelineProcess next = PipelineProcess.startAsAnOrdinaryUser(root.resolve("next.log"), List.of("run"),
                settings(work), temporary);
        assertThat(next.awaitExit(RUN)).as(next.output()).isZero();
    }

    @Test
    void aChildKeyFileOthersCanReadAndAKeyOfOneCharacterAreRefusedInOnePlainLine(@TempDir Path root) throws Exception {
        // given a key file left readable by everyone (umask 022), and then one holding a key of 48 zeros
        Path key = root.resolve("child-key");
        Files.writeString(key, "k3y-" + "0123456789abcdef".repeat(3) + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> settings = settings(root.resolve("work"));
        settings.replaceAll(s -> s.startsWith("activeoffer.child-key.secret=") ? "activeoffer.child-key.file=" + key : s);

        // when the pipeline starts, then it refuses in one line naming the file and the fix, touching nothing
        PipelineProcess readable = PipelineProcess.start(root.resolve("readable.log"), "512m", List.of("run"), settings);
        assertThat(readable.awaitExit(RUN)).as(readable.output()).isEqualTo(2);
        assertThat(readable.output().lines().filter(l -> l.startsWith("The pipeline could not start"))).containsExactly(
                "The pipeline could not start: The child key file given by activeoffer.child-key.file (" + key
                        + ") can be read or changed by other users (rw-r--r--); make it the service account's alone: "
                        + "chmod 400 " + key);
        assertThat(root.resolve("work/receipts")).doesNotExist();

        Files.writeString(key, "0".repeat(48) + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        PipelineProcess guessable = PipelineProcess.start(root.resolve("guessable.log"), "512m", List.of("run"),
                settings);
        assertThat(guessable.awaitExit(RUN)).as(guessable.output()).isEqualTo(2);
        assertThat(guessable.output().lines().filter(l -> l.startsWith("The pipeline could not start")))
                .containsExactly("The pipeline could not start: The child key given by activeoffer.child-key.file has "
                        + "only 1 different character(s), so it is easy to guess; make a new one (head -c 48 "
                        + "/dev/urandom | base64) and keep it in the key file.");
    }

    @Test
    void aChildsNameInAFileNameReachesNoPublicFileWhileItsReceiptKeepsTheName(@TempDir Path root) throws Exception {
        // given a first release of Torfaen's return, then Blaenau Gwent's sent under a name holding a child's name,
        // date of birth and NHS number, as leads do write them
        Path work = root.resolve("work");
        Path gwent = Files.createDirectories(work.resolve("inbox/gwent"));
        Files.copy(SampleReturns.GWENT.resolve(SampleReturns.TORFAEN), gwent.resolve(SampleReturns.TORFAEN));
        PipelineProcess first = PipelineProcess.start(root.resolve("first.log"), "512m", List.of("run"), settings(work));
        assertThat(first.awaitExit(RUN)).as(first.output()).isZero();
        String named = "Bethan Quillfeather DOB 2013-02-11 NHS 401 023 2137 W06000019.csv";
        Files.copy(SampleReturns.GWENT.resolve("WCCIS_ActiveOffer_W06000019_2024-25.csv"), gwent.resolve(named));

        // when the next night takes it in and publishes a release (ad hoc) whose Gwent figures it revised
        List<String> adHoc = settings(work);
        adHoc.add("activeoffer.republish=true");
        PipelineProcess second = PipelineProcess.start(root.resolve("second.log"), "512m", List.of("run"), adHoc);
        assertThat(second.awaitExit(RUN)).as(second.output()).isZero();

        // then the lead's receipt keeps the name, but no file of the public release holds any part of it: not the
        // manifest, the tables, the report, nor any sheet of the workbook (its revisions included)
        assertThat(receipt(work, "gwent", named)).contains("File:      " + named + "\n");
        Path release = work.resolve("releases").resolve(Files.readString(work.resolve("releases/LATEST")).strip());
        List<Path> published;
        try (Stream<Path> files = Files.walk(release)) {
            published = files.filter(Files::isRegularFile).toList();
        }
        assertThat(published).extracting(p -> p.getFileName().toString()).contains("manifest.json", "aggregates.csv",
                "forum-report.html", "active-offer-official-statistics.xlsx");
        for (Path file : published) {
            String text = file.toString().endsWith(".xlsx") ? workbookText(file)
                    : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.getFileName().toString()).doesNotContain("Quillfeather").doesNotContain("Bethan")
                    .doesNotContain("401 023 2137").doesNotContain("2013-02-11");
        }
        assertThat(workbookText(release.resolve("active-offer-official-statistics.xlsx"))).as("the Revisions sheet "
                + "names the new submission by id, region and date").containsPattern("submission \\d+ \\(gwent, "
                        + "received \\d{4}-\\d{2}-\\d{2}\\)");
    }

    /** Every XML part of a workbook (its sheets and shared strings), as text. */
    private static String workbookText(Path workbook) throws Exception {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static void assertTheNextNightRunsCleanly(Path root, Path work) throws Exception {
        PipelineProcess next = PipelineProcess.start(root.resolve("next.log"), "512m", List.of("run"), settings(work));
        assertThat(next.awaitExit(RUN)).as(next.output()).isZero();
    }

    private static String receipt(Path work, String region, String fileName) throws Exception {
        return Files.readString(only(work.resolve("receipts").resolve(region), fileName + ".receipt-", ".txt"));
    }

    private static Path only(Path folder, String name) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().equals(name)).toList();
            assertThat(found).as(name + " in " + folder).hasSize(1);
            return found.get(0);
        }
    }

    private static Path only(Path folder, String prefix, String suffix) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).as(prefix + "*" + suffix + " in " + folder).hasSize(1);
            return found.get(0);
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
