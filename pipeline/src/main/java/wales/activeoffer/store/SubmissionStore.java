package wales.activeoffer.store;

import wales.activeoffer.wording.Wording;
import wales.activeoffer.aggregate.PublishedAggregate;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.normalise.NormalisedRow;
import wales.activeoffer.normalise.RowIssue;
import wales.activeoffer.publish.ReleaseManifest;
import wales.activeoffer.template.OfferRecord;
import wales.activeoffer.template.Severity;

/**
 * The protected store: submissions, template records, rejected rows and row issues. Plain JDBC with batched inserts,
 * identical on PostgreSQL and the embedded H2 default.
 */
public class SubmissionStore {
    private static final int FETCH_SIZE = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    /** Whether records are stored with PostgreSQL's {@code COPY} rather than batched inserts; known at the first write. */
    private volatile Boolean copy;

    public SubmissionStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private boolean copies() {
        if (copy == null) {
            copy = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> c.isWrapperFor(PGConnection.class)));
        }
        return copy;
    }

    /** @param subFolder the authority folder the file was dropped in, or {@code null} */
    public long register(String regionCode, String subFolder, String fileName, String sha256, long size,
            LocalDateTime receivedAt, long ingestRun) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO submission (region_code, sub_folder, file_name, file_sha256, file_size, received_at,
                      ingest_run, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, regionCode);
            ps.setString(2, subFolder);
            ps.setString(3, fileName);
            ps.setString(4, sha256);
            ps.setLong(5, size);
            ps.setTimestamp(6, Timestamp.valueOf(receivedAt));
            ps.setLong(7, ingestRun);
            ps.setString(8, SubmissionStatus.RECEIVED.name());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** A submission this run already registered for this file, still being taken in (found again after a crash). */
    public Optional<Long> findRegistered(long ingestRun, String regionCode, String subFolder, String fileName,
            String sha256) {
        return jdbc.queryForList("""
                SELECT id FROM submission WHERE ingest_run = ? AND region_code = ? AND COALESCE(sub_folder, '') = ?
                  AND file_name = ? AND file_sha256 = ? AND status = 'RECEIVED' ORDER BY id""", Long.class, ingestRun,
                regionCode, subFolder == null ? "" : subFolder, fileName, sha256).stream().findFirst();
    }

    /**
     * A submission of this very file (same place, name and bytes) that was closed but never moved out of the inbox:
     * a run stopped between its receipt and its archive. It is finished, not taken in again.
     */
    public Optional<Long> findLeftBehind(String regionCode, String subFolder, String fileName, String sha256) {
        return jdbc.queryForList("""
                SELECT id FROM submission WHERE region_code = ? AND COALESCE(sub_folder, '') = ? AND file_name = ?
                  AND file_sha256 = ? AND status <> 'RECEIVED' AND archived_path IS NULL ORDER BY id""", Long.class,
                regionCode, subFolder == null ? "" : subFolder, fileName, sha256).stream().findFirst();
    }

    public void markReceipted(long id, String receiptPath) {
        jdbc.update("UPDATE submission SET receipt_path = ? WHERE id = ?", receiptPath, id);
    }

    /** Sets aside a submission whose processing failed unexpectedly: nothing it stored counts. */
    public void markQuarantined(long id, String detail) {
        jdbc.update("UPDATE submission SET status = ?, status_rule_id = NULL, status_detail = ? WHERE id = ?",
                SubmissionStatus.QUARANTINED.name(), truncate(detail, 2000), id);
    }

    /** The earlier ingested submission with the same bytes, if any. */
    public Optional<Submission> findIngested(String sha256, long otherThan) {
        return jdbc.query("SELECT * FROM submission WHERE file_sha256 = ? AND status = ? AND id <> ? ORDER BY id",
                SUBMISSION, sha256, SubmissionStatus.INGESTED.name(), otherThan).stream().findFirst();
    }

    public Submission submission(long id) {
        return jdbc.queryForObject("SELECT * FROM submission WHERE id = ?", SUBMISSION, id);
    }

    /** The current records' financial quarters, by authority: which quarters each authority has sent. */
    public Map<String, Set<String>> quartersByAuthority() {
        Map<String, Set<String>> quarters = new TreeMap<>();
        jdbc.query("""
                SELECT DISTINCT r.authority_code, r.quarter FROM offer_record r
                JOIN submission s ON s.id = r.submission_id
                WHERE s.status = 'INGESTED' AND r.superseded_by IS NULL""", (ResultSet rs) -> {
            quarters.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return quarters;
    }

    /** The latest submission with current records for each authority, by ONS code. */
    public Map<String, Submission> lastSubmissionByAuthority() {
        Map<String, Submission> last = new TreeMap<>();
        jdbc.query("""
                SELECT r.authority_code, MAX(s.id) AS last_id FROM offer_record r
                JOIN submission s ON s.id = r.submission_id
                WHERE s.status = 'INGESTED' AND r.superseded_by IS NULL GROUP BY r.authority_code""",
                (ResultSet rs) -> {
                    last.put(rs.getString(1), submission(rs.getLong(2)));
                });
        return last;
    }

    /** The latest submission of each region's folder, whatever became of it, by region code. */
    public Map<String, Submission> lastSubmissionByRegion() {
        Map<String, Submission> last = new TreeMap<>();
        jdbc.query("SELECT * FROM submission WHERE id IN (SELECT MAX(id) FROM submission GROUP BY region_code)",
                (ResultSet rs) -> {
                    Submission s = SUBMISSION.mapRow(rs, 0);
                    last.put(s.regionCode(), s);
                });
        return last;
    }

    /** Files set aside for the data team. */
    public List<Submission> quarantined() {
        return jdbc.query("SELECT * FROM submission WHERE status = ? ORDER BY id", SUBMISSION,
                SubmissionStatus.QUARANTINED.name());
    }

    /** Files answered because they were dropped where the pipeline does not read (rule AO-F09). */
    public List<Submission> misplaced() {
        return jdbc.query("SELECT * FROM submission WHERE status = ? AND status_rule_id = 'AO-F09' ORDER BY id",
                SUBMISSION, SubmissionStatus.UNREADABLE.name());
    }

    public List<Submission> submissionsOfRun(long ingestRun) {
        return jdbc.query("SELECT * FROM submission WHERE ingest_run = ? ORDER BY id", SUBMISSION, ingestRun);
    }

    public void markRecognised(long id, String mappingId, String sourceDetail, String period) {
        jdbc.update("UPDATE submission SET mapping_id = ?, source_detail = ?, period = ? WHERE id = ?", mappingId,
                sourceDetail, period, id);
    }

    public void recordReadingNotes(long id, List<String> notes) {
        String joined = String.join("\n", notes);
        jdbc.update("UPDATE submission SET reading_notes = ? WHERE id = ?",
                joined.length() > 4000 ? joined.substring(0, 3999) + "\u2026" : joined, id);
    }

    /**
     * Marks a file identical to one already ingested; it takes the earlier file's layout and details, which its bytes
     * share, so that its receipt names the layout and is in the layout's language.
     */
    public void markDuplicate(long id, long duplicateOf, String ruleId, String detail) {
        jdbc.update("""
                UPDATE submission SET status = ?, duplicate_of = ?, status_rule_id = ?, status_detail = ?,
                mapping_id = (SELECT mapping_id FROM submission WHERE id = ?),
                source_detail = (SELECT source_detail FROM submission WHERE id = ?) WHERE id = ?""",
                SubmissionStatus.DUPLICATE.name(), duplicateOf, ruleId, detail, duplicateOf, duplicateOf, id);
    }

    /**
     * Refuses a file whose rows failed a whole-file check as they were stored: its records, rejected rows and issues
     * are deleted and it is marked unreadable, in one transaction, so nothing of it is ever half there.
     */
    public void refuseWhole(long id, String ruleId, String detail) {
        transactions.executeWithoutResult(status -> {
            for (String table : List.of("row_issue", "rejected_row", "offer_record")) {
                jdbc.update("DELETE FROM " + table + " WHERE submission_id = ?", id);
            }
            markUnreadable(id, ruleId, detail);
        });
    }

    public void markUnreadable(long id, String ruleId, String detail) {
        jdbc.update("UPDATE submission SET status = ?, status_rule_id = ?, status_detail = ? WHERE id = ?",
                SubmissionStatus.UNREADABLE.name(), ruleId, detail, id);
    }

    /**
     * Closes an ingested submission, in one transaction: its counts (taken from what is stored), and the replacement
     * of earlier records. The submission's scope is every (authority, quarter) its accepted records fall in; current
     * records of earlier submissions in that scope are marked as replaced by it, and an earlier submission left with no
     * current record becomes {@code SUPERSEDED}. Readers see either the old records or the new, never a mix.
     *
     * @return one line per earlier submission it replaced records of
     */
    public List<String> markIngested(long id, Wording words) {
        return transactions.execute(status -> {
            // one pass over the submission's records gives both its scope and its counts
            List<Object[]> scope = jdbc.query("""
                    SELECT authority_code, quarter, COUNT(*) AS n, SUM(CASE WHEN flagged THEN 1 ELSE 0 END) AS flagged
                    FROM offer_record WHERE submission_id = ?
                    GROUP BY authority_code, quarter ORDER BY quarter, authority_code""",
                    (rs, n) -> new Object[] {rs.getString("authority_code"), rs.getString("quarter"), rs.getLong("n"),
                            rs.getLong("flagged")},
                    id);
            long accepted = scope.stream().mapToLong(pair -> (Long) pair[2]).sum();
            long flagged = scope.stream().mapToLong(pair -> (Long) pair[3]).sum();
            jdbc.update("""
                    UPDATE submission SET status = ?, rows_accepted = ?, rows_flagged = ?,
                      rows_rejected = (SELECT COUNT(*) FROM rejected_row WHERE submission_id = ?)
                    WHERE id = ?""", SubmissionStatus.INGESTED.name(), accepted, flagged, id, id);
            jdbc.update("UPDATE submission SET rows_read = rows_accepted + rows_rejected WHERE id = ?", id);
            jdbc.batchUpdate("""
                    UPDATE offer_record SET superseded_by = ?
                    WHERE authority_code = ? AND quarter = ? AND superseded_by IS NULL AND submission_id <> ?
                      AND submission_id IN (SELECT s.id FROM submission s WHERE s.status = 'INGESTED')""",
                    scope, 1000, (ps, pair) -> {
                        ps.setLong(1, id);
                        ps.setString(2, (String) pair[0]);
                        ps.setString(3, (String) pair[1]);
                        ps.setLong(4, id);
                    });
            Map<String, Long> withdrawnByQuarter = new TreeMap<>();
            for (Object[] pair : scope) {
                long replacedHere = jdbc.queryForObject("""
                        SELECT COUNT(*) FROM offer_record WHERE superseded_by = ? AND authority_code = ? AND quarter = ?""",
                        Long.class, id, pair[0], pair[1]);
                if (replacedHere > (Long) pair[2]) {
                    withdrawnByQuarter.merge((String) pair[1], replacedHere - (Long) pair[2], Long::sum);
                }
            }
            List<String> replaced = jdbc.query("""
                    SELECT s.id, s.file_name, s.received_at, COUNT(*) AS n, MIN(r.quarter) AS first_quarter,
                           MAX(r.quarter) AS last_quarter
                    FROM offer_record r JOIN submission s ON s.id = r.submission_id
                    WHERE r.superseded_by = ? GROUP BY s.id, s.file_name, s.received_at ORDER BY s.id""",
                    (rs, n) -> words.text("replaced.records", rs.getInt("n"), rs.getString("file_name"),
                            rs.getTimestamp("received_at").toLocalDateTime().toLocalDate(), rs.getLong("id"),
                            rs.getString("first_quarter").equals(rs.getString("last_quarter"))
                                    ? words.text("replaced.quarter", rs.getString("first_quarter"))
                                    : words.text("replaced.quarters", rs.getString("first_quarter"),
                                            rs.getString("last_quarter"))), id);
            // only the submissions it replaced records of, found through offer_record_superseded; a statement that
            // asked every other submission whether it had such records read the whole store once per file
            List<Long> touched = jdbc.queryForList(
                    "SELECT DISTINCT submission_id FROM offer_record WHERE superseded_by = ?", Long.class, id);
            jdbc.batchUpdate("""
                    UPDATE submission SET status = ? WHERE id = ? AND status = 'INGESTED'
                      AND NOT EXISTS (SELECT 1 FROM offer_record r WHERE r.submission_id = ? AND r.superseded_by IS NULL)""",
                    touched, 1000, (ps, earlier) -> {
                        ps.setString(1, SubmissionStatus.SUPERSEDED.name());
                        ps.setLong(2, earlier);
                        ps.setLong(3, earlier);
                    });
            List<String> withdrawn = withdrawnByQuarter.entrySet().stream()
                    .map(e -> words.text(e.getValue() == 1 ? "withdrawn.one" : "withdrawn.many", e.getKey(),
                            e.getValue()))
                    .toList();
            jdbc.update("UPDATE submission SET replaced_summary = ?, withdrawn_summary = ? WHERE id = ?",
                    replaced.isEmpty() ? null : String.join("\n", replaced),
                    withdrawn.isEmpty() ? null : String.join("\n", withdrawn), id);
            return replaced;
        });
    }

    public void markArchived(long id, String archivedPath) {
        jdbc.update("UPDATE submission SET archived_path = ? WHERE id = ?", archivedPath, id);
    }

    /** Stores one chunk of normalised rows: records, rejected rows with their raw values, and every issue. */
    public void write(long submissionId, List<? extends NormalisedRow> rows) {
        List<NormalisedRow> accepted = rows.stream().filter(r -> !r.rejected()).map(NormalisedRow.class::cast).toList();
        List<NormalisedRow> rejected = rows.stream().filter(NormalisedRow::rejected).map(NormalisedRow.class::cast).toList();
        List<RowIssue> issues = rows.stream().flatMap(r -> r.issues().stream()).toList();
        if (copies()) {
            copyRecords(submissionId, accepted);
        } else {
            jdbc.batchUpdate(INSERT_RECORD, accepted, accepted.size(), (ps, row) -> bindRecord(ps, submissionId, row));
        }
        jdbc.batchUpdate("""
                INSERT INTO rejected_row (submission_id, source_sheet, source_row, raw_values) VALUES (?, ?, ?, ?)""",
                rejected, rejected.size(), (ps, row) -> {
                    ps.setLong(1, submissionId);
                    ps.setString(2, row.source().sheet());
                    ps.setInt(3, row.source().rowNumber());
                    ps.setString(4, JSON.writeValueAsString(row.storedValues()));
                });
        jdbc.batchUpdate("""
                INSERT INTO row_issue (submission_id, source_sheet, source_row, field_name, shown_value, rule_id, severity, message,
                                       source_heading, source_cell)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", issues, issues.size(), (ps, issue) -> {
                    ps.setLong(1, submissionId);
                    ps.setString(2, issue.sheet());
                    ps.setInt(3, issue.rowNumber());
                    ps.setString(4, issue.field());
                    ps.setString(5, truncate(issue.value(), 200));
                    ps.setString(6, issue.ruleId());
                    ps.setString(7, issue.severity().name());
                    ps.setString(8, issue.message());
                    ps.setString(9, truncate(issue.heading(), 200));
                    ps.setString(10, issue.cell());
                });
    }

    /**
     * The records of a chunk with PostgreSQL's {@code COPY} (pgjdbc's {@link CopyManager}), on the chunk's own
     * connection and so in its transaction: a process killed during it leaves nothing of the chunk. In CSV, a null is an
     * empty unquoted field and every value is quoted.
     */
    private void copyRecords(long submissionId, List<NormalisedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 400);
        try (CSVPrinter printer = new CSVPrinter(csv, COPY_CSV)) {
            for (NormalisedRow row : rows) {
                for (Object value : recordValues(submissionId, row)) {
                    printer.print(value instanceof Boolean b ? (b ? "t" : "f") : value == null ? null
                            : value.toString());
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_RECORDS,
                        new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length - 1) + "\u2026";
    }

    /** Every issue of a submission, in row order, fed to {@code sink} without holding them all in memory. */
    public void forEachIssue(long submissionId, Consumer<RowIssue> sink) {
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    SELECT * FROM row_issue WHERE submission_id = ? ORDER BY id""");
            ps.setLong(1, submissionId);
            ps.setFetchSize(FETCH_SIZE);
            return ps;
        }, (ResultSet rs) -> {
            sink.accept(new RowIssue(rs.getString("source_sheet"), rs.getInt("source_row"), rs.getString("field_name"),
                    rs.getString("shown_value"), rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")),
                    rs.getString("message"), rs.getString("source_heading"), rs.getString("source_cell")));
        });
    }

    /**
     * Every current record (of an ingested submission, and not replaced by a later one), in an order that does not
     * depend on the order files were ingested (file checksum, sheet, row), streamed to {@code sink} with a bounded
     * fetch size. What the aggregates are built from.
     */
    public void forEachCurrentRecord(Consumer<StoredRecord> sink) {
        forEachCurrentRecord("s.file_sha256, r.source_sheet, r.source_row, r.id", sink);
    }

    /** The same records, grouped by financial year and region (for the partitioned record-level dataset). */
    public void forEachCurrentRecordByYearAndRegion(Consumer<StoredRecord> sink) {
        forEachCurrentRecord("r.financial_year, r.region_code, s.file_sha256, r.source_sheet, r.source_row, r.id", sink);
    }

    private void forEachCurrentRecord(String order, Consumer<StoredRecord> sink) {
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    SELECT r.*, s.file_sha256, s.mapping_id, s.source_detail, s.ingest_run FROM offer_record r
                    JOIN submission s ON s.id = r.submission_id
                    WHERE s.status = 'INGESTED' AND r.superseded_by IS NULL""" + " ORDER BY " + order);
            ps.setFetchSize(FETCH_SIZE);
            return ps;
        }, (ResultSet rs) -> {
            sink.accept(STORED_RECORD.mapRow(rs, 0));
        });
    }

    /**
     * Every broken rule on a row of a current submission, streamed with the authority the row is for: the code of a
     * kept row's record, if still current, or the authority a rejected row named, as sent.
     */
    public void forEachCurrentIssue(BiConsumer<String, String> authorityAndRule) {
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    SELECT i.rule_id, r.authority_code, x.raw_values
                    FROM row_issue i JOIN submission s ON s.id = i.submission_id AND s.status = 'INGESTED'
                    LEFT JOIN offer_record r ON r.submission_id = i.submission_id AND r.source_sheet = i.source_sheet
                                            AND r.source_row = i.source_row
                    LEFT JOIN rejected_row x ON x.submission_id = i.submission_id AND x.source_sheet = i.source_sheet
                                            AND x.source_row = i.source_row
                    WHERE r.id IS NULL OR r.superseded_by IS NULL""");
            ps.setFetchSize(FETCH_SIZE);
            return ps;
        }, (ResultSet rs) -> {
            String authority = rs.getString("authority_code");
            if (authority == null && rs.getString("raw_values") != null) {
                var named = JSON.readTree(rs.getString("raw_values")).get("authority");
                authority = named == null || named.isNull() ? null : named.asString();
            }
            authorityAndRule.accept(authority, rs.getString("rule_id"));
        });
    }

    /** The submissions whose current records a release is built from, with what each contributes. */
    public List<ReleaseManifest.SubmissionEntry> currentSubmissions() {
        return jdbc.query("""
                SELECT s.id, s.received_at, s.region_code, s.file_sha256, s.period, COUNT(*) AS n,
                       MIN(r.quarter) AS first_quarter, MAX(r.quarter) AS last_quarter
                FROM submission s JOIN offer_record r ON r.submission_id = s.id
                WHERE s.status = 'INGESTED' AND r.superseded_by IS NULL
                GROUP BY s.id, s.received_at, s.region_code, s.file_sha256, s.period ORDER BY s.file_sha256""",
                (rs, n) -> new ReleaseManifest.SubmissionEntry(rs.getLong("id"),
                        rs.getTimestamp("received_at").toLocalDateTime().toLocalDate().toString(),
                        rs.getString("region_code"), rs.getString("file_sha256"),
                        jdbc.queryForList("""
                                SELECT DISTINCT authority_code FROM offer_record
                                WHERE submission_id = ? AND superseded_by IS NULL ORDER BY authority_code""",
                                String.class, rs.getLong("id")),
                        rs.getString("period"), List.of(rs.getString("first_quarter"), rs.getString("last_quarter")),
                        rs.getLong("n")));
    }

    /**
     * Stores the officials' nightly dataset's exact figures in {@code officials_aggregate}, which the read-only role
     * is never granted. What a build of the same name stopped part-way had stored is replaced, in one transaction.
     */
    public void publishOfficialFigures(String release, List<PublishedAggregate> rows) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM officials_aggregate WHERE release_name = ?", release);
            jdbc.batchUpdate("""
                    INSERT INTO officials_aggregate (release_name, measure, statistic, geography_level, geography_code,
                      geography_name, period_type, period, eligibility_route, stage, category, figure)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, published) -> {
                        var row = published.row();
                        setStrings(ps, release, row.measure(), row.statistic(), row.cell().geographyLevel(),
                                row.cell().geographyCode(), row.geographyName(), row.cell().periodType(),
                                row.cell().period(), row.cell().route(), row.stage(), row.category());
                        setFigure(ps, 12, published.value());
                    });
        });
    }

    /**
     * Stores a release's aggregates in batches: as published (already suppressed) for BI tools, and unsuppressed in
     * the protected table {@code protected_aggregate}. What a publication of the same release stopped part-way had
     * stored is replaced, in the same transaction.
     */
    public void publishAggregates(String release, List<PublishedAggregate> rows) {
        transactions.executeWithoutResult(status -> {
            for (String table : List.of("publication_aggregate", "protected_aggregate", "publication_release")) {
                jdbc.update("DELETE FROM " + table + " WHERE release_name = ?", release);
            }
            jdbc.batchUpdate("""
                    INSERT INTO publication_aggregate (release_name, measure, statistic, geography_level, geography_code,
                      geography_name, period_type, period, eligibility_route, stage, category, figure, symbol)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, published) -> {
                        var row = published.row();
                        setStrings(ps, release, row.measure(), row.statistic(), row.cell().geographyLevel(),
                                row.cell().geographyCode(), row.geographyName(), row.cell().periodType(),
                                row.cell().period(), row.cell().route(), row.stage(), row.category());
                        setFigure(ps, 12, published.value());
                        ps.setString(13, published.noteCode());
                    });
            jdbc.batchUpdate("""
                    INSERT INTO protected_aggregate (release_name, measure, statistic, geography_level, geography_code,
                      period_type, period, eligibility_route, stage, category, figure, suppressed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, published) -> {
                        var row = published.row();
                        setStrings(ps, release, row.measure(), row.statistic(), row.cell().geographyLevel(),
                                row.cell().geographyCode(), row.cell().periodType(), row.cell().period(),
                                row.cell().route(), row.stage(), row.category());
                        setFigure(ps, 11, row.value());
                        ps.setBoolean(12, PublishedAggregate.CONFIDENTIAL.equals(published.symbol()));
                    });
            jdbc.update("INSERT INTO publication_release (release_name, published_at) VALUES (?, CURRENT_TIMESTAMP)",
                    release);
        });
    }

    private static void setStrings(PreparedStatement ps, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setString(i + 1, values[i]);
        }
    }

    private static void setFigure(PreparedStatement ps, int index, Double figure) throws SQLException {
        if (figure == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, figure);
        }
    }

    private static final CSVFormat COPY_CSV = CSVFormat.DEFAULT.builder().setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator("\n").get();

    private static final String COPY_RECORDS = """
            COPY offer_record (submission_id, source_sheet, source_row, authority_code, region_code, provider_code,
              child_key, record_ref_key, eligibility_route, trigger_point, date_eligible, date_offer, date_referral,
              date_first_contact, date_meeting, offer_response, meeting_outcome, refusal_reason, refusal_stage,
              referral_source, non_instructed, iro_confirmed, age_at_offer, gender, language_of_choice, disability,
              financial_year, quarter, working_days_to_first_contact, working_days_to_meeting, flagged,
              template_version)
            FROM STDIN (FORMAT csv)""";

    private static final String INSERT_RECORD = """
            INSERT INTO offer_record (submission_id, source_sheet, source_row, authority_code, region_code, provider_code,
              child_key, record_ref_key, eligibility_route, trigger_point, date_eligible, date_offer, date_referral,
              date_first_contact, date_meeting, offer_response, meeting_outcome, refusal_reason, refusal_stage,
              referral_source, non_instructed, iro_confirmed, age_at_offer, gender, language_of_choice, disability,
              financial_year, quarter, working_days_to_first_contact, working_days_to_meeting, flagged,
              template_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The columns of {@link #INSERT_RECORD}, in its order. */
    private static Object[] recordValues(long submissionId, NormalisedRow row) {
        OfferRecord r = row.record();
        return new Object[] {submissionId, row.source().sheet(), row.source().rowNumber(), r.authorityCode(),
                r.regionCode(), r.providerCode(), r.childKey(), r.recordRefKey(), r.eligibilityRoute(), r.trigger(),
                r.dateEligible(), r.dateOffer(), r.dateReferral(), r.dateFirstContact(), r.dateMeeting(),
                r.offerResponse(), r.meetingOutcome(), r.refusalReason(), r.refusalStage(), r.referralSource(),
                r.nonInstructed(), r.iroConfirmed(), r.ageAtOffer(), r.gender(), r.language(), r.disability(),
                r.financialYear(), r.quarter(), r.workingDaysToFirstContact(), r.workingDaysToMeeting(), r.flagged(),
                row.templateVersion()};
    }

    private static void bindRecord(PreparedStatement ps, long submissionId, NormalisedRow row) throws SQLException {
        Object[] values = recordValues(submissionId, row);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof LocalDate date) {
                ps.setDate(i + 1, Date.valueOf(date));
            } else if (value == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static final RowMapper<StoredRecord> STORED_RECORD = (rs, n) -> new StoredRecord(rs.getLong("id"),
            rs.getLong("submission_id"), rs.getString("source_sheet"), rs.getInt("source_row"),
            rs.getString("file_sha256"), rs.getString("mapping_id"), rs.getString("source_detail"),
            rs.getLong("ingest_run"), rs.getInt("template_version"),
            new OfferRecord(rs.getString("authority_code"), rs.getString("region_code"), rs.getString("provider_code"),
                    rs.getString("child_key"), rs.getString("record_ref_key"), rs.getString("eligibility_route"),
                    rs.getString("trigger_point"), date(rs, "date_eligible"), date(rs, "date_offer"),
                    date(rs, "date_referral"), date(rs, "date_first_contact"), date(rs, "date_meeting"),
                    rs.getString("offer_response"), rs.getString("meeting_outcome"), rs.getString("refusal_reason"),
                    rs.getString("refusal_stage"), rs.getString("referral_source"), bool(rs, "non_instructed"),
                    bool(rs, "iro_confirmed"), integer(rs, "age_at_offer"), rs.getString("gender"),
                    rs.getString("language_of_choice"), bool(rs, "disability"), rs.getString("financial_year"),
                    rs.getString("quarter"), integer(rs, "working_days_to_first_contact"),
                    integer(rs, "working_days_to_meeting"), rs.getBoolean("flagged")));

    private static final RowMapper<Submission> SUBMISSION = (rs, n) -> new Submission(rs.getLong("id"),
            rs.getString("region_code"), rs.getString("sub_folder"), rs.getString("file_name"), rs.getString("file_sha256"),
            rs.getLong("file_size"), rs.getTimestamp("received_at").toLocalDateTime(), rs.getLong("ingest_run"),
            SubmissionStatus.valueOf(rs.getString("status")), rs.getString("status_rule_id"),
            rs.getString("status_detail"), (Long) rs.getObject("duplicate_of", Long.class), rs.getString("mapping_id"),
            rs.getString("source_detail"), rs.getInt("rows_read"), rs.getInt("rows_accepted"),
            rs.getInt("rows_rejected"), rs.getInt("rows_flagged"), rs.getString("period"),
            rs.getString("reading_notes"), rs.getString("replaced_summary"), rs.getString("receipt_path"),
            rs.getString("archived_path"), rs.getString("withdrawn_summary"));
}
