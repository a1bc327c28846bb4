"""Counts: casualty and other figures a sentence states (killed, injured, detained, prisoners,
displaced).

A figure counts only when the parse ties it to the casualty word: the number qualifies the
people who were killed ("killed a 55-year-old woman and injured four men" -> killed 1,
injured 4), so ages, years, dates and "30-day" never count. Vague amounts ("dozens",
"tens of thousands") give no figure. Whether a figure is cumulative is for the event
extractor to decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from accord.models import COUNT_KINDS, Counts


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (keeps long lexicons readable)."""
    return frozenset(text.split())


# Verbs whose object (or passive subject) is the people counted; "held" counts only people
# ("held 45 protesters", not "held three rounds of talks").
TRANSITIVE_VERBS = {
    "kill": "killed",
    "slay": "killed",
    "massacre": "killed",
    "injure": "injured",
    "wound": "injured",
    "hurt": "injured",
    "maim": "injured",
    "detain": "detained",
    "arrest": "detained",
    "jail": "detained",
    "imprison": "detained",
    "abduct": "detained",
    "kidnap": "detained",
    "hold": "detained",
    "displace": "displaced",
    "evacuate": "displaced",
    "uproot": "displaced",
}
# Verbs whose subject is the people counted.
INTRANSITIVE_VERBS = {"die": "killed", "perish": "killed", "flee": "displaced"}
# Adjectives and nouns that name the counted people or the count itself ("12 dead",
# "30 deaths", "1,000 prisoners").
COUNTED_WORDS = {
    "dead": "killed",
    "death": "killed",
    "fatality": "killed",
    "killing": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injury": "injured",
    "arrest": "detained",
    "detainee": "detained",
    "prisoner": "prisoners",
    "pow": "prisoners",
    "captive": "prisoners",
    "hostage": "prisoners",
    "displaced": "displaced",
}
TOLL_VERBS = {"rise", "climb", "reach", "stand", "increase", "jump", "hit", "bring", "raise", "put"}
PERSON_NOUNS = _words(
    "people person man woman child kid boy girl baby infant toddler teenager teen youth adult "
    "civilian soldier troop serviceman servicemen servicewoman fighter militant rebel insurgent "
    "gunman attacker assailant militiaman policeman policewoman police officer guard marine "
    "sailor pilot crew crewman crewmember journalist reporter photographer medic paramedic doctor "
    "nurse patient resident villager protester protestor demonstrator activist student worker "
    "employee staff volunteer farmer fisherman miner shepherd driver passenger pedestrian "
    "bystander worshipper pilgrim mourner refugee migrant prisoner detainee hostage captive pow "
    "member supporter citizen national official commander leader family relative victim casualty "
    "survivor other peacekeeper contractor personnel recruit conscript dead wounded injured "
    "displaced elderly"
)
VAGUE_NUMBERS = _words(
    "dozens hundreds thousands millions scores tens several many some few numerous countless "
    "multiple"
)
MULTIPLIERS = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
SINGULAR_DETERMINERS = {"a", "an", "one", "the", "another", "this", "that"}
NON_COUNT_ENTITIES = {"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


# --- numbers ------------------------------------------------------------------------------


def _number_tokens(token: Token) -> list[Token]:
    """The tokens of a number written over several words ("1.2 million", "two dozen")."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in {"compound", "nummod", "quantmod"} and (
            child.like_num or child.lower_ in MULTIPLIERS
        ):
            tokens.extend(_number_tokens(child))
    return sorted(tokens, key=lambda item: item.i)


def parse_number(words: list[str]) -> int | None:
    """An exact number from its words ("1,000", "four", "1.2 million", "two dozen"); None for
    vague amounts ("dozens", "hundreds of")."""
    if not words or any(word.lower() in VAGUE_NUMBERS for word in words):
        return None
    factor = 1
    while words and words[-1].lower() in MULTIPLIERS:
        factor *= MULTIPLIERS[words.pop().lower()]
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
    """The value of a number token with its compound parts, unless it is a date or an age."""
    if token.ent_type_ in NON_COUNT_ENTITIES:
        return None
    return parse_number([item.text for item in _number_tokens(token)])


# --- people -------------------------------------------------------------------------------


def _is_people(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (
        lemma in PERSON_NOUNS
        or token.lower_ in PERSON_NOUNS
        or token.ent_type_ == "NORP"  # "40 Palestinians"
        or token.like_num
    )


def _count_of_one_phrase(token: Token) -> int | None:
    """How many people a noun phrase names: "four men" 4, "a 55-year-old woman" 1, "no one" 0,
    "12" 12; None when it does not say ("civilians", "dozens of people", "talks")."""
    determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
    if token.lower_ in {"nobody", "none"} or ("no" in determiners and _is_people(token)):
        return 0
    if token.like_num or token.pos_ == "NUM":
        return number_value(token)
    if not _is_people(token):
        return None
    for child in token.children:
        if child.dep_ == "nummod":
            return number_value(child)
    if token.tag_ in {"NN", "NNP"} and determiners & SINGULAR_DETERMINERS:
        return 1
    return None


def count_of_people(token: Token) -> int | None:
    """The number of people a noun phrase and its conjuncts name ("two soldiers and a
    civilian" -> 3); the conjuncts that state no number are left out."""
    values = [_count_of_one_phrase(token)]
    values += [_count_of_one_phrase(conj) for conj in token.conjuncts if conj.i > token.i]
    known = [value for value in values if value is not None]
    return sum(known) if known and values[0] is not None else None


# --- triggers -----------------------------------------------------------------------------


def _children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in verb.children) or verb.tag_ == "VBN"


def _counted_by_verb(verb: Token) -> Iterator[Token]:
    """The people a casualty verb is about: its object, its passive subject, the noun it
    modifies ("12 people killed"), or the subject of an elliptic conjunct ("and 30 wounded")."""
    if verb.dep_ in {"acl", "relcl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        yield verb.head
    if verb.lemma_.lower() in INTRANSITIVE_VERBS:
        yield from _children(verb, "nsubj", "nsubjpass")
        if verb.dep_ == "xcomp" and not _children(verb, "nsubj"):  # "forced 5,000 to flee"
            yield from _children(verb.head, "dobj")
        return
    objects = _children(verb, "dobj")
    yield from objects
    yield from _children(verb, "nsubjpass")
    if not objects and _is_passive(verb):  # "... were killed and 30 wounded" parses "30" nsubj
        yield from _children(verb, "nsubj")


def _lost_lives(verb: Token) -> bool:
    return verb.lemma_.lower() == "lose" and any(
        child.dep_ == "dobj" and child.lemma_.lower() == "life" for child in verb.children
    )


def _taken_into_custody(verb: Token) -> bool:
    return verb.lemma_.lower() == "take" and any(
        child.dep_ == "prep"
        and child.lower_ == "into"
        and any(grandchild.lemma_.lower() == "custody" for grandchild in child.children)
        for child in verb.children
    )


def _forced_from_homes(verb: Token) -> bool:
    return verb.lemma_.lower() in {"force", "drive"} and any(
        child.dep_ == "prep"
        and child.lower_ in {"from", "out"}
        and any(grandchild.lemma_.lower() in {"home", "house"} for grandchild in child.subtree)
        for child in verb.children
    )


def _toll_figure(toll: Token) -> int | None:
    """ "The death toll rose to 30", "a death toll of 30", "bringing the toll to 30"."""
    for child in toll.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for number in _children(child, "pobj"):
                if number.like_num:
                    return number_value(number)
    verb = toll.head
    if verb.lemma_.lower() in TOLL_VERBS | {"be"}:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"to", "at"}:
                for number in _children(child, "pobj"):
                    if number.like_num:
                        return number_value(number)
            if child.dep_ in {"dobj", "attr"} and child.like_num and child.i > toll.i:
                return number_value(child)
    return None


def _verb_figure(verb: Token) -> tuple[str, int] | None:
    """(kind, figure) for a casualty verb: "killed four men", "lost their lives",
    "took 15 into custody", "forced 5,000 from their homes"."""
    lemma = verb.lemma_.lower()
    if _lost_lives(verb):
        kind, counted = "killed", _children(verb, "nsubj", "nsubjpass")
    elif _taken_into_custody(verb):
        kind, counted = "detained", _children(verb, "dobj", "nsubjpass")
    elif _forced_from_homes(verb):
        kind, counted = "displaced", _children(verb, "dobj", "nsubjpass")
    elif kind := TRANSITIVE_VERBS.get(lemma) or INTRANSITIVE_VERBS.get(lemma):
        counted = list(_counted_by_verb(verb))
    else:
        return None
    for phrase in counted:
        value = count_of_people(phrase)
        if value is not None:
            return kind, value
    return None


def _figures(sent: Span) -> Iterator[tuple[str, int]]:
    """(kind, figure) for every casualty word in the sentence, in text order."""
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
            figure = _verb_figure(token)
        elif token.lemma_.lower() == "toll":
            value = _toll_figure(token)
            figure = ("killed", value) if value is not None else None
        elif kind := COUNTED_WORDS.get(token.lemma_.lower()) or COUNTED_WORDS.get(token.lower_):
            value = _counted_word_figure(token)
            figure = (kind, value) if value is not None else None
        else:
            figure = None
        if figure is not None:
            yield figure


def _counted_word_figure(token: Token) -> int | None:
    """ "12 dead", "30 deaths", "1,000 prisoners"; "12 people are dead"; "12 wounded soldiers"."""
    for child in token.children:
        if child.dep_ == "nummod":
            return number_value(child)
    if token.dep_ == "acomp":  # "12 people are dead"
        for subject in _children(token.head, "nsubj"):
            return count_of_people(subject)
    if token.dep_ in {"oprd", "xcomp", "ccomp"}:  # "left 12 people dead"
        for counted in _children(token.head, "dobj"):
            return count_of_people(counted)
    if token.dep_ == "amod" and token.head.pos_ in {"NOUN", "PROPN"}:  # "12 wounded soldiers"
        return count_of_people(token.head)
    return None


def extract_counts(sent: Span) -> Counts:
    """Casualty and other figures stated in a sentence: the first figure of each kind."""
    found: dict[str, int] = {}
    for kind, value in _figures(sent):
        found.setdefault(kind, value)
    return Counts(**{kind: found.get(kind) for kind in COUNT_KINDS})
