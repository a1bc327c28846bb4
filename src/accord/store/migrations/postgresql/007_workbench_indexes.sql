-- accord store on PostgreSQL, version 7: what the workbench reads fast (see
-- sqlite/007_workbench_indexes.sql).
-- One row per canonical event (cluster) with what its lists, maps and totals show: the date and
-- place most members give, the main source and target, reports and outlets, and for each count
-- the low, best and high figure across sources (accord.track.summary decides them). Derived from
-- the clusters, rebuilt by tracking for clusters that have none; a cluster's row goes with it.
CREATE TABLE cluster_summaries (
    cluster_id TEXT COLLATE "C" PRIMARY KEY REFERENCES canonical_events (id) ON DELETE CASCADE,
    event_id TEXT COLLATE "C" NOT NULL,  -- the member whose sentence summarises it (the first report)
    type TEXT COLLATE "C" NOT NULL,
    mode TEXT COLLATE "C",
    modality TEXT COLLATE "C" NOT NULL,
    date_start TEXT COLLATE "C",  -- NULL when undated (then date_by may bound it)
    date_end TEXT COLLATE "C",
    date_precision TEXT COLLATE "C",
    date_by TEXT COLLATE "C",
    place_key TEXT COLLATE "C",  -- 'name|country', as /api/map and /api/places give it
    place_name TEXT COLLATE "C",
    place_country TEXT COLLATE "C",
    place_lat DOUBLE PRECISION,
    place_lon DOUBLE PRECISION,
    place_precision TEXT COLLATE "C",
    source_id TEXT COLLATE "C",
    source_name TEXT COLLATE "C",
    source_country TEXT COLLATE "C",
    source_sector TEXT COLLATE "C",
    target_id TEXT COLLATE "C",
    target_name TEXT COLLATE "C",
    target_country TEXT COLLATE "C",
    target_sector TEXT COLLATE "C",
    reports BIGINT NOT NULL,  -- articles reporting it
    events BIGINT NOT NULL,  -- member event records (an article may give several)
    outlets BIGINT NOT NULL,
    outlet_names TEXT COLLATE "C" NOT NULL DEFAULT '[]',  -- JSON array of strings
    first_report TEXT COLLATE "C",
    last_report TEXT COLLATE "C",
    killed_low BIGINT, killed_best BIGINT, killed_high BIGINT,
    injured_low BIGINT, injured_best BIGINT, injured_high BIGINT,
    detained_low BIGINT, detained_best BIGINT, detained_high BIGINT,
    prisoners_low BIGINT, prisoners_best BIGINT, prisoners_high BIGINT
);
CREATE INDEX cluster_summaries_date ON cluster_summaries (date_start);
CREATE INDEX cluster_summaries_place ON cluster_summaries (place_key);
CREATE INDEX cluster_summaries_type ON cluster_summaries (type);

-- Every country (place or actor) and every actor of a cluster's members, so the country and
-- actor filters reach clusters through an index instead of through each member event.
CREATE TABLE cluster_countries (
    cluster_id TEXT COLLATE "C" NOT NULL REFERENCES canonical_events (id) ON DELETE CASCADE,
    country TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (country, cluster_id)
);
CREATE INDEX cluster_countries_cluster ON cluster_countries (cluster_id);
CREATE TABLE cluster_actors (
    cluster_id TEXT COLLATE "C" NOT NULL REFERENCES canonical_events (id) ON DELETE CASCADE,
    actor_id TEXT COLLATE "C" NOT NULL,
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
ALTER TABLE track_state ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;

-- Stores tracked before this version get their summaries at the next tracking run.
UPDATE track_state SET pending = 1 WHERE EXISTS (SELECT 1 FROM canonical_events);
