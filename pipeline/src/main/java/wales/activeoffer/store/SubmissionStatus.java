package wales.activeoffer.store;

/** Where a submitted file stands. */
public enum SubmissionStatus {
    /** Registered; rows are being taken in. */
    RECEIVED,
    /** Every row is stored as a record or a rejected row. */
    INGESTED,
    /** The same bytes were ingested before; nothing was stored again. */
    DUPLICATE,
    /** The file could not be read or recognised; no row was stored. */
    UNREADABLE,
    /**
     * Processing failed in a way the pipeline did not expect; the file was moved to quarantine for the data team and
     * nothing from it counts.
     */
    QUARANTINED,
    /** Every record was replaced by later submissions for the same authorities and quarters; kept for audit. */
    SUPERSEDED
}
