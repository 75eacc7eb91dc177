package wales.activeoffer.receipt;

import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStatus;

/** The one-line verdict on a file that heads its receipt. */
public enum ReceiptStatus {
    ACCEPTED("Accepted"),
    ACCEPTED_WITH_WARNINGS("Accepted with warnings"),
    PARTIALLY_ACCEPTED("Partially accepted: some rows were rejected"),
    REJECTED("Rejected"),
    DUPLICATE("Already received: not ingested again");

    private final String wording;

    ReceiptStatus(String wording) {
        this.wording = wording;
    }

    public String wording() {
        return wording;
    }

    public static ReceiptStatus of(Submission submission) {
        if (submission.status() == SubmissionStatus.DUPLICATE) {
            return DUPLICATE;
        }
        if (submission.status() != SubmissionStatus.INGESTED || submission.rowsAccepted() == 0) {
            return REJECTED;
        }
        if (submission.rowsRejected() > 0) {
            return PARTIALLY_ACCEPTED;
        }
        return submission.rowsFlagged() > 0 ? ACCEPTED_WITH_WARNINGS : ACCEPTED;
    }
}
