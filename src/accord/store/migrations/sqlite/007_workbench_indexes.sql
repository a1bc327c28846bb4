-- accord store, version 7: what the workbench reads fast.
-- One row per canonical event (cluster) with what its lists, maps and totals show: the date and
-- place most members give, the main source and target, reports and outlets, and for each count
-- the low, best and high figure across sources (accord.track.summary decides them). Derived from
-- the clusters, rebuilt by tracking for clusters that have none; a cluster's row goes with it.
CREATE TABLE cluster_summaries (
    cluster_id TEXT PRIMARY KEY REFERENCES canonical_events (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,  -- the member whose sentence summarises it (the first report)
    type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    date_start TEXT,  -- NULL when undated (then date_by may bound it)
    date_end TEXT,
    date_precision TEXT,
    date_by TEXT,
    place_key TEXT,  -- 'name|country', as /api/map and /api/places give it
    place_name TEXT,
    place_country TEXT,
    place_lat REAL,
    place_lon REAL,
    place_precision TEXT,
    source_id TEXT,
    source_name TEXT,
    source_country TEXT,
    source_sector TEXT,
    target_id TEXT,
    target_name TEXT,
    target_country TEXT,
    target_sector TEXT,
    reports INTEGER NOT NULL,  -- articles reporting it
    events INTEGER NOT NULL,  -- member event records (an article may give several)
    outlets INTEGER NOT NULL,
    outlet_names TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    first_report TEXT,
    last_report TEXT,
    killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
    injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
    detained_low INTEGER, detained_best INTEGER, detained_high INTEGER,
    prisoners_low INTEGER, prisoners_best INTEGER, prisoners_high INTEGER
);
CREATE INDEX cluster_summaries_date ON cluster_summaries (date_start);
CREATE INDEX cluster_summaries_place ON cluster_summaries (place_key);
CREATE INDEX cluster_summaries_type ON cluster_summaries (type);

-- Every country (place or actor) and every actor of a cluster's members, so the country and
-- actor filters reach clusters through an index instead of through each member event.
CREATE TABLE cluster_countries (
    cluster_id TEXT NOT NULL REFERENCES canonical_events (id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (country, cluster_id)
);
CREATE INDEX cluster_countries_cluster ON cluster_countries (cluster_id);
CREATE TABLE cluster_actors (
    cluster_id TEXT NOT NULL REFERENCES canonical_events (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (actor_id, cluster_id)
);
CREATE INDEX cluster_actors_cluster ON cluster_actors (cluster_id);

-- Filters through indexes: an actor's country or id to its events, a place by name.
CREATE INDEX event_actors_country_event ON event_actors (country, event_id);
CREATE INDEX event_actors_actor_event ON event_actors (actor_id, event_id);
CREATE INDEX events_place_name ON events (place_name, place_country);
CREATE INDEX quotes_speaker_article ON quotes (speaker_actor_id, article_id);

-- A number that grows with every change the views read (articles stored or replaced, cluster
-- summaries written), so a server can keep a computed view until the store changes.
ALTER TABLE track_state ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;

-- Stores tracked before this version get their summaries at the next tracking run.
UPDATE track_state SET pending = 1 WHERE EXISTS (SELECT 1 FROM canonical_events);
