package wales.activeoffer.aggregate;

/**
 * One count of a base cell (an authority's quarter on one eligibility route) that a published count adds up.
 *
 * @param value   the true count
 * @param cellKey the sum of its records' keys modulo 256
 */
public record BaseCount(int value, int cellKey) {
}
