package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes one Parquet file through the Hadoop FileSystem API, so the same code reaches {@code file://},
 * {@code hdfs://} and {@code s3a://}. Refuses to overwrite: an existing file is an error, never replaced.
 *
 * <p>The same rows always give the same bytes: parquet-java records each column chunk's encodings as a hash set whose
 * order changes from one JVM to the next, so every column is kept to a single encoding (format 2.0 data pages, no
 * dictionary), which makes a restarted run's release identical to an uninterrupted one.
 */
public final class ParquetTableWriter<T> implements AutoCloseable {
    /** Kept in every file's footer; raised whenever a published column changes. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_VERSION_KEY = "activeoffer.schema_version";
    private final List<ParquetColumn<T>> columns;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;
    private long rows;

    public ParquetTableWriter(URI target, String tableName, List<ParquetColumn<T>> columns, Configuration hadoop) {
        this.columns = List.copyOf(columns);
        MessageType schema = schema(tableName, columns);
        this.groups = new SimpleGroupFactory(schema);
        try {
            Path path = new Path(target);
            FileSystem fileSystem = path.getFileSystem(hadoop);
            fileSystem.setWriteChecksum(false);
            this.writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(path, hadoop))
                    .withType(schema)
                    .withConf(hadoop)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                    .withExtraMetaData(java.util.Map.of(SCHEMA_VERSION_KEY, String.valueOf(SCHEMA_VERSION)))
                    .withDictionaryEncoding(false)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Parquet file " + target + " (it may already exist)", e);
        }
    }

    static <T> MessageType schema(String tableName, List<ParquetColumn<T>> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (ParquetColumn<T> column : columns) {
            switch (column.kind()) {
                case STRING -> message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(column.name());
                case INT32 -> message.optional(PrimitiveTypeName.INT32).named(column.name());
                case INT64 -> message.optional(PrimitiveTypeName.INT64).named(column.name());
                case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(column.name());
                case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
                case DATE -> message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType())
                        .named(column.name());
            }
        }
        return message.named(tableName);
    }

    public void write(T row) {
        Group group = groups.newGroup();
        for (ParquetColumn<T> column : columns) {
            Object value = column.value().apply(row);
            if (value == null) {
                continue;
            }
            switch (column.kind()) {
                case STRING -> group.append(column.name(), value.toString());
                case INT32 -> group.append(column.name(), ((Number) value).intValue());
                case INT64 -> group.append(column.name(), ((Number) value).longValue());
                case DOUBLE -> group.append(column.name(), ((Number) value).doubleValue());
                case BOOLEAN -> group.append(column.name(), (Boolean) value);
                case DATE -> group.append(column.name(), (int) ((LocalDate) value).toEpochDay());
            }
        }
        try {
            writer.write(group);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Parquet row", e);
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish Parquet file", e);
        }
    }
}
