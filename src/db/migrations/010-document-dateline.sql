-- What a document says about itself: the date and place of its dateline or
-- front matter, shown with citations, and its public address (front matter `url:`).
ALTER TABLE documents ADD COLUMN published_at date;
ALTER TABLE documents ADD COLUMN place text;
ALTER TABLE documents ADD COLUMN url text;
