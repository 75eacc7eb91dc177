package wales.activeoffer.inbox;

import java.util.Map;
import wales.activeoffer.read.DetectedLayout;

/**
 * A file recognised and checked, ready to be read.
 *
 * @param fileValues values taken from the file name or folder rather than the rows (the authority, when the mapping
 *                   says so)
 * @param period     the period the file name gives, if the mapping's pattern has one
 */
public record PreparedFile(DetectedLayout layout, Map<String, String> fileValues, String period) {
}
