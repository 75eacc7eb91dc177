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
 * A sheet of over a million rows is read in bounded memory and refused by the documented limit
 * ({@code activeoffer.max-rows-per-file}, default 1,000,000): the check runs in a process given 160 MB of heap,
 * far less than the sheet would take if it were held in memory.
 */
class MillionRowSheetIntegrationTests {

    @Test
    void aSheetOfOverAMillionRowsIsReadInBoundedMemoryAndRefusedByTheLimit(@TempDir Path dir) throws Exception {
        Path gwent = Files.createDirectories(dir.resolve("gwent"));
        Path sheet = HostileFiles.millionRows(gwent, 1_000_001);
        assertThat(Files.size(sheet)).as("compressed").isGreaterThan(5_000_000L);

        PipelineProcess validate = PipelineProcess.start(dir.resolve("validate.log"), "160m",
                List.of("validate", sheet.toString()), List.of("region=gwent",
                        "activeoffer.work-root=" + dir.resolve("work"), "activeoffer.mappings-dir=" + RepoPaths.mappings()));
        int exit = validate.awaitExit(Duration.ofMinutes(5));

        String output = validate.output();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(exit).as(output).isEqualTo(1);
        assertThat(output).contains("Rule: AO-F06").contains("more than 1000000 rows");
    }
}
