"""The extraction pipeline: Article -> Document -> mentions -> events and quotes (no storage)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span

from accord.extract.counts import Figure, figures_by_event, find_figures, kinds_of, total
from accord.extract.dates import SceneDates
from accord.extract.events import Coder, MentionIndex, build_event, person_spans
from accord.extract.events.coder import CodedEvent
from accord.extract.quotes import extract_quotes
from accord.models import COUNT_KINDS, Actor, Article, Event, Extraction, Place
from accord.nlp import Document, load_nlp, parse, parse_many
from accord.resolve.actors import resolve_mentions
from accord.resolve.places import Gazetteer, countries_in, find_event_place
from accord.sections import (
    SECTION_CHARS,
    Section,
    SectionExtraction,
    join_sections,
    section_article,
    split_sections,
)

CONTEXT_SENTENCES = 4  # how far back a place named earlier still sets the scene
BATCH_CHARS = 100_000  # text per nlp.pipe batch (see _batches)


def extract_events(document: Document, coder: Coder | None = None) -> list[Event]:
    """Code the events of every sentence, with date, place and counts from the same sentence.

    A sentence that names no place takes the place named in the few sentences before it, or
    else the one in the headline (wire stories set the scene once); one that gives no date is
    dated by ``SceneDates`` (the scene of its paragraph, else the publication date as a bound).
    The event's ``why`` says which.
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
    scene_dates = SceneDates(sentences, article.published)
    events: list[Event] = []
    for sentence_index, sentence in enumerate(sentences):
        coded = coder.code_sentence(sentence, index, place=places[sentence_index])
        coded, shares = _counted(coded, sentence, sentence_index, events, scene_dates.paragraphs)
        if not coded:
            continue
        place, place_why = places[sentence_index], None
        if place is None:
            place, place_why = _place_in_context(
                places, sentence_index, article, prefer_countries, gazetteer
            )
        for event, share in zip(coded, shares, strict=True):
            counts = total(share)
            predicate = event.candidate.predicate
            date, date_why = scene_dates.date_of(
                sentence_index, sentence, predicate, event.modality, event.candidate.token
            )
            context_why = [why for why in (place_why, date_why) if why]
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
    return events


def _counted(
    coded: list[CodedEvent],
    sentence: Span,
    sentence_index: int,
    events: list[Event],
    paragraphs: list[int],
) -> tuple[list[CodedEvent], list[list[Figure]]]:
    """The sentence's events with the figures of each (``figures_by_event``), after casualty
    reports join their attack; figures the sentence states for the attack of the sentence
    before ("... near Konduga. 2 fatalities.") are added to it in ``events``."""
    figures = find_figures(sentence)
    words = [(e.type, e.mode, e.candidate.token, e.candidate.predicate) for e in coded]
    before = _attack_told_before(events, sentence_index, paragraphs)
    coded, shares, told_after = _casualty_reports_join_attacks(
        coded, figures_by_event(figures, words), before is not None
    )
    if before is not None and (told_after or (figures and not coded)):
        events[before] = _with_counts_from(events[before], told_after or figures, sentence_index)
    return coded, shares


def _casualty_reports_join_attacks(
    coded: list[CodedEvent], shares: list[list[Figure]], attack_before: bool
) -> tuple[list[CodedEvent], list[list[Figure]], list[Figure]]:
    """Rule "casualty-report-joins-attack": a clause that only counts the dead or wounded of an
    attack ("..., killing 7 soldiers; 6 attackers were killed", "...; 7 killed, 13 injured") is
    that attack's count, not an attack of its own: its figures join the attack told before it
    in the sentence (or else after it). A report with no attack in its sentence is returned
    apart when the sentence before told one (``attack_before``): its figures are for that
    attack. An attack on property keeps its casualties apart (property destruction is its own
    event next to the killings)."""
    reports = [_is_casualty_report(e, share) for e, share in zip(coded, shares, strict=True)]
    attacks = [i for i, event in enumerate(coded) if _can_join(event) and not reports[i]]
    joined = [list(share) for share in shares]
    told_after: list[Figure] = []
    for i, is_report in enumerate(reports):
        if not is_report:
            continue
        before = [a for a in attacks if a < i]
        after = [a for a in attacks if a > i]
        if before or after:
            joined[before[-1] if before else after[0]] += shares[i]
        else:
            told_after += shares[i]
    kept = [i for i, is_report in enumerate(reports) if not is_report]
    if told_after and (kept or not attack_before):  # then the report stays an event
        return coded, shares, []
    return [coded[i] for i in kept], [joined[i] for i in kept], told_after


def _is_casualty_report(event: CodedEvent, share: list[Figure]) -> bool:
    """An attack coded from a casualty word that counts ("6 attackers were killed"), with no
    attacker named (the parser may take the counted for one: "; 5 soldiers and 11 insurgents
    killed")."""
    word = event.candidate.token
    counts = [figure for figure in share if figure.word == word]
    victims_as_subject = any(
        child.dep_ == "nsubj" and child.i == figure.about
        for figure in counts
        for child in word.children
    )
    return (
        event.type == "ASSAULT"
        and bool(counts)
        and (victims_as_subject or all(ref.inferred for ref in event.sources))
    )


def _can_join(event: CodedEvent | Event) -> bool:
    return event.type == "ASSAULT" and event.mode != "destroy"


def _attack_told_before(
    events: list[Event], sentence_index: int, paragraphs: list[int]
) -> int | None:
    """The last attack of the sentence before, in the same paragraph (its index in events)."""
    previous = sentence_index - 1
    if previous < 0 or paragraphs[previous] != paragraphs[sentence_index]:
        return None
    for position in range(len(events) - 1, -1, -1):
        told_in = events[position].evidence.sentence_index
        if told_in < previous:
            return None
        if told_in == previous and _can_join(events[position]):
            return position
    return None


def _with_counts_from(event: Event, figures: list[Figure], sentence_index: int) -> Event:
    """The attack with the counts a following sentence states ("... near Konduga. 2
    fatalities."), for the kinds it has none of (a restatement adds nothing: "killing 23
    soldiers. 23 fatalities.")."""
    stated = total([f for f in figures if f.kind in kinds_of(event.type, event.mode)])
    missing = {
        kind: getattr(stated, kind)
        for kind in COUNT_KINDS
        if getattr(event.counts, kind) is None and getattr(stated, kind) is not None
    }
    if not missing:
        return event
    why = (
        f"{event.evidence.why}; casualty-report-joins-attack: counts from sentence {sentence_index}"
    )
    return replace(
        event,
        counts=replace(event.counts, **missing),
        evidence=replace(event.evidence, why=why),
    )


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


def section_chars() -> int:
    """The longest text parsed in one piece: ``SECTION_CHARS``, or less if the model says so."""
    return min(SECTION_CHARS, load_nlp().max_length)


def extract_article(article: Article) -> Extraction:
    """Parse and extract one article (a long one section by section, see ``accord.sections``)."""
    if len(article.text) > section_chars():
        return next(extract_many([article]))
    return process(parse(article))


def extract_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Parse (batched with ``nlp.pipe``) and extract a stream of articles, in order.

    A long article goes through as its sections, joined again after its last one, so no text
    longer than ``section_chars()`` is parsed in one piece; a batch holds at most
    ``batch_size`` texts and ``BATCH_CHARS`` characters.
    """
    parts: list[SectionExtraction] = []
    for batch in _batches(_sections(articles), batch_size):
        texts = [section_article(article, section) for article, section, _ in batch]
        documents = parse_many(texts, batch_size=len(batch))
        for (article, section, last), document in zip(batch, documents, strict=True):
            parts.append(SectionExtraction(section, len(document.sentences), process(document)))
            if last:
                yield join_sections(article, parts)
                parts = []


PendingSection = tuple[Article, Section, bool]  # the article, a section, whether the last


def _sections(articles: Iterable[Article]) -> Iterator[PendingSection]:
    for article in articles:
        sections = split_sections(article.text, section_chars())
        for number, section in enumerate(sections, start=1):
            yield article, section, number == len(sections)


def _batches(sections: Iterator[PendingSection], size: int) -> Iterator[list[PendingSection]]:
    """Consecutive sections, at most ``size`` texts and ``BATCH_CHARS`` characters together
    (spaCy's memory grows with a batch's text: 16 sections of 20,000 took 1.2 GB)."""
    batch: list[PendingSection] = []
    chars = 0
    for pending in sections:
        length = len(pending[1].text)
        if batch and (len(batch) == size or chars + length > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(pending)
        chars += length
    if batch:
        yield batch
