-- accord store on PostgreSQL, version 5: the date bound of an event its text does not date
-- (see sqlite/005_date_bound.sql).
ALTER TABLE events ADD COLUMN date_by TEXT COLLATE "C";
