"""Main text and metadata of a news page, with trafilatura; boilerplate and code left out."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from accord.errors import IngestError
from accord.ingest._article import check_encodable, make_article
from accord.models import Article

NO_ARTICLE = "no article text found in the HTML"
# Elements whose content is code or markup, never article text.
_CODE_ELEMENTS = ("script", "style", "noscript", "template")
# A page whose extracted text has no line this long is navigation or a stub, not an article.
_MIN_WORDS_IN_A_LINE = 4


@dataclass(frozen=True)
class HtmlContent:
    """What a page gives: paragraphs of main text (one per line) and its metadata."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """Parse a page (or fragment) as a whole document; None when there is nothing to parse."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _main_text(html: str) -> str | None:
    """Paragraphs of the main text, separated by newlines; scripts and styles dropped first."""
    tree = _parse(html)
    if tree is None:
        return None
    etree.strip_elements(tree, *_CODE_ELEMENTS, with_tail=False)
    return trafilatura.extract(
        tree, include_comments=False, include_tables=False, favor_precision=True
    )


def _has_prose(text: str) -> bool:
    return any(len(line.split()) >= _MIN_WORDS_IN_A_LINE for line in text.splitlines())


def _same_words(left: str, right: str) -> bool:
    return left.casefold().split() == right.casefold().split()


def _without_headline(text: str, title: str | None) -> str:
    """Drop a first line that repeats the title: the title is kept apart, not as a sentence."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and _same_words(first, title):
        return rest
    return text


def extract_html(html: str, source: str) -> HtmlContent:
    """Main text and metadata of a page; raises IngestError when it holds no article text."""
    text = _main_text(html)
    if not text or not _has_prose(text):
        raise IngestError(source, NO_ARTICLE)
    tree = _parse(html)
    metadata = trafilatura.extract_metadata(tree) if tree is not None else None
    if metadata is None:
        return HtmlContent(text=text)
    return HtmlContent(
        text=_without_headline(text, metadata.title),
        title=metadata.title,
        url=metadata.url,
        outlet=metadata.sitename,
        published=metadata.date,
    )


def article_from_html(
    html: str,
    *,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str = "en",
) -> Article:
    """Article from a page's HTML; metadata given here wins over what the page says."""
    check_encodable({"html": html}, source or "<html>")
    content = extract_html(html, source or "<html>")
    return make_article(
        content.text,
        title=title or content.title,
        url=url or content.url,
        outlet=outlet or content.outlet,
        published=published or content.published,
        source=source,
        language=language,
    )
