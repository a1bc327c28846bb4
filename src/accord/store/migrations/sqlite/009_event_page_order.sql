-- accord store, version 9: event pages read in their order from an index.
-- A page of events sorts by date (undated last), then the article's publication, article,
-- sentence and position. The publication lives on the article, so no index could give that
-- order and a page filtered by a common country or actor sorted every match (half the store).
-- Each event now carries its article's publication (written with it; triggers fill it for
-- rows inserted by other means and follow a changed date), and two expression
-- indexes give the order newest first and oldest first.
ALTER TABLE events ADD COLUMN published TEXT;
UPDATE events SET published = (SELECT a.published FROM articles a WHERE a.id = events.article_id);
CREATE TRIGGER events_published AFTER INSERT ON events WHEN new.published IS NULL BEGIN
    UPDATE events SET published = (SELECT a.published FROM articles a WHERE a.id = new.article_id)
    WHERE seq = new.seq;
END;
CREATE TRIGGER articles_published AFTER UPDATE OF published ON articles BEGIN
    UPDATE events SET published = new.published WHERE article_id = new.id;
END;
CREATE INDEX events_page_newest ON events (
    coalesce(date_start, ''), coalesce(published, ''), article_id, sentence_index, start, id
);
CREATE INDEX events_page_oldest ON events (
    coalesce(date_start, '~'), coalesce(published, ''), article_id, sentence_index, start, id
);
