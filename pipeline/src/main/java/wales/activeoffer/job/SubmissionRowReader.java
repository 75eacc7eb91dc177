package wales.activeoffer.job;

import java.io.IOException;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.read.SourceRows;
import wales.activeoffer.read.UnreadableFileException;

/**
 * Streams the data rows of one recognised file as {@link SourceRow}s. Remembers how far it got, so a restarted step
 * resumes after the last committed row. A file that breaks part-way is marked unreadable in the step context rather
 * than failing the run.
 */
class SubmissionRowReader implements ItemStreamReader<SourceRow> {
    private static final String ROWS_CONSUMED = "reader.rowsConsumed";
    private final MappingCatalogue catalogue;
    private ExecutionContext stepContext;
    private SourceRows rows;

    SubmissionRowReader(MappingCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) {
        this.stepContext = context;
        if (!context.containsKey(FileIngestListener.MAPPING_ID) || context.containsKey(FileIngestListener.UNREADABLE_RULE)) {
            return;
        }
        SourceMapping mapping = catalogue.byId(context.getString(FileIngestListener.MAPPING_ID)).orElseThrow();
        try {
            rows = SourceRows.open(FileIngestListener.inboxFile(context).path(), mapping,
                    context.getInt(FileIngestListener.HEADER_ROW),
                    (Map<Integer, String>) context.get(FileIngestListener.COLUMNS), context.getInt(ROWS_CONSUMED, 0));
        } catch (UnreadableFileException e) {
            markUnreadable(e, 0);
        }
    }

    @Override
    public SourceRow read() {
        if (rows == null) {
            return null;
        }
        try {
            return rows.next();
        } catch (UnreadableFileException e) {
            markUnreadable(e, rows.rowsConsumed());
            return null;
        }
    }

    private void markUnreadable(UnreadableFileException e, int rowsConsumed) {
        stepContext.putString(FileIngestListener.UNREADABLE_RULE, e.ruleId());
        stepContext.putString(FileIngestListener.UNREADABLE_DETAIL,
                "reading stopped after " + rowsConsumed + " rows: " + e.getMessage());
        close();
    }

    @Override
    public void update(ExecutionContext context) {
        if (rows != null) {
            context.putInt(ROWS_CONSUMED, rows.rowsConsumed());
        }
    }

    @Override
    public void close() {
        if (rows == null) {
            return;
        }
        try {
            rows.close();
        } catch (IOException e) {
            throw new ItemStreamException("Cannot close source file", e);
        } finally {
            rows = null;
        }
    }
}
