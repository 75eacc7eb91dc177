package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunProgressTests {

    private static String shown(boolean terminal) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RunProgress progress = new RunProgress(terminal);
            for (int file = 0; file < 3; file++) {
                progress.fileStarted(3);
                progress.rowsStored(500);
                progress.rowsStored(250);
                progress.fileFinished();
            }
            progress.runEnded();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalABarCountsTheFilesAndTheRowsStored() {
        assertThat(shown(true)).contains("Files").contains("3/3").contains("2,250 rows");
    }

    @Test
    void elsewhereNothingIsDrawnTheLogHasALinePerFile() {
        assertThat(shown(false)).isEmpty();
    }
}
