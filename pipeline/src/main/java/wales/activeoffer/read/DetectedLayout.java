package wales.activeoffer.read;

import wales.activeoffer.mapping.SourceMapping;

/**
 * The mapping a file was recognised by.
 *
 * @param score             how many of the mapping's columns (or form labels) were found
 * @param sourceDescription what the reader detected (encoding, delimiter, sheets), kept as lineage
 */
public record DetectedLayout(SourceMapping mapping, int score, String sourceDescription) {
}
