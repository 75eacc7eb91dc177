package wales.activeoffer.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;

/**
 * A quote mark that is never closed makes a CSV reader take the rest of the file as one cell. In a real process with
 * a 256 MB heap, a 200 MB file like that is refused in plain words, not by running out of memory.
 */
class UnclosedQuoteIntegrationTests {
    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void aTwoHundredMegabyteCsvWithAnUnclosedQuoteNearTheTopIsRefusedInPlainWordsWithin256Megabytes(@TempDir Path dir)
            throws Exception {
        // given a 200 MB export whose second row opens a quote that is never closed
        Path file = dir.resolve("gwent export.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HostileFiles.WCCIS_HEADER + "\nW06000022,\"P1,LAC,2024-04-03,Accepted\n");
            String line = "W06000022,P2,LAC,2024-04-04,Accepted\n";
            for (long written = 0; written < SIZE; written += line.length()) {
                out.write(line);
            }
        }
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(SIZE);

        // when a lead checks it with validate, in a process limited to 256 MB of heap
        PipelineProcess validate = PipelineProcess.start(dir.resolve("validate.log"), "256m",
                List.of("validate", file.toString()), List.of("activeoffer.mappings-dir=" + RepoPaths.mappings(),
                        "activeoffer.work-root=" + dir.resolve("work")));

        // then it is refused with the row and the fix
        assertThat(validate.awaitExit(Duration.ofMinutes(4))).as(validate.output()).isEqualTo(1);
        assertThat(validate.output()).contains("Status:    Rejected")
                .contains("Detail: row 2 has a quote mark (\") that opens a cell and is never closed, so the rest of "
                        + "the file would be read as one cell. Close the quote, or remove it, and send the file again")
                .doesNotContain("OutOfMemoryError");
    }
}
