package wales.activeoffer.read;

import wales.activeoffer.mapping.HeaderMatch;

/** The mapping a file was recognised by, and where its heading row is. */
public record DetectedLayout(HeaderMatch header, int headerRowNumber, String sourceDescription) {
}
