-- accord store, version 12: the days of each kept reading and of each proposal, so that an
-- update links again only what is near its new reports without reading the whole store.
-- Until now an update with a proposal step read every kept reading and every step's evidence
-- (0.1-0.8 s at 100,000 events, for an article whose extraction takes 0.08 s). A reading's
-- subject and the first and last of its day and publication day (ordinal days), and each
-- proposal's span of the same over the readings of its evidence (NULL when one of them has no
-- reading: the store is then not what linking made), are kept beside them, indexed.
ALTER TABLE proposal_candidates ADD COLUMN subject TEXT;
ALTER TABLE proposal_candidates ADD COLUMN low INTEGER;
ALTER TABLE proposal_candidates ADD COLUMN high INTEGER;
UPDATE proposal_candidates SET
    subject = candidate::json ->> 'subject',
    low = LEAST((candidate::json ->> 'day')::integer, (candidate::json ->> 'published')::integer),
    high = GREATEST(
        (candidate::json ->> 'day')::integer, (candidate::json ->> 'published')::integer
    )
WHERE candidate IS NOT NULL;
CREATE INDEX proposal_candidates_subject ON proposal_candidates (subject, low);
CREATE INDEX proposal_candidates_low ON proposal_candidates (low);
CREATE INDEX proposal_candidates_apart ON proposal_candidates ((high - low));
ALTER TABLE proposals ADD COLUMN span_low INTEGER;
ALTER TABLE proposals ADD COLUMN span_high INTEGER;
UPDATE proposals SET
    span_low = (
        SELECT CASE WHEN count(c.event_id) < count(*) THEN NULL ELSE min(c.low) END
        FROM proposal_steps s JOIN proposal_evidence e ON e.step_id = s.id
        LEFT JOIN proposal_candidates c ON c.event_id = e.event_id AND c.low IS NOT NULL
        WHERE s.proposal_id = proposals.id
    ),
    span_high = (
        SELECT CASE WHEN count(c.event_id) < count(*) THEN NULL ELSE max(c.high) END
        FROM proposal_steps s JOIN proposal_evidence e ON e.step_id = s.id
        LEFT JOIN proposal_candidates c ON c.event_id = e.event_id AND c.low IS NOT NULL
        WHERE s.proposal_id = proposals.id
    );
CREATE INDEX proposals_span ON proposals (span_low);
CREATE INDEX proposals_span_length ON proposals ((span_high - span_low));
