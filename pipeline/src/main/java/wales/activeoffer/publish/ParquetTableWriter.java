package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
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
 *
 * <p>Rows go to parquet-java's record consumer straight from the columns' accessors, through a {@link WriteSupport} of
 * the row type, with no intermediate object per row.
 */
public final class ParquetTableWriter<T> implements AutoCloseable {
    /** Kept in every file's footer; raised whenever a published column changes. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_VERSION_KEY = "activeoffer.schema_version";
    private final ParquetWriter<T> writer;
    private long rows;

    public ParquetTableWriter(URI target, String tableName, List<ParquetColumn<T>> columns, Configuration hadoop) {
        MessageType schema = schema(tableName, columns);
        try {
            Path path = new Path(target);
            FileSystem fileSystem = path.getFileSystem(hadoop);
            fileSystem.setWriteChecksum(false);
            this.writer = new Builder<>(HadoopOutputFile.fromPath(path, hadoop), new ColumnsWriteSupport<>(schema,
                    List.copyOf(columns)))
                    .withConf(hadoop)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                    .withExtraMetaData(Map.of(SCHEMA_VERSION_KEY, String.valueOf(SCHEMA_VERSION)))
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
        try {
            writer.write(row);
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

    /** parquet-java's writer builder for rows of type {@code T}, written by the given support. */
    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final WriteSupport<T> support;

        Builder(OutputFile file, WriteSupport<T> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support;
        }
    }

    /** Hands each row's non-null column values to the record consumer, in column order. */
    private static final class ColumnsWriteSupport<T> extends WriteSupport<T> {
        private final MessageType schema;
        private final List<ParquetColumn<T>> columns;
        private RecordConsumer consumer;

        ColumnsWriteSupport(MessageType schema, List<ParquetColumn<T>> columns) {
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(T row) {
            consumer.startMessage();
            for (int i = 0; i < columns.size(); i++) {
                ParquetColumn<T> column = columns.get(i);
                Object value = column.value().apply(row);
                if (value == null) {
                    continue;
                }
                consumer.startField(column.name(), i);
                switch (column.kind()) {
                    case STRING -> consumer.addBinary(Binary.fromString(value.toString()));
                    case INT32 -> consumer.addInteger(((Number) value).intValue());
                    case INT64 -> consumer.addLong(((Number) value).longValue());
                    case DOUBLE -> consumer.addDouble(((Number) value).doubleValue());
                    case BOOLEAN -> consumer.addBoolean((Boolean) value);
                    case DATE -> consumer.addInteger((int) ((LocalDate) value).toEpochDay());
                }
                consumer.endField(column.name(), i);
            }
            consumer.endMessage();
        }
    }
}
