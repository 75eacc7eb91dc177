package wales.activeoffer.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import wales.activeoffer.inbox.InboxFile;

/** One partition, and so one step execution with its own restart state, for each file waiting in the inbox. */
final class InboxPartitioner implements Partitioner {
    static final String REGION = "file.region";
    static final String PATH = "file.path";
    static final String SUB_FOLDER = "file.subFolder";
    static final String TOTAL = "file.total";

    private final List<InboxFile> files;

    InboxPartitioner(List<InboxFile> files) {
        this.files = files;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(REGION, files.get(i).regionCode());
            context.putString(PATH, files.get(i).path().toString());
            if (files.get(i).subFolder() != null) {
                context.putString(SUB_FOLDER, files.get(i).subFolder());
            }
            context.putInt(TOTAL, files.size());
            partitions.put(String.format("file%05d", i + 1), context);
        }
        return partitions;
    }
}
