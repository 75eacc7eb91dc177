package wales.activeoffer.job;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.config.PipelineProperties;
import wales.activeoffer.config.StartupFailure;
import wales.activeoffer.handout.RecordingTemplateWorkbook;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.MappingProblem;
import wales.activeoffer.receipt.Receipt;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.receipt.ReceiptWriter;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.sample.SampleInboxGenerator;
import wales.activeoffer.status.ServiceStatus;
import wales.activeoffer.status.StatusService;
import wales.activeoffer.status.StatusText;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.validate.FileValidator;

/**
 * The command line, parsed by picocli: {@code run} (also with no command) runs the nightly job once and prints where
 * everything went; {@code serve} runs as a service ({@code service} package); {@code validate <file>...
 * [--region=<code>]} is a dry run that prints and writes each file's receipt and stores nothing;
 * {@code validate-mappings} checks every mapping file; {@code status [--json]} says what ran and what waits;
 * {@code recording-template [--out=<file>]} writes the national recording template workbook; {@code sample <dir>
 * <size>} writes an invented inbox. Each has {@code --help}. Spring settings ({@code --activeoffer.*},
 * {@code --spring.*}) are left to Spring Boot. Switched off with {@code activeoffer.run-on-start=false}
 * (the tests start runs themselves).
 */
@Component
@ConditionalOnProperty(name = "activeoffer.run-on-start", havingValue = "true", matchIfMissing = true)
public class PipelineCommandLine implements ApplicationRunner, ExitCodeGenerator {
    /** Exit code when the run failed: no release was published; the next run resumes it (once). */
    public static final int FAILED = 1;
    /** Exit code when another process holds the run lock. */
    public static final int RUN_IN_PROGRESS = 3;
    /** Exit code when the run completed but a file was quarantined: it has its receipt, and the data team must look. */
    public static final int COMPLETED_WITH_QUARANTINE = 4;
    /** Exit code when the run completed but a file was refused whole: its receipt tells the lead why and what to do. */
    public static final int COMPLETED_WITH_REFUSED_FILES = 5;

    private final ObjectProvider<NightlyRun> nightlyRun;
    private final ObjectProvider<FileValidator> validator;
    private final ObjectProvider<ReceiptWriter> receipts;
    private final ObjectProvider<RecordingTemplate> template;
    private final ObjectProvider<ReferenceData> reference;
    private final ObjectProvider<StatusService> statusService;
    private final PipelineProperties properties;
    private final WorkRoot workRoot;
    private PrintStream out;
    private int exitCode;

    PipelineCommandLine(ObjectProvider<NightlyRun> nightlyRun, ObjectProvider<FileValidator> validator,
            ObjectProvider<ReceiptWriter> receipts, ObjectProvider<RecordingTemplate> template,
            ObjectProvider<ReferenceData> reference, ObjectProvider<StatusService> statusService,
            PipelineProperties properties, WorkRoot workRoot) {
        this.reference = reference;
        this.statusService = statusService;
        this.nightlyRun = nightlyRun;
        this.validator = validator;
        this.receipts = receipts;
        this.template = template;
        this.properties = properties;
        this.workRoot = workRoot;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new Pipeline())
                .addSubcommand(new Run()).addSubcommand(new Serve()).addSubcommand(new Validate())
                .addSubcommand(new ValidateMappings()).addSubcommand(new Status())
                .addSubcommand(new RecordingTemplateCommand()).addSubcommand(new Sample());
        PrintWriter writer = new PrintWriter(out, true);
        cli.setOut(writer);
        cli.setErr(writer);
        // a bean made only when a command needs it (mappings, reference data) can find a setting wrong: one line, as
        // at start-up, never a stack trace
        cli.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            StartupFailure plain = StartupFailure.of(failure, new StandardEnvironment()).orElseThrow(() -> failure);
            new PrintStream(System.err, true, StandardCharsets.UTF_8).println("The pipeline could not start: "
                    + plain.message());
            return plain.exitCode();
        });
        exitCode = cli.execute(commandWords(args.getSourceArgs()));
    }

    /**
     * The arguments picocli reads: every one but the settings ({@code --activeoffer.work-root=...},
     * {@code --spring.datasource.url=...}), which Spring Boot has already taken.
     */
    static String[] commandWords(String... args) {
        return Arrays.stream(args).filter(a -> !SETTING.matcher(a).matches()).toArray(String[]::new);
    }

    private static final Pattern SETTING = Pattern.compile("--[a-z]+(-[a-z]+)*\\.[^=]+=.*");

    @Command(name = "active-offer-pipeline", mixinStandardHelpOptions = true,
            description = "The all-Wales Active Offer dataset. With no command, the nightly run (as 'run').",
            footer = "Settings (--activeoffer.work-root=..., --spring.datasource.url=...) go after the command; "
                    + "see README.md.")
    private final class Pipeline implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return runNightly();
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = {
        "Takes in every waiting file, writes its receipt, archives it and publishes the release.",
        "Exit codes: 0 completed; 5 completed, some files refused; 4 completed, a file quarantined; 1 failed;",
        "2 a setting is wrong; 3 another run is in progress."})
    private final class Run implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return runNightly();
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = {
        "Runs as a service: the nightly run at activeoffer.service.cron, the inbox checked every",
        "activeoffer.service.poll-interval. SIGTERM stops a run at its next checkpoint; the next start finishes it."})
    private final class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            out.println("Serving: Ctrl+C or SIGTERM stops it; a run in progress stops at its next checkpoint "
                    + "and the next start finishes it.");
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "A dry run for a regional lead: prints and writes the receipt the nightly run would give. "
                    + "Nothing is stored and no file moves.")
    private final class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "<file>", description = "the files to check")
        private List<String> files;
        @Option(names = "--region", paramLabel = "<region code>",
                description = "check the files belong to this region's folder (north-wales, gwent, ...)")
        private String region;

        @Override
        public Integer call() throws Exception {
            return validate(files, region);
        }
    }

    @Command(name = "validate-mappings", mixinStandardHelpOptions = true,
            description = "Checks every mapping file; each problem as file:line: key: problem.")
    private final class ValidateMappings implements Callable<Integer> {
        @Override
        public Integer call() {
            return validateMappings();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The last run and release, files "
            + "waiting and quarantined, and each region's and authority's last file and missing quarters.")
    private final class Status implements Callable<Integer> {
        @Option(names = "--json", description = "as JSON, for machines")
        private boolean json;

        @Override
        public Integer call() {
            return status(json);
        }
    }

    @Command(name = "recording-template", mixinStandardHelpOptions = true,
            description = "Writes the national recording template workbook (English and Welsh); never over a file.")
    private final class RecordingTemplateCommand implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "<file>", description = "where to write it (default: "
                + RecordingTemplateWorkbook.FILE_NAME + " here)")
        private String target;

        @Override
        public Integer call() {
            return recordingTemplate(target);
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Writes an invented sample inbox (every layout, planted mistakes, MANIFEST.csv).")
    private final class Sample implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<dir>", description = "an empty or new folder")
        private Path folder;
        @Parameters(index = "1", paramLabel = "<size>", defaultValue = "1",
                description = "how many times the repository's sample (default 1)")
        private int size;

        @Override
        public Integer call() throws IOException {
            if (size < 1 || size > 1000) {
                out.println("<size> must be from 1 to 1000, but is " + size);
                return 2;
            }
            if (Files.isDirectory(folder.resolve("inbox"))) {
                out.println(folder.resolve("inbox") + " is already there, so nothing was written. Choose a new folder.");
                return 2;
            }
            new SampleInboxGenerator(size).generate(folder);
            out.println("Sample inbox (" + size + "x) written to " + folder.toAbsolutePath().resolve("inbox")
                    + ", with MANIFEST.csv");
            return 0;
        }
    }

    private int runNightly() throws Exception {
        RunSummary summary;
        try {
            summary = nightlyRun.getObject().executeAlone();
        } catch (RunLock.RunInProgressException e) {
            out.println(e.getMessage());
            return RUN_IN_PROGRESS;
        } catch (RunPausedException e) {
            out.println(e.getMessage());
            return FAILED;
        }
        out.print(RunSummaryText.of(summary, workRoot.root()));
        if (summary.status() != BatchStatus.COMPLETED) {
            return FAILED;
        }
        if (summary.needsAttention()) {
            return COMPLETED_WITH_QUARANTINE;
        }
        return summary.refused() > 0 ? COMPLETED_WITH_REFUSED_FILES : 0;
    }

    private int validate(List<String> files, String region) throws Exception {
        int worst = 0;
        Path folder = workRoot.root().resolve("validation");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (String name : files) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                out.println("No such file: " + file);
                worst = 2;
                continue;
            }
            Receipt receipt = validator.getObject().validate(file, region, LocalDate.now());
            receipts.getObject().writeLetter(out, receipt);
            Path written = receipts.getObject().write(folder, receipt, stamp);
            out.println("Receipt written to " + written + " (and .csv, .xlsx). Nothing was stored.\n");
            worst = Math.max(worst, receipt.status() == ReceiptStatus.REJECTED ? 1 : 0);
        }
        return worst;
    }

    /** Prints what the pipeline has done and is waiting for: plain text, or JSON for machines. */
    private int status(boolean json) {
        ServiceStatus status = statusService.getObject().status();
        out.println(json ? JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(status) : StatusText.of(status));
        return 0;
    }

    /** Writes the national recording template workbook, by default into the current folder; never over a file. */
    private int recordingTemplate(String where) {
        Path target = Path.of(where == null ? RecordingTemplateWorkbook.FILE_NAME : where);
        if (Files.isDirectory(target)) {
            target = target.resolve(RecordingTemplateWorkbook.FILE_NAME);
        }
        if (Files.exists(target)) {
            out.println(target + " is already there, so it was not replaced. Move it away, or give --out=<file>.");
            return 2;
        }
        new RecordingTemplateWorkbook(template.getObject(), reference.getObject()).write(target);
        out.println("Recording template (version " + template.getObject().version() + ", English and Welsh) written "
                + "to " + target.toAbsolutePath());
        return 0;
    }

    private int validateMappings() {
        List<MappingProblem> problems = MappingCatalogue.check(properties.mappingsDir().resolve("layouts"),
                template.getObject(), new ArrayList<>());
        if (problems.isEmpty()) {
            out.println("Every mapping in " + properties.mappingsDir().resolve("layouts") + " is valid.");
            return 0;
        }
        out.println(problems.size() + " problem(s) in the mapping files:");
        problems.forEach(p -> out.println("  " + p));
        return 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
