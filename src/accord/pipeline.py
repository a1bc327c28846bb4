"""The extraction pipeline: Article -> Document -> mentions -> events and quotes (no storage)."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date as calendar_day
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from accord.extract.counts import Figure, figures_by_event, find_figures, kinds_of, total
from accord.extract.dates import (
    DONE_MODALITIES,
    ONE_DAY_RULE,
    SceneDates,
    day_on_the_noun,
    happening_nouns,
    lasting_happenings,
    one_day_of_the_sentence,
    publication_date,
)
from accord.extract.dates import warm_up as warm_dates
from accord.extract.events import Coder, MentionIndex, build_event, person_spans
from accord.extract.events.coder import CodedEvent
from accord.extract.events.lexicon import Lexicon, lemma_of
from accord.extract.events.restatements import why_with_rule
from accord.extract.events.rules import DEFINITE_MENTION_RULE
from accord.extract.events.triggers import REPORTED_JUDGEMENT, REPORTED_WRONG, Candidate
from accord.extract.quotes import extract_quotes
from accord.models import (
    COUNT_KINDS,
    DIRECT_KINDS,
    Actor,
    ActorMention,
    ActorRef,
    Article,
    DateValue,
    Event,
    Evidence,
    Extraction,
    Place,
    Quote,
)
from accord.nlp import (
    Document,
    children_of,
    load_nlp,
    parse,
    parse_headlines,
    parse_many,
    sentence_text,
    span_tokens,
)
from accord.resolve.actors import is_national_group, resolve_mentions
from accord.resolve.places import (
    PlaceContext,
    clause_owner,
    country_place,
    most_specific,
    place_context,
    place_token,
    places_in,
    the_cities_of_the_story,
    the_countries,
    towns_taken_for_actors,
    written_on,
)
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
# Acts on the ground happen where they are done; the other acts (talks, statements, deals,
# sanctions) where they are said, held or signed, never at the place of the fighting they are
# about ("talks in Doha on the war in Sudan"). Places do not pass between the two spheres,
# within a sentence or from one sentence to the next.
COUNTS_RULE = "casualty-report-joins-attack"
PLACE_TARGET_RULES = {"place-is-target", "place-in-object-is-target"}
GROUND_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"})


def extract_events(
    document: Document,
    coder: Coder | None = None,
    context: PlaceContext | None = None,
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """Code the events of every sentence, with date, place and counts.

    An event's place is the most specific place of its own clause, or of the clauses around
    it (``event_place``). An event in a sentence that names no place takes the place of an
    event of its sphere (ground or talk) in the few sentences before, or of a sentence there
    with no event, or else the headline's (wire stories set the scene once). An event whose
    sentence gives no date is dated by ``SceneDates`` (the scene of its paragraph, else the
    publication date as a bound); counts are the figures of its own clauses
    (``figures_by_event``), a casualty report joining its attack. The event's ``why`` says
    which. ``coder`` defaults to the package's (``Coder.default()``), ``context`` to the
    document's (``place_context``). ``quotes`` (the document's) tell who speaks the words
    inside quote marks, for the acts said there without a named subject.
    """
    coder = coder or Coder.default()
    article = document.article
    index = MentionIndex(document.mentions)
    index.hear(voices_of(quotes))
    gazetteer = coder.gazetteer
    context = replace(
        context or place_context(document.doc, document.mentions, gazetteer),
        where_acts_happen=True,
    )
    not_places = person_spans(document.mentions)
    sentences = list(document.doc.sents)
    named = the_cities_of_the_story(
        sentences,
        [places_in(s, context, not_places, gazetteer) for s in sentences],
        context,
        gazetteer,
    )
    scene_dates = SceneDates(sentences, article.published)
    lead_venue = venue_after_the_lead(sentences, named, scene_dates.lead, coder.lexicon)
    countries_by_sentence = _countries_by_sentence(document.mentions)
    scenes: list[Scene] = []
    events: list[Event] = []
    for sentence_index, sentence in enumerate(sentences):
        sentence_place = most_specific(named[sentence_index])
        candidates = coder.candidates(sentence, index)
        placeless: Placeless = {}
        coded = [
            event
            for candidate in candidates
            if (event := _coded_at(coder, candidate, index, sentence_place, placeless)) is not None
        ]
        spheres = trigger_spheres(candidates, coded, sentence, coder.lexicon)
        coded, shares = _counted(coded, sentence, sentence_index, events, scene_dates.paragraphs)
        if not coded:
            if sentence_place is not None and _where_people_were_taken(sentence_place, sentence):
                sentence_place = _only_its_country(sentence_place, gazetteer)
            if sentence_place is not None and not said_there(
                sentence_place, sentence, coder.lexicon
            ):
                scenes.append(scene_of(sentence_place, sentence_index, sentence, spheres))
            continue
        own_places = [
            event_place(named[sentence_index], sentence, e, spheres, coder.lexicon) for e in coded
        ]
        venue = lead_venue if sentence_index == scene_dates.lead else None
        story_countries = the_countries(sentence, context, named[sentence_index], gazetteer)
        dates: list[DateValue | None] = []
        for event, place, share in zip(coded, own_places, shares, strict=True):
            if place != sentence_place:  # the coder's place rules read the event's own place
                event = _recoded_at(coder, event, index, place, placeless)
            place_why = None
            if place is None and not named[sentence_index]:  # a sentence naming no place
                told_on = scene_dates.own_date(
                    sentence, event.candidate.predicate, event.candidate.token
                )
                place, place_why = _place_in_context(
                    related_scenes(
                        scenes, event, countries_by_sentence, told_on, article.published
                    ),
                    sentence_index,
                    sphere(event.type),
                    article,
                    context,
                    coder,
                    document.headline,
                )
                if place is None or place_why == HEADLINE_WHY:
                    people_place = _place_of_people(sentence, context, coder)
                    if people_place is not None:
                        place, place_why = people_place, "place whose people the sentence names"
                if place is not None and sphere(event.type) == "ground":
                    # an act on the ground happened in the scene: the rules that read the place
                    # (place-is-target, detention-by-the-state) read the scene's
                    event = _recoded_at(coder, event, index, place, placeless)
            if venue is not None and _takes_a_venue(event, place):
                place, place_why = venue
            if place is None:
                country = event_place(story_countries, sentence, event, spheres, coder.lexicon)
                if country is not None:
                    place, place_why = country, f"the-country-of-the-story: {country.name}"
            if place is None and (home := home_of_a_domestic_act(event, gazetteer)) is not None:
                place, place_why = home, f"{DOMESTIC_RULE}: {home.name}"
            if place is None or place.precision == "country":
                finer = place_its_retelling_gives(
                    event, place, sentences, named, sentence_index, coder.lexicon
                )
                if finer is not None:
                    place, place_why = finer, f"{TOLD_NEXT_RULE}: {finer.name}"
            predicate, word = dating_clause(event.candidate)
            date, date_why = scene_dates.date_of(
                sentence_index, sentence, predicate, dating_modality(event), word
            )
            if predicate is not event.candidate.predicate and date is not None:
                told = f"{STANCE_DATE_RULE}: dated by '{predicate.text}'"
                date_why = f"{told}; {date_why}" if date_why else told
            if date is not None and date.start is not None and date_why is not None:
                known = day_the_known_act_was_named(
                    event, sentence_index, sentences, article.published, coder.lexicon
                )
                if known is not None:
                    date, date_why = known[0], f"{KNOWN_ACT_DAY_RULE}: from sentence {known[1]}"
                    scene_dates.keep(date, sentence_index, known[1], predicate)
            happenings = happenings_it_was_during(
                event, sentence_index, (sentences, named, scene_dates), events
            )
            if happenings:
                before = place
                date, date_why, place, place_why = _from_the_happening(
                    happenings, (date, date_why), (place, place_why)
                )
                if place != before and sphere(event.type) == "ground":  # as for a scene's place
                    event = _recoded_at(coder, event, index, place, placeless)
            dates.append(date)
            context_why = list(dict.fromkeys(why for why in (place_why, date_why) if why))
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
                    counts=total(held_by_armed_group(event, here(share, place), sentence)),
                )
            )
        dates = _one_day_of_the_sentence(events, len(events) - len(coded), dates, coded)
        sentence_day = next((day for day in dates if day is not None and day.start), None)
        scenes.extend(
            Scene(
                sentence_index,
                sphere(event.type),
                place,
                day if day and day.start else sentence_day,
                speakers_of(coded) if said_there(place, sentence, coder.lexicon) else None,
            )
            for event, place, day in zip(coded, own_places, dates, strict=True)
            if place is not None
        )
        scenes.extend(
            talked_of_scenes(
                named[sentence_index],
                sentence,
                sentence_index,
                coded,
                spheres,
                scene_dates,
                _publication_day(article.published),
            )
        )
    return coder.finish_article(in_the_one_town(events, named, scenes))


def _one_day_of_the_sentence(
    events: list[Event], first: int, dates: list[DateValue | None], coded: Sequence[CodedEvent]
) -> list[DateValue | None]:
    """Dates the sentence's undated acts by its one day (rule "one-day-of-the-sentence",
    ``accord.extract.dates.one_day_of_the_sentence``): replaces ``events[first:]`` in place
    and returns the sentence's dates."""
    acts = [(event.candidate.token, event.candidate.predicate) for event in coded]
    found = one_day_of_the_sentence(dates, acts)
    if found is None:
        return dates
    day, taking = found
    dated = list(dates)
    for offset in taking:
        event = events[first + offset]
        why = f"{event.evidence.why}; {ONE_DAY_RULE}: '{day.text}'"
        events[first + offset] = replace(event, date=day, evidence=replace(event.evidence, why=why))
        dated[offset] = day
    return dated


def talked_of_scenes(
    places: list[Place],
    sentence: Span,
    sentence_index: int,
    coded: list,
    spheres,
    scene_dates: SceneDates,
    news: DateValue | None,
) -> list[Scene]:
    """Rule "an-act-talked-of-sets-the-scene": a lead that tells an act on the ground through
    what was said of it ("Zelenskyy condemned a Russian missile strike that killed 51 civilians
    in the village of Hroza") places that act, so the sentences after it that tell the act
    itself ("The missile hit a cafe ...") are there: the places written on a ground act inside
    a talk act, not coded itself, set the scene of the ground, unless that act's words date it
    weeks from the ``news`` ("the release of those abducted by Hamas in Israel on October 7"
    is the past, not the scene of today's news)."""
    talk = [e.candidate.predicate for e in coded if sphere(e.type) == "talk"]
    told = {t.i for e in coded for t in (e.candidate.token, e.candidate.predicate)}
    found = []
    for place in places:
        token = place_token(place, sentence)
        owner = clause_owner(token, spheres) if token is not None else None
        if owner is None or owner.i in told or spheres.get(owner.i) != {"ground"}:
            continue  # a ground act coded in its own right set its scene already
        if any(predicate.is_ancestor(owner) for predicate in talk):
            day = scene_dates.own_date(sentence, owner, owner)
            if not _months_apart(day, news):
                found.append(Scene(sentence_index, "ground", place, day))
    return found


# Who holds hostages rather than prisoners: non-state armed groups and unidentified captors.
CAPTOR_SECTORS = {"REB", "UAF"}
# Captives named as prisoners stay prisoners, whoever frees them.
PRISONER_LEMMAS = {"prisoner", "pow", "detainee", "inmate"}


def here(share: list[Figure], place: Place | None) -> list[Figure]:
    """Rule "a-figure-of-another-place": "killed 11 people in Dnipro and one in Kyiv": a figure
    its own words put in another town than the event's is that town's, not this event's."""
    if place is None:
        return share
    kept = [figure for figure in share if not _placed_elsewhere(figure, place)]
    return kept if kept else share


def _placed_elsewhere(figure: Figure, place: Place) -> bool:
    doc = figure.word.doc
    words = [figure.word, *([doc[figure.about]] if 0 <= figure.about < len(doc) else [])]
    names = {place.text.lower(), place.name.lower()}
    for word in words:
        for preposition in children_of(word):
            if preposition.dep_ != "prep" or preposition.lower_ not in {"in", "at"}:
                continue
            for where in children_of(preposition):
                if where.dep_ != "pobj" or where.ent_type_ not in {"GPE", "LOC", "FAC"}:
                    continue
                named = " ".join(t.text for t in where.subtree if t.ent_type_).lower()
                if named and not any(named in n or n in named for n in names):
                    return True
    return False


def held_by_armed_group(event: CodedEvent, share: list[Figure], sentence: Span) -> list[Figure]:
    """Rule "captives-of-armed-groups-are-hostages": "Hamas freed four Israeli soldiers",
    "Hamas released 10 Thai nationals": the people a non-state armed group frees were its
    hostages (count kind hostages), unless the text calls them prisoners."""
    sources = event.sources
    if (
        event.type != "RETREAT"
        or not sources
        or any(s.sector not in CAPTOR_SECTORS for s in sources)
    ):
        return share
    doc = sentence.doc
    return [
        replace(figure, kind="hostages")
        if figure.kind == "prisoners"
        and not (
            0 <= figure.about < len(doc) and doc[figure.about].lemma_.lower() in PRISONER_LEMMAS
        )
        else figure
        for figure in share
    ]


# id -> an event as the coder returned it, when no rule read the place for it (it codes the
# same at any place); held, so an id is never another object's
Placeless = dict[int, CodedEvent]


def _coded_at(
    coder: Coder,
    candidate: Candidate,
    index: MentionIndex,
    place: Place | None,
    placeless: Placeless,
) -> CodedEvent | None:
    """``coder.code_candidate``, noting in ``placeless`` an event no rule read the place for."""
    event, anywhere = coder.code_candidate_placeless(candidate, index, place)
    if event is not None and anywhere:
        placeless[id(event)] = event
    return event


def _recoded_at(
    coder: Coder, event: CodedEvent, index: MentionIndex, place: Place | None, placeless: Placeless
) -> CodedEvent:
    """The event coded again at another ``place`` (the coder's place rules read it), or kept
    when the coding fails. An event still as the coder returned it with no rule reading the
    place would come out the same: it is kept as it is (on the bench corpus, 165 of the 305
    second codings)."""
    if placeless.get(id(event)) is event:
        return event
    return _coded_at(coder, event.candidate, index, place, placeless) or event


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
        events[before] = _with_counts_from(
            events[before], told_after or figures, sentence, sentence_index
        )
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
    coded = list(coded)  # an attack a report joins takes its victims (``_with_victims_of``)
    reports = [_is_casualty_report(e, share) for e, share in zip(coded, shares, strict=True)]
    attacks = [i for i, event in enumerate(coded) if _can_join(event) and not reports[i]]
    if not attacks and not attack_before and sum(reports) > 1:
        # "Besides the 13 killed, 15 were wounded in the blast": tallies of one attack, the
        # one that names its means standing for it
        tallies = [i for i, is_report in enumerate(reports) if is_report]
        keeper = next((i for i in tallies if coded[i].mode), tallies[0])
        reports[keeper] = False
        attacks = [keeper]
    joined = [list(share) for share in shares]
    told_after: list[Figure] = []
    for i, is_report in enumerate(reports):
        if not is_report:
            continue
        before = [a for a in attacks if a < i]
        after = [a for a in attacks if a > i]
        if before or after:
            attack = before[-1] if before else after[0]
            joined[attack] += shares[i]
            coded[attack] = _with_victims_of(coded[attack], coded[i])
        else:
            told_after += shares[i]
    kept = [i for i, is_report in enumerate(reports) if not is_report]
    if told_after and (kept or not attack_before):  # then the report stays an event
        return coded, shares, []
    return [coded[i] for i in kept], [joined[i] for i in kept], told_after


def _with_victims_of(attack: CodedEvent, report: CodedEvent) -> CodedEvent:
    """The attack a casualty report joins takes the report's victims as its targets when it
    names none of its own, only a place's state ("At least 25 people were killed when an
    airstrike hit a school in Gaza City": the people, not the State of Palestine)."""
    named = victims_of_report(report, attackers={ref.actor_id for ref in attack.sources})
    if not named or any(not ref.inferred for ref in attack.targets):
        return attack
    why = f"{attack.why}; the casualties its report counts are its targets"
    rules = (*(r for r in attack.rules if r not in PLACE_TARGET_RULES), COUNTS_RULE)
    return replace(attack, targets=tuple(named), why=why, rules=rules)


def victims_of_report(report: CodedEvent, attackers: set[str]) -> list[ActorRef]:
    """Rule "the-attacker-is-not-its-own-victim": the victims a casualty report names are its
    named targets that are not the attack's own doers, or, when the parser took the counted for
    the report's subject ("... near Bol; 5 fishermen killed"), its named subject. A parse that
    hangs the attacker on the counting word ("Russian army shelled Nikopol district, 1 killed,
    3 injured": "injured" takes "army") would else make the attacker its own target, coded
    with the attacker's country instead of the scene's (the place's people stay the target)."""
    named = [ref for ref in report.targets if not ref.inferred and ref.actor_id not in attackers]
    counted = [ref for ref in report.sources if not ref.inferred and ref.actor_id not in attackers]
    return named or counted


def _is_casualty_report(event: CodedEvent, share: list[Figure]) -> bool:
    """An attack coded from a casualty word that counts ("6 attackers were killed"), with no
    attacker named (the parser may take the counted for one: "; 5 soldiers and 11 insurgents
    killed")."""
    word = event.candidate.token
    counts = [figure for figure in share if figure.word == word]
    victims_as_subject = any(
        child.dep_ in {"nsubj", "nsubjpass"} and child.i == figure.about
        for figure in counts
        for child in children_of(word)
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


def _with_counts_from(event: Event, figures: list[Figure], sentence: Span, index: int) -> Event:
    """The attack with the counts a following sentence states ("... near Konduga. 2
    fatalities."), for the kinds it has none of (a restatement adds nothing: "killing 23
    soldiers. 23 fatalities.").

    The event's evidence stays the sentence that tells the attack; the sentence that gives the
    counts is kept beside it as a mention (its own text and offsets), so every figure points
    to the words that state it, and the rule's name joins the others at the end of the why."""
    stated = total([f for f in figures if f.kind in kinds_of(event.type, event.mode)])
    missing = {
        kind: getattr(stated, kind)
        for kind in COUNT_KINDS
        if getattr(event.counts, kind) is None and getattr(stated, kind) is not None
    }
    if not missing:
        return event
    note = f"{COUNTS_RULE}: counts from sentence {index}"
    why = why_with_rule(event.evidence.why, note, COUNTS_RULE)
    text = sentence_text(sentence).rstrip()
    counted = Evidence(
        sentence_index=index,
        start=sentence.start_char,
        end=sentence.start_char + len(text),
        sentence=text,
        why=f"{note} (the counts of the attack in sentence {event.evidence.sentence_index})",
        sentence_start=sentence.start_char,
    )
    return replace(
        event,
        counts=replace(event.counts, **missing),
        evidence=replace(event.evidence, why=why),
        mentions=(*event.mentions, counted),
    )


class Scene(NamedTuple):
    """A place an earlier sentence gave an event (``sphere`` "talk" or "ground") or named
    with no event (``sphere`` None: it sets the scene for both)."""

    sentence_index: int
    sphere: str | None
    place: Place
    date: DateValue | None = None  # the date of the event that set it, if any
    speakers: frozenset[str] | None = None  # where they spoke: it holds for their acts only


def sphere(event_type: str | None) -> str:
    """ "ground" for acts on the ground (``GROUND_TYPES``), "talk" for the rest."""
    return "ground" if event_type in GROUND_TYPES else "talk"


def trigger_spheres(candidates: list, coded: list, sentence: Span, lexicon) -> dict[int, set[str]]:
    """Token index -> spheres of the events (or, uncoded, the triggers: "Talks in Doha ...
    resumed" with no actor named; the lexicon's verbs: "the exchange agreed in Istanbul")
    whose trigger or predicate it is."""
    spheres: dict[int, set[str]] = {}
    for token in span_tokens(sentence):
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


DESTINATION_PREPOSITIONS = {"to", "into", "toward", "towards"}


def _where_people_were_taken(place: Place, sentence: Span) -> bool:
    """Rule "where-the-carried-went-is-no-scene": "Some victims were airlifted to nearby
    Zamboanga", "the wounded were rushed to hospitals in Kabul": where people were carried
    is not where the story's acts happen, so it sets only its country as the scene for the
    sentences after it (``_only_its_country``)."""
    token = place_token(place, sentence)
    if token is None:
        return False
    node = token
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        if node.dep_ == "pobj" and node.head.lower_ in DESTINATION_PREPOSITIONS:
            verb = node.head.head
            return verb.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in children_of(verb))
        node = node.head
    return False


def _only_its_country(place: Place, gazetteer) -> Place | None:
    """The country a place is in, as the scene's place (None when it has none)."""
    if not place.country or place.precision == "country":
        return place if place.country else None
    return country_place(place.country, gazetteer)


SPEAKING_VERBS = {"speak"}  # beside the lexicon's reporting verbs ("say", "tell", "announce")


def said_there(place: Place, sentence: Span, lexicon: Lexicon) -> bool:
    """Rule "where-a-speaker-speaks-holds-for-the-speaker": a place written on a verb that
    reports a clause, or on its speaker ("Trump ... stated in Abu Dhabi that a summit with
    Russian President Vladimir Putin would take place"; "In Washington, State Department
    spokesman Robert Wood confirmed that Russian forces have begun leaving Georgia"; "Biden
    said at the White House") is where words were said, not where the acts of the others
    after it took place ("Turkish Foreign Minister Hakan Fidan opened the talks by urging
    ..." is not in Abu Dhabi). It sets the scene only for the later acts of talk of the
    sentence's own actors (``speakers_of``, read by ``related_scenes``); a sentence that codes
    no event names no speaker, so its place sets no scene."""
    token = place_token(place, sentence)
    if token is None:
        return False
    verb = clause_owner(token, ())
    return _reports_a_clause(verb, lexicon) and not _inside_the_clause_reported(token, verb)


def speakers_of(coded: Sequence[CodedEvent]) -> frozenset[str]:
    """The actors who say what a sentence tells: the sources of its events."""
    return frozenset(ref.actor_id for event in coded for ref in event.sources)


def _reports_a_clause(verb: Token, lexicon: Lexicon) -> bool:
    """A reporting verb that reports a clause ("said he was sending", "told VOA that"), not one
    that tells where troops were sent ("were posted in central Kathmandu") or what was reported
    ("Protests are not reported in Mosul")."""
    lemma = lemma_of(verb, lexicon)
    return (lemma in lexicon.reporting_verbs or lemma in SPEAKING_VERBS) and any(
        child.dep_ == "ccomp" for child in children_of(verb)
    )


def _inside_the_clause_reported(token: Token, verb: Token) -> bool:
    """Whether a place, or an act's word, is in what is said ("said troops were sent to
    Kidal"; "announced the United States is providing": providing), not where."""
    return any(
        child.dep_ == "ccomp" and (child.i == token.i or child.is_ancestor(token))
        for child in children_of(verb)
    )


def scene_of(place: Place, sentence_index: int, sentence: Span, spheres) -> Scene:
    """The scene a sentence with no coded event sets: its place, in the sphere of the trigger
    it is written on ("Talks in Doha ... resumed": talk), else in both."""
    token = place_token(place, sentence)
    owner = clause_owner(token, spheres) if token is not None else None
    owned = spheres.get(owner.i, set()) if owner is not None else set()
    return Scene(sentence_index, next(iter(owned)) if len(owned) == 1 else None, place)


def event_place(
    places: list[Place], sentence: Span, event, spheres, lexicon: Lexicon
) -> Place | None:
    """The place of one coded event among the places its sentence names: those of its own
    clause (the clause or trigger a place hangs from, ``clause_owner``), else those of the
    clauses around and below it, else those of a clause beside it that is not a supposition
    ("... rejected the plan, and might end up before the court in The Hague"). Never those of
    an act of the other sphere ("talks in Doha on the war in Sudan"; "the exchange agreed in
    Istanbul"), except, last, for an act of talk with no place of its own, the place of the
    act it is about ("threatened to ban voting in East Jerusalem"), and never those of a
    clause that describes a thing talked of (``_told_of_a_thing_below``), nor where the words
    that report the act were said (``_said_where_it_is_reported``, read with the ``lexicon``)."""
    if not places:
        return None
    mine = {event.candidate.token.i, event.candidate.predicate.i}
    own_sphere, predicate = sphere(event.type), event.candidate.predicate
    own, around, beside, content, spoken = [], [], [], [], []
    for place in places:
        token = place_token(place, sentence)
        owner = clause_owner(token, spheres) if token is not None else None
        if owner is not None and _said_where_it_is_reported(token, owner, event, lexicon):
            spoken.append(place)  # "Today in New York, Clinton announced the US is providing"
            continue
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
        elif _about_a_person(owner):
            continue  # "freed Krasikov, who was serving a life sentence in Germany"
        elif event.type in TOLD_OF_TYPES and _told_of_a_thing_below(owner, predicate):
            continue  # "reached a cease-fire agreement that will go into effect in Gaza"
        elif owner.is_ancestor(predicate) or predicate.is_ancestor(owner):
            around.append(place)
        else:
            beside.append(place)
    return most_specific(own or around or beside or content or spoken)


def _said_where_it_is_reported(token: Token, owner: Token, event, lexicon: Lexicon) -> bool:
    """Rule "where-words-were-said-is-not-where-the-act-was": a place written on a verb that
    reports a clause, or on its speaker, is where the words were said (``said_there``), not
    where the act told in the reported clause took place ("Today in New York, Secretary
    Clinton announced the United States is providing nearly $30 million" in aid to Syria;
    "In Washington, State Department spokesman Robert Wood confirmed that Russian forces have
    begun leaving Georgia"). Only for acts on the ground: an act of talk told in the clause is
    the speaker's, said where he spoke ("In Washington, Blinken told reporters that Russia
    should not have stopped ..."). The act's trigger is in the clause; its predicate may be the
    reporting verb itself (a governing verb takes the content it reports). Such a place is
    the act's last choice, taken only when its sentence names no other (``event_place``)."""
    return (
        sphere(event.type) == "ground"
        and _reports_a_clause(owner, lexicon)
        and not _inside_the_clause_reported(token, owner)
        and _inside_the_clause_reported(event.candidate.token, owner)
    )


NOUN_CLAUSE_DEPS = {"relcl", "acl"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Acts of talk that are said, not met at: a visit or a meeting goes where the people it names
# are ("paid a surprise visit to British troops serving in southern Iraq"); a threat or a
# sanction is aimed at those the place names ("threatened sanctions against those undermining
# peace in South Sudan": place-is-target reads South Sudan as its target).
TOLD_OF_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST", "REJECT", "ACCUSE", "CONCEDE"})


def _told_of_a_thing_below(owner: Token, predicate: Token) -> bool:
    """Rule "a-place-describing-what-is-talked-of-is-not-the-talks": a place in a clause on a
    noun below an act of talk ("have reached a cease-fire agreement that will go into effect
    in Gaza", "urged the EU to go after the foreign suppliers of components for
    Iranian-designed drones that are now assembled in Russia", "will also provide $700,000 in
    ... assistance that will help ... the 28,000 people newly displaced by the Palma attacks")
    tells what that thing is, not where the talk took place. Not on the act's subject ("The
    agreement, announced by Qatar's prime minister in Doha on Wednesday, was brokered by
    Qatar"), and not for visits and meetings (``TOLD_OF_TYPES``)."""
    if not predicate.is_ancestor(owner):
        return False
    node, described = owner, False
    while node.i != predicate.i:
        if node.dep_ in NOUN_CLAUSE_DEPS and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            described = True
        if node.dep_ in SUBJECT_DEPS and node.head.i == predicate.i:
            return False  # "The agreement, announced ... in Doha, was brokered by Qatar"
        node = node.head
    return described


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
        for child in children_of(verb)
    )


RELATIVE_PERSON_WORDS = {"who", "whom", "whose"}


def _about_a_person(verb) -> bool:
    """Rule "a-who-clause-places-its-person": a relative clause on a person ("Krasikov, who
    was serving a life sentence in Germany", "a soldier who had fought in Bakhmut") tells
    where that person's story took place, not where the act of the sentence did."""
    return verb.dep_ == "relcl" and any(
        child.lower_ in RELATIVE_PERSON_WORDS
        or any(grand.lower_ == "whose" for grand in children_of(child))
        for child in children_of(verb)
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "poss"}
    )


def _countries_by_sentence(mentions: Iterable[ActorMention]) -> dict[int, set[str]]:
    """Sentence index -> the countries of the actors it names."""
    countries: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.actor.country:
            countries.setdefault(mention.sentence_index, set()).add(mention.actor.country)
    return countries


def related_scenes(
    scenes: list[Scene],
    event: CodedEvent,
    countries_by_sentence: dict[int, set[str]],
    told_on: DateValue | None = None,
    published: str | None = None,
) -> list[Scene]:
    """Rule "scene-shares-a-country": an earlier sentence's place sets the scene only for an
    act of the same story. An act whose actors are of countries that neither the scene's
    sentence names nor its place is in belongs to another story ("... the pilot captured
    after his jet crashed in Syria. The African Union endorsed plans for a force to fight
    Boko Haram" is not in Syria); an act naming no country's actor takes the scene. Rule
    "scene-shares-a-time": nor does an act its sentence dates a month or more from the
    scene's act ("After his talk with Macron in Paris on Friday ... Iran and the powers
    reached the nuclear deal on July 14, 2015": not in Paris); a scene its sentence does not
    date is news of the publication's days. Rule "where-a-speaker-speaks-holds-for-the-speaker"
    (``said_there``): a place where someone spoke sets the scene for an act of talk only when
    a source of the act is among that sentence's actors."""
    news = _publication_day(published)
    own = {ref.country for ref in (*event.sources, *event.targets) if ref.country}
    actors = {ref.actor_id for ref in event.sources}
    return [
        scene
        for scene in scenes
        if (not own or own & _scene_countries(scene, countries_by_sentence))
        and not _months_apart(scene.date or news, told_on)
        and (
            scene.speakers is None
            or sphere(event.type) == "ground"
            or bool(scene.speakers & actors)
        )
    ]


def _scene_countries(scene: Scene, countries_by_sentence: dict[int, set[str]]) -> set[str]:
    """The countries of a scene: its place's and those of the actors its sentence names."""
    return countries_by_sentence.get(scene.sentence_index, set()) | {scene.place.country}


def _publication_day(published: str | None) -> DateValue | None:
    day = publication_date(published) if published else None
    if day is None:
        return None
    return DateValue(text="", start=day.isoformat(), end=day.isoformat(), precision="day")


SCENE_DAYS = 31  # how far apart two dated acts may be and still share a scene


def _months_apart(one: DateValue | None, other: DateValue | None) -> bool:
    """Whether two resolved dates lie more than ``SCENE_DAYS`` apart (unknown: not apart)."""
    if one is None or other is None or not (one.start and one.end and other.start and other.end):
        return False
    first, last = sorted([(one.start, one.end), (other.start, other.end)])
    gap = calendar_day.fromisoformat(last[0]) - calendar_day.fromisoformat(first[1])
    return gap.days > SCENE_DAYS


def _place_in_context(
    scenes: list[Scene],
    sentence_index: int,
    event_sphere: str,
    article: Article,
    context: PlaceContext,
    coder: Coder,
    parsed_title: Doc | None = None,
) -> tuple[Place | None, str | None]:
    """The place that sets the scene for an event its sentence places nowhere, and why: the
    latest place of an event of its sphere (or of a sentence with no event) in the few
    sentences before, else the headline's, if the headline is of its sphere or of none (the
    headline holds for the story's background acts too: "He was imprisoned in 2018").
    ``parsed_title``: the article's title already parsed, if it is."""
    for scene in reversed(scenes):
        if sentence_index - scene.sentence_index > CONTEXT_SENTENCES:
            break
        if scene.sentence_index < sentence_index and scene.sphere in {None, event_sphere}:
            return scene.place, f"place from sentence {scene.sentence_index}"
    headline = headline_scene(article.title, context, coder, parsed_title)
    if headline is None or headline.sphere not in {None, event_sphere}:
        return None, None
    return headline.place, HEADLINE_WHY


VENUE_RULE = "the-venue-is-told-after-the-lead"
VENUE_SENTENCES = 2  # how far after the lead the place of its talks is still told


def venue_after_the_lead(
    sentences: list[Span], named: list[list[Place]], lead: int | None, lexicon: Lexicon
) -> tuple[Place, str] | None:
    """Rule "the-venue-is-told-after-the-lead": a wire lead tells the deal and the sentence
    after it where it was struck ("Rebels say they have agreed to a cease-fire. ... they reached
    the agreement Thursday, during talks in Libreville", "have signed a new peace deal. The
    agreement was signed Monday at talks in Addis Ababa"): the town (or site) of the talks,
    meeting or summit written in one of the ``VENUE_SENTENCES`` after the lead, and why."""
    if lead is None:
        return None
    for index in range(lead + 1, min(lead + 1 + VENUE_SENTENCES, len(sentences))):
        for place in named[index]:
            token = place_token(place, sentences[index])
            if (
                place.precision in {"city", "exact"}
                and token is not None
                and _held_at(token, lexicon)
            ):
                return place, f"{VENUE_RULE}: {place.name} from sentence {index}"
    return None


def _held_at(token: Token, lexicon: Lexicon) -> bool:
    """Whether a place name hangs below a meeting ("at talks in Addis Ababa", "met in Doha"),
    a CONSULT word of the lexicon, within its own clause."""
    node = token
    while node.head.i != node.i:
        node = node.head
        verb = node.pos_ in {"VERB", "AUX"}
        entry = (lexicon.verbs if verb else lexicon.nouns).get(lemma_of(node, lexicon))
        if entry is not None and entry.type == "CONSULT":
            return True
        if verb:
            return False
    return False


def _takes_a_venue(event: CodedEvent, place: Place | None) -> bool:
    """An act of talk (of the lead) that its sentence places nowhere, or only in a country
    ("Rebels in the Central African Republic say they have agreed ...")."""
    return sphere(event.type) == "talk" and (place is None or place.precision == "country")


HEADLINE_WHY = "place from the headline"
DURING_RULE = "an-act-during-the-act-told-before"
DURING_PREPOSITIONS = {"during", "in", "amid"}
ANAPHORIC_DETERMINERS = {"the", "this", "that"}
NOUN_MODIFIERS = {"det", "amod", "compound", "punct"}
CLAUSE_TIME_WORDS = {"earlier", "later", "previously", "before", "since", "ago", "once"}


class Happening(NamedTuple):
    """When and where a happening told before took place, and the sentence that tells it."""

    date: DateValue | None
    place: Place | None
    sentence_index: int
    named: bool  # the sentence names the happening by the act's noun (not only the latest act)


def happenings_it_was_during(
    event: CodedEvent,
    sentence_index: int,
    document: tuple[list[Span], list[list[Place]], SceneDates],
    events: Sequence[Event],
) -> list[Happening]:
    """Rule "an-act-during-the-act-told-before": an act told as part of a happening the story
    has already told, by a definite noun with nothing of its own (no place, no date, no
    complement: "a journalist was also arrested during the raid", "all five were killed during
    the raid", "27 people were killed in the violence", "Wiranto suffered two deep wounds in the
    attack", "protesters gathered during the dinner"), happened when and where that happening
    did, when the act is told as done. The happening is the one the last sentence before that
    names it told (its word, as a noun or a verb: "a private dinner", "police raided"), then
    the latest act of the act's sphere told before; ``document``: the sentences, the places
    each names and the article's ``SceneDates``."""
    if event.modality not in DONE_MODALITIES:
        return []
    noun = _happening_it_was_during(event.candidate.predicate)
    if noun is None or noun.i == event.candidate.token.i:
        return []
    sentences, named, scene_dates = document
    found = []
    naming = _last_sentence_naming(noun.lemma_.lower(), sentences[:sentence_index])
    if naming is not None:
        acts = [e for e in events if e.evidence.sentence_index == naming]
        place = next((e.place for e in acts if e.place is not None), None)
        place = place or most_specific(named[naming])
        found.append(Happening(scene_dates.day_told_in(naming), place, naming, named=True))
    own_sphere = sphere(event.type)
    told_before = [e for e in events if e.evidence.sentence_index < sentence_index]
    latest = next((e for e in reversed(told_before) if sphere(e.type) == own_sphere), None)
    if latest is not None:
        found.append(
            Happening(latest.date, latest.place, latest.evidence.sentence_index, named=False)
        )
    return found


def _last_sentence_naming(lemma: str, sentences: Sequence[Span]) -> int | None:
    """The index of the last of ``sentences`` with a noun or verb of that lemma."""
    for index in range(len(sentences) - 1, -1, -1):
        if any(
            token.lemma_.lower() == lemma and token.pos_ in {"NOUN", "VERB"}
            for token in sentences[index]
        ):
            return index
    return None


def _happening_it_was_during(predicate: Token) -> Token | None:
    """The bare definite happening noun ("the raid", "the attack") a clause is told in; none
    for a lasting one ("captured the village earlier in the war") or a clause with a time word
    of its own ("earlier", "later")."""
    for preposition in children_of(predicate):
        if preposition.dep_ != "prep" or preposition.lower_ not in DURING_PREPOSITIONS:
            continue
        for noun in children_of(preposition):
            if (
                noun.dep_ == "pobj"
                and noun.pos_ == "NOUN"
                and noun.lemma_.lower() in happening_nouns()
                and noun.lemma_.lower() not in lasting_happenings()
                and any(
                    child.dep_ == "det" and child.lower_ in ANAPHORIC_DETERMINERS
                    for child in children_of(noun)
                )
                and all(child.dep_ in NOUN_MODIFIERS for child in children_of(noun))
            ):  # the clause's own time word, looked for only now (a walk of its subtree)
                return None if _has_a_time_word(predicate) else noun
    return None


def _has_a_time_word(predicate: Token) -> bool:
    """Whether a clause has a time word of its own ("earlier", "later", "ago")."""
    return any(word.lower_ in CLAUSE_TIME_WORDS for word in predicate.subtree)


KNOWN_ACT_DAY_RULE = "a-known-act-keeps-its-named-day"


def day_the_known_act_was_named(
    event: CodedEvent,
    sentence_index: int,
    sentences: Sequence[Span],
    published: str | None,
    lexicon: Lexicon,
) -> tuple[DateValue, int] | None:
    """Rule "a-known-act-keeps-its-named-day": an act told by a definite noun the reader already
    knows (``definite-noun-is-told-before``: "They said the attack killed 17 rebels", "The
    assault ... killed five foreign UN employees") happened on the day the story put on that
    act when it first named it ("to discuss Saturday's attack by Colombian troops", "involved
    in Wednesday's deadly attack on a United Nations guesthouse"), not on the day of the news
    the scene carries: the last earlier sentence with a noun of its kind (its own word, or a
    noun the lexicon gives the same type and mode) that carries a day of its own, and that
    sentence. Asked only for an act whose day the scene carried (``extract_events``): a bound
    or no date is left as it is."""
    word = event.candidate.token
    if (
        DEFINITE_MENTION_RULE not in event.rules
        or event.modality not in DONE_MODALITIES
        or word.pos_ != "NOUN"
    ):
        return None
    for index in range(sentence_index - 1, -1, -1):
        for token in reversed(sentences[index]):
            if token.pos_ == "NOUN" and _of_the_same_kind(token, word, lexicon):
                day = day_on_the_noun(token, published)
                if day is not None:
                    return day, index
    return None


def _of_the_same_kind(token: Token, word: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names an act of the kind ``word`` names: the same word, or a noun the
    lexicon gives the same type and mode ("attack" and "assault"; not "release" and
    "cease-fire", both RETREAT)."""
    own = lemma_of(word, lexicon)
    if lemma_of(token, lexicon) == own:
        return True
    own_entry = lexicon.nouns.get(own)
    return own_entry is not None and _a_noun_of_the_kind(
        token, lexicon, own_entry.type, {own_entry.mode}
    )


def _a_noun_of_the_kind(
    token: Token, lexicon: Lexicon, event_type: str, modes: set[str | None]
) -> bool:
    """Whether the lexicon gives a noun the type and one of the modes: the one check of a noun's
    kind both rules that find an act told again by its noun ask, each with its own modes (the
    same mode for a day, "a-known-act-keeps-its-named-day"; also none for a place,
    "an-act-is-where-its-next-telling-places-it")."""
    entry = lexicon.nouns.get(lemma_of(token, lexicon))
    return entry is not None and entry.type == event_type and entry.mode in modes


STANCE_TOLD_WHYS = (REPORTED_JUDGEMENT, REPORTED_WRONG)  # stances read from what is said
STANCE_DATE_RULE = "a-stance-is-dated-by-its-telling"


def dating_modality(event: Event) -> str:
    """The modality an event is dated by. Rule "a-conditional-threat-is-made-when-told":
    "warned of consequences if the 'aggressive actions' are allowed to go unchecked",
    "Ukraine says it will end ... the occupation ..., either through negotiations or by force":
    the condition is the threatened act's; the threat itself is made when it is said, and is
    dated as a made (asserted) act is (the tune labels date such threats, a-voa-ukraine-
    deadline-occupied-buildings E1 and E4, a-wn-cairo-summit-turkey-libya-deal E10)."""
    if event.type == "THREATEN" and event.modality == "conditional":
        return "asserted"
    return event.modality


def dating_clause(candidate: Candidate) -> tuple[Token, Token | None]:
    """The clause whose date is an event's, and the event's own word in it. Rule
    "a-stance-is-dated-by-its-telling": a judgement or accusation read from what a speaker says
    ("They ... deemed that the agreement ... goes against resolution 2259", "claimed he was
    wrongfully imprisoned", "who said the United States had shown 'arrogance'") is made when it
    is said: it takes the date of the saying, not of the clause said (which is in the present,
    or tells the wrong, done before)."""
    predicate = candidate.predicate
    told = candidate.why[:1] and candidate.why[0].startswith(STANCE_TOLD_WHYS)
    if candidate.speaker_is_source and told and predicate.dep_ == "ccomp":
        return predicate.head, None
    return predicate, candidate.token


def _from_the_happening(
    happenings: list[Happening],
    dated: tuple[DateValue | None, str | None],
    placed: tuple[Place | None, str | None],
) -> tuple[DateValue | None, str | None, Place | None, str | None]:
    """The date and place of an act told during a happening told before: the happening's (the
    first of ``happenings`` that gives one), where the act's own words give no day or no place
    (a bound, a scene carried from before or the story's country is no place of its own); the
    day of a happening the story named beats a day carried by the scene rules too."""
    (date, date_why), (place, place_why) = dated, placed
    dating = next((h for h in happenings if h.date is not None and h.date.start), None)
    if dating is not None and (
        date is None or date.start is None or (date_why is not None and dating.named)
    ):
        date, date_why = dating.date, f"{DURING_RULE}: from sentence {dating.sentence_index}"
    if place is None or place_why is not None:
        placing = next((h for h in happenings if h.place is not None), None)
        if placing is not None:
            place = placing.place
            place_why = f"{DURING_RULE}: from sentence {placing.sentence_index}"
    return date, date_why, place, place_why


TOLD_NEXT_RULE = "an-act-is-where-its-next-telling-places-it"
FINER_PRECISIONS = {"exact", "city", "region"}
RETELLING_REACH = 3  # sentences after an act's own that may tell it again (a lead is retold soon)


def place_its_retelling_gives(
    event: CodedEvent,
    place: Place | None,
    sentences: Sequence[Span],
    named: list[list[Place]],
    sentence_index: int,
    lexicon: Lexicon,
) -> Place | None:
    """Rule "an-act-is-where-its-next-telling-places-it": an act on the ground told with no
    place or only its country ("a roadside bomb has killed two American soldiers in northern
    Afghanistan") is where the first of the next ``RETELLING_REACH`` sentences that tells it
    again by a definite noun of its kind, and names a town or area, places it ("the troops were
    in a vehicle that hit the bomb in the Baghi Shirkat area of Kunduz province"; two sentences
    on: "The withdrawal from the Gogra area in eastern Ladakh"): the most specific town or
    area that sentence names, in the act's country when it has one."""
    if sphere(event.type) != "ground":
        return None
    for index in range(
        sentence_index + 1, min(sentence_index + 1 + RETELLING_REACH, len(sentences))
    ):
        following = sentences[index]
        if not any(_a_definite_noun_of_its_kind(token, event, lexicon) for token in following):
            continue
        inside = [
            other
            for other in named[index]
            if other.precision in FINER_PRECISIONS
            and (place is None or other.country == place.country)
        ]
        if inside:
            return most_specific(inside)
    return None


def _a_definite_noun_of_its_kind(token: Token, event: CodedEvent, lexicon: Lexicon) -> bool:
    """ "the bomb" after "a roadside bomb", "the attack" after "was stabbed": a noun with
    "the" that the lexicon gives the act's type, and its mode or none ("the attack" names a
    stabbing; "the arrest" no release)."""
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in children_of(token)):
        return False
    return _a_noun_of_the_kind(token, lexicon, event.type, {None, event.mode})


DOMESTIC_RULE = "a-domestic-act-is-at-home"
# Acts a state or its people's groups carry out on people at home (not deployments or
# withdrawals, which cross borders): coercion, the release of captives, fighting.
DOMESTIC_ACTS = {("COERCE", None), ("RETREAT", "release"), ("ASSAULT", None)}


ONE_TOWN_RULE = "a-ground-act-is-in-the-story's-one-town"
TOWN_PRECISIONS = {"city", "exact"}


def the_story_town(named: list[list[Place]], scenes: list[Scene]) -> Place | None:
    """The one town (or site) a story names, when it names one only and sets a scene on the
    ground there (an act on the ground, or a sentence with no act: not only talks held there,
    a person's past told there)."""
    towns = {
        (place.name, place.country): place
        for places in named
        for place in places
        if place.precision in TOWN_PRECISIONS
    }
    if len(towns) != 1:
        return None
    (town,) = towns.values()
    if not any(
        scene.sphere != "talk"
        and (scene.place.name, scene.place.country) == (town.name, town.country)
        for scene in scenes
    ):
        return None
    return replace(town, text=town.name, char_start=-1, char_end=-1)  # not in the act's sentence


def in_the_one_town(
    events: list[Event], named: list[list[Place]], scenes: list[Scene]
) -> list[Event]:
    """Rule "a-ground-act-is-in-the-story's-one-town": a story that names one town only, and
    tells of the ground there, is the story of that town, so an act on the ground that no
    words place (nor the scene, nor the country of its actors) happened there: "Live televised
    reports from the scene showed scuffles" (Bishkek), "UN security officers battled them for
    at least an hour" (Kabul), "First reports say two demonstrators were injured" (Bishkek).
    Not when its sentence names a place in another country."""
    town = the_story_town(named, scenes)
    if town is None:
        return events
    placed = []
    for event in events:
        named_here = named[event.evidence.sentence_index]
        if (
            event.place is None
            and sphere(event.type) == "ground"
            and all(place.country == town.country for place in named_here)
        ):
            why = f"{event.evidence.why}; {ONE_TOWN_RULE}: {town.name}"
            event = replace(event, place=town, evidence=replace(event.evidence, why=why))
        placed.append(event)
    return placed


def home_of_a_domestic_act(event: CodedEvent, gazetteer) -> Place | None:
    """Rule "a-domestic-act-is-at-home": an act of coercion, a release of captives or an
    attack that no words place, by an actor of its own country on people of that country (a
    government jailing its citizens, rebels freeing their compatriot hostages: "Venezuelan
    officials said they had freed 39 activists", "Iran's government continues its
    crackdown"), happened in that country: it gets the country as its place (country
    precision). A release needs the released named (a foreigner freed in an exchange was freed
    anywhere), an attack a target of its own country (an army alone may strike abroad). An
    actor the text does not name (inferred), or a group whose words do not give its country
    ("security forces", "four fighters": the country may come from a place of the story), does
    not make the act domestic."""
    if (event.type, None) not in DOMESTIC_ACTS and (event.type, event.mode) not in DOMESTIC_ACTS:
        return None
    named = [ref for ref in (*event.sources, *event.targets) if not ref.inferred]
    own_sources = [ref for ref in event.sources if _of_its_own_country(ref)]
    own_targets = [ref for ref in event.targets if _of_its_own_country(ref)]
    targets = [ref for ref in event.targets if not ref.inferred]
    if not own_sources or (event.type == "ASSAULT" and not own_targets):
        return None
    if event.type == "RETREAT" and not targets:
        return None
    countries = {ref.country for ref in named}
    if len(countries) != 1 or None in countries:
        return None
    place = country_place(countries.pop(), gazetteer)
    return replace(place, char_start=-1, char_end=-1) if place is not None else None


def _of_its_own_country(ref: ActorRef) -> bool:
    """Whether an actor's country is its own, not read from the story's places: a named
    actor or a state ("FARC", "Venezuela"), or a national group named with its nationality
    ("Kenyan police", "Colombian FARC rebels"; a group's name starts with it)."""
    if ref.inferred or not ref.country:
        return False
    if not is_national_group(ref.actor_id):
        return True
    nationality = ref.name.split()[0].lower()
    return nationality in ref.text.lower()


PEOPLE_OF_A_PLACE = {"resident", "people", "villager", "inhabitant", "family", "townspeople"}


def _place_of_people(sentence: Span, context: PlaceContext, coder: Coder) -> Place | None:
    """Rule "people-of-a-place": a sentence that places its act nowhere but names the people
    of a town ("Residents of Hroza began digging graves for the 52 people killed") tells of
    that town; it beats the headline's place (a headline may name two towns) but not a scene
    an earlier sentence set."""
    for token in span_tokens(sentence):
        if token.lemma_.lower() not in PEOPLE_OF_A_PLACE:
            continue
        for prep in (c for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "of"):
            for town in (c for c in children_of(prep) if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                name = sentence.doc[town.left_edge.i : town.i + 1].text
                place = coder.gazetteer.geocode(name, context)
                if place is not None and place.precision not in {None, "country", "region"}:
                    start = sentence.doc[town.left_edge.i].idx
                    return replace(place, text=name, char_start=start, char_end=start + len(name))
    return None


@lru_cache(maxsize=64)
def headline_scene(
    title: str | None, context: PlaceContext, coder: Coder, parsed: Doc | None = None
) -> Scene | None:
    """The place a headline names and the sphere of the act it is the place of ("Russian
    missiles kill 12 in Kharkiv": ground; "... talks in Istanbul": talk; None when it is no
    act's); offsets are -1 (not in the text). ``parsed``: the title already parsed (with its
    batch, ``nlp.parse_headlines``), else it is parsed here."""
    if not title:
        return None
    for sentence in (parsed if parsed is not None else load_nlp()(title)).sents:
        place = most_specific(places_in(sentence, context, gazetteer=coder.gazetteer))
        if place is not None:
            candidates = coder.candidates(sentence, MentionIndex(()))
            spheres = trigger_spheres(candidates, [], sentence, coder.lexicon)
            scene = scene_of(place, -1, sentence, spheres)
            return scene._replace(place=replace(place, char_start=-1, char_end=-1))
    return None


def voices_of(quotes: Iterable[Quote]) -> list[tuple[int, int, str]]:
    """The span and speaker's actor id of each direct quote with a known speaker."""
    return [
        (q.evidence.start, q.evidence.end, q.speaker.actor_id)
        for q in quotes
        if q.kind in DIRECT_KINDS and q.speaker is not None and q.speaker.actor_id
    ]


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
    quotes = extract_quotes(document)
    events = extract_events(document, coder, context, quotes)
    return Extraction(
        article=document.article,
        actors=_actors_of(document),
        events=tuple(events),
        quotes=tuple(quotes),
    )


def warm_up() -> Coder:
    """Load what every article needs before the first one: the model, the coder (lexicon,
    actor dictionary, gazetteer, learned model), the gazetteer's subdivision and alternate-name
    indexes and the date parser's English data (built on first use, about 0.6 s that the first
    articles would pay). Returns the coder."""
    load_nlp()
    coder = Coder.default()
    coder.gazetteer.subdivision_entries("")
    coder.gazetteer.index_alternates()
    warm_dates()
    freeze_loaded()
    return coder


@lru_cache(maxsize=1)
def freeze_loaded() -> None:
    """Load the model and the coder, then move every object the process holds to the cycle
    collector's permanent generation (``gc.freeze``), once per process, before any text is
    parsed. The model, lexicon, actor dictionary and gazetteer hold some 420,000 collected
    objects that live as long as the process; each full collection walked them all (about
    0.18 s, in a one-job ingest of the 100 bench articles) to find nothing. Frozen objects
    are still freed by reference counting; only cyclic garbage made before the freeze would
    stay, hence the collection first."""
    load_nlp()
    Coder.default()
    gc.collect()
    gc.freeze()


def section_chars() -> int:
    """The longest text parsed in one piece: ``SECTION_CHARS``, or less if the model says so."""
    return min(SECTION_CHARS, load_nlp().max_length)


def extract_article(article: Article) -> Extraction:
    """Parse and extract one article (a long one section by section, see ``accord.sections``)."""
    if len(article.text) > section_chars():
        return next(extract_many([article]))
    return process(parse(article))


def extract_many(
    articles: Iterable[Article], batch_size: int = 16, coder: Coder | None = None
) -> Iterator[Extraction]:
    """Parse (batched with ``nlp.pipe``) and extract a stream of articles, in order (``coder``:
    the package's by default).

    A long article goes through as its sections, joined again after its last one, so no text
    longer than ``section_chars()`` is parsed in one piece; a batch holds at most
    ``batch_size`` texts and ``BATCH_CHARS`` characters.
    """
    if coder is None:
        freeze_loaded()
    parts: list[SectionExtraction] = []
    for batch in _batches(_sections(articles), batch_size):
        texts = [section_article(article, section) for article, section, _ in batch]
        headlines = parse_headlines(texts)
        documents = parse_many(texts, batch_size=len(batch))
        for (article, section, last), document in zip(batch, documents, strict=True):
            document.headline = headlines.get(document.article.title or "")
            extraction = process(document, coder)
            parts.append(SectionExtraction(section, len(document.sentences), extraction))
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
