package wales.activeoffer.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The line of every key in a YAML file, by its dotted path ({@code columns.child_id}), so that a problem found after
 * binding can still be reported at the line a person edits.
 */
final class YamlLines {
    private final Map<String, Integer> lineByPath = new HashMap<>();

    YamlLines(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Compose(LoadSettings.builder().build()).composeReader(reader).ifPresent(root -> walk(root, ""));
        } catch (IOException | RuntimeException e) {
            // an unparsable file is reported by the binder with its own line number
        }
    }

    private void walk(Node node, String prefix) {
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                String path = prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue();
                key.getStartMark().ifPresent(mark -> lineByPath.put(path, mark.getLine() + 1));
                walk(tuple.getValueNode(), path);
            }
        }
    }

    /** The line of exactly the key at {@code path}, if the file has it. */
    Optional<Integer> lineOf(String path) {
        return Optional.ofNullable(lineByPath.get(path));
    }

    /** The line of the key at {@code path}, or of its nearest parent that is in the file; 1 if none is. */
    int line(String path) {
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Integer line = lineByPath.get(p);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }
}
