"""The workbench's reads: canonical events (clusters) and the sums the views draw, in SQL.

Sums are ``GROUP BY`` queries, not Python loops over event records: at 100,000 events building
the records costs seconds, the sums milliseconds. A cluster is counted once, with the best
figure of each count (``cluster_summaries``, written by tracking); the event unit sums each
report's own figure. The SQL is portable (standard ``GROUP BY``, ``CASE``, ``COALESCE``,
``substr``/``length``); the one dialect-specific piece is ``case_insensitive``.

Filters: the event filters of ``event_conditions`` select events; in the cluster unit a
cluster is kept when one of its members matches them, and the filters on what a cluster shows
(type, dates, place, modality) are read from the cluster's own row, so a place's total is the
sum of the clusters the map draws there.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from accord.store.queries import country_code, date_range

TRACKED_COUNTS = ("killed", "injured", "detained", "prisoners")
UNITS = ("clusters", "events")
GRANULARITIES = ("day", "week", "month")
# Filters read from a cluster's own row (what it shows); the rest select its members.
CLUSTER_OWN_FILTERS = ("type", "since", "until", "place_key", "modality")
CLUSTER_SORTS = {
    # undated last in both date orders; the id makes the order total
    "date": "CASE WHEN s.date_start IS NULL THEN 1 ELSE 0 END, s.date_start, s.cluster_id",
    "-date": "CASE WHEN s.date_start IS NULL THEN 1 ELSE 0 END, s.date_start DESC, s.cluster_id",
    "reports": "s.reports DESC, s.outlets DESC, s.date_start DESC, s.cluster_id",
}
SUMMARY_COLUMNS = (
    "cluster_id", "event_id", "type", "mode", "modality", "date_start", "date_end",
    "date_precision", "date_by", "place_key", "place_name", "place_country", "place_lat",
    "place_lon", "place_precision", "source_id", "source_name", "source_country",
    "source_sector", "target_id", "target_name", "target_country", "target_sector", "reports",
    "events",
    "outlets", "outlet_names", "first_report", "last_report",
    *(f"{kind}_{bound}" for kind in TRACKED_COUNTS for bound in ("low", "best", "high")),
)  # fmt: skip
CLUSTER_SELECT = (
    "SELECT s.*, e.sentence AS sentence, e.trigger AS trigger, a.url AS url,"
    " a.outlet AS outlet, a.title AS title, a.published AS published"
    " FROM cluster_summaries s JOIN events e ON e.id = s.event_id"
    " JOIN articles a ON a.id = e.article_id"
)


def case_insensitive(column: str, parameter: str) -> str:
    """``column`` equals ``:parameter`` ignoring case (the one dialect-specific comparison:
    PostgreSQL would say ``lower(x) = lower(y)``, which SQLite also understands)."""
    return f"lower({column}) = lower(:{parameter})"


def place_key(name: str | None, country: str | None) -> str | None:
    """The key of a place in maps, filters and URLs: ``'Kharkiv|UKR'``."""
    return f"{name}|{country or ''}" if name else None


def place_condition(column_prefix: str, key: str, params: dict[str, Any]) -> str:
    """A place given as a key (``name|country``) or as a name alone, matched exactly."""
    name, separator, country = key.partition("|")
    params["place_name"] = name
    if not separator:
        return case_insensitive(f"{column_prefix}place_name", "place_name")
    params["place_country"] = country
    return (
        f"{column_prefix}place_name = :place_name"
        f" AND coalesce({column_prefix}place_country, '') = :place_country"
    )


# -- writing summaries (tracking calls these) ---------------------------------------------------


def clusters_without_summary(connection: sqlite3.Connection) -> list[str]:
    """Of the canonical events ``summary_queue`` notes (made, or their summary dropped, since
    the queue was last cleared: migration 011), those with no summary row, by id."""
    rows = connection.execute(
        "SELECT c.id FROM summary_queue q CROSS JOIN canonical_events c"  # the queue first
        " LEFT JOIN cluster_summaries s ON s.cluster_id = c.id"
        " WHERE c.id = q.cluster_id AND s.cluster_id IS NULL ORDER BY c.id"
    )
    return [row[0] for row in rows]


def clear_summary_queue(connection: sqlite3.Connection) -> None:
    """Forget the noted canonical events once every one of them has its summary (or is gone)."""
    connection.execute("DELETE FROM summary_queue")


def save_cluster_summaries(connection: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> int:
    """Write summary rows (replacing any of the same clusters); a row's ``countries`` and
    ``actor_ids`` go to their own tables."""
    rows = list(rows)
    ids = [(row["cluster_id"],) for row in rows]
    for table in ("cluster_summaries", "cluster_countries", "cluster_actors"):
        connection.executemany(f"DELETE FROM {table} WHERE cluster_id = ?", ids)
    columns = ", ".join(SUMMARY_COLUMNS)
    values = ", ".join(f":{column}" for column in SUMMARY_COLUMNS)
    connection.executemany(
        f"INSERT INTO cluster_summaries ({columns}) VALUES ({values})",
        [{column: row[column] for column in SUMMARY_COLUMNS} for row in rows],
    )
    connection.executemany(
        "INSERT INTO cluster_countries (cluster_id, country) VALUES (?, ?)",
        [(row["cluster_id"], country) for row in rows for country in row["countries"]],
    )
    connection.executemany(
        "INSERT INTO cluster_actors (cluster_id, actor_id) VALUES (?, ?)",
        [(row["cluster_id"], actor_id) for row in rows for actor_id in row["actor_ids"]],
    )
    return len(rows)


# -- filters --------------------------------------------------------------------------------------


def split_filters(filters: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(filters on the cluster's own row, filters on its members)."""
    own = {key: value for key, value in filters.items() if key in CLUSTER_OWN_FILTERS}
    members = {key: value for key, value in filters.items() if key not in CLUSTER_OWN_FILTERS}
    return own, members


def summary_conditions(filters: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """Conditions on ``cluster_summaries s`` for type, dates, place and modality."""
    from accord.store.database import event_types

    conditions: list[str] = []
    params: dict[str, Any] = {}
    since, until = date_range(filters.get("since"), filters.get("until"))
    if types := event_types(filters.get("type")):
        names = [f"s_type{index}" for index in range(len(types))]
        conditions.append(f"s.type IN ({', '.join(':' + name for name in names)})")
        params.update(zip(names, types, strict=True))
    if since:
        conditions.append("s.date_start >= :s_since")
        params["s_since"] = since
    if until:
        conditions.append("substr(s.date_start, 1, length(:s_until)) <= :s_until")
        params["s_until"] = until
    if key := filters.get("place_key"):
        conditions.append(place_condition("s.", key, params))
    if modality := filters.get("modality"):
        conditions.append("s.modality = :s_modality")
        params["s_modality"] = modality.strip().lower()
    return conditions, params


def cluster_where(filters: dict[str, Any], connection: Any = None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause over ``cluster_summaries s`` for the event filters (``connection``
    says the SQL dialect of the full-text search)."""
    from accord.store.database import event_conditions

    own, members = split_filters(filters)
    conditions, params = summary_conditions(own)
    if country := members.pop("country", None):
        conditions.append(
            "s.cluster_id IN (SELECT cc.cluster_id FROM cluster_countries cc"
            " WHERE cc.country = :c_country)"
        )
        params["c_country"] = country_code(country)
    if actor_id := members.pop("actor_id", None):
        conditions.append(
            "s.cluster_id IN (SELECT ca.cluster_id FROM cluster_actors ca"
            " WHERE ca.actor_id = :c_actor_id)"
        )
        params["c_actor_id"] = actor_id
    if members:
        where, member_params = event_conditions(**members, dialect=dialect_of(connection))
        conditions.append(
            "s.cluster_id IN (SELECT m.cluster_id FROM canonical_members m"
            f" JOIN events e ON e.id = m.event_id WHERE {where})"
        )
        params.update(member_params)
    return " AND ".join(conditions) or "1 = 1", params


def event_where(filters: dict[str, Any], connection: Any = None) -> tuple[str, dict[str, Any]]:
    from accord.store.database import event_conditions

    return event_conditions(**filters, dialect=dialect_of(connection))


def dialect_of(connection: Any) -> str:
    """The SQL dialect of a connection: PostgreSQL's wrapper says so, SQLite's says nothing."""
    return getattr(connection, "dialect", "sqlite")


# -- clusters -------------------------------------------------------------------------------------


def cluster_page(
    connection: sqlite3.Connection,
    filters: dict[str, Any],
    sort: str = "date",
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[sqlite3.Row], int]:
    """A page of clusters (``limit + 1`` rows, to tell whether more follow) and the total."""
    if sort not in CLUSTER_SORTS:
        raise ValueError(f"sort must be one of {', '.join(CLUSTER_SORTS)}, not {sort!r}")
    where, params = cluster_where(filters, connection)
    # the page's ids first, sorted over the summaries alone; then their sentences and articles
    rows = connection.execute(
        f"{CLUSTER_SELECT} WHERE s.cluster_id IN (SELECT s.cluster_id FROM cluster_summaries s"
        f" WHERE {where} ORDER BY {CLUSTER_SORTS[sort]} LIMIT :limit OFFSET :offset)"
        f" ORDER BY {CLUSTER_SORTS[sort]}",
        {**params, "limit": limit + 1, "offset": offset},
    ).fetchall()
    total = connection.execute(
        f"SELECT count(*) FROM cluster_summaries s WHERE {where}", params
    ).fetchone()[0]
    return rows, total


def iter_clusters(
    connection: sqlite3.Connection, filters: dict[str, Any], sort: str = "date"
) -> Iterator[sqlite3.Row]:
    """Every cluster matching the filters, streamed (exports)."""
    if sort not in CLUSTER_SORTS:
        raise ValueError(f"sort must be one of {', '.join(CLUSTER_SORTS)}, not {sort!r}")
    where, params = cluster_where(filters, connection)
    cursor = connection.execute(
        f"{CLUSTER_SELECT} WHERE {where} ORDER BY {CLUSTER_SORTS[sort]}", params
    )
    while batch := cursor.fetchmany(500):
        yield from batch


def cluster_row(connection: sqlite3.Connection, cluster_id: str) -> sqlite3.Row | None:
    return connection.execute(
        f"{CLUSTER_SELECT} WHERE s.cluster_id = :id", {"id": cluster_id}
    ).fetchone()


def cluster_members(
    connection: sqlite3.Connection, cluster_ids: Sequence[str]
) -> list[sqlite3.Row]:
    """Member rows of clusters: event id, cluster, why merged, and the report's article."""
    placeholders = ", ".join("?" for _ in cluster_ids)
    return connection.execute(
        "SELECT m.event_id, m.cluster_id, m.linked_to, m.score, m.reasons, a.id AS article_id,"
        " a.outlet, a.published, a.url, a.title FROM canonical_members m"
        " JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id"
        f" WHERE m.cluster_id IN ({placeholders})"
        " ORDER BY m.cluster_id, a.published, m.event_id",
        list(cluster_ids),
    ).fetchall()


def article_sources(
    connection: sqlite3.Connection, article_ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    placeholders = ", ".join("?" for _ in article_ids)
    rows = connection.execute(
        f"SELECT id, outlet, url, title, published FROM articles WHERE id IN ({placeholders})",
        list(article_ids),
    )
    return {
        row["id"]: {
            "outlet": row["outlet"],
            "url": row["url"],
            "article_title": row["title"],
            "published": row["published"],
        }
        for row in rows
    }


def clusters_of(connection: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, str]:
    placeholders = ", ".join("?" for _ in event_ids)
    rows = connection.execute(
        f"SELECT event_id, cluster_id FROM canonical_members WHERE event_id IN ({placeholders})",
        list(event_ids),
    )
    return {row["event_id"]: row["cluster_id"] for row in rows}


# -- sums -----------------------------------------------------------------------------------------


def count_sums(alias: str, unit: str) -> str:
    """``sum`` columns for each count: low/best/high of clusters, an event's own figure thrice."""
    parts = []
    for kind in TRACKED_COUNTS:
        for bound in ("low", "best", "high"):
            column = f"{alias}.{kind}_{bound}" if unit == "clusters" else f"{alias}.{kind}"
            parts.append(f"CAST(sum({column}) AS BIGINT) AS {kind}_{bound}")
    return ", ".join(parts)


def date_class(alias: str) -> str:
    """'day' for dates a day timeline can place, 'month', 'coarse', or 'undated'."""
    return (
        f"CASE WHEN {alias}.date_start IS NULL THEN 'undated'"
        f" WHEN {alias}.date_precision IN ('day', 'week') THEN 'day'"
        f" WHEN {alias}.date_precision = 'month' THEN 'month' ELSE 'coarse' END"
    )


def date_bucket(alias: str) -> str:
    return (
        f"CASE WHEN {alias}.date_precision IN ('day', 'week')"
        f" THEN substr({alias}.date_start, 1, 10)"
        f" WHEN {alias}.date_precision = 'month' THEN substr({alias}.date_start, 1, 7) END"
    )


def stat_sources(
    unit: str, filters: dict[str, Any], connection: Any = None
) -> tuple[str, str, str, dict[str, Any]]:
    """(alias, table, where, params) of the unit's rows."""
    if unit == "clusters":
        where, params = cluster_where(filters, connection)
        return "s", "cluster_summaries s", where, params
    where, params = event_where(filters, connection)
    return "e", "events e", where, params


def stat_rows(
    connection: sqlite3.Connection, filters: dict[str, Any], unit: str
) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
    """Two passes: counts and figure sums by (type, mode, modality), and counts and the
    killed best figure by date bucket (a day, or a month for month-precise dates)."""
    alias, table, where, params = stat_sources(unit, filters, connection)
    reports = "CAST(sum(s.events) AS BIGINT)" if unit == "clusters" else "count(*)"
    groups = connection.execute(
        f"SELECT {alias}.type AS type, {alias}.mode AS mode, {alias}.modality AS modality,"
        f" count(*) AS n, {reports} AS reports, {count_sums(alias, unit)}"
        f" FROM {table} WHERE {where} GROUP BY 1, 2, 3",
        params,
    ).fetchall()
    killed = f"{alias}.killed_best" if unit == "clusters" else f"{alias}.killed"
    dates = connection.execute(
        f"SELECT {date_class(alias)} AS date_class, {date_bucket(alias)} AS bucket,"
        f" count(*) AS n, CAST(sum({killed}) AS BIGINT) AS killed_best"
        f" FROM {table} WHERE {where} GROUP BY 1, 2",
        params,
    ).fetchall()
    return groups, dates


def matching_clusters_of_events(connection: sqlite3.Connection, filters: dict[str, Any]) -> int:
    """Clusters holding at least one matching event (the event unit's cluster count)."""
    where, params = event_where(filters, connection)
    return connection.execute(
        "SELECT count(DISTINCT m.cluster_id) FROM events e"
        f" JOIN canonical_members m ON m.event_id = e.id WHERE {where}",
        params,
    ).fetchone()[0]


def store_totals(connection: sqlite3.Connection) -> dict[str, int]:
    def count(table: str) -> int:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    return {
        "articles": count("articles"),
        "events": count("events"),
        "clusters": count("canonical_events"),
        "quotes": count("quotes"),
        "actors": count("actors"),
    }


def fold_stats(
    groups: Iterable[sqlite3.Row], dates: Iterable[sqlite3.Row], unit: str, granularity: str
) -> dict[str, Any]:
    """The stats answer from ``stat_rows``: sums, by type/mode/modality, timeline buckets."""
    by_type: dict[str, int] = {}
    by_mode: dict[str, int] = {}
    by_modality: dict[str, int] = {}
    sums = {f"{kind}_{bound}": 0 for kind in TRACKED_COUNTS for bound in ("low", "best", "high")}
    present: set[str] = set()
    matched = reports = 0
    for row in groups:
        n = row["n"]
        matched += n
        reports += row["reports"] or 0
        add(by_type, row["type"], n)
        add(by_mode, row["mode"] or "", n)
        add(by_modality, row["modality"], n)
        for column in sums:
            if row[column] is not None:
                sums[column] += row[column]
                present.add(column.split("_")[0])
    buckets: dict[str, list[int]] = {}
    undated = imprecise = 0
    for row in dates:
        n, kind = row["n"], row["date_class"]
        placed = None if kind == "undated" else bucket_of(row["bucket"], kind, granularity)
        if kind == "undated":
            undated += n
        elif placed is None:
            imprecise += n
        else:
            tally = buckets.setdefault(placed, [0, 0])
            tally[0] += n
            tally[1] += row["killed_best"] or 0
    counts = {
        kind: {bound: sums[f"{kind}_{bound}"] for bound in ("low", "best", "high")}
        for kind in TRACKED_COUNTS
        if kind in present
    }
    return {
        "unit": unit,
        "granularity": granularity,
        "clusters": matched if unit == "clusters" else None,  # the event unit: Store.stats
        "events": reports,
        "counts": counts,
        "by_type": most_first(by_type),
        "by_mode": most_first(by_mode),
        "by_modality": most_first(by_modality),
        "timeline": [
            {"bucket": bucket, "count": count, "killed_best": killed}
            for bucket, (count, killed) in sorted(buckets.items())
        ],
        "undated": undated,
        "imprecise": imprecise,
    }


def add(tally: dict[Any, int], key: Any, n: int) -> None:
    tally[key] = tally.get(key, 0) + n


def most_first(tally: dict[str, int]) -> dict[str, int]:
    return dict(sorted(tally.items(), key=lambda item: (-item[1], item[0])))


def bucket_of(value: str | None, date_class: str, granularity: str) -> str | None:
    """The timeline bucket of a day (``YYYY-MM-DD``) or month (``YYYY-MM``) at a granularity:
    the day, the Monday of its week, or the month; a month-precise date has only a month."""
    if value is None:
        return None
    if granularity == "month":
        return value[:7]
    if date_class != "day":
        return None
    if granularity == "week":
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
        return (day - timedelta(days=day.weekday())).isoformat()
    return value


# -- map ------------------------------------------------------------------------------------------


def map_rows(
    connection: sqlite3.Connection, filters: dict[str, Any], unit: str
) -> list[sqlite3.Row]:
    """Places with their clusters, reports and figure sums (one row per place key)."""
    if unit == "clusters":
        where, params = cluster_where(filters, connection)
        return connection.execute(
            "SELECT s.place_name AS name, s.place_country AS country, min(s.place_lat) AS lat,"
            " min(s.place_lon) AS lon, min(s.place_precision) AS precision,"
            " count(*) AS clusters, CAST(sum(s.events) AS BIGINT) AS events,"
            f" {count_sums('s', unit)} FROM cluster_summaries s"
            f" WHERE s.place_name IS NOT NULL AND {where}"
            " GROUP BY s.place_name, s.place_country",
            params,
        ).fetchall()
    where, params = event_where(filters, connection)
    return connection.execute(
        "SELECT e.place_name AS name, e.place_country AS country, min(e.place_lat) AS lat,"
        " min(e.place_lon) AS lon, min(e.place_precision) AS precision,"
        " count(DISTINCT m.cluster_id) AS clusters, count(*) AS events,"
        f" {count_sums('e', unit)} FROM events e"
        " LEFT JOIN canonical_members m ON m.event_id = e.id"
        f" WHERE e.place_name IS NOT NULL AND {where} GROUP BY e.place_name, e.place_country",
        params,
    ).fetchall()


def map_type_rows(
    connection: sqlite3.Connection, filters: dict[str, Any], unit: str
) -> list[sqlite3.Row]:
    alias, table = ("s", "cluster_summaries s") if unit == "clusters" else ("e", "events e")
    where, params = (
        cluster_where(filters, connection)
        if unit == "clusters"
        else event_where(filters, connection)
    )
    return connection.execute(
        f"SELECT {alias}.place_name AS name, {alias}.place_country AS country,"
        f" {alias}.type AS type, count(*) AS n FROM {table}"
        f" WHERE {alias}.place_name IS NOT NULL AND {where} GROUP BY 1, 2, 3",
        params,
    ).fetchall()


def unplaced_count(connection: sqlite3.Connection, filters: dict[str, Any], unit: str) -> int:
    alias, table = ("s", "cluster_summaries s") if unit == "clusters" else ("e", "events e")
    where, params = (
        cluster_where(filters, connection)
        if unit == "clusters"
        else event_where(filters, connection)
    )
    return connection.execute(
        f"SELECT count(*) FROM {table} WHERE {alias}.place_name IS NULL AND {where}", params
    ).fetchone()[0]


# -- network --------------------------------------------------------------------------------------


def network_nodes(
    connection: sqlite3.Connection, filters: dict[str, Any], limit: int, unit: str = "clusters"
) -> list[sqlite3.Row]:
    """The ``limit`` actors in most matching events (clusters: as a cluster's main source or
    target), with their canonical name where the actors table has it."""
    if unit == "clusters":
        where, params = cluster_where(filters, connection)
        counted = (
            "SELECT actor_id, count(*) AS events FROM ("
            f"SELECT s.source_id AS actor_id FROM cluster_summaries s WHERE {where}"
            f" UNION ALL SELECT s.target_id FROM cluster_summaries s WHERE {where}) sides"
            " WHERE actor_id IS NOT NULL GROUP BY actor_id"
        )
    else:
        where, params = event_where(filters, connection)
        among = (
            ""
            if not filters
            else f" WHERE ea.event_id IN (SELECT e.id FROM events e WHERE {where})"
        )
        counted = (
            "SELECT ea.actor_id AS actor_id, count(DISTINCT ea.event_id) AS events"
            f" FROM event_actors ea{among} GROUP BY ea.actor_id"
        )
    return connection.execute(
        "SELECT top.actor_id AS id, coalesce(ac.name, (SELECT min(x.name) FROM event_actors x"
        " WHERE x.actor_id = top.actor_id)) AS name,"
        " coalesce(ac.country, (SELECT min(x.country) FROM event_actors x"
        " WHERE x.actor_id = top.actor_id)) AS country,"
        " coalesce(ac.sector, (SELECT min(x.sector) FROM event_actors x"
        " WHERE x.actor_id = top.actor_id)) AS sector, top.events AS events"
        f" FROM ({counted} ORDER BY events DESC, actor_id LIMIT :node_limit) top"
        " LEFT JOIN actors ac ON ac.id = top.actor_id ORDER BY events DESC, name, id",
        {**params, "node_limit": limit},
    ).fetchall()


def network_edges(
    connection: sqlite3.Connection,
    filters: dict[str, Any],
    actor_ids: Sequence[str],
    unit: str = "clusters",
) -> list[sqlite3.Row]:
    """Who acts on whom among ``actor_ids``, by event type. Clusters: each cluster's main
    source and target. Events: each source with each target; in an event without targets,
    its sources with one another."""
    if not actor_ids:
        return []
    names = [f"node{index}" for index in range(len(actor_ids))]
    among = ", ".join(":" + name for name in names)
    if unit == "clusters":
        where, params = cluster_where(filters, connection)
        params.update(zip(names, actor_ids, strict=True))
        return connection.execute(
            "SELECT CASE WHEN s.source_id < s.target_id THEN s.source_id ELSE s.target_id END"
            " AS low, CASE WHEN s.source_id < s.target_id THEN s.target_id ELSE s.source_id END"
            " AS high, s.type AS type, count(*) AS n FROM cluster_summaries s"
            f" WHERE s.source_id <> s.target_id AND s.source_id IN ({among})"
            f" AND s.target_id IN ({among}) AND {where} GROUP BY 1, 2, 3",
            params,
        ).fetchall()
    where, params = event_where(filters, connection)
    params.update(zip(names, actor_ids, strict=True))
    return connection.execute(
        "SELECT CASE WHEN a.actor_id < b.actor_id THEN a.actor_id ELSE b.actor_id END AS low,"
        " CASE WHEN a.actor_id < b.actor_id THEN b.actor_id ELSE a.actor_id END AS high,"
        " e.type AS type, count(DISTINCT e.id) AS n"
        " FROM events e JOIN event_actors a ON a.event_id = e.id AND a.side = 'source'"
        " JOIN event_actors b ON b.event_id = e.id AND (b.side = 'target' OR (b.side = 'source'"
        " AND b.position > a.position AND NOT EXISTS (SELECT 1 FROM event_actors t"
        " WHERE t.event_id = e.id AND t.side = 'target')))"
        f" WHERE a.actor_id <> b.actor_id AND a.actor_id IN ({among}) AND b.actor_id IN ({among})"
        f" AND {where} GROUP BY 1, 2, 3",
        params,
    ).fetchall()


# -- actors and places ----------------------------------------------------------------------------


def actor_counts(connection: sqlite3.Connection, actor_id: str) -> dict[str, int]:
    """Events, clusters, quotes and articles of one actor (exact id)."""
    row = connection.execute(
        "SELECT (SELECT count(DISTINCT event_id) FROM event_actors WHERE actor_id = :id) AS events,"
        " (SELECT count(DISTINCT m.cluster_id) FROM event_actors ea JOIN canonical_members m"
        " ON m.event_id = ea.event_id WHERE ea.actor_id = :id) AS clusters,"
        " (SELECT count(*) FROM quotes WHERE speaker_actor_id = :id) AS quotes,"
        " (SELECT count(*) FROM article_actors WHERE actor_id = :id) AS articles",
        {"id": actor_id},
    ).fetchone()
    return dict(row)


def actor_ref_row(connection: sqlite3.Connection, actor_id: str) -> sqlite3.Row | None:
    """An actor named in events but not in the actors table (a ref to an unlisted actor)."""
    return connection.execute(
        "SELECT actor_id AS id, name, country, sector, role FROM event_actors"
        " WHERE actor_id = :id LIMIT 1",
        {"id": actor_id},
    ).fetchone()


def json_list(text: str | None) -> list[str]:
    return list(json.loads(text)) if text else []
