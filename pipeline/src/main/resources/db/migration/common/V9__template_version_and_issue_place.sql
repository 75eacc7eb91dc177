-- Template version 2: every record says which version of the recording template it was read under (records stored
-- before it came under version 1). Every row issue says where it is in the lead's own file: the heading (or form
-- label) the lead uses and the cell (column letter and row, e.g. C7).
ALTER TABLE offer_record ADD COLUMN template_version SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE row_issue ADD COLUMN source_heading VARCHAR(200);
ALTER TABLE row_issue ADD COLUMN source_cell VARCHAR(20);
