package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.disclosure.SmallCounts;
import wales.activeoffer.quality.Completeness;
import wales.activeoffer.quality.DataQuality;

/**
 * The coverage and data-quality tables of the workbook as tidy CSVs (one row per authority and quarter or indicator),
 * and how every CSV of a release is opened: UTF-8, never over an existing file.
 */
final class QualityCsv {
    static final String COVERAGE = "coverage.csv";
    static final String DATA_QUALITY = "data-quality.csv";

    private QualityCsv() {
    }

    /** @return the rows written, not counting the header */
    static long writeCoverage(Path file, DataQuality.Coverage coverage) {
        try (CSVPrinter csv = create(file)) {
            csv.printRecord(CsvwMetadata.names(CsvwMetadata.COVERAGE));
            for (DataQuality.Coverage.Line line : coverage.authorities()) {
                for (String quarter : coverage.quarters()) {
                    csv.printRecord(line.authority().onsCode(), line.authority().nameEn(), quarter,
                            line.received(quarter));
                }
            }
            return (long) coverage.authorities().size() * coverage.quarters().size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** @return the rows written, not counting the header */
    static long writeQuality(Path file, DataQuality.Quality quality, int threshold) {
        try (CSVPrinter csv = create(file)) {
            long rows = 0;
            csv.printRecord(CsvwMetadata.names(CsvwMetadata.DATA_QUALITY));
            for (DataQuality.Quality.Line line : quality.authorities()) {
                for (var field : line.completeness().entrySet()) {
                    Completeness completeness = field.getValue();
                    String shown = completeness.display(threshold);
                    boolean symbol = shown.startsWith("[");
                    csv.printRecord(line.authority().onsCode(), line.authority().nameEn(),
                            "percent_complete_" + field.getKey(), symbol ? "" : shown, symbol ? shown : "");
                    rows++;
                }
                for (var rule : line.ruleCounts().entrySet()) {
                    int n = rule.getValue();
                    boolean confidential = SmallCounts.isSmall(n, threshold);
                    csv.printRecord(line.authority().onsCode(), line.authority().nameEn(),
                            "rows_breaking_" + rule.getKey(), confidential ? "" : n,
                            confidential ? PublishedAggregate.CONFIDENTIAL : "");
                    rows++;
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static CSVPrinter create(Path file) throws IOException {
        return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW),
                CSVFormat.DEFAULT);
    }
}
