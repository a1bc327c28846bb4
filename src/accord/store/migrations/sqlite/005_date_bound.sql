-- accord store, version 5: the date bound of an event its text does not date.
-- Such an event happened on or before the day it was reported: date_precision 'reported',
-- date_start and date_end NULL (no day is known) and date_by the publication date. Events
-- stored before this version keep no date (date_text NULL); ingesting again gives the bound.
ALTER TABLE events ADD COLUMN date_by TEXT;
