package wales.activeoffer.config;

/**
 * The pipeline cannot start as configured: a missing or weak child key, a mapping folder that is not there, broken
 * mapping files. The message says which setting or file to fix; {@link PipelineFailureAnalyzer} shows it without a
 * stack trace.
 */
public class PipelineSetupException extends IllegalStateException {
    public PipelineSetupException(String message) {
        super(message);
    }

    public PipelineSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
