package wales.activeoffer.mapping;

import java.nio.file.Path;

/** One thing wrong with a mapping file: where it is (file, line, key) and what is wrong. */
public record MappingProblem(Path file, int line, String key, String problem) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + key + ": " + problem;
    }
}
