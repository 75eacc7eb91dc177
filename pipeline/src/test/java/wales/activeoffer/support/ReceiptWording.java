package wales.activeoffer.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs after every test and test class of the suite (registered by JUnit's extension auto-detection): every receipt
 * any test produced since the suite started, under the temporary folders tests work in, is read, text, CSV and
 * workbook, and must not contain a Java class name, a stack trace or a library's own message. Receipts are read by
 * council performance officers; what a library says belongs in the log.
 */
public final class ReceiptWording implements AfterEachCallback, AfterAllCallback {
    /** What a library or the JVM says, and no lead should ever read. */
    static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("\\b(java|javax|jdk|sun|org|com)\\.[a-z]+\\.[A-Za-z]"),
            Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b"),
            Pattern.compile("\\tat [a-z]"),
            Pattern.compile("encapsulated token|salt/verifier|END header|something else|Unexpected record|"
                    + "Invalid header signature|Zip bomb detected"));
    private static final long SUITE_START = ManagementFactory.getRuntimeMXBean().getStartTime();
    private static final Set<Path> CHECKED = ConcurrentHashMap.newKeySet();
    private static final int DEPTH = 9;

    @Override
    public void afterEach(ExtensionContext context) {
        checkNewReceipts();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        checkNewReceipts();
    }

    private static void checkNewReceipts() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> tops = Files.list(temp)) {
            for (Path top : tops.filter(ReceiptWording::isTestFolder).toList()) {
                try (Stream<Path> files = Files.walk(top, DEPTH)) {
                    files.filter(ReceiptWording::isNewReceipt).forEach(ReceiptWording::check);
                } catch (IOException | UncheckedIOException e) {
                    // a folder removed while it was walked: its receipts were checked before, or are gone
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTestFolder(Path path) {
        String name = path.getFileName().toString();
        return (name.startsWith("activeoffer-") || name.startsWith("junit")) && Files.isDirectory(path);
    }

    private static boolean isNewReceipt(Path file) {
        String name = file.getFileName().toString();
        if (!name.contains(".receipt-") || name.endsWith(".part") || CHECKED.contains(file)) {
            return false;
        }
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(FileTime.fromMillis(SUITE_START)) >= 0;
        } catch (IOException gone) {
            return false;
        }
    }

    private static void check(Path receipt) {
        String text;
        try {
            text = receipt.toString().endsWith(".xlsx") ? workbookText(receipt)
                    : Files.readString(receipt, StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return;
        }
        CHECKED.add(receipt);
        for (Pattern forbidden : FORBIDDEN) {
            assertThat(forbidden.matcher(text).find()).as("%s has library or Java text /%s/:%n%s", receipt,
                    forbidden, text).isFalse();
        }
    }

    private static String workbookText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (var workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(formatter
                    .formatCellValue(cell)).append('\t'))));
        }
        return text.toString();
    }
}
