package wales.activeoffer.publish;

import static wales.activeoffer.publish.ParquetColumn.bool;
import static wales.activeoffer.publish.ParquetColumn.date;
import static wales.activeoffer.publish.ParquetColumn.decimal;
import static wales.activeoffer.publish.ParquetColumn.int32;
import static wales.activeoffer.publish.ParquetColumn.int64;
import static wales.activeoffer.publish.ParquetColumn.string;

import java.util.List;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.store.StoredRecord;

/**
 * The columns of the published tables. Column names are part of the published contract: keep them stable.
 * The record-level table carries no identifier, name, free text or date of birth: the child is {@code child_key}.
 */
public final class PublishedTables {
    private PublishedTables() {
    }

    public static final List<String> AGGREGATE_HEADER = List.of("measure", "statistic", "geography_level",
            "geography_code", "geography_name", "period_type", "period", "eligibility_route", "stage", "category",
            "value");

    public static final List<ParquetColumn<PublishedAggregate>> AGGREGATE_COLUMNS = List.of(
            string("measure", a -> a.row().measure()),
            string("statistic", a -> a.row().statistic()),
            string("geography_level", a -> a.row().cell().geographyLevel()),
            string("geography_code", a -> a.row().cell().geographyCode()),
            string("geography_name", a -> a.row().geographyName()),
            string("period_type", a -> a.row().cell().periodType()),
            string("period", a -> a.row().cell().period()),
            string("eligibility_route", a -> a.row().cell().route()),
            string("stage", a -> a.row().stage()),
            string("category", a -> a.row().category()),
            decimal("value", PublishedAggregate::value),
            string("symbol", PublishedAggregate::symbol));

    /** The Hive partition keys of the record-level dataset: they are in the folder names, not in the files. */
    public static final List<String> RECORD_PARTITIONS = List.of("financial_year", "region_code");

    /** The columns stored in each partition's files: every record column but the partition keys. */
    public static List<ParquetColumn<StoredRecord>> recordColumnsInPartitions() {
        return RECORD_COLUMNS.stream().filter(c -> !RECORD_PARTITIONS.contains(c.name())).toList();
    }

    public static final List<ParquetColumn<StoredRecord>> RECORD_COLUMNS = List.of(
            string("authority_code", r -> r.record().authorityCode()),
            string("region_code", r -> r.record().regionCode()),
            string("provider_code", r -> r.record().providerCode()),
            string("child_key", r -> r.record().childKey()),
            string("eligibility_route", r -> r.record().eligibilityRoute()),
            string("trigger", r -> r.record().trigger()),
            date("date_eligible", r -> r.record().dateEligible()),
            date("date_offer", r -> r.record().dateOffer()),
            date("date_referral", r -> r.record().dateReferral()),
            date("date_first_contact", r -> r.record().dateFirstContact()),
            date("date_meeting", r -> r.record().dateMeeting()),
            string("offer_response", r -> r.record().offerResponse()),
            string("meeting_outcome", r -> r.record().meetingOutcome()),
            string("refusal_reason", r -> r.record().refusalReason()),
            string("refusal_stage", r -> r.record().refusalStage()),
            string("referral_source", r -> r.record().referralSource()),
            bool("non_instructed", r -> r.record().nonInstructed()),
            bool("iro_confirmed", r -> r.record().iroConfirmed()),
            int32("age_at_offer", r -> r.record().ageAtOffer()),
            string("gender", r -> r.record().gender()),
            string("language", r -> r.record().language()),
            bool("disability", r -> r.record().disability()),
            string("financial_year", r -> r.record().financialYear()),
            string("quarter", r -> r.record().quarter()),
            int32("working_days_to_first_contact", r -> r.record().workingDaysToFirstContact()),
            int32("working_days_to_meeting", r -> r.record().workingDaysToMeeting()),
            bool("flagged", r -> r.record().flagged()),
            int64("submission_id", StoredRecord::submissionId),
            string("source_file_sha256", StoredRecord::fileSha256),
            string("source_sheet", StoredRecord::sourceSheet),
            int32("source_row", StoredRecord::sourceRow),
            string("mapping_id", StoredRecord::mappingId),
            string("source_detail", StoredRecord::sourceDetail),
            int64("ingest_run", StoredRecord::ingestRun));
}
