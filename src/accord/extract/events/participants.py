"""Who takes part in an event: source and target actors from the clause, the noun phrase, the
reporting speaker, and the places named in the object.

Actor mentions come from the resolver (``MentionIndex``); the actor dictionary and the gazetteer
are passed in where a rule infers an actor the text does not name (a place's state).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from accord.extract.events.lexicon import Lexicon, lemma_of
from accord.extract.events.syntax import (
    LOCATIVE_PREPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    agent_of,
    conjuncts,
    held_to_account,
    is_conditional_clause,
    is_headline_participle,
    is_locative,
    is_nounlike,
    is_passive_read_as_complement,
    is_purpose_clause,
    is_to_infinitive,
    objects_of_preposition,
    phrase,
    read_as_modifier,
    read_as_participle,
    statement_author,
    subject_of,
)
from accord.extract.events.triggers import (
    DYAD_DASHES,
    Candidate,
    aimed_at,
    claimed_by,
    dash_dyad_sides,
    measure_aim,
    operation_aim,
)
from accord.models import ActorMention, ActorRef, Place
from accord.nlp import children_of, doc_tokens, head_offsets, sentence_of, span_tokens
from accord.resolve.actors import JOINING_HYPHENS, ActorDictionary, inferred_ref
from accord.resolve.places import AIMING_WORDS, PLACE_NOUNS, Geocoder

PARTICIPANT_PREPS = {
    "with",
    "against",
    "to",
    "on",
    "toward",
    "towards",
    "between",
    "involving",
    "of",
}


AFFILIATION_PREPS = {"of", "from", "for"}
EXAMPLE_PREPS = {"as", "like", "including"}  # "allies such as Germany", "nations like the US"


PASSIVE_TARGET_WHY = "passive subject as target"  # the evidence's words for a passive's patient
DEMAND_TYPES = {"REQUEST", "ACCUSE", "THREATEN"}
# Acts whose "for" phrase names who gains by them ("support for X", "$300 million in aid for
# Gaza"); elsewhere "for" names a content or a reason ("called for talks", "sanctions for").
BENEFIT_TYPES = {"SUPPORT", "AID"}
OWN_FORCES_TYPES = {
    "MOBILIZE",
    "AID",
    "AGREE",
    "SUPPORT",
    "COOPERATE",
    "RETREAT",
    "CONCEDE",
    "THREATEN",
}


# Where else a protest names whom it is aimed at: "in defiance of X", "against X", "over X's
# bill", and the purpose clause ("to press their demands on X's government").
ADDRESSEE_PREPS = {"against", "over", "in", "for"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD"}


class MentionIndex:
    """Actor mentions of a document, looked up by token."""

    def __init__(self, mentions: Iterable[ActorMention]) -> None:
        self.mentions = list(mentions)
        self.voices: list[tuple[int, int, str]] = []
        self.by_offset: dict[int, list[ActorMention]] = {}
        for mention in self.mentions:  # mentions are a few words: index every character
            for offset in range(mention.start, mention.end):
                self.by_offset.setdefault(offset, []).append(mention)

    def at(self, token: Token) -> list[ActorMention]:
        """Mentions covering a token (two for "both sides"), in text order."""
        return list(self.by_offset.get(token.idx, ()))

    def hear(self, voices: Iterable[tuple[int, int, str]]) -> None:
        """Keep who speaks where: the character span of each attributed direct quote with its
        speaker's actor id (see ``voice_at``)."""
        self.voices = sorted(voices)

    def voice_at(self, token: Token) -> ActorMention | None:
        """The speaker of the direct quote that holds ``token``: the last mention of the
        speaker's actor before the token (or the first after it), None when no attributed
        quote holds it."""
        speaker = next((a for start, end, a in self.voices if start <= token.idx < end), None)
        if speaker is None:
            return None
        mentions = [m for m in self.mentions if m.actor.id == speaker]
        before = [m for m in mentions if m.start <= token.idx]
        return before[-1] if before else (mentions[0] if mentions else None)


def core_mentions(head: Token, index: MentionIndex, depth: int = 0) -> list[ActorMention]:
    """The actors a noun phrase names: its head (and conjuncts), else modifiers, else "of X"."""
    found: list[ActorMention] = []
    for noun in conjuncts(head):
        if is_locative(noun):
            continue
        direct = index.at(noun)
        if direct:
            found.extend(_person_coordinated_in_front(noun, direct, index))
            found.extend(direct)
            found.extend(_coordinated_modifiers(noun, index))
            found.extend(_person_in_apposition(noun, index))
            continue
        named = _named_in_apposition(noun, index)
        if named:  # "spokesman Esmaeil Baghaei": the title's apposition names the person
            found.extend(named)
            continue
        modifiers = [m for t in noun.doc[noun.left_edge.i : noun.i] for m in index.at(t)]
        if modifiers:
            found.extend(modifiers)
            continue
        if depth < 2:  # "leaders of the Azadliq opposition coalition", "allies such as X"
            for child in children_of(noun):
                if _lists_a_clauses_object(noun, child):
                    continue
                if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPS | EXAMPLE_PREPS:
                    for pobj in children_of(child):
                        if pobj.dep_ == "pobj":
                            found.extend(core_mentions(pobj, index, depth + 1))
    return unique_mentions(found)


def _person_in_apposition(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Rule "the-person-named-after-the-description": "killed Iranian general, Qasem
    Soleimani", "a top commander, Raul Reyes": a described group member ("Iranian general":
    Iran's military) is also the person the apposition names."""
    return [m for m in _named_in_apposition(noun, index) if m.actor.kind == "person"]


def _named_in_apposition(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """The actors named in the noun's appositions ("spokesman Esmaeil Baghaei")."""
    return [m for child in children_of(noun) if child.dep_ == "appos" for m in index.at(child)]


def _lists_a_clauses_object(noun: Token, phrase: Token) -> bool:
    """Rule "including-after-a-clause-names-its-object": an example phrase the parser hangs
    on a noun after the noun's relative clause ("the assault that killed four Americans there
    last week, including the U.S. ambassador") lists the people that clause acted on (its
    victims), never members of the noun."""
    return phrase.lower_ in EXAMPLE_PREPS and any(
        c.dep_ == "relcl" and c.i < phrase.i for c in children_of(noun)
    )


def _person_coordinated_in_front(
    noun: Token, direct: list[ActorMention], index: MentionIndex
) -> list[ActorMention]:
    """Rule "titled-names-coordinated": "US President Donald Trump and Turkish President Recep
    Tayyip Erdogan spoke", "Egyptian President X and Jordan's King Abdullah called": the parser
    hangs the first titled name inside the second one's phrase (as a title's apposition or a
    possessor); a person named there before an "and" is a party beside the named head."""
    if not any(m.actor.kind == "person" for m in direct):
        return []
    own = {m.actor.id for m in direct}
    words = list(noun.doc[noun.left_edge.i : noun.i])
    joins = [t.i for t in words if t.dep_ == "cc" and t.lower_ == "and"]
    if not joins:
        return []
    return [
        m
        for t in words
        if t.i < joins[-1]
        for m in index.at(t)
        if m.actor.kind == "person" and m.actor.id not in own
    ]


def _coordinated_modifiers(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """ "Israeli and Hamas negotiators": the group the first modifier makes of the noun has a
    partner in the name coordinated with that modifier."""
    return [
        m
        for modifier in children_of(noun)
        if modifier.dep_ in {"amod", "compound", "nmod"} and modifier.i < noun.i
        for partner in modifier.conjuncts
        for m in index.at(partner)
    ]


def unique_mentions(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    result = []
    for mention in mentions:
        if mention.actor.id not in seen:
            seen.add(mention.actor.id)
            result.append(mention)
    return result


def _hangs_below(token: Token, top: Token, test: Callable[[Token], bool]) -> bool:
    """Whether ``token`` or a word between it and ``top`` (not ``top`` itself) passes
    ``test``: the walk up the tree every "is it inside ..." question below makes (by the
    heads kept on the doc: no Token made per step)."""
    words, heads = doc_tokens(token.doc), head_offsets(token.doc)
    at, stop = token.i, top.i
    while at != stop and heads[at] != at:
        if test(words[at]):
            return True
        at = heads[at]
    return False


def _in_a_setting(token: Token, top: Token, lexicon: Lexicon) -> bool:
    """Whether a word hangs (below ``top``) from a setting noun ("the sidelines of ...")."""
    return _hangs_below(
        token, top, lambda node: node.lemma_.lower() in lexicon.words("setting_nouns")
    )


def _in_a_charge(token: Token, top: Token, lexicon: Lexicon) -> bool:
    """ "sanctions on three firms accused of supplying drone parts to Russia": what the firms
    are charged with is no party to the act on them (Russia is not sanctioned)."""
    return _hangs_below(
        token,
        top,
        lambda node: node.dep_ == "acl" and node.lemma_ in lexicon.words("charging_verbs"),
    )


def _participant_objects(token: Token, lexicon: Lexicon) -> list[Token]:
    """Objects and participant phrases of a verb or noun ("met with X", "sanctions against X")."""
    objects = []
    for child in children_of(token):
        if child.dep_ in {"dobj", "dative", "iobj"}:
            objects.append(child)
        elif child.dep_ == "prep" and child.lower_ in PARTICIPANT_PREPS:
            objects.extend(
                c
                for c in children_of(child)
                if (c.dep_ == "pobj" and c.lemma_.lower() not in lexicon.words("setting_nouns"))
                or (c.dep_ == "pcomp" and not _absolute_clause(c))
            )
        elif child.dep_ == "acl" and child.lower_ == "involving":
            objects.extend(c for c in children_of(child) if c.dep_ == "dobj")
        elif child.dep_ == "advcl" and child.lower_ == "visiting" and child.i == token.i + 1:
            # "Xi met visiting Brazilian President Lula", parsed as "met, visiting Lula"
            objects.extend(c for c in children_of(child) if c.dep_ == "dobj")
    return objects


def _raised_from_a_passive(verb: Token, subject: Token, lexicon: Lexicon) -> bool:
    """ "Israel is expected to free 600 prisoners", "he was ordered to leave", "Turkey was
    accused of launching a strike": the passive is the expecting, ordering or charging; the
    subject does the act it is expected to do, or charged with (unless that act is passive
    too: "were set to be released")."""
    holder = held_to_account(verb.head, lexicon) if verb.dep_ == "pcomp" else None
    if holder is not None and subject.head.i == holder.i:
        return not any(c.dep_ == "auxpass" for c in children_of(verb))  # "was accused of firing"
    return (
        verb.dep_ == "xcomp"
        and subject.head.i == verb.head.i
        and not any(c.dep_ == "auxpass" for c in children_of(verb))
    )


def _absolute_clause(verb: Token) -> bool:
    """ "..., with spokesman John Kirby saying ...": a clause with its own subject after "with"
    tells what went with the act, not whom it was with."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in children_of(verb))


def is_claimed(trigger: Token, predicate: Token, lexicon: Lexicon) -> bool:
    """Is an event noun claimed by the predicate's subject ("claimed responsibility for the
    attack", "claimed the attack")? The claimant is its doer."""
    if lemma_of(predicate, lexicon) not in lexicon.words("claiming_verbs"):
        return False
    return trigger.dep_ == "dobj" or claimed_by(trigger, lexicon) == predicate


def _shares_as_passive(verb: Token) -> bool:
    """A passive verb coordinated with another clause, whose subject it shares: "Turkey is under
    EU sanctions and was condemned by ...", "Iran was sanctioned by the US and condemned by the
    EU": the shared subject is acted on, not acting."""
    if (
        verb.dep_ != "conj"
        or verb.tag_ != "VBN"
        or any(c.dep_ in SUBJECT_DEPS for c in children_of(verb))
    ):
        return False
    own = any(c.dep_ == "auxpass" for c in children_of(verb))
    shared = any(c.dep_ in {"auxpass", "nsubjpass"} for c in children_of(verb.head))
    return own or (shared and not any(c.dep_ in {"aux", "auxpass"} for c in children_of(verb)))


def _declared(noun: Token, lexicon: Lexicon) -> bool:
    """Is an event noun what a declaring verb declares: its object ("announced a suspension"),
    or what the amount it announces is of ("announced $9 million in humanitarian assistance")?"""
    if noun.dep_ == "dobj":
        return True
    amount = noun.head.head
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in {"in", "of"}
        and amount.dep_ == "dobj"
        and amount.lemma_.lower() in lexicon.words("measure_nouns")
    )


def event_actors(
    candidate: Candidate, index: MentionIndex, lexicon: Lexicon
) -> tuple[list, list, list[str]]:
    """Source and target mentions of an event, with the rules that found them."""
    why: list[str] = []
    if candidate.doer is not None:  # "arrested 54 protesters": the crowd protests
        done_to = candidate.done_to  # "X denied Y's accusation": Y accuses X
        if done_to is None:
            return core_mentions(candidate.doer, index), [], ["the crowd as source"]
        found = core_mentions(done_to, index)
        return (
            core_mentions(candidate.doer, index),
            found,
            ["the accuser as source, the denier as target"],
        )
    predicate, trigger = candidate.predicate, candidate.token
    sources: list[ActorMention] = []
    targets: list[ActorMention] = []
    is_noun_event = is_nounlike(trigger, lexicon)
    reported_noun = is_noun_event and predicate.lemma_.lower() in lexicon.reporting_verbs
    if (
        reported_noun
        and predicate.lemma_.lower() in lexicon.words("declaring_verbs")
        and _declared(trigger, lexicon)
    ):
        reported_noun = False  # "Italy announced a suspension of air links": Italy suspends
    if reported_noun and is_claimed(trigger, predicate, lexicon):
        reported_noun = False  # "IS claimed responsibility for the bombing": IS bombed
    if (not is_noun_event or trigger.dep_ not in SUBJECT_DEPS) and not reported_noun:
        agent = (
            (agent_of(predicate) or statement_author(predicate, lexicon))
            if predicate.tag_ == "VBN"
            else None
        )
        shared = _agent_of_a_later_participle(predicate) if agent is None else None
        if shared is not None:
            agent = agent_of(shared)
            why.append(f"{SHARED_AGENT_RULE}: the by-phrase of '{shared.text}'")
        subject = agent or subject_of(predicate, lexicon)
        if subject is not None:
            relative_passive = any(  # "protesters who were detained"
                c.dep_ == "nsubjpass" and c.lower_ in RELATIVE_PRONOUNS
                for c in children_of(predicate)
            ) or (  # "the 52 people killed when a missile hit": who a participle tells of
                predicate.dep_ == "acl"
                and predicate.tag_ == "VBN"
                and subject == predicate.head
                and not read_as_participle(predicate)
            )
            headline_passive = is_headline_participle(predicate)  # "Man arrested in Leeds"
            passive = (
                (
                    subject.dep_ == "nsubjpass"
                    or relative_passive
                    or headline_passive
                    or is_passive_read_as_complement(predicate)
                    or _shares_as_passive(predicate)
                )
                and agent is None
                and predicate.lower_ not in lexicon.words("stative_participles")
                and not _raised_from_a_passive(predicate, subject, lexicon)
            )
            found = core_mentions(subject, index)
            (targets if passive else sources).extend(found)
            if found:
                why.append(PASSIVE_TARGET_WHY if passive else "subject")
        if agent is not None:  # "X was indicted by the court": the court acts on X
            patients = [c for c in children_of(predicate) if c.dep_ == "nsubjpass"]
            if not patients and _shares_as_passive(predicate):
                patients = [p for p in [subject_of(predicate, lexicon)] if p is not None]
            found = [m for p in patients for m in core_mentions(p, index)]
            targets.extend(found)
            if found:
                why.append(PASSIVE_TARGET_WHY)
    if is_noun_event:
        joint, partners = _noun_participants(trigger, index, lexicon)
        symmetric = candidate.entry.type in {"CONSULT", "COOPERATE", "AGREE"}
        if symmetric and not sources:
            sources.extend(joint)
        else:
            sources.extend(core_mentions_modifiers(trigger, index))
            targets.extend(joint)
        targets.extend(partners)
        if joint or partners:
            why.append("participants of the noun")
    for obj in event_objects(candidate, lexicon):
        found = (
            core_mentions(obj, index)
            or _affiliation_of_verb(obj, predicate, index)
            or _aimed_at(obj, candidate, index)
        )
        if found:
            why.append(f"object '{obj.text}'")
        targets.extend(found)
    sources = unique_mentions(sources)
    source_ids = {m.actor.id for m in sources}
    targets = [m for m in unique_mentions(targets) if m.actor.id not in source_ids]
    return sources, targets, why


SHARED_AGENT_RULE = "a-by-phrase-serves-each-participle"


def _agent_of_a_later_participle(verb: Token) -> Token | None:
    """Rule "a-by-phrase-serves-each-participle": passive participles joined by "and" share
    the "by" phrase written after the last ("has been shot and wounded in attack by rebel
    soldiers", "their homes were torched and looted by crowds of Albanians"): it names the doer
    of each. Returns the later participle that carries it (none with a subject of its own)."""
    if verb.tag_ != "VBN":
        return None
    for conjunct in verb.conjuncts:
        if conjunct.i < verb.i or conjunct.tag_ != "VBN":
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in children_of(conjunct)):
            continue
        if agent_of(conjunct) is not None:
            return conjunct
    return None


def _in_relative(token: Token, top: Token) -> bool:
    """Is ``token`` inside a relative clause below ``top`` ("change its constitution, which Baku
    says contains claims on Azerbaijan": the claims are background, not the demand's)?"""
    return _hangs_below(token, top, lambda node: node.dep_ == "relcl")


def event_objects(candidate: Candidate, lexicon: Lexicon) -> list[Token]:
    """Objects and participant phrases of the predicate, the trigger and the governed content."""
    predicate, trigger, complement = candidate.predicate, candidate.token, candidate.complement
    doer = _doer_asked(candidate, complement)
    objects = _participant_objects(predicate, lexicon)
    if read_as_modifier(predicate):  # "Russia's military accused rebel groups of ...": groups
        objects.append(predicate.head)
    if candidate.entry.type in {"ASSAULT", "COERCE"}:  # "attacked farmers harvesting olives",
        objects.extend(  # parsed as a clause whose subject is the one attacked
            s
            for c in children_of(predicate)
            if c.dep_ == "ccomp"
            for s in children_of(c)
            if s.dep_ == "nsubj"
        )
    if candidate.entry.type in {"ASSAULT", "COERCE"}:  # "fired tear gas at protesters"
        for word in (predicate, *[c for c in children_of(predicate) if c.dep_ == "dobj"]):
            objects.extend(objects_of_preposition(word, "at"))
    if candidate.entry.type == "ASSAULT":  # "rammed into a military base", "fired into a crowd"
        objects.extend(objects_of_preposition(predicate, "into"))
    if candidate.entry.type == "PROTEST":  # "marched, demanding that Compaore step down"
        objects.extend(demanded_of(predicate, lexicon))
    if candidate.entry.type == "ACCUSE" and _aimed_words(predicate):
        objects.extend(objects_of_preposition(predicate, "at"))  # "hit out at the EU"
    if candidate.entry.type in BENEFIT_TYPES:  # "support for Russia's position", "aid for Gaza"
        for word in dict.fromkeys((trigger, predicate)):
            objects.extend(objects_of_preposition(word, "for"))
    if trigger.lemma_.lower() in lexicon.words(
        "warrant_nouns"
    ):  # "an arrest warrant for Vladimir Putin"
        objects.extend(objects_of_preposition(trigger, "for"))
    if candidate.entry.type in {"REQUEST", "COERCE"}:
        # "demanded autonomy from the authorities", "confiscated weapons from armed groups"
        objects.extend(objects_of_preposition(predicate, "from"))
        if complement is not None and doer is None:
            objects.extend(objects_of_preposition(complement, "from"))
    if predicate != trigger:
        objects.extend(_participant_objects(trigger, lexicon))
    if candidate.entry.type == "ASSAULT" and (aim := operation_aim(trigger, lexicon)) is not None:
        objects.extend(aimed_at(aim))  # "launched an operation to remove the guerrillas"
    if candidate.entry.type == "SANCTION" and (aim := measure_aim(trigger, lexicon)) is not None:
        objects.extend(aimed_at(aim))  # "imposed measures to isolate Qatar"
    if complement is not None and _charged_with(candidate, lexicon):
        complement = None  # "accused Kosovo of persecuting Serbs": Kosovo, not the Serbs
    if doer is not None:  # "called for Russia's withdrawal from Ukraine": Russia is asked
        objects.append(doer)
        complement = None
    if complement is not None:
        objects.extend(_participant_objects(complement, lexicon))
        objects.extend(_relative_clause_subjects(complement))
        if candidate.entry.type in DEMAND_TYPES and complement.dep_ in {"ccomp", "advcl"}:
            # "demanded that the US cancel the sale": the US is asked
            objects.extend(c for c in children_of(complement) if c.dep_ in SUBJECT_DEPS)
        for token in complement.subtree:
            if token.pos_ == "NOUN" and token != complement and not _in_relative(token, complement):
                objects.extend(o for o in _participant_objects(token, lexicon) if o.dep_ == "pobj")
    if is_nounlike(trigger, lexicon) and trigger != predicate:
        for token in trigger.subtree:
            if token.pos_ == "NOUN" and token != trigger:
                objects.extend(o for o in _participant_objects(token, lexicon) if o.dep_ == "pobj")
    return [o for o in dict.fromkeys(objects) if o != trigger]


def demanded_of(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Rule a-protests-demand-names-its-target: a protest told with a participle of what it
    demands ("marched in Ouagadougou, demanding that Compaore step down", "marched through
    Benghazi, demanding the dissolution of the militant groups", "stormed the municipality
    building, demanding the removal of armed groups") is aimed at whom the demand is made of:
    the subject of the demanded clause, or the demanded noun (whose "of" phrase names its
    doer, as core_mentions reads it)."""
    found: list[Token] = []
    for clause in children_of(verb):
        if clause.dep_ != "advcl" or clause.tag_ != "VBG":
            continue
        if clause.lemma_.lower() not in lexicon.words("demanding_verbs"):
            continue
        for child in children_of(clause):
            if child.dep_ == "dobj":
                found.append(child)
            elif child.dep_ == "ccomp":
                found.extend(c for c in children_of(child) if c.dep_ in SUBJECT_DEPS)
    return found


def _doer_asked(candidate: Candidate, complement: Token | None) -> Token | None:
    """Rule "the-doer-of-a-demanded-act-is-asked": a demand for an act told as a noun with
    its doer in front ("called for Bozize's resignation", "demanded Russia's withdrawal from
    Ukraine") is made of that doer, not of the act's other participants."""
    if candidate.entry.type != "REQUEST" or complement is None or complement.pos_ != "NOUN":
        return None
    owners = [c for c in children_of(complement) if c.dep_ == "poss" and c.pos_ != "PRON"]
    return owners[0] if owners else None


AIMED_WORDS = AIMING_WORDS | {"back"}  # "lashed out at", "took aim at", "hit back at"


def _aimed_words(verb: Token) -> bool:
    """Does a criticism say whom it is aimed at with "at" ("hit out at the EU", "took a swipe at
    NATO")? Not "criticised Russia at the UN": there "at" names where it was said."""
    return any(
        c.dep_ in {"prt", "dobj", "advmod"} and c.lemma_.lower() in AIMED_WORDS
        for c in children_of(verb)
    )


def _aimed_at(obj: Token, candidate: Candidate, index: MentionIndex) -> list[ActorMention]:
    """ "Fired tear gas at protesters", "hit out at the EU": whom force or criticism is aimed
    at, though "at" reads as a place."""
    aimed = candidate.entry.type in {"ASSAULT", "COERCE"} or (
        candidate.entry.type == "ACCUSE" and _aimed_words(candidate.predicate)
    )
    if not aimed or obj.head.lower_ != "at":
        return []
    named = [m for c in conjuncts(obj) for m in index.at(c)]
    held = [m for t in obj.doc[obj.left_edge.i : obj.i] for m in index.at(t)]  # "an IDF position"
    return unique_mentions(named or held)


def _relative_clause_subjects(noun: Token) -> list[Token]:
    """Who responds to a proposal: "a meeting, which Russia is considering" -> Russia."""
    return [
        subject
        for clause in children_of(noun)
        if clause.dep_ == "relcl"
        for subject in children_of(clause)
        if subject.dep_ in SUBJECT_DEPS and subject.lower_ not in RELATIVE_PRONOUNS
    ]


def _affiliation_of_verb(obj: Token, predicate: Token, index: MentionIndex) -> list[ActorMention]:
    """ "met with advisers from the U.S." when the parser hangs "from" on the verb."""
    if obj.dep_ != "pobj" or obj.head.head != predicate or index.at(obj):
        return []
    found: list[ActorMention] = []
    for child in children_of(predicate):
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in children_of(child):
                if pobj.dep_ == "pobj":
                    found.extend(m for c in conjuncts(pobj) for m in index.at(c))
    return found


def core_mentions_modifiers(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Actors named as modifiers of an event noun: "Russia's invasion", "a Russian strike"."""
    return unique_mentions(
        m
        for child in children_of(noun)
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.i < noun.i
        for word in hyphen_joined(child)
        for m in index.at(word)
    )


def _noun_participants(
    noun: Token, index: MentionIndex, lexicon: Lexicon
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Participants of an event noun: joint ones ("talks between X and Y", "a meeting involving
    X", "a Trump-Putin summit") and partners ("a summit with X")."""
    joint: list[ActorMention] = []
    partners: list[ActorMention] = []
    for child in children_of(noun):
        if child.dep_ == "prep" and child.lower_ in {"between", "among"}:
            joint.extend(
                m for p in children_of(child) if p.dep_ == "pobj" for m in core_mentions(p, index)
            )
        elif child.dep_ == "prep" and child.lower_ == "with":
            partners.extend(
                m for p in children_of(child) if p.dep_ == "pobj" for m in core_mentions(p, index)
            )
        elif child.dep_ == "acl" and child.lower_ == "involving":
            joint.extend(
                m for o in children_of(child) if o.dep_ == "dobj" for m in core_mentions(o, index)
            )
        elif child.dep_ == "acl" and child.lemma_.lower() in lexicon.words("aiming_participles"):
            partners.extend(m for o in _aimed_objects(child) for m in core_mentions(o, index))
        elif child.dep_ in {"compound", "nmod", "amod", "poss"} and child.i < noun.i:
            joint.extend(m for word in hyphen_joined(child) for m in index.at(word))
    return unique_mentions(joint), unique_mentions(partners)


def _aimed_objects(participle: Token) -> list[Token]:
    """Rule "aimed-at-is-target": whom an act is "targeting", "aimed at" or "directed against"
    ("an airstrike targeting a Hamas commander", "sanctions targeting 19 Russian individuals")
    is its target, as the object of the verb would be."""
    found = [c for c in children_of(participle) if c.dep_ == "dobj"]
    for prep in children_of(participle):
        if prep.dep_ == "prep" and prep.lower_ in {"at", "against"}:
            found.extend(c for c in children_of(prep) if c.dep_ == "pobj")
    return found


def hyphen_joined(modifier: Token) -> list[Token]:
    """A modifier with the words hyphened to it that modify it in turn ("Russian-Ukrainian
    talks", "a Trump-Putin summit": both names are the talks' parties)."""
    doc = modifier.doc
    joined = [
        c
        for c in children_of(modifier)
        if c.dep_ in {"amod", "compound", "nmod", "npadvmod"}  # "Turkish-Libyan": npadvmod
        and c.i == modifier.i - 2
        and doc[c.i + 1].text in JOINING_HYPHENS
    ]
    return [*joined, modifier]


def reporting_subject(candidate: Candidate, lexicon: Lexicon) -> Token | None:
    """The subject of the reporting verb ("X said that ...") the event is reported under."""
    reporting_verbs = lexicon.reporting_verbs
    node = candidate.predicate
    if node is not candidate.token and node.lemma_.lower() in reporting_verbs:
        return subject_of(node, lexicon)  # "officials confirmed a meeting"
    while node.head != node and node.dep_ in {"ccomp", "conj", "advcl", "xcomp"}:
        head = node.head
        if node.dep_ == "ccomp" and head.lemma_.lower() in reporting_verbs | lexicon.words(
            "finding_verbs"
        ):
            return subject_of(head, lexicon)
        node = head
    return None


def reporter_mentions(
    candidate: Candidate, index: MentionIndex, lexicon: Lexicon
) -> list[ActorMention]:
    """Actor mentions of the reporting subject, if any."""
    subject = reporting_subject(candidate, lexicon)
    return core_mentions(subject, index) if subject is not None else []


def attribution_of(candidate: Candidate, index: MentionIndex, lexicon: Lexicon) -> str | None:
    """Who reports the event: "according to X", or the subject of a reporting verb above it."""
    for token in span_tokens(sentence_of(candidate.token)):
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            for pobj in children_of(token.doc[token.i + 1]):
                if pobj.dep_ == "pobj":
                    return _reporter_name(pobj, index)
    subject = reporting_subject(candidate, lexicon)
    return _reporter_name(subject, index) if subject is not None else None


def _reporter_name(token: Token, index: MentionIndex) -> str:
    """A named person or organisation by its canonical name, anyone else by the words used."""
    mentions = index.at(token)
    if mentions and mentions[0].actor.kind in {"person", "organisation"}:
        return mentions[0].actor.name
    return phrase(token)


def actor_clause(candidate: Candidate) -> Candidate:
    """ "He denied that Iran had supplied drones": the actors are those of the denied clause."""
    complement = candidate.complement
    if candidate.entry.type is not None or complement is None or complement.pos_ != "VERB":
        return candidate
    if not any(c.dep_ in SUBJECT_DEPS for c in children_of(complement)):
        return candidate
    return Candidate(token=complement, entry=candidate.entry, predicate=complement)


def own_forces(target: ActorMention, sources: list[ActorMention]) -> bool:
    """A state's own troops in the object are what it sends or mobilises, not its target; a
    rebel group or the opposition of that country does not own them ("the RSF accused the
    army of bombing residential areas" is aimed at the army)."""
    country = target.actor.country
    return bool(
        country
        and target.actor.sector == "MIL"
        and any(s.actor.country == country and s.actor.sector in STATE_SECTORS for s in sources)
    )


BROKER_STEMS = ("broker", "mediat")  # "brokered by X", "mediated by X", "mediators", "mediation"


def is_broker_verb(token: Token) -> bool:
    """A verb of brokering a deal between others ("brokered", "mediated")."""
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower().startswith(BROKER_STEMS)


def broker_phrases(sentence: Span) -> list[Token]:
    """The phrases that name who brokered an act: the "by" agent of a brokering verb ("a
    truce brokered by Saudi Arabia", "mediated by Qatar, Egypt and the US") and "with the
    help of X" on one ("The agreement was brokered with the help of the U.S.")."""
    phrases = []
    for verb in (t for t in sentence if is_broker_verb(t)):
        for agent in (c for c in children_of(verb) if c.dep_ == "agent"):
            phrases.extend(c for c in children_of(agent) if c.dep_ == "pobj")
        for help_noun in objects_of_preposition(verb, "with"):
            if help_noun.lemma_.lower() == "help":
                phrases.extend(objects_of_preposition(help_noun, "of"))
    return phrases


def broker_mentions(sentence: Span, index: MentionIndex) -> list[ActorMention]:
    """The actors ``broker_phrases`` name: the mediators of the sentence's deal."""
    found = [m for phrase in broker_phrases(sentence) for t in phrase.subtree for m in index.at(t)]
    return unique_mentions(found)


def nested_targets(
    candidate: Candidate,
    objects: list[Token],
    index: MentionIndex,
    source_ids: set[str],
    lexicon: Lexicon,
) -> list[ActorMention]:
    """Actors named inside the object phrase when its head names none: "an offer from X",
    "X's suppression of the unrest", "demands for reform from X's government"."""
    found: list[ActorMention] = []
    heads = list(objects)
    if candidate.entry.type in {"PROTEST", "MOBILIZE"}:
        heads.extend(_addressees(candidate.predicate))
    for obj in heads:
        for token in obj.subtree:
            if token.i == obj.i or _in_clause_of_its_own(token, obj) or _names_a_scene(token):
                continue
            if _in_a_setting(token, obj, lexicon) or _in_a_charge(token, obj, lexicon):
                continue
            found.extend(m for m in index.at(token) if m.actor.id not in source_ids)
    return unique_mentions(found)


def perpetrators_in(
    heads: list[Token], index: MentionIndex, source_ids: set[str]
) -> list[ActorMention]:
    """Who is said to have done the deed inside an accusation's object ("crimes committed by
    X against Y", "the detention of its fishermen by Japan", "Iran's execution of a
    dissident": X, Japan, Iran, not the victims)."""
    found = [
        mention
        for obj in heads
        for token in obj.subtree
        for doer in _doers_of_a_deed(token, heads)
        for mention in core_mentions(doer, index)
        if mention.actor.id not in source_ids
    ]
    return unique_mentions(found)


def _by_names_the_doer(head: Token) -> bool:
    """ "the arrest of journalists by police", and the same "by" hung on an active verb with
    an object ("protested the detention of its fishermen by Japan")."""
    if head.pos_ == "NOUN":  # not "condemned in a statement by Egypt": a medium's author
        return head.dep_ != "pobj" or head.head.head.pos_ != "VERB"
    return (
        head.pos_ == "VERB"
        and head.tag_ != "VBN"
        and any(c.dep_ == "dobj" for c in children_of(head))
    )


def _doers_of_a_deed(token: Token, heads: list[Token]) -> list[Token]:
    """The doer a deed names: the agent of a participle ("committed by X"), the "by" phrase of
    an act noun ("the arrest of journalists by police"), the owner of the object noun when it
    also names whom the act fell on ("Iran's execution of a dissident"). A means ("by phone")
    names no actor, so it adds none."""
    agent = token.dep_ == "agent" or (
        token.dep_ == "prep" and token.lower_ == "by" and _by_names_the_doer(token.head)
    )
    if agent:
        return [c for c in children_of(token) if c.dep_ == "pobj"]
    owner = token.dep_ == "poss" and token.pos_ == "PROPN" and token.head in heads
    if owner and any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(token.head)):
        return [token]
    return []


def _addressees(verb: Token) -> list[Token]:
    """Phrases that say whom a protest or a mobilisation is aimed at: "in defiance of Chinese
    authorities", "over a bill signed by the minister", "for a war against Iraq", and a purpose
    clause ("blocked roads to press demands on X")."""
    heads: list[Token] = []
    for child in children_of(verb):
        if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPS:
            heads.extend(
                c for c in children_of(child) if c.dep_ in {"pobj", "pcomp"} and c.lemma_ != "city"
            )
        elif child.dep_ == "advcl" and (
            child.tag_ == "VBG" or is_to_infinitive(child)
        ):  # "... to press demands on X", "..., demanding independence from X"
            heads.append(child)
    return heads


def _names_a_scene(token: Token) -> bool:
    """ "the city of Kupiansk in northeastern Ukraine", "organizers in the capital Havana": a
    place named as where, not who (its state may still be inferred as the target, marked so);
    a name in apposition to the place noun is that place."""
    node = token
    while node.dep_ in {"compound", "amod", "flat"} or (
        node.dep_ == "appos" and node.head.lemma_.lower() in PLACE_NOUNS
    ):
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS - {"from"}


def _in_clause_of_its_own(token: Token, top: Token, also: set[str] | None = None) -> bool:
    """Is a token inside a relative or adverbial clause below ``top`` (its own event)? ``also``
    names more clause relations that count ("acl": "a demonstration staged to protest ...")."""
    clauses = {"relcl", "advcl", "ccomp", *(also or ())}
    return _hangs_below(token, top, lambda node: node.dep_ in clauses)


VENUE_NOUNS = {"talk", "talks", "meeting", "summit", "negotiation", "negotiations", "conference"}


def _charged_with(candidate: Candidate, lexicon: Lexicon) -> bool:
    """An accusation by a charging verb whose accused is named ("accused Kosovo of ...", "five
    soldiers accused of ...", "Turkey was accused of ..."): whom the charged deed fell on are
    no targets of the accusation."""
    verb = candidate.predicate
    if candidate.entry.type != "ACCUSE" or verb.lemma_ not in lexicon.words("charging_verbs"):
        return False
    named = any(c.dep_ in {"dobj", "nsubjpass"} for c in children_of(verb))
    return named or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _venue_of_a_meeting(place: Token) -> bool:
    """A place a meeting noun is held "in" or "at" ("talks in Addis Ababa", "a summit in
    Sochi"): the venue, not a party."""
    head = place.head
    return (
        place.dep_ == "pobj"
        and head.lower_ in {"in", "at"}
        and head.head.lemma_.lower() in VENUE_NOUNS
    )


PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_ENTITIES_KEY = "accord.place_entities"


def place_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of the document's GPE, LOC and FAC entities, in order. Read once
    per document and kept on it as numbers (the Doc stays serialisable): ``doc.ents`` makes a
    Span of every entity each time it is read, and every coded act with an object asks."""
    kept = doc.user_data.get(_PLACE_ENTITIES_KEY)
    if kept is None:
        kept = doc.user_data[_PLACE_ENTITIES_KEY] = [
            (ent.start, ent.end, ent.label_)
            for ent in doc.ents
            if ent.label_ in PLACE_ENTITY_LABELS
        ]
    return kept


def object_place_targets(
    candidate: Candidate,
    objects: list[Token],
    sources: list[ActorMention],
    restriction: bool,
    dictionary: ActorDictionary,
    gazetteer: Geocoder,
    civilian_sites: frozenset[str] = frozenset(),
    scene: Callable[[], Place | None] = lambda: None,
) -> tuple[ActorRef, ...]:
    """The state of a place named inside the object or the governed clause ("an embassy in
    Tehran", "deploy peacekeepers in Iraq"), marked ``inferred``; never the source's own, except
    for a restriction (a curfew falls on the state's own people). Violence against a place
    where people live ("villages near Macedonia's border", words in ``civilian_sites``) falls
    on its people. A name the gazetteer, read alone, puts in another country than the place
    the article gave the sentence (``scene()``) is read as the article reads it: no target of
    that other country ("a village in Bali district in Taraba state" is in Nigeria). The scene
    is asked for only when a name is found: a coding that never asks is the same anywhere."""
    own = (
        set()
        if restriction
        else {m.actor.country for m in sources if m.actor.sector in STATE_SECTORS}
    )
    heads = list(objects)
    sender = candidate.predicate.head if is_purpose_clause(candidate.predicate) else None
    if sender is not None:  # "sent personnel to Bosnia to investigate": where they were sent
        heads.extend(objects_of_preposition(sender, "to"))
    if candidate.complement is not None and candidate.complement != candidate.predicate:
        heads.extend(
            pobj
            for prep in children_of(candidate.complement)
            if prep.dep_ == "prep" and prep.lower_ in {"in", "into", "to", "inside"}
            for pobj in children_of(prep)
            if pobj.dep_ == "pobj"
        )
    doc = heads[0].doc if heads else None
    ents = place_entities(doc) if doc is not None else ()
    for head in heads:
        left, right = head.left_edge.i, head.right_edge.i  # once per head, not per entity
        for start, end, label in ents:
            if not (left <= start and end <= right + 1):
                continue
            ent = Span(doc, start, end, label=label)
            if _in_clause_of_its_own(ent.root, head, {"acl"}):
                continue  # "a demonstration staged to protest sending troops to Iraq"
            if _venue_of_a_meeting(ent.root):
                continue  # "invited both sides to talks in Addis Ababa": where, not whom
            place, here = gazetteer.geocode(ent.text), scene()
            if here is not None and here.text == ent.text:
                place = here  # the article's reading of the name
            elif _read_elsewhere(place, here):
                continue
            if place is None or not place.country or place.country in own:
                continue
            if _where_an_accord_was_made(ent.root, place):
                continue
            # "a curfew in Algiers" falls on its people, "an embassy in Tehran" on the state
            lived_in = any(a.lemma_.lower() in civilian_sites for a in _up_to(ent.root, head))
            sector = "CVL" if restriction or lived_in else "GOV"
            return (inferred_ref(dictionary.group(place.country, sector), ent.text),)
    return ()


# Settlements between parties ("denounced the border agreement": the parties to it).
SETTLEMENT_NOUNS = {"agreement", "deal", "accord", "treaty", "pact", "memorandum", "truce"}
# Accords are made somewhere: "a peace agreement in Washington" names where it was signed.
ACCORD_NOUNS = SETTLEMENT_NOUNS | {
    "ceasefire",
    "protocol",
    "roadmap",
    "framework",
    "charter",
    "contract",
}


def _where_an_accord_was_made(place_word: Token, place: Place) -> bool:
    """Rule "an accord's town is its venue": a town named "in" or "at" an accord noun ("signed
    a peace agreement in Washington") is where it was made, not a party to it; a country or a
    region keeps its reading ("a deal in Sudan" is about Sudan)."""
    if place.precision in {"country", "region"}:
        return False
    preposition = place_word.head
    return (
        place_word.dep_ == "pobj"
        and preposition.lower_ in {"in", "at"}
        and preposition.head.lemma_.lower() in ACCORD_NOUNS
    )


def _read_elsewhere(place: Place | None, scene: Place | None) -> bool:
    """Whether a town or area read alone lies in another country than the sentence's place."""
    if place is None or scene is None or not scene.country or place.precision == "country":
        return False
    return scene.country != place.country


def _up_to(token: Token, top: Token) -> list[Token]:
    """A token and its heads up to ``top`` (included)."""
    found = [token]
    while token.i != top.i and token.head.i != token.i:
        token = token.head
        found.append(token)
    return found


def people_of_city(mention: ActorMention, dictionary: ActorDictionary) -> ActorMention:
    """A capital named as the place a restriction falls on stands for its people."""
    if mention.why != "metonym" or not mention.actor.country:
        return mention
    return replace(mention, actor=dictionary.group(mention.actor.country, "CVL"))


def imposes_restriction(candidate: Candidate, objects: list[Token], lexicon: Lexicon) -> bool:
    """Is the content a restriction laid on a place's population (curfew, lockdown)?"""
    words = [candidate.token, candidate.complement, *objects]
    return any(
        w is not None and w.lemma_.lower() in lexicon.words("restriction_nouns") for w in words
    )


def condition_subjects(
    candidate: Candidate, index: MentionIndex, source_ids: set[str]
) -> list[ActorMention]:
    """Who must act to avert a conditional threat: the subject of its "if"/"unless" clause."""
    words = [candidate.predicate, candidate.token, candidate.complement]
    found = [
        mention
        for word in dict.fromkeys(w for w in words if w is not None)
        for clause in children_of(word)
        if clause.dep_ in {"advcl", "ccomp"} and is_conditional_clause(clause)
        for subject in children_of(clause)
        if subject.dep_ in SUBJECT_DEPS
        for mention in core_mentions(subject, index)
    ]
    return [m for m in unique_mentions(found) if m.actor.id not in source_ids and m.actor.country]


def person_spans(mentions: Sequence[ActorMention]) -> list[tuple[int, int]]:
    """Character spans of actor mentions that must never be read as places."""
    return [(m.start, m.end) for m in mentions if m.actor.kind in {"person", "organisation"}]


# --- who did it, when the clause does not say -----------------------------------------------------


def _doer_prepositions(participle: Token, lexicon: Lexicon) -> set[str]:
    """The prepositions of a participle on an event noun that name the event's doer."""
    if participle.lemma_.lower() in lexicon.words("accusing_participles"):
        return {"on", "to"}
    return {"on", "to", "by"}


def agents_of_noun(noun: Token, index: MentionIndex, lexicon: Lexicon) -> list[ActorMention]:
    """Who carried out an event noun: "an attack by the rebels", "a strike blamed on the army",
    "an attack carried out by X", "police firing" (its modifiers)."""
    phrases = objects_of_preposition(noun, "by")
    if noun.lemma_.lower() in lexicon.words(
        "fire_nouns"
    ):  # "gunfire from Indian troops", "rockets from Gaza"
        phrases.extend(objects_of_preposition(noun, "from"))
    for clause in children_of(noun):  # "blamed on the army", "carried out by X"
        if clause.dep_ == "acl" and clause.lemma_.lower() in lexicon.words("agent_participles"):
            phrases.extend(
                pobj
                for prep in children_of(clause)
                if prep.dep_ in {"prep", "agent"}
                and prep.lower_ in _doer_prepositions(clause, lexicon)
                for pobj in children_of(prep)
                if pobj.dep_ == "pobj"
            )
    carrier = noun.head  # "an attack was launched by rebels": the light verb's passive agent
    if noun.dep_ == "nsubjpass" and carrier.lemma_.lower() in lexicon.words("agent_participles"):
        phrases.extend(p for p in [agent_of(carrier)] if p is not None)
    found = [m for phrase in phrases for c in conjuncts(phrase) for m in index.at(c)]
    found = found or [m for phrase in phrases for m in core_mentions(phrase, index)]
    return unique_mentions([*found, *core_mentions_modifiers(noun, index)])


def instruments_of(verb: Token, nouns: Iterable[Token]) -> list[Token]:
    """Event nouns a casualty verb names as its means: "killed in police firing", "died in an
    air strike"; the parser may hang the event word on the modifier ("police firing")."""
    found = []
    for prep in children_of(verb):
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "by", "during", "from", "after"}:
            continue
        for pobj in children_of(prep):
            if pobj.dep_ != "pobj":
                continue
            found.extend(t for t in (pobj, *children_of(pobj)) if t in nouns)
    return found


def casualty_victims(
    candidate: Candidate, index: MentionIndex, lexicon: Lexicon
) -> list[ActorMention]:
    """The people a casualty verb says were hit: "four civilians died in an air strike"."""
    head = candidate.token.head
    verb = head.head if head.dep_ == "prep" else None
    if verb is None or verb.lemma_.lower() not in lexicon.words("casualty_verbs"):
        return []
    subjects = [c for c in children_of(verb) if c.dep_ in SUBJECT_DEPS]
    return [m for s in subjects for m in core_mentions(s, index)]


def parties_between(
    candidate: Candidate, index: MentionIndex, lexicon: Lexicon
) -> list[ActorMention]:
    """The parties a mutual act is said to be between: "talks between X and Y", "clashes broke
    out between X and Y", "a memorandum signed between X, Y and Z" (the phrase may hang from
    the event noun or from the verb that tells it happening)."""
    trigger, predicate = candidate.token, candidate.predicate
    heads = [trigger]
    if predicate is not trigger and (trigger.head is predicate or trigger.dep_ in SUBJECT_DEPS):
        heads.append(predicate)
    found = [
        m
        for head in heads
        for prep in children_of(head)
        if prep.dep_ == "prep" and prep.lower_ in lexicon.joint_preps and not _inclusion(prep)
        for pobj in children_of(prep)
        if pobj.dep_ == "pobj"
        for m in core_mentions(pobj, index)
    ]
    return unique_mentions(found)


def dyad_sides(candidate: Candidate, index: MentionIndex) -> list[ActorMention]:
    """The two sides a dyad line names around its "vs" ("Arakan Army vs Tatmadaw, Ann"): the
    word it hangs on and its object, with the words in front of them ("Burkinabe army"), not
    the place after them ("M23 vs Wazalendo, Sake (Masisi, ...)")."""
    dyad = candidate.token
    if dyad.text in DYAD_DASHES:  # "Government of Mali - JNIM": the words either side
        first, second = dash_dyad_sides(dyad)
        return unique_mentions([m for word in (*first, *second) for m in index.at(word)])
    sides = [dyad.head, *(c for c in children_of(dyad) if c.dep_ == "pobj")]
    words = [w for side in sides for w in (*(c for c in children_of(side) if c.i < side.i), side)]
    return unique_mentions([m for word in words for m in index.at(word)])


INCLUSION_PRONOUNS = {"them", "those", "these", "whom", "which"}


def _inclusion(preposition: Token) -> bool:
    """ "released 16 people, among them Gershkovich and Whelan": "among them" names some of
    those released, not parties the act is among."""
    return preposition.lower_ == "among" and any(
        c.dep_ == "pobj" and c.lower_ in INCLUSION_PRONOUNS for c in children_of(preposition)
    )


def consequence_victims(
    candidate: Candidate, index: MentionIndex, lexicon: Lexicon
) -> list[ActorMention]:
    """Whom an attack is told to have harmed as its consequence: "attacked several points,
    killing 49 soldiers", "an attack that killed three civilians", "left 3 soldiers dead"."""
    victims = consequence_objects(candidate, lexicon)
    return unique_mentions([m for obj in victims for m in core_mentions(obj, index)])


def consequence_objects(candidate: Candidate, lexicon: Lexicon) -> list[Token]:
    """The words naming whom an attack harmed as its consequence, actors or not ("killing
    49 soldiers", "that killed three civilians"): the objects of its consequence clauses."""
    trigger, predicate = candidate.token, candidate.predicate
    clauses = [
        child
        for head in {trigger, predicate}
        for child in children_of(head)
        if child.dep_ in {"advcl", "conj", "xcomp", "relcl", "acl"}
    ]
    if predicate is not trigger and trigger.dep_ in SUBJECT_DEPS:
        clauses.append(predicate)  # "the strike left three soldiers dead"
    clauses.extend(_consequence_hung_elsewhere(candidate))
    objects: list[Token] = []
    for verb in clauses:
        lemma = lemma_of(verb, lexicon)
        if lemma not in lexicon.consequence_verbs:
            continue
        if lemma == "leave" and not any(
            c.lower_ in lexicon.consequence_complements for c in verb.subtree
        ):
            continue  # "left the city" is no harm
        objects.extend(c for c in children_of(verb) if c.dep_ == "dobj")
    return objects


def _consequence_hung_elsewhere(candidate: Candidate) -> list[Token]:
    """A relative clause that follows the act's clause but that the parser hung on an earlier
    word: "accused Turkey of carrying out a drone attack Tuesday in northeastern Syria that
    killed three civilians" (hung on "Turkey")."""
    trigger, predicate = candidate.token, candidate.predicate
    ends = {trigger.right_edge.i + 1, predicate.right_edge.i + 1}
    return [
        t
        for t in sentence_of(trigger)
        if t.dep_ == "relcl" and t.left_edge.i in ends and t.head.i < trigger.i
    ]


def joint_participants(noun: Token, index: MentionIndex, lexicon: Lexicon) -> list[ActorMention]:
    """The parties an event noun is between: "a ceasefire between Israel and Hamas"."""
    joint, _ = _noun_participants(noun, index, lexicon)
    return joint


def meeting_partners(noun: Token, index: MentionIndex, lexicon: Lexicon) -> list[ActorMention]:
    """Whom a meeting noun was with: "a phone call with Erdogan", "talks between X and Y"."""
    joint, partners = _noun_participants(noun, index, lexicon)
    return unique_mentions([*joint, *partners])


def partners_met(candidate: Candidate, index: MentionIndex, lexicon: Lexicon) -> list[ActorMention]:
    """Whom a meeting was with: the "with" object of its word, verb or the meeting noun the
    verb takes ("held talks with X"), and the object of a partner verb ("met X", "joined X")."""
    verbs = [candidate.token, candidate.predicate]
    if candidate.complement is not None:
        verbs.append(candidate.complement)  # "planned to meet with X"
    verbs = list(dict.fromkeys(verbs))
    holders = [*verbs, *(c for v in verbs for c in children_of(v) if c.dep_ == "dobj")]
    heads = [w for holder in holders for w in objects_of_preposition(holder, "with")]
    heads += [
        c
        for verb in verbs
        if lemma_of(verb, lexicon) in lexicon.partner_verbs
        for c in children_of(verb)
        if c.dep_ == "dobj"
    ]
    found = [m for head in heads for m in core_mentions(head, index)]
    if is_nounlike(candidate.token, lexicon):
        found += meeting_partners(candidate.token, index, lexicon)
    return unique_mentions(found)


def ultimatum_teller(
    candidate: Candidate, index: MentionIndex, lexicon: Lexicon
) -> list[ActorMention]:
    """Who sets an ultimatum: "the US told Iran to stop enriching uranium or face the
    consequences" (the subject of the verb the threat hangs from, past the one threatened)."""
    node, depth = candidate.token, 0
    while node.head != node and node.dep_ in {"conj", "xcomp", "ccomp", "advcl"} and depth < 4:
        node, depth = node.head, depth + 1
        subjects = [c for c in children_of(node) if c.dep_ == "nsubj"]
        if subjects and node.lemma_.lower() not in RELATIVE_PRONOUNS:
            found = [m for s in subjects for m in core_mentions(s, index)]
            if found:
                return found
    return []


def is_crowd(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Is the subject of the act a crowd ("protesters stormed", "a mob torched")?"""
    verb = candidate.predicate
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children_of(verb)):
        return False  # "protesters were shot": the crowd suffered it
    if is_passive_read_as_complement(verb):
        return False  # "protesters were tear-gassed", the passive read as a complement
    subject = subject_of(verb, lexicon)
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ in RELATIVE_PRONOUNS:
        return False
    words = [subject, *[c for c in children_of(subject) if c.dep_ == "prep" and c.lower_ == "of"]]
    words += [p for w in words for p in children_of(w) if p.dep_ == "pobj"]
    return any(w.lemma_.lower() in lexicon.words("crowd_nouns") for w in words)
