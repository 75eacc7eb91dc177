package wales.activeoffer.normalise;

import java.util.List;
import wales.activeoffer.template.OfferRecord;

/** The result of normalising one source row: a template record (possibly flagged), or a rejection with its issues. */
public record NormalisedRow(SourceRow source, OfferRecord record, List<RowIssue> issues) {

    public boolean rejected() {
        return record == null;
    }
}
