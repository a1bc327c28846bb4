"""The ``accord`` command, run in-process with click's CliRunner on real database files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

import accord
from accord.cli import main
from accord.display import highlight_spans
from accord.export import EVENT_COLUMNS
from accord.models import to_dict
from records import talks_extraction


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "accord.db"


@pytest.fixture
def filled(db_path: Path) -> Path:
    """A database holding the hand-built talks article (no NLP needed)."""
    with accord.open(db_path) as db:
        db.save_extraction(talks_extraction())
    return db_path


def run(db_path: Path, *args: str) -> Result:
    """Run a command on a wide terminal, so table cells are not wrapped."""
    runner = CliRunner(env={"COLUMNS": "240"})
    return runner.invoke(main, ["--db", str(db_path), *args], catch_exceptions=False)


def test_ingest_reports_bad_files_and_keeps_the_good_one(db_path: Path, tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Russia and Ukraine held talks in Istanbul on Friday.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)

    result = run(db_path, "ingest", str(good), str(empty), str(binary))

    assert result.exit_code == 1
    assert f"error: {empty}: empty file" in result.stderr
    assert f"error: {binary}: " in result.stderr
    assert "added 1, unchanged 0, replaced 0, failed 2; events " in result.stdout
    with accord.open(db_path) as db:
        assert [article.source for article in db.articles()] == [str(good)]

    again = run(db_path, "ingest", str(good))
    assert again.exit_code == 0
    assert again.stdout.startswith("added 0, unchanged 1, replaced 0, failed 0")


def test_the_database_can_come_from_the_environment(filled: Path):
    result = CliRunner().invoke(
        main, ["events", "--format", "json"], env={"ACCORD_DB": str(filled)}
    )
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 4


def test_events_as_json_are_the_records(filled: Path):
    result = run(filled, "events", "--type", "assault", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [to_dict(talks_extraction().events[2])]


def test_events_filters_reach_the_api(filled: Path):
    result = run(filled, "events", "--country", "Turkey", "--since", "2025-05", "--format", "json")
    assert [event["type"] for event in json.loads(result.stdout)] == ["CONSULT"]
    result = run(
        filled, "events", "--search", "prisoners", "--modality", "agreed", "--format", "json"
    )
    assert [event["type"] for event in json.loads(result.stdout)] == ["AGREE"]


def test_events_as_csv_and_table(filled: Path):
    rows = list(csv.DictReader(io.StringIO(run(filled, "events", "--format", "csv").stdout)))
    assert len(rows) == 4 and list(rows[0]) == list(EVENT_COLUMNS)
    table = run(filled, "events", "--actor", "Russia", "--limit", "1").stdout
    assert talks_extraction().events[0].id in table
    assert "CONSULT/third-party" in table


def test_a_bad_filter_value_is_a_one_line_error(filled: Path):
    result = CliRunner().invoke(main, ["--db", str(filled), "events", "--since", "yesterday"])
    assert result.exit_code == 1
    assert "since must be a date" in result.stderr
    assert "Traceback" not in result.output


def test_quotes_and_actors(filled: Path):
    quotes = json.loads(run(filled, "quotes", "--speaker", "Zelenskyy", "--format", "json").stdout)
    assert [quote["text"] for quote in quotes] == ["Pressure on Russia must be maintained."]
    assert "Pressure on Russia" in run(filled, "quotes").stdout
    actors = json.loads(run(filled, "actors", "--country", "UKR", "--format", "json").stdout)
    assert {(actor["id"], actor["events"]) for actor in actors} == {("UKR", 3), ("zelenskyy", 0)}
    table = run(filled, "actors", "--sector", "GOV").stdout
    assert "Volodymyr Zelenskyy" in table and "President" in table
    rows = list(csv.DictReader(io.StringIO(run(filled, "actors", "--format", "csv").stdout)))
    assert {row["aliases"] for row in rows if row["id"] == "RUS"} == {"Moscow; Kremlin"}


def test_show_prints_the_event_its_sentence_and_its_article(filled: Path):
    strike = talks_extraction().events[2]
    result = run(filled, "show", strike.id)
    assert result.exit_code == 0
    out = result.stdout
    assert strike.evidence.sentence in out
    assert "ASSAULT" in out and "drone" in out and "asserted" in out
    assert "killed 1, injured 4" in out
    assert "the regional governor" in out
    assert "Kupiansk, UKR (49.710, 37.616)" in out
    assert "Russia and Ukraine agree prisoner swap" in out
    assert "Example Wire" in out and "https://example.org/istanbul" in out


def test_an_event_dated_only_by_its_report_shows_the_bound_not_a_day(filled: Path):
    swap = talks_extraction().events[1]
    shown = run(filled, "show", swap.id).stdout
    assert "by 2025-05-16 (reported)" in shown
    table = run(filled, "events", "--type", "AGREE").stdout
    assert "by 2025-05-16" in table


def test_show_an_unknown_event_fails_cleanly(filled: Path):
    result = CliRunner().invoke(main, ["--db", str(filled), "show", "nope"])
    assert result.exit_code == 1
    assert "no event with id 'nope'" in result.stderr


def test_highlight_spans_use_offsets_relative_to_the_sentence():
    talks = talks_extraction().events[0]
    sentence = talks.evidence.sentence
    spans = [(kind, sentence[start:end]) for start, end, kind in highlight_spans(talks)]
    assert spans == [
        ("trigger", "talks"),
        ("source", "Russia"),
        ("source", "Ukraine"),
        ("target", "Istanbul"),
        ("date", "on Friday"),
        ("place", "Istanbul"),
    ]


def test_export_writes_each_format(filled: Path, tmp_path: Path):
    parquet = tmp_path / "events.parquet"
    result = run(filled, "export", str(parquet))
    assert result.exit_code == 0
    assert result.stdout.strip() == f"wrote 4 events to {parquet}"
    assert pq.read_table(parquet).num_rows == 4

    jsonl = tmp_path / "events.out"
    assert run(filled, "export", str(jsonl), "--format", "jsonl").exit_code == 0
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 4

    unknown = CliRunner().invoke(main, ["--db", str(filled), "export", str(tmp_path / "x.xls")])
    assert unknown.exit_code == 1
    assert "cannot tell the export format" in unknown.stderr


def test_demo_ingests_the_bundled_example_and_summarises_it(db_path: Path):
    result = run(db_path, "demo")
    assert result.exit_code == 0, result.output
    assert "added 1, unchanged 0" in result.stdout
    assert "Russia and Ukraine agree prisoner swap" in result.stdout
    assert "(2025-05-16)" in result.stdout
    assert " events, " in result.stdout and "Quotes" in result.stdout
    with accord.open(db_path) as db:
        assert [article.id for article in db.articles()] == [accord.api.example_article().id]
    assert "unchanged 1" in run(db_path, "demo").stdout  # running it again adds nothing


def test_help_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    for command in ("ingest", "events", "quotes", "actors", "show", "export", "demo"):
        assert command in result.stdout
