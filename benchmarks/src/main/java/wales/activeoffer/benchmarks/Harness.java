package wales.activeoffer.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.sample.SampleInboxGenerator;

/**
 * Runs the benchmarks and writes their results, side by side, as JSON and as a Markdown table in
 * {@code benchmarks/results/}. {@code smoke} runs everything at a tiny size, to show the harness works (CI runs it);
 * {@code full} runs the sizes the goals are set at. Whole processes are timed with GNU {@code time -v}, which also
 * gives their peak resident memory.
 *
 * <p>Usage: {@code Harness smoke|full [--scales=1,13,126] [--rows=1000000] [--reader-rows=200000] [--repeats=3]}
 */
public final class Harness {
    /** The pipeline's exit code for a run that completed with refused files: the sample inbox has some on purpose. */
    private static final int COMPLETED_WITH_REFUSED_FILES = 5;

    private static final String HEAP = "-Xmx256m";
    /** The flags every timed Java process gets, with its own class-data archive after them. */
    private static final List<String> CLASS_DATA_FLAGS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final Pattern FILE_SECONDS = Pattern.compile(", in (\\d+\\.\\d+) s\\. Receipt: ");
    private static final int DUCKDB_SMALL_ROWS = 1_000;
    private static final String POSTGRES_URL = System.getenv().getOrDefault("BENCH_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final Pattern ACCEPTED = Pattern.compile("Rows accepted:\\s+(\\d+)");
    private static final Pattern REJECTED = Pattern.compile("Rows rejected:\\s+(\\d+)");
    private final Path repository;
    private final Path jar;
    private final Path archive;
    private final Path work;
    private Path emptyArchive;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();

    private Harness(Path repository) {
        this.repository = repository;
        Path application = repository.resolve("pipeline/target/application");
        boolean archived = Files.exists(application.resolve("active-offer-pipeline.jsa"));
        this.jar = archived ? application.resolve("active-offer-pipeline.jar")
                : repository.resolve("pipeline/target/active-offer-pipeline.jar");
        this.archive = archived ? application.resolve("active-offer-pipeline.jsa") : null;
        this.work = repository.resolve("benchmarks/target/work");
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "full";
        if (!List.of("smoke", "full").contains(mode)) {
            System.err.println("Usage: benchmarks/run smoke|full [--scales=1,13,126] [--rows=1000000] "
                    + "[--reader-rows=200000] [--repeats=3] [--generated=<folder of inbox-<scale>x>]");
            System.exit(2);
        }
        boolean smoke = mode.equals("smoke");
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(args).skip(1).filter(a -> a.startsWith("--") && a.contains("="))
                .forEach(a -> options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        List<Integer> scales = Arrays.stream(options.getOrDefault("scales", smoke ? "1" : "1,13").split(","))
                .map(Integer::parseInt).toList();
        int rows = Integer.parseInt(options.getOrDefault("rows", smoke ? "2000" : "1000000"));
        int readerRows = Integer.parseInt(options.getOrDefault("reader-rows", smoke ? "2000" : "200000"));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", smoke ? "1" : "3"));

        Harness harness = new Harness(Path.of("").toAbsolutePath());
        if (!Files.exists(harness.jar)) {
            throw new IllegalStateException(harness.jar + " is missing: build it with mvn -DskipTests package");
        }
        harness.clean();
        harness.results.put("mode", mode);
        harness.results.put("date", LocalDateTime.now().toString());
        harness.results.put("commit", git(harness.repository, "rev-parse", "--short", "HEAD"));
        harness.results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version"));
        harness.results.put("heap", HEAP);
        harness.results.put("classDataArchive", harness.archive != null);
        try {
            harness.trainEmptyApplication();
            Map<String, Double> emptyInbox = harness.startUp(repeats);
            harness.storeGrowthRows = smoke ? 2_000 : 20_000;
            harness.generatedBefore = options.containsKey("generated") ? Path.of(options.get("generated")) : null;
            harness.profile = !smoke;
            double sampleRun = harness.endToEnd(scales, emptyInbox);
            harness.sampleAndValidate(repeats, sampleRun);
            harness.memory(rows);
            harness.readers(readerRows, smoke);
        } catch (Exception | Error failure) {
            // what was measured before the failure is kept, with the failure
            harness.results.put("failure", String.valueOf(failure.getMessage()));
            harness.write(mode);
            throw failure;
        }
        harness.write(mode);
    }

    private void clean() throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
    }

    private static void progress(String line) {
        System.out.println("[benchmarks] " + line);
    }

    /** The pipeline's command: the jar with a heap limit, then the given arguments. */
    private List<String> pipeline(String... arguments) {
        List<String> command = new ArrayList<>(java(archive));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** {@code java} with the heap limit and, when there is one, a class-data archive: the same flags for every process. */
    private static List<String> java(Path classData) {
        List<String> command = new ArrayList<>(List.of("java", HEAP));
        if (classData != null) {
            command.add("-XX:SharedArchiveFile=" + classData);
            command.addAll(CLASS_DATA_FLAGS);
        }
        return command;
    }

    private String emptyApplicationClasspath() {
        return repository.resolve("benchmarks/target/active-offer-benchmarks.jar") + ":"
                + repository.resolve("benchmarks/target/lib") + "/*";
    }

    /** The empty application's own class-data archive, made the way the pipeline's is: one training run. */
    private void trainEmptyApplication() throws Exception {
        if (archive == null) {
            return;
        }
        emptyArchive = work.resolve("empty-application.jsa");
        List<String> command = new ArrayList<>(List.of("java", HEAP, "-XX:ArchiveClassesAtExit=" + emptyArchive));
        command.addAll(CLASS_DATA_FLAGS);
        command.addAll(List.of("-cp", emptyApplicationClasspath(), EmptyApplication.class.getName()));
        Measured.run(repository, command).orFail("the empty application's training run");
    }

    private Measured emptyBoot() throws Exception {
        List<String> command = new ArrayList<>(java(emptyArchive));
        command.addAll(List.of("-cp", emptyApplicationClasspath(), EmptyApplication.class.getName()));
        return Measured.run(repository, command).orFail("the empty application");
    }

    /**
     * The nightly run with the sample profile (which allows the demo child key the generated inboxes are made with).
     *
     * @param inbox  what the work root's inbox is seeded from, or {@code null} for what is already in it
     * @param schema the PostgreSQL schema, or {@code null} for the embedded database
     */
    private List<String> nightly(Path root, Path inbox, String schema) {
        List<String> command = pipeline("--spring.profiles.active=sample", "--activeoffer.work-root=" + root,
                "--activeoffer.mappings-dir=" + repository.resolve("mappings"));
        command.add("--activeoffer.seed-from=" + (inbox == null ? "" : inbox));
        if (schema != null) {
            command.addAll(List.of("--spring.datasource.url=" + POSTGRES_URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=postgres", "--spring.flyway.schemas=" + schema));
        }
        return command;
    }

    private static String schemaFor(String database) {
        return database.equals("postgresql") ? "bench_" + Long.toHexString(System.nanoTime()) : null;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * P1s: a nightly run over an empty inbox, on each database, against an empty Spring Boot application's start with
     * the same JVM flags, in interleaved runs.
     *
     * @return the median seconds of the empty-inbox run, by database
     */
    private Map<String, Double> startUp(int repeats) throws Exception {
        List<Double> empty = new ArrayList<>();
        Map<String, List<Double>> emptyInbox = new LinkedHashMap<>();
        Path nothing = Files.createDirectories(work.resolve("empty-inbox"));
        for (int i = 0; i < repeats; i++) {
            progress("P1s " + (i + 1) + "/" + repeats + ": an empty Spring Boot application, and the nightly run over "
                    + "an empty inbox on each database");
            empty.add(emptyBoot().seconds());
            for (String database : List.of("h2", "postgresql")) {
                Measured run = Measured.run(repository, nightly(work.resolve("p1s-" + database + "-" + i), nothing,
                        schemaFor(database))).orFail("the empty-inbox run on " + database);
                emptyInbox.computeIfAbsent(database, d -> new ArrayList<>()).add(run.seconds());
            }
        }
        emptyBootSeconds = median(empty);
        Map<String, Double> medians = new LinkedHashMap<>();
        emptyInbox.forEach((database, seconds) -> {
            double ratio = median(seconds) / emptyBootSeconds;
            medians.put(database, median(seconds));
            row("P1s", "nightly run over an empty inbox, " + database + " / empty Spring Boot start", ratio(ratio)
                    + " (" + seconds(median(seconds)) + " / " + seconds(emptyBootSeconds) + ")", "≤ 2x", ratio <= 2);
        });
        results.put("p1s", Map.of("emptyBootSeconds", emptyBootSeconds, "emptyInboxSeconds", medians));
        return medians;
    }

    private double emptyBootSeconds;
    private int storeGrowthRows;
    /** A folder of inboxes generated before ({@code inbox-<scale>x}), used instead of generating them again. */
    private Path generatedBefore;
    private final Map<String, Double> floorEmpty = new LinkedHashMap<>();
    private static final int FLOOR_THREADS = Runtime.getRuntime().availableProcessors();
    /** Whether the runs at the largest scale are recorded by Java Flight Recorder (about 2% slower). */
    private boolean profile;

    /** P4: the nightly run over the sample inbox, and validate of one file, against the empty application's start. */
    private void sampleAndValidate(int repeats, double sampleRun) throws Exception {
        List<Double> validate = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            progress("P4 " + (i + 1) + "/" + repeats + ": validate of one sample XLSX");
            validate.add(Measured.run(repository, pipeline("validate", repository.resolve(BigFiles.SAMPLE_XLSX)
                    .toString(), "--region=cardiff-and-vale", "--activeoffer.work-root=" + work.resolve("p4")))
                    .orFail("validate").seconds());
        }
        double base = emptyBootSeconds;
        results.put("p4", Map.of("emptyBootSeconds", base, "validateSeconds", median(validate),
                "validateRatio", median(validate) / base, "sampleRunSeconds", sampleRun,
                "sampleRatio", sampleRun / base));
        if (sampleRun > 0) {
            row("P4", "nightly run on the sample inbox / empty Spring Boot start", ratio(sampleRun / base) + " ("
                    + seconds(sampleRun) + " / " + seconds(base) + ")", "≤ 4x", sampleRun / base <= 4);
        }
        row("P4", "validate of one sample XLSX / empty Spring Boot start", ratio(median(validate) / base) + " ("
                + seconds(median(validate)) + ")", "≤ 1.5x", median(validate) / base <= 1.5);
    }

    /**
     * P1, P1m and P5: the end-to-end run on generated inboxes, on both databases, against DuckDB and the yardstick on
     * the same records; then P5's store check, on the largest store made.
     *
     * @param emptyInbox the empty-inbox run's seconds by database, the fixed cost P1m takes away
     * @return the seconds of the run at 1x on the embedded database (the sample inbox), or -1 if 1x was not run
     */
    private double endToEnd(List<Integer> scales, Map<String, Double> emptyInbox) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        Map<String, Map<Integer, Double>> seconds = new LinkedHashMap<>();
        Map<String, String> largestStore = new LinkedHashMap<>();
        for (int scale : scales) {
            Path generated = work.resolve("inbox-" + scale + "x");
            Path earlier = generatedBefore == null ? null : generatedBefore.resolve("inbox-" + scale + "x");
            if (earlier != null && Files.exists(earlier.resolve("MANIFEST.csv"))) {
                progress("P1 using the inbox generated earlier at " + scale + "x: " + earlier);
                generated = earlier;
            } else {
                progress("P1 generating the sample inbox at " + scale + "x");
                new SampleInboxGenerator(scale).generate(generated);
            }
            long expected = expectedRows(generated);
            double[] duck = null;
            double yardstick = -1;
            Map<String, Double> floor = new LinkedHashMap<>();
            for (String database : List.of("h2", "postgresql")) {
                progress("P1 " + scale + "x on " + database);
                Path root = work.resolve("p1-" + scale + "x-" + database);
                String schema = schemaFor(database);
                List<String> command = nightly(root, generated.resolve("inbox"), schema);
                if (profile && scale == scales.get(scales.size() - 1)) {
                    Path recording = work.resolve("profile-" + scale + "x-" + database + ".jfr");
                    command.add(1, "-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
                    progress("P1 recording a profile of the run in " + recording);
                }
                Measured run = Measured.run(repository, command)
                        .orFail("the run at " + scale + "x on " + database, 0, COMPLETED_WITH_REFUSED_FILES);
                long stored = count(ACCEPTED, run.output()) + count(REJECTED, run.output());
                if (stored != expected) {
                    throw new IllegalStateException("at " + scale + "x on " + database + ", " + stored
                            + " rows were stored as records or rejected rows, but the generator wrote " + expected);
                }
                largestStore.put(database, root + "|" + (schema == null ? "" : schema));
                Path records = work.resolve("records-" + scale + "x.csv");
                if (duck == null) {
                    exportRecords(root, records);
                    duck = duckDb(records, scale);
                    progress("P1 the yardstick at " + scale + "x");
                    yardstick = Measured.run(repository, yardstickCommand(records)).orFail("the yardstick").seconds();
                    for (String store : List.of("h2", "postgresql")) {
                        progress("P1 the floor at " + scale + "x on " + store);
                        floor.put(store, floor(generated, store, "floor-" + scale + "x-" + store));
                    }
                }
                seconds.computeIfAbsent(database, d -> new LinkedHashMap<>()).put(scale, run.seconds());
                double duckMarginal = (duck[0] - duck[1]) / (expected - DUCKDB_SMALL_ROWS);
                double marginal = (run.seconds() - emptyInbox.get(database)) / expected;
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("scale", scale);
                result.put("database", database);
                result.put("rows", expected);
                result.put("seconds", run.seconds());
                result.put("cpuSeconds", run.cpuSeconds());
                result.put("peakRssKb", run.peakRssKb());
                result.put("rowsPerSecond", expected / run.seconds());
                result.put("duckDbSeconds", duck[0]);
                result.put("duckDbSmallSeconds", duck[1]);
                result.put("ratioToDuckDb", run.seconds() / duck[0]);
                result.put("marginalMicroseconds", marginal * 1e6);
                result.put("duckDbMarginalMicroseconds", duckMarginal * 1e6);
                result.put("yardstickSeconds", yardstick);
                result.put("floorSeconds", floor.get(database));
                result.put("floorEmptySeconds", floorEmpty.get(database));
                double floorMarginal = (floor.get(database) - floorEmpty.get(database)) / expected;
                result.put("floorMarginalMicroseconds", floorMarginal * 1e6);
                result.put("perFileSeconds", fileSeconds(run.output()));
                runs.add(result);
                String rowsText = String.format(Locale.UK, "%,d", expected);
                row("P1", "end-to-end at " + scale + "x (" + rowsText + " rows), " + database + " / DuckDB",
                        ratio(run.seconds() / duck[0]) + " (" + seconds(run.seconds()) + " / " + seconds(duck[0])
                                + "; CPU " + seconds(run.cpuSeconds()) + "; " + Math.round(expected / run.seconds())
                                + " rows/s; peak RSS " + run.peakRssKb() / 1024 + " MB)", "(see P1m)", true);
                row("P1m", "marginal cost per record at " + scale + "x, " + database + " / DuckDB's",
                        ratio(marginal / duckMarginal) + String.format(Locale.UK, " (%.1f µs / %.1f µs)",
                                marginal * 1e6, duckMarginal * 1e6), "≤ 4x", marginal / duckMarginal <= 4);
                row("P1", "floor at " + scale + "x, " + database + " (" + FLOOR_THREADS + " threads: every file "
                        + "read by fastexcel-reader, FastCSV or POI, HMAC, stored, partitioned Parquet) / DuckDB",
                        ratio(floor.get(database) / duck[0]) + " (" + seconds(floor.get(database)) + "); its cost per "
                                + "record " + ratio(floorMarginal / duckMarginal) + String.format(Locale.UK,
                                        " DuckDB's (%.1f µs); the pipeline's is ", floorMarginal * 1e6)
                                + ratio(marginal / floorMarginal) + " the floor's", "(floor)", true);
                if (database.equals("postgresql")) {
                    row("P1", "yardstick at " + scale + "x (Commons CSV, HMAC, COPY) / DuckDB",
                            ratio(yardstick / duck[0]) + " (" + seconds(yardstick) + "); the pipeline is "
                                    + ratio(run.seconds() / yardstick) + " the yardstick", "(yardstick)", true);
                }
            }
        }
        results.put("p1", runs);
        if (scales.size() >= 2) {
            int small = scales.get(scales.size() - 2);
            int large = scales.get(scales.size() - 1);
            Map<String, Double> growth = new LinkedHashMap<>();
            seconds.forEach((database, bySize) -> {
                double ratio = bySize.get(large) / bySize.get(small);
                growth.put(database, ratio);
                row("P5", "time(" + large + "x) / time(" + small + "x), " + database + " (sizes " + large / small
                        + "x apart)", ratio(ratio), large / small >= 9 ? "≤ 11" : "≤ 1.1 × the size ratio",
                        ratio <= 1.1 * large / small);
            });
            results.put("p5", growth);
        }
        storeGrowth(largestStore, scales.get(scales.size() - 1));
        return seconds.getOrDefault("h2", Map.of()).getOrDefault(1, -1.0);
    }

    /**
     * P5's store check: one file's ingest time into an empty store, and into the largest store the runs made. The file
     * is a WCCIS export of 20,000 offers (2,000 in the smoke run) in 2019-20, a year no generated inbox holds, so it
     * replaces nothing in either store.
     */
    private void storeGrowth(Map<String, String> largestStore, int scale) throws Exception {
        int rows = storeGrowthRows;
        Path file = work.resolve("store-growth/WCCIS_ActiveOffer_W06000018_2019-20.csv");
        BigFiles.csv(repository, file, rows);
        Files.writeString(file, Files.readString(file).replace(",2023-", ",2019-").replace(",2024-", ",2020-"));
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> store : largestStore.entrySet()) {
            String database = store.getKey();
            Path emptyRoot = work.resolve("store-growth-empty-" + database);
            Files.createDirectories(emptyRoot.resolve("inbox/gwent"));
            Files.copy(file, emptyRoot.resolve("inbox/gwent").resolve(file.getFileName()));
            progress("P5 one file into an empty store, " + database);
            double intoEmpty = fileSeconds(Measured.run(repository, nightly(emptyRoot, null, schemaFor(database)))
                    .orFail("the file into an empty store").output()).get(0);
            String[] large = store.getValue().split("\\|", -1);
            Path largeRoot = Path.of(large[0]);
            Files.copy(file, largeRoot.resolve("inbox/gwent").resolve(file.getFileName()));
            progress("P5 the same file into the store of the " + scale + "x run, " + database);
            double intoLarge = fileSeconds(Measured.run(repository, nightly(largeRoot, null,
                    large[1].isEmpty() ? null : large[1])).orFail("the file into a large store").output()).get(0);
            double ratio = intoLarge / intoEmpty;
            result.put(database, Map.of("emptyStoreSeconds", intoEmpty, "largeStoreSeconds", intoLarge));
            row("P5", String.format(Locale.UK, "one %,d-row file into the %dx store / into an empty store, %s", rows,
                    scale, database), ratio(ratio) + " (" + seconds(intoLarge) + " / " + seconds(intoEmpty) + ")",
                    "≤ 1.2x", ratio <= 1.2);
        }
        results.put("p5store", result);
    }

    /** Each file's ingest seconds, as the run's log gives them, in the order taken. */
    private static List<Double> fileSeconds(String output) {
        List<Double> seconds = new ArrayList<>();
        Matcher m = FILE_SECONDS.matcher(output);
        while (m.find()) {
            seconds.add(Double.parseDouble(m.group(1)));
        }
        return seconds;
    }

    /**
     * The floor's seconds on a generated inbox, on one database; the first call on each database also times it on an
     * empty folder, its fixed cost.
     */
    private double floor(Path generated, String database, String name) throws Exception {
        if (!floorEmpty.containsKey(database)) {
            Path empty = Files.createDirectories(work.resolve("floor-empty"));
            floorEmpty.put(database, Measured.run(repository, floorCommand(empty, database, name + "-empty"))
                    .orFail("the floor on an empty inbox").seconds());
        }
        return Measured.run(repository, floorCommand(generated, database, name)).orFail("the floor").seconds();
    }

    private List<String> floorCommand(Path generated, String database, String name) {
        String url = database.equals("postgresql") ? POSTGRES_URL
                : "jdbc:h2:file:" + work.resolve(name).resolve("floor") + ";MODE=PostgreSQL";
        return new ArrayList<>(List.of("java", HEAP, "-cp", emptyApplicationClasspath(), Floor.class.getName(),
                generated.toString(), url, work.resolve(name).resolve("parquet").toString(),
                String.valueOf(FLOOR_THREADS)));
    }

    private List<String> yardstickCommand(Path records) {
        List<String> command = new ArrayList<>(List.of("java", HEAP, "-cp", emptyApplicationClasspath(),
                Yardstick.class.getName(), records.toString(), POSTGRES_URL));
        return command;
    }

    /** Rows the generator wrote to files the manifest expects to be read (refused files are refused whole). */
    private static long expectedRows(Path generated) throws IOException {
        try (Reader reader = Files.newBufferedReader(generated.resolve("MANIFEST.csv"))) {
            long rows = 0;
            for (CSVRecord file : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (file.get("file_rule_id").isEmpty()) {
                    rows += Long.parseLong(file.get("data_rows"));
                }
            }
            return rows;
        }
    }

    private static long count(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The run's current records as CSV, from its restricted Parquet (not timed). */
    private static void exportRecords(Path root, Path csv) throws IOException, SQLException {
        Path records;
        try (Stream<Path> runs = Files.list(root.resolve("restricted"))) {
            records = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("records");
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_parquet('" + records + "/**/*.parquet', hive_partitioning = true)) "
                    + "TO '" + csv + "' (HEADER)");
        }
    }

    /**
     * DuckDB on the same records: from their CSV to Parquet partitioned by financial year and region, and the counts
     * per geography, quarter and route; on all of them, and on the first {@value #DUCKDB_SMALL_ROWS}, whose time is
     * DuckDB's fixed cost in P1m.
     *
     * @return the seconds on all records, then on the first few
     */
    private double[] duckDb(Path csv, int scale) throws IOException, SQLException {
        Path small = work.resolve("duckdb-" + scale + "x-small.csv");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_csv('" + csv + "') LIMIT " + DUCKDB_SMALL_ROWS + ") TO '" + small
                    + "' (HEADER)");
        }
        double all = duckDbJob(csv, work.resolve("duckdb-" + scale + "x-parquet"));
        double few = duckDbJob(small, work.resolve("duckdb-" + scale + "x-small-parquet"));
        return new double[] {all, few};
    }

    private static double duckDbJob(Path csv, Path out) throws SQLException {
        long start = System.nanoTime();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE r AS SELECT * FROM read_csv('" + csv + "')");
            sql.execute("COPY r TO '" + out + "' (FORMAT PARQUET, PARTITION_BY (financial_year, region_code))");
            sql.execute("""
                    CREATE TABLE measures AS
                    WITH geo AS (SELECT *, unnest([['wales', 'W92000004'], ['region', region_code],
                                                   ['authority', authority_code]]) AS g FROM r),
                         routed AS (SELECT *, unnest(['all', eligibility_route]) AS route FROM geo)
                    SELECT g[1] AS level, g[2] AS code, quarter, route, COUNT(*) AS offers,
                           COUNT(*) FILTER (WHERE offer_response = 'accepted_meeting') AS meetings_accepted,
                           COUNT(*) FILTER (WHERE meeting_outcome IN ('took_up', 'declined', 'time_to_think')) AS held,
                           COUNT(*) FILTER (WHERE meeting_outcome = 'took_up') AS taken_up
                    FROM routed GROUP BY ALL""");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** P3: a million-row CSV and XLSX taken in under the heap limit. */
    private void memory(int rows) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (String[] file : List.of(new String[] {"csv", "gwent", "WCCIS_ActiveOffer_W06000018_2023-24.csv"},
                new String[] {"xlsx", "cardiff-and-vale", "Cardiff AO return 2023-24.xlsx"})) {
            progress("P3 writing a " + rows + "-row " + file[0]);
            Path inbox = work.resolve("p3-" + file[0] + "-inbox");
            Path target = inbox.resolve(file[1]).resolve(file[2]);
            if (file[0].equals("csv")) {
                BigFiles.csv(repository, target, rows);
            } else {
                BigFiles.xlsx(repository, target, rows);
            }
            progress("P3 taking in the " + rows + "-row " + file[0] + " with " + HEAP);
            Measured run = Measured.run(repository, nightly(work.resolve("p3-" + file[0]), inbox, null));
            long stored = count(ACCEPTED, run.output()) + count(REJECTED, run.output());
            boolean held = run.exitCode() == 0 && stored == rows;
            runs.add(Map.of("format", file[0], "rows", rows, "seconds", run.seconds(), "peakRssKb",
                    run.peakRssKb(), "stored", stored, "held", held));
            row("P3", String.format(Locale.UK, "%,d-row %s under %s", rows, file[0].toUpperCase(Locale.ROOT), HEAP),
                    (held ? "held: every row stored" : "failed (exit " + run.exitCode() + ", " + stored + " stored)")
                            + "; peak RSS " + run.peakRssKb() / 1024 + " MB; " + seconds(run.seconds()),
                    "holds", held);
        }
        results.put("p3", runs);
    }

    /** P2: the readers, with JMH. */
    private void readers(int rows, boolean smoke) throws Exception {
        progress("P2 reading " + rows + "-row files with each reader (JMH)");
        var options = new OptionsBuilder().include(ReaderBenchmarks.class.getName())
                .param("rows", String.valueOf(rows)).param("repository", repository.toString())
                .forks(1).warmupIterations(smoke ? 0 : 2).measurementIterations(smoke ? 1 : 5)
                .jvmArgsAppend("-Xmx1g").shouldFailOnError(true).build();
        Map<String, Double> millis = new LinkedHashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark();
            millis.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        results.put("p2", Map.of("rows", rows, "milliseconds", millis));
        double xlsx = millis.get("xlsxPipeline") / millis.get("xlsxFastexcel");
        row("P2", String.format(Locale.UK, "%,d-row XLSX: pipeline / fastexcel-reader", rows), ratio(xlsx) + " ("
                + Math.round(millis.get("xlsxPipeline")) + " ms / " + Math.round(millis.get("xlsxFastexcel"))
                + " ms; POI events " + Math.round(millis.get("xlsxPoiEvents")) + " ms)", "≤ 1.5x", xlsx <= 1.5);
        double csv = millis.get("csvPipeline") / millis.get("csvFastCsv");
        row("P2", String.format(Locale.UK, "%,d-row CSV: pipeline / FastCSV", rows), ratio(csv) + " ("
                + Math.round(millis.get("csvPipeline")) + " ms / " + Math.round(millis.get("csvFastCsv")) + " ms)",
                "(no goal set)", true);
    }

    private void row(String measure, String what, String measured, String goal, boolean met) {
        table.add(new String[] {measure, what, measured, goal, met ? "yes" : "**no**"});
    }

    private static String ratio(double value) {
        return String.format(Locale.UK, "%.1fx", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.UK, "%.1f s", value);
    }

    private void write(String mode) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("benchmarks/results"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        results.put("table", table.stream().map(List::of).toList());
        Path json = folder.resolve(mode + "-" + stamp + ".json");
        Files.writeString(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(results), StandardOpenOption.CREATE_NEW);
        StringBuilder markdown = new StringBuilder("Benchmarks (" + mode + "), " + results.get("date") + ", commit "
                + results.get("commit") + ", " + results.get("machine") + ", heap " + HEAP + "\n\n"
                + "| | what | measured | goal | met |\n| --- | --- | --- | --- | --- |\n");
        table.forEach(r -> markdown.append("| ").append(String.join(" | ", r)).append(" |\n"));
        Path md = folder.resolve(mode + "-" + stamp + ".md");
        Files.writeString(md, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Results: " + json + " and " + md);
    }

    private static String git(Path repository, String... arguments) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(arguments));
            Process git = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
