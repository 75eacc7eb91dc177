package wales.activeoffer.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import wales.activeoffer.support.RepoPaths;

class CodeListTests {
    private final RecordingTemplate template = RepoPaths.template();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Yes|yes", "Y|yes", "Do|yes", "do|yes", " DO |yes", "1|yes", "✓|yes", "☒|yes", "☑|yes", "X|yes",
        "No|no", "N|no", "Naddo|no", "Na|no", "0|no", "☐|no"})
    void yesAndNoInEnglishWelshTicksAndNumbers(String raw, String code) {
        assertThat(template.codeList("yes_no").lookup(raw)).contains(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Looked after|looked_after", "LAC|looked_after", "derbyn gofal|looked_after",
        "CP|child_protection", "Amddiffyn plant|child_protection", "C&S|care_and_support",
        "Gofal a chymorth|care_and_support", "care_and_support|care_and_support"})
    void eligibilityRoutesByCodeLabelOrSynonym(String raw, String code) {
        assertThat(template.codeList("eligibility_route").lookup(raw)).contains(code);
    }

    @Test
    void everyCodeHasEnglishAndWelshLabels() {
        template.codeLists().forEach((list, codes) -> codes.forEach(code -> {
            assertThat(code.en()).as(list + "." + code.code() + " en").isNotBlank();
            assertThat(code.cy()).as(list + "." + code.code() + " cy").isNotBlank();
        }));
    }

    @Test
    void aMappingCanAddSpellingsForExistingCodesOnly() {
        CodeList withExtra = template.codeList("offer_response", Map.of("accepted_meeting", List.of("AO meeting agreed")));
        assertThat(withExtra.lookup("ao meeting agreed")).contains("accepted_meeting");
        assertThatThrownBy(() -> template.codeList("offer_response", Map.of("maybe", List.of("Perhaps"))))
                .hasMessageContaining("has no code 'maybe'");
    }

    @Test
    void unknownValuesAreNotGuessed() {
        assertThat(template.codeList("referral_source").lookup("advocacy helpline")).isEmpty();
    }
}
