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
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.MeasureAccumulator;
import wales.activeoffer.aggregate.MeasureTable;
import wales.activeoffer.disclosure.CellKeyPerturbation;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.store.StoredRecord;
import wales.activeoffer.handout.RecordingTemplateWorkbook;
import wales.activeoffer.report.ForumReport;
import wales.activeoffer.report.Language;
import wales.activeoffer.report.Place;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.quality.DataQuality;
import wales.activeoffer.receipt.SpreadsheetSafe;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.template.RuleDefinition;
import wales.activeoffer.store.SubmissionStore;

/**
 * Publishes from the protected store, for three audiences. Every night that a submission changed: the restricted
 * record-level dataset (Parquet) and the officials' nightly dataset (exact figures, restricted: management
 * information). On the publication calendar, or ad hoc: the public release (aggregates, workbook, forum report,
 * metadata), whose figures the cell key method protects. Records are streamed from the database rather than held in
 * memory.
 */
public final class ReleasePublisher {
    private static final Logger log = LoggerFactory.getLogger(ReleasePublisher.class);
    private final SubmissionStore store;
    private final CellKeyPerturbation protection;
    private final int targetWorkingDays;
    private final Configuration hadoop;
    private final ReferenceData reference;
    private final RecordingTemplate template;
    private final PublicationLabels labels;
    private final PublicationPlan plan;
    private final PublicationCalendar calendar;
    private final String contact;

    /** Where each audience's releases go. */
    public record Folders(ReleaseFolder publicReleases, ReleaseFolder officials, ReleaseFolder restricted) {
    }

    /**
     * @param protection the public series' disclosure control
     * @param reference  the authorities the coverage and data-quality tables list, in order
     * @param template   the recording template, whose row rules the data-quality table counts
     * @param labels     the English and Welsh words for the workbook's rows
     * @param plan       which tables are published, at which levels
     * @param calendar   when the public series is published
     * @param contact    the statistician's email address for the workbooks' covers, or {@code null}
     */
    public ReleasePublisher(SubmissionStore store, CellKeyPerturbation protection, int targetWorkingDays,
            Configuration hadoop, ReferenceData reference, RecordingTemplate template, PublicationLabels labels,
            PublicationPlan plan, PublicationCalendar calendar, String contact) {
        this.contact = contact;
        this.store = store;
        this.labels = labels;
        this.plan = plan;
        this.reference = reference;
        this.template = template;
        this.protection = protection;
        this.targetWorkingDays = targetWorkingDays;
        this.hadoop = hadoop;
        this.calendar = calendar;
    }

    /**
     * Publishes what is due. The restricted record-level dataset and the officials' nightly dataset are built under
     * {@code name} when a submission changed since the officials' latest (or always when {@code republish}, after a
     * change to the reference data, the plan or the labels, which no submission shows). A public release is built
     * under {@code name} when the calendar has a date after the latest public release's and on or before
     * {@code today}, or ad hoc when {@code republish}. Each part is built in staging and moved into place whole; a
     * part that a stopped run had already moved into place is kept, not built again.
     *
     * @param restrictedBase where the record-level Parquet of every release goes ({@code <base>/<name>/records/}), or
     *                       {@code null} for the restricted folder itself
     */
    public Release publish(Folders folders, String name, URI restrictedBase, String templateVersion,
            boolean republish, LocalDate today) {
        ReleaseFolder restricted = folders.restricted();
        ReleaseFolder officials = folders.officials();
        ReleaseFolder releases = folders.publicReleases();
        List<ReleaseManifest.SubmissionEntry> submissions = store.currentSubmissions();
        String contentKey = contentKey(submissions, templateVersion);
        var latestOfficials = officials.latest();
        boolean changed = republish || officials.published(name).isPresent() || latestOfficials.isEmpty()
                || !latestOfficials.get().contentKey().equals(contentKey);
        long recordRows = -1;
        // the restricted records, the officials' dataset and the public release of one night are built from one
        // pass over the records
        Measuring measured = new Measuring();
        String officialsName = changed ? name : latestOfficials.get().release();
        if (changed && restricted.published(name).isEmpty()) {
            recordRows = publishRestricted(restricted, name, restrictedBase, templateVersion, contentKey, submissions,
                    measured);
        }
        boolean builtOfficials = false;
        if (changed && officials.published(name).isEmpty()) {
            publishOfficials(officials, name, templateVersion, contentKey, submissions, today, measured.get());
            builtOfficials = true;
        } else if (changed) {
            officials.pointAt(name);
        }
        var latestPublic = releases.latest();
        LocalDate lastPublished = latestPublic.map(ReleaseManifest::publication)
                .map(ReleaseManifest.Publication::publishedOn).map(LocalDate::parse).orElse(null);
        Optional<PublicationCalendar.Entry> due = calendar.due(lastPublished, today);
        String next = calendar.next(today).map(e -> e.date().toString()).orElse(null);
        Path officialsFolder = officials.folder(officialsName);
        if (releases.published(name).isPresent()) {
            releases.pointAt(name);
            return existing(releases, restricted, name, officialsName, restrictedBase, true).with(officialsFolder,
                    builtOfficials, next);
        }
        if (!republish && due.isEmpty()) {
            Release latest = latestPublic.map(m -> existing(releases, restricted, m.release(), officialsName,
                    restrictedBase, false))
                    .orElse(new Release(null, null, null, recordsOf(restricted.folder(officialsName), restrictedBase,
                            officialsName), -1, -1, Map.of(), false, null, false, null));
            return latest.with(officialsFolder, builtOfficials, next);
        }
        releases.setAsideIncomplete(name);
        Path building = releases.building(name);
        Path previousCsv = latestPublic.map(m -> releases.folder(m.release()).resolve("aggregates.csv")).orElse(null);
        List<String> before = latestPublic.map(m -> m.submissions().stream()
                .map(ReleaseManifest.SubmissionEntry::sha256).toList()).orElse(List.of());
        ReleaseManifest.Publication publication = new ReleaseManifest.Publication("public", today.toString(),
                due.isEmpty(), due.map(PublicationCalendar.Entry::figuresTo).orElse(null), next,
                PublicationCalendar.REVISIONS_POLICY, protection.maxPerturbation());
        Release built = publishPublic(building, previousCsv, submissions.stream()
                .filter(s -> !before.contains(s.sha256())).toList(), publication, measured.get());
        releases.complete(new ReleaseManifest(ReleaseManifest.VERSION, name, templateVersion, codeVersion(),
                contentKey, files(built), submissions.stream().map(ReleaseManifest.SubmissionEntry::withoutRecords)
                        .toList(), publication));
        Release published = existing(releases, restricted, name, officialsName, restrictedBase, true);
        log.info("Published public release {}{}", name, due.isEmpty() ? " (ad hoc)" : " (on the calendar, figures to "
                + due.get().figuresTo() + ")");
        return new Release(published.folder(), published.aggregatesCsv(), published.aggregatesParquet(),
                published.recordsParquet(), built.aggregateRows(), recordRows, built.qualityRows(), true,
                officialsFolder, builtOfficials, next);
    }

    /** The record-level dataset, with its data dictionary and manifest: the service account's alone. */
    private long publishRestricted(ReleaseFolder restricted, String name, URI restrictedBase, String templateVersion,
            String contentKey, List<ReleaseManifest.SubmissionEntry> submissions, Measuring measuring) {
        restricted.setAsideIncomplete(name);
        restricted.restrictToOwner();
        Path building = restricted.building(name);
        URI records = recordsOf(building, restrictedBase, name);
        long recordRows = writeRecordPartitions(records, measuring);
        if ("file".equals(records.getScheme())) {
            // the records' own folder, wherever activeoffer.restricted-uri points: the service account's alone
            RestrictedAccess.ownerOnly(Path.of(records).getParent());
        }
        createFolder(building);
        writeDataDictionary(building.resolve("data-dictionary.csv"));
        List<ReleaseManifest.FileEntry> files = new ArrayList<>();
        files.add(entry(building, building.resolve("data-dictionary.csv"), PublishedTables.RECORD_COLUMNS.size()));
        files.addAll(recordFiles(building, records));
        restricted.complete(new ReleaseManifest(ReleaseManifest.VERSION, name, templateVersion, codeVersion(),
                contentKey, files, submissions, new ReleaseManifest.Publication("restricted", null, false, null, null,
                        null, null)));
        restricted.restrictToOwner();
        return recordRows;
    }

    /**
     * The officials' nightly dataset: exact figures at every level of the plan, the coverage and data-quality tables
     * and the officials' workbook, in a folder that is the service account's alone.
     */
    private void publishOfficials(ReleaseFolder officials, String name, String templateVersion, String contentKey,
            List<ReleaseManifest.SubmissionEntry> submissions, LocalDate today, Measured measured) {
        officials.setAsideIncomplete(name);
        officials.restrictToOwner();
        Path folder = officials.building(name);
        createFolder(folder);
        Built built = build(folder, true, measured, CellKeyPerturbation::exact, null, List.of(), null);
        store.publishOfficialFigures(name, built.figures());
        List<ReleaseManifest.FileEntry> files = new ArrayList<>();
        files.add(entry(folder, folder.resolve("aggregates.csv"), built.figures().size()));
        files.add(entry(folder, folder.resolve(OfficialsWorkbook.MANAGEMENT_INFORMATION_FILE_NAME),
                built.figures().size()));
        built.qualityRows().forEach((file, rows) -> files.add(entry(folder, folder.resolve(file), rows)));
        officials.complete(new ReleaseManifest(ReleaseManifest.VERSION, name, templateVersion, codeVersion(),
                contentKey, files, submissions, new ReleaseManifest.Publication("officials", today.toString(), false,
                        null, null, null, null)));
        officials.restrictToOwner();
    }

    /** A public release already in place, with the restricted records of {@code recordsName}. */
    private static Release existing(ReleaseFolder releases, ReleaseFolder restricted, String name, String recordsName,
            URI restrictedBase, boolean isNew) {
        Path folder = releases.folder(name);
        return new Release(folder, folder.resolve("aggregates.csv"), folder.resolve("aggregates.parquet").toUri(),
                recordsOf(restricted.folder(recordsName), restrictedBase, recordsName), -1, -1, Map.of(), isNew, null,
                false, null);
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
        return FileArchive.sha256Of(key.toString());
    }

    static String codeVersion() {
        String version = ReleasePublisher.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Every file of the release folder (the Parquet too, when it is written there), with its rows. */
    private List<ReleaseManifest.FileEntry> files(Release release) {
        List<ReleaseManifest.FileEntry> files = new ArrayList<>();
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
        List<ReleaseManifest.FileEntry> files = new ArrayList<>();
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
        try (var reader = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(part.toUri()),
                hadoop))) {
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
            return new ReleaseManifest.FileEntry(folder.relativize(file).toString().replace('\\', '/'),
                    Files.size(file), FileArchive.sha256(file), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one build wrote: its figures and the rows of its coverage and data-quality tables. */
    private record Built(List<PublishedAggregate> figures, Map<String, Long> qualityRows) {
    }

    /**
     * Builds the public release in {@code folder}, which must not exist yet: aggregates, workbook and metadata, with
     * the figures revised since the previous release marked.
     */
    Release publishPublic(Path folder, Path previousCsv, List<ReleaseManifest.SubmissionEntry> newSubmissions,
            ReleaseManifest.Publication publication, Measured measured) {
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create release folder " + folder + " (it must not exist yet)", e);
        }
        Built built = build(folder, false, measured, protection::protect, previousCsv, newSubmissions, publication);
        List<PublishedAggregate> published = built.figures();
        store.publishAggregates(folder.getFileName().toString(), published);
        Path recordingTemplate = folder.resolve(RecordingTemplateWorkbook.FILE_NAME);
        if (!Files.exists(recordingTemplate)) {
            new RecordingTemplateWorkbook(template, reference).write(recordingTemplate);
        }
        URI aggregatesParquet = folder.resolve("aggregates.parquet").toUri();
        try (var writer = new ParquetTableWriter<>(aggregatesParquet, "aggregate", PublishedTables.AGGREGATE_COLUMNS,
                hadoop)) {
            published.forEach(writer::write);
        }
        CsvwMetadata.write(folder.resolve(CsvwMetadata.FILE_NAME), protection.maxPerturbation());
        return new Release(folder, folder.resolve("aggregates.csv"), aggregatesParquet, null, published.size(), -1,
                built.qualityRows(), true, null, false, null);
    }

    /**
     * The figures, the tidy CSVs and the workbook of one release in {@code folder}; the forum report too for the
     * public series.
     */
    /** The measures of the plan, the coverage and the data quality, from one pass over the current records. */
    private record Measured(MeasureTable table, DataQuality.Coverage coverage, DataQuality.Quality quality) {
    }

    /**
     * The measures, coverage and data quality of the current records, worked out from the pass that writes the
     * restricted records when there is one, or from a pass of their own.
     */
    private final class Measuring implements Supplier<Measured> {
        private final MeasureAccumulator measures = new MeasureAccumulator((level, code) -> labels.geography(code).en(),
                targetWorkingDays, plan::publishedCategory);
        private final DataQuality quality = new DataQuality(reference.authorities(),
                template.rules().stream().map(RuleDefinition::id).toList());
        private boolean passed;
        private Measured measured;

        void add(StoredRecord r) {
            measures.add(r.record());
            quality.add(r.record());
        }

        /** Every current record has been added. */
        void passed() {
            passed = true;
        }

        @Override
        public Measured get() {
            if (measured == null) {
                if (!passed) {
                    store.forEachCurrentRecord(this::add);
                    passed = true;
                }
                store.forEachCurrentIssue((authorityAsSent, rule) -> reference.authority(authorityAsSent == null
                        ? "" : authorityAsSent).ifPresent(authority -> quality.addIssue(authority.onsCode(), rule)));
                measured = new Measured(plan.filter(measures.table()), quality.coverage(), quality.quality());
            }
            return measured;
        }
    }

    private Built build(Path folder, boolean managementInformation, Measured measured,
            Function<MeasureTable, List<PublishedAggregate>> figuresOf, Path previousCsv,
            List<ReleaseManifest.SubmissionEntry> newSubmissions, ReleaseManifest.Publication publication) {
        Revisions revisions = Revisions.since(previousCsv, figuresOf.apply(measured.table()), newSubmissions);
        List<PublishedAggregate> published = revisions.figures();
        writeCsv(folder.resolve("aggregates.csv"), published);
        DataQuality.Coverage coverage = measured.coverage();
        DataQuality.Quality qualityTable = measured.quality();
        Map<String, Long> qualityRows = new TreeMap<>(Map.of(
                QualityCsv.COVERAGE, QualityCsv.writeCoverage(folder.resolve(QualityCsv.COVERAGE), coverage),
                QualityCsv.DATA_QUALITY, QualityCsv.writeQuality(folder.resolve(QualityCsv.DATA_QUALITY), qualityTable,
                        protection.threshold())));
        List<TidyTable.Area> areas = geographyOrder();
        String release = folder.getFileName().toString();
        OfficialsWorkbook.Edition edition = managementInformation
                ? OfficialsWorkbook.Edition.managementInformation(contact)
                : OfficialsWorkbook.Edition.publicSeries(publication, contact);
        OfficialsWorkbook.write(folder.resolve(edition.fileName()), release, published, coverage, qualityTable,
                template, labels, protection.threshold(), revisions.revisions(), plan, areas, edition);
        if (!managementInformation) {
            ForumReport.write(folder, new ForumReport.Inputs(release, published, coverage, qualityTable,
                    protection.threshold(), labels, places(areas), targetWorkingDays, publication));
        }
        return new Built(published, qualityRows);
    }

    /** The areas with their names in both languages, for the forum report. */
    private List<Place> places(List<TidyTable.Area> areas) {
        return areas.stream().map(area -> {
            PublicationLabels.Label name = labels.geography(area.code());
            return new Place(area.level(), area.code(), name.en(), name.cy());
        }).toList();
    }

    /** Wales, then the regions, then the authorities region by region (each in the region it belongs to last). */
    private List<TidyTable.Area> geographyOrder() {
        List<TidyTable.Area> order = new ArrayList<>(List.of(new TidyTable.Area("wales", MeasureAccumulator.WALES_CODE)));
        reference.regions().forEach(region -> order.add(new TidyTable.Area("region", region.code())));
        reference.regions().forEach(region -> reference.authorities().stream()
                .filter(a -> reference.regionsOf(a.onsCode()).stream().reduce((first, last) -> last)
                        .filter(region::equals).isPresent())
                .forEach(a -> order.add(new TidyTable.Area("authority", a.onsCode()))));
        return order;
    }

    /**
     * Writes the record-level dataset Hive-partitioned, {@code financial_year=2024-25/region_code=gwent/part-0.parquet},
     * streaming the records in partition order so that one file is open at a time.
     */
    private long writeRecordPartitions(URI base, Measuring measuring) {
        try (var writer = new PartitionedParquetWriter<>(base, "offer_record", PublishedTables.recordColumnsInPartitions(),
                (StoredRecord r) -> "financial_year=" + r.record().financialYear()
                        + "/region_code=" + r.record().regionCode() + "/", hadoop)) {
            store.forEachCurrentRecordByYearAndRegion(r -> {
                writer.write(r);
                measuring.add(r);
            });
            measuring.passed();
            return writer.rows();
        }
    }

    /** The record-level columns: name, Parquet type, what they hold, and the schema version. */
    private static void writeDataDictionary(Path file) {
        try (CSVPrinter csv = QualityCsv.create(file)) {
            csv.printRecord("column", "type", "description", "schema_version");
            for (ParquetColumn<StoredRecord> column : PublishedTables.RECORD_COLUMNS) {
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
