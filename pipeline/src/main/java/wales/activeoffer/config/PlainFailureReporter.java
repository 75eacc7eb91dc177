package wales.activeoffer.config;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints why the pipeline could not start as one line on standard error, in place of Spring Boot's framed report
 * (which application.yaml silences): the operator reads the cause first and only.
 */
class PlainFailureReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        String line = (analysis.getDescription() + " " + analysis.getAction()).replaceAll("\\s*\\n\\s*", " ").strip();
        new PrintStream(System.err, true, StandardCharsets.UTF_8).println("The pipeline could not start: " + line);
    }
}
