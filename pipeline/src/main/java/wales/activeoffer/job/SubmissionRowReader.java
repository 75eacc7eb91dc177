package wales.activeoffer.job;

import wales.activeoffer.mapping.SourceMapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import wales.activeoffer.inbox.FilePreparation;
import wales.activeoffer.inbox.RowChecks;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.read.SourceRecords;
import wales.activeoffer.read.UnreadableFileException;

/**
 * Streams the offers of one recognised file as {@link SourceRow}s, in the one pass that checks and stores them.
 * Remembers how many it has handed on, so a restarted step resumes after the last committed one. A file that breaks
 * part-way, or fails the whole-file checks ({@link RowChecks}), is marked in the step context to be refused whole
 * rather than failing the run; what was passed over is left there as notes for the receipt.
 */
class SubmissionRowReader implements ItemStreamReader<SourceRow> {
    private static final String EMITTED = "reader.emitted";
    private final MappingCatalogue catalogue;
    private final HeaderMatcher matcher;
    private final FilePreparation preparation;
    private ExecutionContext stepContext;
    private SourceRecords records;
    private RowChecks checks;
    private int emitted;

    SubmissionRowReader(MappingCatalogue catalogue, HeaderMatcher matcher, FilePreparation preparation) {
        this.preparation = preparation;
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
        SourceMapping mapping = catalogue.byId(context.getString(FileIngestListener.MAPPING_ID)).orElseThrow();
        checks = preparation.rowChecks(FileIngestListener.inboxFile(context), emitted, mapping.language());
        try {
            records = SourceRecords.open(FileIngestListener.inboxFile(context).readable(), mapping, matcher,
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
                return null;
            }
            checks.check(row, records);
            emitted++;
            return row;
        } catch (UnreadableFileException e) {
            markUnreadable(e);
            return null;
        }
    }

    /** The file is refused whole, with the reader's reason; what was stored of it is discarded when it closes. */
    private void markUnreadable(UnreadableFileException e) {
        stepContext.putString(FileIngestListener.UNREADABLE_RULE, e.ruleId());
        stepContext.putString(FileIngestListener.UNREADABLE_DETAIL, e.getMessage());
        stepContext.putString(FileIngestListener.REFUSED_WHOLE, "true");
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
