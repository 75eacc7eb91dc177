package wales.activeoffer.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.RepoPaths;

/** The shipped perturbation table, read as a reader who has it (it is public, in mappings/reference) would read it. */
class PerturbationTableTests {
    private static final PerturbationTable TABLE = PerturbationTable.load(RepoPaths.mappings().resolve("reference")
            .resolve(PerturbationTable.FILE_NAME));
    private static final int LARGEST = 200;

    @Test
    void rowsAreLookedUpByValueAndCellKeyAndLargerValuesFollowTheLastRowOfTheirParity() {
        assertThat(TABLE.perturbed(0, 200)).as("a zero stays 0").isZero();
        assertThat(TABLE.perturbed(1, 170)).isZero();
        assertThat(TABLE.perturbed(1, 171)).isEqualTo(3);
        assertThat(TABLE.perturbed(4, 80)).isEqualTo(4);
        assertThat(TABLE.perturbed(7, 0)).isEqualTo(5);
        // 9 is odd: the row of 7, moved by the same amounts; 10 is even: the row of 8
        assertThat(TABLE.perturbed(9, 0)).isEqualTo(7);
        assertThat(TABLE.perturbed(109, 128)).isEqualTo(109);
        assertThat(TABLE.perturbed(10, 255)).isEqualTo(13);
        assertThat(TABLE.maxPerturbation()).isEqualTo(3);
    }

    @Test
    void noCountIsMovedMoreThanTheMostOrPublishedAsOneOrTwoAndEachValueIsUnbiased() {
        for (int value = 1; value <= LARGEST; value++) {
            long sum = 0;
            for (int key = 0; key < 256; key++) {
                int published = TABLE.perturbed(value, key);
                assertThat(Math.abs(published - value)).as(value + " key " + key).isLessThanOrEqualTo(3);
                assertThat(published).as(value + " key " + key).isNotIn(1, 2).isNotNegative();
                sum += published;
            }
            assertThat(sum / 256.0).as("mean of " + value).isCloseTo(value, Offset.offset(0.02));
        }
    }

    /**
     * The property the table is built for: a reader who knows the table, sees a count published before and after one
     * to four records were added (or withdrawn), and knows which, can never pin the difference nor narrow it (by the
     * audit's rule), whatever the two cell keys were; nor pin or narrow a count from its published value alone.
     */
    @Test
    void aReaderWhoKnowsTheTableCannotNarrowACountOrTheDifferenceOfTwoReleases() {
        Map<Integer, Set<Integer>> sources = new HashMap<>();
        for (int value = 0; value <= LARGEST; value++) {
            for (int key = 0; key < 256; key++) {
                sources.computeIfAbsent(TABLE.perturbed(value, key), p -> new HashSet<>()).add(value);
            }
        }
        for (int value = 1; value <= LARGEST - 10; value++) {
            for (int key = 0; key < 256; key++) {
                Set<Integer> could = sources.get(TABLE.perturbed(value, key));
                assertThat(narrow(value, min(could), max(could))).as(value + " key " + key).isFalse();
            }
        }
        for (int value = 0; value <= LARGEST - 10; value++) {
            for (int change = 1; change <= 4; change++) {
                for (int before : outputs(value)) {
                    for (int after : outputs(value + change)) {
                        long low = Math.max(0, min(sources.get(after)) - max(sources.get(before)));
                        long high = max(sources.get(after)) - min(sources.get(before));
                        assertThat(narrow(change, low, high)).as(value + " + " + change + ": " + before + " then "
                                + after).isFalse();
                        // read the other way, records withdrawn: after is published first
                        long fallLow = min(sources.get(before)) - max(sources.get(after));
                        long fallHigh = Math.min(0, max(sources.get(before)) - min(sources.get(after)));
                        assertThat(narrow(change, -fallHigh, -fallLow)).as(value + change + " - " + change + ": "
                                + after + " then " + before).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aTableThatLeavesACellKeyOutOrPublishesATwoIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Path gap = dir.resolve("gap.csv");
        Files.writeString(gap, "value,published,cell_key_from,cell_key_to\n1,0,0,100\n1,3,102,255\n2,3,0,255\n");
        assertThatThrownBy(() -> PerturbationTable.load(gap)).hasMessage("gap.csv: value 1 has no row for cell key 101");
        Path two = dir.resolve("two.csv");
        Files.writeString(two, "value,published,cell_key_from,cell_key_to\n1,2,0,255\n");
        assertThatThrownBy(() -> PerturbationTable.load(two)).hasMessageStartingWith("two.csv line 1: ");
    }

    private static Set<Integer> outputs(int value) {
        Set<Integer> outputs = new HashSet<>();
        for (int key = 0; key < 256; key++) {
            outputs.add(TABLE.perturbed(value, key));
        }
        return outputs;
    }

    private static int min(Set<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    private static int max(Set<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** The audit's rule for a true value (or difference) of {@code value}. */
    private static boolean narrow(long value, long low, long high) {
        long width = high - low;
        return value <= 4 ? width < 2 || (low >= 1 && high <= 4 && !(low == 1 && high == 4)) : width < 3;
    }
}
