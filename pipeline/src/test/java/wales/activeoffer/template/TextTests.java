package wales.activeoffer.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

    @Test
    void caseSpacingPunctuationAndApostrophesDoNotMatter() {
        assertThat(Text.fold("  Child's  Response ")).isEqualTo("childs response");
        assertThat(Text.fold("Child\u2019s response")).isEqualTo("childs response");
        assertThat(Text.fold("Date_of-birth (DOB)?")).isEqualTo("date of birth dob");
        assertThat(Text.fold("Route \u2013 offer / outcome")).isEqualTo("route offer outcome");
        assertThat(Text.fold("a'-b")).isEqualTo("a b");
        assertThat(Text.fold("Do")).isEqualTo("do");
    }

    @Test
    void textOfOnlyPunctuationIsKeptAsItIsAndNothingIsEmpty() {
        assertThat(Text.fold(" -- ")).isEqualTo("--");
        assertThat(Text.fold("'")).isEqualTo("'");
        assertThat(Text.fold(null)).isEmpty();
        assertThat(Text.fold("")).isEmpty();
    }
}
