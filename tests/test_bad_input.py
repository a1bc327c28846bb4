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
from accord.sections import SECTION_CHARS

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


# --- a generated corpus of bad input among good articles ----------------------------------------

GOOD_TEXTS = {
    "good-talks.txt": TALKS,
    "good-sanctions.md": SANCTIONS,
    "Переговоры 🕊.txt": (
        "Turkey hosted a second round of talks between Russian and Ukrainian delegations in "
        "Istanbul on Monday, the Turkish foreign ministry said."
    ),
}
UTF16_TEXT = "Sudan’s army accused the “Rapid Support Forces” of shelling El Fasher on Sunday."
LATIN1_NAMED_TEXT = "Protesters rallied outside the parliament in Tbilisi on Sunday, police said."
FUTURE_TEXT = "Israel and Hamas agreed to a ceasefire in Gaza on Wednesday, mediators said."
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>NATO ministers meet in Brussels</title></head><body><nav>Home | World</nav>
<article><h1>NATO ministers meet in Brussels</h1>
<p>NATO defence ministers met in Brussels on Thursday to discuss air defence for Ukraine,
the alliance's secretary general said after the meeting.</p></article></body></html>"""
LONG_LINE_SENTENCES = [
    "Russian forces shelled the city of Kharkiv on Tuesday, the regional governor said.",
    "Ukraine accused Moscow of violating the ceasefire in the Donetsk region on Wednesday.",
    "The United Nations called on both sides to protect civilians, a spokesman said.",
]


def write_bad_input_corpus(root: Path, outside: Path) -> dict[str, str]:
    """Every kind of bad input beside good articles, in ``root``; returns the failures to
    expect as {source relative to root: a phrase of the reason}."""
    root.mkdir()
    for name, text in GOOD_TEXTS.items():
        (root / name).write_text(text + "\n", encoding="utf-8")
    (root / "good-page.html").write_text(PAGE, encoding="utf-8")
    (root / "good-record.json").write_text(json.dumps({"text": LONG_LINE_SENTENCES[2] + " x"}))
    (root / "utf16.txt").write_bytes(UTF16_TEXT.encode("utf-16"))  # with its byte-order mark
    with open(os.fsencode(root) + b"/caf\xe9.txt", "wb") as handle:  # a Latin-1 file name
        handle.write(LATIN1_NAMED_TEXT.encode("utf-8"))
    (root / "future.txt").write_text(FUTURE_TEXT, encoding="utf-8")
    (root / "future.meta.json").write_text('{"published": "2099-01-01"}', encoding="utf-8")
    long_line = " ".join(LONG_LINE_SENTENCES * 120)  # ~29,000 characters, no line break
    (root / "long-line.txt").write_text(long_line, encoding="utf-8")

    (root / "empty.txt").write_bytes(b"")
    (root / "junk.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    (root / "invalid-utf8.txt").write_bytes(bytes(range(0x80, 0x100)) * 16)
    with open(root / "huge.txt", "wb") as handle:
        handle.truncate(6_000_000)  # sparse: over the 5 MB limit on paper
    (root / "deep.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "<p>" + TALKS + "</p>" + "</div>" * 100_000
    )
    (root / "broken.json").write_text('[{"text": "An article."},')
    (root / "mixed.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"text": LONG_LINE_SENTENCES[0] + " First line."}),
                '{"text": "unterminated',
                "[" * 100_000 + "]" * 100_000,
                '{"text": "A lone \\ud800 surrogate."}',
                json.dumps({"text": LONG_LINE_SENTENCES[1] + " Fifth line."}),
            ]
        )
        + "\n"
    )
    (root / "invisible.txt").write_text(" \u200b\n\t\u200c\u200d \u2060\n", encoding="utf-8")
    (root / "russian.txt").write_text(
        "Переговоры между делегациями России и Украины в Стамбуле завершились в пятницу.",
        encoding="utf-8",
    )
    (root / "chinese.txt").write_text(
        "俄罗斯和乌克兰代表团周五在伊斯坦布尔举行的会谈不到两个小时就结束了。", encoding="utf-8"
    )
    (root / "arabic.txt").write_text(
        "انتهت المحادثات بين وفدي روسيا وأوكرانيا في إسطنبول يوم الجمعة بعد أقل من ساعتين.",
        encoding="utf-8",
    )
    outside.mkdir()
    (outside / "secret.txt").write_text("Not part of the corpus: must not be read.\n")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "escape.txt").symlink_to(outside / "secret.txt")
    (root / "elsewhere").symlink_to(outside, target_is_directory=True)
    return {
        "empty.txt": "empty file",
        "junk.txt": "binary file",
        "invalid-utf8.txt": "cannot decode",
        "huge.txt": "over the limit of 5,000,000",
        "deep.html": "no article text found in the HTML",
        "broken.json": "malformed JSON",
        "mixed.jsonl:2": "malformed JSON",
        "mixed.jsonl:3": "nested too deeply",
        "mixed.jsonl:4": "lone surrogate",
        "invisible.txt": "the article text is empty",
        "russian.txt": "language not supported: the text is in Russian (ru)",
        "chinese.txt": "language not supported: the text is in Chinese (zh)",
        "arabic.txt": "language not supported: the text is in Arabic (ar)",
        "passwd.txt": "symlink to a file outside the folder (/etc/passwd)",
        "escape.txt": "symlink to a file outside the folder",
        "elsewhere": "symlink to a folder outside the folder",
    }


def test_a_generated_bad_input_corpus_names_every_bad_item_and_stores_every_good_one(
    db: Accord, tmp_path: Path
) -> None:
    root = tmp_path / "corpus"
    expected_failures = write_bad_input_corpus(root, tmp_path / "outside")
    good = [
        *GOOD_TEXTS,
        "good-page.html",
        "good-record.json",
        "utf16.txt",
        "caf\\xe9.txt",
        "future.txt",
        "long-line.txt",
        "mixed.jsonl:1",
        "mixed.jsonl:5",
    ]

    report = db.ingest([root])

    failed = {source.removeprefix(f"{root}/"): reason for source, reason in report.failed}
    assert sorted(failed) == sorted(expected_failures)
    for name, phrase in expected_failures.items():
        assert phrase in failed[name], (name, failed[name])
    ((warned, warning),) = report.warnings
    assert warned == f"{root}/future.txt"
    assert warning.startswith("field 'published' is 2099-01-01, in the future")
    assert (report.added, report.unchanged, report.replaced) == (len(good), 0, 0)
    assert stored_sources(db) == sorted(f"{root}/{name}" for name in good)
    articles = {article.source: article for article in db.articles()}
    assert articles[f"{root}/utf16.txt"].text == UTF16_TEXT
    assert articles[f"{root}/caf\\xe9.txt"].text == LATIN1_NAMED_TEXT
    assert not any("must not be read" in a.text or "root:" in a.text for a in articles.values())
    long_line = articles[f"{root}/long-line.txt"]
    assert "\n" not in long_line.text and len(long_line.text) > SECTION_CHARS
    assert len(db.events(article=long_line.id)) >= 2 * 120  # sentences all through the line
    texts = {article.id: article.text for article in articles.values()}
    for event in db.events():  # offsets index the article text, sections or not
        start, sentence = event.evidence.sentence_start, event.evidence.sentence
        assert texts[event.article_id][start : start + len(sentence)] == sentence

    totals = db.totals()
    again = db.ingest([root])
    assert (again.added, again.replaced, again.unchanged) == (0, 0, len(good))
    assert again.failed == report.failed and again.warnings == ()
    assert db.totals() == totals
    assert stored_sources(db) == sorted(f"{root}/{name}" for name in good)
