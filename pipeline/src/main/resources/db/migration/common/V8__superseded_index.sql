-- A correction looks up the records it has just replaced (superseded_by = its submission) to say so on its receipt;
-- without an index that read every record stored, once per file, so each file cost more than the one before.
CREATE INDEX offer_record_superseded ON offer_record (superseded_by);
