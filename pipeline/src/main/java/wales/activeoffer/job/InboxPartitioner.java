package wales.activeoffer.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.InboxFile;

/**
 * One partition, and so one step execution with its own restart state, for each file waiting in the inbox. A
 * partition is named after its file, so that a restarted run finds the step execution (and the progress) of a file it
 * was part-way through, and skips the files it had finished.
 */
final class InboxPartitioner implements Partitioner {
    static final String REGION = "file.region";
    static final String PATH = "file.path";
    static final String SUB_FOLDER = "file.subFolder";
    static final String TOTAL = "file.total";

    private static final int MAX_NAME = 80;
    private final List<InboxFile> files;

    InboxPartitioner(List<InboxFile> files) {
        this.files = files;
    }

    /** {@code region/[authority folder/]file name}, shortened with a hash of the full name to fit the job repository. */
    static String partitionName(InboxFile file) {
        String name = file.regionCode() + "/" + (file.subFolder() == null ? "" : file.subFolder() + "/") + file.fileName();
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = FileArchive.sha256Of(name).substring(0, 12);
        return name.substring(0, MAX_NAME - 13) + "~" + hash;
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
            partitions.put(partitionName(files.get(i)), context);
        }
        return partitions;
    }
}
