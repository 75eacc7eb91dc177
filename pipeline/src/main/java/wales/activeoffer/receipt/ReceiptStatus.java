package wales.activeoffer.receipt;

/** The one-line verdict on a file that heads its receipt. */
public enum ReceiptStatus {
    ACCEPTED("Accepted"),
    ACCEPTED_WITH_WARNINGS("Accepted with warnings"),
    PARTIALLY_ACCEPTED("Partially accepted: some rows were rejected"),
    REJECTED("Rejected"),
    DUPLICATE("Already received: not ingested again"),
    NOT_PROCESSED("Could not be processed: the data team has been told");

    private final String wording;

    ReceiptStatus(String wording) {
        this.wording = wording;
    }

    public String wording() {
        return wording;
    }

    /** The verdict on a file whose rows were read: by how many were accepted, rejected and flagged. */
    public static ReceiptStatus ofRows(int accepted, int rejected, int flagged) {
        if (accepted == 0) {
            return REJECTED;
        }
        if (rejected > 0) {
            return PARTIALLY_ACCEPTED;
        }
        return flagged > 0 ? ACCEPTED_WITH_WARNINGS : ACCEPTED;
    }
}
