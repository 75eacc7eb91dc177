package wales.activeoffer.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole process run under GNU {@code /usr/bin/time -v}: its wall time, its peak resident memory and what it printed.
 */
record Measured(double seconds, double cpuSeconds, long peakRssKb, int exitCode, String output) {
    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time.*: (?:(\\d+):)?(\\d+):(\\d+(?:\\.\\d+)?)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): (\\d+(?:\\.\\d+)?)");
    private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): (\\d+(?:\\.\\d+)?)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    static Measured run(Path directory, List<String> command) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        timed.addAll(command);
        Path log = Files.createTempFile("measured", ".log");
        Process process = new ProcessBuilder(timed).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        Matcher wall = WALL.matcher(output);
        Matcher rss = RSS.matcher(output);
        if (!wall.find() || !rss.find()) {
            throw new IllegalStateException("no timing from /usr/bin/time for " + command + ":\n" + tail(output));
        }
        double seconds = (wall.group(1) == null ? 0 : Integer.parseInt(wall.group(1)) * 3600)
                + Integer.parseInt(wall.group(2)) * 60 + Double.parseDouble(wall.group(3));
        Matcher user = USER.matcher(output);
        Matcher system = SYSTEM.matcher(output);
        double cpu = (user.find() ? Double.parseDouble(user.group(1)) : 0)
                + (system.find() ? Double.parseDouble(system.group(1)) : 0);
        return new Measured(seconds, cpu, Long.parseLong(rss.group(1)), exit, output);
    }

    static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 30), lines.length));
    }

    Measured orFail(String what) {
        return orFail(what, 0);
    }

    /** This measurement, if the command ended with one of {@code expected} exit codes; otherwise a failure. */
    Measured orFail(String what, int... expected) {
        if (Arrays.stream(expected).noneMatch(code -> code == exitCode)) {
            throw new IllegalStateException(what + " exited with " + exitCode + ":\n" + tail(output));
        }
        return this;
    }
}
