-- accord store on PostgreSQL, version 3: whether tracking has seen every stored event (see
-- sqlite/003_track_state.sql). Writers set `pending` in their article's transaction; the
-- tracking update that clears it holds the store's write lock (an advisory lock), so with many
-- writers the update runs once for what they stored.
CREATE TABLE track_state (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    pending BIGINT NOT NULL,
    changed_at TEXT COLLATE "C"
);
INSERT INTO track_state (id, pending)
    SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM events) THEN 1 ELSE 0 END;
