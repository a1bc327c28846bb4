"""One act, one record: the sentences of an article that restate an event it already told.

A news article reports each act once, but tells it more than once: the lead says "Russia
released 24 hostages on Friday", the body "the hostages, freed on Friday, were taken to ...".
Two event records of one article are the same act when nothing in them disagrees (type,
modality, mode, actors, day, place, counts) and something ties them (a shared actor, the same
named place, the same word). The merged record keeps the mention that says the most as its
evidence, takes what the others add (a date, a place, counts, an actor) and lists them as
``mentions``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from accord.extract.events.participants import PASSIVE_TARGET_WHY, STATE_SECTORS
from accord.models import COUNT_KINDS, ActorRef, Counts, DateValue, Event, Place
from accord.nlp import SENTENCE_END_MARKS
from accord.resolve.actors import is_national_group
from accord.resolve.places import PRECISION_RANK

RULES_MARK = "; rules: "  # the evidence why ends with the rules that made the event
SPECIFIC_PLACES = {"exact", "city"}
SPEECH_ACTS = {"ACCUSE", "REQUEST", "REJECT", "AGREE", "SUPPORT", "THREATEN", "CONCEDE"}
STEM = 4
LEAD = 2
OWN_WORDS_RULES = {"quoted-words-are-the-speakers", "first-person-is-the-speaker"}
NOUN_TRIGGER_RULE = "noun-trigger"
NOUN_REACH = 3  # "also imposed sanctions", "also imposed new sanctions": "also" before its verb
# "It came six months after India and China pulled back troops": what the news came after is
# another, earlier act (not "Biden's remarks came hours after the cease-fire began")
CAME_AFTER = re.compile(r"\b(?:it|this|the move)\s+(?:came|comes|follows|followed)\b", re.I)
FURTHER_ACT = {
    "also",
    "separately",
    "again",
    "further",
    "additionally",
}  # sentences: what the lead says, the body says again
# "Demonstrations against the movie continue", "Fighting has raged in hot spots for three days":
# an act told as going on is more of it than was told, not the act told before
GOING_ON = {"continue", "continues", "continued", "rage", "rages", "raged", "persist", "persists"}
GOING_ON_REACH = 4  # "Demonstrations against the movie continue": the act's own phrase between
PERFECT_AUXILIARIES = {"has", "have", "had"}  # "Fighting has raged"
PHRASE_OPENERS = {"against", "in", "on", "over", "across", "along", "near", "around", "between"}


@dataclass(frozen=True)
class RestatementWords:
    """The words that make a later mention a restatement: casualty words that only tally an
    act's toll ("two women were injured", "the death toll rose to 12"), as word stems; and the
    saying words that make "also" a further saying, not a further act (the lexicon's)."""

    tally_stems: frozenset[str] = frozenset()
    saying: frozenset[str] = frozenset()  # "also said the attack ...": a further saying, no act
    referring_rule: str = ""  # the coder's rule that marks a definite event noun
    offices: frozenset[str] = frozenset()  # the dictionary's offices and agencies (not people)


def merge_restatements(
    events: Sequence[Event], rule_name: str, words: RestatementWords | None = None
) -> list[Event]:
    """The events of one article with every restatement folded into the event it restates
    (``rule_name`` is added to the merged event's rules). Order: by first mention.

    Besides two records that agree and are tied (``same_act``), a later mention that only
    refers back joins the latest earlier act of its type it does not contradict: a definite
    event noun ("the strike took place in Qamishli", "the latest detentions") and a tally of
    the dead or wounded that names no actor ("Two women and a man were injured")."""
    words = words or RestatementWords()
    groups: list[list[Event]] = []
    joined_by_noun: set[int] = set()  # groups a known noun joined (rule KNOWN_NOUN_RULE)
    for event in events:
        group = None
        if not goes_on(event):  # what goes on restates nothing told before
            group = next((g for g in groups if all(same_act(event, m, words) for m in g)), None)
            if group is None and refers_back(event, words):
                group = _referred_group(groups, event, words, is_victims_tally(event, words))
            if group is None and words.referring_rule in rules_of(event):
                group = _known_act_of_its_noun(groups, event, words)
                if group is not None:
                    joined_by_noun.add(id(group))
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    return [
        group[0]
        if len(group) == 1
        else _noted(merged(group, rule_name), id(group) in joined_by_noun)
        for group in groups
    ]


KNOWN_NOUN_RULE = "a-known-noun-is-the-act-it-names"


def _noted(event: Event, by_noun: bool) -> Event:
    """The merged event, its evidence naming the known-noun rule when that rule joined it (in
    what the evidence says: the rules at its end are the table's, this is a step of
    restatement-is-one-event)."""
    if not by_noun:
        return event
    note = f"{KNOWN_NOUN_RULE}: a known noun names the act told before"
    why = why_with_rule(event.evidence.why, note, "")
    return replace(event, evidence=replace(event.evidence, why=why))


def _referred_group(
    groups: list[list[Event]], event: Event, words: RestatementWords, tally: bool = False
) -> list[Event] | None:
    """The earlier act a referring mention restates: one that gave the same figures ("he
    injured a man and two women" ... "Two women and a man were injured"), else the latest act
    told with the noun it is referred to by ("a missile strike that killed 52" ... "The strike
    on October 5 destroyed the cafe": rule the-noun-names-its-act), else the latest act of its
    kind ("the planned four-day cease-fire" is the truce told before, not the release told
    since: rule a-known-noun-names-its-kind), else the latest act of its type; either only
    when nothing disagrees. A tally's "also" adds victims to that act ("two
    others were also injured"), not a further act."""
    same_type = [g for g in reversed(groups) if g[0].type == event.type]
    counted = [g for g in same_type if _gives_figures_of(g, event)]
    named = [g for g in same_type if _names_the_noun(g, _known_noun(event))]
    of_its_kind = [g for g in same_type if event.mode and g[0].mode == event.mode]
    group = next(iter(counted or named or of_its_kind or same_type), None)
    if group is not None and not all(compatible(m, event, words, tally) for m in group):
        return None
    return group


def _known_act_of_its_noun(
    groups: list[list[Event]], event: Event, words: RestatementWords
) -> list[Event] | None:
    """Rule a-known-noun-is-the-act-it-names: a definite event noun ("the strikes targeted
    camps", "The attack on Mr. Ramos Horta happened at around 7:00 am", "joined the talks as an
    observer") that joined no act for a field that disagrees is still the latest earlier act
    of its type and modality whose sentences use that noun, told on no other day: a side, a
    place or a mode read differently (a carried place, a group's other name) does not make the
    act the article already told another one."""
    noun = _known_noun(event)
    if not noun or not _same_stem(noun, event.trigger):
        return None  # "the bombers struck", "the workers were handed over": a doer or a victim
    stem = noun[:STEM].lower()
    for group in reversed(groups):
        if not any(stem in m.evidence.sentence.lower() for m in group):
            continue
        if all(_told_again(m, event, words) for m in group):
            return group
    return None


def _told_again(first: Event, second: Event, words: RestatementWords) -> bool:
    """``compatible`` without the sides, the place and the mode."""
    if first.type != second.type or not modalities_agree(first, second):
        return False
    if _told_as_another(second, words):
        return False
    if first.evidence.sentence_index == second.evidence.sentence_index:
        return False
    return _same_day(first, second)


KNOWN_NOUN = re.compile(r"told as known \('[^']*?(\w+)'\)")  # the definite-noun rule's words


def _known_noun(event: Event) -> str | None:
    """The noun a definite mention is told by ("the strike", "the hostages"), lower-cased."""
    found = KNOWN_NOUN.search(event.evidence.why)
    return found.group(1).lower() if found else None


def _names_the_noun(group: Sequence[Event], noun: str | None) -> bool:
    """Does a mention of the group use the noun (its word stem) in its sentence?"""
    if not noun:
        return False
    pattern = re.compile(rf"\b{re.escape(noun[:STEM])}", re.I)
    return any(pattern.search(m.evidence.sentence) for m in group)


def _gives_figures_of(group: Sequence[Event], event: Event) -> bool:
    """Does the group state every figure the event states, and the same?"""
    stated = [kind for kind in COUNT_KINDS if getattr(event.counts, kind) is not None]
    return bool(stated) and all(
        any(getattr(m.counts, kind) == getattr(event.counts, kind) for m in group)
        for kind in stated
    )


def refers_back(event: Event, words: RestatementWords) -> bool:
    """Rule "referring-mention": is the mention told as one already known? An event noun after
    a definite determiner ("the strike", "the latest detentions", "this attack"), or a tally
    that names no actor and only counts casualties ("Two women and a man were injured", "the
    death toll rose to 12")."""
    definite = bool(words.referring_rule) and words.referring_rule in rules_of(event)
    return definite or is_victims_tally(event, words)


def is_victims_tally(event: Event, words: RestatementWords) -> bool:
    """Rule "a-tally-of-victims-refers-back": a casualty count that names no actor, or in the
    passive only who fell ("Among the four killed were police officers", "The local police
    chief and two others were also injured", "90 civilians were wounded"), tallies an act told
    before; an active verb has a doer, named or not ("a six-week war in 2020 killed 6,600"),
    and a perfect passive is a running toll."""
    counted = not event.counts.is_empty()
    counted = counted and any(event.trigger.lower().startswith(s) for s in words.tally_stems)
    victims_only = not _has_named(event.sources) and PASSIVE_TARGET_WHY in event.evidence.why
    victims_only = victims_only and not _running_toll(event)
    return counted and (_names_no_actor(event) or victims_only)


def _running_toll(event: Event) -> bool:
    """ "At least 15 people have been killed in a week of protests": a perfect passive sums up
    many acts, not one told before."""
    return _text_before(event).lower().split()[-2:] in (["has", "been"], ["have", "been"])


def compatible(first: Event, second: Event, words: RestatementWords, tally: bool = False) -> bool:
    """Can ``second``, told later, be ``first`` told again? Nothing may disagree: type,
    modality, mode, the day, the place, the actors on each side; and it is no further act
    ("also", "separately"; a ``tally`` of victims may say "also") nor a second act of the same
    sentence."""
    if first.type != second.type or not modalities_agree(first, second):
        return False
    if _told_as_another(second, words) and not (tally and _adds_victims(second)):
        return False
    same_sentence = first.evidence.sentence_index == second.evidence.sentence_index
    if same_sentence and not _clauses_apart(first, second):
        return False
    if not modes_agree(first.mode, second.mode):
        return False
    if not _same_day(first, second) or not _same_place(first, second):
        return False
    return _side(first.sources, second.sources, words.offices) is not False and (
        _side(first.targets, second.targets, words.offices) is not False
    )


def _clauses_apart(first: Event, second: Event) -> bool:
    """Two main clauses of one sentence joined by a semicolon, the later one after it ("a
    suicide bomber targeted worshippers at a mosque; ISKP claimed the attack"): as good as two
    sentences for a mention that refers back."""
    earlier, later = sorted((first.evidence, second.evidence), key=lambda e: e.start)
    if later is not second.evidence:
        return False
    between = earlier.sentence[
        earlier.end - earlier.sentence_start : later.start - later.sentence_start
    ]
    return ";" in between


def same_act(first: Event, second: Event, words: RestatementWords) -> bool:
    """Do two records of one article report the same act? They come from two sentences (or say
    it twice in one: "called on Italy to join, adding 'We call on any other country'") and
    nothing may disagree. Something done is tied by two of: the source, the target, the day
    and the town or site both name; or one of these and the same word ("killed", "killings");
    or, when one names no actor, the same town and the same day or means (a toll told again).
    Something said (a speaker says many things to one listener) is one act when the lead
    says it and the body says it again: the same word ("accused", "accusations") and a shared
    source or target."""
    if first.type != second.type or not modalities_agree(first, second):
        return False
    if _told_as_another(first, words) or _told_as_another(second, words):
        return False
    same_sentence = first.evidence.sentence_index == second.evidence.sentence_index
    if same_sentence and not _same_stem(first.trigger, second.trigger):
        return False  # "released 100 on Thursday, a day after freeing 100": two acts
    if not modes_agree(first.mode, second.mode):
        return False
    if not _same_day(first, second) or not _same_place(first, second):
        return False
    if not _same_counts(first, second):
        return False
    sources = _side(first.sources, second.sources, words.offices)
    targets = _side(first.targets, second.targets, words.offices)
    if sources is False or targets is False:
        return False
    ties = [bool(sources), bool(targets)]
    same_word = _same_stem(first.trigger, second.trigger)
    if _headline_and_lead(first, second) and (same_word or _counted_alike(first, second)):
        return True  # "Gunmen kill 14 in attack on village" over "Jihadists killed 14 ..."
    if first.type in SPEECH_ACTS:  # a speaker says many things to the same listener
        if sources and (same_sentence or _own_words(first) or _own_words(second)):
            return same_word or not same_sentence  # rule the-speakers-words-restate-the-act
        in_lead = min(first.evidence.sentence_index, second.evidence.sentence_index) < LEAD
        return any(ties) and same_word and in_lead
    ties += [_dated_same_day(first, second), _named_place(first, second)]
    actorless = _names_no_actor(first) or _names_no_actor(second)
    if actorless and _same_town(first, second) and (ties[2] or _same_mode(first, second)):
        # "Two women were injured", "two missiles hit a residential district": the act told
        # again, without its actors, in the place (and on the day, or with the means) of it
        return True
    return sum(ties) >= 2 or (any(ties) and same_word)


def _own_words(event: Event) -> bool:
    """Rule "the-speakers-words-restate-the-act": a speech act read from the speaker's own words
    in a quote ("President Obama apologized ... 'I take full responsibility'", "called on Italy
    to join, adding 'We call on any other country'") is the act the report tells in its own
    words, told again by the one who did it."""
    return bool(OWN_WORDS_RULES.intersection(rules_of(event)))


def _headline_and_lead(first: Event, second: Event) -> bool:
    """Rule "the-headline-is-the-lead": a headline kept as the text's first line (no closing
    stop) tells in short what the lead then tells in full; with nothing disagreeing, the same
    word or the same toll ties them."""
    earlier, later = sorted((first, second), key=lambda e: e.evidence.sentence_index)
    if earlier.evidence.sentence_index != 0 or later.evidence.sentence_index > LEAD:
        return False
    return not earlier.evidence.sentence.rstrip().endswith(SENTENCE_END_MARKS)


def _counted_alike(first: Event, second: Event) -> bool:
    stated = [k for k in COUNT_KINDS if getattr(first.counts, k) is not None]
    return bool(stated) and all(
        getattr(first.counts, k) == getattr(second.counts, k) for k in stated
    )


# A mode that is a kind of another: a suicide bombing is a blast, a drone strike an air strike.
MODE_KINDS = {"suicide-attack": "explosives", "drone": "aerial"}


# A threat told again without its condition ("threatened to cut gas supplies unless ...",
# then "the threat"): the same threat, made (asserted) and conditional on the same deed.
THREAT_TOLD_AGAIN = {"asserted", "conditional"}


def modalities_agree(first: Event, second: Event) -> bool:
    """Whether two records' modalities can be one act's: equal, or a threat's made and
    conditional readings (rule a-threat-told-without-its-condition-is-the-same)."""
    if first.modality == second.modality:
        return True
    pair = {first.modality, second.modality}
    return first.type == "THREATEN" and pair == THREAT_TOLD_AGAIN


def modes_agree(first: str | None, second: str | None) -> bool:
    """Whether two modes can be one act's: equal, unknown, or one a kind of the other ("A
    suicide bomber struck a mosque ... The blast killed 56")."""
    if not first or not second or first == second:
        return True
    return MODE_KINDS.get(first) == second or MODE_KINDS.get(second) == first


def _told_as_another(event: Event, words: RestatementWords) -> bool:
    """Rule "also-is-another-act": "police also arrested two journalists", "the U.S. also
    imposed sanctions on three companies", "separately, ... shelled": the writer marks a further
    act, never the same one told again; so is what the news came after ("It came six months
    after India and China pulled back troops": rule what-it-came-after-is-another-act)."""
    before = _words_before(event)
    if CAME_AFTER.search(_text_before(event)):
        return True
    near = before[-NOUN_REACH:] if NOUN_TRIGGER_RULE in rules_of(event) else []
    also_done = "also" in near and not words.saying.intersection(near)  # "also imposed ..."
    return bool(before) and (before[-1] in FURTHER_ACT or before[:1] == ["separately"] or also_done)


def rules_of(event: Event) -> list[str]:
    """The names of the rules that made the event (its evidence ends with them)."""
    return event.evidence.why.rpartition(RULES_MARK)[2].split(", ")


def why_with_rule(why: str, note: str, rule: str) -> str:
    """An evidence why with a rule's note added to what it says and the rule's name to the
    rules at its end ("...; restated in sentence 4; rules: verb-trigger, restatement-is-one-
    event"): an article rule that changes an event says so where the reader looks."""
    told, mark, rules = why.rpartition(RULES_MARK)
    if not mark:
        told, rules = why, ""
    rules = ", ".join(r for r in (rules, rule) if r)
    return f"{told}; {note}{RULES_MARK}{rules}"


def _text_before(event: Event) -> str:
    """The sentence up to the event's trigger."""
    evidence = event.evidence
    return evidence.sentence[: max(0, evidence.start - evidence.sentence_start)]


def _words_before(event: Event) -> list[str]:
    """The words before the trigger, lower-cased, commas dropped."""
    return _text_before(event).lower().replace(",", " ").split()


def goes_on(event: Event) -> bool:
    """Rule "what-goes-on-is-more-than-was-told": an act whose words are the subject of a verb
    of going on ("Demonstrations against the movie continue throughout the Muslim world",
    "Fighting has raged in hot spots of South Sudan", "Fighting continued Thursday") is the act
    carried on past what the article told, so it restates no earlier act; a resumption after a
    pause ("The demonstrations resumed") is the renewed act told again, and is not one of them."""
    after = _words_after(event)[: GOING_ON_REACH + 1]
    ongoing = next((i for i, word in enumerate(after) if word in GOING_ON), None)
    if ongoing is None:
        return False
    between = [word for word in after[:ongoing] if word not in PERFECT_AUXILIARIES]
    return not between or between[0] in PHRASE_OPENERS


def _words_after(event: Event) -> list[str]:
    """The words after the trigger up to the end of its clause (a comma or the sentence end),
    lower-cased."""
    evidence = event.evidence
    text = evidence.sentence[max(0, evidence.end - evidence.sentence_start) :]
    return re.split(r"[,;:]", text, maxsplit=1)[0].lower().split()


def _adds_victims(event: Event) -> bool:
    """ "Two others were also injured": "also" right before the casualty word, the sentence not
    opening with "separately"."""
    words = _words_before(event)
    return words[-1:] == ["also"] and words[:1] != ["separately"]


def _same_town(first: Event, second: Event) -> bool:
    places = [first.place, second.place]
    if places[0] is None or places[1] is None:
        return False
    return places[0].name == places[1].name


def _same_mode(first: Event, second: Event) -> bool:
    """The same means, or one a kind of the other ("Blast kills 13" and "a suicide bomber
    struck the market")."""
    both = first.mode is not None and second.mode is not None
    return both and modes_agree(first.mode, second.mode)


def _names_no_actor(event: Event) -> bool:
    return not _has_named(event.sources) and not _has_named(event.targets)


def _same_stem(first: str, second: str) -> bool:
    """ "accused" and "accusations", "demanded" and "demand": the same word stem."""
    return first.lower()[:STEM] == second.lower()[:STEM]


def _side(
    first: Sequence[ActorRef], second: Sequence[ActorRef], offices: frozenset[str] = frozenset()
) -> bool | None:
    """True when the two sides share a named actor; False when both name actors of different
    countries; None when either names none (or only names of no known country or sector), or
    when they name different actors of one country (USAID and its administrator: no tie, no
    conflict)."""
    named_first = [ref for ref in first if not ref.inferred]
    named_second = [ref for ref in second if not ref.inferred]
    if not named_first or not named_second:
        return None
    if _keys(named_first) & _keys(named_second):
        return True
    if not any(map(_known, named_first)) or not any(map(_known, named_second)):
        return None  # a side only of names the dictionary does not know ("Jolo Cathedral")
    first_countries = {ref.country for ref in named_first if ref.country}
    second_countries = {ref.country for ref in named_second if ref.country}
    if first_countries and first_countries == second_countries:
        tied = _state_and_its_forces(named_first, named_second)
        return True if tied or _a_part_and_its_whole(named_first, named_second, offices) else None
    return False


def _a_part_and_its_whole(
    first: Sequence[ActorRef], second: Sequence[ActorRef], offices: frozenset[str]
) -> bool:
    """Rule "a-part-of-a-side-is-that-side": one mention names the state, the other an office
    of it the dictionary knows ("Germany on Monday banned Mahan Air" and "The Federal Aviation
    Office of Germany has suspended Mahan's permit"); or one names a national group, the other
    a named member of it ("Rebels attacked ..., killing the police chief" and "District Police
    Chief Maxine Jonas was killed"; "Opponents of Ivory Coast President Laurent Gbagbo" and
    "The Rally of the Republicans"): one side, as a state and its forces are. A person is no
    part of the state (a minister's act and the government's may be two)."""
    return any(
        _part_of(part, whole, offices) or _part_of(whole, part, offices)
        for part in first
        for whole in second
    )


def _part_of(part: ActorRef, whole: ActorRef, offices: frozenset[str]) -> bool:
    """Is ``part`` an office of the state ``whole`` (one of ``offices``, the same country), or
    a named member of the national group ``whole`` (the same country and sector)?"""
    if part.actor_id == whole.actor_id or not whole.country or part.country != whole.country:
        return False
    if is_national_group(part.actor_id) or part.actor_id == whole.country.lower():
        return False  # two groups of one country (its police and its army) are two sides
    if whole.actor_id == whole.country.lower():
        return part.actor_id in offices and part.sector in STATE_SECTORS
    return is_national_group(whole.actor_id) and part.sector == whole.sector


def _state_and_its_forces(first: Sequence[ActorRef], second: Sequence[ActorRef]) -> bool:
    """Rule "the-state-and-its-forces": the lead names the country, the body its soldiers,
    police or officials as a group ("Israel has begun pulling its forces out" and "Israeli
    soldiers have pulled out of Marjayoun"; "Pakistan has denied" and "Pakistani officials have
    denied"): one side. A named person or office is no such tie ("Zelenskyy briefed ..." and
    "Ukrainian officials met ..." may be two meetings)."""

    def states(refs: Sequence[ActorRef]) -> set[str]:
        return {ref.country for ref in refs if ref.country and ref.actor_id == ref.country.lower()}

    def forces(refs: Sequence[ActorRef]) -> set[str]:
        return {
            ref.country
            for ref in refs
            if ref.country and ref.sector in STATE_SECTORS and is_national_group(ref.actor_id)
        }

    return bool(states(first) & forces(second) or states(second) & forces(first))


def _known(ref: ActorRef) -> bool:
    """Does the actor have a country or a sector (an IGO has only its sector)?"""
    return bool(ref.country or ref.sector)


def _keys(refs: Sequence[ActorRef]) -> set[str]:
    """The canonical actors named ("Ukrainian officials" and Zelenskyy are two actors)."""
    return {ref.actor_id for ref in refs}


def _same_day(first: Event, second: Event) -> bool:
    """No two different days; a day no words give (the publication day an undated lead is
    read to fall on) does not gainsay a day the text gives (rule a-guessed-day-yields: "FARC
    rebels have released eight people" on the 24th, "the hostages were freed Wednesday")."""
    dates = [e.date for e in (first, second)]
    if any(d is None or d.start is None or d.precision != "day" for d in dates):
        return True
    if _guessed_day(first) != _guessed_day(second):
        return True
    return dates[0].start == dates[1].start


def _guessed_day(event: Event) -> bool:
    """A day the text gives in no words: the publication day taken for an undated act."""
    return event.date is not None and event.date.precision == "day" and not event.date.text


def _same_counts(first: Event, second: Event) -> bool:
    """ "Freed 100 prisoners" and "freed 200 more" are two releases."""
    return all(
        getattr(first.counts, kind) is None
        or getattr(second.counts, kind) is None
        or getattr(first.counts, kind) == getattr(second.counts, kind)
        for kind in COUNT_KINDS
    )


def _dated_same_day(first: Event, second: Event) -> bool:
    dates = [e.date for e in (first, second)]
    if any(d is None or d.start is None or d.precision != "day" for d in dates):
        return False
    return dates[0].start == dates[1].start


def _same_place(first: Event, second: Event) -> bool:
    """No two different places: countries agree, two towns are the same town, and two places
    each sentence names itself (below the country) are the same place ("in Kharkiv" and "in
    the Donetsk region" are two acts)."""
    places: list[Place | None] = [first.place, second.place]
    if places[0] is None or places[1] is None:
        return True
    if places[0].country and places[1].country and places[0].country != places[1].country:
        return False
    if places[0].name == places[1].name:
        return True
    specific = all(p.precision in SPECIFIC_PLACES for p in places)
    below_country = all(p.precision != "country" for p in places)
    named_here = _own_place(first) and _own_place(second)
    return not specific and not (below_country and named_here)


def _named_place(first: Event, second: Event) -> bool:
    """Both name the same town or site in their own sentence (not one set by an earlier one)."""
    places = [first.place, second.place]
    if any(p is None or p.precision not in SPECIFIC_PLACES or p.char_start < 0 for p in places):
        return False
    return places[0].name == places[1].name and all(_own_place(e) for e in (first, second))


def _own_place(event: Event) -> bool:
    """Is the event's place named in its own sentence?"""
    start, place = event.evidence.sentence_start, event.place
    return place is not None and start <= place.char_start < start + len(event.evidence.sentence)


def _fullness(event: Event) -> tuple[int, int]:
    """How much a mention says: actors, day, place, counts, mode; then its length."""
    said = [
        any(not ref.inferred for ref in event.sources),
        any(not ref.inferred for ref in event.targets),
        event.date is not None and event.date.start is not None,
        event.place is not None,
        not event.counts.is_empty(),
        event.mode is not None,
    ]
    return sum(said), len(event.evidence.sentence)


def merged(group: Sequence[Event], rule_name: str) -> Event:
    """One record for the mentions of one act: the fullest mention's, completed by the others."""
    primary = max(group, key=_fullness)
    others = [e for e in group if e is not primary]
    fields = {}
    for name in ("place", "mode", "attributed_to"):
        if getattr(primary, name) is None:
            fields[name] = next((getattr(e, name) for e in others if getattr(e, name)), None)
    finer = _finer_place(primary.place, [e.place for e in others if _place_of_the_act(e)])
    if finer is not None:
        fields["place"] = finer
    narrower = [e.mode for e in others if e.mode and MODE_KINDS.get(e.mode) == primary.mode]
    if narrower:  # "The blast killed 56" after "a suicide bomber struck": a suicide attack
        fields["mode"] = narrower[0]
    if not _known_day(primary) or _guessed_day(primary):  # no date, a bound, or a guess
        worded = [e.date for e in others if _known_day(e) and not _guessed_day(e)]
        guessed = [e.date for e in others if _known_day(e)]
        fields["date"] = next(iter(worded or guessed), primary.date)
    elif (day := _finer_day(primary.date, [e.date for e in others])) is not None:
        fields["date"] = day
    fields["counts"] = _highest_counts(group)
    for side in ("sources", "targets"):
        named = _named_union([getattr(e, side) for e in (primary, *others)])
        if named:  # every actor a mention names (none of them disagree: same_act, compatible)
            fields[side] = named + _inferred_beside(getattr(group[0], side), named)
    restated = ", ".join(f"sentence {e.evidence.sentence_index}" for e in others)
    why = why_with_rule(primary.evidence.why, f"restated in {restated}", rule_name)
    evidence = replace(primary.evidence, why=why)
    return replace(
        primary,
        id=group[0].id,
        evidence=evidence,
        mentions=(*primary.mentions, *(m for e in others for m in e.all_evidence())),
        **fields,
    )


COARSE_PRECISIONS = {"week", "month", "year"}


def _finer_day(date: DateValue | None, others: Sequence[DateValue | None]) -> DateValue | None:
    """Rule "a-finer-day-told-again-dates-the-act": a day a retelling names in words within
    the week, month or year the fullest mention gives ("is providing more than $132 million
    in fiscal year 2012" and "Today in New York, Secretary Clinton announced the United
    States is providing ..."; "this week" and "on Thursday"): that day, or None, as
    ``_finer_place`` does for a place."""
    if date is None or date.precision not in COARSE_PRECISIONS or not date.start:
        return None
    end = date.end or date.start
    return next(
        (
            other
            for other in others
            if other is not None
            and other.precision == "day"
            and other.text
            and other.start
            and date.start <= other.start <= end
        ),
        None,
    )


def _finer_place(place: Place | None, others: Sequence[Place | None]) -> Place | None:
    """A place of the same country that a retelling names more precisely ("in western Niger"
    and then "the post near the town of Tera"): the finest of them, or None."""
    if place is None or not place.country:
        return None
    rank = PRECISION_RANK.get(place.precision or "", 9)
    inside = [
        p
        for p in others
        if p is not None
        and p.country == place.country
        and PRECISION_RANK.get(p.precision or "", 9) < rank
    ]
    return min(inside, key=lambda p: PRECISION_RANK.get(p.precision or "", 9), default=None)


MOTION_PREPOSITIONS = {"to", "from", "toward", "towards", "into"}


def _place_of_the_act(event: Event) -> bool:
    """Is the event's place where the act happened, named in its own sentence after "in",
    "near" or "at" (not where the wounded were taken: "airlifted to nearby Zamboanga")?"""
    place, evidence = event.place, event.evidence
    if place is None or not _own_place(event):
        return False
    before = evidence.sentence[: place.char_start - evidence.sentence_start].lower().split()
    return not set(before[-2:]) & MOTION_PREPOSITIONS  # "to Zamboanga", "to nearby Zamboanga"


def _highest_counts(group: Sequence[Event]) -> Counts:
    """The counts of one act told several times: of each kind the highest figure given (a toll
    rises as an article goes on: "killed 16", "among the four police officers killed")."""
    highest: dict[str, int] = {}
    for event in group:
        for kind in COUNT_KINDS:
            value = getattr(event.counts, kind)
            if value is not None and value > highest.get(kind, -1):
                highest[kind] = value
    return replace(group[0].counts, **{k: highest.get(k) for k in COUNT_KINDS})


def _known_day(event: Event) -> bool:
    """Does the event carry a date the text gives (not only the "reported by" bound)?"""
    return event.date is not None and event.date.start is not None


def _named_union(sides: Sequence[Sequence[ActorRef]]) -> tuple[ActorRef, ...]:
    """The named actors of one side over the mentions, each once, in order of the mentions."""
    found: dict[str, ActorRef] = {}
    for refs in sides:
        for ref in refs:
            if not ref.inferred:
                found.setdefault(ref.actor_id, ref)
    return tuple(found.values())


def _inferred_beside(first: Sequence[ActorRef], named: Sequence[ActorRef]) -> tuple[ActorRef, ...]:
    """The actors the first telling inferred (its place's country) whose country no named actor
    has: "aid to support Sudan and its neighbours" keeps Sudan when the body names Chad."""
    countries = {ref.country for ref in named}
    return tuple(ref for ref in first if ref.inferred and ref.country not in countries)


def _has_named(refs: Sequence[ActorRef]) -> bool:
    return any(not ref.inferred for ref in refs)
