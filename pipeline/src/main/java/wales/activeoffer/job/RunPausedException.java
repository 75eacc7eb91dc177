package wales.activeoffer.job;

/**
 * A run stopped by the system's failure (the database out of reach, the disk full), not by a file's: nothing was
 * quarantined, and the next attempt resumes the run where it stopped.
 */
public class RunPausedException extends RuntimeException {
    public RunPausedException(String message, Throwable cause) {
        super(message, cause);
    }
}
