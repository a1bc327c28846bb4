"""Finding triggers: the words of a sentence that the lexicon says make an event.

A ``Candidate`` is a trigger before its actors and modality are worked out: a verb ("accused"),
a governing verb with the content it takes ("agreed to a swap"), an event noun with the verb
that makes it happen ("held talks"), or an adjective ("is opposed to").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from accord.extract.events.lexicon import Lexicon, Reading, TriggerEntry, lemma_of
from accord.extract.events.syntax import (
    CLAUSE_LINKS,
    FUTURE_AUX,
    SUBJECT_DEPS,
    agent_of,
    complement_of,
    conjuncts,
    depth_of,
    heads_a_headline,
    is_conditional_clause,
    is_in_adjunct,
    is_nominal_verb,
    is_nounlike,
    is_perfect,
    is_to_infinitive,
    misread_acronym_verb,
    objects_of_preposition,
    read_as_participle,
    stray_subject,
    subject_of,
    top_of_chain,
)
from accord.nlp import children_of, doc_tokens, sentence_of, span_tokens

if TYPE_CHECKING:
    from accord.extract.events.participants import MentionIndex


DEONTIC_AUX = {"must", "should"}
# The reactions an act draws by a reaction verb ("drew condemnation from X", "sparked
# criticism": reaction_verbs in triggers.json)
REACTION_TYPES = {"ACCUSE", "SUPPORT"}
STANCE_MODES = {"ACCUSE": "disapprove"}
NAME_ENTITIES = {"ORG", "PERSON", "NORP", "GPE", "LOC", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"}
PASSING_PREPS = {"in", "during", "at", "on", "after", "following"}  # "during her trip to"
RESORT_VERBS = {  # "resorted to firing", "entered into negotiations with the government"
    "resort": "to",
    "engage": "in",
    "turn": "to",
    "enter": "into",
}
CAUSE_PREPS = {"in", "during", "from", "after", "by"}
YEAR = re.compile(r"1[89]\d\d|20\d\d")
SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")


@dataclass
class Candidate:
    """A trigger found in a sentence, before actors and modality are worked out."""

    token: Token  # the word whose entry gives the type (verb or noun)
    entry: TriggerEntry
    predicate: Token  # the verb whose subject/objects give the actors
    complement: Token | None = None  # the content a governing verb takes
    why: list[str] = field(default_factory=list)
    speaker_is_source: bool = False  # demands and threats voiced by the reporting speaker
    rules: list[str] = field(default_factory=list)  # the rule (or model) that found it first
    confidence: float = 1.0  # below 1 for a model's reading
    doer: Token | None = None  # who does it, when the trigger is no verb with a subject
    done_to: Token | None = None  # whom the doer acts on, when the trigger has no object


PARTICLES = {
    "back",
    "out",
    "off",
    "away",
    "down",
    "ablaze",
    "alight",
}  # read as adverbs ("set ablaze")
HOMEWARD = {"home"}  # "returned home", "arrived home": the adverb the parser gives no particle


def _phrasal_keys(token: Token, lexicon: Lexicon) -> list[str]:
    """Multi-word forms of a verb: with its particle ("pull out"), its preposition and object
    ("go on strike"), or its object ("open fire", "hold talks"), longest first."""
    lemma = lemma_of(token, lexicon)
    keys = []
    for child in children_of(token):
        if child.i < token.i or (child.dep_ == "prep" and _names_a_time(child)):
            continue  # "called the deal void on Tuesday" is no "call on"
        if child.dep_ == "prep":
            keys.extend(f"{lemma} {child.lower_} {g.lower_}" for g in children_of(child))
        if (
            child.dep_ in {"prt", "prep", "acomp", "oprd"}
            or (  # "find guilty", "set free"
                child.dep_ == "ccomp" and child.pos_ == "ADJ"
            )
            or (child.dep_ == "advmod" and child.lower_ in PARTICLES | HOMEWARD)
        ):  # "pulled its forces back", "returned home"
            keys.append(f"{lemma} {child.lower_}")
        if child.dep_ == "advcl" and any(  # "called for X to increase", parsed as a clause
            m.dep_ == "mark" and m.lower_ == "for"
            for m in children_of(child)  # marked by "for"
        ):
            keys.append(f"{lemma} for")
        if child.dep_ == "dobj":
            keys.append(f"{lemma} {child.lower_}")
        if child.dep_ == "prep":  # "respond to the listings with countermeasures": the parser
            for pobj in children_of(child):  # hangs the second phrase on the first one's noun
                for inner in children_of(pobj):
                    if inner.dep_ == "prep":
                        keys.extend(
                            f"{lemma} {inner.lower_} {g.lower_}" for g in children_of(inner)
                        )
    return sorted(keys, key=len, reverse=True)


def held_subjects(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Rule "the-held-who-come-home-were-freed": the subjects of a homecoming verb that were
    held ("prisoners of war arrived home", "soldiers held in Armenia returned home", "returned
    home from Russian captivity"; word lists in held_people), else none."""
    held = lexicon.held_people
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj"]
    subjects += [c for s in subjects for c in s.conjuncts]
    from_a_prison = any(
        lemma_of(pobj, lexicon) in held.get("places", ())
        for pobj in objects_of_preposition(verb, "from")
    )
    return [
        subject
        for subject in subjects
        if from_a_prison
        or lemma_of(subject, lexicon) in held.get("nouns", ())
        or any(
            c.dep_ == "acl" and c.lower_ in held.get("participles", ())
            for c in children_of(subject)
        )
    ]


def _names_a_time(preposition: Token) -> bool:
    """A preposition whose object is a date or time ("on Tuesday", "for two days")."""
    objects = [c for c in children_of(preposition) if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _has_required_object(token: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """Verbs like "exchange" or "free" are events only with the right object (prisoners; with
    ``@person`` in the list, any person: "released Suu Kyi", "freed 40 protesters"); none is
    one with an excluded object ("struck a deal", "met the needs")."""
    if not entry.objects and not entry.unless_objects:
        return True
    objects = _objects_of(token, lexicon)
    if any(_is_object(o, entry.unless_objects, lexicon, False) for o in _direct_objects(token)):
        return False
    if not entry.objects:
        return True
    wanted = entry.objects.union(*(reading[2] for reading in entry.alts))
    if "@held" in wanted and any(_held_people(token, o, lexicon) for o in _direct_objects(token)):
        return True
    return any(_is_object(o, wanted, lexicon) for o in objects)


def _held_people(verb: Token, word: Token, lexicon: Lexicon) -> bool:
    """Rule "people-held-are-detained" (``@held`` in an entry's objects): "Forty protesters
    were held overnight", "Seven held after Kano unrest": people, named by what they are or
    by a bare count, that a passive "held" acts on (its passive subject, the noun its
    participle describes in a headline). "Held talks with journalists" holds talks, "received
    eight people held in the US" describes them, and an active "hold" reads many ways."""
    if word.dep_ in {"pobj", "dobj"}:
        return False  # "a meeting was held with 20 journalists", "held the baby"
    if word.i == verb.head.i and verb.dep_ == "acl" and not heads_a_headline(verb):
        return False
    counted = word.like_num or word.lower_ in {"dozens", "scores", "hundreds", "thousands"}
    return counted or is_person(word, lexicon)  # "Seven held", not "20 meetings were held"


def _direct_objects(token: Token) -> list[Token]:
    """What a verb acts on directly: its object, its passive subject, a "with" object ("was met
    with applause", "speak with one voice"), the noun a participle describes ("crimes committed
    by X")."""
    described = [token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else []
    return [
        *[c for c in children_of(token) if c.dep_ in {"dobj", "nsubjpass"}],
        *objects_of_preposition(token, "with"),
        *described,
    ]


def is_person(token: Token, lexicon: Lexicon) -> bool:
    """A named person or a noun for people ("protesters", "a journalist", "dozens of them")."""
    return (
        token.ent_type_ in {"PERSON", "NORP"}
        or lemma_of(token, lexicon) in lexicon.person_nouns
        or token.lower_ in lexicon.person_nouns
    )


def _objects_of(token: Token, lexicon: Lexicon) -> list[Token]:
    """A verb's object words: direct object, passive subject, what a measure or group noun
    counts ("thousands of refugees") and the objects of its prepositions."""
    objects = [c for c in children_of(token) if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [c for o in list(objects) for c in o.conjuncts]  # "photographs and intelligence"
    objects += [
        c for c in children_of(token) if c.dep_ == "xcomp" and c.tag_ == "VBG"
    ]  # "stop firing"
    objects += [  # "holding thousands of refugees"
        pobj
        for obj in list(objects)
        if lemma_of(obj, lexicon)
        in lexicon.words("measure_nouns") | lexicon.words("grouping_nouns")
        for prep in children_of(obj)
        if prep.lower_ == "of"
        for pobj in children_of(prep)
    ]
    for child in children_of(token):
        if child.dep_ == "prep" and child.lower_ not in TIME_PREPOSITIONS:
            objects.extend(c for c in children_of(child) if c.dep_ == "pobj")
    return objects


# Rule time-is-no-object: what a verb's time phrase names is no object of the act ("left
# Israel after talks with Netanyahu" leaves no talks; "freed after the exchange").
TIME_PREPOSITIONS = {"after", "before", "during", "since", "until", "following"}


def verb_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The lexicon entry of a verb, phrasal forms first ("call for", "pull out")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    for key in _phrasal_keys(token, lexicon):
        entry = lexicon.phrasal.get(key)
        if entry is not None and entry.subject_is_held and not held_subjects(token, lexicon):
            continue  # "the president returned home": no one freed
        if entry is not None and _has_required_object(token, entry, lexicon):
            return entry
    hyphened = next(
        (lexicon.verbs[k] for k in hyphened_keys(token, lexicon) if k in lexicon.verbs), None
    )
    if hyphened is not None:
        return hyphened  # "test-fired": the whole word, not its last part ("fired")
    entry = lexicon.verbs.get(lemma_of(token, lexicon))
    if entry is not None and not _has_required_object(token, entry, lexicon):
        return None
    return entry


def names_an_aim(noun: Token, lexicon: Lexicon) -> bool:
    """Rule an-effort-names-its-aim: "Rice was likely to discuss Afghanistan's effort to
    negotiate peace", "disrupt Iran's efforts to circumvent sanctions", "increase their efforts
    to oust the government": what an effort strives for is an aim, no act done (the nouns are
    data: effort_nouns in triggers.json)."""
    return lemma_of(noun, lexicon) in lexicon.effort_nouns or noun.lower_ in lexicon.effort_nouns


def _is_purpose_or_background(verb: Token, lexicon: Lexicon) -> bool:
    """ "blocked roads to press their demands" (the aim of the act), "in Serbia, where 24 people
    were killed last March" (the place's history): clauses that are not events of their own."""
    if verb.dep_ == "advcl" and is_to_infinitive(verb):
        return verb.head.pos_ == "VERB" and verb_entry(verb.head, lexicon) is not None
    if verb.dep_ in {"acl", "relcl"} and is_to_infinitive(verb) and not is_in_adjunct(verb.head):
        head = verb.head  # "$9 million in assistance to support Colombia": the aid's aim (but
        # "converged for a rally to protest": the rally sets the scene, the protest is the act)
        if noun_entry(head, lexicon) is not None or lemma_of(head, lexicon) in lexicon.words(
            "measure_nouns"
        ):
            return True
        if lemma_of(head, lexicon) in lexicon.words("plan_nouns"):
            return True  # "endorsed a plan to deploy a standby force": what is planned
        if names_an_aim(head, lexicon):
            return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.pos_ == "VERB":
        return True  # "joining demonstrators in demanding a referendum"
    if verb.dep_ == "pcomp" and verb.head.lower_ in {"of", "with"}:
        charged = verb.head.head  # "booked on charges of assaulting an officer": the charge
        if charged.lemma_.lower() in lexicon.words("charge_words"):
            return True
    if read_as_participle(verb):
        return False  # "Kenyan police arrested 50 protesters.": the sentence's own verb
    if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}:
        # "militiamen armed with machetes", "rebels fighting the government"; but "issued a
        # declaration demanding ..." is the demand itself; "a truce brokered by Qatar" (of an
        # event, or dated) and "15 worshippers abducted from a church" tell the act, "a bill
        # signed by the minister" only names the bill
        of_event = _is_dated(verb) or noun_entry(verb.head, lexicon) is not None
        told = (_has_agent(verb) and of_event) or _counted_head(verb.head)
        told = told or heads_a_headline(verb)
        if verb.tag_ == "VBN" and told:
            return False
        absolute = verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with"
        if verb.tag_ == "VBG" and absolute:
            return False  # "with Congo's president accusing Rwanda": an act told in passing
        # the text does it ("a law banning X"); "a bill signed by X" only names the bill
        return verb.tag_ == "VBN" or verb.head.lemma_.lower() not in lexicon.words("document_nouns")
    if verb.dep_ == "relcl" and verb.tag_ in {"VBZ", "VBP"}:
        # "Promsvyazbank, which finances Russia's defence sector": a habit, not an act
        return not any(c.dep_ in {"aux", "auxpass"} for c in children_of(verb))
    if describes_what_it_is_doing(verb):
        return True
    return verb.dep_ == "relcl" and verb.head.ent_type_ in {"GPE", "LOC", "FAC"}


PRESENT_BE = {"is", "are", "'s", "'re"}


def describes_what_it_is_doing(verb: Token) -> bool:
    """Rule a-group-described-as-doing-is-no-act: a relative clause in the present progressive
    ("the Abu Sayyaf group, which is also based in the south and is fighting for a separate
    state", "Turkish nationalists who are targeting the PKK", "people who are escaping the
    crisis") says what the noun it describes is busy with, who it is; the report tells no act
    by it there (a conjunct of the clause, "and is fighting", is in it too)."""
    if verb.tag_ != "VBG":
        return False
    clause = top_of_chain(verb)
    if clause.dep_ != "relcl" or clause.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in children_of(verb))


def _done_before_to_the_antecedent(verb: Token) -> bool:
    """A relative clause in the past perfect that tells what had been done to the noun it
    describes ("a man who had been killed", "nationals whom it had taken hostage"): who they
    are, not an act the story reports ("Guterres, who had asked the army to halt" is one)."""
    children = list(children_of(verb))
    if not any(c.dep_ == "aux" and c.lower_ == "had" for c in children):
        return False
    passive = any(c.dep_ == "auxpass" for c in children)
    object_relative = any(
        c.dep_ == "dobj" and c.lower_ in {"whom", "which", "that"} for c in children
    )
    return passive or object_relative


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in children_of(verb))


def _is_dated(verb: Token) -> bool:
    """Is a participle told with its own time ("signed five days ago", "made recently")?"""
    return any(
        t.ent_type_ in {"DATE", "TIME"} or t.lower_ in {"recently", "ago", "earlier", "yesterday"}
        for c in children_of(verb)
        if c.dep_ != "agent"
        for t in c.subtree
    )


def _counted_head(noun: Token) -> bool:
    return noun.like_num or any(c.dep_ == "nummod" for c in children_of(noun))


NOUN_ENTRIES_KEY = "accord.events.noun_entries"  # Doc.user_data: (lexicon, entry by word)


def noun_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The lexicon entry of a noun (by lemma, then by its surface form); a modifier that names
    another kind of event switches it ("hunger strike" is a PROTEST, not an ASSAULT).

    Kept on the doc for each word and lexicon: the sentence rules ask it of every word
    several times (on the bench corpus 124,000 asks, 55,000 of them distinct)."""
    kept = token.doc.user_data.get(NOUN_ENTRIES_KEY)
    if kept is None or kept[0] is not lexicon:
        kept = token.doc.user_data[NOUN_ENTRIES_KEY] = (lexicon, {})
    entries = kept[1]
    if token.i not in entries:
        entries[token.i] = read_noun_entry(token, lexicon)
    return entries[token.i]


def read_noun_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """``noun_entry`` worked out (not kept)."""
    if token.pos_ not in {"NOUN", "PROPN"} and not is_nominal_verb(token, lexicon):
        return None
    keys = hyphened_keys(token, lexicon)
    hyphened = next((lexicon.nouns[key] for key in keys if key in lexicon.nouns), None)
    if hyphened is not None:
        return hyphened  # "cease-fire", "sit-in": the whole word, not its last part ("fire")
    if _starts_hyphened_trigger(token, lexicon):
        return None
    entry = _multiword_entry(token, lexicon)
    entry = entry or lexicon.nouns.get(lemma_of(token, lexicon)) or lexicon.nouns.get(token.lower_)
    if entry is None and is_nominal_verb(token, lexicon):
        entry = lexicon.verbs.get(lemma_of(token, lexicon))
    if entry is None and lemma_of(token, lexicon) in lexicon.words("light_head_nouns"):
        # "a mediation effort", "a mediation mission": the modifier names the event
        for child in children_of(token):
            if child.dep_ in {"compound", "nmod"} and child.i < token.i:
                entry = lexicon.nouns.get(lemma_of(child, lexicon))
                if entry is not None:
                    break
    if entry is None:
        entry = _entry_of_modifier(token, lexicon)  # "a telephone conversation"
    if entry is None and is_operation_against_a_foe(token, lexicon):
        entry = HOSTILE_OPERATION  # "launched an operation against the Taliban"
    if entry is None and are_punitive_measures(token, lexicon):
        entry = PUNITIVE_MEASURES  # "announced their own measures against Russia"
    if entry is None:
        return None
    if _names_no_event(token, lexicon):
        return None  # "a bird strike", "a press release"
    for kind, mode in _modifier_readings(token, lexicon):
        if kind != entry.type:
            return TriggerEntry(  # "called off the general strike" still ends it
                type=kind, mode=mode, context=entry.context, if_governed_by=entry.if_governed_by
            )
    return entry


HOSTILE_OPERATION = TriggerEntry(type="ASSAULT")


def is_operation_against_a_foe(noun: Token, lexicon: Lexicon) -> bool:
    """Rule "an-operation-against-a-foe-is-an-attack": a military operation is an event only when
    the sentence names it waged on someone ("launched an operation against the Taliban") or
    launched to drive someone out ("launched an 'Operation Excellence' to remove the
    guerrillas"); a rescue or relief operation names no foe and stays no event."""
    named = any(
        c.dep_ == "compound" and lemma_of(c, lexicon) in lexicon.operation_nouns
        for c in children_of(noun)
    )
    if lemma_of(noun, lexicon) not in lexicon.operation_nouns and not named:
        return False
    if objects_of_preposition(noun, "against"):
        return True
    return operation_aim(noun, lexicon) is not None


PUNITIVE_MEASURES = TriggerEntry(type="SANCTION", mode="discontinue")


def are_punitive_measures(noun: Token, lexicon: Lexicon) -> bool:
    """Rule "punitive-measures-are-sanctions": measures are a sanction (CAMEO 16; the EU's
    "restrictive measures") only when the sentence says they punish: a punitive modifier
    ("take restrictive measures"), an "against" phrase naming a party ("measures against
    Russia") or an aim of isolating or punishing ("imposed measures to isolate Qatar").
    Measures against a virus or inflation name no party and stay no event."""
    if lemma_of(noun, lexicon) not in lexicon.measure_nouns:
        return False
    if any(
        c.dep_ in {"amod", "compound"} and c.lower_ in lexicon.punitive_modifiers
        for c in children_of(noun)
    ):
        return True
    if any(_names_an_actor(o) for o in objects_of_preposition(noun, "against")):
        return True
    return measure_aim(noun, lexicon) is not None


def measure_aim(noun: Token, lexicon: Lexicon) -> Token | None:
    """The isolating or punishing verb measures are taken for ("imposed measures to isolate
    Qatar": 'isolate', hung on the noun or on the verb that takes it), or None."""
    if lemma_of(noun, lexicon) not in lexicon.measure_nouns:
        return None
    return next(
        (
            c
            for c in (*children_of(noun), *children_of(noun.head))
            if c.dep_ in {"relcl", "acl", "advcl", "xcomp"}
            and lemma_of(c, lexicon) in lexicon.measure_aims
            and is_to_infinitive(c)
        ),
        None,
    )


def operation_aim(noun: Token, lexicon: Lexicon) -> Token | None:
    """The driving-out verb an operation is launched for ("launched an 'Operation Excellence'
    to remove the guerrillas": 'remove', hung on 'launched'), or None."""
    if noun.dep_ != "dobj":
        return None
    return next(
        (
            c
            for c in children_of(noun.head)
            if c.dep_ in {"advcl", "xcomp"}
            and lemma_of(c, lexicon) in lexicon.operation_aims
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
        ),
        None,
    )


def aimed_at(aim: Token) -> list[Token]:
    """Whom a driving-out verb is aimed at: its object, or the people a number of them counts
    ("to remove three hundred of the guerrillas": the guerrillas)."""
    found = []
    for obj in (c for c in children_of(aim) if c.dep_ == "dobj"):
        counted = objects_of_preposition(obj, "of")
        found.extend(counted if obj.pos_ == "NUM" and counted else [obj])
    return found


def _entry_of_modifier(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """A noun that is no event by itself made one by a modifier naming the kind ("a telephone
    conversation", "phone talks"): the modifier's entry, when the noun is among its heads."""
    kind, mode = next(_modifier_readings(token, lexicon), (None, None))
    return TriggerEntry(type=kind, mode=mode) if kind else None


def _modifier_readings(token: Token, lexicon: Lexicon) -> Iterator[tuple[str, str | None]]:
    """The type and mode each modifier of a noun gives it when the noun is among the
    modifier's heads ("hunger strike": PROTEST, "telephone conversation": CONSULT phone)."""
    lemma = lemma_of(token, lexicon)
    for child in children_of(token):
        modifier = lexicon.noun_modifiers.get(child.lower_)
        if modifier is None or child.dep_ not in {"compound", "amod", "nmod"}:
            continue
        kind, mode, heads = modifier
        if kind and lemma in heads:
            yield kind, mode


# Hyphens inside one lexicon word ("cease-fire"); names joined by a dash are in
# resolve.actors.JOINING_HYPHENS, which also takes an en dash
WORD_HYPHENS = frozenset({"-", "\u2011"})


def hyphened_keys(token: Token, lexicon: Lexicon) -> list[str]:
    """The lexicon keys of a hyphened word the tokenizer split ("cease - fire", "test -
    fired", "sit - in"), read from its last part: "cease-fire", "test-fire"."""
    doc, i = doc_tokens(token.doc), token.i  # kept Tokens: no new one per read
    if (
        i < 2
        or doc[i - 1].text not in WORD_HYPHENS
        or doc[i - 1].whitespace_
        or doc[i - 2].whitespace_
    ):
        return []
    prefix = doc[i - 2].lower_
    return [f"{prefix}-{lemma_of(token, lexicon)}", f"{prefix}-{token.lower_}"]


def _starts_hyphened_trigger(token: Token, lexicon: Lexicon) -> bool:
    """The first part of a hyphened word of the lexicon ("sit" in "sit-in")."""
    doc, i = doc_tokens(token.doc), token.i
    if i + 2 >= len(doc) or token.whitespace_ or doc[i + 1].text not in WORD_HYPHENS:
        return False
    keys = hyphened_keys(doc[i + 2], lexicon)
    return any(key in lexicon.nouns or key in lexicon.verbs for key in keys)


def _multiword_entry(noun: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """A noun of several words: with its modifier ("martial law", "phone call", "industrial
    action") or its "of" phrase ("state of emergency", "exchange of fire", "show of force")."""
    lemma = lemma_of(noun, lexicon)
    keys = []
    for child in children_of(noun):
        if child.dep_ in {"compound", "amod", "nmod"} and child.i == noun.i - 1:
            keys.append(f"{child.lower_} {lemma}")
            keys.append(f"{child.lower_} {noun.lower_}")
        elif child.dep_ == "prep" and child.lower_ == "of":
            pobjs = [pobj for pobj in children_of(child) if pobj.dep_ == "pobj"]
            keys.extend(f"{lemma} of {pobj.lemma_.lower()}" for pobj in pobjs)
    return next((lexicon.nouns[key] for key in keys if key in lexicon.nouns), None)


def _names_no_event(noun: Token, lexicon: Lexicon) -> bool:
    """A modifier that makes an event noun mean something else: "bird strike", "press release"."""
    for child in children_of(noun):
        heads = lexicon.not_event_modifiers.get(child.lower_)
        if heads is None or child.dep_ not in {"compound", "amod", "nmod"} or child.i > noun.i:
            continue
        if not heads or lemma_of(noun, lexicon) in heads:
            return True
    return False


def goes_into_force(verb: Token, lexicon: Lexicon) -> bool:
    """Rule "into-force-is-taking-effect": "the ceasefire came into force at 6 a.m.", "went
    into effect", "entered into force" tell what "took effect" tells (the noun's own
    happening): wire copy uses them alike for truces and deals."""
    if lemma_of(verb, lexicon) not in lexicon.words("into_force_verbs"):
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ == "into"
        and any(g.dep_ == "pobj" and g.lower_ in {"force", "effect"} for g in children_of(child))
        for child in children_of(verb)
    )


def is_over(verb: Token) -> bool:
    """Rule "its-end-is-its-happening": "the week-long truce ... was over" tells the truce
    ending, as "ended" or "collapsed" does."""
    return verb.lemma_ == "be" and any(c.lower_ == "over" for c in children_of(verb))


def ends_it(noun: Token) -> bool:
    """ "declared an end to the truce", "put an end to the talks": the noun's end, told with
    the verb of whoever ends it (rule "its-end-is-its-happening")."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lemma_ == "end"
        and head.head.dep_ == "dobj"
        and head.head.head.pos_ == "VERB"
    )


RELATIVE_THINGS = {"which", "that"}  # "which" and "that" stand for things, "who" for people


def start_told_in_its_clause(noun: Token, lexicon: Lexicon) -> Token | None:
    """Rule "a-truce-that-began-happened": "The truce, which began on April 2, was the longest
    pause", "The truce, which began at sundown on Monday, has brought ...", "the first phase
    of the ceasefire, which took effect on Sunday morning": background copy tells a truce's
    start in a "which" clause on its noun, whatever the main verb says of it; that clause's
    verb is the noun's happening. Only for what takes effect (RETREAT nouns: a truce, a
    withdrawal)."""
    entry = noun_entry(noun, lexicon)
    if entry is None or entry.type != "RETREAT":
        return None
    for clause in children_of(noun):
        relative = any(
            c.dep_ == "nsubj" and c.lower_ in RELATIVE_THINGS for c in children_of(clause)
        )
        if clause.dep_ != "relcl" or not relative:
            continue
        lemma = lemma_of(clause, lexicon)
        took_effect = lemma == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "effect" for c in children_of(clause)
        )
        if lemma in lexicon.words("start_verbs") or took_effect or goes_into_force(clause, lexicon):
            return clause
    return None


def _noun_predicate(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb that makes a trigger noun an event: "talks concluded", "held talks"."""
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in {"of", "in"}
        and head.head.lemma_.lower() in lexicon.words("measure_nouns")
    ):  # "provide 25,000 tons of aid", "announced $9 million in assistance": the aid is given
        noun, head = head.head, head.head.head
    if noun.dep_ in SUBJECT_DEPS and head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() in lexicon.reporting_verbs:
            return None
        if head.lemma_.lower() in lexicon.words("reaction_verbs"):
            return noun  # "The attack drew condemnation from X": the attack, named, not X's
        only = (noun_entry(noun, lexicon) or TriggerEntry(type=None)).verbs_only
        if only and lemma_of(head, lexicon) not in only:
            return None  # "concern grew" is no complaint; "charges were filed" is one
        governing = verb_entry(head, lexicon)
        if governing is not None and governing.governs:
            return None  # "the exchange was agreed": the agreeing is the event
        if goes_into_force(head, lexicon):
            return head  # "the truce came into force": 'come' describes, 'into force' happens
        if is_over(head):
            return head  # "the truce was over": 'be' describes, 'over' is its end
        if lemma_of(head, lexicon) in lexicon.words("describing_verbs"):
            return None  # "the agreement is null and void", "the ban followed discussions"
        return head
    if (
        noun.dep_ == "attr"
        and head.lemma_ == "be"
        and any(c.dep_ == "expl" for c in children_of(head))
    ):
        return head  # "there was a $500 million pledge made by Japan"
    if ends_it(noun):
        return head.head.head  # "the army declared an end to the truce": the truce's end
    if noun.dep_ == "pobj" and (_participates(head, lexicon) or travels_for_talks(noun, lexicon)):
        return head.head  # "took part in the talks", "resorted to unprovoked firing"
    claimant_verb = claimed_by(noun, lexicon)
    if claimant_verb is not None:
        return claimant_verb  # "IS claimed responsibility for the bombing": IS did it
    if noun.dep_ == "conj" and head.dep_ in SUBJECT_DEPS and noun_entry(head, lexicon):
        return _noun_predicate(head, lexicon)  # "the killings, and the arrests ..., occurred"
    if noun.dep_ == "dobj" and (verb := misread_acronym_verb(head)) is not None:
        head = verb  # "ECOWAS imposed sanctions on Mali", parsed with ECOWAS as the verb
    if noun.dep_ in {"dobj", "ccomp"} and head.pos_ == "VERB":
        lemma = lemma_of(head, lexicon)
        entry = noun_entry(noun, lexicon)
        if (
            lemma in lexicon.words("reaction_verbs")
            and entry is not None
            and entry.type in REACTION_TYPES
        ):
            return head  # "drew condemnation from the UN", "sparked criticism"
        governed = entry is not None and entry.is_governed_by(head)
        if entry is not None and entry.verbs_only:
            return head if lemma in entry.verbs_only or governed else None
        if lemma in lexicon.light_verbs or lemma in lexicon.reporting_verbs or governed:
            return head
        if (
            lemma in lexicon.words("meeting_light_verbs")
            and entry is not None
            and entry.type == "CONSULT"
        ):
            return head  # "had a meeting with Wang Yi", "had a telephone conversation"
    return None


def claimed_by(noun: Token, lexicon: Lexicon) -> Token | None:
    """Rule "a-claim-names-the-doer": "Houthi rebels claimed responsibility for a missile attack
    on a ship": the attack is the event and the claimant its doer, so the claiming verb is the
    noun's predicate (its subject the source). None when the noun is not so claimed."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "for":
        return None
    responsibility = preposition.head
    verb = responsibility.head
    if responsibility.lemma_.lower() != "responsibility" or responsibility.dep_ != "dobj":
        return None
    return verb if lemma_of(verb, lexicon) in lexicon.words("claiming_verbs") else None


def travels_for_talks(noun: Token, lexicon: Lexicon) -> bool:
    """Rule "travel-for-talks": a meeting noun a journey is for is the meeting ("Blinken
    travelled to Riyadh for talks with the crown prince", "Lavrov is in Beijing for talks",
    "arrived in Moscow for a two-day visit"); the traveller is its subject. One who joins
    another for a meeting ("Hu joined President Obama for a private dinner") meets that one."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "for" or preposition.dep_ != "prep":
        return False
    verb = preposition.head
    entry = noun_entry(noun, lexicon)
    return (
        entry is not None
        and entry.type == "CONSULT"
        and verb.pos_ in {"VERB", "AUX"}
        and lemma_of(verb, lexicon)
        in lexicon.words("travel_verbs")
        | lexicon.words("gathering_verbs")
        | lexicon.words("joining_verbs")
    )


def _participates(preposition: Token, lexicon: Lexicon) -> bool:
    """Is this the preposition of a verb that takes part in, or resorts to, an event ("took
    part in the talks", "participated in a session", "resorted to firing")?"""
    verb = preposition.head
    if preposition.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = lemma_of(verb, lexicon)
    takes_part = lemma == "take" and any(c.lower_ == "part" for c in children_of(verb))
    wanted = (
        "in"
        if lemma in lexicon.words("participation_verbs") or takes_part
        else RESORT_VERBS.get(lemma)
    )
    return preposition.lower_ == wanted


def _gerund_in_a_compound(token: Token) -> bool:
    """Rule a-gerund-in-a-compound-is-no-act: "will share missile warning data": a gerund a
    noun compounds right before it names a kind of thing (missile warning, peace building,
    election monitoring), it tells no one acting."""
    if token.tag_ != "VBG" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.dep_ == "compound" and before.head.i == token.i and before.pos_ == "NOUN"


def verb_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Verbs of the lexicon; a governing verb takes its content and consumes the verbs and
    nouns in it (added to ``consumed``), so they are not events of their own."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.dep_ == "relcl" and _done_before_to_the_antecedent(token):
            # "the funeral of a man who had been killed fighting": his story, from before
            consumed.update(t.i for t in token.subtree)
            continue
        if _is_purpose_or_background(token, lexicon):
            if is_to_infinitive(token):
                consumed.update(t.i for t in token.subtree)  # what an aim names is no event
            continue
        if is_nominal_verb(token, lexicon) or _gerund_in_a_compound(token):
            continue
        entry = verb_entry(token, lexicon)
        if entry is None or token.i in consumed or _means_of_a_named_act(token, lexicon):
            continue
        candidate = Candidate(
            token=token, entry=entry, predicate=token, why=[f"verb '{token.lemma_}'"]
        )
        if entry.governs:
            complement = complement_of(token, lexicon)
            if complement is not None:
                candidate.complement = complement
                kept = harm_told_as_fact(complement, lexicon) if entry.type == "ACCUSE" else set()
                consumed.update(
                    t.i
                    for t in complement.subtree
                    if t.pos_ in {"VERB", "NOUN"} and t.i not in kept
                )
                candidate.why.append(f"governs '{complement.text}'")
        candidates.append(candidate)
    return candidates


def harm_told_as_fact(content: Token, lexicon: Lexicon) -> set[int]:
    """ "accused Turkey of a drone attack that killed three civilians": the deaths are the
    writer's fact, so the attack that caused them (the attack the toll clause hangs from, or
    is parsed onto a place inside: "an attack on a block in Kharkiv that killed 14", or onto
    a word before the content when it follows it in the text) is an event of its own, only
    its doer alleged. An accused deed with no harm told ("accused Hamas of stealing aid")
    stays the charge."""
    inside = {t.i for t in content.subtree}
    kept: set[int] = set()
    for clause in sentence_of(content):
        if not _tells_a_toll(clause, lexicon):
            continue
        if clause.i in inside:
            attacks = [a for a in clause.ancestors if a.i in inside and names_an_attack(a, lexicon)]
        elif clause.left_edge.i == content.right_edge.i + 1:  # parsed onto an earlier word
            attacks = [a for a in content.subtree if names_an_attack(a, lexicon)][-1:]
        else:
            continue
        if attacks:
            kept.add(attacks[0].i)
            kept.update(t.i for t in clause.subtree)
    return kept


def _tells_a_toll(clause: Token, lexicon: Lexicon) -> bool:
    """ "that killed three civilians", "..., killing two residents"."""
    told = clause.dep_ == "relcl" or _tells_the_outcome(clause)
    return (
        told
        and clause.lemma_ in lexicon.words("toll_verbs")
        and any(c.dep_ == "dobj" for c in children_of(clause))
    )


def names_an_attack(token: Token, lexicon: Lexicon) -> bool:
    """A noun or verb the lexicon reads as an attack ("strike", "shelled")."""
    entry = noun_entry(token, lexicon) if token.pos_ == "NOUN" else verb_entry(token, lexicon)
    return entry is not None and entry.type == "ASSAULT"


def _means_of_a_named_act(verb: Token, lexicon: Lexicon) -> bool:
    """ "Police used water cannon to disperse protesters": the use is the means, the act is
    what it was used to do (that verb, when it is a trigger, is the event)."""
    if lemma_of(verb, lexicon) != "use":
        return False
    return any(
        c.dep_ in {"advcl", "xcomp"} and is_to_infinitive(c) and verb_entry(c, lexicon) is not None
        for c in children_of(verb)
    )


def adjective_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Predicative adjectives of the lexicon: "Israel is opposed to French mediation", "X is
    critical of Y"."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        entry = lexicon.adjectives.get(token.lemma_.lower()) if token.pos_ == "ADJ" else None
        if entry is not None and token.dep_ == "acomp" and token.i not in consumed:
            content = next(iter(objects_of_preposition(token, "to")), None)
            if entry.objects and (
                content is None or lemma_of(content, lexicon) not in entry.objects
            ):
                continue  # "open to a ceasefire" is a stance, "open to traffic" none
            candidate = Candidate(
                token=token, entry=entry, predicate=token.head, why=[f"adjective '{token.text}'"]
            )
            candidate.complement = content
            candidates.append(candidate)
    return candidates


def noun_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Event nouns of the lexicon with a verb that makes them happen ("held talks", "talks
    concluded"); a noun in a scene-setting phrase ("at the Istanbul talks") is not one."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed:
            continue
        entry = noun_entry(token, lexicon)
        if entry is None or token.ent_type_ in NAME_ENTITIES:
            continue  # "the Democratic Rally hailed the pipeline": a party, not a rally
        if (
            is_in_adjunct(token)
            and not _participates(token.head, lexicon)
            and not travels_for_talks(token, lexicon)
            and claimed_by(token, lexicon) is None
        ):
            continue
        start = start_told_in_its_clause(token, lexicon)
        predicate = _noun_predicate(token, lexicon) or start
        if predicate is None:
            continue
        governed_type = entry.type if _ended(token, lexicon) else entry.type_under(predicate)
        if governed_type != entry.type:
            entry = TriggerEntry(type=governed_type, context=entry.context)
        why = [f"noun '{token.lemma_}'"]
        if start is not None:
            why.append(f"its start told in a '{start.text}' clause (a-truce-that-began-happened)")
        candidate = Candidate(token=token, entry=entry, predicate=predicate, why=why)
        candidates.append(candidate)
    return candidates


def deed_noun_triggers(
    sentence: Span, lexicon: Lexicon, consumed: set[int], found: set[int]
) -> list[Candidate]:
    """Rule a-deed-noun-names-its-doer: an act's noun that names its doer ("a failed missile
    attack by the rebels on a French plane is proof ...", "the refusal by the Houthis to
    withdraw comes as no surprise") or the parties of a mutual act ("caught up in fighting
    between his group and the army") tells the act as done, wherever it stands; no verb need
    make it happen. A noun that renames what the sentence tells ("met in Singapore, the first
    meeting between leaders", "in what would be the first meeting") is no act of its own.
    ``found`` holds the words other rules made events already: a noun in a phrase of one is its
    means or its content ("injured in clashes between police and protesters": the injuring is
    the clash; "were hit with new sanctions by the EU"), not another act."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed or token.i in found or token.ent_type_ in NAME_ENTITIES:
            continue
        entry = noun_entry(token, lexicon)
        if entry is None or entry.verbs_only or token.dep_ in RENAMING_DEPS:
            continue
        if not _names_its_doer(token, entry, lexicon) or _means_of(token, found):
            continue
        why = [f"noun '{token.lemma_}' names its doer"]
        candidates.append(Candidate(token=token, entry=entry, predicate=token, why=why))
    return candidates


def _means_of(noun: Token, found: set[int]) -> bool:
    """Is the noun in a phrase of a word already made an event?"""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head.i in found


RENAMING_DEPS = {"attr", "appos"}  # "met on Tuesday, the first meeting between ...": renamed


def _names_its_doer(noun: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """Does the noun's own phrase name who did it: "by the rebels" (not "by Monday"), or,
    for a mutual act, "between X and Y"?"""
    for prep in children_of(noun):
        if prep.dep_ != "prep" or _names_a_time(prep):
            continue
        if prep.lower_ == "by" and entry.type in lexicon.deeds_by_doer:
            return any(p.pos_ in {"NOUN", "PROPN"} for p in objects_of_preposition(noun, "by"))
        if prep.lower_ == "between" and entry.type in lexicon.deeds_between:
            return True
    return False


def _ended(noun: Token, lexicon: Lexicon) -> bool:
    """Rule "an-end-is-not-the-thing-declared": "declared an end to the truce", "announced the
    collapse of the ceasefire": the verb declares the end, so the type it gives the noun it
    governs ("declaring a ceasefire is CONCEDE") is not the truce's."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ in {"to", "of"}
        and head.head.lemma_.lower() in lexicon.ending_nouns
    )


def sanctions_in_force(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Sanctions a subject is under ("Turkey is already under EU sanctions", "remains under UN
    sanctions", "has been the subject of US sanctions since 2011"): a SANCTION in force, by
    the noun's modifier, on the clause's subject (the event rule sanctioned-subject-is-target
    turns the subject into the target)."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        entry = noun_entry(token, lexicon)
        if token.i in consumed or entry is None or entry.type != "SANCTION":
            continue
        preposition = token.head
        if token.dep_ != "pobj" or preposition.dep_ != "prep":
            continue
        holder = preposition.head
        under = preposition.lower_ == "under" and holder.pos_ in {"VERB", "AUX"}
        named_as = preposition.lower_ == "of" and holder.lemma_.lower() in lexicon.words(
            "under_sanction_nouns"
        )
        if named_as and holder.dep_ == "attr":
            holder = holder.head
        elif not under:
            continue
        if not any(c.dep_ == "nsubj" for c in children_of(holder)):
            continue
        why = [f"noun '{token.lemma_}'", "sanctions in force on the subject"]
        candidates.append(
            Candidate(
                token=token,
                entry=replace(entry, subject_is_target=True),
                predicate=holder,
                why=why,
            )
        )
    return candidates


def _in_reported_speech(token: Token, lexicon: Lexicon) -> bool:
    node = token
    while node.head != node and node.dep_ in {"ccomp", "conj", "xcomp", "advcl"}:
        if node.dep_ == "ccomp" and lemma_of(node.head, lexicon) in lexicon.reporting_verbs:
            return True
        node = node.head
    return False


def with_deontic_demands(
    candidates: list[Candidate], sentence: Span, lexicon: Lexicon
) -> list[Candidate]:
    """ "“Iran must stop arming Russia,” Kallas said": what a speaker says another actor must or
    should do is a REQUEST from the speaker to that actor; the events inside it are not asserted."""
    for token in span_tokens(sentence):
        if token.pos_ != "VERB":
            continue  # before its children are read: most words are no verb
        modals = {c.lower_ for c in children_of(token) if c.dep_ == "aux"}
        has_subject = any(c.dep_ == "nsubj" for c in children_of(token))
        if not modals & DEONTIC_AUX or not has_subject:
            continue
        if not _in_reported_speech(token, lexicon):
            continue
        inside = {t.i for t in token.subtree if t.dep_ not in SUBJECT_DEPS}
        candidates = [c for c in candidates if c.token.i not in inside]
        demand = Candidate(
            token=token,
            entry=TriggerEntry(type="REQUEST"),
            predicate=token,
            complement=token,
            why=[f"'{token.text}' with a deontic modal in reported speech"],
            speaker_is_source=True,
        )
        candidates.append(demand)
    return candidates


def with_wished_demands(
    candidates: list[Candidate], sentence: Span, lexicon: Lexicon
) -> list[Candidate]:
    """Rule wanting-another-to-act-is-a-demand: "he wanted soldiers to leave his area", "the
    United States is looking for Russia to comply with the agreement to withdraw": what one
    wants another to do is a REQUEST from the one who wants it to the one who should act, as
    "called for Russia to withdraw" is; the wanted act has not happened, so the events inside
    it are dropped (wishing one's own act stays no act: a-wished-act-is-no-act)."""
    for verb in span_tokens(sentence):
        wanted = _act_wanted_of_another(verb, lexicon)
        if wanted is None:
            continue
        inside = {t.i for t in wanted.subtree if t.dep_ not in SUBJECT_DEPS}
        candidates = [c for c in candidates if c.token.i not in inside and c.token.i != verb.i]
        demand = Candidate(
            token=verb,
            entry=TriggerEntry(type="REQUEST", governs=True),
            predicate=verb,
            complement=wanted,
            why=[f"'{verb.text}' another to '{wanted.text}'"],
        )
        candidates.append(demand)
    return candidates


def _act_wanted_of_another(verb: Token, lexicon: Lexicon) -> Token | None:
    """The to-infinitive a wish verb hangs on another's doing ("wanted soldiers to leave":
    'leave'; "looking for Russia to comply": 'comply'), or None."""
    if verb.pos_ not in {"VERB", "AUX"} or not any(c.dep_ == "nsubj" for c in children_of(verb)):
        return None
    lemma = lemma_of(verb, lexicon)
    for clause in children_of(verb):
        wants = clause.dep_ == "ccomp" and lemma in lexicon.wish_verbs
        waits = (
            clause.dep_ == "advcl"
            and lemma in lexicon.words("wishing_for_verbs")
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in children_of(clause))
        )
        if not (wants or waits) or clause.pos_ != "VERB":
            continue
        if is_to_infinitive(clause) and any(c.dep_ == "nsubj" for c in children_of(clause)):
            return clause
    return None


def is_a_deontic_passive(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "General Taban Deng Gai says the detainees should be released unconditionally", "The
    Red Cross says its symbol must be respected": what a speaker says must or should be done,
    naming no one to do it, is an opinion of what ought to happen, not a deed (and, with no
    one asked, no REQUEST either: the readings code none)."""
    verb = candidate.predicate
    if verb.pos_ != "VERB" or candidate.token.i != verb.i:
        return False
    children = list(children_of(verb))
    modals = {c.lower_ for c in children if c.dep_ == "aux"}
    passive = any(c.dep_ == "nsubjpass" for c in children) and not any(
        c.dep_ == "nsubj" for c in children
    )
    return bool(modals & DEONTIC_AUX) and passive and _in_reported_speech(verb, lexicon)


def _gerund_of_parties(token: Token) -> bool:
    """ "Fighting between the army and the RSF killed dozens": a gerund that names its parties
    is the act, as an event noun is; "Shelling killed five" leaves the act to its verb."""
    return token.tag_ == "VBG" and any(
        c.dep_ == "prep" and c.lower_ in {"between", "among", "by"} for c in children_of(token)
    )


def merge_same_clause(candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """One event per clause: "a strike killed X and injured Y" is one ASSAULT, not three, and
    "shelling ... killed 14" one ASSAULT with the mode the shelling gives."""
    by_token = {c.token.i: c for c in candidates}
    # "launched an attack on a village, killing 12": the killing hangs from the light verb
    by_light_verb = {c.predicate.i: c for c in candidates if c.token.i != c.predicate.i}
    dropped: set[int] = set()
    for candidate in candidates:  # "lifted sanctions": one act, the noun's reading under "lift"
        verb = by_token.get(candidate.predicate.i)
        if verb is None or verb is candidate or verb.entry.type == candidate.entry.type:
            continue  # the same reading: the verb keeps it ("lifted the curfew")
        if _read_under(candidate, lexicon):
            dropped.add(verb.token.i)
    for candidate in candidates:
        token = candidate.token
        head = by_token.get(token.head.i)
        if head is None and _tells_the_outcome(token):
            head = by_light_verb.get(token.head.i)
        if head is None or head is candidate or head.entry.type != candidate.entry.type:
            continue
        if _destroys(head) != _destroys(candidate):
            continue  # "destroyed a building and killed 46": the destruction is its own event
        has_own_subject = any(c.dep_ in SUBJECT_DEPS for c in children_of(token)) or (
            stray_subject(token) is not None
        )
        if token.dep_ in SUBJECT_DEPS and (
            is_nounlike(token, lexicon) or _gerund_of_parties(token)
        ):
            keep, drop = candidate, head  # the event noun absorbs its verb
        elif token.dep_ == "dobj" and candidate.predicate == head.token:
            keep, drop = head, candidate  # "granted asylum": the verb and its event noun
        elif token.dep_ in {"advcl", "csubj", "xcomp", "pcomp", "acl", "dep"} or (
            token.dep_ == "conj"
            and (
                not has_own_subject or (candidate.entry.type == "ASSAULT" and not _own_agent(token))
            )
        ):  # "14 were killed and 43 were wounded" is one attack
            keep, drop = head, candidate
        else:
            continue
        dropped.add(drop.token.i)
        if keep.entry.mode is None and drop.entry.mode is not None:
            keep.entry = replace(keep.entry, mode=drop.entry.mode)
    verbs = {c.token.i: c for c in candidates if not is_nounlike(c.token, lexicon)}
    for candidate in candidates:  # "provided $103 million in assistance": the verb's own noun
        verb = verbs.get(candidate.predicate.i)
        if (
            verb is not None
            and verb is not candidate
            and verb.token.i not in dropped
            and candidate.token.dep_ not in SUBJECT_DEPS
            and is_nounlike(candidate.token, lexicon)
            and verb.entry.type == candidate.entry.type
        ):
            dropped.add(candidate.token.i)
    for candidate in candidates:  # "killed X and injured Y" under one absorbed head, "were
        head = by_token.get(candidate.token.head.i)  # wounded when the missiles hit"
        absorbed = head is not None and head.token.i in dropped
        joined = candidate.token.dep_ in {"conj", "advcl"}
        alike = head is not None and _destroys(head) == _destroys(candidate)
        if joined and absorbed and alike and head.entry.type == candidate.entry.type:
            dropped.add(candidate.token.i)
    return [c for c in candidates if c.token.i not in dropped]


RAID_AS_ATTACK_RULE = "a-raid-told-with-its-killing-is-an-attack"


def raids_told_with_their_killing(candidates: list[Candidate], lexicon: Lexicon) -> bool:
    """Rule a-raid-told-with-its-killing-is-an-attack: "armed youth raided cattle camps near
    Tonj, killing 14 people and taking about 2,000 cattle", "raided a village ..., killing
    nine villagers and making off with livestock": a raid ("raid" reads COERCE until its raider
    is known) whose outcome clause is a killing or a wounding (one of the consequence verbs,
    hung on it with no subject of its own) is an ASSAULT, read so before the
    clause merge: the killing then folds into the raid (one attack, with its dead), and what
    was taken stays a confiscation of its own (PLOVER COERCE: seizing property; CAMEO 1711).
    The killing verbs are data (consequences in triggers.json); a burning or an abduction told
    beside the raid ("raided Al Mughayyir, burning dozens of homes", "raided ... and abducted
    31 residents") is left as it was."""
    by_token = {c.token.i: c for c in candidates}
    changed = False
    for candidate in candidates:
        raid = by_token.get(candidate.token.head.i)
        if (
            raid is None
            or raid is candidate
            or lemma_of(raid.token, lexicon) != "raid"
            or raid.entry.type != "COERCE"
            or is_nounlike(raid.token, lexicon)
            or candidate.entry.type != "ASSAULT"
            or lemma_of(candidate.token, lexicon) not in lexicon.consequence_verbs - {"leave"}
        ):  # a burning or an abduction in the raid stays an act of its own
            continue
        outcome = _tells_the_outcome(candidate.token) or (
            candidate.token.dep_ == "conj"
            and not any(c.dep_ in SUBJECT_DEPS for c in children_of(candidate.token))
        )
        if not outcome:
            continue
        raid.entry = replace(raid.entry, type="ASSAULT", mode=None)
        raid.rules.append(RAID_AS_ATTACK_RULE)
        changed = True
    return changed


def _read_under(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Is a noun's reading the one its verb gives it ("lifted sanctions" is a RETREAT, not a
    SANCTION), so that the verb's own reading ("lift": CONCEDE) is no second act? The noun
    rule retyped it under its predicate (``TriggerEntry.type_under``)."""
    token = candidate.token
    if token.dep_ != "dobj" or not is_nounlike(token, lexicon):
        return False
    entry = noun_entry(token, lexicon)
    return entry is not None and entry.type != candidate.entry.type


def _own_agent(verb: Token) -> bool:
    """A coordinated verb with a doer of its own named by a noun ("..., and the army retook
    the town"): another act, not the first one's outcome."""
    return any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} for c in children_of(verb))


def _tells_the_outcome(token: Token) -> bool:
    """ "..., killing 12": a participle clause with no conjunction of its own tells what the
    act it hangs from did ("a day after the military raided ..." is another act)."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and not any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in children_of(token))
    )


def _destroys(candidate: Candidate) -> bool:
    """Is it property destruction (ASSAULT destroy), an event of its own next to killings?"""
    return candidate.entry.type == "ASSAULT" and candidate.entry.mode == "destroy"


def is_running_total(sentence: Span, lexicon: Lexicon) -> bool:
    """ "12,000 civilians have been killed since the invasion began": a toll, not an event."""
    root = sentence.root
    passive = any(c.dep_ == "auxpass" for c in children_of(root))
    if not passive and root.lemma_ not in lexicon.words("toll_verbs"):
        return False  # neither a passive nor a toll verb: no need to read the rest
    since = any(
        (c.dep_ == "prep" and c.lower_ == "since")
        or (
            c.dep_ == "advmod"
            and c.lower_ == "since"
            and root.lemma_ in lexicon.words("toll_verbs")
        )
        or (
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == "since" for m in children_of(c))
        )
        for c in children_of(root)
    )
    if since:
        return True
    text = sentence.text.lower()  # rebuilt from the tokens: only when the words decide
    return any(marker in text for marker in ("so far", "to date", "in total")) or _war_toll(
        root, lexicon
    )


EPISODE_PREPOSITIONS = {"in", "during", "amid"}
COUNTERPART_PREPOSITIONS = {"with", "between", "by", "against"}  # "in fighting with militants"


def is_a_toll_of_an_episode(verb: Token, lexicon: Lexicon) -> bool:
    """Rule a-toll-of-unrest-sums-many-acts: "Several protesters have been reported killed in
    the unrest", "At least 15 people have been killed in more than a week of protests": a
    casualty verb in the perfect passive (or "have died") with no doer, whose "in"/"during"
    phrase is a spell of unrest or war (episode_nouns in triggers.json) naming no other side,
    and no day of its own, counts the dead of many acts (a perfect passive is a running toll,
    as a-tally-of-victims-refers-back reads it). "A soldier was killed Thursday, in fighting
    with Fatah al-Islam militants" is one act, and so may "were killed in clashes" be."""
    if verb.lemma_.lower() not in lexicon.words("casualty_verbs") or agent_of(verb) is not None:
        return False
    holder = verb.head if verb.dep_ in {"xcomp", "oprd"} else verb  # "reported killed"
    died = verb.lemma_.lower() == "die" and is_perfect(verb)  # "have died in clashes"
    if not (_perfect_passive(holder) or died):
        return False  # "were killed in clashes" may tell one clash
    episode = next((p for p in children_of(verb) if _spell_of_unrest(p, lexicon)), None)
    if episode is None:
        return False
    return not any(
        t.ent_type_ in {"DATE", "TIME"}
        for child in children_of(verb)
        if child.i != episode.i
        for t in child.subtree
    )


def _spell_of_unrest(prep: Token, lexicon: Lexicon) -> bool:
    """ "in the unrest", "in more than a week of protests", "in clashes": a preposition of
    time or setting whose object is, or is a span of, a spell of unrest that names no side."""
    if prep.dep_ != "prep" or prep.lower_ not in EPISODE_PREPOSITIONS:
        return False
    words = list(prep.subtree)
    if any(_names_a_side(t, lexicon) for t in words):
        return False
    nouns = [t for t in words if t.pos_ == "NOUN" and t.lower_ in lexicon.episode_nouns]
    return bool(nouns) and not any(t.ent_type_ in {"NORP", "ORG"} for t in words)


def _names_a_side(word: Token, lexicon: Lexicon) -> bool:
    """ "with Fatah al-Islam militants", "between police and protesters": a side of the spell
    (not "protests against the president's decision", what a protest is against)."""
    if word.dep_ != "prep" or word.lower_ not in COUNTERPART_PREPOSITIONS:
        return False
    return not (
        word.lower_ == "against" and word.head.lemma_.lower() in lexicon.words("protest_words")
    )


def is_tally_since(verb: Token) -> bool:
    """Rule a-tally-since-is-no-act: a perfect passive counted from a starting point, wherever
    it stands in the sentence ("as the crackdown has intensified, during which more than 230
    people have been killed and about 2,000 arrested since the February 1 coup"): a running
    total, no act. A verb coordinated with it, or hung on its count, shares its tense and span."""
    holder = verb
    for _ in range(3):
        if _perfect_passive(holder) or holder.dep_ not in {"conj", "acl"}:
            break
        holder = holder.head
    if not _perfect_passive(holder):
        return False
    return any(
        t.lower_ == "since" and t.dep_ in {"prep", "mark"}
        for t in holder.subtree
        if t.head.dep_ not in {"ccomp", "relcl"} or t.head.i == holder.i
    )


def _perfect_passive(verb: Token) -> bool:
    auxes = [c for c in children_of(verb) if c.dep_ in {"aux", "auxpass"}]
    return any(c.dep_ == "auxpass" for c in auxes) and any(c.lemma_ == "have" for c in auxes)


def _war_toll(verb: Token, lexicon: Lexicon) -> bool:
    """ "It has killed tens of thousands of people", "tens of thousands of people have died in
    clashes": a perfect tense and an uncounted multitude sum up a war, they report no act (the
    multitude is the object, the passive's subject, or the subject of an intransitive "die")."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children_of(verb))
    victims = {"dobj", "nsubjpass"} | ({"nsubj"} if verb.lemma_ == "die" else set())
    counted = [c for c in children_of(verb) if c.dep_ in victims]
    return perfect and any(
        t.lower_ in lexicon.words("multitudes") for c in counted for t in c.subtree
    )


def joint_commitments(sentence: Span, index: MentionIndex) -> list[Candidate]:
    """ "Both sides would exchange proposals": a reported joint undertaking is an AGREE (future)."""
    found = []
    for token in span_tokens(sentence):
        if token.pos_ != "VERB" or not any(c.lower_ in FUTURE_AUX for c in children_of(token)):
            continue
        subject = next((c for c in children_of(token) if c.dep_ == "nsubj"), None)
        mentions = index.at(subject) if subject is not None else []
        if len(mentions) >= 2 and all(m.why == "both-sides" for m in mentions):
            entry = TriggerEntry(type="AGREE", modality="agreed")
            found.append(
                Candidate(token=token, entry=entry, predicate=token, why=["joint undertaking"])
            )
    return found


def content_words(complement: Token) -> list[Token]:
    """The words of a governed content, without its relative clauses and time phrases: in
    "agreed to restore a hotline that Pyongyang cut off" the cutting off describes the hotline,
    and in "agree to ceasefire after deadly clashes" the clashes tell when; neither is what was
    agreed (rule a-relative-clause-is-no-content, time-is-no-object)."""
    described = {
        t.i
        for clause in complement.subtree
        if clause.dep_ == "relcl" or (clause.dep_ == "prep" and clause.lower_ in TIME_PREPOSITIONS)
        for t in clause.subtree
    }
    return [token for token in complement.subtree if token.i not in described]


def type_of_complement(candidate: Candidate, lexicon: Lexicon) -> str | None:
    """For verbs like "consider" and "deny" the type comes from what is considered or denied;
    "a proposal to pause operations" is about the pause, not the proposal."""
    if candidate.complement is None:
        return None
    found = []
    for token in sorted(content_words(candidate.complement), key=depth_of):  # nearest first
        entry = verb_entry(token, lexicon) or noun_entry(token, lexicon)
        if entry is not None and entry.type:
            found.append((token, entry.type_under(candidate.token)))
    content = [
        kind
        for token, kind in found
        if lemma_of(token, lexicon) not in lexicon.words("container_nouns")
    ]
    return (content or [kind for _, kind in found] or [None])[0]


def alternative_reading(candidate: Candidate, lexicon: Lexicon) -> Reading | None:
    """The entry's other reading when its object calls for it: withdrawing diplomats or from
    a treaty (SANCTION), expelling migrants (COERCE deport), cutting off aid (SANCTION)."""
    if not candidate.entry.alts:
        return None
    verb = candidate.token
    objects = [c for c in children_of(verb) if c.dep_ in {"dobj", "nsubjpass"}]
    objects += objects_of_preposition(verb, "from") + objects_of_preposition(verb, "of")
    objects += objects_of_preposition(verb, "with")  # "were met with tear gas"
    if any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in children_of(verb)):
        objects += objects_of_preposition(verb, "at")  # "hit back at Hezbollah targets"
    objects += [p for o in list(objects) for p in objects_of_preposition(o, "of")]
    objects += [
        p
        for g in list(objects)
        if g.lower_ in lexicon.words("grouping_nouns")
        for p in children_of(g)
    ]
    objects += [  # "barred from entering the country"
        c
        for p in children_of(verb)
        if p.dep_ == "prep"
        for c in children_of(p)
        if c.dep_ == "pcomp"
    ]
    objects += [  # "allowed aid convoys to enter"
        s
        for c in children_of(verb)
        if c.dep_ in {"ccomp", "xcomp"}
        for s in children_of(c)
        if s.dep_ == "nsubj"
    ]
    if candidate.entry.type == "ASSAULT" and armed_with(verb, lexicon):
        return None  # "targeted a vessel with an anti-ship missile": an attack on the vessel
    for reading in candidate.entry.alts:
        wanted = reading[2]
        if any(_is_object(o, wanted, lexicon) for o in objects):
            return reading
    return None


def armed_with(verb: Token, lexicon: Lexicon) -> bool:
    """Rule "a-weapon-keeps-an-attack": is the act done with a weapon ("with an anti-ship
    missile", "with drones")? Then the verb's attack reading stands whatever its object."""
    holders = [verb, *(c for c in children_of(verb) if c.dep_ == "dobj")]  # parsed on the object
    return any(
        lemma_of(w, lexicon) in lexicon.weapon_modes
        for holder in holders
        for w in objects_of_preposition(holder, "with")
    )


def _acted_on(word: Token) -> bool:
    """The verb's own object ("received Zelensky"), not one in its phrases ("an award from
    Macron")."""
    return word.dep_ in {"dobj", "nsubjpass"} or (
        word.dep_ == "conj" and word.head.dep_ in {"dobj", "nsubjpass"}
    )


def _is_object(
    word: Token, wanted: frozenset[str], lexicon: Lexicon, compounds: bool = True
) -> bool:
    """Is a word one of the objects a reading or a verb wants (``@person``: any person,
    ``@named``: a person named, "received Zelensky", not "received 200 refugees")? Its
    compound modifier counts too ("its peacekeeping force", "airline Mahan Air"), unless
    ``compounds`` is off (an excluded object: "struck oil" is no attack, "an oil depot" is)."""
    if lemma_of(word, lexicon) in wanted or word.lower_ in wanted:
        return True
    if compounds and any(c.dep_ == "compound" and c.lower_ in wanted for c in children_of(word)):
        return True
    if "@named" in wanted and word.ent_type_ == "PERSON" and _acted_on(word):
        return True
    if "@person" not in wanted:
        return False
    return is_person(word, lexicon) or _stands_for_people(word, lexicon)


def _stands_for_people(word: Token, lexicon: Lexicon) -> bool:
    """Rule "people-told-before-are-acted-on": a pronoun or quantifier that stands for people
    named before ("both were released", "all nine were released", "They were released"): one
    of people_stand_ins' told_before, when a person is named earlier in its sentence or in the
    one before, so "the figures ... they were released" is no release."""
    words = {word.lower_, *(c.lower_ for c in children_of(word) if c.dep_ == "det")}
    if not words & lexicon.people_stand_ins.get("told_before", frozenset()):
        return False
    sentence = sentence_of(word)
    start = (
        sentence_of(word.doc[sentence.start - 1]).start if sentence.start > 0 else sentence.start
    )
    return any(is_person(t, lexicon) for t in word.doc[start : word.i])


# --- headlines and notes: what the tagger misreads ----------------------------------------------


def misread_verb_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Headline and note verbs the tagger reads as nouns: "Police arrest 30 after protest" (a
    noun with a subject is a verb), "SAF airstrikes on the market" (an event noun with a
    subject, tagged as a verb): each is an event with its own subject and objects."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        pos = token.pos_
        misread = pos in {"NOUN", "PROPN"} and token.dep_ in {"ROOT", "conj", "ccomp"}
        if not misread and not (pos == "VERB" and token.tag_ == "VBZ"):
            continue  # before its children are read: neither reading can fire
        if token.i in consumed or not any(c.dep_ == "nsubj" for c in children_of(token)):
            continue
        if misread:
            entry = lexicon.verbs.get(lemma_of(token, lexicon)) or lexicon.verbs.get(token.lower_)
            if entry is not None and (entry.governs or entry.type is None):
                entry = None  # a governing verb needs a content the misparse does not give
            if entry is not None and not _has_required_object(token, entry, lexicon):
                entry = None
        elif token.pos_ == "VERB" and token.tag_ == "VBZ" and verb_entry(token, lexicon) is None:
            entry = lexicon.nouns.get(lemma_of(token, lexicon)) or lexicon.nouns.get(
                token.lower_.removesuffix("s")
            )
        else:
            continue
        if entry is None or entry.type is None:
            continue
        consumed.add(token.i)
        candidates.append(
            Candidate(token=token, entry=entry, predicate=token, why=[f"headline '{token.text}'"])
        )
    return candidates


def headline_noun_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """An event noun heading a sentence without a verb, as notes and headlines are written:
    "Airstrike on Idlib countryside, 4 dead", "Curfew imposed in Kasese after unrest". With
    no verb at all, the parser may hang the headline on the toll after it ("4 dead"): the noun
    that opens the sentence is the headline's head then."""
    root = sentence.root
    if root.pos_ not in {"NOUN", "PROPN"} and not any(
        t.pos_ in {"VERB", "AUX"} for t in span_tokens(sentence)
    ):
        opening = [t for t in span_tokens(sentence) if not t.is_punct and t.pos_ != "DET"][:1]
        root = opening[0] if opening else root
    if root.i in consumed or root.pos_ not in {"NOUN", "PROPN"}:
        return []
    entry = noun_entry(root, lexicon)
    if entry is None or entry.type is None:
        return []
    consumed.add(root.i)
    why = [f"headline noun '{root.text}'"]
    return [Candidate(token=root, entry=entry, predicate=root, why=why)]


DYAD_WORDS = {"vs", "vs.", "versus"}  # "M23 vs Wazalendo": the two sides of a UCDP-style line
DYAD_OPENING = 4  # the first side starts within this many words of the line's start


def dyad_line_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """A conflict line that opens with its two sides and tells a toll, as UCDP-style
    lines are written: "M23 vs Wazalendo, Sake (Masisi, North Kivu), 2025-02-26: 11 deaths".
    The sides fought each other (a clash, ASSAULT); "vs" is the event's word."""
    entry = lexicon.nouns.get("clash")
    tokens = span_tokens(sentence)
    if entry is None or not any(
        lemma_of(t, lexicon) in lexicon.words("dyad_toll_words") for t in tokens
    ):
        return []
    for token in tokens:
        if token.lower_ not in DYAD_WORDS or token.dep_ != "prep" or token.i in consumed:
            continue
        if token.head.i - sentence.start >= DYAD_OPENING or token.head.i > token.i:
            continue
        if not any(c.dep_ == "pobj" for c in children_of(token)):
            continue
        consumed.add(token.i)
        why = [f"dyad line '{token.head.text} {token.text} ...'"]
        return [Candidate(token=token, entry=entry, predicate=token, why=why, doer=token.head)]
    return []


DYAD_DASHES = {"-", "–", "—"}  # "Government of Mali - JNIM": the dash UCDP lines set between sides
DYAD_SIDE_ENDS = {",", ":"}  # the second side runs to the place or toll after it
DYAD_SIDE_WORDS = 5  # "Government of the Democratic Republic" is as long as a side runs
NO_SIDE_WORDS = {"VERB", "AUX", "NUM"}  # a side names a party: no act, no date or count


def _spaced_dash(token: Token) -> bool:
    """A dash standing free between words ("Mali - JNIM"), not one inside a hyphenated word
    or a range ("Nairobi-Nakuru", "20-22 January")."""
    return (
        token.text in DYAD_DASHES
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
        and bool(token.whitespace_)
    )


def _reads_as_a_side(words: list[Token], index: MentionIndex) -> bool:
    """A short run of words with no verb and no number that holds an actor the resolver
    knows: a party of the line, not a date ("27/06/2024 - Protesters ...") or a clause."""
    return (
        0 < len(words) <= DYAD_SIDE_WORDS
        and not any(w.pos_ in NO_SIDE_WORDS or any(c.isdigit() for c in w.text) for w in words)
        and any(index.at(w) for w in words)
    )


def _counted_toll(token: Token, lexicon: Lexicon) -> bool:
    """ "14 deaths", "7 killed": a toll with its number, as every UCDP line gives one; a dash
    line without ("Russia - Ukraine: what we know about the deaths") is a headline's topic."""
    if lemma_of(token, lexicon) not in lexicon.words("dyad_toll_words"):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else token
    return before.like_num or any(c.like_num for c in children_of(token))


def dash_dyad_sides(dash: Token) -> tuple[list[Token], list[Token]]:
    """The words a dyad line sets either side of its dash: from the line's start to the dash,
    and from the dash to the comma or colon after the second side."""
    sentence = sentence_of(dash)
    first = [t for t in sentence if t.i < dash.i]
    second: list[Token] = []
    for token in sentence[dash.i - sentence.start + 1 :]:
        if token.text in DYAD_SIDE_ENDS:
            return first, second
        second.append(token)
    return first, []  # no comma or colon closes the second side: no dyad line


def dash_dyad_line_triggers(
    sentence: Span, lexicon: Lexicon, index: MentionIndex, consumed: set[int]
) -> list[Candidate]:
    """A UCDP-style line that opens with its two sides joined by a dash and tells a toll:
    "Government of Myanmar - Arakan Army, Kyauktaw township (Rakhine), 20-22 January 2024: 14
    deaths". As with "vs", the sides fought each other (a clash, ASSAULT); the dash is its word."""
    entry = lexicon.nouns.get("clash")
    tokens = span_tokens(sentence)
    if entry is None or not any(_counted_toll(t, lexicon) for t in tokens):
        return []
    for dash in tokens[: DYAD_SIDE_WORDS + 1]:
        if not _spaced_dash(dash) or dash.i in consumed:
            continue
        first, second = dash_dyad_sides(dash)
        if not (_reads_as_a_side(first, index) and _reads_as_a_side(second, index)):
            return []
        consumed.add(dash.i)
        why = [f"dyad line '{first[-1].text} {dash.text} {second[0].text} ...'"]
        return [Candidate(token=dash, entry=entry, predicate=dash, why=why, doer=first[-1])]
    return []


# --- what is not an event of its own -------------------------------------------------------------


def is_sports_score(verb: Token) -> bool:
    """ "Nigeria beat Ghana 2-1": a score next to the verb makes it a match, not an attack."""
    children = list(children_of(verb))
    for child in children:
        if child.like_num and child.i + 2 < len(verb.doc):
            dash, other = verb.doc[child.i + 1], verb.doc[child.i + 2]
            if dash.text in {"-", "–"} and other.like_num and other.head == verb:
                return True
    return any(SCORE.fullmatch(child.text) for child in children)


def in_absence(token: Token) -> bool:
    """ "without offering any evidence", "passed without a veto": the absence of an act."""
    node = token
    while node.dep_ in {"pobj", "pcomp", "dobj", "compound", "amod", "conj"} and node.head != node:
        node = node.head
        if node.dep_ == "prep" and node.lower_ == "without":
            return True
    return False


# Reporters are the audience of a source ("spoke to reporters", "talking with journalists"),
# not whoever an act is done to ("the arrest of journalists", "attacks on the media").
PRESS_AUDIENCE_PREPS = {"to", "with"}


def is_press_boilerplate(candidate: Candidate, lexicon: Lexicon) -> bool:
    """How a report names its sources, not an act: "spoke on condition of anonymity because
    they were not authorized to speak to reporters", "did not respond to a request for
    comment", "declined to comment", "asked not to be named", and a meeting whose partner is
    the press ("briefed reporters", "met journalists")."""
    if meets_the_press(candidate, lexicon):
        return True
    words = [candidate.token, candidate.predicate]
    if candidate.complement is not None:
        words.append(candidate.complement)
    said = [word for word in words[1:] if word != candidate.token]  # "named X as terrorists"
    if any(lemma_of(word, lexicon) in lexicon.press_contents for word in said):
        return True
    for word in words:
        for child in children_of(word):
            if child.dep_ not in {"prep", "xcomp"}:
                continue
            spoken_to = child.lower_ in PRESS_AUDIENCE_PREPS  # "the arrest of journalists": no
            for inner in (child, *children_of(child)):
                lemma = lemma_of(inner, lexicon)
                if inner.pos_ in {"NOUN", "VERB"} and (
                    lemma in lexicon.press_contents
                    or (spoken_to and lemma in lexicon.press_audiences)
                ):
                    return True
    return False


def meets_the_press(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "A senior official briefed reporters", "Netanyahu met journalists after the vote": a
    meeting whose only partner named as its object is the press is how the news was given,
    not a consultation between actors."""
    if candidate.entry.type != "CONSULT" or candidate.token.pos_ != "VERB":
        return False
    objects = [c for c in children_of(candidate.token) if c.dep_ in {"dobj", "dative"}]
    return bool(objects) and all(lemma_of(o, lexicon) in lexicon.press_audiences for o in objects)


def in_condition(token: Token) -> bool:
    """A trigger inside an "if"/"unless" clause: the condition of another act, not an act."""
    node = token
    while node.head != node:
        if node.dep_ in {"advcl", "ccomp"} and is_conditional_clause(node):
            return True
        node = node.head
    return False


def in_ongoing_background(token: Token) -> bool:
    """ "Iran gained influence as the US slowly withdraws from the region": a present-tense
    "as"/"while" clause under a past or perfect main clause tells a process, not an act."""
    node = token
    while node.head != node and node.dep_ not in {"advcl"}:
        node = node.head
    if node.dep_ != "advcl" or node.tag_ not in {"VBZ", "VBP"}:
        return False
    marked = any(c.dep_ == "mark" and c.lower_ in {"as", "while"} for c in children_of(node))
    head = node.head
    past = head.tag_ in {"VBD", "VBN"}
    return marked and past


def in_since_phrase(token: Token) -> bool:
    """ "the deadliest attack since Russia's full-scale invasion began", "the first ship since
    Russia's invasion", "no air strikes had been recorded since the truce began": an act named
    in a "since" phrase is the start of a span another statement covers, not an act reported.
    The token is a noun naming the act ("since Kiir and Machar signed the agreement", a clause
    with its actors, tells an act) inside a "since" preposition's object, or in a clause that
    "since" marks."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    node = token
    while node.head != node:
        if node.dep_ == "pobj" and node.head.lower_ == "since":
            return True
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in children_of(node)):
            return node.dep_ == "advcl" or node.head.lower_ == "since"
        if node.dep_ in {"ccomp", "relcl", "conj"} or node.dep_ == "ROOT":
            return False
        node = node.head
    return False


DEAL_DETERMINERS = frozenset({"the", "this", "that"})


def is_a_term_of_a_deal(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "Under the cease-fire deal, Israel is pausing its attacks", "Under the ceasefire
    agreement, Israeli troops are to withdraw", "Under the emerging truce Palestinians would
    halt rocket attacks": a clause opened by "under" and a deal told before (an agreement or a
    truce, "the") says what the deal binds its parties to; the deal is the event, its terms are
    none of their own. An act done under it and told in the past ("Under the deal, Hamas
    released 24 hostages") happened."""
    verb = candidate.predicate
    if verb.tag_ == "VBD" or is_perfect(verb):
        return False
    clause = top_of_chain(verb, CLAUSE_LINKS)  # "are to withdraw", "would halt ... and lift"
    return any(_names_a_deal_told_before(c, lexicon) for c in children_of(clause) if c.i < verb.i)


def _names_a_deal_told_before(prep: Token, lexicon: Lexicon) -> bool:
    """ "Under the cease-fire deal" opening the clause (before its subject)."""
    if prep.dep_ != "prep" or prep.lower_ != "under":
        return False
    deal = next((c for c in children_of(prep) if c.dep_ == "pobj"), None)
    if deal is None or not _is_a_deal(deal, lexicon):
        return False
    told = any(c.dep_ == "det" and c.lower_ in DEAL_DETERMINERS for c in children_of(deal))
    subjects = [c for c in children_of(prep.head) if c.dep_ in {"nsubj", "nsubjpass"}]
    return told and all(prep.i < s.i for s in subjects)


CONTENT_PREPOSITIONS = frozenset({"on", "for"})  # "the agreement on sending soldiers"
DEAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})  # "an agreement has been reached"


def is_a_deals_content(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "Comply with the agreement to withdraw", "the agreement on sending Turkish soldiers to
    Libya", "an agreement has been reached ... for the Syrian Army to enter and deploy": what a
    deal (an agreement or a truce) says shall be done is the deal's content, agreed, not an act
    done; the deal is the event."""
    verb = candidate.predicate
    if verb.pos_ != "VERB":
        return False
    clause = top_of_chain(verb)
    head = clause.head
    if clause.dep_ == "acl" and is_to_infinitive(clause):
        return _is_a_deal(head, lexicon)
    if clause.dep_ == "pcomp" and head.lower_ in CONTENT_PREPOSITIONS:
        return _is_a_deal(head.head, lexicon)
    if clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in children_of(clause)
    ):
        return any(c.dep_ in DEAL_ROLES and _is_a_deal(c, lexicon) for c in children_of(head))
    return False


def _is_a_deal(noun: Token, lexicon: Lexicon) -> bool:
    """An agreement or a truce, by its lexicon entry."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    entry = noun_entry(noun, lexicon)
    return entry is not None and (entry.type == "AGREE" or entry.mode == "ceasefire")


def is_a_provision(candidate: Candidate, lexicon: Lexicon, read: frozenset[int]) -> bool:
    """ "The first calls for both sides to immediately cease all military operations", "Its
    first, six-week phase provides for the release of 33 hostages ... and for Israeli forces to
    pull back": what a text (a deal, its phase, a plan) provides or calls for is its term, not
    an act done (data: provision_verbs in triggers.json). ``read`` holds the tokens read as
    events of their own: an actor's call told by its verb ("Ban Ki-moon has called for a
    cease-fire") is a REQUEST that keeps what it asks for; "calls" the tagger took for a noun
    ("The first calls for both sides to ...") is no such verb."""
    return any(
        lemma_of(provider, lexicon) in lexicon.provision_verbs
        and not (provider.pos_ == "VERB" and provider.i in read)
        for provider in _providers(candidate)
    )


def _providers(candidate: Candidate) -> Iterator[Token]:
    """The word whose "for" the candidate's act hangs from ("provides for the release", "calls
    for both sides to cease"), if any."""
    for token in {candidate.token, candidate.predicate}:
        clause = top_of_chain(token)
        if clause.dep_ == "pobj" and clause.head.lower_ == "for":
            yield clause.head.head
        elif clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in children_of(clause)
        ):
            yield clause.head


def is_a_prevented_act(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "Police blocked protesters from marching to the city center", "to keep the
    peacekeepers from dismantling the roadblocks": the act a preventing verb keeps its object
    from did not happen (data: preventing_verbs in triggers.json)."""
    verb = candidate.predicate
    if verb.dep_ != "pcomp" or verb.head.lower_ != "from":
        return False
    preventing = verb.head.head
    return preventing.pos_ == "VERB" and lemma_of(preventing, lexicon) in lexicon.preventing_verbs


def ultimatum_of(token: Token, lexicon: Lexicon) -> Token | None:
    """The act an ultimatum demands, when ``token`` is its "or face ..." ("ordered Afghans to
    leave by 1 November or face deportation", "lay down your arms or face the consequences"):
    a "face"/"risk" verb joined by "or" to the act before it."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.words("ultimatum_verbs"):
        return None
    demanded = token.head
    if token.dep_ != "conj" or demanded.i > token.i:
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in children_of(demanded)):
        return None
    return demanded


def ultimatum_triggers(
    sentence: Span, candidates: list[Candidate], lexicon: Lexicon
) -> list[Candidate] | None:
    """The sentence's candidates with each ultimatum as one THREATEN: the "or face ..." is
    the threat (its teller is the source, the one who faces it the target); the demand it
    backs and the act demanded are no events of their own. None when there is no ultimatum."""
    found = False
    for token in span_tokens(sentence):
        demanded = ultimatum_of(token, lexicon)
        if demanded is None:
            continue
        found = True
        backing = [
            c
            for c in candidates
            if c.complement is not None and demanded.i in {t.i for t in c.complement.subtree}
        ]
        threat = next((c for c in backing if c.entry.type == "THREATEN"), None)
        backing_ids = {id(c) for c in backing}
        candidates = [
            c
            for c in candidates
            if c is threat or (c.token.i not in {demanded.i, token.i} and id(c) not in backing_ids)
        ]
        if threat is not None:
            continue  # "warned Hamas to release the hostages or face an attack": told already
        entry = TriggerEntry(type="THREATEN", subject_is_target=True)
        why = [f"'or {token.text}' after '{demanded.text}': an ultimatum"]
        candidates.append(Candidate(token=token, entry=entry, predicate=token, why=why))
    return candidates if found else None


# --- readiness for force -----------------------------------------------------------------------

# A relations word ("talks", "aid", "cooperation") names what a peaceful readiness offers as
# often as what a threat would cut: only the forceful modes make readiness a threat.
PEACEABLE_THREAT_MODES = {"relations"}
READY_SUBJECTS = {"nsubj", "nsubjpass"}


def readiness_threat_triggers(
    sentence: Span, candidates: list[Candidate], lexicon: Lexicon
) -> list[Candidate] | None:
    """The sentence's candidates with each readiness for force as one THREATEN (rule
    readiness-for-force-is-a-threat): "Serbia is ready to use force", "expressed its readiness
    to consider appropriate measures, including targeted sanctions": the act held ready is
    threatened, not done, so the act's own reading and the readiness noun's promise go. None
    when the sentence holds no such readiness."""
    found = False
    for word in span_tokens(sentence):
        act = _act_held_ready(word, lexicon)
        mode = _forceful_mode(act, lexicon) if act is not None else None
        if act is None or mode is None:
            continue
        found = True
        held = {t.i for t in act.subtree} | {word.i}
        candidates = [c for c in candidates if c.token.i not in held]
        entry = TriggerEntry(type="THREATEN", mode=mode)
        why = [f"'{act.text}' held ready by '{word.text}': a threat"]
        candidate = Candidate(token=act, entry=entry, predicate=act, why=why)
        if word.pos_ in {"NOUN", "PROPN"}:  # "expressed its readiness": no subject to climb to
            candidate.doer = _who_is_ready(word)
        candidates.append(candidate)
    return candidates if found else None


def _act_held_ready(word: Token, lexicon: Lexicon) -> Token | None:
    """The to-infinitive a readiness word holds ("ready to use", "its readiness to consider"),
    unless the readiness is denied ("is not prepared to allow")."""
    if word.lower_ not in lexicon.readiness_words and word.lemma_.lower() not in (
        lexicon.readiness_words
    ):
        return None
    if word.pos_ not in {"ADJ", "NOUN", "PROPN"}:
        return None  # "Russia prepared to invade": getting ready is done, not a readiness told
    if any(c.dep_ == "neg" for c in (*children_of(word), *children_of(word.head))):
        return None
    wanted = "xcomp" if word.pos_ == "ADJ" else "acl"
    return next((c for c in children_of(word) if c.dep_ == wanted and is_to_infinitive(c)), None)


def _forceful_mode(act: Token, lexicon: Lexicon) -> str | None:
    """The threat mode of the act held ready: its verb ("to impose", "to invade"), its object
    ("to use force", "to impose sanctions"), what a weighing verb weighs ("to consider
    measures, including targeted sanctions") or what it is done with ("to respond with
    force"); None for a peaceful act ("to respond to the needs of refugees")."""
    words = [act, *_objects_named(act)]
    if lemma_of(act, lexicon) in lexicon.weighing_verbs:
        words = words[1:]
    words = [w for w in words if lemma_of(w, lexicon) not in lexicon.only_with_force]
    words += objects_of_preposition(act, "with")  # "ready to respond with force"
    for word in words:
        mode = lexicon.threat_modes.get(lemma_of(word, lexicon)) or lexicon.threat_modes.get(
            word.lower_
        )
        if mode is not None and mode not in PEACEABLE_THREAT_MODES:
            return mode
    return None


def _objects_named(act: Token) -> list[Token]:
    """The act's direct objects with those joined to them and those an "including" names."""
    objects = [c for c in children_of(act) if c.dep_ == "dobj"]
    for thing in list(objects):
        objects += [c for c in children_of(thing) if c.dep_ in {"conj", "appos"}]
        objects += objects_of_preposition(thing, "including")
    return objects


def _who_is_ready(word: Token) -> Token | None:
    """Who holds the act ready: the subject of "is ready", or whoever expresses, shows or
    signals the readiness noun ("the Council expressed its readiness")."""
    for holder in (word, word.head):
        subject = next((c for c in children_of(holder) if c.dep_ in READY_SUBJECTS), None)
        if subject is not None:
            return subject
    return next((c for c in children_of(word) if c.dep_ == "poss"), None)


# what a verb's auxiliary says is to come or may come: "will use force", "might use force"
AHEAD_AUX = FUTURE_AUX | {"might", "may", "could"}
FORCE_TOLD_AHEAD = "force-told-ahead-is-a-threat"
FORCE_MIGHT = "force only might be used"  # why-note: told as possible, not announced


def force_ahead_triggers(
    sentence: Span, candidates: list[Candidate], lexicon: Lexicon
) -> list[Candidate] | None:
    """The sentence's candidates with each act to come told with force as one THREATEN (rule
    force-told-ahead-is-a-threat): "We will use the full force of the law", "that country might
    use force to prevent independence for Kosovo", "it will end ...
    the occupation of government buildings ..., either through negotiations or by force":
    force named as the means of an act a side will or might do threatens it (PLOVER's
    hypothetical: THREATEN instead of ASSAULT + hypothetical), so the act's own reading goes,
    and that of its aim ("to disperse the crowd": not done either). Force that only might be
    used ("that country might use force") is noted so (``FORCE_MIGHT``): a possibility, not an
    announcement. None when the sentence holds no such act."""
    found = False
    for act in span_tokens(sentence):
        auxes = {c.lower_ for c in children_of(act) if c.dep_ == "aux"}
        if act.pos_ != "VERB" or not auxes & AHEAD_AUX:
            continue
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in children_of(act)):
            continue  # "will not use force": no threat made
        means = _force_named(act, lexicon)
        if means is None:
            continue
        if any(c.token.i == act.i and c.entry.type == "THREATEN" for c in candidates):
            continue  # "would respond with force": read as a threat already
        found = True
        aims = {t.i for c in children_of(act) if c.dep_ == "xcomp" for t in c.subtree}
        candidates = [c for c in candidates if c.token.i != act.i and c.token.i not in aims]
        entry = TriggerEntry(type="THREATEN", mode=_force_mode(means, lexicon))
        why = [f"'{act.text}' told ahead with '{means.text}': a threat"]
        if not auxes & FUTURE_AUX:
            why.append(FORCE_MIGHT)
        candidates.append(Candidate(token=act, entry=entry, predicate=act, why=why))
    return candidates if found else None


def _force_named(act: Token, lexicon: Lexicon) -> Token | None:
    """The word that names force as the act's means: its object ("use force") or the object of
    one of its prepositions ("by force")."""
    preps = [c for c in children_of(act) if c.dep_ == "prep"]
    joined = [c for p in preps for c in children_of(p) if c.dep_ == "conj"]
    means = [c for c in children_of(act) if c.dep_ == "dobj"]
    means += [
        pobj
        for prep in [*preps, *joined]
        if prep.lower_ in lexicon.force_prepositions
        for pobj in children_of(prep)
        if pobj.dep_ == "pobj"
    ]
    # the word as written: "forces" (troops) are no force used ("would withdraw its forces")
    return next((w for w in means if w.lower_ in lexicon.force_means), None)


def _force_mode(means: Token, lexicon: Lexicon) -> str | None:
    """Violence, unless the force is named as another's ("the full force of the law"): then
    the mode the lexicon gives that owner (the law's force is arrest), or its threat mode."""
    owners = objects_of_preposition(means, "of")
    if not owners:
        return "violence"
    owner = lemma_of(owners[0], lexicon)
    mode = lexicon.force_owner_modes.get(owner) or lexicon.threat_modes.get(owner)
    return mode if mode not in PEACEABLE_THREAT_MODES else None


# --- stances said without their verb -------------------------------------------------------------


REPORTED_WRONG = "reported wrongdoing"  # the why of an accusation read from a reported wrong
REPORTED_JUDGEMENT = "reported judgement"  # the why of a stance read from a reported clause


def evaluation_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """A judgement said without "condemn" or "praise": naming an act with an evaluating word
    ("called the agreement 'null and void'", "calling it an authoritarian act", "described
    the pledge as generous"), or saying it is so ("said rich nations were being stingy"). A
    negative word is an ACCUSE, a positive one a SUPPORT."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed and not _reported_wrong(token, lexicon):
            continue  # a deed told as a wrong is an accusation beside the deed's own event
        lemma = lemma_of(token, lexicon)
        if token.pos_ == "VERB" and lemma in lexicon.naming_verbs:
            named = [
                c
                for c in children_of(token)
                if c.dep_ in {"oprd", "ccomp", "xcomp"} or (c.dep_ == "prep" and c.lower_ == "as")
            ]
            for thing in (c for c in children_of(token) if c.dep_ == "dobj"):
                # "called the agreement 'null and void'" parsed with the adjectives on the noun
                named += [c for c in children_of(thing) if c.dep_ == "acl" and c.pos_ == "ADJ"]
            kind = _evaluation(named, lexicon)
            if kind is not None:
                why = [f"'{token.text}' with an evaluating word"]
                entry = TriggerEntry(type=kind, mode=STANCE_MODES.get(kind))
                candidate = Candidate(token=token, entry=entry, predicate=token, why=why)
                candidate.speaker_is_source = _names_a_reported_act(token, lexicon)
                candidates.append(candidate)
        elif token.dep_ == "ccomp" and lemma_of(token.head, lexicon) in (
            lexicon.reporting_verbs | lexicon.words("finding_verbs")
        ):
            said = _predicate_words(token, lexicon)
            kind = _evaluation(said, lexicon)
            why = [f"{REPORTED_JUDGEMENT} '{said[0].text}'"] if said else []
            if kind is None and _reported_wrong(token, lexicon):
                said, kind = [token], "ACCUSE"
                why = [f"{REPORTED_WRONG} '{token.text}'"]
            if kind is not None:
                candidates.append(
                    Candidate(
                        token=said[0],
                        entry=TriggerEntry(type=kind, mode=STANCE_MODES.get(kind)),
                        predicate=token,
                        why=why,
                        speaker_is_source=True,
                    )
                )
    return candidates


def _names_a_reported_act(verb: Token, lexicon: Lexicon) -> bool:
    """Rule the-reporter-names-the-act: "Syria said Israeli jets had struck targets near
    Damascus, calling it an act of aggression": a naming participle the parser hangs on a
    reported clause is the reporter's judgement of that act, not its doer's."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and head.dep_ == "ccomp"
        and lemma_of(head.head, lexicon) in lexicon.reporting_verbs
    )


def warning_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Warnings said without "threaten": a refusal to permit another's act, said of the
    future ("we will not allow this ceasefire to be used by rebels", "will not tolerate
    attacks"), and a response announced with force ("Treasury will forcefully respond to the
    atrocities"). The act warned against is no event of its own."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed or token.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = lemma_of(token, lexicon)
        auxes = {c.lower_ for c in children_of(token) if c.dep_ == "aux"}
        if not auxes & FUTURE_AUX:
            continue
        negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in children_of(token))
        warned = [c for c in children_of(token) if c.dep_ in {"ccomp", "xcomp", "dobj"}]
        if lemma in lexicon.refusal_verbs and negated and warned:
            why = [f"'will not {token.text}' another's act"]
        elif (
            lemma in lexicon.response_verbs
            and not negated
            and any(
                c.dep_ == "advmod" and c.lower_ in lexicon.response_manners
                for c in children_of(token)
            )
        ):
            why = [f"'{token.text}' with force announced"]
        else:
            continue
        for clause in warned:
            consumed.update(t.i for t in clause.subtree)
        consumed.add(token.i)
        entry = TriggerEntry(type="THREATEN", governs=bool(warned))
        candidates.append(
            Candidate(
                token=token,
                entry=entry,
                predicate=token,
                complement=warned[0] if warned else None,
                why=why,
            )
        )
    return candidates


FIRST_PERSON = {"i", "we"}
ACTOR_ENTITIES = {"GPE", "ORG", "NORP", "PERSON"}


def expectation_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Rule "expectation-is-a-demand": what an actor says it expects of another is a demand on
    it, not that other's act ("We expect Moscow to release our citizens", "I count on Turkey to
    act with restraint", "we expect from Iran a full investigation"): a REQUEST whose content is
    the act expected. A passive ("talks are expected to resume") is a forecast, and an
    expectation of things ("expects inflation to fall") is no demand."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed or token.pos_ != "VERB":
            continue
        lemma = lemma_of(token, lexicon)
        if lemma not in lexicon.words("expecting_verbs"):
            continue
        if not any(c.dep_ == "nsubj" for c in children_of(token)):
            continue  # passive or subjectless: a forecast
        content, asked = _expected_of(token, lemma)
        if content is None or asked is None or not _names_an_actor(asked):
            continue
        consumed.update(t.i for t in content.subtree if t.pos_ in {"VERB", "NOUN"})
        consumed.add(token.i)
        subject = next(c for c in children_of(token) if c.dep_ == "nsubj")
        candidates.append(
            Candidate(
                token=token,
                entry=TriggerEntry(type="REQUEST", governs=True),
                predicate=token,
                complement=content,
                why=[f"'{token.text}' another actor's act"],
                speaker_is_source=subject.lower_ in FIRST_PERSON,
            )
        )
    return candidates


def munition_landing_triggers(
    sentence: Span, lexicon: Lexicon, consumed: set[int]
) -> list[Candidate]:
    """Rule "munitions-landing-is-an-attack": a shell, rocket, missile or bomb that lands, falls
    or rains on a place was fired at it ("Mortar rounds landed near the presidential palace",
    "a missile landed among them", "a bomb fell on a market"): an ASSAULT with the weapon's
    mode, whoever fired it. A plane or drone that crashes is no attack."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed or token.pos_ != "VERB":
            continue
        if lemma_of(token, lexicon) not in lexicon.words("impact_verbs"):
            continue
        weapon = munition(next((c for c in children_of(token) if c.dep_ == "nsubj"), None), lexicon)
        if weapon is None:
            continue
        consumed.add(token.i)
        entry = TriggerEntry(type="ASSAULT", mode=lexicon.weapon_modes.get(weapon))
        why = [f"'{token.text}' of a munition ('{weapon}')"]
        candidates.append(Candidate(token=token, entry=entry, predicate=token, why=why))
    return candidates


def munition(subject: Token | None, lexicon: Lexicon) -> str | None:
    """The weapon word of a subject that is a munition ("mortar rounds": "mortar")."""
    if subject is None:
        return None
    lemma = lemma_of(subject, lexicon)
    if lemma in lexicon.words("munitions"):
        return lemma
    if lemma in lexicon.words("round_nouns"):
        modifiers = [lemma_of(c, lexicon) for c in children_of(subject) if c.dep_ == "compound"]
        return next((m for m in modifiers if m in lexicon.weapon_modes), None)
    return None


def forces_leaving_triggers(
    sentence: Span, lexicon: Lexicon, consumed: set[int]
) -> list[Candidate]:
    """Rule "forces-leaving-withdraw": armed forces leaving a place withdraw from it ("Israeli
    forces left Khan Younis", "Wagner fighters left Bakhmut", "troops vacated the base"): a
    RETREAT, as "pulled out of" is; a person leaving a city ("the president left Kyiv") is a
    journey, no event."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed or token.pos_ != "VERB":
            continue
        if lemma_of(token, lexicon) not in lexicon.words("forces_leaving_verbs"):
            continue
        subject = next((c for c in children_of(token) if c.dep_ == "nsubj"), None)
        place = next((c for c in children_of(token) if c.dep_ == "dobj"), None)
        if (
            subject is None
            or place is None
            or subject.lemma_.lower() not in lexicon.words("armed_nouns")
        ):
            continue
        named = place.text[:1].isupper() and place.ent_type_ not in {"PERSON", "NORP", "DATE"}
        if not named and place.lemma_.lower() not in lexicon.words("held_place_nouns"):
            continue  # "left Bakhmut" (a name the tagger may call anything), "left the base"
        consumed.add(token.i)  # no other reading of the verb ("left ... under the deal")
        entry = TriggerEntry(type="RETREAT", mode="withdraw")
        why = [f"armed forces '{token.text}' a place"]
        candidates.append(Candidate(token=token, entry=entry, predicate=token, why=why))
    return candidates


def forces_crossing_triggers(
    sentence: Span, lexicon: Lexicon, consumed: set[int]
) -> list[Candidate]:
    """Rule "forces-crossing-onto-anothers-ground-mobilise": armed forces or military craft
    crossing onto ground ("Thai soldiers crossed the border", "the four ships entered the
    Japan-controlled territory") or flying over a place ("Russian helicopters also flew over
    the village") show force: a MOBILIZE (CAMEO 15), as "deployed" is. People crossing a
    border, or forces entering a named town, are not read so. The words are data
    (forces_crossing in triggers.json)."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed or token.pos_ != "VERB":
            continue
        subject = next((c for c in children_of(token) if c.dep_ == "nsubj"), None)
        if subject is None or lemma_of(subject, lexicon) not in lexicon.crossing_forces:
            continue
        if not _crosses_onto_ground(token, lexicon) or _denied_content(token, lexicon):
            continue
        consumed.add(token.i)
        entry = TriggerEntry(type="MOBILIZE", mode="troops")
        why = [f"armed forces '{token.text}' onto another's ground"]
        candidates.append(Candidate(token=token, entry=entry, predicate=token, why=why))
    return candidates


def _crosses_onto_ground(verb: Token, lexicon: Lexicon) -> bool:
    """Does a verb cross or enter a border, territory, waters or airspace (its object or its
    "into" object), or fly over a place?"""
    lemma = lemma_of(verb, lexicon)
    if lemma in lexicon.flying_verbs:  # "flew over the village" (the parser may leave "over" bare)
        return lemma == "overfly" or any(c.lower_ == "over" for c in children_of(verb))
    if lemma not in lexicon.crossing_verbs:
        return False
    grounds = [c for c in children_of(verb) if c.dep_ == "dobj"]
    grounds += objects_of_preposition(verb, "into")
    return any(lemma_of(g, lexicon) in lexicon.crossed_grounds for g in grounds)


def _denied_content(verb: Token, lexicon: Lexicon) -> bool:
    """Is a clause what a denying verb denies ("have denied their troops crossed the border")?
    The denial is read by the denying verb's own entry."""
    if verb.dep_ != "ccomp":
        return False
    entry = lexicon.verbs.get(lemma_of(verb.head, lexicon))
    return entry is not None and entry.modality == "denied"


def named_claim_triggers(
    sentence: Span, lexicon: Lexicon, coded: frozenset[int]
) -> list[Candidate]:
    """Rule "a-named-claim-is-an-accusation": a claim or allegation noun that names its accuser
    and what it charges is an accusation by that accuser (PLOVER ACCUSE, mode allege), wherever
    the noun stands: "rejected the military's claims of widespread fraud", "rejected a claim by
    a reporter that international forces tried to cover up the killings", "In the latest
    allegations of ceasefire violations, the Indian army said ...". The accuser is the noun's
    possessor, its "by" object, or the subject of the reporting verb the noun's phrase frames;
    the charge a "that" clause or an "of" phrase telling a wrong or a harm. A rejecting verb's
    content is still a claim ("rejected X's claims"); the words are data (`blame.claim_nouns`)."""
    candidates: list[Candidate] = []
    nouns = lexicon.blame.get("claim_nouns", frozenset())
    for token in span_tokens(sentence):
        if token.i in coded or token.lemma_.lower() not in nouns:
            continue
        accuser = _claim_accuser(token, lexicon)
        if accuser is None or not any(_tells_a_wrong(c, lexicon) for c in _charges(token)):
            continue
        why = [f"'{accuser.text}' charges in '{token.text}'"]
        entry = TriggerEntry(type="ACCUSE", mode="allege")
        candidates.append(Candidate(token, entry, predicate=token, why=why, doer=accuser))
    return candidates


def accusers_denied_charge(candidate: Candidate, lexicon: Lexicon) -> Candidate | None:
    """Rule "a-denied-named-charge-is-the-accusers": a charge a denial verb takes that names
    its accuser and no deed the denial could stand for ("Rwanda denied Congo's accusation that
    it backs the M23") is the accuser's ACCUSE (allege), not a denied accusation by the denier:
    the denier is the one accused. None when the charge is no such named charge."""
    charge = denied_charge(candidate, lexicon)
    if charge is None or candidate.entry.modality != "denied":
        return None
    if deed_denied(charge, lexicon) is not None:
        return None  # "denied charges of shelling": the denial is the deed denied
    accuser = _claim_accuser(charge, lexicon)
    if accuser is None:
        return None
    why = [f"'{accuser.text}' charges in '{charge.text}', which '{candidate.token.text}' answers"]
    entry = TriggerEntry(type="ACCUSE", mode="allege")
    denier = subject_of(candidate.token, lexicon)
    verb = candidate.token  # the clause that dates and places the charge
    return Candidate(charge, entry, predicate=verb, why=why, doer=accuser, done_to=denier)


def _claim_accuser(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who makes a claim: its possessor ("the military's claims"), its "by" object ("a claim by
    a reporter"), or the subject of the reporting verb whose "in" phrase holds it ("In the
    latest allegations ..., the army said")."""
    possessor = next((c for c in children_of(noun) if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if possessor is not None:
        return possessor
    by = objects_of_preposition(noun, "by")
    if by:
        return by[0]
    frame = noun.head
    framed = noun.dep_ == "pobj" and frame.lower_ == "in" and frame.dep_ == "prep"
    if framed and lemma_of(frame.head, lexicon) in lexicon.reporting_verbs:
        return subject_of(frame.head, lexicon)
    return None


def _charges(noun: Token) -> list[Token]:
    """What a claim noun says was done: its "that" clause, its "of" objects."""
    clauses = [c for c in children_of(noun) if c.dep_ in {"acl", "ccomp"} and _opened_by_that(c)]
    return [*clauses, *objects_of_preposition(noun, "of")]


def _opened_by_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in children_of(clause))


HARM_TYPES = {"ASSAULT", "COERCE"}  # deeds that charge a wrong whatever words tell them


def _tells_a_wrong(charge: Token, lexicon: Lexicon) -> bool:
    """Does a charge tell a wrong: a word of wrongdoing, a breach or a harm (`wrongdoing.words`,
    `wrongdoing.breaches`, `blame.harms`), or an act of force, anywhere in it ("claims of
    widespread fraud", "that forces tried to cover up the killings", "that troops shelled")?"""
    wrongs = (
        lexicon.wrongdoing
        | lexicon.breaches.get("breaches", frozenset())
        | lexicon.blame.get("harms", frozenset())
    )
    for word in charge.subtree:
        entry = verb_entry(word, lexicon) or noun_entry(word, lexicon)
        if word.lemma_.lower() in wrongs or (entry is not None and entry.type in HARM_TYPES):
            return True
    return False


def found_wrong_triggers(
    sentence: Span, lexicon: Lexicon, coded: frozenset[int]
) -> list[Candidate]:
    """Rule "a-wrong-found-out-is-an-allegation": a wrong told as found out, not with an
    accusing verb, is an accusation by whoever found or reports it (PLOVER ACCUSE, mode
    allege): evidence or proof of a scheme or a wrong ("cited overwhelming evidence of Russian
    involvement", "said they had uncovered evidence of a plot to destabilize Ivory Coast"), or
    a scheme uncovered ("said intelligence sources uncovered an escape plan for the two
    opposition leaders"). "Found no evidence" accuses no one. The words are data
    (`found_wrongs` in triggers.json)."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in coded or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        finding = _finding_verb(token, lexicon)
        if finding is None or _found_nothing(token, finding):
            continue
        finder = _finder(finding, lexicon)
        if finder is None:
            continue
        why = [f"'{finder.text}' tells '{token.text}' as found out"]
        entry = TriggerEntry(type="ACCUSE", mode="allege")
        candidates.append(Candidate(token, entry, predicate=finding, why=why, doer=finder))
    return candidates


def _finding_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb that tells a wrong found out: the one that has evidence of a scheme or a wrong
    ("cited evidence of involvement"), or the verb of discovery whose object is a scheme
    ("uncovered an escape plan")."""
    words = lexicon.found_wrongs
    verb = noun.head
    if noun.dep_ not in {"dobj", "attr"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if is_to_infinitive(verb):
        return None  # "launched a team to collect evidence of crimes": an aim
    lemma, verb_lemma = noun.lemma_.lower(), lemma_of(verb, lexicon)
    if lemma in words.get("evidence", ()):
        held = noun.dep_ == "attr" or verb_lemma in words.get("evidence_verbs", ())
        charges = _charges(noun)
        if held and any(_scheme(c, lexicon) or _tells_a_wrong(c, lexicon) for c in charges):
            return verb
        return None
    discovered = verb_lemma in words.get("discoveries", ())
    named = discovered and _scheme(noun, lexicon) and _names_its_schemers(noun)
    return verb if named else None


def _names_its_schemers(scheme: Token) -> bool:
    """Does a scheme found name who made it ("a plot by al-Shabaab", "an escape plan for the
    two opposition leaders", "Iran's plot")? "Foiled a plot to attack a concert" accuses no
    one."""
    if any(c.dep_ == "poss" for c in children_of(scheme)):
        return True
    makers = objects_of_preposition(scheme, "by") + objects_of_preposition(scheme, "for")
    return bool(makers) or any(
        c.dep_ in {"amod", "compound"} and _names_an_actor(c) for c in children_of(scheme)
    )


def _scheme(noun: Token, lexicon: Lexicon) -> bool:
    """A noun telling a concealed wrong: a plot, a plan, someone's involvement."""
    return noun.lemma_.lower() in lexicon.found_wrongs.get("schemes", ())


def _found_nothing(noun: Token, verb: Token) -> bool:
    """'found no evidence of', 'did not uncover a plot': nothing was found."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(noun)) or any(
        c.dep_ == "neg" for c in children_of(verb)
    )


def _finder(verb: Token, lexicon: Lexicon) -> Token | None:
    """Who accuses by a finding: the speaker who reports it ("the court said intelligence
    sources uncovered ..."), else the finder ("She also cited evidence"). A finding told with
    no one's voice ("there is evidence") has no finder."""
    reporter = verb.head
    if verb.dep_ == "ccomp" and lemma_of(reporter, lexicon) in lexicon.reporting_verbs:
        verb = reporter
    subject = subject_of(verb, lexicon)
    if subject is None or subject.dep_ == "expl" or subject.lower_ == "there":
        return None
    return subject


def mediation_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Rule "mediation-in-a-phrase": mediation told without a mediating verb and its subject is
    still a mediation (PLOVER CONSULT third-party, the mediator its source): "the Qatar-brokered
    truce", "with the help of mediators from IGAD", "the efforts by Egypt in helping to mediate
    this agreement", "played a key role in brokering the exchange". The words are data
    (`mediation` in triggers.json)."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i in consumed:
            continue
        mediator = _mediator_in_phrase(token, lexicon)
        if mediator is None:
            continue
        consumed.add(token.i)
        entry = TriggerEntry(type="CONSULT", mode="third-party")
        why = [f"'{mediator.text}' mediates ('{token.text}')"]
        candidates.append(Candidate(token, entry, predicate=token, why=why, doer=mediator))
    return candidates


def _mediator_in_phrase(token: Token, lexicon: Lexicon) -> Token | None:
    """Who a mediating word names as mediator when no subject does: the name before a
    participle ("Qatar-brokered"), the "from" of a mediator noun ("mediators from IGAD", also
    when "from" hangs on "the help of"), the "by" object, possessor or subject of the effort a
    mediating verb with no subject of its own is part of."""
    mediation = lexicon.mediation
    lemma = token.lemma_.lower()
    if lemma in mediation.get("nouns", ()) and token.pos_ == "NOUN":
        origins = objects_of_preposition(token, "from")
        if not origins and token.dep_ == "pobj" and token.head.lower_ == "of":
            origins = objects_of_preposition(token.head.head, "from")  # "the help of mediators"
        return next((o for o in origins if _names_a_group(o)), None)
    if lemma not in mediation.get("verbs", ()) or token.pos_ != "VERB":
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent" for c in children_of(token)):
        return None  # "Norway brokered the talks", "brokered by Qatar": the verb's own reading
    if token.dep_ == "amod":  # "the Qatar-brokered truce"
        return next(
            (
                c
                for c in children_of(token)
                if c.dep_ in {"npadvmod", "compound"} and _names_a_group(c)
            ),
            None,
        )
    effort = _effort_above(token, lexicon)
    if effort is None:
        return None
    owners = [
        *objects_of_preposition(effort, "by"),
        *(c for c in children_of(effort) if c.dep_ == "poss"),
    ]
    if not owners and effort.dep_ == "dobj":  # "Saudi Arabia played a key role in brokering"
        owners = [c for c in children_of(effort.head) if c.dep_ == "nsubj"]
    return next((o for o in owners if _names_a_group(o)), None)


def _effort_above(verb: Token, lexicon: Lexicon) -> Token | None:
    """The effort noun a subjectless mediating verb serves: "efforts ... in helping to mediate"
    (verb <- xcomp "helping" <- pcomp "in" <- effort), "role in brokering"."""
    word = verb
    for _ in range(4):
        if word.dep_ not in {"xcomp", "pcomp", "prep", "pobj"} or word.head == word:
            return None
        word = word.head
        if word.pos_ == "NOUN":
            return word if word.lemma_.lower() in lexicon.mediation.get("efforts", ()) else None
    return None


def _expected_of(verb: Token, lemma: str) -> tuple[Token | None, Token | None]:
    """The act expected and the actor it is expected of: "expect X to do" (X the clause's
    subject), "count on X to do", "expect from X <noun>"."""
    children = list(children_of(verb))
    if lemma == "expect":
        for clause in children:
            if clause.dep_ in {"ccomp", "xcomp"} and is_to_infinitive(clause):
                doer = next((c for c in children_of(clause) if c.dep_ == "nsubj"), None)
                return clause, doer
        source = next(iter(objects_of_preposition(verb, "from")), None)
        wanted = next((c for c in children if c.dep_ == "dobj"), None)
        if wanted is None and source is not None:  # "expect from Iran assurances": parsed flat
            flat = children_of(source.head)
            wanted = next((c for c in flat if c.dep_ == "pobj" and c != source), None)
        return wanted, source
    asked = next(iter(objects_of_preposition(verb, "on")), None)
    clause = next(
        (c for c in children if c.dep_ in {"advcl", "xcomp", "ccomp"} and is_to_infinitive(c)),
        None,
    )
    return clause, asked


def _names_an_actor(word: Token) -> bool:
    return word.ent_type_ in ACTOR_ENTITIES or word.pos_ == "PROPN"


def _reported_wrong(clause: Token, lexicon: Lexicon) -> bool:
    """Rule "reported-wrongdoing-is-accusation": does a reported deed carry a word that makes
    it a wrong, on its verb, its manner, its object or the object of its preposition ("he was
    wrongfully imprisoned", "appeared to circumvent the ministry", "resorted to unprovoked
    firing")? Only a deed with a subject of its own, and not a negated one."""
    if clause.pos_ not in {"VERB", "AUX"} or not any(
        c.dep_ in SUBJECT_DEPS for c in children_of(clause)
    ):
        return False
    if lemma_of(clause, lexicon) in lexicon.admissions:
        return False  # "Iran deeply regrets this disastrous mistake": an admission
    if _breaks_a_commitment(clause, lexicon):
        return True
    words = [clause]
    for child in children_of(clause):
        if child.dep_ == "neg":
            return False
        if child.dep_ in {"advmod", "dobj", "xcomp", "attr", "acomp"}:
            words.append(child)
            words.extend(c for c in children_of(child) if c.dep_ in {"amod", "dobj", "advmod"})
        elif child.dep_ == "prep":
            for pobj in (c for c in children_of(child) if c.dep_ == "pobj"):
                if child.lower_ == "behind" and _hostile_act(pobj, lexicon):
                    return True  # "said Boko Haram was behind the attack"
                words.append(pobj)
                words.extend(c for c in children_of(pobj) if c.dep_ == "amod")
    for word in words:
        lemma = lemma_of(word, lexicon)
        if word.lower_ in lexicon.wrongdoing or lemma in lexicon.wrongdoing:
            return True
        if "ACCUSE" in {lexicon.evaluations.get(word.lower_), lexicon.evaluations.get(lemma)}:
            return True
    return False


def _breaks_a_commitment(clause: Token, lexicon: Lexicon) -> bool:
    """Rule "a-breach-is-a-wrong": a reported deed told as breaking a commitment ("is selling
    oil in violation of U.S. sanctions", "in breach of UN resolutions", "failed to honour the
    deal", "the government did not uphold peace accords") or as going against one ("the
    release is not in line with the agreement", "goes against the Security Council
    resolution"). The words are data (`breaches`, `compliance`, `discord` under wrongdoing in
    triggers.json); the "not" of a commitment not kept is the wrong's, not the accusation's
    (rule a-wrong-told-with-not-is-said)."""
    breaches = lexicon.breaches
    compliance = breaches.get("compliance", frozenset())
    if lemma_of(clause, lexicon) == "fail" and any(
        c.dep_ == "xcomp" and lemma_of(c, lexicon) in compliance for c in children_of(clause)
    ):
        return True  # "failed to honour the deal"
    if lemma_of(clause, lexicon) in compliance and any(
        c.dep_ == "neg" for c in children_of(clause)
    ):
        return True  # "the government did not uphold peace accords"
    if _told_as_against(clause, breaches.get("discord", frozenset()), lexicon):
        return True  # "the release is not in line with the agreement"
    return any(
        word.dep_ == "pobj"
        and word.head.lower_ == "in"
        and word.lemma_.lower() in breaches.get("breaches", ())
        and objects_of_preposition(word, "of")
        for word in _clause_words(clause)
    )


def _told_as_against(clause: Token, phrases: frozenset[str], lexicon: Lexicon) -> bool:
    """Do the clause's own words, its subject left out, say it goes against something ("is not
    in line with", "goes against", "runs counter to")? Read as lemmas in the text's order."""
    subject = {t.i for c in children_of(clause) if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    words = sorted((w for w in _clause_words(clause) if w.i not in subject), key=lambda w: w.i)
    said = f" {' '.join(lemma_of(w, lexicon) for w in words)} "
    return any(f" {phrase} " in said for phrase in phrases)


def _clause_words(clause: Token) -> list[Token]:
    """The words of a clause, not those of the clauses it reports or describes."""
    words, stack = [], [clause]
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(c for c in children_of(word) if _same_clause(c))
    return words


def _same_clause(word: Token) -> bool:
    """Is a child word still in its head's clause? A reported, relative or adverbial clause is
    another, but not a purpose infinitive ("turning to buyers to sell oil in violation of")."""
    if word.dep_ == "advcl":
        return is_to_infinitive(word) and not any(c.dep_ in SUBJECT_DEPS for c in children_of(word))
    return word.dep_ not in {"ccomp", "relcl", "acl"}


HOSTILE_TYPES = {"ASSAULT", "COERCE", "THREATEN"}


def _hostile_act(noun: Token, lexicon: Lexicon) -> bool:
    """An attack, an abduction, a threat named by a noun ("the attack", "the bombings")."""
    entry = noun_entry(noun, lexicon)
    return entry is not None and entry.type in HOSTILE_TYPES


def blame_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Rule "naming-the-doer-is-accusation": a speaker who says who did a harm accuses them,
    though no accusing verb is used ("police said al-Shabaab was responsible for the bombing",
    "said the crash was likely Iran's doing", "said the suspects were linked to the JAD
    network"). The clause a reporting verb (or a verb of finding out: "suspect", "conclude")
    reports is the trigger; the speaker is the source and the one named the target. A clause
    with a wrong of its own ("was behind the attack") is the evaluation rule's."""
    candidates: list[Candidate] = []
    knowers = (
        lexicon.reporting_verbs
        | lexicon.words("finding_verbs")
        | lexicon.blame.get("knowers", frozenset())
    )
    for clause in span_tokens(sentence):
        if clause.dep_ != "ccomp" or clause.i in consumed:
            continue
        reporter = _reporter_above_hedge(clause, lexicon)
        if lemma_of(reporter, lexicon) not in knowers or _reported_wrong(clause, lexicon):
            continue
        doer = blamed_doer(clause, lexicon)
        if doer is None:
            continue
        consumed.update(
            c.i for c in children_of(clause) if c.lemma_.lower() in lexicon.words("blame_words")
        )
        if not _claimed_of_another(clause, doer, lexicon):
            consumed.add(clause.i)  # a claimed deed is also told as the doer's act
        candidates.append(
            Candidate(
                token=clause,
                entry=TriggerEntry(type="ACCUSE", mode="allege"),
                predicate=clause,
                why=[f"'{clause.text}' names '{doer.text}' as the doer"],
                speaker_is_source=True,
            )
        )
    return candidates


HEDGED_NOUN_DEPS = {"ccomp", "xcomp", "attr", "npadvmod"}


def _reporter_above_hedge(clause: Token, lexicon: Lexicon) -> Token:
    """The verb that reports a clause, past a hedge the speaker puts on it: in "Jara said it
    was likely the cartel was involved" the clause hangs on "it was likely", which "said"
    reports. A hedge is an "it" clause whose complement is one of the hedge adjectives
    (`blame.hedges`); without one the clause's own head reports it."""
    head = clause.head
    hedged = (
        head.dep_ == "ccomp"
        and any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in children_of(head))
        and any(
            c.dep_ == "acomp" and c.lower_ in lexicon.blame.get("hedges", ())
            for c in children_of(head)
        )
    )
    return head.head if hedged else head


def _predicate_nouns(clause: Token) -> list[Token]:
    """What a copula says its subject is ("was Iran's doing"), also when a hedge in quote marks
    took the noun under it ('was "likely" Iran's doing': the noun hangs on "likely")."""
    nouns = [c for c in children_of(clause) if c.dep_ == "attr"]
    hedges = [c for c in children_of(clause) if c.dep_ in {"acomp", "advmod"}]
    nouns += [g for h in hedges for g in children_of(h) if g.dep_ in HEDGED_NOUN_DEPS]
    return nouns


def blamed_doer(clause: Token, lexicon: Lexicon) -> Token | None:
    """The word naming whom a reported clause holds to have done a harm: the subject of "was
    responsible for the attack" or "were to blame", the owner of "was Iran's doing" or "the
    work of militants", the group the attackers "were linked to" or "belonged to". None when
    the clause names no doer, is negated, or is the speaker's own claim ("we are responsible")."""
    blame = lexicon.blame
    subject = next((c for c in children_of(clause) if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return None
    if any(c.dep_ == "neg" for c in children_of(clause)):
        return None
    for child in children_of(clause):
        if child.dep_ == "acomp" and child.lower_ in blame.get("responsible", ()):
            if any(_harm(p, lexicon) for p in objects_of_preposition(child, "for")):
                return subject
        elif (
            child.dep_ == "xcomp"
            and child.lemma_.lower() in lexicon.words("blame_words")
            and is_to_infinitive(child)
            and not any(c.dep_ == "dobj" for c in children_of(child))
        ):
            return subject
    for thing in _predicate_nouns(clause):
        if lemma_of(thing, lexicon) in blame.get("possessed", ()):
            owners = [c for c in children_of(thing) if c.dep_ == "poss"]
            owners += objects_of_preposition(thing, "of")
            if owners and owners[0].lower_ not in FIRST_PERSON_POSSESSIVES:
                return owners[0]
    doers = blame.get("doers", frozenset())
    if lemma_of(clause, lexicon) in blame.get("links", ()) and subject.lemma_.lower() in doers:
        groups = objects_of_preposition(clause, "to") or objects_of_preposition(clause, "with")
        return groups[0] if groups else None
    if subject.lemma_.lower() in doers:
        return _group_the_doers_are_part_of(clause, lexicon)
    if _involved_in_a_harm(clause, subject, lexicon):
        return subject
    if _claimed_of_another(clause, subject, lexicon):
        return subject
    return None


def _claimed_of_another(clause: Token, subject: Token, lexicon: Lexicon) -> bool:
    """Rule "a-claim-about-another-is-an-allegation": "the United States claims Mahan flies
    fighters to Syria", "protesters have claimed Iran is influencing their government": what
    a speaker claims a named actor does is an allegation against it (wire copy keeps "claim"
    for contested charges). Only a named actor as the active subject: "claimed 90 civilians
    were wounded" and "claimed its forces took the town" name no one else's deed."""
    reporter = _reporter_above_hedge(clause, lexicon)
    if lemma_of(reporter, lexicon) not in lexicon.blame.get("claims", ()):
        return False
    return subject.dep_ == "nsubj" and subject.pos_ != "PRON" and _names_an_actor(subject)


def _group_the_doers_are_part_of(clause: Token, lexicon: Lexicon) -> Token | None:
    """The group the doers of an attack are said to be part of: "the shooters were part of Boko
    Haram", "the attackers were members of al-Shabaab" (`blame.membership`)."""
    for thing in _predicate_nouns(clause):
        if thing.lemma_.lower() in lexicon.blame.get("membership", ()):
            groups = [g for g in objects_of_preposition(thing, "of") if _names_a_group(g)]
            if groups:
                return groups[0]
    return None


def _names_a_group(phrase: Token) -> bool:
    """A phrase that names someone ("Boko Haram", "the Islamic State group"), not a crowd."""
    return any(_names_an_actor(word) for word in phrase.subtree)


def _involved_in_a_harm(clause: Token, subject: Token, lexicon: Lexicon) -> bool:
    """Rule "naming-the-doer-is-accusation", involvement: "said al-Shabaab was involved in the
    bombing" names the doer. A bare "was involved" names one only when the speaker tells it as
    a suspicion ("said it was likely the cartel was involved", "police suspect the group was
    involved"): the involvement is then in the article's harm, where "said the Red Cross was
    involved" may be in anything. Involvement in anything else ("involved in the talks")
    accuses no one."""
    if clause.lemma_.lower() not in lexicon.blame.get("involvement", ()) or clause.tag_ != "VBN":
        return False
    scenes = objects_of_preposition(clause, "in")
    if scenes:
        return any(_harm(scene, lexicon) for scene in scenes)
    return _names_a_group(subject) and _told_as_suspicion(clause, lexicon)


def _told_as_suspicion(clause: Token, lexicon: Lexicon) -> bool:
    """Is a reported clause hedged ("it was likely ...") or reported by a verb of suspicion or
    finding ("suspect", "allege", "conclude")?"""
    reporter = _reporter_above_hedge(clause, lexicon)
    return reporter != clause.head or lemma_of(reporter, lexicon) in lexicon.blame.get(
        "knowers", ()
    )


FIRST_PERSON_POSSESSIVES = {"my", "our"}


def _harm(noun: Token, lexicon: Lexicon) -> bool:
    """An attack or a death a doer can be responsible for ("the bombing", "the deaths")."""
    return _hostile_act(noun, lexicon) or noun.lemma_.lower() in lexicon.blame.get("harms", ())


def _predicate_words(clause: Token, lexicon: Lexicon) -> list[Token]:
    """What a reported clause says its subject is: "X was stingy", "X is a model of honesty"."""
    if clause.pos_ == "ADJ" or clause.lemma_ in lexicon.words("copulas"):
        return [clause, *[c for c in children_of(clause) if c.dep_ in {"acomp", "attr"}]]
    return []


def _evaluation(phrases: list[Token], lexicon: Lexicon) -> str | None:
    """The stance of the evaluating words inside these phrases, if any."""
    for phrase in phrases:
        for word in phrase.subtree:
            if word.dep_ == "neg":
                return None
            kind = lexicon.evaluations.get(word.lower_) or lexicon.evaluations.get(
                lemma_of(word, lexicon)
            )
            if kind is not None:
                return kind
    return None


def casualty_means_triggers(
    sentence: Span, lexicon: Lexicon, consumed: set[int]
) -> list[Candidate]:
    """ "Four civilians died in an air strike": the attack noun a dying verb names as its cause
    is the event (the noun would otherwise be scenery)."""
    return _attack_objects(
        sentence,
        lexicon,
        consumed,
        lambda noun: (
            noun.head.lower_ in CAUSE_PREPS
            and noun.head.head.lemma_.lower() in lexicon.words("dying_verbs")
        ),
        "that caused the deaths",
    )


def _attack_objects(
    sentence: Span,
    lexicon: Lexicon,
    consumed: set[int],
    told_by: Callable[[Token], bool],
    why: str,
) -> list[Candidate]:
    """The attack nouns (ASSAULT entries) that are objects of a preposition and that
    ``told_by`` takes as events (the noun would otherwise be scenery), each one candidate."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.dep_ != "pobj" or token.i in consumed or not told_by(token):
            continue  # before its head is made: most words are no object of a preposition
        entry = noun_entry(token, lexicon)
        if entry is None or entry.type != "ASSAULT":
            continue
        consumed.add(token.i)
        reason = [f"noun '{token.lemma_}' {why}"]
        candidates.append(Candidate(token=token, entry=entry, predicate=token, why=reason))
    return candidates


AFTERMATH_PREPS = {"after", "following"}
# "the attack", "that allegation": a noun told as known (also read by rules.py)
DEFINITE_DETERMINERS = {"the", "this", "these", "that", "those"}


def arrest_cause_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """ "Police arrested 4 gunmen after a shootout", "detained 9 youths after a grenade attack",
    "arrested 12 people after clashes": the attack an arrest follows took place (the noun would
    otherwise be scenery); one told before ("after the attack") is left to that telling."""
    return _attack_objects(
        sentence,
        lexicon,
        consumed,
        lambda noun: _follows_an_arrest(noun, lexicon),
        "that the arrest followed",
    )


def _follows_an_arrest(noun: Token, lexicon: Lexicon) -> bool:
    """Is the noun what an arrest verb is "after"/"following", not told before ("the")?"""
    prep, verb = noun.head, noun.head.head
    if prep.lower_ not in AFTERMATH_PREPS or prep.dep_ != "prep" or verb.pos_ != "VERB":
        return False
    arrest = verb_entry(verb, lexicon)
    if arrest is None or (arrest.type, arrest.mode) != ("COERCE", "arrest"):
        return False
    return not refers_back(noun)


SPEECH_ACT_TYPES = {"REQUEST", "ACCUSE", "SUPPORT", "THREATEN", "REJECT"}
SPOKEN_IN_A_MEETING = "what is said there tells the meeting"


def _spoken_in_a_new_meeting(meeting: Token, lexicon: Lexicon) -> bool:
    """Rule spoken-in-a-meeting: "In a phone call with Erdogan, Blinken urged restraint",
    "during talks with Xi, Putin praised ...": a meeting not told before ("a", or no article),
    framing what the subject says to its partner there (a demand, a warning, praise), took
    place; "the talks" are told elsewhere, and an act that is not speech ("agreed to
    mediation in the talks") does not make them."""
    if any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these"}
        for c in children_of(meeting)
    ):
        return False
    entry = verb_entry(meeting.head.head, lexicon)
    return entry is not None and entry.type in SPEECH_ACT_TYPES


def meeting_in_passing_triggers(
    sentence: Span,
    lexicon: Lexicon,
    consumed: set[int],
    index: MentionIndex,
    coded: frozenset[int] = frozenset(),
) -> list[Candidate]:
    """A meeting told in passing: "Zelensky said in a meeting with Honcharuk", "announced the
    funding during her trip to Chad", "after a visit by a US envoy to Caracas". Where something
    is said, or where the phrase names who met, the scene-setting phrase is itself a meeting
    when it names whom it was with. ``coded`` holds the words already made events: "their
    meeting" is read even inside the content a speech verb governs (the parser hangs it there),
    never twice."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.i not in coded and is_in_adjunct(token):
            entry = noun_entry(token, lexicon)
            speech = None
            if entry is not None and entry.type == "CONSULT":
                speech = their_meeting_speech(token, index, lexicon)
            if entry is not None and speech is not None:
                consumed.add(token.i)
                why = [f"noun '{token.lemma_}' told in passing", THEIR_MEETING]
                candidates.append(Candidate(token=token, entry=entry, predicate=speech, why=why))
                continue
        if token.i in consumed:
            continue
        if times_another_act(token, lexicon):
            entry = noun_entry(token, lexicon)
            if entry is not None and entry.type == "CONSULT":
                consumed.add(token.i)
                why = [f"noun '{token.lemma_}' told in passing: talks took place"]
                place = measured_talks(
                    token, lexicon
                )  # "after two days of talks": where "days" stands
                predicate = place.head.head if place.dep_ == "pobj" else place.head
                candidates.append(Candidate(token=token, entry=entry, predicate=predicate, why=why))
            continue
        if not is_in_adjunct(token):
            continue
        entry = noun_entry(token, lexicon)
        if entry is None or entry.type != "CONSULT" or token.head.lower_ not in PASSING_PREPS:
            continue
        partners = [
            pobj
            for prep in children_of(token)
            if prep.dep_ == "prep" and prep.lower_ in {"with", "to", "between"}
            for pobj in children_of(prep)
            if pobj.dep_ == "pobj"
        ]
        if not any(index.at(c) or c.ent_type_ == "GPE" for p in partners for c in conjuncts(p)):
            continue  # with whom, or where to ("her trip to Chad")
        reported = lemma_of(token.head.head, lexicon) in lexicon.reporting_verbs
        spoken = not reported and _spoken_in_a_new_meeting(token, lexicon)
        said = reported or spoken
        own = any(c.dep_ == "poss" or c.lower_ == "by" for c in children_of(token))
        if not said and not own:
            continue  # "agreed to mediation in the talks with X": the talks are scenery
        consumed.add(token.i)
        why = [f"noun '{token.lemma_}' told in passing"]
        if spoken and not own:
            why.append(SPOKEN_IN_A_MEETING)
        predicate = token.head.head if said else token  # "a visit by X": X went, not the subject
        candidates.append(Candidate(token=token, entry=entry, predicate=predicate, why=why))
    return candidates


THEIR_MEETING = "their-meeting-is-a-meeting"
SPEECH_CLIMB = 6  # "asked X for help in curbing Y during their meeting": from "curbing" to "asked"


def their_meeting_speech(meeting: Token, index: MentionIndex, lexicon: Lexicon) -> Token | None:
    """Rule their-meeting-is-a-meeting: "Blinken asked Wang Yi for help during their meeting in
    Beijing", "Macron urged Xi to press Moscow during their talks": a meeting that is "their"
    own, framing what a speaker asks, urges or warns the actor it names as its object, was
    held by the two. The speech verb (the parser may hang the phrase on a verb below it), or
    None."""
    if not any(c.dep_ == "poss" and c.lower_ == "their" for c in children_of(meeting)):
        return None
    verb, speech = meeting.head.head, None
    for _ in range(SPEECH_CLIMB):  # the outermost speech verb ("urged Xi to press Moscow")
        entry = verb_entry(verb, lexicon) if verb.pos_ == "VERB" else None
        if entry is not None and entry.type in SPEECH_ACT_TYPES:
            addressees = [c for c in children_of(verb) if c.dep_ in {"dobj", "dative", "iobj"}]
            if any(index.at(c) for a in addressees for c in conjuncts(a)):
                speech = verb
        if verb.head == verb:
            break
        verb = verb.head
    return speech


TIMING_PREPS = {"after", "during", "following"}  # "won after lengthy negotiations"
KNOWN_DETERMINERS = {"the", "this", "that", "these", "those"}


def times_another_act(noun: Token, lexicon: Lexicon) -> bool:
    """Rule talks-in-passing-took-place: talks told as the time of another act, not told
    before ("the bid won after lengthy negotiations", "released the hostages during all-night
    negotiations", "the ban followed discussions with the US", "stop in Islamabad after two
    days of talks in Beijing"), took place; "after the talks" points back to talks told
    elsewhere, "before" or "ahead of" talks to talks not yet held."""
    if noun.lemma_.lower() not in lexicon.negotiation_nouns and (
        noun.lower_ not in lexicon.negotiation_nouns
    ):
        return False
    place = measured_talks(noun, lexicon)
    if any(
        c.dep_ in {"det", "poss"} and c.lower_ in KNOWN_DETERMINERS
        for word in {noun, place}
        for c in children_of(word)
    ):
        return False
    timed = place.dep_ == "pobj" and place.head.lower_ in TIMING_PREPS and is_in_adjunct(place)
    followed = place.dep_ == "dobj" and place.head.lemma_.lower() in lexicon.words("timing_verbs")
    if not (timed or followed):
        return False
    act = place.head.head if timed else place.head
    return not _seals_a_deal(act, lexicon)


def measured_talks(noun: Token, lexicon: Lexicon) -> Token:
    """ "After two days of talks", "following a fourth round of negotiations", "after 13
    hours of talks": a measure of time or rounds stands in the sentence where the talks it
    measures would (the light verbs read it so: "held four days of talks"), so the talks are
    placed by it; any other noun is placed by itself."""
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in lexicon.words("measure_nouns")
    ):
        return head.head
    return noun


def _seals_a_deal(verb: Token, lexicon: Lexicon) -> bool:
    """ "Agreed to a truce after talks", "signed a ceasefire agreement after talks mediated by
    China": the deal the talks led to is the news, and tracking tells the talks from its
    history; the talks are no event of their own."""
    entry = verb_entry(verb, lexicon)
    agreed = entry is not None and entry.type == "AGREE"
    return agreed or lemma_of(verb, lexicon) in lexicon.words("deal_verbs")


def deed_of_accusation(noun: Token) -> list[Token]:
    """The words of what an accusation noun says was done: "charges of blocking a road",
    "accusations of shelling", "allegations over the killings"."""
    return [
        word
        for prep in children_of(noun)
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "over", "about", "into"}
        for word in prep.subtree
        if word.i != prep.i
    ]


DEED_PREPOSITIONS = {"of", "for"}  # "accused Thailand of firing shells", "blamed X for Y"
CHARGE_REACH = 2  # sentences back an accusation a denial answers is looked for


def denied_charge(candidate: Candidate, lexicon: Lexicon) -> Token | None:
    """Rule "a-denied-charge-is-the-deed": the accusation a candidate denies, an accusation
    noun (one the lexicon reads ACCUSE allege) that a denial verb takes ("Iran denied the
    accusation", "a charge Iran denies") or that a speaker calls baseless ("Thailand called the
    allegations 'groundless'": a negative judgement, ACCUSE, of a charge)."""
    verb = candidate.token
    if candidate.entry.modality == "denied":
        objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
        if not objects and verb.dep_ == "relcl":
            objects = [verb.head]  # "a charge Iran denies"
    elif candidate.entry.type == "ACCUSE" and lemma_of(verb, lexicon) in lexicon.naming_verbs:
        objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    else:
        return None
    return next((noun for noun in objects if _is_charge(noun, lexicon)), None)


def _is_charge(noun: Token, lexicon: Lexicon) -> bool:
    entry = noun_entry(noun, lexicon)
    return entry is not None and entry.type == "ACCUSE" and entry.mode == "allege"


def deed_denied(charge: Token, lexicon: Lexicon) -> str | None:
    """The type of the deed an accusation noun stands for: its own ("denied charges of
    shelling"), else that of the nearest accusing verb before it, in its sentence or the two
    before ("Cambodia accused Thailand of firing shells ... Thailand called the allegations
    'groundless'"); None when no deed with a type is told."""
    words = deed_of_accusation(charge)
    accusers = [] if words else list(_accusing_verbs_before(charge, lexicon))
    for verb in accusers:
        words = [
            word
            for prep in children_of(verb)
            if prep.dep_ == "prep" and prep.lower_ in DEED_PREPOSITIONS
            for word in prep.subtree
            if word.i != prep.i
        ]
        if words:
            break
    for word in sorted(words, key=depth_of):  # nearest first
        kind = _deed_type(word, lexicon)
        if kind not in {None, "ACCUSE"}:
            return kind
    if words or accusers or not refers_back(charge):
        return None
    return _act_told_before(charge, lexicon)


def _deed_type(word: Token, lexicon: Lexicon) -> str | None:
    """The type a word of a charge tells, a noun as its governing verb makes it, as anywhere
    else: "accused the rebels of violating the ceasefire" charges an attack (a violated truce
    is ASSAULT, the noun's ``if_governed_by``), not the truce."""
    entry = verb_entry(word, lexicon)
    if entry is not None:
        return entry.type
    entry = noun_entry(word, lexicon)
    if entry is None:
        return None
    governor = (
        word.head if word.dep_ in {"dobj", "nsubjpass"} and word.head.pos_ == "VERB" else None
    )
    return entry.type_under(governor)


# What a charge can stand for: a wrong done to others, not talks, deals, praise or words
CHARGEABLE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "AID", "SANCTION", "PROTEST"}


def refers_back(noun: Token) -> bool:
    """ "denied the accusation", "denied that allegation", "said the strikes were ...": a noun
    named with a definite determiner is one the text told before."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in children_of(noun))


def _act_told_before(charge: Token, lexicon: Lexicon) -> str | None:
    """Rule "a-denied-charge-is-the-deed", a charge told before: the type of the nearest wrong
    (``CHARGEABLE_TYPES``) the ``CHARGE_REACH`` sentences before a charge tell, when no
    accusing verb there names a deed ("Ansar al-Shariah has been linked to the assault that
    killed four Americans ... The group denies the allegation": the assault)."""
    for word in reversed(charge.doc[_reach_start(charge) : sentence_of(charge).start]):
        if word.pos_ == "VERB":
            entry = verb_entry(word, lexicon)
        elif word.pos_ == "NOUN":
            entry = noun_entry(word, lexicon)
        else:
            continue
        if entry is not None and entry.type in CHARGEABLE_TYPES:
            return entry.type
    return None


def _reach_start(charge: Token) -> int:
    """Where the ``CHARGE_REACH`` sentences before a charge's own begin."""
    doc = charge.doc
    start = sentence_of(charge).start
    for _ in range(CHARGE_REACH):
        if start == 0:
            break
        start = sentence_of(doc[start - 1]).start
    return start


def _accusing_verbs_before(charge: Token, lexicon: Lexicon) -> Iterator[Token]:
    """Verbs the lexicon reads ACCUSE, before ``charge`` in its sentence and in the
    ``CHARGE_REACH`` sentences before it, nearest first."""
    for word in reversed(charge.doc[_reach_start(charge) : charge.i]):
        entry = verb_entry(word, lexicon) if word.pos_ == "VERB" else None
        if entry is not None and entry.type == "ACCUSE":
            yield word


def is_long_running(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "Rebel groups have been fighting since 1989", "the military has targeted ethnic groups
    for decades": a perfect tense with a span of years sums up a history, it reports no act."""
    verb = candidate.predicate
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in children_of(verb)):
        return False
    for prep in children_of(verb):
        if prep.dep_ != "prep":
            continue
        for pobj in (c for c in children_of(prep) if c.dep_ == "pobj"):
            year = YEAR.fullmatch(pobj.text) or pobj.text.endswith("0s")
            if prep.lower_ in {"since", "by"} and year:  # "since 1989", "had been disarmed by 2010"
                return True
            if prep.lower_ == "for" and pobj.lower_ in lexicon.words("long_spans"):
                return True
    return False


def is_a_habit(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "India and Pakistan regularly exchanged heavy fire", "previous ceasefires have been
    repeatedly violated": an act told with how often it recurs sums up many acts, none of
    them reported (one act told again, "again", is still one)."""
    return any(
        c.dep_ == "advmod" and c.lower_ in lexicon.words("frequency_adverbs")
        for c in children_of(candidate.predicate)
    )


# Acts of crowd control, not killings ("three protesters were killed" tells deaths, and the
# protest, if any, is told by its own verb).
CONTROL_DEPS = {"dobj", "nsubjpass"}


def protests_met_by_force(
    sentence: Span, candidates: list[Candidate], lexicon: Lexicon
) -> list[Candidate]:
    """ "Police arrested 54 protesters", "riot police dispersed protesters", "arrested 31 people
    protesting fuel prices": a crowd that authorities arrest, disperse or block in the main
    clause is protesting there and then, and the protest is an event of its own (ACLED's
    "protest with intervention"), its doers the crowd; unless the sentence tells the protest
    with its own trigger. A crowd held in a relative clause ("released protesters who were
    detained") was protesting before, not now."""
    if any(c.entry.type == "PROTEST" for c in candidates):
        return []
    for candidate in candidates:
        if candidate.entry.type not in FORCE_TYPES or candidate.predicate.dep_ in {"relcl", "acl"}:
            continue
        for verb in _crowd_control_verbs(candidate, lexicon):
            for crowd in (c for c in children_of(verb) if c.dep_ in CONTROL_DEPS):
                protest = _protest_word(crowd, lexicon, dispersed=verb is not candidate.predicate)
                if protest is not None:
                    entry = TriggerEntry(type="PROTEST", mode="demo")
                    why = [f"the crowd '{crowd.text}' that '{verb.lemma_}' falls on was protesting"]
                    return [Candidate(protest, entry, predicate=verb, why=why, doer=crowd)]
    return []


FORCE_TYPES = {"COERCE", "ASSAULT"}


def _crowd_control_verbs(candidate: Candidate, lexicon: Lexicon) -> list[Token]:
    """The verbs that say a candidate's force fell on a crowd: an act of coercion itself
    ("arrested 54 protesters"), and (rule dispersal-is-crowd-control) the coercion an act of
    force was done for ("fired tear gas to disperse a rally", "used water cannon to disperse
    vendors protesting ..."): the crowd was there, and the aim is how the act met it."""
    verb = candidate.predicate
    verbs = [verb] if candidate.entry.type == "COERCE" else []
    for aim in (c for c in children_of(verb) if c.dep_ in {"advcl", "xcomp"}):
        entry = lexicon.verbs.get(lemma_of(aim, lexicon))
        if is_to_infinitive(aim) and entry is not None and entry.type == "COERCE":
            verbs.append(aim)
    return verbs


def protests_force_fell_during(
    sentence: Span, candidates: list[Candidate], lexicon: Lexicon
) -> list[Candidate]:
    """Rule a-protest-force-fell-during: "two protesters were killed in police firing during an
    opposition rally", "arrested 31 suspects after hoodlums looted shops during a protest over
    fuel prices": the protest that force fell during took place then and there, an event of
    its own (its doers whoever the noun names), unless the sentence tells it itself."""
    if any(c.entry.type == "PROTEST" for c in candidates):
        return []
    forces = [
        c.predicate
        for c in candidates
        if c.entry.type in FORCE_TYPES and c.predicate.dep_ not in {"relcl", "acl"}
    ]
    for force in forces:
        for word in force.subtree:
            for noun in objects_of_preposition(word, "during"):
                entry = noun_entry(noun, lexicon) if noun.ent_type_ not in NAME_ENTITIES else None
                if entry is not None and entry.type == "PROTEST":
                    why = [f"the {noun.lemma_} '{force.lemma_}' fell during took place"]
                    return [Candidate(noun, entry, predicate=noun, why=why)]
    return []


def _protest_word(crowd: Token, lexicon: Lexicon, dispersed: bool = False) -> Token | None:
    """The word that says a crowd protests: the crowd noun ("protesters"), the protest verb
    it is doing ("people protesting fuel prices"), or, for a crowd force was used to disperse,
    the gathering itself ("fired tear gas to disperse a rally"; a march banned or called off
    never took place)."""
    if crowd.lemma_.lower() in lexicon.words("protester_nouns"):
        return crowd
    entry = noun_entry(crowd, lexicon) if crowd.ent_type_ not in NAME_ENTITIES else None
    if dispersed and entry is not None and entry.type == "PROTEST":
        return crowd
    for child in children_of(crowd):
        if child.dep_ == "acl" and child.tag_ == "VBG":
            entry = lexicon.verbs.get(lemma_of(child, lexicon))
            if entry is not None and entry.type == "PROTEST":
                return child
    return None


# A toll names the attack it counts: "the death toll from Saturday's strike", "the number of
# people killed in Friday's strike".
TOLL_PREPS = {"from", "of", "in"}


def toll_attack_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """ "The death toll from Saturday's Russian missile strike rose to 40", "the number of
    people killed in Friday's strike on Odesa has risen to 21", "bringing the death toll from
    the Russian attack to 12": the attack a toll counts is the event the sentence reports (its
    figure the attack's count); the noun would otherwise be scenery."""
    candidates: list[Candidate] = []
    for token in span_tokens(sentence):
        if token.dep_ != "pobj" or token.i in consumed:
            continue  # before its head is made: most words are no object of a preposition
        preposition = token.head
        if preposition.lower_ not in TOLL_PREPS:
            continue
        entry = noun_entry(token, lexicon)
        if (
            entry is None
            or entry.type != "ASSAULT"
            or not _counts_a_toll(preposition.head, lexicon)
        ):
            continue
        consumed.add(token.i)
        why = [f"noun '{token.lemma_}' whose toll the sentence gives"]
        candidates.append(Candidate(token=token, entry=entry, predicate=token, why=why))
    return candidates


def _counts_a_toll(word: Token, lexicon: Lexicon) -> bool:
    """Whether a phrase head is a toll ("the death toll", "the toll"), or the casualties of one
    ("the number of people killed", "people killed")."""
    lemma = word.lemma_.lower()
    if lemma == "toll":
        return True
    if lemma not in lexicon.words("casualty_participles") or word.dep_ != "acl":
        return False
    counted = word.head  # "people" killed
    of = counted.head if counted.dep_ == "pobj" else None
    return (
        of is not None
        and of.lower_ == "of"
        and of.head.lemma_.lower() in lexicon.words("toll_nouns")
    )
