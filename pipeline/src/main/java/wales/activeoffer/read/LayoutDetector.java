package wales.activeoffer.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.SourceMapping;

/**
 * Finds the mapping whose headings a file carries: each mapping of the file's format searches the top rows for its
 * heading row; the mapping that recognises the most columns wins.
 */
public final class LayoutDetector {
    private final MappingCatalogue catalogue;
    private final HeaderMatcher matcher;

    public LayoutDetector(MappingCatalogue catalogue, HeaderMatcher matcher) {
        this.catalogue = catalogue;
        this.matcher = matcher;
    }

    public DetectedLayout detect(Path file) {
        String format = TabularSources.formatOf(file);
        List<SourceMapping> candidates = catalogue.forFormat(format);
        UnreadableFileException lastReadFailure = null;
        Optional<DetectedLayout> best = Optional.empty();
        for (SourceMapping mapping : candidates) {
            try {
                Optional<DetectedLayout> found = searchHeader(file, mapping);
                if (found.isPresent() && (best.isEmpty()
                        || found.get().header().score() > best.get().header().score())) {
                    best = found;
                }
            } catch (UnreadableFileException e) {
                lastReadFailure = e;
            }
        }
        if (best.isPresent()) {
            return best.get();
        }
        if (lastReadFailure != null && candidates.size() == 1) {
            throw lastReadFailure;
        }
        throw new UnreadableFileException("AO-F02", "none of the " + format + " mappings ("
                + candidates.stream().map(SourceMapping::id).collect(Collectors.joining(", "))
                + ") found its heading row in the first rows of the file");
    }

    private Optional<DetectedLayout> searchHeader(Path file, SourceMapping mapping) {
        try (TabularSource source = TabularSources.open(file, mapping)) {
            for (int i = 0; i < mapping.headerSearchRows(); i++) {
                RawRow row = source.next();
                if (row == null) {
                    return Optional.empty();
                }
                var match = matcher.match(mapping, row.cells());
                if (match.isPresent()) {
                    return Optional.of(new DetectedLayout(match.get(), row.rowNumber(), source.describe()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UnreadableFileException("AO-F03", e.getMessage(), e);
        }
    }
}
