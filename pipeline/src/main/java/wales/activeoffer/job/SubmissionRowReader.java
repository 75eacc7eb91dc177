package wales.activeoffer.job;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.read.RawRow;
import wales.activeoffer.read.TabularSource;
import wales.activeoffer.read.TabularSources;
import wales.activeoffer.read.UnreadableFileException;

/**
 * Streams the data rows of one recognised file as {@link SourceRow}s: the rows below the heading row, blank rows
 * skipped. Remembers how far it got, so a restarted step resumes after the last committed row. A file that breaks
 * part-way is marked unreadable in the step context rather than failing the run.
 */
class SubmissionRowReader implements ItemStreamReader<SourceRow> {
    private static final String ROWS_CONSUMED = "reader.rowsConsumed";
    private final MappingCatalogue catalogue;
    private ExecutionContext stepContext;
    private TabularSource source;
    private Map<Integer, String> fieldByColumn;
    private int rowsConsumed;

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
        fieldByColumn = (Map<Integer, String>) context.get(FileIngestListener.COLUMNS);
        try {
            source = TabularSources.open(FileIngestListener.inboxFile(context).path(), mapping);
            int headerRow = context.getInt(FileIngestListener.HEADER_ROW);
            RawRow row;
            do {
                row = source.next();
            } while (row != null && row.rowNumber() < headerRow);
            int alreadyRead = context.getInt(ROWS_CONSUMED, 0);
            for (int i = 0; i < alreadyRead; i++) {
                source.next();
            }
            rowsConsumed = alreadyRead;
        } catch (UnreadableFileException e) {
            markUnreadable(e);
        }
    }

    @Override
    public SourceRow read() {
        if (source == null) {
            return null;
        }
        try {
            RawRow row;
            do {
                row = source.next();
                if (row != null) {
                    rowsConsumed++;
                }
            } while (row != null && row.isBlank());
            return row == null ? null : toSourceRow(row);
        } catch (UnreadableFileException e) {
            markUnreadable(e);
            return null;
        }
    }

    private SourceRow toSourceRow(RawRow row) {
        Map<String, String> values = new HashMap<>();
        fieldByColumn.forEach((column, field) -> values.put(field, row.cell(column)));
        return new SourceRow(row.sheet(), row.rowNumber(), values);
    }

    private void markUnreadable(UnreadableFileException e) {
        stepContext.putString(FileIngestListener.UNREADABLE_RULE, e.ruleId());
        stepContext.putString(FileIngestListener.UNREADABLE_DETAIL,
                "reading stopped after " + rowsConsumed + " data rows: " + e.getMessage());
        closeSource();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(ROWS_CONSUMED, rowsConsumed);
    }

    @Override
    public void close() {
        closeSource();
    }

    private void closeSource() {
        if (source == null) {
            return;
        }
        try {
            source.close();
        } catch (IOException e) {
            throw new ItemStreamException("Cannot close source file", e);
        } finally {
            source = null;
        }
    }
}
