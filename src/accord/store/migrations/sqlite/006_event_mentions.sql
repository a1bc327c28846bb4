-- accord store, version 6: an event told in several sentences of one article (the lead and
-- the body) is one record; `mentions` holds the evidence of the sentences that restate it, as
-- a JSON array of objects with the columns of the evidence (sentence_index, start, end,
-- sentence, why, confidence, sentence_start).
ALTER TABLE events ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
