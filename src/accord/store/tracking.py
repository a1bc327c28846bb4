"""Tracking's tables (migration 002): every read and write ``accord.track`` makes, in one place.

``accord.track`` decides (features, links, clusters, proposals); this module stores and reads
what it decides, with SQL both backends take (see ``accord.store.postgres``). Each function
takes the store's ``connection`` and runs inside whatever transaction the caller holds.
Rows come back as the backend's rows (read by name or position); nothing here imports
``accord.track``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from json.encoder import encode_basestring_ascii
from typing import Any

from accord.errors import NotFoundError

BATCH = 500  # ids per IN (...) list
PRECEDING_CHARS = 800  # how much text before a sentence a back reference may look at
# The text before a sentence, up to PRECEDING_CHARS characters (SQLite's scalar max/min and
# PostgreSQL's greatest/least differ, so CASE; PostgreSQL's substr takes INTEGER positions).
PRECEDING = (
    "substr(a.text,"
    f" CAST(CASE WHEN e.sentence_start - {PRECEDING_CHARS - 1} > 1"
    f" THEN e.sentence_start - {PRECEDING_CHARS - 1} ELSE 1 END AS INTEGER),"
    f" CAST(CASE WHEN e.sentence_start < {PRECEDING_CHARS} THEN e.sentence_start"
    f" ELSE {PRECEDING_CHARS} END AS INTEGER)) AS preceding"
)
DETAIL_COLUMNS = (
    "e.place_char_start, e.why, e.killed, e.injured, e.detained, e.prisoners, e.hostages, "
    + PRECEDING
)
EVENT_COLUMNS = (
    "e.id, e.article_id, e.type, e.mode, e.modality, e.date_start, e.date_end, e.date_precision, "
    "e.date_by, e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_precision, "
    "e.sentence, e.start, e.sentence_start, a.published"
)
# How a queue of notes (migration 011) joins what it names: a CROSS JOIN, which SQLite's
# planner takes as the order of the loops (else, with no statistics, it may walk the whole
# store in id order and look each row up in the queue); PostgreSQL plans it as a join.
FROM_QUEUE = "CROSS JOIN"
CLEARED_ON_REBUILD = ("canonical_members", "canonical_events", "track_links", "track_features")


def batches(ids: Iterable[str]) -> Iterable[list[str]]:
    """Sorted ids in lists short enough for one ``IN (...)``."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), BATCH):
        yield ordered[start : start + BATCH]


def placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


# -- features --------------------------------------------------------------------------------


def untracked_event_rows(connection: Any) -> Any:
    """A cursor over the events that have no features stored yet (new since the last update:
    only the events ``track_queue`` notes are looked at, migration 011)."""
    return connection.execute(
        f"SELECT {EVENT_COLUMNS}, {DETAIL_COLUMNS} FROM track_queue q"
        f" {FROM_QUEUE} events e JOIN articles a ON a.id = e.article_id WHERE e.id = q.event_id"
        " AND NOT EXISTS (SELECT 1 FROM track_features f WHERE f.event_id = e.id) ORDER BY e.id"
    )


def all_event_rows(connection: Any) -> Any:
    """A cursor over every stored event, for a rebuild."""
    return connection.execute(
        f"SELECT {EVENT_COLUMNS}, {DETAIL_COLUMNS} FROM events e"
        " JOIN articles a ON a.id = e.article_id ORDER BY e.id"
    )


def tracked_event_rows(connection: Any, event_ids: Sequence[str]) -> Any:
    """A cursor over tracked events chosen by id (at most ``BATCH``), read again from events."""
    return connection.execute(
        f"SELECT {EVENT_COLUMNS}, {DETAIL_COLUMNS} FROM track_features f"
        " JOIN events e ON e.id = f.event_id JOIN articles a ON a.id = e.article_id"
        f" WHERE f.event_id IN ({placeholders(event_ids)}) ORDER BY e.id",
        tuple(event_ids),
    )


def named_actor_rows(connection: Any, event_ids: Sequence[str]) -> Any:
    """The actors the text names (not inferred) of some events, in event, side, position order."""
    return connection.execute(
        "SELECT event_id, side, actor_id, country, sector FROM event_actors "
        f"WHERE event_id IN ({placeholders(event_ids)}) AND inferred = 0 "
        "ORDER BY event_id, side, position",
        list(event_ids),
    )


FEATURE_COLUMNS = (
    "event_id, article_id, type, mode, modality_class, day_lo, day_hi, date_inferred, sources,"
    " targets, place_name, place_country, place_lat, place_lon, place_precision, tokens, topic"
)


def save_feature_rows(connection: Any, rows: Iterable[tuple]) -> None:
    """Store features (one tuple per event, in ``FEATURE_COLUMNS`` order), replacing any."""
    names = [name.strip() for name in FEATURE_COLUMNS.split(",")]
    updates = ", ".join(f"{name} = excluded.{name}" for name in names[1:])
    connection.executemany(
        f"INSERT INTO track_features ({FEATURE_COLUMNS}) VALUES ({placeholders(names)})"
        f" ON CONFLICT (event_id) DO UPDATE SET {updates}",
        rows,
    )


def block_event_ids(
    connection: Any, type: str, lo_from: int, lo_to: int, hi_from: int
) -> list[str]:
    """Tracked events of one type whose window starts in [lo_from, lo_to] and ends at or
    after hi_from (the blocks an event is compared within)."""
    cursor = connection.execute(
        "SELECT event_id FROM track_features WHERE type = ? AND day_lo BETWEEN ? AND ?"
        " AND day_hi >= ?",
        (type, lo_from, lo_to, hi_from),
    )
    return [row[0] for row in cursor]


def existing_events(connection: Any, event_ids: set[str]) -> set[str]:
    """Drop ids of events no longer stored (a manual merge may name a deleted event)."""
    found: set[str] = set()
    for batch in batches(event_ids):
        cursor = connection.execute(
            f"SELECT event_id FROM track_features WHERE event_id IN ({placeholders(batch)})", batch
        )
        found |= {row[0] for row in cursor}
    return found


def clear_tracking(connection: Any) -> None:
    """Forget every feature, link and cluster (a rebuild; decisions are kept)."""
    for table in CLEARED_ON_REBUILD:
        connection.execute(f"DELETE FROM {table}")


# -- links -----------------------------------------------------------------------------------

Link = tuple[str, str, float, dict]
# A stored link as read back: its reasons left as the stored JSON text, since only a cluster
# member's strongest link is ever written out again (``json.loads`` of every link read was
# most of an update's reading on a crowded story)
StoredLink = tuple[str, str, float, str]


def save_links(connection: Any, links: Iterable[Link]) -> int:
    """Store links not stored yet; returns how many were new (both drivers sum the rows
    ``executemany`` inserted)."""
    cursor = connection.executemany(
        "INSERT INTO track_links (event_a, event_b, score, reasons) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        ((a, b, score, reasons_json(reasons)) for a, b, score, reasons in links),
    )
    return max(cursor.rowcount, 0)


def reasons_json(reasons: dict[str, str]) -> str:
    """``json.dumps(reasons)``, the same text written directly when every key and value is
    text (a link's reasons are): an update writes tens of thousands, and ``dumps`` sets up an
    encoder for each."""
    try:
        quoted = [
            encode_basestring_ascii(k) + ": " + encode_basestring_ascii(v)
            for k, v in reasons.items()
        ]
    except TypeError:  # not text: as ``dumps`` writes it
        return json.dumps(reasons)
    return "{" + ", ".join(quoted) + "}"


def count_rows(connection: Any, table: str) -> int:
    return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def link_neighbours(connection: Any, batch: Sequence[str]) -> set[str]:
    """Events linked to any of ``batch`` (and the batch's own linked ids)."""
    marks = placeholders(batch)
    cursor = connection.execute(
        f"SELECT event_a, event_b FROM track_links WHERE event_a IN ({marks})"
        f" UNION SELECT event_a, event_b FROM track_links WHERE event_b IN ({marks})",
        list(batch) + list(batch),
    )
    return {event_id for row in cursor for event_id in row}


def links_touching(connection: Any, event_ids: set[str]) -> list[StoredLink]:
    """The stored links with an end in ``event_ids``, each once (reasons as stored, JSON)."""
    found: dict[tuple[str, str], StoredLink] = {}
    for batch in batches(event_ids):
        marks = placeholders(batch)
        cursor = connection.execute(
            f"SELECT * FROM track_links WHERE event_a IN ({marks})"
            f" UNION ALL SELECT * FROM track_links WHERE event_b IN ({marks})",
            batch + batch,
        )
        for row in cursor:
            key = (row["event_a"], row["event_b"])
            if key not in found:
                found[key] = (key[0], key[1], row["score"], row["reasons"])
    return list(found.values())


def links_among(connection: Any, part: set[str]) -> list[StoredLink]:
    """The stored links with both ends in ``part`` (reasons as stored, JSON)."""
    links = []
    for batch in batches(part):
        cursor = connection.execute(
            f"SELECT * FROM track_links WHERE event_a IN ({placeholders(batch)})", batch
        )
        for row in cursor:
            if row["event_b"] in part:
                links.append((row["event_a"], row["event_b"], row["score"], row["reasons"]))
    return links


# -- clusters --------------------------------------------------------------------------------


def insert_clusters(
    connection: Any, clusters: Iterable[tuple[str, int]], members: Iterable[tuple]
) -> None:
    """Store clusters (id, size) and their members (event, cluster, linked_to, score,
    reasons as JSON)."""
    connection.executemany("INSERT INTO canonical_events (id, size) VALUES (?, ?)", clusters)
    connection.executemany(
        "INSERT INTO canonical_members (event_id, cluster_id, linked_to, score, reasons)"
        " VALUES (?, ?, ?, ?, ?)",
        members,
    )


# The canonical events ``track_lost`` notes (a member left them) that now hold fewer
# members than their size says: only these can have lost one (migration 011).
LOST_CLUSTERS = (
    f"SELECT c.id FROM track_lost l {FROM_QUEUE} canonical_events c WHERE c.id = l.cluster_id"
    " AND c.size != (SELECT count(*) FROM canonical_members x WHERE x.cluster_id = c.id)"
)


def members_of_stale_clusters(connection: Any) -> set[str]:
    """Members left in clusters that lost a member (its article was replaced or deleted)."""
    rows = connection.execute(
        f"SELECT m.event_id FROM canonical_members m WHERE m.cluster_id IN ({LOST_CLUSTERS})"
    )
    stale = {row[0] for row in rows}
    connection.execute(
        "DELETE FROM canonical_events WHERE id IN (SELECT cluster_id FROM track_lost)"
        " AND NOT EXISTS"
        " (SELECT 1 FROM canonical_members m WHERE m.cluster_id = canonical_events.id)"
    )
    return stale


def cluster_mates(connection: Any, event_ids: set[str]) -> list[tuple[str, str]]:
    """(event, cluster) for every member of the clusters that hold any of ``event_ids``."""
    found: set[tuple[str, str]] = set()
    for batch in batches(event_ids):
        cursor = connection.execute(
            "SELECT m.event_id, m.cluster_id FROM canonical_members m WHERE m.cluster_id IN"
            " (SELECT cluster_id FROM canonical_members"
            f" WHERE event_id IN ({placeholders(batch)}))",
            batch,
        )
        found |= {(row[0], row[1]) for row in cursor}
    return sorted(found)


def forget_clusters_of(connection: Any, event_ids: set[str]) -> None:
    for batch in batches(event_ids):
        connection.execute(
            "DELETE FROM canonical_events WHERE id IN (SELECT cluster_id FROM canonical_members"
            f" WHERE event_id IN ({placeholders(batch)}))",
            batch,
        )


def count_clusters(connection: Any) -> int:
    return count_rows(connection, "canonical_events")


def members_of(connection: Any, cluster_id: str) -> list[str]:
    rows = connection.execute(
        "SELECT event_id FROM canonical_members WHERE cluster_id = ? ORDER BY event_id",
        (cluster_id,),
    ).fetchall()
    if not rows:
        raise NotFoundError(f"no canonical event with id {cluster_id!r}")
    return [row[0] for row in rows]


def cluster_of_event(connection: Any, event_id: str) -> str | None:
    row = connection.execute(
        "SELECT cluster_id FROM canonical_members WHERE event_id = ?", (event_id,)
    ).fetchone()
    return row[0] if row else None


def member_rows(connection: Any, cluster_id: str) -> dict[str, Any]:
    """A cluster's membership rows (linked_to, score, reasons) by event id."""
    return {
        row["event_id"]: row
        for row in connection.execute(
            "SELECT * FROM canonical_members WHERE cluster_id = ?", (cluster_id,)
        )
    }


def clusters_reported_by(connection: Any, min_articles: int, type: str | None = None) -> list[str]:
    """Ids of clusters whose members come from at least ``min_articles`` articles, most
    reported first, then by earliest date and id."""
    conditions, params = ["TRUE"], {"min_articles": min_articles}
    if type:
        conditions.append("e.type = :type")
        params["type"] = type
    cursor = connection.execute(
        "SELECT m.cluster_id, count(DISTINCT e.article_id) AS articles, min(e.date_start) AS day"
        " FROM canonical_members m JOIN events e ON e.id = m.event_id"
        f" WHERE {' AND '.join(conditions)} GROUP BY m.cluster_id"
        " HAVING count(DISTINCT e.article_id) >= :min_articles"
        " ORDER BY articles DESC, day NULLS FIRST, m.cluster_id",  # SQLite's NULL order
        params,
    )
    return [row["cluster_id"] for row in cursor.fetchall()]


# -- a person's decisions --------------------------------------------------------------------


def decision_rows(connection: Any) -> list[Any]:
    """Every merge and split decision (kind, event_a, event_b), oldest first."""
    return connection.execute(
        "SELECT kind, event_a, event_b FROM track_decisions ORDER BY id"
    ).fetchall()


def record_decision(connection: Any, kind: str, a: str, b: str, note: str | None) -> None:
    connection.execute(
        "INSERT INTO track_decisions (kind, event_a, event_b, created_at, note)"
        " VALUES (?, ?, ?, ?, ?)",
        (kind, a, b, datetime.now(UTC).isoformat(timespec="seconds"), note),
    )


def forget_merges_of(connection: Any, event_id: str) -> None:
    """Drop the merge decisions naming an event (it is being split out)."""
    connection.execute(
        "DELETE FROM track_decisions WHERE kind = 'merge' AND (event_a = ? OR event_b = ?)",
        (event_id, event_id),
    )


def forget_splits_between(connection: Any, left: set[str], right: set[str]) -> None:
    """Drop the split decisions keeping an event of ``left`` apart from one of ``right``."""
    rows = connection.execute(
        "SELECT id, event_a, event_b FROM track_decisions WHERE kind = 'split'"
    ).fetchall()
    for row in rows:
        pair = {row["event_a"], row["event_b"]}
        if pair & left and pair & right:
            connection.execute("DELETE FROM track_decisions WHERE id = ?", (row["id"],))


# -- proposals -------------------------------------------------------------------------------


# What proposal reading reads of an event (``track.proposals.candidate_of``) and its article.
READING_COLUMNS = (
    "e.id, e.type, e.mode, e.modality, e.trigger, e.start, e.sentence_start, e.sentence,"
    " e.date_start, e.date_precision, e.prisoners, e.hostages, e.detained, e.attributed_to,"
    " e.article_id, e.sentence_index, e.date_char_start, e.mentions, a.published,"
    " e.place_country, e.place_char_start"
)


def unread_candidate_rows(connection: Any) -> list[Any]:
    """What proposal linking reads of the events not yet read as candidates or not (no row in
    ``proposal_candidates``, migration 008; of those ``track_queue`` notes), in id order."""
    return connection.execute(
        f"SELECT {READING_COLUMNS}"
        f" FROM track_queue q {FROM_QUEUE} events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.id = q.event_id"
        " AND NOT EXISTS (SELECT 1 FROM proposal_candidates c WHERE c.event_id = e.id)"
        " ORDER BY e.id"
    ).fetchall()


Reading = tuple[str, str | None, str | None, int | None, int | None]


def save_candidates(connection: Any, rows: Iterable[Reading]) -> None:
    """Keep what each event reads as: (event id, candidate JSON, or None for no step, its
    subject, and the first and last of its day and publication day; migration 012)."""
    connection.executemany(
        "INSERT INTO proposal_candidates (event_id, candidate, subject, low, high)"
        " VALUES (?, ?, ?, ?, ?)",
        list(rows),
    )


def reading_count(connection: Any) -> int:
    """How many kept readings are steps of some proposal."""
    return connection.execute(
        "SELECT count(*) FROM proposal_candidates WHERE low IS NOT NULL"
    ).fetchone()[0]


def readings_of(connection: Any, event_ids: Iterable[str]) -> list[str]:
    """The candidate JSON of those of some events that read as a step."""
    found: list[str] = []
    for batch in batches(event_ids):
        found += [
            row[0]
            for row in connection.execute(
                "SELECT candidate FROM proposal_candidates WHERE candidate IS NOT NULL"
                f" AND event_id IN ({placeholders(batch)})",
                batch,
            )
        ]
    return found


def widest_reading(connection: Any) -> int:
    """The most days between a kept reading's day and its publication day (0: none kept)."""
    row = connection.execute(
        "SELECT high - low FROM proposal_candidates WHERE low IS NOT NULL"
        " ORDER BY high - low DESC LIMIT 1"
    ).fetchone()
    return 0 if row is None else row[0]


def readings_near(
    connection: Any,
    first: int,
    last: int,
    widest: int,
    subject: str | None = None,
    unplaced: bool = False,
) -> list[str]:
    """The candidate JSON of the readings (of ``subject``, when given; ``unplaced``: that are
    evidence of no stored step) whose day or publication day may lie within [first, last]
    (``widest``: ``widest_reading``), in event id order; some may have neither there (the
    caller tests each)."""
    where = "low BETWEEN ? AND ? AND high >= ?"
    params: list[Any] = [first - widest, last, first]
    if subject is not None:
        where, params = f"subject = ? AND {where}", [subject, *params]
    if unplaced:
        where += " AND NOT EXISTS (SELECT 1 FROM proposal_evidence e WHERE e.event_id = c.event_id)"
    return [
        row[0]
        for row in connection.execute(
            f"SELECT candidate FROM proposal_candidates c WHERE {where} ORDER BY event_id", params
        )
    ]


def step_owners_of(connection: Any, event_ids: Iterable[str]) -> list[Any]:
    """(event id, proposal id) for each piece of step evidence of some events, in the order
    the steps were stored."""
    found: list[Any] = []
    for batch in batches(event_ids):
        found += connection.execute(
            "SELECT e.event_id, s.proposal_id FROM proposal_evidence e"
            " JOIN proposal_steps s ON s.id = e.step_id"
            f" WHERE e.event_id IN ({placeholders(batch)}) ORDER BY s.id",
            batch,
        ).fetchall()
    return found


def evidence_readings(connection: Any, proposal_ids: Iterable[str]) -> list[Any]:
    """(proposal id, event id, candidate JSON or None) of each piece of step evidence of
    some proposals."""
    found: list[Any] = []
    for batch in batches(proposal_ids):
        found += connection.execute(
            "SELECT s.proposal_id, e.event_id, c.candidate FROM proposal_steps s"
            " JOIN proposal_evidence e ON e.step_id = s.id"
            " LEFT JOIN proposal_candidates c ON c.event_id = e.event_id"
            f" WHERE s.proposal_id IN ({placeholders(batch)}) ORDER BY s.id, e.event_id",
            batch,
        ).fetchall()
    return found


def evidence_count(connection: Any, proposal_id: str) -> int:
    """How many pieces of step evidence a proposal has."""
    return connection.execute(
        "SELECT count(*) FROM proposal_steps s JOIN proposal_evidence e ON e.step_id = s.id"
        " WHERE s.proposal_id = ?",
        (proposal_id,),
    ).fetchone()[0]


def digests_of(connection: Any, proposal_ids: Iterable[str]) -> dict[str, str | None]:
    """The content digest of those of some proposals that are stored, by id."""
    found: dict[str, str | None] = {}
    for batch in batches(proposal_ids):
        found.update(
            connection.execute(
                f"SELECT id, digest FROM proposals WHERE id IN ({placeholders(batch)})", batch
            ).fetchall()
        )
    return found


def proposals_near(connection: Any, first: int, last: int) -> list[Any]:
    """(id, span_low, span_high) of the stored proposals whose span (``set_spans``) meets
    [first, last], by id."""
    row = connection.execute(
        "SELECT span_high - span_low FROM proposals WHERE span_low IS NOT NULL"
        " ORDER BY span_high - span_low DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return []
    return connection.execute(
        "SELECT id, span_low, span_high FROM proposals"
        " WHERE span_low BETWEEN ? AND ? AND span_high >= ? ORDER BY id",
        (first - row[0], last, first),
    ).fetchall()


def spans_missing(connection: Any) -> bool:
    """Whether a stored proposal has no span: a piece of its evidence has no kept reading (or
    it has none), so the store is not what linking made."""
    found = connection.execute("SELECT 1 FROM proposals WHERE span_low IS NULL LIMIT 1")
    return found.fetchone() is not None


SPAN_OF = (
    "SELECT CASE WHEN count(c.event_id) < count(*) THEN NULL ELSE {0}(c.{1}) END"
    " FROM proposal_steps s JOIN proposal_evidence e ON e.step_id = s.id"
    " LEFT JOIN proposal_candidates c ON c.event_id = e.event_id AND c.low IS NOT NULL"
    " WHERE s.proposal_id = proposals.id"
)


def set_spans(connection: Any, proposal_ids: Iterable[str] | None = None) -> None:
    """Each proposal's span (all when None): the first and last day or publication day of
    its evidence's readings (NULL when a piece has none), what an update finds it by."""
    update = (
        f"UPDATE proposals SET span_low = ({SPAN_OF.format('min', 'low')}),"
        f" span_high = ({SPAN_OF.format('max', 'high')})"
    )
    if proposal_ids is None:
        connection.execute(update)
        return
    for batch in batches(proposal_ids):
        connection.execute(f"{update} WHERE id IN ({placeholders(batch)})", batch)


def stored_candidates(connection: Any) -> list[str]:
    """The JSON of every event that reads as a step of a proposal, in event id order."""
    return [
        row[0]
        for row in connection.execute(
            "SELECT candidate FROM proposal_candidates WHERE candidate IS NOT NULL"
            " ORDER BY event_id"
        )
    ]


def clear_candidates(connection: Any) -> None:
    """Forget what events read as (a rebuild reads every event again)."""
    connection.execute("DELETE FROM proposal_candidates")


def proposal_digests(connection: Any) -> dict[str, str | None]:
    """Each stored proposal's content digest, by id."""
    return {row[0]: row[1] for row in connection.execute("SELECT id, digest FROM proposals")}


def delete_proposals(connection: Any, proposal_ids: Iterable[str]) -> None:
    """Forget some proposals (their steps and evidence go with them)."""
    for batch in batches(proposal_ids):
        connection.execute(f"DELETE FROM proposals WHERE id IN ({placeholders(batch)})", batch)


def named_actor_rows_of(connection: Any, event_ids: Iterable[str]) -> list[Any]:
    """The actors the text names (not inferred) of some events, by event, side and position."""
    found: list[Any] = []
    for batch in batches(event_ids):
        found += connection.execute(
            "SELECT event_id, side, name, text, actor_id, country, sector FROM event_actors"
            f" WHERE inferred = 0 AND event_id IN ({placeholders(batch)})"
            " ORDER BY event_id, side, position",
            batch,
        ).fetchall()
    return found


def clusters_lost_members(connection: Any) -> bool:
    """Whether an event tracking had grouped is gone (its article replaced or deleted): a
    canonical event then holds fewer members than its size says."""
    return connection.execute(f"{LOST_CLUSTERS} LIMIT 1").fetchone() is not None


def settle_queues(connection: Any) -> None:
    """Clear the notes of what tracking has dealt with (at the end of an update or a
    rebuild): events stored with features and a kept reading, or gone; canonical events
    whole again, or gone."""
    connection.execute(
        "DELETE FROM track_queue WHERE NOT EXISTS"
        " (SELECT 1 FROM events e WHERE e.id = track_queue.event_id)"
        " OR (EXISTS (SELECT 1 FROM track_features f WHERE f.event_id = track_queue.event_id)"
        " AND EXISTS (SELECT 1 FROM proposal_candidates c"
        " WHERE c.event_id = track_queue.event_id))"
    )
    connection.execute(f"DELETE FROM track_lost WHERE cluster_id NOT IN ({LOST_CLUSTERS})")


def save_proposal(connection: Any, item: Any, digest: str | None = None) -> None:
    """Store a proposal (``accord.track.Proposal``) with its steps and their evidence."""
    dates = [step.date for step in item.steps if step.date]
    connection.execute(
        "INSERT INTO proposals (id, subject, terms, proposer, participants, status, first_date,"
        " last_date, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item.id,
            item.subject,
            json.dumps(item.terms),
            json.dumps(item.proposer),
            json.dumps(item.participants),
            item.steps[-1].status,
            min(dates, default=None),
            max(dates, default=None),
            digest,
        ),
    )
    # the steps in one statement, then their ids (given in order, as one insert at a time
    # would give them), then all their evidence: a long story's proposal holds thousands
    connection.executemany(
        "INSERT INTO proposal_steps (proposal_id, position, date, date_inferred, status,"
        " actors, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                item.id,
                position,
                step.date,
                int(step.date_inferred),
                step.status,
                json.dumps(step.actors),
                step.detail,
            )
            for position, step in enumerate(item.steps)
        ],
    )
    step_ids = [
        row[0]
        for row in connection.execute(
            "SELECT id FROM proposal_steps WHERE proposal_id = ? ORDER BY position", (item.id,)
        )
    ]
    connection.executemany(
        "INSERT INTO proposal_evidence (step_id, event_id) VALUES (?, ?)",
        [
            (step_id, event_id)
            for step_id, step in zip(step_ids, item.steps, strict=True)
            for event_id in step.event_ids
        ],
    )


def proposal_rows(connection: Any) -> list[Any]:
    """Every stored proposal, earliest first."""
    return connection.execute(
        "SELECT * FROM proposals ORDER BY first_date NULLS FIRST, id"
    ).fetchall()


def proposal_row(connection: Any, proposal_id: str) -> Any:
    """One proposal's row, or None."""
    return connection.execute("SELECT * FROM proposals WHERE id = ?", (proposal_id,)).fetchone()


def step_rows(connection: Any, proposal_id: str) -> list[Any]:
    return connection.execute(
        "SELECT * FROM proposal_steps WHERE proposal_id = ? ORDER BY position", (proposal_id,)
    ).fetchall()


def evidence_ids(connection: Any, step_id: int) -> list[str]:
    rows = connection.execute(
        "SELECT event_id FROM proposal_evidence WHERE step_id = ? ORDER BY event_id", (step_id,)
    )
    return [row[0] for row in rows]


def step_owner_rows(connection: Any) -> list[Any]:
    """(event id, proposal id) for each piece of step evidence."""
    return connection.execute(
        "SELECT e.event_id, s.proposal_id FROM proposal_evidence e"
        " JOIN proposal_steps s ON s.id = e.step_id"
    ).fetchall()


def trigger_offsets(connection: Any, event_id: str) -> tuple[str, int, int] | None:
    """(sentence, trigger start, trigger end) of an event, offsets within its sentence."""
    row = connection.execute(
        'SELECT sentence, start - sentence_start, "end" - sentence_start FROM events WHERE id = ?',
        (event_id,),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def trigger_spans(connection: Any, event_id: str) -> list[tuple[str, int, int]]:
    """(sentence, trigger start, trigger end) of each sentence that tells an event: its own
    first, then those of the mentions merged into it (a lead told again in the body), offsets
    within each sentence."""
    row = connection.execute(
        'SELECT sentence, start - sentence_start, "end" - sentence_start, mentions'
        " FROM events WHERE id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return []
    spans = [(row[0], row[1], row[2])]
    for mention in json.loads(row[3] or "[]"):
        at = mention.get("sentence_start", 0)
        spans.append((mention["sentence"], mention["start"] - at, mention["end"] - at))
    return spans


# -- evaluation ------------------------------------------------------------------------------


def events_in_sentence(connection: Any, file: str, substring: str, type: str | None) -> list[str]:
    """Ids of the events of an article read from ``file`` whose sentence holds ``substring``
    (of ``type`` when given), in article order."""
    dialect = getattr(connection, "dialect", "sqlite")
    position = "instr" if dialect == "sqlite" else "strpos"
    # the sentence, or one of the sentences restating the event (JSON-escaped in ``mentions``)
    contains = (
        f"({position}(e.sentence, :substring) > 0"
        f" OR {position}(coalesce(e.mentions, ''), :escaped) > 0)"
    )
    conditions = ["(a.source LIKE :file OR a.source = :bare)", contains]
    params = {
        "file": f"%/{file}",
        "bare": file,
        "substring": substring,
        "escaped": json.dumps(substring, ensure_ascii=False)[1:-1],
    }
    if type is not None:
        conditions.append("e.type = :type")
        params["type"] = type
    rows = connection.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id"
        f" WHERE {' AND '.join(conditions)} ORDER BY e.sentence_index, e.start",
        params,
    ).fetchall()
    return [row[0] for row in rows]


def reading_row(connection: Any, event_id: str) -> Any:
    """One event with what proposal reading reads of it (as ``unread_candidate_rows``)."""
    return connection.execute(
        f"SELECT {READING_COLUMNS}"
        " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
        (event_id,),
    ).fetchone()


def kept_reading(connection: Any, event_id: str) -> str | None:
    """The candidate JSON an event was read as, or None (no step, or not read yet)."""
    row = connection.execute(
        "SELECT candidate FROM proposal_candidates WHERE event_id = ?", (event_id,)
    ).fetchone()
    return None if row is None else row[0]


def event_kind(connection: Any, event_id: str) -> str | None:
    """An event's PLOVER type and modality ('ASSAULT asserted'), or None."""
    row = connection.execute(
        "SELECT type, modality FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    return None if row is None else f"{row[0]} {row[1]}"


def outlet_of(connection: Any, event_id: str) -> str:
    """The outlet of an event's article (its id when the outlet is unknown)."""
    row = connection.execute(
        "SELECT coalesce(a.outlet, a.id) FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    return row[0]
