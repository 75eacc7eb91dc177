package wales.activeoffer.read;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.SheetXmlWorkbook;

/**
 * Layout detection reads only the rows where a heading may be: the first {@code headerSearchRows} of each sheet (at
 * most 20 in the shipped layouts). Each fixture puts something unreadable further down; a detector that read on would
 * refuse the file for that (AO-F03) instead of saying which layout came closest (AO-F02).
 */
class LayoutDetectorTests {
    private final LayoutDetector detector = new LayoutDetector(RepoPaths.catalogue(),
            new HeaderMatcher(RepoPaths.template()));

    @Test
    void aTextFileIsReadNoFurtherThanItsHeadingRows(@TempDir Path dir) throws IOException {
        // given a file no layout knows, with a row of megabytes after its first 25 rows
        Path file = dir.resolve("tracker.csv");
        Files.writeString(file, "Name,Age,Favourite colour\n".repeat(25) + "x,\"never closed\n" + "y\n".repeat(700_000));

        // when its layout is looked for, then the answer is about its headings, not about row 26
        assertThatThrownBy(() -> detector.detect(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("no csv layout recognised its headings. Closest: ")
                .extracting(e -> ((UnreadableFileException) e).ruleId()).isEqualTo("AO-F02");
    }

    @Test
    void aWorkbookSheetIsReadNoFurtherThanItsHeadingRows(@TempDir Path dir) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 25; r++) {
            rows.append("<row r=\"").append(r).append("\">").append(SheetXmlWorkbook.text("A" + r, "Notes"))
                    .append("</row>");
        }
        rows.append("<row r=\"26\">").append(SheetXmlWorkbook.text("A26", "x".repeat(40_000))).append("</row>");
        Path file = SheetXmlWorkbook.write(dir.resolve("tracker.xlsx"), "Tracker", rows.toString());

        assertThatThrownBy(() -> detector.detect(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("no xlsx layout recognised its headings. Closest: ")
                .extracting(e -> ((UnreadableFileException) e).ruleId()).isEqualTo("AO-F02");
    }
}
