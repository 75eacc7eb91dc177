package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.MeasureAccumulator;
import wales.activeoffer.handout.RecordingTemplateWorkbook;
import wales.activeoffer.report.ForumReport;
import wales.activeoffer.report.Language;
import wales.activeoffer.report.Place;
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
    private final PublicationPlan plan;

    /**
     * @param reference the authorities the coverage and data-quality tables list, in order
     * @param template  the recording template, whose row rules the data-quality table counts
     * @param labels    the English and Welsh words for the workbook's rows
     * @param plan      which tables are published, at which levels
     */
    public ReleasePublisher(SubmissionStore store, DisclosureControl disclosureControl, int targetWorkingDays,
            Configuration hadoop,
            ReferenceData reference, RecordingTemplate template, PublicationLabels labels, PublicationPlan plan) {
        this.store = store;
        this.labels = labels;
        this.plan = plan;
        this.reference = reference;
        this.template = template;
        this.disclosureControl = disclosureControl;
        this.targetWorkingDays = targetWorkingDays;
        this.hadoop = hadoop;
    }

    /**
     * Publishes a new release, unless the current submissions are exactly those of the latest release: then nothing
     * new is published and the latest release is returned. The restricted record-level dataset is written first, apart
     * from the public release, with a manifest of its own; then the public release (aggregates, workbook, metadata) is
     * built in the staging folder and moved into {@code releases/} whole. Either part that a stopped run had already
     * moved into place is kept, not built again.
     *
     * @param releases       the public releases; the new release is {@code releases/<name>}
     * @param restricted     the restricted record-level releases, {@code restricted/<name>/}, with their manifests
     * @param restrictedBase where the record-level Parquet of every release goes ({@code <base>/<name>/records/}), or
     *                       {@code null} for the restricted folder itself
     */
    /**
     * Publishes a release: a new one when a submission changed since the latest, or always when {@code republish}
     * (after a change to the reference data, the publication plan or the labels, which no submission shows).
     */
    public Release publish(ReleaseFolder releases, ReleaseFolder restricted, String name, URI restrictedBase,
            String templateVersion, boolean republish) {
        List<ReleaseManifest.SubmissionEntry> submissions = store.currentSubmissions();
        String contentKey = contentKey(submissions, templateVersion);
        var latest = releases.latest();
        if (!republish && latest.isPresent() && latest.get().contentKey().equals(contentKey)) {
            return existing(releases, restricted, latest.get().release(), restrictedBase, false);
        }
        long recordRows = -1;
        if (restricted.published(name).isEmpty()) {
            restricted.setAsideIncomplete(name);
            restricted.restrictToOwner();
            Path building = restricted.building(name);
            URI records = recordsOf(building, restrictedBase, name);
            recordRows = writeRecordPartitions(records);
            if ("file".equals(records.getScheme())) {
                // the records' own folder, wherever activeoffer.restricted-uri points: the service account's alone
                RestrictedAccess.ownerOnly(Path.of(records).getParent());
            }
            createFolder(building);
            writeDataDictionary(building.resolve("data-dictionary.csv"));
            List<ReleaseManifest.FileEntry> files = new java.util.ArrayList<>();
            files.add(entry(building, building.resolve("data-dictionary.csv"), PublishedTables.RECORD_COLUMNS.size()));
            files.addAll(recordFiles(building, records));
            restricted.complete(new ReleaseManifest(ReleaseManifest.VERSION, name, templateVersion, codeVersion(),
                    contentKey, files, submissions));
            restricted.restrictToOwner();
        }
        if (releases.published(name).isPresent()) {
            releases.pointAt(name);
            return existing(releases, restricted, name, restrictedBase, true);
        }
        releases.setAsideIncomplete(name);
        Path building = releases.building(name);
        Path previousCsv = latest.map(m -> releases.folder(m.release()).resolve("aggregates.csv")).orElse(null);
        List<String> before = latest.map(m -> m.submissions().stream().map(ReleaseManifest.SubmissionEntry::sha256)
                .toList()).orElse(List.of());
        Release built = publish(building, previousCsv, submissions.stream().filter(s -> !before.contains(s.sha256()))
                .toList());
        releases.complete(new ReleaseManifest(ReleaseManifest.VERSION, name, templateVersion, codeVersion(), contentKey,
                files(built), submissions));
        Release published = existing(releases, restricted, name, restrictedBase, true);
        return new Release(published.folder(), published.aggregatesCsv(), published.aggregatesParquet(),
                published.recordsParquet(), built.aggregateRows(), recordRows, built.qualityRows(), true);
    }

    private static Release existing(ReleaseFolder releases, ReleaseFolder restricted, String name, URI restrictedBase,
            boolean isNew) {
        Path folder = releases.folder(name);
        return new Release(folder, folder.resolve("aggregates.csv"), folder.resolve("aggregates.parquet").toUri(),
                recordsOf(restricted.folder(name), restrictedBase, name), -1, -1, Map.of(), isNew);
    }

    /** {@code <restricted release folder>/records/}, or {@code <base>/<release>/records/} on another file system. */
    private static URI recordsOf(Path restrictedFolder, URI base, String release) {
        if (base == null) {
            return URI.create(restrictedFolder.toAbsolutePath().toUri().toString().replaceAll("/?$", "/"))
                    .resolve("records/");
        }
        return (base.toString().endsWith("/") ? base : URI.create(base + "/")).resolve(release + "/records/");
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
        files.add(entry(release.folder(), release.folder().resolve(CsvwMetadata.FILE_NAME), 0));
        files.add(entry(release.folder(), release.folder().resolve(RecordingTemplateWorkbook.FILE_NAME), 0));
        for (Language language : Language.values()) {
            files.add(entry(release.folder(), release.folder().resolve(language.fileName()), 0));
        }
        release.qualityRows().forEach((name, rows) -> files.add(entry(release.folder(), release.folder().resolve(name),
                rows)));
        files.add(entry(release.folder(), localPath(release.aggregatesParquet()), release.aggregateRows()));
        return files;
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    /** The record-level partitions, when they are on this machine's file system. */
    private List<ReleaseManifest.FileEntry> recordFiles(Path folder, URI records) {
        Path local = localPath(records);
        List<ReleaseManifest.FileEntry> files = new java.util.ArrayList<>();
        if (local == null || !Files.isDirectory(local)) {
            return files;
        }
        try (var parts = Files.walk(local)) {
            for (Path part : parts.filter(Files::isRegularFile).sorted().toList()) {
                files.add(entry(folder, part, parquetRows(part)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
     * Builds the public release in {@code folder}, which must not exist yet: aggregates, workbook and metadata, with
     * the figures revised since the previous release marked.
     */
    Release publish(Path folder, Path previousCsv, List<ReleaseManifest.SubmissionEntry> newSubmissions) {
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create release folder " + folder + " (it must not exist yet)", e);
        }
        MeasureAccumulator measures = new MeasureAccumulator((level, code) -> labels.geography(code).en(),
                targetWorkingDays, plan::publishedCategory);
        DataQuality quality = new DataQuality(reference.authorities(),
                template.rules().stream().map(RuleDefinition::id).toList());
        store.forEachCurrentRecord(r -> {
            measures.add(r.record());
            quality.add(r.record());
        });
        store.forEachCurrentIssue((authorityAsSent, rule) -> reference.authority(authorityAsSent == null ? ""
                : authorityAsSent).ifPresent(authority -> quality.addIssue(authority.onsCode(), rule)));
        Revisions revisions = Revisions.since(previousCsv, disclosureControl.apply(plan.filter(measures.table())),
                newSubmissions);
        List<PublishedAggregate> published = revisions.figures();

        Path csv = folder.resolve("aggregates.csv");
        writeCsv(csv, published);
        DataQuality.Coverage coverage = quality.coverage();
        DataQuality.Quality qualityTable = quality.quality();
        Map<String, Long> qualityRows = new TreeMap<>(Map.of(
                QualityCsv.COVERAGE, QualityCsv.writeCoverage(folder.resolve(QualityCsv.COVERAGE), coverage),
                QualityCsv.DATA_QUALITY, QualityCsv.writeQuality(folder.resolve(QualityCsv.DATA_QUALITY), qualityTable,
                        disclosureControl.threshold())));
        store.publishAggregates(folder.getFileName().toString(), published);
        List<WideTable.Area> areas = geographyOrder();
        OfficialsWorkbook.write(folder.resolve(OfficialsWorkbook.FILE_NAME), folder.getFileName().toString(), published,
                coverage, qualityTable, template, labels, disclosureControl.threshold(), revisions.revisions(), plan,
                areas);
        ForumReport.write(folder, new ForumReport.Inputs(folder.getFileName().toString(), published, coverage,
                qualityTable, disclosureControl.threshold(), labels, places(areas), targetWorkingDays));
        Path recordingTemplate = folder.resolve(RecordingTemplateWorkbook.FILE_NAME);
        if (!Files.exists(recordingTemplate)) {
            new RecordingTemplateWorkbook(template, reference).write(recordingTemplate);
        }
        URI aggregatesParquet = folder.resolve("aggregates.parquet").toUri();
        try (var writer = new ParquetTableWriter<>(aggregatesParquet, "aggregate", PublishedTables.AGGREGATE_COLUMNS,
                hadoop)) {
            published.forEach(writer::write);
        }
        CsvwMetadata.write(folder.resolve(CsvwMetadata.FILE_NAME));
        return new Release(folder, csv, aggregatesParquet, null, published.size(), -1, qualityRows, true);
    }

    /** The areas with their names in both languages, for the forum report. */
    private List<Place> places(List<WideTable.Area> areas) {
        return areas.stream().map(area -> {
            PublicationLabels.Label name = labels.geography(area.code());
            return new Place(area.level(), area.code(), name.en(), name.cy());
        }).toList();
    }

    /** Wales, then the regions, then the authorities region by region (each in the region it belongs to last). */
    private List<WideTable.Area> geographyOrder() {
        List<WideTable.Area> order = new ArrayList<>(List.of(new WideTable.Area("wales", MeasureAccumulator.WALES_CODE)));
        reference.regions().forEach(region -> order.add(new WideTable.Area("region", region.code())));
        reference.regions().forEach(region -> reference.authorities().stream()
                .filter(a -> reference.regionsOf(a.onsCode()).stream().reduce((first, last) -> last)
                        .filter(region::equals).isPresent())
                .forEach(a -> order.add(new WideTable.Area("authority", a.onsCode()))));
        return order;
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
                        published.noteCode() == null ? "" : published.noteCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
