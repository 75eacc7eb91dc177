package wales.activeoffer.status;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import wales.activeoffer.status.ServiceStatus.AuthorityStatus;
import wales.activeoffer.status.ServiceStatus.FileState;
import wales.activeoffer.status.ServiceStatus.RegionStatus;

/** The status as a person reads it. */
public final class StatusText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private StatusText() {
    }

    public static String of(ServiceStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("Active Offer pipeline status at ").append(when(status.at())).append("\n\n");
        out.append("Last run:      ").append(status.lastRun() == null ? "none yet"
                : "run " + status.lastRun().id() + " (" + status.lastRun().stamp() + "), "
                        + status.lastRun().outcome().toLowerCase(Locale.ROOT) + ", started "
                        + when(status.lastRun().started()) + (status.lastRun().ended() == null ? ""
                                : ", ended " + when(status.lastRun().ended()))).append('\n');
        out.append("Officials' nightly dataset (restricted):  ").append(status.lastOfficials() == null ? "none yet"
                : status.lastOfficials()).append('\n');
        out.append("Last public release:  ").append(status.lastRelease() == null ? "none yet" : status.lastRelease())
                .append('\n');
        out.append("Next public release:  ").append(status.nextPublicRelease() == null
                ? "none set in mappings/reference/publication-calendar.csv" : status.nextPublicRelease().toString())
                .append('\n');
        list(out, "Waiting in the inbox", status.waiting());
        list(out, "Quarantined (the data team must look)", status.quarantined().stream()
                .map(f -> f.region() + "/" + f.file() + ", received " + when(f.received())).toList());
        list(out, "Sent to no place the pipeline reads (each has a receipt saying where to put it)", status.misplaced()
                .stream().map(f -> (f.region().isEmpty() ? "" : f.region() + "/") + f.file() + ", received "
                        + when(f.received())).toList());
        for (RegionStatus region : status.regions()) {
            out.append('\n').append(region.name()).append(" (").append(region.code()).append(")\n");
            out.append("  last file: ").append(file(region.lastSubmission())).append('\n');
            for (AuthorityStatus authority : region.authorities()) {
                out.append("  ").append(authority.name()).append(": ")
                        .append(authority.lastSubmission() == null ? "no records yet"
                                : "last records from " + file(authority.lastSubmission()))
                        .append(authority.missingQuarters().isEmpty() ? "; no quarter missing"
                                : "; missing " + String.join(", ", authority.missingQuarters()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static void list(StringBuilder out, String heading, List<String> lines) {
        out.append(heading).append(": ").append(lines.isEmpty() ? "none" : lines.size()).append('\n');
        lines.forEach(line -> out.append("  ").append(line).append('\n'));
    }

    private static String file(FileState file) {
        return file == null ? "none yet" : "'" + file.file() + "' received " + when(file.received()) + ": "
                + file.state();
    }

    private static String when(LocalDateTime time) {
        return time == null ? "?" : WHEN.format(time);
    }
}
