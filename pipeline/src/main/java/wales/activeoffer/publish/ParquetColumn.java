package wales.activeoffer.publish;

import java.util.function.Function;

/** One column of a Parquet table: its name, its physical and logical type, and how to take its value from a row. */
public record ParquetColumn<T>(String name, Kind kind, Function<T, Object> value) {

    /** The column types the published tables use. */
    public enum Kind {
        STRING, INT32, INT64, DOUBLE, BOOLEAN, DATE
    }

    public static <T> ParquetColumn<T> string(String name, Function<T, Object> value) {
        return new ParquetColumn<>(name, Kind.STRING, value);
    }

    public static <T> ParquetColumn<T> int32(String name, Function<T, Object> value) {
        return new ParquetColumn<>(name, Kind.INT32, value);
    }

    public static <T> ParquetColumn<T> int64(String name, Function<T, Object> value) {
        return new ParquetColumn<>(name, Kind.INT64, value);
    }

    public static <T> ParquetColumn<T> decimal(String name, Function<T, Object> value) {
        return new ParquetColumn<>(name, Kind.DOUBLE, value);
    }

    public static <T> ParquetColumn<T> bool(String name, Function<T, Object> value) {
        return new ParquetColumn<>(name, Kind.BOOLEAN, value);
    }

    public static <T> ParquetColumn<T> date(String name, Function<T, Object> value) {
        return new ParquetColumn<>(name, Kind.DATE, value);
    }
}
