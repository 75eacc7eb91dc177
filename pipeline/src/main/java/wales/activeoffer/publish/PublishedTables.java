package wales.activeoffer.publish;

import static wales.activeoffer.publish.ParquetColumn.bool;
import static wales.activeoffer.publish.ParquetColumn.date;
import static wales.activeoffer.publish.ParquetColumn.decimal;
import static wales.activeoffer.publish.ParquetColumn.int32;
import static wales.activeoffer.publish.ParquetColumn.int64;
import static wales.activeoffer.publish.ParquetColumn.string;

import java.util.List;
import java.util.Map;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.store.StoredRecord;

/**
 * The columns of the published tables. Column names are part of the published contract: keep them stable.
 * The record-level table carries no identifier, name, free text or date of birth: the child is {@code child_key}.
 */
public final class PublishedTables {
    private PublishedTables() {
    }

    /** What each record-level column holds, for the data dictionary published with every release. */
    public static final Map<String, String> RECORD_DESCRIPTIONS = Map.ofEntries(
            Map.entry("authority_code", "ONS code of the local authority that made the offer"),
            Map.entry("region_code", "advocacy region of the authority on the offer date (also the partition)"),
            Map.entry("provider_code", "advocacy provider of that region on the offer date"),
            Map.entry("child_key", "keyed hash (HMAC-SHA256) of the authority's child identifier"),
            Map.entry("eligibility_route", "code: looked_after, child_protection, care_and_support"),
            Map.entry("trigger", "code: entry, review, placement_move, care_leaver_planning, residential_transfer, other"),
            Map.entry("date_eligible", "date the child became eligible"),
            Map.entry("date_offer", "date the offer of a meeting was made"),
            Map.entry("date_referral", "date of referral to the provider"),
            Map.entry("date_first_contact", "date the provider first contacted the child"),
            Map.entry("date_meeting", "date the active offer meeting was held"),
            Map.entry("offer_response", "code: accepted_meeting, declined, exempt_understanding, no_response"),
            Map.entry("meeting_outcome", "code: took_up, declined, time_to_think, not_held, pending; empty where the "
                    + "child did not accept a meeting or the source recorded no outcome: counted as no meeting held"),
            Map.entry("refusal_reason", "code; not_recorded where the child declined without a recorded reason; empty "
                    + "where the child did not decline and the source gave no reason"),
            Map.entry("refusal_stage", "offer or meeting: the step at which the child declined; empty where the child did "
                    + "not decline (a refusal reason the source recorded beside an offer that was not declined is kept "
                    + "as given, and counted in no refusal table)"),
            Map.entry("referral_source", "code: social_worker, iro, carer, parent_family, self, other_professional, "
                    + "other; empty where the source does not record who referred the child (several layouts have no "
                    + "such column) or left it blank: it is not known, and counted in no referral-source share"),
            Map.entry("non_instructed", "non-instructed advocacy"),
            Map.entry("iro_confirmed", "the IRO confirmed the offer at review"),
            Map.entry("age_at_offer", "whole years on the offer date: from the date of birth, or the age the source gave"),
            Map.entry("gender", "code: female, male, other, not_known"),
            Map.entry("language", "code: welsh, english, other"),
            Map.entry("disability", "disability or communication needs"),
            Map.entry("financial_year", "financial year of the offer date, e.g. 2024-25 (also the partition)"),
            Map.entry("quarter", "financial quarter of the offer date, e.g. 2024-25 Q1"),
            Map.entry("working_days_to_first_contact", "England-and-Wales working days from referral to first contact"),
            Map.entry("working_days_to_meeting", "England-and-Wales working days from the referral date to the meeting "
                    + "date; empty without both. It is worked out from the dates as recorded, so a record with a "
                    + "meeting date whose meeting_outcome is not_held, pending (a meeting booked) or empty has it "
                    + "too; response times count only meetings held (took_up, declined or time_to_think)"),
            Map.entry("flagged", "the row broke at least one warning rule"),
            Map.entry("source_file_sha256", "lineage: SHA-256 of the file the record came from"),
            Map.entry("source_sheet", "lineage: sheet of the workbook"),
            Map.entry("source_row", "lineage: row in the file, as a regional lead sees it"),
            Map.entry("mapping_id", "lineage: the layout mapping that read it"),
            Map.entry("source_detail", "lineage: what was detected about the file (encoding, delimiter, sheets)"),
            Map.entry("ingest_run", "lineage: the run that ingested it"),
            Map.entry("template_version", "lineage: the version of the recording template the record was read under"));

    /** The columns of {@code aggregates.csv}, as its CSVW metadata describes them. */
    public static final List<String> AGGREGATE_HEADER = CsvwMetadata.names(CsvwMetadata.AGGREGATES);

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
            string("note_code", PublishedAggregate::noteCode));

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
            string("source_file_sha256", StoredRecord::fileSha256),
            string("source_sheet", StoredRecord::sourceSheet),
            int32("source_row", StoredRecord::sourceRow),
            string("mapping_id", StoredRecord::mappingId),
            string("source_detail", StoredRecord::sourceDetail),
            int64("ingest_run", StoredRecord::ingestRun),
            int32("template_version", StoredRecord::templateVersion));
}
