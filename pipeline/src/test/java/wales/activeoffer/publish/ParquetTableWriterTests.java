package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableWriterTests {
    record Row(String code, LocalDate date, Integer n) {
    }

    private static final List<ParquetColumn<Row>> COLUMNS = List.of(ParquetColumn.string("code", Row::code),
            ParquetColumn.date("date", Row::date), ParquetColumn.int32("n", Row::n));

    @Test
    void writesTypedColumnsThatAnIndependentReaderUnderstands(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.parquet");
        try (var writer = new ParquetTableWriter<>(file.toUri(), "t", COLUMNS, new Configuration())) {
            writer.write(new Row("a", LocalDate.of(2024, 4, 3), 5));
            writer.write(new Row(null, null, null));
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rs = duck.createStatement().executeQuery(
                        "SELECT code, date, n, typeof(date), typeof(n) FROM read_parquet('" + file + "') ORDER BY code NULLS LAST")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("a");
            assertThat(rs.getString(2)).isEqualTo("2024-04-03");
            assertThat(rs.getInt(3)).isEqualTo(5);
            assertThat(rs.getString(4)).isEqualTo("DATE");
            assertThat(rs.getString(5)).isEqualTo("INTEGER");
            rs.next();
            assertThat(rs.getString(1)).isNull();
            assertThat(rs.getObject(3)).isNull();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).as("no Hadoop checksum files beside it").extracting(p -> p.getFileName().toString())
                    .containsExactly("t.parquet");
        }
    }

    @Test
    void refusesToOverwriteAnExistingFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.parquet"), "already published");
        assertThatThrownBy(() -> new ParquetTableWriter<>(file.toUri(), "t", COLUMNS, new Configuration()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("may already exist");
        assertThat(Files.readString(file)).isEqualTo("already published");
    }
}
