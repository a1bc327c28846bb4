-- accord store, version 2: tracking across articles.
-- Canonical events (clusters of event records that report one real-world event), the links that
-- justify each merge, manual merge/split decisions (kept across rebuilds), and proposals or
-- agreements with their dated status history and evidence. Everything but track_decisions is
-- derived from the events table and rebuilt by accord.track.

-- What clustering needs of each event, computed once (day numbers are proleptic ordinals).
CREATE TABLE track_features (
    event_id TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    modality_class TEXT NOT NULL,
    day_lo INTEGER,  -- NULL when the event is too vaguely dated to merge automatically
    day_hi INTEGER,
    date_inferred INTEGER NOT NULL DEFAULT 0,  -- 1: window from the article's publication date
    sources TEXT NOT NULL DEFAULT '[]',  -- JSON [[actor_id, country, sector], ...]
    targets TEXT NOT NULL DEFAULT '[]',
    place_name TEXT,
    place_country TEXT,
    place_lat REAL,
    place_lon REAL,
    place_precision TEXT,
    tokens TEXT NOT NULL DEFAULT '',  -- content words of the evidence sentence, space-separated
    topic TEXT  -- the proposal subject the sentence names nearest the trigger, if any
);
CREATE INDEX track_features_block ON track_features (type, day_lo);

-- Pairs judged to report the same event (score at or above the threshold), with why.
CREATE TABLE track_links (
    event_a TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    event_b TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,  -- JSON object: field -> what agreed
    PRIMARY KEY (event_a, event_b),
    CHECK (event_a < event_b)
);
CREATE INDEX track_links_b ON track_links (event_b);

CREATE TABLE canonical_events (
    id TEXT PRIMARY KEY,  -- 'c' + hash of the smallest member event id: same members, same id
    size INTEGER NOT NULL  -- members when built; fewer rows now means a member was deleted
);

CREATE TABLE canonical_members (
    event_id TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    cluster_id TEXT NOT NULL REFERENCES canonical_events (id) ON DELETE CASCADE,
    linked_to TEXT,  -- the member it was merged with (NULL for the first member)
    score REAL,  -- the score of that link
    reasons TEXT NOT NULL DEFAULT '{}'  -- JSON: which fields agreed
);
CREATE INDEX canonical_members_cluster ON canonical_members (cluster_id);

-- A person's corrections: 'merge' keeps event_a and event_b together, 'split' keeps them apart.
-- Not derived, never rebuilt; no foreign keys so a decision outlives a re-ingested article.
CREATE TABLE track_decisions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    event_a TEXT NOT NULL,
    event_b TEXT NOT NULL,
    created_at TEXT NOT NULL,
    note TEXT
);
CREATE INDEX track_decisions_a ON track_decisions (event_a);
CREATE INDEX track_decisions_b ON track_decisions (event_b);

CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,  -- ceasefire, prisoner exchange, summit, withdrawal, sanctions
    terms TEXT NOT NULL DEFAULT '{}',  -- JSON: days, a, b, ...
    proposer TEXT NOT NULL DEFAULT '[]',  -- JSON [actor names]
    participants TEXT NOT NULL DEFAULT '[]',  -- JSON [country or actor codes]
    status TEXT NOT NULL,  -- the status of the latest step
    first_date TEXT,
    last_date TEXT
);
CREATE INDEX proposals_status ON proposals (status);

CREATE TABLE proposal_steps (
    id INTEGER PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT,
    date_inferred INTEGER NOT NULL DEFAULT 0,  -- 1: dated by the report's publication
    status TEXT NOT NULL,  -- proposed, considered, accepted, declined, agreed, implemented, ...
    actors TEXT NOT NULL DEFAULT '[]',  -- JSON [actor names] (accepted by X, declined by Y)
    detail TEXT  -- e.g. '130 of 390'
);
CREATE INDEX proposal_steps_proposal ON proposal_steps (proposal_id, position);

CREATE TABLE proposal_evidence (
    step_id INTEGER NOT NULL REFERENCES proposal_steps (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    PRIMARY KEY (step_id, event_id)
);
CREATE INDEX proposal_evidence_event ON proposal_evidence (event_id);
