"""The extraction pipeline: Article -> Document -> mentions -> events and quotes (no storage)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Span

from accord.extract.counts import extract_counts
from accord.extract.dates import find_event_date
from accord.extract.events import Coder, MentionIndex, build_event, person_spans
from accord.extract.events.lexicon import lemma_of
from accord.extract.quotes import extract_quotes
from accord.models import Actor, Article, DateValue, Event, Extraction, Place
from accord.nlp import Document, load_nlp, parse, parse_many
from accord.resolve.actors import resolve_mentions
from accord.resolve.places import (
    PlaceContext,
    clause_owner,
    most_specific,
    place_context,
    place_token,
    places_in,
    towns_taken_for_actors,
    written_on,
)

CONTEXT_SENTENCES = 4  # how far back a place named earlier still sets the scene
# Acts on the ground happen where they are done; the other acts (talks, statements, deals,
# sanctions) where they are said, held or signed, never at the place of the fighting they are
# about ("talks in Doha on the war in Sudan"). Places do not pass between the two spheres,
# within a sentence or from one sentence to the next.
GROUND_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"})


def extract_events(
    document: Document, coder: Coder | None = None, context: PlaceContext | None = None
) -> list[Event]:
    """Code the events of every sentence, with date, place and counts from the same sentence.

    An event's place is the most specific place of its own clause, or of the clauses around
    it (``event_place``). An event in a sentence that names no place takes the place of an
    event of its sphere (ground or talk) in the few sentences before, or of a sentence there
    with no event, or else the headline's (wire stories set the scene once); the event's
    ``why`` says so. ``coder`` defaults to the package's (``Coder.default()``), ``context``
    to the document's (``place_context``).
    """
    coder = coder or Coder.default()
    article = document.article
    index = MentionIndex(document.mentions)
    gazetteer = coder.gazetteer
    context = context or place_context(document.doc, document.mentions, gazetteer)
    not_places = person_spans(document.mentions)
    sentences = list(document.doc.sents)
    named = [places_in(s, context, not_places, gazetteer) for s in sentences]
    scenes: list[Scene] = []
    events: list[Event] = []
    for sentence_index, sentence in enumerate(sentences):
        sentence_place = most_specific(named[sentence_index])
        candidates = coder.candidates(sentence, index)
        coded = [
            event
            for candidate in candidates
            if (event := coder.code_candidate(candidate, index, sentence_place)) is not None
        ]
        spheres = trigger_spheres(candidates, coded, sentence, coder.lexicon)
        if not coded:
            if sentence_place is not None:
                scenes.append(scene_of(sentence_place, sentence_index, sentence, spheres))
            continue
        counts = extract_counts(sentence)
        own_places = [event_place(named[sentence_index], sentence, e, spheres) for e in coded]
        for event, place in zip(coded, own_places, strict=True):
            if place != sentence_place:  # the coder's place rules read the event's own place
                event = coder.code_candidate(event.candidate, index, place) or event
            place_why = None
            if place is None and not named[sentence_index]:  # a sentence naming no place
                place, place_why = _place_in_context(
                    scenes, sentence_index, sphere(event.type), article, context, coder
                )
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
        scenes.extend(
            Scene(sentence_index, sphere(event.type), place)
            for event, place in zip(coded, own_places, strict=True)
            if place is not None
        )
    return events


class Scene(NamedTuple):
    """A place an earlier sentence gave an event (``sphere`` "talk" or "ground") or named
    with no event (``sphere`` None: it sets the scene for both)."""

    sentence_index: int
    sphere: str | None
    place: Place


def sphere(event_type: str | None) -> str:
    """ "ground" for acts on the ground (``GROUND_TYPES``), "talk" for the rest."""
    return "ground" if event_type in GROUND_TYPES else "talk"


def trigger_spheres(candidates: list, coded: list, sentence: Span, lexicon) -> dict[int, set[str]]:
    """Token index -> spheres of the events (or, uncoded, the triggers: "Talks in Doha ...
    resumed" with no actor named; the lexicon's verbs: "the exchange agreed in Istanbul")
    whose trigger or predicate it is."""
    spheres: dict[int, set[str]] = {}
    for token in sentence:
        if token.pos_ == "VERB":
            entry = lexicon.verbs.get(lemma_of(token, lexicon))
            if entry is not None and entry.type:
                spheres.setdefault(token.i, set()).add(sphere(entry.type))
    for candidate in candidates:
        for token in (candidate.token, candidate.predicate):
            spheres.setdefault(token.i, set()).add(sphere(candidate.entry.type))
    for event in coded:
        for token in (event.candidate.token, event.candidate.predicate):
            spheres.setdefault(token.i, set()).add(sphere(event.type))
    return spheres


def scene_of(place: Place, sentence_index: int, sentence: Span, spheres) -> Scene:
    """The scene a sentence with no coded event sets: its place, in the sphere of the trigger
    it is written on ("Talks in Doha ... resumed": talk), else in both."""
    token = place_token(place, sentence)
    owner = clause_owner(token, spheres) if token is not None else None
    owned = spheres.get(owner.i, set()) if owner is not None else set()
    return Scene(sentence_index, next(iter(owned)) if len(owned) == 1 else None, place)


def event_place(places: list[Place], sentence: Span, event, spheres) -> Place | None:
    """The place of one coded event among the places its sentence names: those of its own
    clause (the clause or trigger a place hangs from, ``clause_owner``), else those of the
    clauses around and below it, else those of a clause beside it that is not a supposition
    ("... rejected the plan, and might end up before the court in The Hague"). Never those of
    an act of the other sphere ("talks in Doha on the war in Sudan"; "the exchange agreed in
    Istanbul"), except, last, for an act of talk with no place of its own, the place of the
    act it is about ("threatened to ban voting in East Jerusalem")."""
    if not places:
        return None
    mine = {event.candidate.token.i, event.candidate.predicate.i}
    own_sphere, predicate = sphere(event.type), event.candidate.predicate
    own, around, beside, content = [], [], [], []
    for place in places:
        token = place_token(place, sentence)
        owner = clause_owner(token, spheres) if token is not None else None
        if owner is None or (owner.i in mine and not _on_the_subject(token, predicate)):
            own.append(place)
        elif owner.i in mine:
            around.append(place)  # "Security forces in Myanmar fired": where the actor is
        elif owner.i in spheres and own_sphere not in spheres[owner.i]:
            if own_sphere == "talk" and (
                predicate.is_ancestor(owner) or owner.is_ancestor(predicate)
            ):
                content.append(place)  # "threatened to ban voting in East Jerusalem"
        elif _supposed(owner):
            continue  # "... and might end up before the court in The Hague"
        elif owner.is_ancestor(predicate) or predicate.is_ancestor(owner):
            around.append(place)
        else:
            beside.append(place)
    return most_specific(own or around or beside or content)


def _on_the_subject(token, predicate) -> bool:
    """Whether a place is written on the subject of the act ("Security forces in Myanmar
    fired ..."): it says where the actor is, less than a place written on the act."""
    node = written_on(token)
    while node.i != predicate.i and node.head.i != node.i:
        if node.dep_ in {"nsubj", "nsubjpass"} and node.head.i == predicate.i:
            return True
        node = node.head
    return False


def _supposed(verb) -> bool:
    """A clause that only supposes ("might end up before the court", "if talks fail")."""
    return any(
        (child.dep_ == "aux" and child.lower_ in {"might", "may", "could", "would"})
        or (child.dep_ == "mark" and child.lower_ in {"if", "unless"})
        for child in verb.children
    )


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
    scenes: list[Scene],
    sentence_index: int,
    event_sphere: str,
    article: Article,
    context: PlaceContext,
    coder: Coder,
) -> tuple[Place | None, str | None]:
    """The place that sets the scene for an event its sentence places nowhere, and why: the
    latest place of an event of its sphere (or of a sentence with no event) in the few
    sentences before, else the headline's, if the headline is of its sphere or of none."""
    for scene in reversed(scenes):
        if sentence_index - scene.sentence_index > CONTEXT_SENTENCES:
            break
        if scene.sentence_index < sentence_index and scene.sphere in {None, event_sphere}:
            return scene.place, f"place from sentence {scene.sentence_index}"
    headline = headline_scene(article.title, context, coder)
    if headline is None or headline.sphere not in {None, event_sphere}:
        return None, None
    return headline.place, "place from the headline"


@lru_cache(maxsize=64)
def headline_scene(title: str | None, context: PlaceContext, coder: Coder) -> Scene | None:
    """The place a headline names and the sphere of the act it is the place of ("Russian
    missiles kill 12 in Kharkiv": ground; "... talks in Istanbul": talk; None when it is no
    act's); offsets are -1 (not in the text)."""
    if not title:
        return None
    for sentence in load_nlp()(title).sents:
        place = most_specific(places_in(sentence, context, gazetteer=coder.gazetteer))
        if place is not None:
            candidates = coder.candidates(sentence, MentionIndex(()))
            spheres = trigger_spheres(candidates, [], sentence, coder.lexicon)
            scene = scene_of(place, -1, sentence, spheres)
            return scene._replace(place=replace(place, char_start=-1, char_end=-1))
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
    context = place_context(document.doc, document.mentions, coder.gazetteer)
    if context.readings or towns_taken_for_actors(document.mentions, context, coder.gazetteer):
        # "Boko Haram fighters attacked Damasak": the resolver, not knowing the article's
        # countries, took a town of them for a person ("gunmen near Berlin in the Eastern
        # Cape": for Germany's); read the names again in context
        resolve_mentions(document, coder.dictionary, coder.gazetteer.in_context(context))
        context = place_context(document.doc, document.mentions, coder.gazetteer)
    events = extract_events(document, coder, context)
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
