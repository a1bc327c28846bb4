"""Ingest: real files in tmp_path (and the bundled Istanbul article) through the public API."""

from __future__ import annotations

import builtins
import json
import logging
import os
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accord.errors import IngestError
from accord.ingest import (
    MAX_ARTICLE_BYTES,
    article_from_html,
    content_hash,
    make_article,
    normalise_text,
    publication_warnings,
    read_sources,
    unsupported_language,
)
from accord.models import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "accord" / "data" / "examples"
ISTANBUL = EXAMPLES / "istanbul-talks.txt"

PARAGRAPHS = [
    "The first direct peace talks between Russia and Ukraine since 2022 ended in less than "
    "two hours on Friday, with both delegations agreeing to a large exchange of prisoners.",
    "Ukrainian Defence Minister Rustem Umerov said each side would release 1,000 prisoners, "
    "calling it “a first step” towards a ceasefire that Kyiv has long demanded.",
    "Vladimir Medinsky, who led the Russian delegation, said Moscow was “satisfied” with the "
    "meeting and proposed further contacts — but insisted on its earlier conditions.",
    "Turkish Foreign Minister Hakan Fidan, who hosted the meeting at Dolmabahçe Palace, said "
    "the two sides had agreed in principle to meet again.",
]

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Russia and Ukraine agree prisoner swap | World News Daily</title>
  <meta property="og:title" content="Russia and Ukraine agree prisoner swap">
  <meta property="og:site_name" content="World News Daily">
  <meta property="article:published_time" content="2025-05-16T14:05:00Z">
  <link rel="canonical" href="https://news.example.com/world/istanbul-talks">
  <script>var tracker = "HEAD_SCRIPT_MARKER"; window.dataLayer = [];</script>
  <style>body {{ font-family: serif; }} .STYLE_MARKER {{ color: red; }}</style>
</head>
<body>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/politics">Politics NAV_MARKER</a></li>
  </ul></nav>
  <main><article>
    <h1>Russia and Ukraine agree prisoner swap</h1>
    <p>{}</p>
    <p>{}</p>
    <script>document.write("INLINE_SCRIPT_MARKER appears in the middle of the article");</script>
    <p>{}</p>
    <p>{}</p>
  </article></main>
  <aside><h2>Most read</h2><ul>
    <li>Celebrity wedding photos ASIDE_MARKER</li><li>Ten recipes for summer</li>
  </ul></aside>
  <footer><p>© 2025 World News Daily. All rights reserved. FOOTER_MARKER Privacy policy.</p>
  </footer>
</body>
</html>
""".format(*PARAGRAPHS)

BOILERPLATE_PAGE = """<!DOCTYPE html>
<html><head><title>Page not found | World News Daily</title>
<script>var s = "SCRIPT_MARKER in a page without an article, long enough to pass";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<footer><p>© 2025 World News Daily. All rights reserved.</p></footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*paths: str | Path) -> list[Article | IngestError]:
    return list(read_sources(paths))


def only(results: list[Article | IngestError]) -> Article | IngestError:
    assert len(results) == 1, results
    return results[0]


def only_article(*paths: str | Path) -> Article:
    result = only(read_all(*paths))
    assert isinstance(result, Article), result
    return result


def only_error(*paths: str | Path) -> IngestError:
    result = only(read_all(*paths))
    assert isinstance(result, IngestError), result
    return result


# --- normalise_text and content_hash -------------------------------------------------------


def test_normalisation_makes_crlf_and_trailing_spaces_hash_the_same() -> None:
    assert normalise_text("a\r\nb  \n") == "a\nb"
    assert content_hash("a\r\nb  \n") == content_hash("a\nb")
    assert content_hash("a\nb") != content_hash("a\n\nb")


def test_normalise_text_cleans_layout_but_keeps_typography() -> None:
    raw = "\ufeff  Title\t \r\rFirst\x00 line\x07\r\n\n\n\n\nSecond “quoted” — line\t\n  \n"
    assert normalise_text(raw) == "Title\n\nFirst line\n\nSecond “quoted” — line"


def test_normalise_text_keeps_tabs_and_leading_indentation() -> None:
    assert normalise_text("a\tb\n    indented") == "a\tb\n    indented"


def test_normalise_text_composes_unicode_nfc() -> None:
    decomposed = "Dolmabahc\u0327e"
    assert normalise_text(decomposed) == "Dolmabahçe"
    assert content_hash(decomposed) == content_hash("Dolmabahçe")


def test_normalise_text_drops_exactly_the_control_characters_and_boms() -> None:
    """Every code point of category Cc but tab and newline goes, and U+FEFF; nothing else."""
    import unicodedata

    from accord.ingest._text import _drop_control_chars

    every = "".join(chr(i) for i in range(0x110000))
    kept = "".join(
        c for c in every if c in "\n\t" or (unicodedata.category(c) != "Cc" and c != "\ufeff")
    )
    assert _drop_control_chars(every) == kept


def test_normalise_text_is_idempotent() -> None:
    raw = " x \r\n\r\n\r\n\r\ny\x0bz\u2028w “q” "
    once = normalise_text(raw)
    assert normalise_text(once) == once


def test_content_hash_is_sha256_hex_of_normalised_utf8() -> None:
    import hashlib

    assert content_hash(" é \r\n") == hashlib.sha256("é".encode()).hexdigest()


# --- make_article ------------------------------------------------------------------------


def test_make_article_derives_id_from_hash_and_stamps_utc_time() -> None:
    article = make_article("  Talks ended.\r\n", title=" Talks \n end ", source="unit")
    assert article.text == "Talks ended."
    assert article.content_hash == content_hash("Talks ended.")
    assert article.id == article.content_hash[:16]
    assert article.title == "Talks end"
    assert article.source == "unit"
    assert article.language == "en"
    stamp = datetime.fromisoformat(article.ingested_at or "")
    assert stamp.utcoffset() is not None and stamp.utcoffset().total_seconds() == 0


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2025-05-16", "2025-05-16"),
        ("2025-05-16T09:30:00Z", "2025-05-16T09:30:00+00:00"),
        ("Fri, 16 May 2025 09:30:00 GMT", "2025-05-16T09:30:00+00:00"),
        ("16 May 2025", "2025-05-16"),
        ("May 16, 2025", "2025-05-16"),
        ("  2025-05-16  ", "2025-05-16"),
    ],
)
def test_make_article_normalises_published(given: str, expected: str) -> None:
    assert make_article("Text.", published=given).published == expected


@pytest.mark.parametrize("given", ["not a date", "yesterday", "May 2025"])
def test_unparseable_published_is_none_with_a_warning(
    given: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="accord.ingest"):
        article = make_article("Text.", published=given, source="a.txt")
    assert article.published is None
    assert any("unparseable publication date" in r.getMessage() for r in caplog.records)


def test_make_article_rejects_text_that_normalises_to_nothing() -> None:
    with pytest.raises(IngestError) as caught:
        make_article(" \r\n\x00\t \n", source="blank.txt")
    assert caught.value.source == "blank.txt"


# --- text files --------------------------------------------------------------------------


def test_real_article_with_sidecar_metadata(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="accord.ingest"):
        article = only_article(ISTANBUL)
    assert article.title == (
        "Russia and Ukraine agree prisoner swap at first direct talks in Istanbul"
    )
    assert article.published == "2025-05-16"
    assert article.source == str(ISTANBUL)
    assert article.text.startswith("The first direct peace talks between Russia and Ukraine")
    assert "“tough sanctions”" in article.text  # typographic quotes survive
    assert article.text == normalise_text(ISTANBUL.read_text(encoding="utf-8"))
    assert not any("no publication date" in r.getMessage() for r in caplog.records)


def test_text_without_sidecar_has_no_metadata_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "bare.txt", "Talks ended on Friday.\n")
    with caplog.at_level(logging.WARNING, logger="accord.ingest"):
        article = only_article(path)
    assert (article.title, article.published, article.url, article.outlet) == (None,) * 4
    warnings = [r.getMessage() for r in caplog.records]
    assert f"no publication date for {path}: relative dates will stay unresolved" in warnings


def test_sidecar_fields_and_aliases(tmp_path: Path) -> None:
    write(tmp_path / "story.md", "# Talks\n\nTalks ended on Friday.\n")
    meta = {
        "title": "Talks end",
        "url": "https://x.example/a",
        "source": "Wire",
        "date": "16 May 2025",
    }
    write(tmp_path / "story.meta.json", json.dumps(meta))
    article = only_article(tmp_path / "story.md")
    assert article.title == "Talks end"
    assert article.url == "https://x.example/a"
    assert article.outlet == "Wire"
    assert article.published == "2025-05-16"


def test_broken_sidecar_is_an_error_naming_the_article(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "Talks ended on Friday.")
    write(tmp_path / "story.meta.json", "{not json")
    error = only_error(path)
    assert error.source == str(path)
    assert "story.meta.json" in error.reason


def test_same_text_read_twice_gives_same_hash_and_id(tmp_path: Path) -> None:
    first = write(tmp_path / "one.txt", "Talks ended.\nBoth sides agreed.\n")
    second = write(tmp_path / "two.txt", b"Talks ended.  \r\nBoth sides agreed.\r\n\r\n")
    one, two = read_all(first, second)
    assert isinstance(one, Article) and isinstance(two, Article)
    assert (one.id, one.content_hash) == (two.id, two.content_hash)
    assert one.source != two.source


# --- HTML --------------------------------------------------------------------------------


def test_html_keeps_paragraphs_and_drops_boilerplate(tmp_path: Path) -> None:
    article = only_article(write(tmp_path / "page.html", NEWS_PAGE))
    assert article.text.split("\n") == PARAGRAPHS
    for marker in ("NAV_MARKER", "ASIDE_MARKER", "FOOTER_MARKER", "SCRIPT_MARKER", "STYLE_MARKER"):
        assert marker not in article.text
    assert article.title == "Russia and Ukraine agree prisoner swap"
    assert article.outlet == "World News Daily"
    assert article.url == "https://news.example.com/world/istanbul-talks"
    assert article.published == "2025-05-16"


def test_html_sidecar_overrides_page_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.htm", NEWS_PAGE)
    write(tmp_path / "page.meta.json", json.dumps({"title": "Edited title", "outlet": "Desk"}))
    article = only_article(path)
    assert (article.title, article.outlet) == ("Edited title", "Desk")
    assert article.published == "2025-05-16"


def test_script_text_never_reaches_the_article(tmp_path: Path) -> None:
    page = (
        "<html><body><div>Talks ended in Istanbul on Friday after two hours."
        "<script>var leaked = 'SCRIPT_MARKER text that a naive extractor would keep';</script>"
        "</div></body></html>"
    )
    article = only_article(write(tmp_path / "bare.html", page))
    assert "SCRIPT_MARKER" not in article.text
    assert "Talks ended in Istanbul" in article.text


def test_html_with_no_article_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "404.html", BOILERPLATE_PAGE)
    error = only_error(path)
    assert error.source == str(path)
    assert error.reason == "no article text found in the HTML"


def test_html_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><article>'
        "<p>Talks at Dolmabahçe Palace ended on Friday after two hours.</p>"
        "</article></body></html>"
    )
    article = only_article(write(tmp_path / "latin.html", page.encode("iso-8859-1")))
    assert "Dolmabahçe" in article.text


def test_article_from_html_prefers_given_metadata() -> None:
    article = article_from_html(NEWS_PAGE, title="Given", published="2025-05-17", source="api")
    assert article.title == "Given"
    assert article.published == "2025-05-17"
    assert article.outlet == "World News Daily"
    assert article.text.startswith(PARAGRAPHS[0])


# --- JSON and JSON Lines -----------------------------------------------------------------


def test_json_list_with_field_aliases_and_a_bad_record(tmp_path: Path) -> None:
    records = [
        {"title": "One", "text": "First article text.", "published": "2025-05-16", "outlet": "A"},
        {"headline": "Two", "body": "Second article text.", "date": "16 May 2025", "site": "B"},
        {"title": "No text"},
        {"content": "Third.", "published_at": "2025-05-16T09:30:00Z", "source": {"name": "C"}},
    ]
    path = write(tmp_path / "batch.json", json.dumps(records))
    first, second, bad, third = read_all(path)
    assert isinstance(first, Article) and first.title == "One" and first.outlet == "A"
    assert isinstance(second, Article) and second.title == "Two" and second.outlet == "B"
    assert second.published == "2025-05-16"
    assert isinstance(third, Article) and third.outlet == "C"
    assert third.published == "2025-05-16T09:30:00+00:00"
    assert isinstance(bad, IngestError)
    assert bad.source == f"{path}[2]"
    assert "no article text" in bad.reason
    assert first.source == f"{path}[0]"


def test_json_single_object_with_html_instead_of_text(tmp_path: Path) -> None:
    record = {"html": NEWS_PAGE, "url": "https://mirror.example/1"}
    article = only_article(write(tmp_path / "one.json", json.dumps(record)))
    assert article.text.split("\n") == PARAGRAPHS
    assert article.url == "https://mirror.example/1"
    assert article.title == "Russia and Ukraine agree prisoner swap"
    assert article.source == str(tmp_path / "one.json")


def test_malformed_json_file_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.json", '[{"text": "a"},')
    error = only_error(path)
    assert error.source == str(path)
    assert "malformed JSON" in error.reason


def test_jsonl_malformed_line_names_the_line_and_others_come_through(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Line one article.", "title": "One"}),
        '{"text": "unterminated',
        "",
        json.dumps({"text": "Line four article.", "title": "Four"}),
        json.dumps(["not", "an", "object"]),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    results = read_all(path)
    assert [type(r).__name__ for r in results] == [
        "Article",
        "IngestError",
        "Article",
        "IngestError",
    ]
    one, malformed, four, not_object = results
    assert isinstance(one, Article) and one.source == f"{path}:1"
    assert isinstance(four, Article) and four.source == f"{path}:4" and four.title == "Four"
    assert isinstance(malformed, IngestError) and malformed.source == f"{path}:2"
    assert "malformed JSON" in malformed.reason
    assert isinstance(not_object, IngestError) and not_object.source == f"{path}:5"
    assert "expected a JSON object" in not_object.reason


def test_jsonl_line_over_the_limit_is_skipped_without_stopping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("accord.ingest._json.MAX_ARTICLE_BYTES", 200)
    lines = [
        json.dumps({"text": "Short one."}),
        json.dumps({"text": "x" * 5000}),
        json.dumps({"text": "Short three."}),
    ]
    path = write(tmp_path / "feed.ndjson", "\n".join(lines))
    one, too_long, three = read_all(path)
    assert isinstance(one, Article) and one.text == "Short one."
    assert isinstance(too_long, IngestError) and too_long.source == f"{path}:2"
    assert "over the limit" in too_long.reason
    assert isinstance(three, Article) and three.text == "Short three."


def test_jsonl_with_utf8_bom_and_cp1252_line(tmp_path: Path) -> None:
    data = (
        b"\xef\xbb\xbf" + json.dumps({"text": "First."}).encode() + b"\n"
        b'{"text": "Caf\xe9 talks \x93quoted\x94."}\n'
    )
    first, second = read_all(write(tmp_path / "feed.jsonl", data))
    assert isinstance(first, Article) and first.text == "First."
    assert isinstance(second, Article) and second.text == "Café talks “quoted”."


# --- folders -----------------------------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_skips_non_articles(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Article b.")
    write(root / "a" / "z.txt", "Article a/z.")
    write(root / "a" / "deeper" / "y.text", "Article a/deeper/y.")
    write(root / "c.jsonl", json.dumps({"text": "Article c line one."}) + "\n")
    write(root / "b.meta.json", json.dumps({"title": "B"}))
    write(root / "b.expected.json", json.dumps({"text": "not an article"}))
    write(root / "b.expected.md", "Expected output, not an article.")
    write(root / ".hidden.txt", "Hidden.")
    write(root / ".git" / "notes.txt", "Inside a hidden folder.")
    write(root / "scan.pdf", b"%PDF-1.4 not supported")
    results = read_all(root)
    assert all(isinstance(r, Article) for r in results), results
    assert [r.text for r in results if isinstance(r, Article)] == [
        "Article a/deeper/y.",
        "Article a/z.",
        "Article b.",
        "Article c line one.",
    ]
    b = results[2]
    assert isinstance(b, Article) and b.title == "B" and b.source == str(root / "b.txt")


def test_jsonl_of_blank_lines_is_an_error(tmp_path: Path) -> None:
    error = only_error(write(tmp_path / "blank.jsonl", "\n  \n\n"))
    assert "no records" in error.reason


def test_single_path_string_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "one.txt", "One article.")
    results = list(read_sources(str(path)))
    assert len(results) == 1 and isinstance(results[0], Article)


# --- bad input -----------------------------------------------------------------------------


def test_missing_path_is_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Good article.")
    missing = tmp_path / "missing.txt"
    error, article = read_all(missing, good)
    assert isinstance(error, IngestError) and error.source == str(missing)
    assert "no such file" in error.reason
    assert isinstance(article, Article)


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", b"")
    error = only_error(path)
    assert (error.source, error.reason) == (str(path), "empty file")


def test_whitespace_only_file(tmp_path: Path) -> None:
    error = only_error(write(tmp_path / "blank.txt", " \n\t\r\n "))
    assert "empty" in error.reason


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c\u200d", "\u2060", "\ufeff\u200b"])
def test_file_of_whitespace_and_zero_width_spaces_is_empty(tmp_path: Path, invisible: str) -> None:
    path = write(tmp_path / "invisible.txt", f" {invisible}\n\t{invisible} \n")
    error = only_error(path)
    assert error.source == str(path)
    assert error.reason.startswith("the article text is empty")


def test_make_article_refuses_text_without_letters_or_digits() -> None:
    with pytest.raises(IngestError, match="no letters or digits"):
        make_article("\u200b \u2014 \u200b", source="api")
    assert make_article("\u200bTalks ended.\u200b").text == "\u200bTalks ended.\u200b"


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    path = write(tmp_path / "image.txt", png)
    error = only_error(path)
    assert error.source == str(path)
    assert "binary" in error.reason


def test_mostly_control_characters_is_binary(tmp_path: Path) -> None:
    error = only_error(write(tmp_path / "controls.txt", bytes([1, 2, 3, 4, 5, 6, 65]) * 100))
    assert "binary" in error.reason


def test_cp1252_file_is_accepted_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = "Le ministre a déclaré: “C’est un premier pas” — à Istanbul.\n"
    path = write(tmp_path / "legacy.txt", text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="accord.ingest"):
        article = only_article(path)
    assert article.text == text.strip()
    assert any("cp1252" in r.getMessage() for r in caplog.records)


def test_utf16_with_bom_is_accepted(tmp_path: Path) -> None:
    text = "Talks in “Istanbul” ended."
    article = only_article(write(tmp_path / "wide.txt", text.encode("utf-16")))
    assert article.text == text


CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


@pytest.mark.parametrize("cp1252_decodable", [False, True])
def test_undecodable_garbage_is_an_error(tmp_path: Path, cp1252_decodable: bool) -> None:
    noise = bytes(b or 1 for b in random.Random(7).randbytes(4096))  # random, but no NUL
    if cp1252_decodable:  # then only the "does it look like text" check can refuse it
        noise = bytes(b for b in noise if b not in CP1252_UNDEFINED)
    path = write(tmp_path / "garbage.txt", noise)
    error = only_error(path)
    assert error.source == str(path)
    assert "decode" in error.reason or "binary" in error.reason


def test_huge_file_is_rejected_from_its_size_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(str(file)) == path:
            raise AssertionError("the oversized file must not be opened")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    error = only_error(path)  # the guard above fails the test if the file is opened
    assert error.source == str(path)
    assert "over the limit" in error.reason and f"{MAX_ARTICLE_BYTES:,}" in error.reason


def test_unsupported_file_type_named_explicitly(tmp_path: Path) -> None:
    error = only_error(write(tmp_path / "scan.pdf", b"%PDF-1.4"))
    assert "unsupported file type" in error.reason


def test_unexpected_failure_becomes_an_error_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(html: str, source: str) -> None:
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr("accord.ingest._html.extract_html", explode)
    path = write(tmp_path / "page.html", NEWS_PAGE)
    good = write(tmp_path / "good.txt", "Still read.")
    error, article = read_all(path, good)
    assert isinstance(error, IngestError) and error.source == str(path)
    assert "extractor crashed" in error.reason
    assert isinstance(article, Article)


def test_folder_walk_skips_readme_files_but_reads_them_when_named(tmp_path: Path) -> None:
    write(tmp_path / "README.md", "# About this folder\n\nThese are test articles.\n")
    write(tmp_path / "story.txt", "Talks ended on Friday in Istanbul.\n")
    from_folder = [item for item in read_sources([tmp_path]) if isinstance(item, Article)]
    assert [Path(a.source).name for a in from_folder] == ["story.txt"]
    named = [item for item in read_sources([tmp_path / "README.md"]) if isinstance(item, Article)]
    assert len(named) == 1


# --- a bad JSON line or record costs itself only ---------------------------------------------

DEEP = "[" * 100_000 + "]" * 100_000


def test_jsonl_deeply_nested_line_costs_that_line_only(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "Talks ended on Friday."}), DEEP, json.dumps({"text": "Third."})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    first, deep, third = read_all(path)
    assert isinstance(first, Article) and first.source == f"{path}:1"
    assert isinstance(deep, IngestError) and deep.source == f"{path}:2"
    assert deep.reason == "malformed JSON: nested too deeply to read"
    assert isinstance(third, Article) and third.source == f"{path}:3"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ('{"text": "Talks \\ud800 ended."}', "text"),
        ('{"text": "Talks ended.", "title": "Lone \\udfff"}', "title"),
        ('{"html": "<p>Talks \\ud800 ended in Istanbul on Friday.</p>"}', "html"),
    ],
)
def test_jsonl_lone_surrogate_costs_that_line_only(tmp_path: Path, record: str, field: str) -> None:
    lines = [json.dumps({"text": "First article."}), record, json.dumps({"text": "Third."})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    first, bad, third = read_all(path)
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(bad, IngestError) and bad.source == f"{path}:2"
    assert bad.reason.startswith(f"invalid Unicode in field {field!r}: a lone surrogate (U+D")
    assert str(bad) == f"{path}:2: {bad.reason}"


def test_valid_surrogate_pair_escape_is_one_character(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "Talks \\ud83d\\udd4a ended."}\n')
    assert only_article(path).text == "Talks \U0001f54a ended."


def test_json_file_nested_too_deeply_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.json", DEEP)
    error = only_error(path)
    assert (error.source, error.reason) == (str(path), "malformed JSON: nested too deeply to read")


def test_json_list_record_with_lone_surrogate_costs_that_record(tmp_path: Path) -> None:
    path = write(tmp_path / "list.json", '[{"text": "Bad \\ud800."}, {"text": "Good."}]')
    bad, good = read_all(path)
    assert isinstance(bad, IngestError) and bad.source == f"{path}[0]"
    assert isinstance(good, Article) and good.text == "Good."


def test_make_article_names_a_lone_surrogate_instead_of_failing_later() -> None:
    with pytest.raises(IngestError, match=r"invalid Unicode in field 'outlet'"):
        make_article("Talks ended.", outlet="Wire \udc80", source="api")


def test_jsonl_line_that_crashes_a_reader_costs_that_line_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(html: str, source: str) -> None:
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr("accord.ingest._html.extract_html", explode)
    lines = [json.dumps({"html": NEWS_PAGE}), json.dumps({"text": "Still read."})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    crashed, read = read_all(path)
    assert isinstance(crashed, IngestError) and crashed.source == f"{path}:1"
    assert "extractor crashed" in crashed.reason
    assert isinstance(read, Article) and read.source == f"{path}:2"


# --- the size limit holds for every way in ---------------------------------------------------


def test_make_article_enforces_the_article_size_limit_in_utf8_bytes() -> None:
    at_limit = "é" * (MAX_ARTICLE_BYTES // 2)  # two bytes each
    assert len(make_article(at_limit).text) == MAX_ARTICLE_BYTES // 2
    with pytest.raises(IngestError, match=f"over the limit of {MAX_ARTICLE_BYTES:,}"):
        make_article(at_limit + "é", source="api")


def test_make_article_refuses_a_metadata_field_that_cannot_be_one() -> None:
    with pytest.raises(IngestError, match=r"field 'title' is 1,000,000 characters"):
        make_article("Talks ended.", title="Talks " * 166_666 + "more", source="api")


# --- symlinks in folders -----------------------------------------------------------------------


def test_folder_symlinks_out_of_the_folder_are_reported_and_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "news"
    outside = write(tmp_path / "elsewhere" / "story.txt", "An article outside the folder.")
    write(root / "real.txt", "An article in the folder.")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "outside.txt").symlink_to(outside)
    (root / "linked-folder").symlink_to(outside.parent, target_is_directory=True)
    (root / "sub").mkdir()
    (root / "sub" / "alias.txt").symlink_to(Path("..") / "real.txt")  # stays inside: followed
    results = read_all(root)
    errors = {r.source: r.reason for r in results if isinstance(r, IngestError)}
    assert errors == {
        str(root / "passwd.txt"): "not read: a symlink to a file outside the folder (/etc/passwd)",
        str(root / "outside.txt"): f"not read: a symlink to a file outside the folder ({outside})",
        str(root / "linked-folder"): (
            f"not read: a symlink to a folder outside the folder ({outside.parent})"
        ),
    }
    articles = [r for r in results if isinstance(r, Article)]
    assert [(a.source, a.text) for a in articles] == [
        (str(root / "real.txt"), "An article in the folder."),
        (str(root / "sub" / "alias.txt"), "An article in the folder."),
    ]


def test_a_symlink_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere" / "story.txt", "An article outside the folder.")
    link = tmp_path / "news" / "story.txt"
    link.parent.mkdir()
    link.symlink_to(outside)
    assert only_article(link).text == "An article outside the folder."


def test_a_loop_of_symlinks_in_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    error = only_error(tmp_path)
    assert error.source == str(tmp_path / "loop.txt")
    assert error.reason == "not read: a symlink that leads nowhere (a loop)"


# --- file names ----------------------------------------------------------------------------------


def test_file_names_that_are_not_utf8_are_named_with_escapes(tmp_path: Path) -> None:
    latin1 = os.fsencode(tmp_path) + b"/caf\xe9-talks.txt"
    with open(latin1, "wb") as handle:
        handle.write(b"Talks ended in Istanbul.\n")
    write(tmp_path / "Переговоры 🕊.txt", "Talks ended in Ankara.\n")
    results = read_all(tmp_path)
    assert sorted((r.source, r.text) for r in results if isinstance(r, Article)) == [
        (f"{tmp_path}/caf\\xe9-talks.txt", "Talks ended in Istanbul."),
        (f"{tmp_path}/Переговоры 🕊.txt", "Talks ended in Ankara."),
    ]
    named = only_article(os.fsdecode(latin1))  # as click passes it: a lone surrogate escape
    assert named.source == f"{tmp_path}/caf\\xe9-talks.txt"
    assert named.source.encode("utf-8")


# --- language ------------------------------------------------------------------------------------

FOREIGN = {
    "ru": (
        "Переговоры между делегациями России и Украины в Стамбуле завершились в пятницу менее "
        "чем через два часа. Стороны договорились об обмене пленными по формуле тысяча на "
        "тысячу, сообщил глава российской делегации Владимир Мединский."
    ),
    "uk": (
        "Переговори між делегаціями Росії та України в Стамбулі завершилися в п'ятницю менш "
        "ніж за дві години. Сторони домовилися про обмін полоненими за формулою тисяча на "
        "тисячу, повідомив міністр оборони Рустем Умєров."
    ),
    "ar": (
        "انتهت المحادثات بين وفدي روسيا وأوكرانيا في إسطنبول يوم الجمعة بعد أقل من ساعتين، "
        "واتفق الجانبان على تبادل ألف أسير من كل جانب، بحسب ما قال رئيس الوفد الروسي."
    ),
    "zh": (
        "俄罗斯和乌克兰代表团周五在伊斯坦布尔举行的会谈不到两个小时就结束了。"
        "双方同意各自交换一千名战俘，俄罗斯代表团团长表示对会谈结果感到满意。"
    ),
    "fr": (
        "Les pourparlers entre les délégations russe et ukrainienne à Istanbul se sont achevés "
        "vendredi en moins de deux heures. Les deux parties ont convenu d'échanger mille "
        "prisonniers chacune, a déclaré le chef de la délégation russe."
    ),
    "de": (
        "Die Gespräche zwischen den Delegationen Russlands und der Ukraine in Istanbul endeten "
        "am Freitag nach weniger als zwei Stunden. Beide Seiten vereinbarten einen Austausch "
        "von jeweils tausend Gefangenen, sagte der Leiter der russischen Delegation."
    ),
    "es": (
        "Las conversaciones entre las delegaciones de Rusia y Ucrania en Estambul terminaron "
        "el viernes en menos de dos horas. Ambas partes acordaron intercambiar mil prisioneros "
        "cada una, dijo el jefe de la delegación rusa."
    ),
}
LANGUAGE_NAMES = {
    "ru": "Russian",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "zh": "Chinese",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
}
ENGLISH_CORPORA = [
    Path(__file__).parent / "corpus",
    Path(__file__).parent / "corpus_tracking",
    EXAMPLES,
]
SHORT_ENGLISH = [
    "Talks ended.",
    "Ceasefire holds",
    "Kyiv, Moscow swap 390 POWs",
    "Zelensky meets Erdogan in Ankara",
    "Abdel Fattah al-Burhan and Mohamed Hamdan Dagalo",
    "Sheikh Mohammed bin Zayed Al Nahyan met Recep Tayyip Erdoğan and Mahmoud Abbas in Abu "
    "Dhabi on Tuesday.",
    "Hakan Fidan, Ibrahim Kalın, Recep Tayyip Erdoğan, Mevlüt Çavuşoğlu, Hulusi Akar and "
    "Numan Kurtulmuş attended the ceremony in Ankara.",
    "Mohammed Hamdan Dagalo, Abdel Fattah al-Burhan, Abdalla Hamdok, Khalid Omer Yousif, Yasir "
    "Arman, Mohamed al-Faki Suleiman, Jibril Ibrahim, Minni Arko Minnawi and Malik Agar met in "
    "Juba on Sunday, a spokesman said.",
    "Jean-Noël Barrot, Annalena Baerbock, José Manuel Albares, Radosław Sikorski and Antonio "
    "Tajani signed a joint statement.",
    "Medinsky told reporters: “Мы удовлетворены результатом” (we are satisfied with the "
    "result), before the delegation left for Moscow on Friday evening.",
]


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_text_in_another_language_is_refused_naming_it(tmp_path: Path, language: str) -> None:
    path = write(tmp_path / f"{language}.txt", FOREIGN[language])
    error = only_error(path)
    assert error.source == str(path)
    assert error.reason == (
        f"language not supported: the text is in {LANGUAGE_NAMES[language]} ({language}); "
        "accord reads English only"
    )


def test_a_short_headline_in_another_script_is_refused() -> None:
    assert unsupported_language("Переговоры в Стамбуле завершились") == "ru"


def test_every_english_article_paragraph_and_title_passes() -> None:
    articles = [r for r in read_sources(ENGLISH_CORPORA) if isinstance(r, Article)]
    assert len(articles) >= 18
    texts = [text for a in articles for text in (a.text, a.title, *a.text.split("\n")) if text]
    assert len(texts) > 200
    assert [text for text in texts if unsupported_language(text) is not None] == []


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_and_english_crowded_with_names_pass(text: str) -> None:
    assert unsupported_language(text) is None


def test_jsonl_line_in_another_language_costs_that_line_only(tmp_path: Path) -> None:
    lines = [{"text": "First article."}, {"text": FOREIGN["ru"]}, {"text": "Third."}]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(line) for line in lines))
    first, russian, third = read_all(path)
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(russian, IngestError) and russian.source == f"{path}:2"
    assert "in Russian (ru)" in russian.reason


# --- publication dates in the future ------------------------------------------------------------

NOW = datetime(2025, 6, 14, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("published", "warned"),
    [
        ("2099-01-01", True),
        ("2025-06-16", True),  # 36 hours ahead
        ("2025-06-15", False),  # 12 hours ahead: time zones and embargoes
        ("2025-06-15T11:00:00+00:00", False),  # 23 hours ahead
        ("2025-06-15T08:00:00-05:00", True),  # 13:00 UTC, 25 hours ahead
        ("2025-06-15T13:00:00", True),  # no time zone: taken as UTC
        ("2025-06-14", False),
        ("1999-05-16", False),
    ],
)
def test_a_publication_date_in_the_future_is_warned_about(published: str, warned: bool) -> None:
    article = make_article("Talks ended.", published=published, source="feed.jsonl:3")
    warnings = publication_warnings(article, now=NOW)
    if not warned:
        assert warnings == []
        return
    assert warnings == [
        f"field 'published' is {published}, in the future (now 2025-06-14): the article is "
        "kept, but dates relative to it will be wrong"
    ]


def test_an_undated_article_has_no_publication_warning() -> None:
    assert publication_warnings(make_article("Talks ended."), now=NOW) == []
