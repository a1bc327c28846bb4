"""The extraction pipeline: Article -> Document -> mentions -> events and quotes (no storage)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from accord.extract.counts import extract_counts
from accord.extract.dates import find_event_date
from accord.extract.events import Coder, MentionIndex, build_event, person_spans
from accord.extract.quotes import extract_quotes
from accord.models import Actor, Article, DateValue, Event, Extraction, Place
from accord.nlp import Document, load_nlp, parse, parse_many
from accord.resolve.actors import resolve_mentions
from accord.resolve.places import Gazetteer, countries_in, find_event_place

CONTEXT_SENTENCES = 4  # how far back a place named earlier still sets the scene


def extract_events(document: Document, coder: Coder | None = None) -> list[Event]:
    """Code the events of every sentence, with date, place and counts from the same sentence.

    A sentence that names no place takes the place named in the few sentences before it, or
    else the one in the headline (wire stories set the scene once); the event's ``why`` says so.
    ``coder`` defaults to the package's (``Coder.default()``).
    """
    coder = coder or Coder.default()
    article = document.article
    index = MentionIndex(document.mentions)
    gazetteer = coder.gazetteer
    prefer_countries = countries_in(document.doc, gazetteer)
    not_places = person_spans(document.mentions)
    sentences = list(document.doc.sents)
    places = [find_event_place(s, prefer_countries, not_places, gazetteer) for s in sentences]
    events: list[Event] = []
    for sentence_index, sentence in enumerate(sentences):
        coded = coder.code_sentence(sentence, index, place=places[sentence_index])
        if not coded:
            continue
        place, place_why = places[sentence_index], None
        if place is None:
            place, place_why = _place_in_context(
                places, sentence_index, article, prefer_countries, gazetteer
            )
        counts = extract_counts(sentence)
        for event in coded:
            predicate = event.candidate.predicate
            date = find_event_date(sentence, article.published, trigger=predicate)
            context_why = [place_why] if place_why else []
            if (date is None or date.start is None) and _told_in_past_tense(predicate):
                date, date_why = _date_in_context(events, sentence_index) or (date, None)
                context_why += [date_why] if date_why else []
            if context_why:
                event = replace(event, why="; ".join([event.why, *context_why]))
            events.append(
                build_event(
                    event_id=f"{article.id}-e{len(events) + 1}",
                    article_id=article.id,
                    coded=event,
                    sentence=sentence,
                    sentence_index=sentence_index,
                    date=date,
                    place=place,
                    counts=counts,
                )
            )
    return coder.finish_article(events)


def _told_in_past_tense(verb) -> bool:
    """ "Police detained 23" continues the scene just dated; "has accepted" or "are preparing"
    do not (they speak of now)."""
    if verb.tag_ == "VBD":
        return True
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBN" and bool(auxiliaries & {"was", "were"})


def _date_in_context(events: list[Event], sentence_index: int) -> tuple[DateValue, str] | None:
    """The date of an event reported just before (same scene), for a sentence giving none."""
    for event in reversed(events):
        if sentence_index - event.evidence.sentence_index > CONTEXT_SENTENCES:
            break
        if event.date is not None and event.date.start is not None:
            return event.date, f"date from sentence {event.evidence.sentence_index}"
    return None


def _place_in_context(
    places: list[Place | None],
    sentence_index: int,
    article: Article,
    prefer: list[str],
    gazetteer: Gazetteer,
) -> tuple[Place | None, str | None]:
    """The place that sets the scene for a sentence naming none, and why."""
    for back in range(1, CONTEXT_SENTENCES + 1):
        if sentence_index - back >= 0 and places[sentence_index - back] is not None:
            return places[sentence_index - back], f"place from sentence {sentence_index - back}"
    headline = headline_place(article.title, tuple(prefer), gazetteer)
    return (headline, "place from the headline") if headline else (None, None)


@lru_cache(maxsize=64)
def headline_place(
    title: str | None, prefer: tuple[str, ...], gazetteer: Gazetteer | None = None
) -> Place | None:
    """The place a headline names ("... talks in Istanbul"); offsets are -1 (not in the text)."""
    if not title:
        return None
    for sentence in load_nlp()(title).sents:
        place = find_event_place(sentence, prefer, gazetteer=gazetteer)
        if place is not None:
            return replace(place, char_start=-1, char_end=-1)
    return None


def _actors_of(document: Document) -> tuple[Actor, ...]:
    """Distinct canonical actors mentioned in the document, in order of first mention."""
    seen: dict[str, Actor] = {}
    for mention in document.mentions:
        seen.setdefault(mention.actor.id, mention.actor)
    return tuple(seen.values())


def process(document: Document, coder: Coder | None = None) -> Extraction:
    """Run every extract step over one parsed document (``coder``: the package's by default;
    its actor dictionary and gazetteer resolve the actors too)."""
    coder = coder or Coder.default()
    resolve_mentions(document, coder.dictionary, coder.gazetteer)
    events = extract_events(document, coder)
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
