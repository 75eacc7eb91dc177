package wales.activeoffer.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;

/**
 * A sheet longer than the row limit ({@code activeoffer.max-rows-per-file}, default 1,000,000) is read in bounded
 * memory and refused by the limit: here the limit is set to 200,000 and the sheet has one row more, in a process given
 * 96 MB of heap, far less than the sheet would take if it were held in memory. (The benchmark harness takes in
 * million-row files under the shipped heap limit: {@code docs/performance.md}, P3.)
 */
class MillionRowSheetIntegrationTests {

    @Test
    void aSheetOfOverAMillionRowsIsReadInBoundedMemoryAndRefusedByTheLimit(@TempDir Path dir) throws Exception {
        Path gwent = Files.createDirectories(dir.resolve("gwent"));
        Path sheet = HostileFiles.millionRows(gwent, 200_001);
        assertThat(Files.size(sheet)).as("compressed").isGreaterThan(1_000_000L);

        PipelineProcess validate = PipelineProcess.start(dir.resolve("validate.log"), "96m",
                List.of("validate", sheet.toString()), List.of("region=gwent", "activeoffer.max-rows-per-file=200000",
                        "activeoffer.work-root=" + dir.resolve("work"), "activeoffer.mappings-dir=" + RepoPaths.mappings()));
        int exit = validate.awaitExit(Duration.ofMinutes(5));

        String output = validate.output();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(exit).as(output).isEqualTo(1);
        assertThat(output).contains("Rule: AO-F06").contains("more than 200000 rows");
    }
}
