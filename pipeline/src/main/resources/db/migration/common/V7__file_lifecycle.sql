-- Where in the region's inbox a file was dropped (its authority folder, if any), so that two files of the same name in
-- two authority folders are two submissions with two receipts; where its receipt was written, so that a run stopped
-- between the receipt and the archive finishes the file rather than taking it in again; and, for a correction, how
-- many earlier records it withdrew in each quarter.
ALTER TABLE submission ADD COLUMN sub_folder VARCHAR(200);
ALTER TABLE submission ADD COLUMN receipt_path VARCHAR(1000);
ALTER TABLE submission ADD COLUMN withdrawn_summary VARCHAR(4000);
CREATE INDEX submission_file ON submission (region_code, file_name);
