package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.MeasureAccumulator;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.aggregate.DisclosureControl;
import wales.activeoffer.quality.DataQuality;
import wales.activeoffer.receipt.SpreadsheetSafe;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.template.RuleDefinition;
import wales.activeoffer.store.SubmissionStore;

/**
 * Publishes one release from the protected store: the tidy aggregates CSV, the same aggregates as Parquet, and the
 * record-level pseudonymised dataset as Parquet. Records are streamed twice from the database (once for the
 * measures, once for the record-level file) rather than held in memory.
 */
public final class ReleasePublisher {
    private final SubmissionStore store;
    private final DisclosureControl disclosureControl;
    private final int targetWorkingDays;
    private final Configuration hadoop;
    private final ReferenceData reference;
    private final RecordingTemplate template;
    private final PublicationLabels labels;

    /**
     * @param reference the authorities the coverage and data-quality tables list, in order
     * @param template  the recording template, whose row rules the data-quality table counts
     * @param labels    the English and Welsh words for the workbook's rows
     */
    public ReleasePublisher(SubmissionStore store, DisclosureControl disclosureControl, int targetWorkingDays,
            Configuration hadoop,
            ReferenceData reference, RecordingTemplate template, PublicationLabels labels) {
        this.store = store;
        this.labels = labels;
        this.reference = reference;
        this.template = template;
        this.disclosureControl = disclosureControl;
        this.targetWorkingDays = targetWorkingDays;
        this.hadoop = hadoop;
    }

    /**
     * Publishes a new release, unless the current submissions are exactly those of the latest release: then nothing
     * new is published and the latest release is returned. The release is built in the staging folder and moved into
     * {@code releases/} whole; a release a stopped run had already moved into place is pointed at, not built again.
     *
     * @param releases   the releases folder; the new release is {@code releases/<name>}, which must not exist yet
     * @param parquetBase where the Parquet of every release goes ({@code <base>/<name>/}), or {@code null} to write
     *                    it inside the release folder
     */
    public Release publishIfChanged(ReleaseFolder releases, String name, URI parquetBase, String templateVersion) {
        List<ReleaseManifest.SubmissionEntry> submissions = store.currentSubmissions();
        String contentKey = contentKey(submissions, templateVersion);
        var latest = releases.latest();
        if (latest.isPresent() && latest.get().contentKey().equals(contentKey)) {
            return existing(releases, latest.get().release(), parquetBase);
        }
        if (releases.published(name).isPresent()) {
            releases.pointAt(name);
            Release moved = existing(releases, name, parquetBase);
            return new Release(moved.folder(), moved.aggregatesCsv(), moved.aggregatesParquet(), moved.recordsParquet(),
                    -1, -1, Map.of(), true);
        }
        releases.setAsideIncomplete(name);
        Path building = releases.building(name);
        Release built = publish(building, parquetBase == null ? building.toUri() : parquetOf(parquetBase, name));
        releases.complete(new ReleaseManifest(ReleaseManifest.VERSION, name, templateVersion, codeVersion(), contentKey,
                files(built), submissions));
        Path folder = releases.folder(name);
        URI parquet = parquetBase == null ? folder.toUri() : parquetOf(parquetBase, name);
        return new Release(folder, folder.resolve("aggregates.csv"), parquet.resolve("aggregates.parquet"),
                parquet.resolve("records/"), built.aggregateRows(), built.recordRows(), built.qualityRows(), true);
    }

    private static Release existing(ReleaseFolder releases, String name, URI parquetBase) {
        Path folder = releases.folder(name);
        URI parquet = parquetBase == null ? folder.toUri() : parquetOf(parquetBase, name);
        return new Release(folder, folder.resolve("aggregates.csv"), parquet.resolve("aggregates.parquet"),
                parquet.resolve("records/"), -1, -1, Map.of(), false);
    }

    /** {@code <base>/<release>/}. */
    private static URI parquetOf(URI base, String release) {
        return (base.toString().endsWith("/") ? base : URI.create(base + "/")).resolve(release + "/");
    }

    private static String contentKey(List<ReleaseManifest.SubmissionEntry> submissions, String templateVersion) {
        StringBuilder key = new StringBuilder("template ").append(templateVersion).append('\n');
        submissions.forEach(s -> key.append(s.sha256()).append(' ').append(s.records()).append('\n'));
        return wales.activeoffer.inbox.FileArchive.sha256Of(key.toString());
    }

    static String codeVersion() {
        String version = ReleasePublisher.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Every file of the release folder (the Parquet too, when it is written there), with its rows. */
    private List<ReleaseManifest.FileEntry> files(Release release) {
        List<ReleaseManifest.FileEntry> files = new java.util.ArrayList<>();
        files.add(entry(release.folder(), release.aggregatesCsv(), release.aggregateRows()));
        files.add(entry(release.folder(), release.folder().resolve(OfficialsWorkbook.FILE_NAME), release.aggregateRows()));
        files.add(entry(release.folder(), release.folder().resolve("data-dictionary.csv"),
                PublishedTables.RECORD_COLUMNS.size()));
        files.add(entry(release.folder(), release.folder().resolve(CsvwMetadata.FILE_NAME), 0));
        release.qualityRows().forEach((name, rows) -> files.add(entry(release.folder(), release.folder().resolve(name),
                rows)));
        Path aggregates = localPath(release.aggregatesParquet());
        if (aggregates != null) {
            files.add(entry(release.folder(), aggregates, release.aggregateRows()));
        }
        Path records = localPath(release.recordsParquet());
        if (records != null && Files.isDirectory(records)) {
            try (var parts = Files.walk(records)) {
                for (Path part : parts.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(entry(release.folder(), part, parquetRows(part)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private long parquetRows(Path part) {
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(part.toUri()), hadoop))) {
            return reader.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path localPath(URI uri) {
        return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    }

    private static ReleaseManifest.FileEntry entry(Path folder, Path file, long rows) {
        try {
            return new ReleaseManifest.FileEntry(folder.relativize(file).toString().replace('\\', '/'), Files.size(file),
                    wales.activeoffer.inbox.FileArchive.sha256(file), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param folder     local release folder for the CSV; must not exist yet
     * @param parquetUri base URI for the Parquet files (a local {@code file:} URI by default)
     */
    Release publish(Path folder, URI parquetUri) {
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create release folder " + folder + " (it must not exist yet)", e);
        }
        MeasureAccumulator measures = new MeasureAccumulator((level, code) -> labels.geography(code).en(),
                targetWorkingDays);
        DataQuality quality = new DataQuality(reference.authorities(),
                template.rules().stream().map(RuleDefinition::id).toList());
        store.forEachCurrentRecord(r -> {
            measures.add(r.record());
            quality.add(r.record());
        });
        store.forEachCurrentIssue((authorityAsSent, rule) -> reference.authority(authorityAsSent == null ? ""
                : authorityAsSent).ifPresent(authority -> quality.addIssue(authority.onsCode(), rule)));
        List<PublishedAggregate> published = disclosureControl.apply(measures.table());

        Path csv = folder.resolve("aggregates.csv");
        writeCsv(csv, published);
        DataQuality.Coverage coverage = quality.coverage();
        DataQuality.Quality qualityTable = quality.quality();
        Map<String, Long> qualityRows = new TreeMap<>(Map.of(
                QualityCsv.COVERAGE, QualityCsv.writeCoverage(folder.resolve(QualityCsv.COVERAGE), coverage),
                QualityCsv.DATA_QUALITY, QualityCsv.writeQuality(folder.resolve(QualityCsv.DATA_QUALITY), qualityTable,
                        disclosureControl.threshold())));
        store.publishAggregates(folder.getFileName().toString(), published);
        OfficialsWorkbook.write(folder.resolve(OfficialsWorkbook.FILE_NAME), folder.getFileName().toString(), published,
                coverage, qualityTable, template, labels, disclosureControl.threshold());
        URI base = parquetUri.toString().endsWith("/") ? parquetUri : URI.create(parquetUri + "/");
        URI aggregatesParquet = base.resolve("aggregates.parquet");
        try (var writer = new ParquetTableWriter<>(aggregatesParquet, "aggregate", PublishedTables.AGGREGATE_COLUMNS,
                hadoop)) {
            published.forEach(writer::write);
        }
        URI recordsParquet = base.resolve("records/");
        long records = writeRecordPartitions(recordsParquet);
        writeDataDictionary(folder.resolve("data-dictionary.csv"));
        CsvwMetadata.write(folder.resolve(CsvwMetadata.FILE_NAME));
        return new Release(folder, csv, aggregatesParquet, recordsParquet, published.size(), records, qualityRows,
                true);
    }

    /**
     * Writes the record-level dataset Hive-partitioned, {@code financial_year=2024-25/region_code=gwent/part-0.parquet},
     * streaming the records in partition order so that one file is open at a time.
     */
    private long writeRecordPartitions(URI base) {
        try (var writer = new PartitionedParquetWriter<>(base, "offer_record", PublishedTables.recordColumnsInPartitions(),
                (wales.activeoffer.store.StoredRecord r) -> "financial_year=" + r.record().financialYear()
                        + "/region_code=" + r.record().regionCode() + "/", hadoop)) {
            store.forEachCurrentRecordByYearAndRegion(writer::write);
            return writer.rows();
        }
    }

    /** The record-level columns: name, Parquet type, what they hold, and the schema version. */
    private static void writeDataDictionary(Path file) {
        try (CSVPrinter csv = QualityCsv.create(file)) {
            csv.printRecord("column", "type", "description", "schema_version");
            for (ParquetColumn<wales.activeoffer.store.StoredRecord> column : PublishedTables.RECORD_COLUMNS) {
                csv.printRecord(column.name(), column.kind(), PublishedTables.RECORD_DESCRIPTIONS.get(column.name()),
                        ParquetTableWriter.SCHEMA_VERSION);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void writeCsv(Path file, List<PublishedAggregate> rows) {
        try (CSVPrinter csv = QualityCsv.create(file)) {
            csv.printRecord(PublishedTables.AGGREGATE_HEADER);
            for (PublishedAggregate published : rows) {
                AggregateRow row = published.row();
                csv.printRecord(row.measure(), row.statistic(), row.cell().geographyLevel(), row.cell().geographyCode(),
                        SpreadsheetSafe.cell(row.geographyName()), row.cell().periodType(), row.cell().period(),
                        row.cell().route(), row.stage(), row.category(), published.figure(),
                        published.symbol() == null ? "" : published.symbol());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
