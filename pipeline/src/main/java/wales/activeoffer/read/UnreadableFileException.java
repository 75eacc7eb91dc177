package wales.activeoffer.read;

/** A whole file cannot be taken in. {@code ruleId} is one of the template's file rules ({@code AO-F..}). */
public class UnreadableFileException extends RuntimeException {
    private final String ruleId;

    public UnreadableFileException(String ruleId, String detail, Throwable cause) {
        super(detail, cause);
        this.ruleId = ruleId;
    }

    public UnreadableFileException(String ruleId, String detail) {
        this(ruleId, detail, null);
    }

    public String ruleId() {
        return ruleId;
    }
}
