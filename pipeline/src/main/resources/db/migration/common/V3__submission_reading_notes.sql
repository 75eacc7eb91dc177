-- What the file name said about the period, and what was passed over while reading (sheets without headings,
-- totals and notes below the data), as shown in the receipt.
ALTER TABLE submission ADD COLUMN period VARCHAR(40);
ALTER TABLE submission ADD COLUMN reading_notes VARCHAR(4000);
