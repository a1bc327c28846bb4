-- accord store, version 3: whether tracking has seen every stored event.
-- Saving or replacing an article sets `pending` in the same transaction; bringing tracking up to
-- date (clusters and proposals, one transaction) clears it. A run killed between the two leaves
-- `pending` set, so the next ingest or `accord track update` finishes the job.
CREATE TABLE track_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pending INTEGER NOT NULL,  -- 1: events were stored or removed since tracking last ran
    changed_at TEXT  -- when the store last changed under tracking
);
INSERT INTO track_state (id, pending) SELECT 1, EXISTS (SELECT 1 FROM events);
