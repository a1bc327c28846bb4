-- accord store on PostgreSQL, version 4: feeds that `accord watch` polls (see sqlite/004_feeds.sql).
CREATE TABLE feeds (
    url TEXT COLLATE "C" PRIMARY KEY,
    title TEXT COLLATE "C",
    etag TEXT COLLATE "C",
    last_modified TEXT COLLATE "C",
    checked_at TEXT COLLATE "C",
    status TEXT COLLATE "C",
    articles BIGINT NOT NULL DEFAULT 0
);
