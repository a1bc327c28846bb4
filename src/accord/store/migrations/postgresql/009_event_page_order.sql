-- accord store on PostgreSQL, version 9: event pages read in their order from an index (see
-- sqlite/009_event_page_order.sql).
ALTER TABLE events ADD COLUMN published TEXT COLLATE "C";
UPDATE events e SET published = a.published FROM articles a WHERE a.id = e.article_id;
CREATE FUNCTION accord_event_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.published IS NULL THEN
        NEW.published := (SELECT a.published FROM articles a WHERE a.id = NEW.article_id);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER events_published BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION accord_event_published();
CREATE FUNCTION accord_article_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events SET published = NEW.published WHERE article_id = NEW.id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER articles_published AFTER UPDATE OF published ON articles
    FOR EACH ROW EXECUTE FUNCTION accord_article_published();
CREATE INDEX events_page_newest ON events (
    coalesce(date_start, ''), coalesce(published, ''), article_id, sentence_index, start, id
);
CREATE INDEX events_page_oldest ON events (
    coalesce(date_start, '~'), coalesce(published, ''), article_id, sentence_index, start, id
);
