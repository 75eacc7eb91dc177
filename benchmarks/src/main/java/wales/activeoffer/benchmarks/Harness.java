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
    private static final String POSTGRES_URL = System.getenv().getOrDefault("BENCH_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final Pattern ACCEPTED = Pattern.compile("Rows accepted:\\s+(\\d+)");
    private static final Pattern REJECTED = Pattern.compile("Rows rejected:\\s+(\\d+)");
    private final Path repository;
    private final Path jar;
    private final Path work;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();

    private Harness(Path repository) {
        this.repository = repository;
        this.jar = repository.resolve("pipeline/target/active-offer-pipeline.jar");
        this.work = repository.resolve("benchmarks/target/work");
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "full";
        if (!List.of("smoke", "full").contains(mode)) {
            System.err.println("Usage: benchmarks/run smoke|full [--scales=1,13,126] [--rows=1000000] "
                    + "[--reader-rows=200000] [--repeats=3]");
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
        double sampleRun = harness.endToEnd(scales);
        harness.startUp(repeats, sampleRun);
        harness.memory(rows);
        harness.readers(readerRows, smoke);
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
        List<String> command = new ArrayList<>(List.of("java", HEAP, "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private List<String> nightly(Path root, Path inbox, String database) {
        // the sample profile allows the demo child key, which the generated inboxes are made with
        List<String> command = pipeline("--spring.profiles.active=sample", "--activeoffer.work-root=" + root,
                "--activeoffer.seed-from=" + inbox, "--activeoffer.mappings-dir=" + repository.resolve("mappings"));
        if (database.equals("postgresql")) {
            String schema = "bench_" + Long.toHexString(System.nanoTime());
            command.addAll(List.of("--spring.datasource.url=" + POSTGRES_URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=postgres", "--spring.flyway.schemas=" + schema));
        }
        return command;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * P4: the nightly run over the sample inbox (P1's run at 1x on the embedded database, which is the sample inbox), and
     * validate of one file, against an empty Spring Boot application's start.
     */
    private void startUp(int repeats, double sampleRun) throws Exception {
        List<Double> empty = new ArrayList<>();
        List<Double> validate = new ArrayList<>();
        String classpath = repository.resolve("benchmarks/target/classes") + ":"
                + repository.resolve("benchmarks/target/lib") + "/*";
        for (int i = 0; i < repeats; i++) {
            progress("P4 " + (i + 1) + "/" + repeats + ": an empty Spring Boot application, and validate");
            empty.add(Measured.run(repository, List.of("java", HEAP, "-cp", classpath,
                    EmptyApplication.class.getName())).orFail("the empty application").seconds());
            validate.add(Measured.run(repository, pipeline("validate", repository.resolve(BigFiles.SAMPLE_XLSX)
                    .toString(), "--region=cardiff-and-vale", "--activeoffer.work-root=" + work.resolve("p4")))
                    .orFail("validate").seconds());
        }
        double base = median(empty);
        results.put("p4", Map.of("emptyBootSeconds", base, "validateSeconds", median(validate),
                "validateRatio", median(validate) / base, "sampleRunSeconds", sampleRun,
                "sampleRatio", sampleRun / base));
        if (sampleRun > 0) {
            row("P4", "nightly run on the sample inbox / empty Spring Boot start", ratio(sampleRun / base) + " ("
                    + seconds(sampleRun) + " / " + seconds(base) + ")", "≤ 2x", sampleRun / base <= 2);
        }
        row("P4", "validate of one sample XLSX / empty Spring Boot start", ratio(median(validate) / base) + " ("
                + seconds(median(validate)) + ")", "≤ 1.5x", median(validate) / base <= 1.5);
    }

    /**
     * P1 and P5: the end-to-end run on generated inboxes, on both databases, against DuckDB on the same records.
     *
     * @return the seconds of the run at 1x on the embedded database (the sample inbox), or -1 if 1x was not run
     */
    private double endToEnd(List<Integer> scales) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        Map<String, Map<Integer, Double>> seconds = new LinkedHashMap<>();
        for (int scale : scales) {
            Path generated = work.resolve("inbox-" + scale + "x");
            progress("P1 generating the sample inbox at " + scale + "x");
            new SampleInboxGenerator(scale).generate(generated);
            long expected = expectedRows(generated);
            double duck = -1;
            for (String database : List.of("h2", "postgresql")) {
                progress("P1 " + scale + "x on " + database);
                Path root = work.resolve("p1-" + scale + "x-" + database);
                Measured run = Measured.run(repository, nightly(root, generated.resolve("inbox"), database))
                        .orFail("the run at " + scale + "x on " + database, 0, COMPLETED_WITH_REFUSED_FILES);
                long stored = count(ACCEPTED, run.output()) + count(REJECTED, run.output());
                if (stored != expected) {
                    throw new IllegalStateException("at " + scale + "x on " + database + ", " + stored
                            + " rows were stored as records or rejected rows, but the generator wrote " + expected);
                }
                if (duck < 0) {
                    duck = duckDb(root, scale);
                }
                seconds.computeIfAbsent(database, d -> new LinkedHashMap<>()).put(scale, run.seconds());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("scale", scale);
                result.put("database", database);
                result.put("rows", expected);
                result.put("seconds", run.seconds());
                result.put("peakRssKb", run.peakRssKb());
                result.put("rowsPerSecond", expected / run.seconds());
                result.put("duckDbSeconds", duck);
                result.put("ratioToDuckDb", run.seconds() / duck);
                runs.add(result);
                row("P1", "end-to-end at " + scale + "x (" + String.format(Locale.UK, "%,d", expected) + " rows), "
                        + database + " / DuckDB", ratio(run.seconds() / duck) + " (" + seconds(run.seconds())
                        + " / " + seconds(duck) + "; " + Math.round(expected / run.seconds()) + " rows/s; peak RSS "
                        + run.peakRssKb() / 1024 + " MB)", "≤ 4x", run.seconds() / duck <= 4);
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
        return seconds.getOrDefault("h2", Map.of()).getOrDefault(1, -1.0);
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

    /**
     * DuckDB on the same records: from a CSV of them (exported from the run's restricted Parquet, not timed), to
     * Parquet partitioned by financial year and region, and the counts per geography, quarter and route.
     */
    private double duckDb(Path root, int scale) throws IOException, SQLException {
        Path records;
        try (Stream<Path> runs = Files.list(root.resolve("restricted"))) {
            records = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("records");
        }
        Path csv = work.resolve("duckdb-" + scale + "x.csv");
        Path out = work.resolve("duckdb-" + scale + "x-parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_parquet('" + records + "/**/*.parquet', hive_partitioning = true)) "
                    + "TO '" + csv + "' (HEADER)");
        }
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
            Measured run = Measured.run(repository, nightly(work.resolve("p3-" + file[0]), inbox, "h2"));
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
