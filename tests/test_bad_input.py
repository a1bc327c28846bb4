"""Bad input through the real pipeline and store: each bad item is named, the rest stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import accord
from accord.api import Accord
from accord.cli import main

TALKS = (
    "Russia and Ukraine held direct talks in Istanbul on Friday and agreed to exchange "
    "1,000 prisoners each, Turkish Foreign Minister Hakan Fidan said."
)
SANCTIONS = (
    "The European Union imposed new sanctions on Iran on Monday over its supply of drones "
    "to Russia, the bloc's foreign policy chief said in Brussels."
)


@pytest.fixture
def db(tmp_path: Path):
    with accord.open(tmp_path / "accord.db") as opened:
        yield opened


def stored_sources(db: Accord) -> list[str]:
    return sorted(article.source or "" for article in db.articles())


def test_bad_jsonl_lines_cost_those_lines_and_the_good_ones_are_stored(
    db: Accord, tmp_path: Path
) -> None:
    lines = [
        json.dumps({"text": TALKS, "published": "2025-05-16"}),
        "[" * 100_000 + "]" * 100_000,
        '{"text": "Lone \\ud800 surrogate in an article about talks."}',
        json.dumps({"text": SANCTIONS, "published": "2025-05-19"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = db.ingest([path])

    assert [source for source, _ in report.failed] == [f"{path}:2", f"{path}:3"]
    assert "nested too deeply" in report.failed[0][1]
    assert "lone surrogate" in report.failed[1][1]
    assert report.added == 2 and report.events > 0
    assert stored_sources(db) == [f"{path}:1", f"{path}:4"]


def test_a_file_name_that_is_not_utf8_is_stored_and_printed_escaped(
    db: Accord, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(TALKS.encode("utf-8"))
    (folder / "Переговоры.txt").write_text(SANCTIONS, encoding="utf-8")

    report = db.ingest([folder])

    assert (report.added, report.failed) == (2, ())
    assert stored_sources(db) == [f"{folder}/caf\\xe9.txt", f"{folder}/Переговоры.txt"]


def test_a_future_publication_date_is_a_warning_naming_the_item_and_the_article_is_kept(
    db: Accord, tmp_path: Path
) -> None:
    path = tmp_path / "future.txt"
    path.write_text(TALKS, encoding="utf-8")
    (tmp_path / "future.meta.json").write_text('{"published": "2099-01-01"}', encoding="utf-8")

    report = db.ingest([path])

    assert (report.added, report.failed) == (1, ())
    ((source, message),) = report.warnings
    assert source == str(path)
    assert message.startswith("field 'published' is 2099-01-01, in the future")
    assert [article.published for article in db.articles()] == ["2099-01-01"]
    assert db.ingest([path]).warnings == ()  # stored already: nothing new to warn about


def test_cli_prints_warnings_and_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "future.jsonl"
    path.write_text(json.dumps({"text": TALKS, "published": "2099-01-01"}) + "\n")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "a.db"), "ingest", str(path)])
    assert result.exit_code == 0
    assert f"warning: {path}:1: field 'published' is 2099-01-01, in the future" in result.stderr
    assert result.stdout.startswith("added 1, unchanged 0, replaced 0, failed 0")
