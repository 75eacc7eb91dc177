package wales.activeoffer.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code examples of the README, as a reader copies them: every fenced block in SQL, Python or R, with its language
 * and its text. The paths they read ({@code work/...}) are relative to where the quick start ran.
 */
public final class ReadmeExamples {
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(sql|python|r)\\n(.*?)^```");
    private static final Pattern PATH = Pattern.compile("work/[A-Za-z0-9_./-]+");

    /** One example: its language ({@code sql}, {@code python}, {@code r}) and its code. */
    public record Example(String language, String code) {
        /** Every {@code work/...} path the example reads. */
        public List<String> paths() {
            List<String> paths = new ArrayList<>();
            Matcher m = PATH.matcher(code);
            while (m.find()) {
                paths.add(m.group().replaceAll("[/.*]+$", ""));
            }
            return paths;
        }
    }

    private ReadmeExamples() {
    }

    public static List<Example> all() throws IOException {
        String readme = Files.readString(RepoPaths.root().resolve("README.md"));
        List<Example> examples = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            examples.add(new Example(m.group(1), m.group(2)));
        }
        return examples;
    }

    /** The example's code with its {@code work/} paths pointing into the given work root. */
    public static String at(Example example, Path workRoot) {
        return example.code().replace("'work/", "'" + workRoot + "/").replace("\"work/", "\"" + workRoot + "/");
    }
}
