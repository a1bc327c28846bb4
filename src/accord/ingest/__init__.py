"""Ingest: news articles from text, HTML and JSON files into normalised, hashed ``Article``s.

Bad inputs never stop a run: ``read_sources`` yields an ``IngestError`` value naming the file
(and line) for each one and goes on with the rest.
"""

from __future__ import annotations

from accord.ingest._article import make_article, normalise_published, publication_warnings
from accord.ingest._fetch import Fetched, Fetcher, is_url
from accord.ingest._files import MAX_ARTICLE_BYTES, MAX_JSON_BYTES
from accord.ingest._html import article_from_html
from accord.ingest._language import check_language, unsupported_language
from accord.ingest._sources import SUPPORTED_EXTENSIONS, read_sources, screened
from accord.ingest._text import content_hash, normalise_text
from accord.ingest._web import Feed, FeedEntry, entry_articles, fetch_feed

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_JSON_BYTES",
    "SUPPORTED_EXTENSIONS",
    "Feed",
    "FeedEntry",
    "Fetched",
    "Fetcher",
    "article_from_html",
    "check_language",
    "content_hash",
    "entry_articles",
    "fetch_feed",
    "is_url",
    "make_article",
    "normalise_published",
    "normalise_text",
    "publication_warnings",
    "read_sources",
    "screened",
    "unsupported_language",
]
