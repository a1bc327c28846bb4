-- accord store, version 4: feeds that `accord watch` polls, with the validators of their last
-- answer (so an unchanged feed costs a 304) and how the last poll went.
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT,  -- when it was last polled (UTC)
    status TEXT,  -- 'ok', 'not modified', or the error of the last poll
    articles INTEGER NOT NULL DEFAULT 0  -- articles stored from it so far
);
