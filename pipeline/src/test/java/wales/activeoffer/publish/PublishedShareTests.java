package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedShareTests {

    @Test
    void countsTheWalesAndRegionFiguresShownAndHiddenLeavingOutAuthoritiesAndNotApplicable(@TempDir Path dir)
            throws IOException {
        // given Wales 12 shown, a region's 3 hidden and its rate not applicable, and an authority's 2 hidden
        Path csv = Files.writeString(dir.resolve("aggregates.csv"), String.join("\n",
                "measure,statistic,geography_level,geography_code,geography_name,period_type,period,eligibility_route,"
                        + "stage,category,value,note_code",
                "take_up,offers,wales,W92000004,Wales,financial_year,2024-25,all,,,12,",
                "take_up,offers,region,gwent,Gwent,financial_year,2024-25,all,,,,[c]",
                "take_up,take_up_rate,region,gwent,Gwent,financial_year,2024-25,all,,,,[z]",
                "take_up,offers,authority,W06000022,Newport,financial_year,2024-25,all,,,,[c]", ""));

        // when the share is worked out, then 1 of 2 is shown
        PublishedShare share = PublishedShare.of(csv);
        assertThat(share).isEqualTo(new PublishedShare(1, 1));
        assertThat(share.describe()).isEqualTo("1 of 2 Wales and region figures (50.0%)");
    }
}
