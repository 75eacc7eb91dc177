package wales.activeoffer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildKeySourceTests {
    private static final Set<String> NONE = Set.of();
    private static final Set<String> SAMPLE = Set.of("sample");

    @Test
    void noKeyAtAllRefusesToStartAndNamesTheSetting() {
        assertThatThrownBy(() -> ChildKeySource.secret(new PipelineProperties.ChildKey(null, null, false), NONE))
                .hasMessageContaining("No child key is configured").hasMessageContaining("activeoffer.child-key.file")
                .hasMessageContaining("ACTIVEOFFER_CHILDKEY_FILE");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> ChildKeySource.secret(new PipelineProperties.ChildKey(null, "too short", false), NONE))
                .hasMessageContaining("activeoffer.child-key.secret").hasMessageContaining("at least 32 bytes");
    }

    @Test
    void theKeyFileIsReadWithoutItsTrailingNewline(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("child-key");
        Files.writeString(file, "0123456789abcdef0123456789abcdef\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(ChildKeySource.secret(new PipelineProperties.ChildKey(file, null, false), NONE))
                .isEqualTo("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKeyFileOtherUsersCanReadIsRefusedInOnePlainLine(@TempDir Path dir) throws IOException {
        // given a key file left readable by everyone, as a umask of 022 leaves it
        Path file = dir.resolve("child-key");
        Files.writeString(file, "0123456789abcdef0123456789abcdef\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        // then the pipeline refuses it, saying how to fix it
        assertThatThrownBy(() -> ChildKeySource.secret(new PipelineProperties.ChildKey(file, null, false), NONE))
                .hasMessage("The child key file given by activeoffer.child-key.file (" + file + ") can be read or "
                        + "changed by other users (rw-r--r--); make it the service account's alone: chmod 400 " + file);
    }

    @Test
    void aKeyOfOneCharacterRepeatedIsRefusedAsTooEasyToGuess() {
        assertThatThrownBy(() -> ChildKeySource.secret(new PipelineProperties.ChildKey(null, "0".repeat(32), false),
                NONE)).hasMessage("The child key given by activeoffer.child-key.secret has only 1 different "
                        + "character(s), so it is easy to guess; make a new one (head -c 48 /dev/urandom | base64) and "
                        + "keep it in the key file.");
        assertThatThrownBy(() -> ChildKeySource.secret(new PipelineProperties.ChildKey(null, "abcabcabc".repeat(4),
                false), NONE)).hasMessageContaining("has only 3 different character(s)");
    }

    @Test
    void aMissingKeyFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> ChildKeySource.secret(new PipelineProperties.ChildKey(missing, null, false), NONE))
                .hasMessageContaining("activeoffer.child-key.file").hasMessageContaining(missing.toString());
    }

    @Test
    void theDemoKeyIsUsedOnlyForTheSampleProfileAndWhenNothingElseIsGiven() {
        assertThat(ChildKeySource.secret(new PipelineProperties.ChildKey(null, null, true), SAMPLE))
                .isEqualTo(ChildKeySource.DEMO_SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(ChildKeySource.secret(new PipelineProperties.ChildKey(null, "a real secret that is long enough!!", true),
                SAMPLE)).isNotEqualTo(ChildKeySource.DEMO_SECRET.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void productionRefusesTheDemoKeyHoweverItIsGiven() {
        assertThatThrownBy(() -> ChildKeySource.secret(new PipelineProperties.ChildKey(null, null, true), NONE))
                .hasMessageContaining("demo child key").hasMessageContaining("refused");
        assertThatThrownBy(() -> ChildKeySource.secret(
                new PipelineProperties.ChildKey(null, ChildKeySource.DEMO_SECRET, false), Set.of("prod")))
                .hasMessageContaining("demo child key");
    }
}
