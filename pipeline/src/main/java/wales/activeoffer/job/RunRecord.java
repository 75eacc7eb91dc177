package wales.activeoffer.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.store.Submission;

/**
 * The machine-readable summary of one run, kept with the run's receipts ({@code receipts/runs/}): what each file
 * became, with counts and rule ids, and what was published. File names, counts and rule ids only: never record data.
 */
record RunRecord(long run, long execution, String stamp, String outcome, LocalDateTime started, LocalDateTime ended,
        List<FileOutcome> files, long refused, int quarantined, String release, boolean newRelease,
        List<String> notes) {

    /** One file of the run. */
    record FileOutcome(String region, String folder, String file, String outcome, String rule, int rowsRead,
            int accepted, int flagged, int rejected, String receipt) {

        static FileOutcome of(Submission s) {
            return new FileOutcome(s.regionCode(), s.subFolder(), s.fileName(), s.receiptStatus().wording(),
                    s.statusRuleId(), s.rowsRead(), s.rowsAccepted(), s.rowsFlagged(), s.rowsRejected(),
                    s.receiptPath());
        }
    }

    static RunRecord of(RunSummary summary, long execution, String stamp, LocalDateTime started,
            LocalDateTime ended) {
        return new RunRecord(summary.runId(), execution, stamp, summary.status().name(), started, ended,
                summary.submissions().stream().map(FileOutcome::of).toList(), summary.refused(),
                summary.quarantined(), summary.releaseFolder() == null ? null
                        : Path.of(summary.releaseFolder()).getFileName().toString(), summary.newRelease(),
                summary.operatorNotes());
    }

    /** Writes {@code run-<run>-<execution>.json} into {@code folder}, whole (under a temporary name, then moved). */
    Path writeTo(Path folder) {
        Path target = folder.resolve("run-" + run + "-" + execution + ".json");
        Path partial = folder.resolve(target.getFileName() + ".part");
        try {
            Files.createDirectories(folder);
            Files.writeString(partial, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(this));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run summary " + target, e);
        }
    }
}
