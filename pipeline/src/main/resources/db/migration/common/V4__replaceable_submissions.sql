-- A corrected file replaces the records of earlier submissions for the same authorities and quarters. The earlier
-- records stay, marked with the submission that replaced them; "current" records are those not replaced.
ALTER TABLE offer_record ADD COLUMN superseded_by BIGINT;
ALTER TABLE submission ADD COLUMN replaced_summary VARCHAR(4000);
CREATE INDEX offer_record_scope ON offer_record (authority_code, quarter);
