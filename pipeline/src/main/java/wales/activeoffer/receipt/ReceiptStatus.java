package wales.activeoffer.receipt;

/** The one-line verdict on a file that heads its receipt. */
public enum ReceiptStatus {
    ACCEPTED("Accepted", "Derbyniwyd"),
    ACCEPTED_WITH_WARNINGS("Accepted with warnings", "Derbyniwyd gyda rhybuddion"),
    PARTIALLY_ACCEPTED("Partially accepted: some rows were rejected", "Derbyniwyd yn rhannol: gwrthodwyd rhai rhesi"),
    REJECTED("Rejected", "Gwrthodwyd"),
    DUPLICATE("Already received: not ingested again", "Wedi dod i law eisoes: heb ei derbyn eto"),
    NOT_PROCESSED("Could not be processed: the data team has been told",
            "Nid oedd modd ei phrosesu: mae'r tîm data wedi cael gwybod"),
    NOT_READ_YET("Not read yet: the file kept changing while it was being copied",
            "Heb ei darllen eto: roedd y ffeil yn dal i newid wrth ei chopïo");

    private final String wording;
    private final String welsh;

    ReceiptStatus(String wording, String welsh) {
        this.wording = wording;
        this.welsh = welsh;
    }

    public String wording() {
        return wording;
    }

    /** The wording in the given language ({@code cy} for Welsh, anything else English). */
    public String wording(String language) {
        return "cy".equals(language) ? welsh : wording;
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
