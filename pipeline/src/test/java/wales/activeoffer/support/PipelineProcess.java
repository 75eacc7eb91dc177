package wales.activeoffer.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pipeline as a real operating-system process, started from the test class path, so that tests can run two at
 * once or kill one with SIGKILL ({@code kill -9}) part-way through.
 */
public final class PipelineProcess {
    private final Process process;
    private final Path log;

    private PipelineProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the pipeline with these settings ({@code name=value}, without the leading dashes). */
    public static PipelineProcess start(Path log, List<String> settings) throws IOException {
        return start(log, "512m", List.of(), settings);
    }

    /** Starts a command ({@code words}, such as {@code validate <file>}) with at most {@code maxHeap} of memory. */
    public static PipelineProcess start(Path log, String maxHeap, List<String> words, List<String> settings)
            throws IOException {
        return start(log, maxHeap, words, settings, List.of());
    }

    /** As {@link #start(Path, String, List, List)}, with the file-creation mask a shell gives it ({@code umask}). */
    public static PipelineProcess startWithUmask(String umask, Path log, List<String> words, List<String> settings)
            throws IOException {
        return start(log, "512m", words, settings, List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
    }

    /** As {@link #start(Path, String, List, List)}, started in {@code folder} (its working directory). */
    public static PipelineProcess startIn(Path folder, Path log, List<String> words, List<String> settings)
            throws IOException {
        return start(log, "512m", words, settings, List.of("sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh",
                folder.toString()));
    }

    /**
     * As {@link #start(Path, String, List, List)}, but without the power to read other users' files that root has
     * (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped with {@code setpriv}), as the service account runs it.
     */
    public static PipelineProcess startAsAnOrdinaryUser(Path log, List<String> words, List<String> settings,
            Path temporaryFolder) throws IOException {
        return start(log, "512m", words, settings,
                List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"),
                List.of("-Djava.io.tmpdir=" + temporaryFolder));
    }

    private static PipelineProcess start(Path log, String maxHeap, List<String> words, List<String> settings,
            List<String> launcher) throws IOException {
        return start(log, maxHeap, words, settings, launcher, List.of());
    }

    private static PipelineProcess start(Path log, String maxHeap, List<String> words, List<String> settings,
            List<String> launcher, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // C1 alone: these processes are short, and most of a short JVM's CPU goes to the optimising compiler
        command.addAll(List.of("-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "wales.activeoffer.ActiveOfferApplication"));
        command.addAll(words);
        settings.forEach(setting -> command.add("--" + setting));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PipelineProcess(process, log);
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits until the output has a line matching {@code regex}; fails if the process ends or time runs out first. */
    public void awaitLine(String regex, Duration timeout) throws Exception {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (pattern.matcher(output()).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The pipeline ended before printing /" + regex + "/:\n" + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No line /" + regex + "/ within " + timeout + ":\n" + output());
    }

    /** Waits until a file whose name starts with {@code prefix} (and is not a {@code .part}) is in {@code folder}. */
    public void awaitFile(Path folder, String prefix, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.map(f -> f.getFileName().toString())
                            .anyMatch(name -> name.startsWith(prefix) && !name.endsWith(".part"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + prefix + "* in " + folder + " within " + timeout + ":\n" + output());
    }

    /** {@code kill} (SIGTERM): the process is asked to stop, as systemd stops a service. */
    public void stop() {
        process.destroy();
    }

    /** {@code kill -9}: the process gets no chance to clean up. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The pipeline did not finish within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }
}
