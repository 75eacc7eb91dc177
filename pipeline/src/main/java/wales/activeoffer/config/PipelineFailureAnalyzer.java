package wales.activeoffer.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a set-up problem as a plain message and what to do about it, instead of a stack trace. */
class PipelineFailureAnalyzer extends AbstractFailureAnalyzer<PipelineSetupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PipelineSetupException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the setting or file named above and start again. "
                + "Settings are listed in README.md (Configuration); mapping files can be checked with "
                + "'validate-mappings'.", cause);
    }
}
