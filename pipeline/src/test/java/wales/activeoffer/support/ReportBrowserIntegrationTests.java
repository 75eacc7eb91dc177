package wales.activeoffer.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser checks the report's tests rely on can fail: they find what they are meant to find. */
class ReportBrowserIntegrationTests {

    @Test
    void axeReportsAnImageWithoutATextAlternativeAndTheNetworkIsCutOff(@TempDir Path dir) throws Exception {
        // given a page with an unnamed image and a script from the internet
        Path page = Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><head><title>t</title>"
                + "<script src=\"https://cdn.example.org/lib.js\"></script></head><body><main><h1>t</h1>"
                + "<svg role=\"img\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"></rect></svg>"
                + "<img src=\"chart.png\"></main></body></html>");
        try (ReportBrowser browser = new ReportBrowser()) {
            // when it is opened
            browser.open(page);

            // then the script could not be fetched, and axe-core names both images as serious or critical
            assertThat(browser.script("return typeof window.libLoaded")).isEqualTo("undefined");
            assertThat(browser.seriousAccessibilityViolations()).anyMatch(v -> v.startsWith("image-alt:"))
                    .anyMatch(v -> v.startsWith("svg-img-alt:"));
        }
    }
}
