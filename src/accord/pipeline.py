"""The extraction pipeline: Article -> Document -> mentions -> events and quotes (no storage here)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from accord.models import Article, Extraction
from accord.nlp import Document, parse, parse_many


def process(document: Document) -> Extraction:
    """Run every extract step over one parsed document."""
    # Filled in step by step: actors, dates, places, counts, events, quotes.
    return Extraction(article=document.article, actors=(), events=(), quotes=())


def extract_article(article: Article) -> Extraction:
    """Parse and extract one article."""
    return process(parse(article))


def extract_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Parse (batched with ``nlp.pipe``) and extract a stream of articles, in order."""
    for document in parse_many(articles, batch_size=batch_size):
        yield process(document)
