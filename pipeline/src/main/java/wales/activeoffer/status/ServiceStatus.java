package wales.activeoffer.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The state of the pipeline at one moment, as {@code status} prints it (plain text or JSON).
 *
 * @param lastRun     the last run, or {@code null} before the first
 * @param lastRelease the name of the latest public release, or {@code null} before the first
 * @param waiting     files in the inbox waiting for the next run, as {@code region/[authority/]file}
 * @param quarantined files set aside for the data team
 * @param misplaced   files dropped where the pipeline does not read (the inbox itself, a folder that is not a
 *                    region's, too deep, hidden by a leading dot), each answered with a receipt saying where to put it
 * @param lastOfficials the name of the officials' latest nightly dataset, or {@code null} before the first
 * @param nextPublicRelease the next public release's date on the publication calendar, or {@code null} if none is set
 */
public record ServiceStatus(LocalDateTime at, LastRun lastRun, String lastRelease, List<RegionStatus> regions,
        List<String> waiting, List<FileState> quarantined, List<FileState> misplaced, String lastOfficials,
        LocalDate nextPublicRelease) {

    /** A run: its number, stamp, outcome and times. */
    public record LastRun(long id, String stamp, String outcome, LocalDateTime started, LocalDateTime ended) {
    }

    /** One file as the store knows it. */
    public record FileState(String region, String file, String state, LocalDateTime received) {
    }

    /** A region: the last file its folder received, and each of its authorities. */
    public record RegionStatus(String code, String name, FileState lastSubmission, List<AuthorityStatus> authorities) {
    }

    /**
     * An authority: the last file that brought records for it, and the financial quarters it has sent nothing for,
     * from the first quarter anyone sent to the last complete quarter.
     */
    public record AuthorityStatus(String code, String name, FileState lastSubmission, List<String> missingQuarters) {
    }
}
