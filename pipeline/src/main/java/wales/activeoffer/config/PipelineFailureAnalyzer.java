package wales.activeoffer.config;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Shows a set-up problem an operator can fix (a setting, a mapping file, the database out of reach, another process
 * holding the work root) as one plain line instead of a stack trace; {@link PlainFailureReporter} prints it.
 */
class PipelineFailureAnalyzer implements FailureAnalyzer {
    private final Environment environment;

    PipelineFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return StartupFailure.of(failure, environment)
                .map(known -> new FailureAnalysis(known.message(), "", failure))
                .orElse(null);
    }
}
