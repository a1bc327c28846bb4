"""The store on both backends (SQLite, PostgreSQL): migrations, exact round trips, one
transaction per article, filters."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from accord.errors import NotFoundError, StoreError
from accord.models import Extraction
from accord.store import SaveOutcome, Store, Totals, rows
from accord.store.queries import country_code, fts_query
from accord.store.schema import Migration, bundled_migrations, migrate, split_statements
from records import RUSSIA, UKRAINE, ZELENSKYY, make_article, talks_extraction

UPDATED_TALKS = (
    "Russia and Ukraine ended direct talks in Istanbul on Friday without a ceasefire. "
    "Both delegations agreed to a swap of 1,000 prisoners each."
)


@pytest.fixture
def db_path(backend_location: str | Path) -> str | Path:
    """A new store's location, once a SQLite file and once a PostgreSQL database."""
    return backend_location


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "accord.db"


def tables_of(store: Store) -> set[str]:
    if store.dialect == "sqlite":
        return {row[0] for row in store.connection.execute("SELECT name FROM sqlite_master")}
    return {
        row[0]
        for row in store.connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
    }


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    store.save_extraction(talks_extraction())
    return store


def ids(records) -> list[str]:
    return [record.id.rsplit("-", 1)[-1] for record in records]


# -- migrations ---------------------------------------------------------------------------------


def test_new_database_applies_and_records_every_migration(store: Store, db_path: Path):
    versions = [row[0] for row in store.connection.execute("SELECT version FROM schema_migrations")]
    bundled = [migration.version for migration in bundled_migrations()]
    assert versions == bundled == list(range(1, len(bundled) + 1))
    assert store.schema_version == bundled[-1]
    assert {"articles", "actors", "events", "event_actors", "quotes"} <= tables_of(store)
    if store.dialect == "sqlite":
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert "events_fts" in tables_of(store)


def test_both_backends_have_the_same_migration_versions():
    sqlite = [(m.version, m.name) for m in bundled_migrations("sqlite")]
    assert sqlite == [(m.version, m.name) for m in bundled_migrations("postgresql")]


def test_reopening_applies_nothing_again(store: Store, db_path: Path):
    store.close()
    with Store(db_path) as reopened:
        count = reopened.connection.execute("SELECT count(*) FROM schema_migrations").fetchone()
        assert count[0] == len(bundled_migrations())


def test_newer_schema_is_refused_with_a_clear_error(store: Store, db_path: Path):
    store.connection.execute(
        "INSERT INTO schema_migrations VALUES (99, 'from_the_future', '2030-01-01')"
    )
    store.close()
    with pytest.raises(StoreError, match="schema version 99, newer than"):
        Store(db_path)


def test_failed_migration_keeps_the_previous_version(sqlite_path: Path):
    connection = sqlite3.connect(sqlite_path, isolation_level=None)
    good = Migration(1, "good", "CREATE TABLE kept (a);")
    broken = Migration(2, "broken", "CREATE TABLE half (a); CREATE TABLE oops (;")
    assert migrate(connection, [good]) == 1
    with pytest.raises(StoreError, match="002_broken"):
        migrate(connection, [good, broken])
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "kept" in tables and "half" not in tables
    assert [row[0] for row in connection.execute("SELECT version FROM schema_migrations")] == [1]


def test_a_file_that_is_not_a_database_gives_a_store_error(sqlite_path: Path):
    sqlite_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(sqlite_path)


def test_an_unreachable_server_gives_a_store_error_without_the_password():
    from pg_server import free_port

    url = f"postgresql://accord:secret@127.0.0.1:{free_port()}/accord"
    with pytest.raises(StoreError, match="cannot connect") as raised:
        Store(url)
    assert "secret" not in str(raised.value) and "accord:***@" in str(raised.value)


def test_split_statements_keeps_trigger_bodies_whole():
    script = """
    -- a comment; with a semicolon
    CREATE TABLE t (a);
    CREATE TRIGGER t_insert AFTER INSERT ON t BEGIN
        INSERT INTO t (a) VALUES (1);
        INSERT INTO t (a) VALUES (2);
    END;
    -- trailing comment
    """
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


# -- writes -------------------------------------------------------------------------------------


def test_saved_records_read_back_equal_to_what_was_written(store: Store):
    extraction = talks_extraction()
    assert store.save_extraction(extraction) is SaveOutcome.ADDED

    talks, swap, strike, undated = extraction.events
    assert store.events() == [talks, strike, swap, undated]  # by date, undated last
    for event in extraction.events:
        assert store.event(event.id) == event
    assert store.quotes() == [extraction.quotes[1], extraction.quotes[0]]  # text order
    assert store.article(extraction.article.id) == extraction.article
    assert store.articles() == [extraction.article]
    assert {summary.actor for summary in store.actors()} == set(extraction.actors)


def test_the_store_stamps_ingested_at_when_the_article_has_none(store: Store):
    article = dataclasses.replace(make_article(), ingested_at=None)
    store.save_extraction(Extraction(article=article, actors=(), events=(), quotes=()))
    stored = store.article(article.id)
    assert stored.ingested_at is not None
    assert dataclasses.replace(stored, ingested_at=None) == article


def test_the_same_text_twice_adds_nothing(filled: Store):
    before = filled.totals()
    assert filled.save_extraction(talks_extraction()) is SaveOutcome.UNCHANGED
    assert filled.totals() == before == Totals(articles=1, events=4, quotes=2, actors=4)


def test_new_text_at_the_same_url_replaces_the_article_and_what_came_from_it(filled: Store):
    old = talks_extraction()
    updated = talks_extraction_for(UPDATED_TALKS)
    assert filled.save_extraction(updated) is SaveOutcome.REPLACED

    assert filled.totals() == Totals(articles=1, events=1, quotes=0, actors=4)
    assert filled.articles() == [updated.article]
    assert filled.events() == list(updated.events)
    with pytest.raises(NotFoundError):
        filled.article(old.article.id)
    # the search index follows: the old sentences are gone from it, the new one is found
    if filled.dialect == "sqlite":
        index = filled.connection
        assert index.execute("SELECT count(*) FROM events_fts('Kupiansk')").fetchone()[0] == 0
        index.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
        index.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')")
    assert filled.events(q="Kupiansk") == []
    assert ids(filled.events(q="delegations")) == ["e2"]
    rows_left = filled.connection.execute("SELECT count(*) FROM event_actors").fetchone()[0]
    assert rows_left == 2


def talks_extraction_for(text: str) -> Extraction:
    """An updated version of the talks article: same URL, new text, only the swap event."""
    article = make_article(text)
    swap = talks_extraction(make_article()).events[1]
    sentence = "Both delegations agreed to a swap of 1,000 prisoners each."
    moved = dataclasses.replace(
        swap,
        id=f"{article.id}-e2",
        article_id=article.id,
        evidence=dataclasses.replace(
            swap.evidence,
            sentence_start=text.index(sentence),
            start=text.index("agreed"),
            end=text.index("agreed") + len("agreed"),
        ),
    )
    return Extraction(article=article, actors=(RUSSIA, UKRAINE), events=(moved,), quotes=())


def test_a_failure_during_a_replacing_save_leaves_the_previous_version(
    filled: Store, monkeypatch: pytest.MonkeyPatch
):
    before_events, before_totals = filled.events(), filled.totals()

    def fail(event):
        raise RuntimeError("disk on fire")

    # runs after the old version is deleted and the new article and event rows are inserted
    monkeypatch.setattr(rows, "event_actor_rows", fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        filled.save_extraction(talks_extraction_for(UPDATED_TALKS))

    assert filled.totals() == before_totals
    assert filled.events() == before_events
    assert ids(filled.events(q="Kupiansk")) == ["e3"]


def test_records_that_cannot_be_stored_raise_store_error_and_store_nothing(store: Store):
    extraction = talks_extraction()
    duplicated = dataclasses.replace(extraction, events=extraction.events + extraction.events[:1])
    with pytest.raises(StoreError, match="cannot store article"):
        store.save_extraction(duplicated)
    assert store.totals() == Totals(articles=0, events=0, quotes=0, actors=0)


def test_an_event_of_another_article_is_refused(store: Store):
    extraction = talks_extraction()
    stray = dataclasses.replace(extraction.events[0], article_id="someone-else")
    with pytest.raises(StoreError, match="belongs to article someone-else"):
        store.save_extraction(dataclasses.replace(extraction, events=(stray,)))


def test_actors_are_upserted_by_id(filled: Store):
    promoted = dataclasses.replace(ZELENSKYY, role="Commander-in-Chief", aliases=("Z",))
    other = make_article("Zelenskyy spoke.", url="https://example.org/other")
    filled.save_extraction(Extraction(article=other, actors=(promoted,), events=(), quotes=()))
    found = filled.actors(q="zelenskyy")
    assert [summary.actor for summary in found] == [promoted]
    assert found[0].articles == 2


# -- reads --------------------------------------------------------------------------------------


def test_event_and_article_lookups_raise_not_found(store: Store):
    with pytest.raises(NotFoundError, match="no event with id 'nope'"):
        store.event("nope")
    with pytest.raises(NotFoundError):
        store.article("nope")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["e1", "e3", "e2", "e4"]),
        ({"type": "assault"}, ["e3"]),
        ({"actor": "RUS"}, ["e1", "e2"]),  # by id
        ({"actor": "ukrai"}, ["e1", "e3", "e2"]),  # part of a name, either side
        ({"actor": "delegations"}, ["e2"]),  # the words naming the actor
        ({"country": "TUR"}, ["e1"]),  # target actor country and place country
        ({"country": "ukr"}, ["e1", "e3", "e2"]),
        ({"country": "Ukraine"}, ["e1", "e3", "e2"]),  # a name is looked up
        ({"since": "2025-05-17"}, ["e3"]),
        ({"until": "2025-05-16"}, ["e1"]),
        ({"since": "2025-05", "until": "2025-05"}, ["e1", "e3"]),
        ({"until": "2024"}, []),
        ({"place": "kupi"}, ["e3"]),
        ({"modality": "AGREED"}, ["e2"]),
        ({"q": "prisoners"}, ["e2"]),
        ({"q": "prisoner"}, ["e2"]),  # stemmed
        ({"q": "1,000 swap"}, ["e2"]),  # punctuation cannot break the query
        ({"q": "drone OR talks"}, ["e1", "e3"]),
        ({"q": "dron*"}, ["e3"]),
        ({"type": ["assault", "AGREE"]}, ["e3", "e2"]),  # several types: any of them
        ({"type": ["CONSULT", " "]}, ["e1"]),
        ({"type": "CONSULT", "country": "RUS", "since": "2025-05-16"}, ["e1"]),
        ({"limit": 2}, ["e1", "e3"]),
        ({"limit": 2, "offset": 3}, ["e4"]),
    ],
)
def test_event_filters(filled: Store, filters: dict, expected: list[str]):
    assert ids(filled.events(**filters)) == expected


def test_event_filters_by_article(filled: Store):
    other = make_article("Nothing happened.", url=None)
    filled.save_extraction(Extraction(article=other, actors=(), events=(), quotes=()))
    assert len(filled.events(article=make_article().id)) == 4
    assert filled.events(article=other.id) == []


def test_a_malformed_date_bound_is_a_value_error(filled: Store):
    with pytest.raises(ValueError, match="since must be a date"):
        filled.events(since="last week")


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"since": "2025-02-30"}, "since is not a date on the calendar"),
        ({"until": "2025-13"}, "until is not a date on the calendar"),
        ({"since": "0000"}, "since is not a date on the calendar"),
        ({"since": "2025\n"}, "since must be a date"),
        ({"since": "٢٠٢٥"}, "since must be a date"),  # Arabic-Indic digits
        ({"since": "2025-06-01", "until": "2025-05"}, r"since \(2025-06-01\) is after until"),
        ({"q": "a\x00b"}, "q must not contain a NUL"),
        ({"actor": "\x00"}, "actor must not contain a NUL"),
        ({"place": "Kyiv\x00"}, "place must not contain a NUL"),
    ],
)
def test_impossible_filters_are_a_value_error_naming_the_filter(
    filled: Store, filters: dict, message: str
):
    with pytest.raises(ValueError, match=message):
        filled.events(**filters)


def test_bounds_of_one_period_are_not_reversed(filled: Store):
    assert ids(filled.events(since="2025-05-16", until="2025-05")) == ["e1", "e3"]
    assert ids(filled.events(since="2024-02-29", until="2025-05")) == ["e1", "e3"]


def test_a_nul_in_a_quote_or_actor_search_is_a_value_error(filled: Store):
    with pytest.raises(ValueError, match="q must not contain a NUL"):
        filled.quotes(q="\x00")
    with pytest.raises(ValueError, match="speaker must not contain a NUL"):
        filled.quotes(speaker="a\x00")
    with pytest.raises(ValueError, match="q must not contain a NUL"):
        filled.actors(q="\x00")


def test_quote_filters(filled: Store):
    assert ids(filled.quotes(speaker="zelensk")) == ["q1"]
    assert ids(filled.quotes(speaker="zelenskyy")) == ["q1"]  # by actor id
    assert ids(filled.quotes(speaker="governor")) == ["q2"]  # unresolved speaker's words
    assert ids(filled.quotes(q="pressure")) == ["q1"]
    assert ids(filled.quotes(limit=1)) == ["q2"]
    assert filled.quotes(article="other") == []


def test_actors_come_with_counts_and_filters(filled: Store):
    by_id = {summary.actor.id: summary for summary in filled.actors()}
    assert (by_id["UKR"].events, by_id["RUS"].events, by_id["zelenskyy"].events) == (3, 2, 0)
    assert by_id["zelenskyy"].quotes == 1
    assert [s.actor.id for s in filled.actors()][:2] == ["UKR", "RUS"]  # most events first
    assert {s.actor.id for s in filled.actors(country="ukraine")} == {"UKR", "zelenskyy"}
    assert [s.actor.id for s in filled.actors(sector="gov", q="kreml")] == ["RUS"]  # alias
    assert [s.actor.id for s in filled.actors(q="president")] == ["zelenskyy"]  # role
    assert len(filled.actors(article=make_article().id)) == 4
    assert filled.actors(article="other") == []


def test_fts_query_quotes_words_and_keeps_operators():
    assert fts_query('1,000 "swap"') == '"1,000" """swap"""'
    assert fts_query("drone OR talks") == '"drone" OR "talks"'
    assert fts_query("OR talks") == '"OR" "talks"'
    assert fts_query("ceas*") == '"ceas"*'


def test_country_code_accepts_codes_and_names():
    assert country_code("ukr") == "UKR"
    assert country_code("Ukraine") == "UKR"
    assert country_code("Turkey") == "TUR"
    assert country_code("united kingdom") == "GBR"
    assert country_code("Atlantis") == "ATLANTIS"
    assert country_code(" ") is None


# -- event pages in order -----------------------------------------------------------------------


def page_ids(db, **filters) -> list[str]:
    """Every event of a filtered listing, page by page (5 a page), by date both ways."""
    found = []
    for descending in (False, True):
        after = None
        while True:
            events, after = db.event_page(
                order="date", descending=descending, after=after, limit=5, **filters
            )
            found += [event.id for event in events]
            if after is None:
                break
    return found


def test_event_pages_walk_the_order_index_when_many_events_match(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Each event keeps its article's publication date (migration 009), so the page order has
    an index: with many matches (a common country) SQLite walks it and stops at the page's
    end; pages come out the same as sorting every match, on both backends."""
    import accord
    from accord.store import database

    corpus = Path(__file__).parent / "corpus_tracking"
    with accord.open(db_path) as db:
        db.ingest(sorted(str(path) for path in corpus.glob("*.txt")))
        stored = db.connection.execute(
            "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
            " WHERE e.published IS NOT DISTINCT FROM a.published"
        ).fetchone()[0]
        assert stored == db.totals().events
        sorted_pages, all_pages = page_ids(db, country="UKR"), page_ids(db)
        statements: list[str] = []
        if db.dialect == "sqlite":
            db.connection.set_trace_callback(statements.append)
        monkeypatch.setattr(database, "MANY_MATCHES", 3)
        assert page_ids(db, country="UKR") == sorted_pages
        assert page_ids(db) == all_pages
        if db.dialect == "sqlite":
            db.connection.set_trace_callback(None)
            assert any("INDEXED BY events_page_newest" in sql for sql in statements)
            assert any("INDEXED BY events_page_oldest" in sql for sql in statements)
        assert len(set(sorted_pages)) * 2 == len(sorted_pages) > 10


def test_column_names_kept_once_answer_for_each_prefix_and_renaming():
    from accord.models import ActorRef

    speaker = rows.column_names(ActorRef, "speaker_", rows.SPEAKER_RENAMES)
    plain = rows.column_names(ActorRef, "speaker_")
    assert speaker["text"] == "speaker_mention"
    assert plain["text"] == "speaker_text"
    assert rows.column_names(ActorRef)["text"] == "text"
    assert rows.column_names(ActorRef, "speaker_", {"text": "mention"}) is speaker
