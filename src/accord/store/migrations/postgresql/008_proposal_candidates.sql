-- accord store, version 8: what proposal linking reads of each event, read once.
-- Whether an event is a step of some proposal, and which (subject, status, who, terms, day),
-- depends only on the event, its article's date and the actors it names, all fixed once the
-- event is stored; tracking reads it the first time it sees the event and keeps it here, so
-- linking no longer parses every stored sentence again on each update. `candidate` is NULL for
-- an event that is no step (most events). An event without a row is read on the next update.
CREATE TABLE proposal_candidates (
    event_id TEXT COLLATE "C" PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    candidate TEXT  -- JSON of accord.track.proposals.Candidate, NULL: the event is no step
);
-- A proposal's content digest: an update rewrites only the proposals whose digest changed.
ALTER TABLE proposals ADD COLUMN digest TEXT;
