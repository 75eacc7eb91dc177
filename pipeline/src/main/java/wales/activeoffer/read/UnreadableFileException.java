package wales.activeoffer.read;

import java.util.Optional;

/** A whole file cannot be taken in. {@code ruleId} is one of the template's file rules ({@code AO-F..}). */
public class UnreadableFileException extends RuntimeException {
    private final String ruleId;
    private DetectedLayout layout;

    public UnreadableFileException(String ruleId, String detail, Throwable cause) {
        super(detail, cause);
        this.ruleId = ruleId;
    }

    public UnreadableFileException(String ruleId, String detail) {
        this(ruleId, detail, null);
    }

    /** The file could not be opened at all. */
    public static UnreadableFileException cannotOpen(Throwable cause) {
        return new UnreadableFileException("AO-F03", "the file could not be opened: it may have been moved while the run was reading it, or the pipeline is not allowed to read it", cause);
    }

    /** The file broke part-way through. */
    public static UnreadableFileException cannotReadToTheEnd(Throwable cause) {
        return new UnreadableFileException("AO-F03", "the file could not be read to the end: it may be damaged or still being copied. Save it again and send it once more", cause);
    }

    public String ruleId() {
        return ruleId;
    }

    /** The same refusal of a file a layout recognised, so that the receipt can name the layout. */
    public UnreadableFileException recognisedAs(DetectedLayout recognised) {
        this.layout = recognised;
        return this;
    }

    /** The layout that recognised the refused file, if one did. */
    public Optional<DetectedLayout> layout() {
        return Optional.ofNullable(layout);
    }
}
