package wales.activeoffer.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the pipeline, under {@code activeoffer.*}. Every limit is explicit and bounded; a bad value stops the
 * pipeline at start-up with a message that names the setting.
 *
 * @param workRoot                  the one folder for all runtime state (inbox, archive, receipts, releases, database)
 * @param mappingsDir               the folder holding {@code template/}, {@code reference/} and {@code layouts/}
 * @param seedFrom                  if set, an inbox whose region folders are copied into a new work root's inbox once
 * @param chunkSize                 rows per database transaction while ingesting
 * @param responseTargetWorkingDays the response-time target: share of meetings held within this many working days
 * @param suppressionThreshold      published counts from 1 to this number are shown as {@code [c]}
 * @param maxRowsPerFile            a file with more data rows than this is refused whole (counted as the rows are stored)
 * @param inboxSettleSeconds        a file changed less than this long ago may still be being copied: it waits for
 *                                  the next run
 * @param restrictedUri             where the restricted record-level Parquet goes ({@code file:}, {@code hdfs:} or
 *                                  {@code s3a:}), apart from the public release; default the work root's
 *                                  {@code restricted/} folder, readable by the service account only
 * @param childKey                  the secret for pseudonymising child identifiers
 * @param receiptContact            who a regional lead asks about a receipt: the last line of every receipt (by default
 *                                  the wording catalogue's "the Active Offer data team")
 * @param receiptContactCy          the same for receipts in Welsh (by default the configured contact, else the
 *                                  catalogue's "tîm data'r Cynnig Rhagweithiol")
 * @param statisticsContact         the email address of the statistician responsible, given on the cover of both
 *                                  workbooks; unset, the cover says to ask through the regional lead
 */
@Validated
@ConfigurationProperties("activeoffer")
public record PipelineProperties(
        @NotNull @DefaultValue("work") Path workRoot,
        @NotNull @DefaultValue("mappings") Path mappingsDir,
        Path seedFrom,
        @Min(1) @Max(10_000) @DefaultValue("500") int chunkSize,
        @Min(1) @Max(100) @DefaultValue("10") int responseTargetWorkingDays,
        @Min(1) @Max(10) @DefaultValue("4") int suppressionThreshold,
        @Min(1) @Max(5_000_000) @DefaultValue("1000000") long maxRowsPerFile,
        @Min(0) @Max(3600) @DefaultValue("30") int inboxSettleSeconds,
        URI restrictedUri,
        @Valid @NotNull @DefaultValue ChildKey childKey,
        @Size(min = 1, max = 300) String receiptContact,
        @Size(min = 1, max = 300) String receiptContactCy,
        @Email @Size(min = 3, max = 254) String statisticsContact) {

    /**
     * The secret behind child keys. Give a file ({@code activeoffer.child-key.file}, or the environment variable
     * {@code ACTIVEOFFER_CHILDKEY_FILE}) or the secret itself ({@code ACTIVEOFFER_CHILDKEY_SECRET}), of at least 32
     * bytes and kept outside the repository. {@code demo=true} uses a published demo key: for sample data only.
     */
    public record ChildKey(Path file, String secret, @DefaultValue("false") boolean demo) {
    }
}
