package wales.activeoffer.mapping;

import java.util.List;
import java.util.stream.Collectors;
import wales.activeoffer.config.PipelineSetupException;

/** Mapping files that cannot be used; the pipeline refuses to start, naming each problem. */
public class InvalidMappingsException extends PipelineSetupException {
    private final List<MappingProblem> problems;

    public InvalidMappingsException(List<MappingProblem> problems) {
        super("Mapping files are not valid; fix them (the pipeline will not start until then):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
