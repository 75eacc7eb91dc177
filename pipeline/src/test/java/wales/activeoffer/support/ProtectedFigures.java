package wales.activeoffer.support;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/** The unsuppressed figures of a release, read from the protected store, named as {@link DisclosureAudit} names them. */
public final class ProtectedFigures {
    private ProtectedFigures() {
    }

    public static Map<String, Long> trueCounts(JdbcTemplate jdbc, String release) {
        Map<String, Long> truth = new HashMap<>();
        jdbc.query("SELECT * FROM protected_aggregate WHERE release_name = ?", (ResultSet rs) -> {
            Map<String, String> row = new HashMap<>();
            for (String column : List.of("measure", "statistic", "geography_level", "geography_code", "period_type",
                    "period", "eligibility_route", "stage", "category")) {
                row.put(column, Objects.requireNonNullElse(rs.getString(column), ""));
            }
            double figure = rs.getDouble("figure");
            if (!rs.wasNull()) {
                truth.put(DisclosureAudit.nameOf(row), Math.round(figure));
            }
        }, release);
        return truth;
    }
}
