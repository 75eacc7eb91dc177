package wales.activeoffer.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named instant at which a crash test stops the pipeline for certain: with {@code activeoffer.testing.pause-at} set
 * to its name, the first process to reach it says so in the log and waits there until it is killed. Unset, as in
 * production, reaching a point does nothing.
 */
public final class PausePoint {
    /** Just after a file's receipt is written, before the file is moved out of the inbox. */
    public static final String AFTER_RECEIPT = "after-receipt";
    private static final Logger log = LoggerFactory.getLogger(PausePoint.class);
    private final String pauseAt;

    public PausePoint(String pauseAt) {
        this.pauseAt = pauseAt == null ? "" : pauseAt;
    }

    public void reach(String name) {
        if (!pauseAt.equals(name)) {
            return;
        }
        log.warn("Paused at '{}' (activeoffer.testing.pause-at) until this process is killed", name);
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
