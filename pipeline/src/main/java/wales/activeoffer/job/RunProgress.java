package wales.activeoffer.job;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress a person watching a run sees: on a terminal, a bar of files done out of the run's files, with the rows
 * stored and an estimate of the time left; elsewhere (a timer, a service, a test) nothing here, since every file
 * already has its "[n/N] ..." line in the log.
 */
public final class RunProgress {
    private final boolean terminal;
    private ProgressBar bar;
    private long rows;
    private int filesInRun;
    private int filesDone;

    public RunProgress(boolean terminal) {
        this.terminal = terminal;
    }

    /** A progress bar only when the process writes to a terminal. */
    public static RunProgress forThisProcess() {
        return new RunProgress(System.console() != null);
    }

    synchronized void fileStarted(int files) {
        filesInRun = Math.max(filesInRun, files);
        if (terminal && bar == null) {
            bar = new ProgressBarBuilder().setTaskName("Files").setInitialMax(files).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).build();
        }
    }

    synchronized void rowsStored(int count) {
        rows += count;
        if (bar != null) {
            bar.setExtraMessage(String.format(" %,d rows", rows));
        }
    }

    synchronized void fileFinished() {
        filesDone++;
        if (bar != null) {
            bar.step();
        }
    }

    synchronized void runEnded() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        rows = 0;
        filesInRun = 0;
        filesDone = 0;
    }

    /** The files the run in progress has listed and not yet finished: still in the inbox, but no longer waiting. */
    public synchronized int filesInHand() {
        return Math.max(0, filesInRun - filesDone);
    }
}
