package wales.activeoffer.job;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.config.PipelineProperties;
import wales.activeoffer.handout.RecordingTemplateWorkbook;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.MappingProblem;
import wales.activeoffer.receipt.Receipt;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.receipt.ReceiptWriter;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.status.ServiceStatus;
import wales.activeoffer.status.StatusService;
import wales.activeoffer.status.StatusText;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.validate.FileValidator;

/**
 * The command line. With no command (or {@code run}) it runs the nightly job once and prints where everything went;
 * {@code validate <file> [--region=<code>]} is a dry run of one file that prints and writes its receipt and stores
 * nothing; {@code validate-mappings} checks every mapping file; {@code recording-template [--out=<file>]} writes the
 * national recording template workbook. Switched off with {@code activeoffer.run-on-start=false}
 * (the tests start runs themselves).
 */
@Component
@ConditionalOnProperty(name = "activeoffer.run-on-start", havingValue = "true", matchIfMissing = true)
public class PipelineCommandLine implements ApplicationRunner, ExitCodeGenerator {
    /** Commands that need neither the database nor the child key: the application starts lazily for them. */
    static final List<String> DRY_COMMANDS = List.of("validate", "validate-mappings", "recording-template");
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
        List<String> words = args.getNonOptionArgs();
        String command = words.isEmpty() ? "run" : words.get(0);
        exitCode = switch (command) {
            case "run" -> runNightly();
            case "validate" -> validate(words.subList(1, words.size()), args.getOptionValues("region"));
            case "validate-mappings" -> validateMappings();
            case "recording-template" -> recordingTemplate(args.getOptionValues("out"));
            case "status" -> status(args.containsOption("json"));
            case "serve" -> {
                out.println("Serving: Ctrl+C or SIGTERM stops it; a run in progress stops at its next checkpoint "
                        + "and the next start finishes it.");
                yield 0;
            }
            default -> {
                out.println("Unknown command '" + command + "'. Commands: run (default), validate <file> "
                        + "[--region=<code>], validate-mappings, recording-template [--out=<file>], status [--json], serve.");
                yield 2;
            }
        };
    }

    private int runNightly() throws Exception {
        RunSummary summary;
        try {
            summary = nightlyRun.getObject().execute();
        } catch (RunLock.RunInProgressException e) {
            out.println(e.getMessage());
            return RUN_IN_PROGRESS;
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

    private int validate(List<String> files, List<String> regions) throws Exception {
        if (files.isEmpty()) {
            out.println("Usage: validate <file> [<file> ...] [--region=<region code>]");
            return 2;
        }
        String region = regions == null || regions.isEmpty() ? null : regions.get(0);
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
    private int recordingTemplate(List<String> outs) {
        Path target = Path.of(outs == null || outs.isEmpty() ? RecordingTemplateWorkbook.FILE_NAME : outs.get(0));
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
