package wales.activeoffer.aggregate;

import java.util.List;

/**
 * A published count that is the sum of other published counts: all routes of its route counts, Wales of its regions, a
 * region of its authorities, a financial year of its quarters, a stage's refusals of their reasons, offers of their
 * referral sources, the response times measured of those within and beyond the target, and the meetings held of those
 * where advocacy was taken up and those where the child declined or took time to think. A part that is not published
 * is zero.
 */
public record SumRelation(CountKey total, List<CountKey> parts) {
}
