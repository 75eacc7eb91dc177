package wales.activeoffer.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which {@code .ci/run} installs), with
 * the network cut off: pages are opened from files, as a forum member opens the report from a shared drive.
 */
public final class ReportBrowser implements AutoCloseable {
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Path AXE = RepoPaths.root().resolve("pipeline/src/test/js/node_modules/axe-core/axe.min.js");
    private final ChromeDriver driver;
    private final Path profile;

    public ReportBrowser() throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Chromium and ChromeDriver are needed at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": run the tests with 'bash .ci/run', which installs them");
        }
        profile = Files.createTempDirectory("report-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1600",
                // no network: every name resolves to nothing and every connection goes to a closed port
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Opens a file and waits until the page has loaded. */
    public void open(Path file) {
        driver.get(file.toUri().toString());
        driver.executeScript("return document.readyState");
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The URLs the page fetched beyond itself (a self-contained page fetches none). */
    @SuppressWarnings("unchecked")
    public List<String> resourcesFetched() {
        return new ArrayList<>((List<String>) script(
                "return performance.getEntriesByType('resource').map(e => e.name);"));
    }

    /**
     * Runs axe-core in the page and returns its violations of serious or critical impact, each as
     * "rule id: help (n nodes)".
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() throws IOException {
        if (!Files.exists(AXE)) {
            throw new IllegalStateException(AXE + " is missing: run the tests with 'bash .ci/run', which installs "
                    + "axe-core with npm ci");
        }
        script(Files.readString(AXE));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({"
                        + "id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))));");
        return violations.stream().filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + " nodes)").toList();
    }

    /** Makes the window the given width (a phone is 390 px, a desktop 1280 px), as tall as before. */
    public void resize(int width) {
        Dimension now = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, now.getHeight()));
        driver.executeScript("return document.body.offsetWidth");
    }

    /** What the browser shows now, as a PNG. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** The page printed to PDF, as a reader's "Save as PDF" would. */
    public byte[] printToPdf() {
        return Base64.getDecoder().decode(driver.print(new PrintOptions()).getContent());
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
