package wales.activeoffer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import wales.activeoffer.support.RepoPaths;

class HeaderMatcherTests {
    private final HeaderMatcher matcher = new HeaderMatcher(RepoPaths.template());
    private final SourceMapping nyas = RepoPaths.catalogue().byId("nyas-referrals-csv").orElseThrow();

    @Test
    void headingsMatchWhateverTheCaseSpacingAndPunctuation() {
        List<String> row = List.of("LOCAL AUTHORITY", " young person id ", "Offer-date", "Legal status",
                "Childs response", "Unrelated column");
        HeaderMatch match = matcher.match(nyas, row).orElseThrow();
        assertThat(match.fieldByColumn()).containsEntry(0, "authority").containsEntry(1, "child_id")
                .containsEntry(2, "date_offer").containsEntry(3, "eligibility_route").containsEntry(4, "offer_response")
                .doesNotContainKey(5);
        assertThat(match.missingFields()).contains("date_meeting", "gender");
    }

    @Test
    void aRowWithoutEveryRequiredHeadingIsNotTheHeadingRow() {
        assertThat(matcher.match(nyas, List.of("Local authority", "Young person ID", "Offer date"))).isEmpty();
        assertThat(matcher.match(nyas, List.of("NYAS Cymru referrals log 2024-25"))).isEmpty();
    }
}
