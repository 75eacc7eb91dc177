package wales.activeoffer.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.read.SourceRecords;
import wales.activeoffer.read.UnreadableFileException;

/**
 * Streams the offers of one recognised file as {@link SourceRow}s. Remembers how many it has handed on, so a
 * restarted step resumes after the last committed one. A file that breaks part-way is marked unreadable in the step
 * context rather than failing the run; what was passed over is left there as notes for the receipt.
 */
class SubmissionRowReader implements ItemStreamReader<SourceRow> {
    private static final String EMITTED = "reader.emitted";
    private final MappingCatalogue catalogue;
    private final HeaderMatcher matcher;
    private ExecutionContext stepContext;
    private SourceRecords records;
    private int emitted;

    SubmissionRowReader(MappingCatalogue catalogue, HeaderMatcher matcher) {
        this.catalogue = catalogue;
        this.matcher = matcher;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) {
        this.stepContext = context;
        if (!context.containsKey(FileIngestListener.MAPPING_ID) || context.containsKey(FileIngestListener.UNREADABLE_RULE)
                || context.containsKey(FileIngestListener.CLOSED)) {
            return;
        }
        emitted = context.getInt(EMITTED, 0);
        try {
            records = SourceRecords.open(FileIngestListener.inboxFile(context).readable(),
                    catalogue.byId(context.getString(FileIngestListener.MAPPING_ID)).orElseThrow(), matcher,
                    (Map<String, String>) context.get(FileIngestListener.FILE_VALUES), emitted);
        } catch (UnreadableFileException e) {
            markUnreadable(e);
        }
    }

    @Override
    public SourceRow read() {
        if (records == null) {
            return null;
        }
        try {
            SourceRow row = records.next();
            if (row == null) {
                stepContext.put(FileIngestListener.NOTES, new ArrayList<>(records.notes()));
            } else {
                emitted++;
            }
            return row;
        } catch (UnreadableFileException e) {
            markUnreadable(e);
            return null;
        }
    }

    private void markUnreadable(UnreadableFileException e) {
        stepContext.putString(FileIngestListener.UNREADABLE_RULE, e.ruleId());
        stepContext.putString(FileIngestListener.UNREADABLE_DETAIL,
                "reading stopped after " + emitted + " rows: " + e.getMessage());
        close();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(EMITTED, emitted);
    }

    @Override
    public void close() {
        if (records == null) {
            return;
        }
        try {
            records.close();
        } catch (IOException e) {
            throw new ItemStreamException("Cannot close source file", e);
        } finally {
            records = null;
        }
    }
}
