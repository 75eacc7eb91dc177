package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.MeasureAccumulator;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.template.OfferRecord;

class PublicationLabelsTests {
    private final PublicationLabels labels = PublicationLabels.load(
            RepoPaths.mappings().resolve("reference").resolve(PublicationLabels.FILE_NAME), RepoPaths.template(),
            RepoPaths.reference());

    private static OfferRecord offer(String response, String outcome, String reason, String stage, String source) {
        return new OfferRecord("W06000015", "cardiff-and-vale", "p", "k", null, "looked_after", null, null,
                LocalDate.of(2024, 5, 1), null, null, null, response, outcome, reason, stage, source, null, null, 10,
                null, null, null, "2024-25", "2024-25 Q1", 2, 6, false);
    }

    private List<AggregateRow> everyKindOfRow() {
        MeasureAccumulator measures = new MeasureAccumulator((level, code) -> code, 10);
        measures.add(offer("accepted_meeting", "took_up", null, null, "iro"));
        measures.add(offer("accepted_meeting", "time_to_think", "not_at_the_moment", "meeting", "self"));
        measures.add(offer("declined", null, "prefers_informal", "offer", null));
        measures.add(offer("declined", null, "not_recorded", "offer", "social_worker"));
        return measures.rows();
    }

    @Test
    void everyRowIsDescribedInWordsInBothLanguagesNeverByItsCodes() {
        // given a row of every statistic, stage, reason, source, interval and route that records can produce
        List<AggregateRow> rows = everyKindOfRow();

        // then no description falls back to a code (codes have underscores; words do not)
        assertThat(rows).allSatisfy(row -> {
            PublicationLabels.Label described = labels.describe(row);
            assertThat(described.en()).as(row.toString()).doesNotContain("_");
            assertThat(described.cy()).as(row.toString()).doesNotContain("_");
        });
    }

    @Test
    void aRowIsDescribedByItsStatisticStageCategoryAndRoute() {
        AggregateRow refusal = everyKindOfRow().stream().filter(r -> "prefers_informal".equals(r.category())
                && r.statistic().equals("count") && r.cell().route().equals("looked_after")).findFirst().orElseThrow();

        assertThat(labels.describe(refusal)).isEqualTo(new PublicationLabels.Label(
                "Number; Refused at the offer; Prefers informal advocacy (family, friends); Looked after (Part 6)",
                "Nifer; Gwrthod wrth gynnig; Gwell ganddo eiriolaeth anffurfiol (teulu, ffrindiau); "
                        + "Derbyn gofal (Rhan 6)"));
        assertThat(labels.geography("cardiff-and-vale").cy()).isEqualTo("Caerdydd a'r Fro");
        assertThat(labels.geography(MeasureAccumulator.WALES_CODE).cy()).isEqualTo("Cymru");
    }

    @Test
    void aLabelWithoutItsWelshIsRefusedNamingTheFileAndLine(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(PublicationLabels.FILE_NAME);
        Files.writeString(file, "kind,code,en,cy\nstatistic,offers,Offers,Cynigion\nstatistic,n,Number,\n");

        assertThatThrownBy(() -> PublicationLabels.load(file, RepoPaths.template(), RepoPaths.reference()))
                .hasMessage(file + ":3: the label for statistic 'n' needs both English (en) and Welsh (cy)");
    }
}
