-- accord store on PostgreSQL, version 11: what tracking has to look at, kept as it changes
-- (see sqlite/011_track_queues.sql).
CREATE TABLE track_queue (
    event_id TEXT COLLATE "C" PRIMARY KEY
);
CREATE TABLE track_lost (
    cluster_id TEXT COLLATE "C" PRIMARY KEY
);
CREATE TABLE summary_queue (
    cluster_id TEXT COLLATE "C" PRIMARY KEY
);
CREATE FUNCTION accord_queue_new_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO track_queue (event_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER track_queue_event AFTER INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION accord_queue_new_event();
CREATE FUNCTION accord_queue_unread_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO track_queue (event_id) VALUES (OLD.event_id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER track_queue_features AFTER DELETE ON track_features
    FOR EACH ROW EXECUTE FUNCTION accord_queue_unread_event();
CREATE TRIGGER track_queue_reading AFTER DELETE ON proposal_candidates
    FOR EACH ROW EXECUTE FUNCTION accord_queue_unread_event();
CREATE FUNCTION accord_note_lost_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO track_lost (cluster_id) VALUES (OLD.cluster_id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER track_lost_member AFTER DELETE ON canonical_members
    FOR EACH ROW EXECUTE FUNCTION accord_note_lost_member();
CREATE FUNCTION accord_queue_new_cluster() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_queue (cluster_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER summary_queue_cluster AFTER INSERT ON canonical_events
    FOR EACH ROW EXECUTE FUNCTION accord_queue_new_cluster();
CREATE FUNCTION accord_queue_unsummarised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO summary_queue (cluster_id) VALUES (OLD.cluster_id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER summary_queue_summary AFTER DELETE ON cluster_summaries
    FOR EACH ROW EXECUTE FUNCTION accord_queue_unsummarised();
INSERT INTO track_queue (event_id) SELECT e.id FROM events e
    WHERE NOT EXISTS (SELECT 1 FROM track_features f WHERE f.event_id = e.id)
    OR NOT EXISTS (SELECT 1 FROM proposal_candidates c WHERE c.event_id = e.id);
INSERT INTO track_lost (cluster_id) SELECT c.id FROM canonical_events c
    WHERE c.size != (SELECT count(*) FROM canonical_members m WHERE m.cluster_id = c.id);
INSERT INTO summary_queue (cluster_id) SELECT c.id FROM canonical_events c
    WHERE NOT EXISTS (SELECT 1 FROM cluster_summaries s WHERE s.cluster_id = c.id);
