-- accord store, version 11: what tracking has to look at, kept as it changes, so an update
-- costs what the new events touch and not what the store holds. Until now an update found its
-- work by scanning: every event for one with no features or no kept reading, every canonical
-- event for one that lost a member, every canonical event for one with no summary row (a
-- tenth of a second and more each at 100,000 events). Triggers now note each as it happens:
-- an event stored, or its features or kept reading dropped (track_queue); a member leaving a
-- canonical event (track_lost); a canonical event made, or its summary row dropped
-- (summary_queue). Tracking reads these notes instead, and clears each once it is dealt with.
-- The tables have no foreign keys: a note may outlive what it names, and is then skipped.
CREATE TABLE track_queue (
    event_id TEXT PRIMARY KEY  -- an event that may have no features or no kept reading
);
CREATE TABLE track_lost (
    cluster_id TEXT PRIMARY KEY  -- a canonical event that may hold fewer members than its size
);
CREATE TABLE summary_queue (
    cluster_id TEXT PRIMARY KEY  -- a canonical event that may have no summary row
);
CREATE TRIGGER track_queue_event AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO track_queue (event_id) VALUES (new.id);
END;
CREATE TRIGGER track_queue_features AFTER DELETE ON track_features BEGIN
    INSERT OR IGNORE INTO track_queue (event_id) VALUES (old.event_id);
END;
CREATE TRIGGER track_queue_reading AFTER DELETE ON proposal_candidates BEGIN
    INSERT OR IGNORE INTO track_queue (event_id) VALUES (old.event_id);
END;
CREATE TRIGGER track_lost_member AFTER DELETE ON canonical_members BEGIN
    INSERT OR IGNORE INTO track_lost (cluster_id) VALUES (old.cluster_id);
END;
CREATE TRIGGER summary_queue_cluster AFTER INSERT ON canonical_events BEGIN
    INSERT OR IGNORE INTO summary_queue (cluster_id) VALUES (new.id);
END;
CREATE TRIGGER summary_queue_summary AFTER DELETE ON cluster_summaries BEGIN
    INSERT OR IGNORE INTO summary_queue (cluster_id) VALUES (old.cluster_id);
END;
-- what a store migrated from version 10 has to catch up on
INSERT INTO track_queue (event_id) SELECT e.id FROM events e
    WHERE NOT EXISTS (SELECT 1 FROM track_features f WHERE f.event_id = e.id)
    OR NOT EXISTS (SELECT 1 FROM proposal_candidates c WHERE c.event_id = e.id);
INSERT INTO track_lost (cluster_id) SELECT c.id FROM canonical_events c
    WHERE c.size != (SELECT count(*) FROM canonical_members m WHERE m.cluster_id = c.id);
INSERT INTO summary_queue (cluster_id) SELECT c.id FROM canonical_events c
    WHERE NOT EXISTS (SELECT 1 FROM cluster_summaries s WHERE s.cluster_id = c.id);
