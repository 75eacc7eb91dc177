package wales.activeoffer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextDialectTests {
    private static final String TEXT = "Awdurdod,Côd plentyn\nYnys Môn,GW1\nCaerdydd,GW2\n";

    private static Path write(Path dir, byte[] bytes) throws IOException {
        return Files.write(dir.resolve("f.csv"), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void utf8WithAndWithoutByteOrderMark(@TempDir Path dir) throws IOException {
        TextDialect plain = TextDialect.detect(write(dir, TEXT.getBytes(StandardCharsets.UTF_8)), "auto", "auto");
        assertThat(plain.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(plain.describe()).contains("UTF-8 (detected)");
        TextDialect bom = TextDialect.detect(write(dir, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                TEXT.getBytes(StandardCharsets.UTF_8))), "auto", "auto");
        assertThat(bom.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(bom.bomLength()).isEqualTo(3);
    }

    @Test
    void windows1252WhenTheBytesAreNotUtf8(@TempDir Path dir) throws IOException {
        TextDialect dialect = TextDialect.detect(write(dir, TEXT.getBytes(Charset.forName("windows-1252"))), "auto",
                "auto");
        assertThat(dialect.charset().name()).isEqualTo("windows-1252");
    }

    @Test
    void utf16WithAByteOrderMarkOrWithout(@TempDir Path dir) throws IOException {
        assertThat(TextDialect.detect(write(dir, TEXT.getBytes(StandardCharsets.UTF_16)), "auto", "auto").charset())
                .isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(TextDialect.detect(write(dir, TEXT.getBytes(StandardCharsets.UTF_16LE)), "auto", "auto").charset())
                .isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(TextDialect.detect(write(dir, TEXT.getBytes(StandardCharsets.UTF_16BE)), "auto", "auto").charset())
                .isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void everyDetectedEncodingReadsTheSameText(@TempDir Path dir) throws IOException {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, Charset.forName("windows-1252")}) {
            Path file = write(dir, TEXT.getBytes(charset));
            try (CsvTabularSource source = new CsvTabularSource(file, TextDialect.detect(file, "auto", "auto"))) {
                assertThat(source.next().cells()).as(charset.name()).containsExactly("Awdurdod", "Côd plentyn");
                assertThat(source.next().cells()).as(charset.name()).containsExactly("Ynys Môn", "GW1");
            }
        }
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("a,b,c\n1,2,3\n", ','),
                Arguments.of("a;b;c\n1;2;3\n", ';'),
                Arguments.of("a\tb\tc\n1\t2\t3\n", '\t'),
                Arguments.of("a|b|c\n1|2|3\n", '|'),
                Arguments.of("\"x;y\",b\n\"1;2\",3\n", ','),
                Arguments.of("title only\na;b\n1;2\n3;4\n", ';'));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theDelimiterThatSplitsTheLinesConsistently(String sample, char expected) {
        assertThat(TextDialect.sniffDelimiter(sample)).isEqualTo(expected);
    }
}
