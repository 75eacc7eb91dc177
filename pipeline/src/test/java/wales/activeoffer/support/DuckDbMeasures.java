package wales.activeoffer.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Every published measure recomputed in DuckDB SQL from the record-level Parquet alone, following the definitions of
 * {@code docs/measures.md} rather than the pipeline's code. Keys are those of {@link #key(Map)}.
 */
public final class DuckDbMeasures {
    private static final String SQL = """
            WITH r AS (SELECT * FROM read_parquet('%1$s/**/*.parquet', hive_partitioning = true)),
            g AS (SELECT *, unnest([['wales', 'W92000004'], ['region', region_code], ['authority', authority_code]]) AS geo
                  FROM r),
            p AS (SELECT *, unnest([['financial_year', financial_year], ['quarter', quarter]]) AS per FROM g),
            c AS (SELECT *, geo[1] AS level, geo[2] AS code, per[1] AS period_type, per[2] AS period,
                         unnest(['all', eligibility_route]) AS route FROM p),
            t AS (SELECT level, code, period_type, period, route,
                         COUNT(*) AS offers,
                         COUNT(*) FILTER (WHERE offer_response = 'accepted_meeting') AS meetings_accepted,
                         COUNT(*) FILTER (WHERE meeting_outcome IN ('took_up', 'declined', 'time_to_think')) AS meetings_held,
                         COUNT(*) FILTER (WHERE meeting_outcome = 'took_up') AS taken_up
                  FROM c GROUP BY ALL),
            refusal AS (SELECT level, code, period_type, period, route, refusal_stage AS stage,
                               %3$s AS category, COUNT(*) AS n
                        FROM c WHERE refusal_stage IS NOT NULL GROUP BY ALL),
            refusal_total AS (SELECT level, code, period_type, period, route, stage, SUM(n) AS n FROM refusal GROUP BY ALL),
            times AS (SELECT level, code, period_type, period, route, 'referral_to_meeting' AS category,
                             working_days_to_meeting AS d
                      FROM c WHERE meeting_outcome IN ('took_up', 'declined', 'time_to_think')
                                   AND working_days_to_meeting IS NOT NULL
                      UNION ALL
                      SELECT level, code, period_type, period, route, 'referral_to_first_contact',
                             working_days_to_first_contact
                      FROM c WHERE working_days_to_first_contact IS NOT NULL),
            timed AS (SELECT level, code, period_type, period, route, category, COUNT(*) AS n, list_sort(list(d)) AS v,
                             COUNT(*) FILTER (WHERE d <= %2$d) AS within
                      FROM times GROUP BY ALL),
            intervals AS (SELECT t.level, t.code, t.period_type, t.period, t.route, i.category,
                                 coalesce(timed.n, 0) AS n, timed.v, timed.within
                          FROM t CROSS JOIN (VALUES ('referral_to_meeting'), ('referral_to_first_contact')) i(category)
                          LEFT JOIN timed USING (level, code, period_type, period, route, category)),
            source AS (SELECT level, code, period_type, period, route, %4$s AS category,
                              COUNT(*) AS n FROM c GROUP BY ALL)
            SELECT 'take_up', 'offers', level, code, period_type, period, route, '', '', offers::DOUBLE FROM t
            UNION ALL SELECT 'take_up', 'meetings_accepted', level, code, period_type, period, route, '', '',
                             meetings_accepted::DOUBLE FROM t
            UNION ALL SELECT 'take_up', 'meetings_held', level, code, period_type, period, route, '', '',
                             meetings_held::DOUBLE FROM t
            UNION ALL SELECT 'take_up', 'taken_up', level, code, period_type, period, route, '', '', taken_up::DOUBLE FROM t
            UNION ALL SELECT 'take_up', 'take_up_rate', level, code, period_type, period, route, '', '',
                             taken_up::DOUBLE / NULLIF(meetings_held, 0) FROM t
            UNION ALL SELECT 'take_up', 'conversion_rate', level, code, period_type, period, route, '', '',
                             taken_up::DOUBLE / offers FROM t
            UNION ALL SELECT 'refusal_reasons', 'count', level, code, period_type, period, route, stage, category,
                             n::DOUBLE FROM refusal
            UNION ALL SELECT 'refusal_reasons', 'count', level, code, period_type, period, route, stage, 'all',
                             n::DOUBLE FROM refusal_total
            UNION ALL SELECT 'refusal_reasons', 'share', level, code, period_type, period, route, stage, category,
                             refusal.n::DOUBLE / refusal_total.n
                      FROM refusal JOIN refusal_total USING (level, code, period_type, period, route, stage)
            UNION ALL SELECT 'response_time', 'n', level, code, period_type, period, route, '', category, n::DOUBLE
                      FROM intervals
            UNION ALL SELECT 'response_time', 'median_working_days', level, code, period_type, period, route, '',
                             category, CASE WHEN n %% 2 = 1 THEN v[n // 2 + 1]::DOUBLE
                                            ELSE (v[n // 2] + v[n // 2 + 1])::DOUBLE / 2 END
                      FROM intervals WHERE n > 0
            UNION ALL SELECT 'response_time', 'p90_working_days', level, code, period_type, period, route, '',
                             category, v[CAST(ceil(n * 9 / 10.0) AS BIGINT)]::DOUBLE FROM intervals WHERE n > 0
            UNION ALL SELECT 'response_time', 'within_target', level, code, period_type, period, route, '', category,
                             within::DOUBLE FROM intervals WHERE n > 0
            UNION ALL SELECT 'response_time', 'beyond_target', level, code, period_type, period, route, '', category,
                             (n - within)::DOUBLE FROM intervals WHERE n > 0
            UNION ALL SELECT 'response_time', 'share_within_target', level, code, period_type, period, route, '',
                             category, within::DOUBLE / n FROM intervals WHERE n > 0
            UNION ALL SELECT 'referral_sources', 'count', level, code, period_type, period, route, '', category,
                             n::DOUBLE FROM source
            UNION ALL SELECT 'referral_sources', 'share', level, code, period_type, period, route, '', category,
                             source.n::DOUBLE / t.offers
                      FROM source JOIN t USING (level, code, period_type, period, route)
            """;

    private DuckDbMeasures() {
    }

    /**
     * @param recordsFolder the local folder of the Hive-partitioned record-level Parquet
     * @param combined      for refusal reasons and referral sources, the combined category each code is published in,
     *                      as the publication plan says
     */
    public static Map<String, Double> recompute(Connection duck, String recordsFolder, int targetWorkingDays,
            Map<String, Map<String, String>> combined) throws SQLException {
        Map<String, Double> figures = new HashMap<>();
        String sql = SQL.formatted(recordsFolder, targetWorkingDays,
                category("refusal_reason", combined.getOrDefault("refusal_reasons", Map.of())),
                category("referral_source", combined.getOrDefault("referral_sources", Map.of())));
        try (ResultSet rs = duck.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder key = new StringBuilder();
                for (int column = 1; column <= 9; column++) {
                    key.append(column == 1 ? "" : "|").append(rs.getString(column));
                }
                double figure = rs.getDouble(10);
                figures.put(key.toString(), rs.wasNull() ? null : figure);
            }
        }
        return figures;
    }

    private static String category(String column, Map<String, String> combined) {
        String recorded = "coalesce(" + column + ", 'not_recorded')";
        if (combined.isEmpty()) {
            return recorded;
        }
        StringBuilder sql = new StringBuilder("CASE ").append(recorded);
        combined.forEach((code, group) -> sql.append(" WHEN '").append(code).append("' THEN '").append(group)
                .append('\''));
        return sql.append(" ELSE ").append(recorded).append(" END").toString();
    }

    /** The key of a published row, by the column names of {@code aggregates.csv}. */
    public static String key(Map<String, String> row) {
        return String.join("|", row.get("measure"), row.get("statistic"), row.get("geography_level"),
                row.get("geography_code"), row.get("period_type"), row.get("period"), row.get("eligibility_route"),
                row.get("stage"), row.get("category"));
    }
}
