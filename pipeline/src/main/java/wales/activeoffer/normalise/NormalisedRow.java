package wales.activeoffer.normalise;

import java.util.List;
import java.util.Map;
import wales.activeoffer.template.OfferRecord;

/**
 * The result of normalising one source row: a template record (possibly flagged), or a rejection with its issues.
 *
 * @param templateVersion the version of the recording template the row was read under
 * @param storedValues a rejected row's cells as they may be kept in the store: as sent, except identifiers (replaced
 *                     by their keyed hash, {@code key:...}) and the date of birth (withheld); empty for a record, which
 *                     is kept as the record itself
 */
public record NormalisedRow(SourceRow source, OfferRecord record, List<RowIssue> issues,
        Map<String, String> storedValues, int templateVersion) {

    public boolean rejected() {
        return record == null;
    }
}
