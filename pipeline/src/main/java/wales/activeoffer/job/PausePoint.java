package wales.activeoffer.job;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named instant at which a crash test stops the pipeline for certain: with {@code activeoffer.testing.pause-at} set
 * to its name, the first process to reach it says so in the log and waits there until it is killed, until the
 * service stops ({@link #release}), or, with {@code activeoffer.testing.resume-when} set to a path, until that file
 * appears (then it goes on, and the point is not reached again). Unset, as in production, reaching a point does nothing.
 */
public final class PausePoint {
    /** Just after a file's receipt is written, before the file is moved out of the inbox. */
    public static final String AFTER_RECEIPT = "after-receipt";
    /** Just after a file's first chunk of rows is written, in the middle of the file. */
    public static final String IN_FILE = "in-file";
    private static final Logger log = LoggerFactory.getLogger(PausePoint.class);
    private volatile String pauseAt;
    private volatile Thread paused;

    private final Path resumeWhen;

    public PausePoint(String pauseAt) {
        this(pauseAt, null);
    }

    public PausePoint(String pauseAt, Path resumeWhen) {
        this.pauseAt = pauseAt == null ? "" : pauseAt;
        this.resumeWhen = resumeWhen;
    }

    public void reach(String name) {
        if (!pauseAt.equals(name)) {
            return;
        }
        paused = Thread.currentThread();
        log.warn("Paused at '{}' (activeoffer.testing.pause-at) until this process is killed or stopped", name);
        try {
            if (resumeWhen == null) {
                Thread.sleep(Long.MAX_VALUE);
            }
            while (!Files.exists(resumeWhen)) {
                Thread.sleep(50);
            }
            pauseAt = "";
            log.warn("Resumed from '{}': {} is there", name, resumeWhen);
        } catch (InterruptedException stopped) {
            log.warn("Released from '{}': the process is stopping", name);
        } finally {
            paused = null;
        }
    }

    /** Lets a thread waiting at the point go on (the service is stopping); once released, a point is not reached again. */
    public void release() {
        Thread waiting = paused;
        pauseAt = "";
        if (waiting != null) {
            waiting.interrupt();
        }
    }
}
