package wales.activeoffer.reference;

/** Where an authority sat on a given date: its region and that region's provider. */
public record Placement(Region region, Provider provider) {
}
