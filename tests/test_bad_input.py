"""Bad input through the real pipeline and store: each bad item is named, the rest stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import accord
from accord.api import Accord

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
