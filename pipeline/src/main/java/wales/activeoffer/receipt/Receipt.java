package wales.activeoffer.receipt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import wales.activeoffer.normalise.RowIssue;

/**
 * What a regional lead is told about one file.
 *
 * @param fileVerdict the reason when the whole file was refused or was a duplicate, else {@code null}
 * @param notes       what was passed over while reading (sheets without headings, totals below the data)
 * @param replaced    earlier submissions whose records this file replaced
 * @param withdrawn   per quarter, how many earlier records a correction with fewer records withdrew
 * @param issues      every broken rule, in row order, fed one at a time
 */
public record Receipt(String fileName, String regionName, LocalDateTime receivedAt, String runLabel, String sha256,
        String mappingId, String sourceDetail, ReceiptStatus status, int rowsRead, int rowsAccepted, int rowsFlagged,
        int rowsRejected, String fileVerdict, List<String> notes, List<String> replaced, List<String> withdrawn, IssueSource issues) {

    /** Where a receipt's issues come from: the store, or memory for a dry run. */
    @FunctionalInterface
    public interface IssueSource {
        void forEach(Consumer<RowIssue> sink);
    }
}
