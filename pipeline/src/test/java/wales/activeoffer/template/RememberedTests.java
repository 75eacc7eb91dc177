package wales.activeoffer.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberedTests {

    @Test
    void aTextIsReadOnceWhileThereIsRoomAndEveryTimeOnceTheRoomIsFull() {
        // given a reading that notes each text it is asked to read, with room for two texts
        List<String> readings = new ArrayList<>();
        Remembered<Integer> lengths = new Remembered<>(2, text -> {
            readings.add(text);
            return text.length();
        });
        // when three texts are asked for six times
        List<Integer> answers = List.of("Yes", "No", "Yes", "Maybe", "Maybe", "No").stream().map(lengths::of).toList();
        // then every answer is right, the first two texts were read once each, and the third every time
        assertThat(answers).containsExactly(3, 2, 3, 5, 5, 2);
        assertThat(readings).containsExactly("Yes", "No", "Maybe", "Maybe");
    }
}
