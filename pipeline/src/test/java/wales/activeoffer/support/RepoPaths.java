package wales.activeoffer.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.template.RecordingTemplate;

/** Finds the repository's data folders whatever directory the tests run from. */
public final class RepoPaths {
    private RepoPaths() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("mappings").resolve("template"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root (a folder with mappings/template)");
        }
        return dir;
    }

    public static Path mappings() {
        return root().resolve("mappings");
    }

    public static Path sampleData() {
        return root().resolve("sample-data");
    }

    /** Copies the repository's mappings (template, reference data, layouts) to {@code target}, to be changed there. */
    public static Path copyMappingsTo(Path target) throws IOException {
        for (String folder : new String[] {"template", "reference", "layouts"}) {
            Files.createDirectories(target.resolve(folder));
            try (var files = Files.list(mappings().resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        return target;
    }

    public static RecordingTemplate template() {
        return RecordingTemplate.load(mappings().resolve("template").resolve(RecordingTemplate.FILE_NAME));
    }

    public static ReferenceData reference() {
        return ReferenceData.load(mappings().resolve("reference"));
    }

    public static MappingCatalogue catalogue() {
        return MappingCatalogue.load(mappings().resolve("layouts"), template());
    }
}
