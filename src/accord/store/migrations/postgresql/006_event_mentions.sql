-- accord store on PostgreSQL, version 6: the evidence of the sentences that restate an event
-- (see sqlite/006_event_mentions.sql).
ALTER TABLE events ADD COLUMN mentions TEXT COLLATE "C" NOT NULL DEFAULT '[]';
