"""Counts: casualty and other figures a sentence states (killed, injured, detained, prisoners,
displaced), and the event each belongs to.

A figure counts only when the parse ties it to the casualty word: the number qualifies the
people who were killed ("killed a 55-year-old woman and injured four men" -> killed 1,
injured 4), so ages, years, dates and "30-day" never count. Vague amounts ("dozens",
"tens of thousands") give no figure; a range ("between 30 and 40") gives its lower end, what
is known for sure. The words are data (``data/counts.json``; the homecoming verbs, "returned
home", are the lexicon's phrasal entries in ``data/triggers.json``).

An event's count is the sum of the figures of its kind that its clauses tell ("4 soldiers and
12 insurgents killed" -> 16, "killing 7 soldiers; 6 attackers were killed" -> 13: every death on
all sides), unless a toll states the total ("the death toll rose to 50"): ``total``. A figure
belongs to the event whose clause holds it; one in no event's clause goes to every event that
can carry its kind (deaths to attacks, detainees to arrests, captives to releases:
``kinds_by_type``). Whether a figure is cumulative is for the event extractor to decide.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from accord.errors import DataFileError
from accord.models import COUNT_KINDS, Counts
from accord.nlp import children_of, span_tokens

if TYPE_CHECKING:
    from accord.extract.events.lexicon import TriggerEntry

DATA_FILE = "data/counts.json"
LEXICON_FILE = "data/triggers.json"  # its homecoming phrasal entries ("return home")
NON_COUNT_ENTITIES = {"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
SINGULAR_DETERMINERS = {"a", "an", "one", "the", "another", "this", "that"}
SINGULAR_PRONOUNS = {"him", "her", "he", "she"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
# Nouns that quantify without a figure ("a number of people").
VAGUE_QUANTITIES = {"number", "lot", "handful", "host"}


@dataclass(frozen=True)
class CountWords:
    """The words of counting (``data/counts.json``), validated at load."""

    transitive_verbs: dict[str, str]
    people_only_verbs: frozenset[str]
    intransitive_verbs: dict[str, str]
    counted_words: dict[str, str]
    counted_noun_kinds: dict[str, str]
    toll_words: frozenset[str]
    toll_verbs: frozenset[str]
    death_complements: frozenset[str]
    person_nouns: frozenset[str]
    vague_numbers: frozenset[str]
    multipliers: dict[str, int]
    kinds_by_type: dict[str, frozenset[str]]
    kinds_by_mode: dict[str, frozenset[str]]
    homecoming_verbs: frozenset[str]


def _read_data(name: str) -> dict[str, Any]:
    """One of the package's data files, as JSON."""
    try:
        return json.loads(files("accord").joinpath(name).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read {name}: {error}") from error


def homecoming_verbs(
    phrasal: Mapping[str, TriggerEntry], source: str = LEXICON_FILE
) -> frozenset[str]:
    """The verbs of the lexicon's phrasal "<verb> home" entries whose subject is the held
    ("return home", "arrive home", "come home"): the one list the coder fires a release on
    and counts reads the prisoners freed from, kept in one place."""
    verbs = frozenset(
        key.split()[0]
        for key, entry in phrasal.items()
        if entry.subject_is_held and key.split()[1:] == ["home"]
    )
    if not verbs:
        raise DataFileError(f"{source} phrasal: no '<verb> home' entry with subject_role held")
    return verbs


@lru_cache(maxsize=1)
def count_words() -> CountWords:
    """The package's count words, read and checked once."""
    data = _read_data(DATA_FILE)
    from accord.extract.events.lexicon import load_lexicon  # the coder's, read once

    homecoming = homecoming_verbs(load_lexicon().phrasal)
    kinds = set(COUNT_KINDS)
    for section in (
        "transitive_verbs",
        "intransitive_verbs",
        "counted_words",
        "counted_noun_kinds",
    ):
        wrong = {kind for kind in data.get(section, {}).values() if kind not in kinds}
        if wrong:
            raise DataFileError(f"{DATA_FILE} {section}: unknown count kinds {sorted(wrong)}")
    for event_type, listed in [
        *data.get("kinds_by_type", {}).items(),
        *data.get("kinds_by_mode", {}).items(),
    ]:
        if set(listed) - kinds:
            raise DataFileError(f"{DATA_FILE} kinds_by_type {event_type}: unknown kinds")
    try:
        return CountWords(
            transitive_verbs=dict(data["transitive_verbs"]),
            people_only_verbs=frozenset(data["people_only_verbs"]),
            intransitive_verbs=dict(data["intransitive_verbs"]),
            counted_words=dict(data["counted_words"]),
            counted_noun_kinds=dict(data.get("counted_noun_kinds", {})),
            toll_words=frozenset(data["toll_words"]),
            toll_verbs=frozenset(data["toll_verbs"]),
            death_complements=frozenset(data["death_complements"]),
            person_nouns=frozenset(data["person_nouns"]),
            vague_numbers=frozenset(data["vague_numbers"]),
            multipliers={word: int(value) for word, value in data["multipliers"].items()},
            kinds_by_type={
                event_type: frozenset(listed)
                for event_type, listed in data["kinds_by_type"].items()
            },
            kinds_by_mode={
                type_mode: frozenset(listed) for type_mode, listed in data["kinds_by_mode"].items()
            },
            homecoming_verbs=homecoming,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"{DATA_FILE} lacks or misshapes {error}") from error


@dataclass(frozen=True)
class Figure:
    """One stated figure: its kind, its value, the casualty word it hangs on, and whether it is
    a stated total ("the death toll rose to 50") rather than a part."""

    kind: str
    value: int
    word: Token
    total: bool = False
    about: int = -1  # the counted phrase (its token index): two words counting it are one figure


# --- numbers ------------------------------------------------------------------------------


def _number_tokens(token: Token) -> list[Token]:
    """The tokens of a number written over several words ("1.2 million", "two dozen")."""
    multipliers = count_words().multipliers
    tokens = [token]
    for child in children_of(token):
        part = child.dep_ in {"compound", "nummod", "quantmod"} and (
            child.like_num or child.lower_ in multipliers
        )
        if part or _and_its_rest(token, child):  # "two dozen", "one hundred and fifty"
            tokens.extend(_number_tokens(child))
    return sorted(tokens, key=lambda item: item.i)


def _and_its_rest(hundred: Token, child: Token) -> bool:
    """Rule "a-hundred-and-fifty-is-one-number": in "One hundred and fifty soldiers" the parser
    makes "fifty" a conjunct of "hundred"; the words after "hundred and" (or "thousand and")
    end the same number, they are no second count."""
    return (
        hundred.lower_ in {"hundred", "thousand"}
        and child.dep_ == "conj"
        and child.like_num
        and not child.text[:1].isdigit()
        and child.i == hundred.i + 2
        and hundred.doc[hundred.i + 1].lower_ == "and"
    )


def parse_number(words: list[str]) -> int | None:
    """An exact number from its words ("1,000", "four", "1.2 million", "two dozen"); None for
    vague amounts ("dozens", "hundreds of")."""
    words = [word for word in words if word.lower() not in {"between", "and", "to"}]
    vocabulary = count_words()
    if not words or any(word.lower() in vocabulary.vague_numbers for word in words):
        return None
    factor = 1
    while words and words[-1].lower() in vocabulary.multipliers:
        factor *= vocabulary.multipliers[words.pop().lower()]
    if not words:
        return factor
    text = " ".join(words)
    if _DIGITS.match(text):
        return round(float(text.replace(",", "")) * factor)
    from text_to_num import text2num

    try:
        return text2num(text.lower(), "en") * factor
    except ValueError:
        return None


def number_value(token: Token) -> int | None:
    """The value of a number token with its compound parts, unless it is a date or an age; a
    range ("between 30 and 40", "30 to 40") gives its lower end."""
    if token.ent_type_ in NON_COUNT_ENTITIES and not _counts_people(token):
        return None
    low = _range_low_end(token)
    if low is not None:
        token = low
    return parse_number([item.text for item in _number_tokens(token)])


def _counts_people(number: Token) -> bool:
    """A number that qualifies people, or that a casualty verb counts, is no date, whatever the
    tagger says ("between 30 and 40 people", "wounding 64" are tagged DATE); a year stays a
    year."""
    year = _a_year(number)
    if not year and number.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        words = count_words()  # "killing 12 people and wounding 64": 64 is tagged DATE
        verb = number.head.lemma_.lower()
        if verb in words.transitive_verbs or verb in words.intransitive_verbs:
            return True
    head = number.head
    while head.dep_ == "conj" and head.head.i != head.i and head.like_num:
        head = head.head
    return not year and number.dep_ in {"nummod", "conj"} and _is_people(head) and not head.like_num


def _range_low_end(token: Token) -> Token | None:
    """The first number of a range the parser tied to the second ("between 30 and 40": 40
    governs 30 through "and"; "30 to 40": "to" links them)."""
    for child in children_of(token):
        if child.like_num and child.i < token.i and child.dep_ in {"quantmod", "compound"}:
            if _hyphenated_number(child, token):
                continue  # "Twenty-four" is one number
            between = token.doc[child.i + 1 : token.i]
            if any(word.lower_ in {"and", "to", "-"} for word in between):
                return child
    return None


TENS_WORDS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
UNIT_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}


def _hyphenated_number(tens: Token, unit: Token) -> bool:
    """ "Twenty-four" (tokenized "Twenty", "-", "four"): a tens word and a unit word joined by
    a hyphen write one number, not a range."""
    joined = unit.i == tens.i + 2 and tens.doc[tens.i + 1].text == "-"
    return joined and tens.lower_ in TENS_WORDS and unit.lower_ in UNIT_WORDS


# --- people -------------------------------------------------------------------------------


def _is_people(token: Token) -> bool:
    nouns = count_words().person_nouns
    return (
        token.lemma_.lower() in nouns
        or token.lower_ in nouns
        or token.ent_type_ == "NORP"  # "40 Palestinians"
        or token.like_num
    )


def _count_of_one_phrase(token: Token, people_only: bool = True) -> int | None:
    """How many people a noun phrase names: "four men" 4, "a 55-year-old woman" 1, "his son" 1,
    "him" 1, "no one" 0, "12" 12; None when it does not say ("civilians", "dozens of people",
    "talks"). ``people_only`` False: any noun with a number counts ("2 SDF members", "1
    jawan"), for verbs that can only be about people (kill, wound)."""
    if token.lemma_.lower() in VAGUE_QUANTITIES:
        return None  # "a number of people", "a handful of soldiers": no figure
    determiners = {child.lower_ for child in children_of(token) if child.dep_ in {"det", "poss"}}
    if token.lower_ in {"nobody", "none"} or ("no" in determiners and _is_people(token)):
        return 0
    if token.lower_ in SINGULAR_PRONOUNS:
        return 1
    if token.like_num or token.pos_ == "NUM":
        return number_value(token)
    numbered = [child for child in children_of(token) if child.dep_ == "nummod"]
    if numbered and (not people_only or _is_people(token) or token.pos_ == "PROPN"):
        return number_value(numbered[0])
    if people_only and not _is_people(token):
        return None
    possessive = any(child.dep_ == "poss" for child in children_of(token))
    singular = token.tag_ in {"NN", "NNP"} and (determiners & SINGULAR_DETERMINERS or possessive)
    if singular and (not people_only or _is_people(token)):
        return 1  # "a 55-year-old woman", "his son"; "killed a schoolteacher"
    return None


def count_of_people(token: Token, people_only: bool = True) -> int | None:
    """The number of people a noun phrase and its conjuncts name ("two soldiers and a
    civilian" -> 3, "a village chief and his son" -> 2); the conjuncts that state no number are
    left out. A conjunct the parse hangs the verb on counts with the whole coordination ("4
    soldiers and 12 insurgents killed")."""
    while (
        token.dep_ == "conj"
        and token.head.i != token.i
        and _count_of_one_phrase(token.head, people_only) is not None
    ):
        token = token.head
    values = [_count_of_one_phrase(token, people_only)]
    values += [
        _count_of_one_phrase(conj, people_only) for conj in token.conjuncts if conj.i > token.i
    ]
    known = [value for value in values if value is not None]
    return sum(known) if known and values[0] is not None else None


# --- casualty words -----------------------------------------------------------------------


def _children(token: Token, *deps: str) -> list[Token]:
    return [child for child in children_of(token) if child.dep_ in deps]


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in children_of(verb)) or verb.tag_ == "VBN"


def _is_bare_report(verb: Token) -> bool:
    """ "7 killed, 13 injured", "2 SDF members killed", "107 detained": a participle with no
    auxiliary and no object, as monitors write it (the parser calls the counted its subject)."""
    auxiliaries = _children(verb, "aux", "auxpass")
    objects = [  # "7 attackers killed, no military casualties": "no ..." is no object
        obj
        for obj in _children(verb, "dobj")
        if not any(c.lower_ == "no" for c in children_of(obj))
    ]
    return not auxiliaries and not objects and verb.tag_ in {"VBD", "VBN"}


def _counted_by_verb(verb: Token, kind_words: CountWords) -> Iterator[Token]:
    """The people a casualty verb is about: its object, its passive subject, the noun it
    modifies ("12 people killed"), or the subject of an elliptic conjunct ("and 30 wounded")."""
    relative = verb.dep_ in {"acl", "relcl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN", "NUM"}
    if relative and not _agent_relative(verb):
        yield verb.head
    if verb.lemma_.lower() in kind_words.intransitive_verbs:
        yield from _children(verb, "nsubj", "nsubjpass")
        if verb.dep_ == "xcomp" and not _children(verb, "nsubj"):  # "forced 5,000 to flee"
            yield from _children(verb.head, "dobj")
        return
    objects = _children(verb, "dobj")
    yield from objects
    yield from _children(verb, "nsubjpass")
    if (not objects and _is_passive(verb)) or _is_bare_report(verb):
        # "... were killed and 30 wounded", "7 killed"; the nearest first ("55 killed and 146
        # injured" may give "injured" both numbers as subjects)
        yield from sorted(_children(verb, "nsubj"), key=lambda subject: -subject.i)
    yield from _figures_on_the_verb(verb)


def _figures_on_the_verb(verb: Token) -> list[Token]:
    """Rule "a-figure-the-parser-hangs-on-its-verb": in a toll told without its noun ("at
    least 38 killed and dozens wounded", "1 Palestinian killed and about 100 injured",
    "police detained 8") the parser may hang the bare number on the verb itself (nummod,
    npadvmod) rather than make it the verb's subject or object; it is still the number of
    people the verb counts. A year or a vague amount ("several thousand") is no figure."""
    multipliers = count_words().multipliers
    return [
        child
        for child in children_of(verb)
        if child.dep_ in {"nummod", "npadvmod"}
        and child.like_num
        and child.lower_ not in multipliers
        and not _a_year(child)
    ]


def _a_year(number: Token) -> bool:
    """Four digits ("2008"): a year, not a count of people."""
    return len(number.text) == 4 and number.text.isdigit()


def _agent_relative(verb: Token) -> bool:
    """ "bombings in a market that killed 32 people": the noun a relative clause hangs on is its
    subject (the doer, or the place the parse took for it), not the people it counts."""
    return verb.dep_ == "relcl" and any(
        child.dep_ == "nsubj" and child.lower_ in {"that", "which", "who"}
        for child in children_of(verb)
    )


def _lost_lives(verb: Token) -> bool:
    return verb.lemma_.lower() == "lose" and any(
        child.dep_ == "dobj" and child.lemma_.lower() == "life" for child in children_of(verb)
    )


def _taken_into_custody(verb: Token) -> bool:
    return verb.lemma_.lower() == "take" and any(
        child.dep_ == "prep"
        and child.lower_ == "into"
        and any(grandchild.lemma_.lower() == "custody" for grandchild in children_of(child))
        for child in children_of(verb)
    )


def _forced_from_homes(verb: Token) -> bool:
    return verb.lemma_.lower() in {"force", "drive"} and any(
        child.dep_ == "prep"
        and child.lower_ in {"from", "out"}
        and any(grandchild.lemma_.lower() in {"home", "house"} for grandchild in child.subtree)
        for child in children_of(verb)
    )


def _came_home(verb: Token, kind_words: CountWords) -> bool:
    """ "150 Ukrainian soldiers returned home from Russian captivity": the homecoming the
    coder reads as a release when its subject was held (rule the-held-who-come-home-were-
    freed) counts its subject as the prisoners freed (its verbs: the lexicon's)."""
    return verb.lemma_.lower() in kind_words.homecoming_verbs and any(
        child.dep_ == "advmod" and child.lower_ == "home" for child in children_of(verb)
    )


def _put_to_death(verb: Token, kind_words: CountWords) -> bool:
    """ "Shot dead", "stabbed to death", "burned alive": the complement says the act killed.
    A toll verb does not ("the toll had risen to 14 dead": a figure, not a killing)."""
    if verb.lemma_.lower() in kind_words.toll_verbs:
        return False
    complements = kind_words.death_complements
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.lower_ in complements:
        return True  # "shot dead two farmers" ("dead" parsed as the farmers' adjective)
    for child in children_of(verb):
        if (
            child.dep_ in {"acomp", "oprd", "advmod", "xcomp", "prep"}
            and child.lower_ in complements
        ):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(grandchild.lower_ in complements for grandchild in children_of(child))
        ):
            return True
    return False


def _toll_figure(toll: Token, kind_words: CountWords) -> int | None:
    """ "The death toll rose to 30", "a death toll of 30", "bringing the toll to 30", "the
    toll had risen to 14 dead" (the number on the word it counts)."""
    for child in children_of(toll):
        if child.dep_ == "prep" and child.lower_ == "of":
            for number in _children(child, "pobj"):
                if (value := _stated_number(number)) is not None:
                    return value
    verb = toll.head
    if verb.lemma_.lower() in kind_words.toll_verbs | {"be"}:
        for child in children_of(verb):
            if child.dep_ == "prep" and child.lower_ in {"to", "at"}:
                for number in _children(child, "pobj"):
                    if (value := _stated_number(number)) is not None:
                        return value
            stated = _stated_number(child) if child.i > toll.i else None
            if child.dep_ in {"dobj", "attr"} and stated is not None:
                return stated
    return None


def _number_of_casualties(token: Token, kind_words: CountWords) -> str | None:
    """ "The number of people killed ... has risen to 21": a toll by another name; the kind
    of the casualty word that qualifies the people counted (the parse may hang it on
    "number")."""
    if token.lemma_.lower() != "number":
        return None
    counted = [
        c for p in _children(token, "prep") if p.lower_ == "of" for c in _children(p, "pobj")
    ]
    for word in (w for phrase in (token, *counted) for w in children_of(phrase)):
        if word.dep_ in {"acl", "amod", "relcl"}:
            lemma = word.lemma_.lower()
            kind = kind_words.transitive_verbs.get(lemma) or kind_words.counted_words.get(
                word.lower_
            )
            if kind in {"killed", "injured", "detained", "displaced"}:
                return kind
    return None


def _stated_number(token: Token) -> int | None:
    """A number, or the number on a word it counts ("14 dead", "50 people")."""
    if token.like_num:
        return number_value(token)
    for number in _children(token, "nummod"):
        return number_value(number)
    return None


def _verb_figure(verb: Token, kind_words: CountWords) -> tuple[str, int, int] | None:
    """(kind, figure) for a casualty verb: "killed four men", "lost their lives", "shot him
    dead", "took 15 into custody", "forced 5,000 from their homes"."""
    lemma = verb.lemma_.lower()
    people_only = True
    if _lost_lives(verb):
        kind, counted = "killed", _children(verb, "nsubj", "nsubjpass")
    elif _taken_into_custody(verb):
        kind, counted = "detained", _children(verb, "dobj", "nsubjpass")
    elif _forced_from_homes(verb):
        kind, counted = "displaced", _children(verb, "dobj", "nsubjpass")
    elif _came_home(verb, kind_words):
        kind, counted = "prisoners", _children(verb, "nsubj")
    elif _put_to_death(verb, kind_words):
        kind, counted, people_only = "killed", list(_counted_by_verb(verb, kind_words)), False
    elif kind := kind_words.transitive_verbs.get(lemma) or kind_words.intransitive_verbs.get(lemma):
        counted = list(_counted_by_verb(verb, kind_words))
        people_only = lemma in kind_words.people_only_verbs or kind in {"detained", "displaced"}
    else:
        return None
    known = [
        (value, phrase.i)
        for phrase in counted
        if (value := count_of_people(phrase, people_only)) is not None
    ]
    if not known:
        return None
    value, about = next((item for item in known if item[0] > 0), known[0])  # "no casualties"
    return kind, value, about


def counts_victims(verb: Token) -> bool:
    """Whether a verb counts people it killed or injured ("kills 5", "killed 3 farmers"), not
    an adjective describing them ("17 wounded men")."""
    if not _tells(verb):
        return False
    figure = _verb_figure(verb, count_words())
    return figure is not None and figure[0] in {"killed", "injured"} and figure[1] > 0


def _counted_word_figure(token: Token) -> tuple[int, int] | None:
    """(figure, counted phrase) for "12 dead", "30 deaths", "Fatalities: 3", "1,000
    prisoners"; "12 people are dead"; "12 wounded soldiers"."""
    for child in children_of(token):
        if child.dep_ == "nummod":
            return _with_phrase(number_value(child), token)
        if child.dep_ == "appos" and child.like_num and child.i > token.i:  # "Fatalities: 3"
            return _with_phrase(number_value(child), token)
    if token.dep_ == "acomp":  # "12 people are dead"
        for subject in _children(token.head, "nsubj"):
            return _with_phrase(count_of_people(subject), subject)
    for subject in _children(token, "nsubj"):  # "...; 3 dead."
        return _with_phrase(count_of_people(subject), subject)
    if token.dep_ in {"oprd", "xcomp", "ccomp"}:  # "left 12 people dead"
        for counted in _children(token.head, "dobj"):
            return _with_phrase(count_of_people(counted), counted)
    numbered = any(child.dep_ == "nummod" for child in children_of(token.head))
    if token.dep_ == "amod" and numbered:  # "12 wounded soldiers", not "a detained member"
        return _with_phrase(count_of_people(token.head), token.head)
    return None


def _with_phrase(value: int | None, phrase: Token) -> tuple[int, int] | None:
    return None if value is None else (value, phrase.i)


def find_figures(sent: Span) -> list[Figure]:
    """Every figure the sentence states, in text order, with the word it hangs on."""
    kind_words = count_words()
    found: list[Figure] = []
    for token in span_tokens(sent):
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
            if _told_before_in_relative_clause(token):
                continue
            figure = _verb_figure(token, kind_words)
            if figure is not None:
                kind, value, about = figure
                if kind == "prisoners" and about >= 0:
                    counted = token.doc[about]
                    kind = kind_words.counted_noun_kinds.get(counted.lemma_.lower(), kind)
                found.append(Figure(kind, value, token, about=about))
                continue
        if token.dep_ in {"acomp", "oprd", "xcomp", "advmod"} and any(
            figure.word == token.head for figure in found
        ):
            continue  # "shot him dead": the verb counted him already
        if lemma in kind_words.toll_words or (
            toll_kind := _number_of_casualties(token, kind_words)
        ):
            value = _toll_figure(token, kind_words)
            if value is not None:
                kind = "killed" if lemma in kind_words.toll_words else toll_kind
                found.append(Figure(kind, value, token, total=True, about=token.i))
        elif kind := kind_words.counted_words.get(lemma) or kind_words.counted_words.get(
            token.lower_
        ):
            if token.pos_ in {"VERB", "AUX"} and kind != "killed":
                continue  # a verb form whose verb reading gave no figure ("were injured")
            counted = _counted_word_figure(token)
            if counted is not None:
                found.append(Figure(kind, counted[0], token, about=counted[1]))
    return _once_each(found)


def _told_before_in_relative_clause(verb: Token) -> bool:
    """ "a wake after the funeral of a local man who had been killed fighting": a relative
    clause in the past perfect tells who someone is, from before the act; its figure is not
    the act's."""
    return verb.dep_ == "relcl" and any(
        c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in children_of(verb)
    )


def _once_each(figures: list[Figure]) -> list[Figure]:
    """One figure per counted phrase: "released 84 POWs" (the verb and the noun count the same
    84), "killed 9 displaced people" (the verb says what happened to them)."""
    by_verb = {figure.about for figure in figures if _tells(figure.word)}
    seen: set[int] = set()
    kept = []
    for figure in figures:
        if figure.about in seen or (figure.about in by_verb and not _tells(figure.word)):
            continue
        seen.add(figure.about)
        kept.append(figure)
    return kept


def _tells(word: Token) -> bool:
    """A verb that tells what happened, not a participle describing people ("displaced")."""
    return word.pos_ in {"VERB", "AUX"} and word.dep_ != "amod"


def total(figures: Sequence[Figure]) -> Counts:
    """The count of each kind: a stated total if there is one ("the death toll rose to 50"),
    else the sum of what the clauses tell happened ("killing 7 soldiers; 6 attackers were
    killed" -> 13), else the first figure a noun states ("390 prisoners for 390 prisoners" is
    one exchange of 390 a side, as "1,000 prisoners each" is)."""
    values: dict[str, int] = {}
    for kind in COUNT_KINDS:
        mine = [figure for figure in figures if figure.kind == kind]
        totals = [figure.value for figure in mine if figure.total]
        told = [figure.value for figure in mine if _tells(figure.word)]
        if totals:
            values[kind] = max(totals)
        elif told:
            values[kind] = sum(told)
        elif mine:
            values[kind] = mine[0].value
    return Counts(**values)


def extract_counts(sent: Span) -> Counts:
    """Casualty and other figures stated in a sentence, each kind summed (``total``)."""
    return total(find_figures(sent))


def kinds_of(event_type: str, mode: str | None = None) -> frozenset[str]:
    """The count kinds an event of this type and mode carries (``data/counts.json``
    kinds_by_mode, else kinds_by_type)."""
    words = count_words()
    by_mode = words.kinds_by_mode.get(f"{event_type}/{mode}")
    return by_mode if by_mode is not None else words.kinds_by_type.get(event_type, frozenset())


def figures_by_event(
    figures: Sequence[Figure], events: Sequence[tuple[str, str | None, Token, Token]]
) -> list[list[Figure]]:
    """The figures of each event of a sentence (``events``: type, mode, trigger word and
    predicate).

    A figure goes to the event of its kind whose clause holds it (the nearest trigger or
    predicate above the casualty word, or the casualty word itself); a figure in no such
    clause goes to every event that carries its kind."""
    shares: list[list[Figure]] = [[] for _ in events]
    for figure in figures:
        able = [i for i, event in enumerate(events) if figure.kind in kinds_of(*event[:2])]
        if not able:
            continue
        above = [figure.word, *figure.word.ancestors]
        depth = {token.i: level for level, token in enumerate(above)}
        far = len(above)
        closeness = {
            index: min(depth.get(events[index][2].i, far), depth.get(events[index][3].i, far))
            for index in able
        }
        nearest = min(able, key=closeness.__getitem__)
        for index in [nearest] if closeness[nearest] < far else able:
            shares[index].append(figure)
    return shares
