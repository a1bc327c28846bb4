"""The extraction pipeline: Article -> Document -> mentions -> events and quotes (no storage)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from accord.extract.counts import extract_counts
from accord.extract.dates import find_event_date
from accord.extract.events import (
    MentionIndex,
    build_event,
    code_sentence_events,
    load_lexicon,
    person_spans,
)
from accord.extract.quotes import extract_quotes
from accord.models import Actor, Article, Event, Extraction
from accord.nlp import Document, parse, parse_many
from accord.resolve.actors import resolve_mentions
from accord.resolve.places import countries_in, find_event_place


def extract_events(document: Document) -> list[Event]:
    """Code the events of every sentence, with date, place and counts from the same sentence."""
    article = document.article
    lexicon = load_lexicon()
    index = MentionIndex(document.mentions)
    prefer_countries = countries_in(document.doc)
    not_places = person_spans(document.mentions)
    events: list[Event] = []
    for sentence_index, sentence in enumerate(document.doc.sents):
        coded = code_sentence_events(sentence, sentence_index, index, lexicon)
        if not coded:
            continue
        date = find_event_date(sentence, article.published)
        place = find_event_place(sentence, prefer_countries, exclude=not_places)
        counts = extract_counts(sentence)
        for candidate, fields in coded:
            events.append(
                build_event(
                    event_id=f"{article.id}-e{len(events) + 1}",
                    article_id=article.id,
                    candidate=candidate,
                    fields=fields,
                    sentence=sentence,
                    sentence_index=sentence_index,
                    date=date,
                    place=place,
                    counts=counts,
                )
            )
    return events


def _actors_of(document: Document) -> tuple[Actor, ...]:
    """Distinct canonical actors mentioned in the document, in order of first mention."""
    seen: dict[str, Actor] = {}
    for mention in document.mentions:
        seen.setdefault(mention.actor.id, mention.actor)
    return tuple(seen.values())


def process(document: Document) -> Extraction:
    """Run every extract step over one parsed document."""
    resolve_mentions(document)
    events = extract_events(document)
    quotes = extract_quotes(document)
    return Extraction(
        article=document.article,
        actors=_actors_of(document),
        events=tuple(events),
        quotes=tuple(quotes),
    )


def extract_article(article: Article) -> Extraction:
    """Parse and extract one article."""
    return process(parse(article))


def extract_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Parse (batched with ``nlp.pipe``) and extract a stream of articles, in order."""
    for document in parse_many(articles, batch_size=batch_size):
        yield process(document)
