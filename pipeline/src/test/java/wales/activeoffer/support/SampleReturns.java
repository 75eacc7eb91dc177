package wales.activeoffer.support;

import java.nio.file.Path;

/** Two real returns of the sample inbox, one Gwent authority's 2024-25 each, for tests that build small inboxes. */
public final class SampleReturns {
    public static final Path GWENT = RepoPaths.sampleData().resolve("inbox/gwent");
    /** Newport's 2024-25 export: 220 offers, none rejected. */
    public static final String NEWPORT = "WCCIS_ActiveOffer_W06000022_2024-25.csv";
    /** Torfaen's 2024-25 export. */
    public static final String TORFAEN = "WCCIS_ActiveOffer_W06000020_2024-25.csv";

    private SampleReturns() {
    }
}
