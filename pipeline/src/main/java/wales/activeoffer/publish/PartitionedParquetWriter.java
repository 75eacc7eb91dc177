package wales.activeoffer.publish;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes rows into a Hive-partitioned Parquet dataset ({@code key=value/.../part-0.parquet}). Rows must arrive
 * grouped by partition, so that one file is open at a time whatever the number of partitions.
 */
final class PartitionedParquetWriter<T> implements AutoCloseable {
    private final URI base;
    private final String tableName;
    private final List<ParquetColumn<T>> columns;
    private final Function<T, String> partitionOf;
    private final Configuration hadoop;
    private ParquetTableWriter<T> open;
    private String openPartition;
    private long rows;

    /** @param partitionOf the partition folder of a row, such as {@code financial_year=2024-25/region_code=gwent/} */
    PartitionedParquetWriter(URI base, String tableName, List<ParquetColumn<T>> columns, Function<T, String> partitionOf,
            Configuration hadoop) {
        this.base = base;
        this.tableName = tableName;
        this.columns = columns;
        this.partitionOf = partitionOf;
        this.hadoop = hadoop;
    }

    void write(T row) {
        String partition = partitionOf.apply(row);
        if (!partition.equals(openPartition)) {
            close();
            open = new ParquetTableWriter<>(base.resolve(partition + "part-0.parquet"), tableName, columns, hadoop);
            openPartition = partition;
        }
        open.write(row);
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
