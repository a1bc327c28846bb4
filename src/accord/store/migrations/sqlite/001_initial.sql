-- accord store, version 1: articles, canonical actors, events with their actors, quotes,
-- and full-text search over event sentences and quote text.
-- Column names follow the record fields in accord.models (flattened with a prefix where nested).

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    source TEXT,
    ingested_at TEXT
);
-- One version of an article per URL: a new version replaces the old one.
CREATE UNIQUE INDEX articles_url ON articles (url);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    role TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    wikidata TEXT
);
CREATE INDEX actors_name ON actors (name COLLATE NOCASE);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_sector ON actors (sector);

-- Which actors each article mentions (Extraction.actors), for "actors in this article".
CREATE TABLE article_actors (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE events (
    seq INTEGER PRIMARY KEY,  -- stable rowid for the full-text index
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    trigger TEXT NOT NULL,
    contexts TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    attributed_to TEXT,
    date_text TEXT,  -- NULL when the event has no date
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    date_char_start INTEGER,
    date_char_end INTEGER,
    place_text TEXT,  -- NULL when the event has no place
    place_name TEXT,
    place_country TEXT,
    place_lat REAL,
    place_lon REAL,
    place_precision TEXT,
    place_char_start INTEGER,
    place_char_end INTEGER,
    killed INTEGER,
    injured INTEGER,
    detained INTEGER,
    prisoners INTEGER,
    displaced INTEGER,
    sentence_index INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    why TEXT NOT NULL,
    confidence REAL NOT NULL,
    sentence_start INTEGER NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_type ON events (type, mode);
CREATE INDEX events_modality ON events (modality);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_place_country ON events (place_country);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    side TEXT NOT NULL CHECK (side IN ('source', 'target')),
    position INTEGER NOT NULL,
    actor_id TEXT NOT NULL,  -- canonical actor id; not a foreign key, a ref may name an unlisted actor
    name TEXT NOT NULL,
    text TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    role TEXT,
    inferred INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, side, position)
);
CREATE INDEX event_actors_actor ON event_actors (actor_id);
CREATE INDEX event_actors_country ON event_actors (country);

CREATE TABLE quotes (
    seq INTEGER PRIMARY KEY,  -- stable rowid for the full-text index
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    speaker_text TEXT,  -- the words naming the speaker (Quote.speaker_text)
    speaker_actor_id TEXT,  -- NULL when the quote has no resolved speaker
    speaker_name TEXT,
    speaker_mention TEXT,  -- ActorRef.text of the speaker
    speaker_country TEXT,
    speaker_sector TEXT,
    speaker_role TEXT,
    speaker_inferred INTEGER,
    sentence_index INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    why TEXT NOT NULL,
    confidence REAL NOT NULL,
    sentence_start INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_actor_id);

-- Full-text search, kept in step with events and quotes by triggers.
CREATE VIRTUAL TABLE events_fts USING fts5 (
    sentence, content = 'events', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, sentence) VALUES (new.seq, new.sentence);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
    INSERT INTO events_fts (rowid, sentence) VALUES (new.seq, new.sentence);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.seq, new.text);
END;
