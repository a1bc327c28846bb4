"""Quotes: who said what, in their own words (direct) or reported (indirect), with evidence.

Direct quotes are found from the quote marks in the text, not from tokens: spaCy can split a
quote over sentences, and an apostrophe ("delegations’", "it’s") must never open or close one.
The speaker is the subject of the cue verb that governs the quote in the parse (following
conj/xcomp/advcl chains), resolved to an actor through ``document.mentions``. Indirect quotes
are the ``ccomp`` clause of a reporting verb ("X said (that) CLAUSE") and the claim of an
"according to X" sentence. Cue words live in ``data/quote_cues.json``.

Decisions:
- A reported clause that contains a partial quote ("Rubio said expectations were “not
  high”") yields both records: the partial quote (kind ``partial``: the exact words, not a
  whole quote) and the indirect one (the claim they belong to). A reported clause lying
  inside a direct quote is never emitted.
- Quoted words with no speaker (scare quotes) are dropped unless they read as a full sentence;
  a name in quote marks after "call sign", "known as", ..., or capitalised as a name inside a
  sentence ('the “Istanbul Communiqué”'), is never a quote (rule ``scare quote``), nor are
  words a participle gives a thing as its name ('a unit called “Wolves”'). When the parse does
  not link a quote to a cue, the nearest cue of its sentence does, unless that cue sits in a
  clause describing a noun that does not hold the quote ("who was described as ...").
- Direct ``text`` is the quoted words without the marks; a trailing comma (and the full stop of
  a partial quote) belongs to the reporting sentence and is dropped. The evidence span is
  exactly ``text`` in the article, except for a quote running over paragraphs, whose
  re-opening marks are left out of ``text``. Indirect ``text`` is the clause's span, with a
  comma or full stop before a closing quote mark at its very end dropped.
- The evidence sentence runs from the first sentence of the quote to the one holding its
  attribution (a single sentence for most quotes).
- Rule ``not a speaker``: only people, groups, bodies, names, actors and pronouns speak. An
  event, a thing or a document ("the attack", "the decision", "an audio recording") does not;
  a document's author does when the text names one ("the court's ruling", "a NATO press
  release"), "hundreds of protesters" are the protesters, and a participle ("stating") looks
  past such a subject to the clause above. A document's words with no author named stay a
  quote (direct or indirect) with no speaker; other fragments with no speaker are dropped.
- Rule ``title speaker``: "the minister", "one official", "Burkina Faso's president" is the
  holder of that title the article names (nearest before, outside quote marks; for a named
  country's title, else the first named after); "a senior official" is someone new. A person
  in apposition speaks, not the body named before him ("The UN coordinator Jan Egeland").
  A name set off by commas between the title and the verb ("The army spokesman in Srinagar, A
  K Mathur, told ...") is part of the words naming the speaker, and its person mention is the
  speaker, wherever the parse hung it.
- Rule ``title words``: the holder carries the title's nouns (its compounds, the noun of an
  "of" phrase: "the secretary of defense") and its adjectives, in his role or in the words the
  text names him by ("Chinese foreign ministry spokesman Qin Gang"); a nationality adjective is
  the country check, and an adjective before a noun compound names the body, not the office
  ("the electoral commission president" is "commission president Daniel Ngoy-Mulunda").
- ``speaker_text`` is the words naming the speaker (None when nobody is named); for a pronoun
  it is the phrase the pronoun points back to when that can be found ("a Ukrainian soldier
  using the call sign …").
- Quoted words inside a clause reported by an outer cue belong to the outer speaker ("He said
  Iran would warn of “…”" -> He) when the inner speech has not happened ("would", "to").
- Rule ``report of a report``: a statement the text says was made keeps its own speaker. An
  outlet passing it on ("Reuters reported a source said ...", "..., Cyprus Mail reported")
  gets no record for it, "quoted/cited X as saying" is X's, and a trailing "..., X reported"
  is not part of the claim.
- Rule ``particle cue``: a verb and its particle listed together ("point out") is a cue when
  the particle is there ("pointed out that ..."); the verb alone ("pointed to") is not.
- Rule ``parenthetical report``: a reporting verb set off by commas in or after a clause, hung
  on its verb by the parse ("because, they argued, the provision would ...", "Eight people were
  wounded, he said, and ..."), reports the words on the side holding that verb and its subject.
- Rule ``pronoun speaker``: a "he"/"she"/"they" speaker is the agreeing subject (one person
  for he/she; people or a body for they) of the least embedded clause in the nearest sentence
  that has one, outside quote marks (in a sentence with no such subject, its agreeing object):
  the person a reported clause talks about is not the one talking. The resolver's pronoun
  mention is used when no such word is found, or when its antecedent is a subject that ranks
  before ours (a nearer sentence, or a less embedded clause of the same one).
- Rule ``attribution after``: a quote standing alone whose tag the sentence splitter cut off
  ("“... a non-event!” President Donald Trump tweeted Tuesday.") is the speech of the cue's
  subject in the sentence that opens right after the closing mark, in its paragraph, when
  that sentence reports nothing of its own (no clause, no quote marks).
- Rule ``clause of the statement``: "X said in a statement that CLAUSE" reports CLAUSE also
  when the parse hangs it on the statement noun ("saying in a statement that ...", "promised
  ... in a nationally televised speech that ..."): a "that" clause with its own subject.
- Rule ``quoted predicate``: a reported clause whose verb is in quote marks and whose subject
  is not ("said she was “deeply troubled” by ...") is still the clause reported (with the
  quoted words a partial quote), not a clause inside a direct quote.
- Rule ``colon lead-in``: words in quote marks right after a colon are what the clause before
  it announces when its verb is a cue or its object points ahead ("wrote this on Twitter:",
  "repeated these words ...:", "issued the following statement from the king:"), even when
  they are no full sentence: the statement's author, else the verb's subject, speaks them.
- Rule ``statement of the last speaker``: a statement naming no author ("A statement issued
  Thursday says", "An official statement said") is the statement of the speaker of the
  nearest quote before it, at most two sentences back; a report or ruling is no one's.
- Rule ``bare body speaker``: "the party said", "The coalition says" (a body noun with only
  "the" before it) is the nearest body named before with a name headed by that noun
  ("Thailand's Thai Raksa Chart Party", "the Seleka rebel coalition"), as "Officials said" is
  the officials named before (rule ``bare group speaker``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from accord.errors import DataFileError
from accord.extract.events.participants import AFFILIATION_PREPS
from accord.extract.events.syntax import objects_of_preposition
from accord.models import DIRECT_KINDS, ActorMention, ActorRef, Evidence, Quote
from accord.nlp import (
    QUOTE_MARKS,
    Document,
    children_of,
    doc_text,
    sentence_of,
    sentence_text,
    span_tokens,
)
from accord.resolve.actors import actor_ref, fold

CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "quote_cues.json"

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPENERS = "‘'"
_SINGLE_OPENER = re.compile(f"[{re.escape(SINGLE_OPENERS)}]")
SINGLE_CLOSERS = "’'"
OPENING_CONTEXT = '([{—–-/“‘"'  # a straight ' after one of these (or a space) may open a quote
ELISIONS = frozenset({"n", "em", "til", "tis", "twas", "cause", "bout"})  # 'n', 'em: apostrophes
PERSON_PRONOUNS = frozenset({"he", "she", "they"})
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PEOPLE_WORDS = frozenset(
    {"some", "many", "others", "both", "several", "one", "few", "most", "all", "those", "each"}
    | {"everyone", "everybody", "someone", "somebody", "either", "neither", "none"}
)
NAME_PARTICLES = frozenset({"of", "the", "and", "for", "in", "on", "de", "al", "el", "la", "to"})
PARTITIVE_HEADS = frozenset(
    {"hundred", "thousand", "dozen", "million", "score", "some", "many", "most", "several", "all"}
    | {"few", "number", "handful", "majority", "minority", "both", "each", "none", "half"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "dative"})
# the subject sits higher up (a "dep": a cue verb the parse hung on a participle before it)
SUBJECT_CHAIN = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "dep"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PHRASE_STOPS = frozenset({",", ";", ":", "—", "–", "(", ")"})  # a speaker's words end here
SOURCE_PREPOSITIONS = frozenset({"from", "by", "of"})  # "a statement from the ministry"


# --- cue lexicon ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CueLexicon:
    """Cue words from ``data/quote_cues.json`` (see its "about" entry)."""

    verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    nouns: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    name_markers: tuple[str, ...]
    person_nouns: frozenset[str]
    speaker_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    outlet_nouns: frozenset[str] = frozenset()
    outlet_name_words: frozenset[str] = frozenset()
    work_nouns: frozenset[str] = frozenset()
    leader_offices: frozenset[str] = frozenset()
    pointing_words: frozenset[str] = frozenset()

    @cached_property
    def attribution_index(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The attribution phrases by their first word (``phrases_by_first_word``), worked out
        once per lexicon, not once per document: they are the lexicon's, not the text's."""
        return phrases_by_first_word(self.attribution_phrases)


@lru_cache(maxsize=4)
def load_cue_lexicon(path: Path = CUES_PATH) -> CueLexicon:
    """Read and validate the cue lexicon (once per process and path)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read {path.name}: {error}") from error
    return cue_lexicon_from_data(raw, source=path.name)


def cue_lexicon_from_data(raw: object, source: str = "quote_cues.json") -> CueLexicon:
    """Build the lexicon from parsed JSON, or raise ``DataFileError`` naming what is wrong."""
    if not isinstance(raw, dict):
        raise DataFileError(f"{source}: expected a JSON object at the top level")
    verbs = raw.get("verbs")
    if not isinstance(verbs, dict) or not verbs:
        raise DataFileError(f"{source}: 'verbs' must be a non-empty object of lemma -> entry")
    indirect = set()
    for lemma, entry in verbs.items():
        _check_entry(lemma, f"verbs key {lemma!r}", source)
        if not isinstance(entry, dict) or not isinstance(entry.get("indirect"), bool):
            raise DataFileError(f'{source}: verbs[{lemma!r}] must be {{"indirect": true|false}}')
        if entry["indirect"]:
            indirect.add(lemma)
    return CueLexicon(
        verbs=frozenset(verbs),
        indirect_verbs=frozenset(indirect),
        nouns=frozenset(_entries(raw, "nouns", source)),
        attribution_phrases=tuple(
            tuple(p.split()) for p in _entries(raw, "attribution_phrases", source)
        ),
        name_markers=tuple(_entries(raw, "name_markers", source)),
        person_nouns=frozenset(_entries(raw, "person_nouns", source)),
        speaker_nouns=frozenset(_entries(raw, "speaker_nouns", source)),
        document_nouns=frozenset(_entries(raw, "document_nouns", source)),
        outlet_nouns=frozenset(_entries(raw, "outlet_nouns", source)),
        outlet_name_words=frozenset(_entries(raw, "outlet_name_words", source)),
        work_nouns=frozenset(_entries(raw, "work_nouns", source)),
        leader_offices=frozenset(_entries(raw, "leader_offices", source)),
        pointing_words=frozenset(_entries(raw, "pointing_words", source)),
    )


def _entries(raw: dict, key: str, source: str) -> list[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        raise DataFileError(f"{source}: '{key}' must be a non-empty list of lower-case strings")
    for item in value:
        _check_entry(item, f"{key} entry {item!r}", source)
    return value


def _check_entry(word: object, what: str, source: str) -> None:
    if not isinstance(word, str) or not word.strip() or word != word.lower().strip():
        raise DataFileError(f"{source}: {what} must be a non-empty lower-case string")


# --- quote marks (characters, not tokens) -----------------------------------------------------


@dataclass(frozen=True)
class MarkedSpan:
    """Words between quote marks: ``open``/``end`` include the marks, ``start``/``stop`` not."""

    open: int
    end: int
    start: int
    stop: int
    reopenings: tuple[int, ...] = ()  # marks restarting the quote in a later paragraph


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every span between quote marks in text order: double marks, then single ones outside."""
    doubles = _double_quoted(text)
    singles = _single_quoted(text, doubles)
    return sorted(doubles + singles, key=lambda span: span.open)


# What a double-quote pairing stops at: a double mark, or the first character (any but a
# space) of the text or of a paragraph; every other character only moves the quote's end on
_DOUBLE_STOP = re.compile(
    f"(?:\\A|\n)\\s*(\\S)|([{re.escape(DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE)}])"
)


def _double_quoted(text: str) -> list[MarkedSpan]:
    """Pair “…” and "…"; a quote left open at a paragraph end continues if the next opens again.
    Goes from one stop (``_DOUBLE_STOP``) to the next, not character by character."""
    spans: list[MarkedSpan] = []
    opened: int | None = None
    reopenings: list[int] = []
    for found in _DOUBLE_STOP.finditer(text):
        at_paragraph_start = found.start(1) != -1
        i = found.start(1) if at_paragraph_start else found.start(2)
        char = text[i]
        if char == STRAIGHT_DOUBLE and i and text[i - 1].isdigit():
            continue  # inches: a 12" screen
        is_opener = char in DOUBLE_OPENERS or char == STRAIGHT_DOUBLE
        if at_paragraph_start and opened is not None:
            if is_opener:
                reopenings.append(i)
                continue
            end = _content_end(text, i)
            spans.append(_marked(text, opened, end, end, reopenings))
            opened, reopenings = None, []
        if opened is None and is_opener:
            opened = i
        elif opened is not None and (char in DOUBLE_CLOSERS or char == STRAIGHT_DOUBLE):
            spans.append(_marked(text, opened, i, i + 1, reopenings))
            opened, reopenings = None, []
    if opened is not None:
        end = _content_end(text, len(text))
        spans.append(_marked(text, opened, end, end, reopenings))
    return spans


def _content_end(text: str, i: int) -> int:
    """Just past the last character before ``i`` that is no space and no inch mark: where a
    quote left open ends."""
    j = i - 1
    while j >= 0 and (
        text[j].isspace() or (text[j] == STRAIGHT_DOUBLE and j and text[j - 1].isdigit())
    ):
        j -= 1
    return j + 1


def _single_quoted(text: str, doubles: list[MarkedSpan]) -> list[MarkedSpan]:
    """Pair ‘…’ and '…' only where a real opening mark starts them (never at an apostrophe)."""
    covered = bytearray(len(text))
    for span in doubles:
        covered[span.open : span.end] = b"\x01" * (span.end - span.open)
    spans: list[MarkedSpan] = []
    i = 0
    # from one possible opening mark to the next (``_opens_single`` says no to any other
    # character), not character by character
    while (found := _SINGLE_OPENER.search(text, i)) is not None:
        i = found.start()
        close = None if covered[i] or not _opens_single(text, i) else _single_closer(text, i)
        if close is None:
            i += 1
            continue
        spans.append(_marked(text, i, close, close + 1, []))
        i = close + 1
    return spans


def _opens_single(text: str, i: int) -> bool:
    if text[i] not in SINGLE_OPENERS:
        return False
    before = text[i - 1] if i else " "
    word = re.match(r"[^\W\d_]+", text[i + 1 :])
    if word is None or word.group(0).lower() in ELISIONS:
        return False
    if text[i] == "'":
        return before.isspace() or before in OPENING_CONTEXT
    return not before.isalnum()


def _single_closer(text: str, opener: int) -> int | None:
    """The first ’ or ' closing the quote in its paragraph (not "it’s", "delegations’ leaders")."""
    paragraph_end = text.find("\n", opener)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    for j in range(opener + 2, paragraph_end):
        if text[j] not in SINGLE_CLOSERS:
            continue
        before = text[j - 1]
        after = text[j + 1] if j + 1 < len(text) else " "
        if before.isspace() or after.isalnum():
            continue
        plural_possessive = before in "sS" and after == " " and text[j + 2 : j + 3].isalpha()
        if not plural_possessive:
            return j
    return None


def _marked(text: str, open_at: int, close_at: int, end: int, reopen: list[int]) -> MarkedSpan:
    start, stop = open_at + 1, close_at
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return MarkedSpan(open=open_at, end=end, start=start, stop=stop, reopenings=tuple(reopen))


# --- the document as the extractor sees it ----------------------------------------------------


class _Context:
    """One document with what every rule needs: sentences, quote spans, cue words, mentions."""

    def __init__(self, document: Document, lexicon: CueLexicon) -> None:
        self.document = document
        self.doc: Doc = document.doc
        self.text: str = doc_text(self.doc)
        self.lexicon = lexicon
        self.phrases_by_first_word = lexicon.attribution_index
        self.mentions: list[ActorMention] = list(document.mentions or [])
        self.sentences: list[Span] = list(self.doc.sents)
        self.sentence_of = [0] * len(self.doc)
        for number, sentence in enumerate(self.sentences):
            for token in span_tokens(sentence):
                self.sentence_of[token.i] = number
        self.marked = find_marked_spans(self.text)
        self.quoted = [False] * len(self.doc)  # token lies between (or is one of) quote marks
        for span in self.marked:
            for token in self.tokens(span.open, span.end):
                self.quoted[token.i] = True
        self.person_names = {
            token.text for ent in self.doc.ents if ent.label_ == "PERSON" for token in ent
        }

    def tokens(self, start: int, stop: int) -> list[Token]:
        """Non-space tokens overlapping the character range [start, stop)."""
        span = self.doc.char_span(start, stop, alignment_mode="expand")
        return [token for token in span if not token.is_space] if span is not None else []

    def sentences_over(self, start: int, stop: int) -> list[int]:
        tokens = self.tokens(start, stop)
        if not tokens:
            return []
        return list(range(self.sentence_of[tokens[0].i], self.sentence_of[tokens[-1].i] + 1))

    def cue_lemma(self, token: Token) -> str:
        """The verb's lemma, with its particle when the lexicon lists the pair (rule ``particle
        cue``: "pointed out (that) ..." reports speech, "pointed to" does not)."""
        lemma = token.lemma_.lower()
        for child in children_of(token):
            if child.dep_ == "prt" and f"{lemma} {child.lower_}" in self.lexicon.verbs:
                return f"{lemma} {child.lower_}"
        return lemma

    def is_cue_verb(self, token: Token) -> bool:
        return (
            token.pos_ == "VERB"
            and not self.quoted[token.i]
            and self.cue_lemma(token) in self.lexicon.verbs
        )

    def is_cue_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.nouns

    def enclosing_mark(self, offset: int) -> MarkedSpan | None:
        return next((m for m in self.marked if m.open <= offset < m.end), None)


# --- speakers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Attribution:
    """A cue and the token naming who spoke, with how the link was made."""

    cue: str  # stored in Quote.cue: a verb lemma, a noun lemma or a phrase ("according to")
    cue_token: Token  # the verb or noun, or the first word of the phrase
    cue_word: str  # as written, for ``why``
    speaker: Token
    route: str
    confidence: float


def _child(token: Token, deps: frozenset[str] | set[str], ctx: _Context) -> Token | None:
    return next((c for c in children_of(token) if c.dep_ in deps and not ctx.quoted[c.i]), None)


def _subject_of_verb(ctx: _Context, verb: Token) -> tuple[Token, str] | None:
    """Who does the verb: its nsubj, else the subject up a conj/xcomp/advcl/by-ing chain.

    Rule ``not a speaker``: a subject that cannot speak ("the attack", "margins") is nobody's
    voice. A participle ("stating", "noting") belongs to the clause the parse may have hung it
    under wrongly, so its search goes on upwards past such a subject: "An eyewitness described
    how the attack unfolded, stating ..." is the eyewitness.
    """
    chain: list[str] = []
    current = verb
    participle = verb.tag_ == "VBG"
    passed_non_speaker = False
    for _ in range(8):
        found = _own_subject(ctx, current) or _object_controller(ctx, current)
        if found is not None:
            speaker = _speaker_token(ctx, found[0])
            if speaker is not None:
                via = f" via {', '.join(chain)}" if chain else ""
                route = found[1] + (f" ({speaker[1]})" if speaker[1] else "")
                return speaker[0], route + via
            if not participle:
                return None
            passed_non_speaker = True
        climbs = current.dep_ in SUBJECT_CHAIN or (passed_non_speaker and current.dep_ != "ROOT")
        if climbs and current.head.i != current.i:
            chain.append(f"{current.dep_} '{current.head.text}'")
            current = current.head
            continue
        return None
    return None


def _object_controller(ctx: _Context, participle: Token) -> tuple[Token, str] | None:
    """ "Reuters cited officials as saying ...", "quoted the minister as saying": the one
    cited speaks, not the one citing (rule ``report of a report``)."""
    as_word = participle.head
    if participle.dep_ != "pcomp" or as_word.lower_ != "as" or as_word.head.pos_ != "VERB":
        return None
    cited = _child(as_word.head, {"dobj"}, ctx)
    if cited is not None:
        return cited, f"object of '{as_word.head.text}'"
    return _citing_verb_before(ctx, as_word)


def _citing_verb_before(ctx: _Context, as_word: Token) -> tuple[Token, str] | None:
    """The same rule when the parse hangs "as saying" on a later verb ("The BBC cited Budi
    Gunawan, chief of the agency, as saying the suspects were linked to a network, which was
    related to ..." puts "as" under "related"): the nearest verb before "as", in its sentence,
    with an object before "as" is the one citing, and its object speaks."""
    sentence = sentence_of(as_word)
    for token in reversed(list(sentence[: as_word.i - sentence.start])):
        cited = _child(token, {"dobj"}, ctx) if token.pos_ == "VERB" else None
        if cited is not None and cited.i < as_word.i:
            return cited, f"object of '{token.text}' (before 'as')"
    return None


def _can_speak(ctx: _Context, token: Token) -> bool:
    """A word that can name a speaker: a pronoun for people or bodies, a name, an actor the
    resolver found, or a noun for people, groups or bodies (``person_nouns``,
    ``speaker_nouns``). Events, things and documents cannot: "the decision", "the attack"."""
    if token.lower_ in PEOPLE_WORDS:
        return True  # "Some said", "Others warned", "Both denied"
    if token.pos_ == "PRON":
        return token.lower_ in SPEAKING_PRONOUNS
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.pos_ == "PROPN" or token.ent_type_ in SPEAKING_ENTITIES:
        return True
    if _mention_of_token(ctx, token) is not None:
        return True
    lemma = token.lemma_.lower()
    return lemma in ctx.lexicon.person_nouns or lemma in ctx.lexicon.speaker_nouns


def _speaker_token(ctx: _Context, token: Token) -> tuple[Token, str] | None:
    """The word naming whoever speaks through ``token``, and how it was reached: itself when
    it can speak; the people counted ("hundreds of protesters"); for a document or statement,
    its author ("the court's ruling", "a release from the ministry", "a NATO press release");
    else None."""
    members = _partitive_members(ctx, token)
    if members is not None:
        found = _speaker_token(ctx, members)
        return (found[0], f"members of '{token.text}'") if found is not None else None
    if _is_document(ctx, token):
        source = (
            _source_of_noun(ctx, token) or _author_in_phrase(ctx, token) or _issuer_of(ctx, token)
        )
        found = _speaker_token(ctx, source) if source is not None else None
        return (found[0], f"author of '{token.text}'") if found is not None else None
    return (token, "") if _can_speak(ctx, token) else None


def _partitive_members(ctx: _Context, token: Token) -> Token | None:
    """The people counted by a quantity: "hundreds of protesters", "one of the witnesses"."""
    counts = token.like_num or token.lemma_.lower() in PARTITIVE_HEADS
    if not counts:
        return None
    of = next((c for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "of"), None)
    return _child(of, {"pobj"}, ctx) if of is not None else None


def _author_in_phrase(ctx: _Context, noun: Token) -> Token | None:
    """An actor named before a document noun in its own phrase: "a NATO press release"."""
    for token in reversed(ctx.doc[noun.left_edge.i : noun.i]):
        mention = _mention_of_token(ctx, token)
        if mention is not None or token.ent_type_ in {"ORG", "PERSON"}:
            return token
    return None


ISSUING_VERBS = {"issue", "release", "publish", "put", "post", "send", "circulate", "read"}


def _issuer_of(ctx: _Context, noun: Token) -> Token | None:
    """Rule "issued-document": a document with no author in its phrase speaks for whoever
    issued it ("They released a statement which said, ...", "the ministry put out a statement
    saying ...")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS:
        return None
    subject = _child(verb, {"nsubj"}, ctx)
    return subject if subject is not None and _can_speak(ctx, subject) else None


def _own_subject(ctx: _Context, verb: Token) -> tuple[Token, str] | None:
    """The subject attached to this very verb (or the noun it modifies), and the rule used.

    Of two subjects the parse hangs on one verb ("The partner asked ..., but the commissioner
    stated ..."), the one nearest before the verb that can speak is its own.
    """
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj" and not ctx.quoted[c.i]]
    speaking = [c for c in subjects if c.i < verb.i and _speaker_token(ctx, c) is not None]
    subject = speaking[-1] if speaking else (subjects[0] if subjects else None)
    if subject is not None:
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head, "nsubj of relative clause"
        source = _source_of_noun(ctx, subject) if ctx.is_cue_noun(subject) else None
        if source is not None:
            return source, f"source of nsubj '{subject.text}'"
        return subject, "nsubj"
    agent = _child(verb, {"agent"}, ctx)
    by_whom = _child(agent, {"pobj"}, ctx) if agent is not None else None
    if by_whom is not None:
        return by_whom, "agent"
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head, f"head of {verb.dep_}"
    return None


def _source_of_noun(ctx: _Context, noun: Token) -> Token | None:
    """Whose statement: "the ministry’s statement", "a statement from/by the ministry"."""
    owner = _child(noun, {"poss"}, ctx)
    if owner is not None:
        return owner
    for prep in children_of(noun):
        if prep.dep_ == "prep" and prep.lower_ in SOURCE_PREPOSITIONS:
            source = _child(prep, {"pobj"}, ctx)
            if source is not None:
                return source
    return None


def phrases_by_first_word(
    phrases: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The attribution phrases by their first word, in their order: a token is checked against
    the phrases that begin with it only. Built once per lexicon (``CueLexicon.attribution_index``):
    a cache keyed by the phrase table hashed the whole table again at every token."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(starting) for word, starting in index.items()}


def _attribution_phrase_at(ctx: _Context, token: Token) -> tuple[Span, Token | None, Token] | None:
    """ "according to X" starting at ``token``: the phrase, the speaker X (None for a document
    with no author named: "according to the reports"), and the word X."""
    for phrase in ctx.phrases_by_first_word.get(token.lower_, ()):
        end = token.i + len(phrase)
        words = ctx.doc[token.i : end]
        if end > len(ctx.doc) or tuple(t.lower_ for t in words) != phrase:
            continue
        said_by = _child(words[-1], {"pobj"}, ctx)
        if said_by is None:
            continue
        found = _speaker_token(ctx, said_by)
        if found is not None:
            return words, found[0], said_by
        if _is_document(ctx, said_by):
            return words, None, said_by
    return None


def _speaker_phrase(head: Token, cue: Token | None = None) -> Span:
    """The words naming a speaker: the head's phrase up to the first comma, the cue, or a clause
    telling what the speaker did ("officials saying ...", "An eyewitness described ...")."""
    doc = head.doc
    left, right = head.left_edge.i, head.i
    verbs = load_cue_lexicon().verbs
    for child in head.rights:
        if cue is not None and child.left_edge.i <= cue.i <= child.right_edge.i:
            break
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in verbs:
            break
        right = child.right_edge.i
    conjuncts = {t.i for c in children_of(head) if c.dep_ == "conj" for t in c.subtree}
    right = next(
        (
            t.i - 1
            for t in doc[head.i + 1 : right + 1]
            if t.text in PHRASE_STOPS and not (t.text == "," and t.i + 1 in conjuncts)
        ),
        right,
    )
    right = _appositive_name_end(head, right) or right
    opened = [t.i for t in doc[left : right + 1] if t.text in DOUBLE_OPENERS]
    closed = [t.i for t in doc[left : right + 1] if t.text in DOUBLE_CLOSERS]
    if len(opened) > len(closed):
        right = opened[-1] - 1  # never end inside quote marks: 'known as “the fortress'
    while left < right and (doc[left].is_space or _is_plain_punct(doc[left])):
        left += 1
    while right > left and (
        doc[right].is_space or _is_plain_punct(doc[right]) or doc[right].dep_ == "case"
    ):
        right -= 1  # also the "’s" of "the ministry’s statement"
    return doc[left : right + 1]


def _appositive_name_end(head: Token, right: int) -> int | None:
    """ "The army spokesman in Srinagar, A K Mathur, told ...": a name set off by commas
    between the speaker's title and the verb is part of the words naming the speaker, wherever
    the parse hung it. Returns the index of the name's last word."""
    doc, verb = head.doc, head.head
    comma = right + 1
    if comma >= len(doc) or doc[comma].text != "," or verb.i <= comma:
        return None
    name = doc[comma + 1 : verb.i]
    if len(name) < 2 or name[-1].text != ",":
        return None
    words = name[:-1]
    initial = [t.pos_ == "PROPN" or len(t.text.rstrip(".")) == 1 for t in words]  # "A K"
    if all(initial) and all(t.text[:1].isupper() for t in words) and words[-1].pos_ == "PROPN":
        return words[-1].i
    return None


def _is_plain_punct(token: Token) -> bool:
    return token.is_punct and token.text not in QUOTE_MARKS


def _mention_covering(
    mentions: list[ActorMention], start_char: int, end_char: int
) -> ActorMention | None:
    """The resolver's mention overlapping [start_char, end_char), the longest if several.

    None when the longest span names several actors at once ("both delegations"): one quote
    has one speaker, so the words are kept instead.
    """
    overlapping = [m for m in mentions if m.start < end_char and m.end > start_char]
    if not overlapping:
        return None
    best = max(overlapping, key=lambda m: (m.end - m.start, -m.start))
    same_span = {m.actor.id for m in overlapping if (m.start, m.end) == (best.start, best.end)}
    return best if len(same_span) == 1 else None


def _mention_of_token(ctx: _Context, token: Token) -> ActorMention | None:
    return _mention_covering(ctx.mentions, token.idx, token.idx + len(token))


def _mention_of_phrase(ctx: _Context, head: Token, phrase: Span) -> ActorMention | None:
    """The mention naming the speaker phrase: of its head word, of an appositive ("spokesman
    Esmaeil Baghaei", "its commander, Mohamed Hamdan Dagalo,"), else the longest one before the
    head ("EU diplomats"). Words after the head are left out: in "a teacher in Kyiv", "Kyiv"
    did not speak.
    """
    found = [
        _mention_of_token(ctx, t) for t in [head, *(c for c in head.rights if c.dep_ == "appos")]
    ]
    found = [m for m in found if m is not None]
    named_after = [  # "The army spokesman in Srinagar, A K Mathur": the name, wherever it hangs
        m
        for m in ctx.mentions
        if m.actor.kind == "person"
        and head.idx < m.start
        and m.end <= phrase.end_char
        and ctx.text[phrase.start_char : m.start].rstrip().endswith(",")
    ]
    people = [m for m in found if m.actor.kind == "person"] or named_after
    if people or found:  # a person in apposition speaks for the body named before him
        return (people or found)[0]
    head_end = head.idx + len(head)
    before_head = [m for m in ctx.mentions if m.start >= phrase.start_char and m.end <= head_end]
    return _mention_covering(before_head, phrase.start_char, head_end) or _speaks_for(ctx, head)


SPEAKS_FOR_PREPOSITIONS = AFFILIATION_PREPS | {"within"}  # "a source within the ministry"


def _speaks_for(ctx: _Context, head: Token) -> ActorMention | None:
    """Rule ``affiliation speaker``: the body an unnamed speaker is from ("representatives from
    Iran", "a spokesperson for the ministry", "a source within the Interior Ministry") speaks
    through them; a place they are in does not ("a teacher in Kyiv")."""
    for preposition in children_of(head):
        if preposition.dep_ != "prep" or preposition.lower_ not in SPEAKS_FOR_PREPOSITIONS:
            continue
        for body in children_of(preposition):
            mention = _mention_of_token(ctx, body) if body.dep_ == "pobj" else None
            if mention is not None and mention.actor.kind != "person":
                return mention
    return None


def _title_holder(
    ctx: _Context, head: Token, phrase: Span, modifier: ActorMention | None
) -> ActorMention | None:
    """Rule ``title speaker``: "the minister", "the commissioner", "Burkina Faso's president",
    "one official" name someone the article names elsewhere: the nearest earlier mention
    outside quote marks holding that title (a person's role, or a group's head noun: "Israeli
    officials"), of the country the phrase names if it names one; failing that, for a title of
    a named country ("Burkina Faso's president" in a lead), the first person named later with
    it. "A senior official" is someone new: no holder.
    """
    lemma = head.lemma_.lower()
    if not _is_singular_common_noun(head) or lemma not in ctx.lexicon.person_nouns:
        return None
    words = {c.lower_ for c in children_of(head) if c.dep_ in {"det", "nummod"}}
    owned = any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in children_of(head))
    if words & {"a", "an", "another"} or not (words & {"the", "this", "that", "one"} or owned):
        return None
    title = [*_title_words(head), lemma]
    country = modifier.actor.country if modifier is not None else None

    def holds(mention: ActorMention) -> bool:
        if ctx.enclosing_mark(mention.start) is not None or mention.why == "pronoun":
            return False
        if country is not None and mention.actor.country not in {country, None}:
            return False
        if mention.actor.kind == "person":  # the role, and the title the text names him by
            said = fold(" ".join([mention.actor.role or "", _words_of(ctx, mention)]))
        else:
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            said = span.root.lemma_.lower() if span is not None else ""
        return all(word in said.split() for word in title)

    earlier = [m for m in ctx.mentions if m.end <= phrase.start_char and holds(m)]
    if earlier:
        return max(earlier, key=lambda m: m.start)
    if country is None:
        return None
    later = [
        m
        for m in ctx.mentions
        if m.start >= phrase.end_char and m.actor.kind == "person" and holds(m)
    ]
    return min(later, key=lambda m: m.start, default=None)


def _is_singular_common_noun(token: Token) -> bool:
    """A singular common noun, also when the tagger calls a word in lower case a proper one
    ("the secretary of defense": a name is written with a capital)."""
    if token.pos_ == "NOUN":
        return token.tag_ == "NN"
    return token.pos_ == "PROPN" and token.tag_ == "NNP" and token.is_lower


TITLE_WORDS_LEFT_OUT = frozenset({"senior", "top", "former", "new"})


def _title_words(head: Token) -> list[str]:
    """Rule ``title words``: the words of a title its holder must carry besides its head noun:
    its noun compounds and the noun of an "of" phrase ("the secretary of defense"), and its
    adjectives, bar a proper adjective (a nationality: the country check covers it, "The
    Chinese spokesman") and one before a noun compound, which names the body in front of the
    office ("the electoral commission president": of the electoral commission)."""
    children = list(children_of(head))
    compounds = [c for c in children if c.dep_ == "compound" and c.pos_ != "PROPN"]
    adjectives = [
        c
        for c in children
        if c.dep_ == "amod"
        and c.pos_ != "PROPN"
        and not any(c.i < compound.i for compound in compounds)
        and not (c.text[:1].isupper() and not c.is_sent_start)
    ]
    of_nouns = [
        noun
        for of in children
        if of.dep_ == "prep" and of.lower_ == "of" and of.i > head.i
        for noun in children_of(of)
        if noun.dep_ == "pobj" and _is_singular_common_noun(noun)
    ]
    words = [t.lower_ for t in sorted([*compounds, *adjectives], key=lambda t: t.i)]
    return [w for w in words if w not in TITLE_WORDS_LEFT_OUT] + [n.lower_ for n in of_nouns]


def _country_leader(
    ctx: _Context, head: Token, modifier: ActorMention | None
) -> ActorMention | None:
    """Rule ``country leader speaker``: "the Syrian leader", "said the Venezuelan leader" is the
    head of state or government of the country named in front: the one person of that country
    the article names before, outside quote marks, with one of the lexicon's leader offices
    (president, prime minister, king, ...). Which office "leader" means differs by country, so
    two such people named before (a president and a prime minister) leave it open: no holder.
    Another word ("the Syrian opposition leader") makes someone else."""
    if head.lemma_.lower() != "leader" or modifier is None or modifier.actor.kind == "person":
        return None
    if any(c.dep_ != "det" and c.idx < modifier.start for c in children_of(head)):
        return None
    if any(c.lower_ != "the" for c in children_of(head) if c.dep_ == "det") or any(
        c.dep_ in {"amod", "compound"} and c.idx >= modifier.end for c in children_of(head)
    ):
        return None
    country = modifier.actor.country

    def leads(mention: ActorMention) -> bool:
        return (
            mention.actor.kind == "person"
            and mention.why != "pronoun"
            and mention.actor.country == country
            and fold(mention.actor.role or "") in ctx.lexicon.leader_offices
            and mention.end <= modifier.start
            and ctx.enclosing_mark(mention.start) is None
        )

    leaders = [m for m in ctx.mentions if leads(m)]
    if country is None or len({m.actor.id for m in leaders}) != 1:
        return None
    return max(leaders, key=lambda m: m.start)


def _group_named_before(ctx: _Context, head: Token, phrase: Span) -> ActorMention | None:
    """Rule ``bare group speaker``: "Officials said", "The officials say", with no word saying
    whose, are the group the article named before with that noun ("Venezuelan officials said
    ... Officials said"): the nearest earlier mention of a group, outside quote marks, whose
    head is the same noun. Any other word ("local officials", "officials in Kabul") makes a
    group of its own: no holder."""
    lemma = head.lemma_.lower()
    if head.tag_ != "NNS" or lemma not in ctx.lexicon.person_nouns:
        return None
    if any(c.dep_ != "det" or c.lower_ != "the" for c in children_of(head)):
        return None

    def same_group(span: Span) -> bool:
        return span.root.lemma_.lower() == lemma

    return _nearest_group_before(ctx, phrase, same_group)


def _nearest_group_before(
    ctx: _Context, phrase: Span, fits: Callable[[Span], bool]
) -> ActorMention | None:
    """The nearest mention before the phrase of a group or body (not a person, not a pronoun),
    outside quote marks, whose words fit."""

    def candidate(mention: ActorMention) -> bool:
        if mention.actor.kind == "person" or mention.why == "pronoun":
            return False
        if ctx.enclosing_mark(mention.start) is not None:
            return False
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and fits(span)

    earlier = [m for m in ctx.mentions if m.end <= phrase.start_char and candidate(m)]
    return max(earlier, key=lambda m: m.start, default=None)


def _body_named_before(ctx: _Context, head: Token, phrase: Span) -> ActorMention | None:
    """Rule ``bare body speaker``: "the party said", "The coalition says", with no word saying
    which, is the body the article named before as one ("Thailand's Thai Raksa Chart Party",
    "the Seleka rebel coalition"): the nearest earlier mention of a body, outside quote marks,
    with a name in it whose noun phrase is headed by the same noun. "the ruling party" is not
    bare."""
    lemma = head.lemma_.lower()
    if head.tag_ != "NN" or lemma not in ctx.lexicon.speaker_nouns:
        return None
    if any(c.dep_ != "det" or c.lower_ != "the" for c in children_of(head) if c.i < head.i):
        return None

    def headed_alike(span: Span) -> bool:
        if not any(t.pos_ == "PROPN" for t in span):
            return False  # a name, not a word such as "rebel" in "the rebel coalition"
        noun = span.root
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head
        return lemma in {span.root.lemma_.lower(), noun.lemma_.lower()}

    return _nearest_group_before(ctx, phrase, headed_alike)


def _mention_named_like(ctx: _Context, token: Token) -> ActorMention | None:
    """A person mentioned elsewhere by this name (the model may tag "Zelenskyy" a noun here)."""
    if not token.text[:1].isupper():
        return None
    named = [
        m
        for m in ctx.mentions
        if m.actor.kind == "person"
        and (m.text == token.text or m.actor.name.split()[-1] == token.text)
    ]
    return min(named, key=lambda m: abs(m.start - token.idx), default=None)


def _is_person_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in PERSON_PRONOUNS


def _agrees_with(ctx: _Context, pronoun: Token, token: Token) -> bool:
    """Can this subject be what the pronoun stands for? "he"/"she": one person (a name, a
    person actor, "the minister", "a senior official"); "they": people or a body (plural
    nouns that can speak, groups, organisations, states)."""
    mention = _mention_of_token(ctx, token)
    plural = token.tag_ in {"NNS", "NNPS"}
    if pronoun.lower_ == "they":
        collective = mention is not None and mention.actor.kind != "person"
        return collective or (plural and _can_speak(ctx, token))
    if plural:
        return False
    if mention is not None and mention.actor.kind == "person":
        return True
    if token.ent_type_ == "PERSON" or token.text in ctx.person_names:
        return True
    if token.pos_ == "PROPN":
        return not token.ent_type_ and mention is None
    return token.pos_ == "NOUN" and token.lemma_.lower() in ctx.lexicon.person_nouns


def _embedding(token: Token) -> int:
    """How many reported or relative clauses a subject sits in: 0 in a main clause."""
    depth = 0
    while token.head.i != token.i:
        depth += token.dep_ in {"ccomp", "relcl", "acl", "csubj"}
        token = token.head
    return depth


def _antecedent(ctx: _Context, pronoun: Token, max_sentences: int = 3) -> Token | None:
    """What a "he"/"she"/"they" speaker points back to (rule ``pronoun speaker``), following
    a chain of pronouns to the words they stand for."""
    link = _nearest_agreeing(ctx, pronoun, max_sentences)
    for _ in range(8):
        if link is None or link.lower_ != pronoun.lower_:
            return link
        link = _nearest_agreeing(ctx, link, max_sentences)
    return None


def _nearest_agreeing(ctx: _Context, pronoun: Token, max_sentences: int = 3) -> Token | None:
    """In the nearest sentence that has one, the agreeing subject of the least embedded
    clause, nearest first (possibly the same pronoun again); in a sentence with no such
    subject, the nearest agreeing object ("Police arrested X. “I am innocent,” he said").
    Reporting keeps its speaker in the main clause ("Honcharuk said Zelensky is ...; he added"
    is Honcharuk); words inside quote marks are the speaker's own."""
    number = ctx.sentence_of[pronoun.i]
    for sentence in range(number, max(-1, number - max_sentences - 1), -1):
        agreeing = [
            token
            for token in ctx.sentences[sentence]
            if token.i < pronoun.i
            and not ctx.quoted[token.i]
            and token.dep_ in ANTECEDENT_DEPS
            and (token.lower_ == pronoun.lower_ or _agrees_with(ctx, pronoun, token))
        ]
        subjects = [t for t in agreeing if t.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return min(subjects, key=lambda t: (_embedding(t), -t.i))
        others = [t for t in agreeing if t.pos_ != "PRON"]
        if others:
            return others[-1]
    return None


def _named_before(ctx: _Context, mention: ActorMention, pronoun: Token) -> ActorMention | None:
    """The last mention of the same actor by name (not by pronoun, nor inside quote marks)
    before the pronoun."""
    earlier = [
        m
        for m in ctx.mentions
        if m.actor.id == mention.actor.id
        and m.why != "pronoun"
        and m.end <= pronoun.idx
        and ctx.enclosing_mark(m.start) is None
    ]
    return max(earlier, key=lambda m: m.start, default=None)


def _words_of(ctx: _Context, mention: ActorMention) -> str:
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return _speaker_phrase(span.root).text if span is not None else mention.text


@dataclass(frozen=True)
class _Speaker:
    """Who spoke: the actor (when a mention names one), the words, and how they were linked."""

    ref: ActorRef | None
    text: str
    note: str = ""  # for ``why``
    certainty: float = 1.0  # lowered when the link is a guess of ours, not the resolver's


def _resolve_speaker(ctx: _Context, head: Token, cue: Token | None = None) -> _Speaker:
    """The actor behind the speaker's words: a resolver mention, else the words alone."""
    if _is_person_pronoun(head):
        return _resolve_pronoun(ctx, head, _mention_of_token(ctx, head))
    phrase = _speaker_phrase(head, cue)
    words = phrase.text
    mention = _mention_of_phrase(ctx, head, phrase)
    if mention is None or mention.actor.kind != "person":
        holder = _title_holder(ctx, head, phrase, mention) or _country_leader(ctx, head, mention)
        if holder is not None:
            note = f"title '{head.text}' -> '{holder.actor.name}'"
            return _Speaker(actor_ref(holder), words, note, 0.9)
    if mention is not None:
        return _Speaker(actor_ref(mention), words)
    group = _group_named_before(ctx, head, phrase) or _body_named_before(ctx, head, phrase)
    if group is not None:
        return _Speaker(actor_ref(group), words, f"group '{head.text}' -> '{group.text}'", 0.9)
    named = _mention_named_like(ctx, head)
    if named is not None:
        return _Speaker(actor_ref(named), words, "name seen elsewhere", 0.9)
    return _Speaker(None, words, "no actor mention")


def _resolve_pronoun(ctx: _Context, pronoun: Token, mention: ActorMention | None) -> _Speaker:
    """A "he said" speaker (rule ``pronoun speaker``): the agreeing word it points back to,
    with its actor if a mention names one; the resolver's pronoun mention when no such word is
    found or its antecedent ranks before ours (the resolver only points at actors, so it skips
    "the envoy" for a name further back)."""
    antecedent = _antecedent(ctx, pronoun)
    ours = _resolve_speaker(ctx, antecedent) if antecedent is not None else None
    first_link = _nearest_agreeing(ctx, pronoun)
    if mention is not None and ours is None:
        named = _named_before(ctx, mention, pronoun)
        words = _words_of(ctx, named) if named is not None else pronoun.text
        return _Speaker(actor_ref(mention), words, f"pronoun '{pronoun.text}' (mention)")
    if ours is None:
        return _Speaker(None, pronoun.text, f"pronoun '{pronoun.text}' unresolved", 0.6)
    note = f"pronoun '{pronoun.text}' -> '{ours.text}'"
    if mention is not None and ours.ref is not None and ours.ref.actor_id == mention.actor.id:
        return _Speaker(ours.ref, ours.text, note + " (as the resolver)", ours.certainty)
    if mention is not None:
        named = _named_before(ctx, mention, pronoun)
        theirs = _head_token(ctx, named) if named is not None else None
        if first_link is not None and _ranks_before(ctx, theirs, first_link):
            words = _words_of(ctx, named)
            return _Speaker(actor_ref(mention), words, f"pronoun '{pronoun.text}' (mention)")
        note += f" (not the resolver's '{mention.actor.name}')"
    return _Speaker(ours.ref, ours.text, note, 0.8 * ours.certainty)


def _ranks_before(ctx: _Context, theirs: Token | None, ours: Token) -> bool:
    """The resolver's antecedent is a subject nearer by sentence than ours, or as near and in
    a less embedded clause: then it is the better reading of the pronoun."""
    if theirs is None or theirs.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    mine, their = ctx.sentence_of[ours.i], ctx.sentence_of[theirs.i]
    return their > mine or (their == mine and _embedding(theirs) < _embedding(ours))


def _head_token(ctx: _Context, mention: ActorMention) -> Token | None:
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


_NO_SPEAKER = _Speaker(None, "")


# --- direct quotes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Draft:
    """A quote before numbering: what was said, by whom, and where."""

    kind: str
    text: str
    start: int
    stop: int
    cue: str | None
    sentences: tuple[int, int]  # first and last sentence of the evidence
    why: str
    confidence: float
    speaker: ActorRef | None = None
    speaker_text: str | None = None
    document: str | None = None  # the lemma of the document speaking, when no author is named


def _is_name(ctx: _Context, span: MarkedSpan) -> bool:
    """A name in quote marks: 'the call sign “Corsair”', 'known as “the Butcher”', or words
    capitalised as a name inside a sentence ('Ukraine said the “Istanbul Communiqué” was dead',
    'launched Operation “Spider Web”'): the marks set off a title, not someone's words."""
    before = " ".join(ctx.text[max(0, span.open - 40) : span.open].lower().split())
    if any(re.search(rf"(?<![\w-]){re.escape(m)}$", before) for m in ctx.lexicon.name_markers):
        return True
    if _titles_a_work(before, ctx.lexicon):
        return True
    return _capitalised_as_a_name(ctx, span)


def _titles_a_work(before: str, lexicon: CueLexicon) -> bool:
    """ "Her memoir, “Becoming,” sold millions", "the song “Bella Ciao”": the marks set off
    the title of a work written right after its noun (with or without a comma)."""
    words = before.rstrip(",").split()
    return bool(words) and words[-1] in lexicon.work_nouns


def _capitalised_as_a_name(ctx: _Context, span: MarkedSpan) -> bool:
    words = ctx.text[span.start : span.stop].split()
    lead = ctx.text[: span.open].rstrip()
    opens_a_sentence = not lead or lead.endswith((".", "!", "?", ":", ",", "—", "–", "(", "”", '"'))
    if not words or len(words) > 6 or opens_a_sentence:
        return False
    if any(char in ctx.text[span.start : span.stop] for char in ".!?;:"):
        return False
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    capitalised = [w for w in lettered if w[:1].isupper()]
    minor = [w for w in lettered if w.lower() in NAME_PARTICLES]
    return bool(capitalised) and len(capitalised) + len(minor) == len(lettered)


def _reads_as_sentence(ctx: _Context, span: MarkedSpan, sentence: int) -> bool:
    """Capitalised and opening its sentence (or after "X said:" / "X said,")."""
    if not ctx.text[span.start].isupper():
        return False
    lead = ctx.text[ctx.sentences[sentence].start_char : span.open].strip()
    return lead == "" or lead.endswith((":", ","))


def _stands_alone(ctx: _Context, span: MarkedSpan, sentences: list[int]) -> bool:
    """No words outside the quote marks in the sentences it covers."""
    first, last = ctx.sentences[sentences[0]], ctx.sentences[sentences[-1]]
    outside = ctx.text[first.start_char : span.open] + ctx.text[span.end : last.end_char]
    return not any(char.isalnum() for char in outside)


def _quote_roots(ctx: _Context, span: MarkedSpan) -> list[Token]:
    """Quoted words whose syntactic head lies outside the quote."""
    return [
        token
        for token in ctx.tokens(span.start, span.stop)
        if not token.is_punct and not (span.start <= token.head.idx < span.stop)
    ]


def _covers(head: Token, cue: Token, span: MarkedSpan) -> bool:
    """The quote lies inside the speaker's own words: "a soldier using the call sign “X”"."""
    phrase = _speaker_phrase(head, cue)
    return phrase.start_char <= span.start and span.stop <= phrase.end_char


def _attribute_by_parse(ctx: _Context, span: MarkedSpan) -> _Attribution | None:
    """The cue verb (or statement noun) governing the quote, and its subject."""
    for root in _quote_roots(ctx, span):
        for ancestor in root.ancestors:
            if ctx.quoted[ancestor.i]:
                continue
            cue, found = ancestor, None
            if ctx.is_cue_verb(ancestor) and _names_a_thing(ctx, ancestor, root):
                break  # "a unit called “Wolves”": a name, whoever reports it
            if ctx.is_cue_verb(ancestor):
                cue = _outer_reporter(ctx, ancestor)
                found = _subject_of_verb(ctx, cue)
            elif ctx.is_cue_noun(ancestor):
                source = _source_of_noun(ctx, ancestor)
                found = (source, f"source of '{ancestor.text}'") if source is not None else None
            if found is None or _covers(found[0], cue, span):
                continue
            speaker, route = found
            return _Attribution(
                cue=ctx.cue_lemma(cue),
                cue_token=cue,
                cue_word=cue.text,
                speaker=speaker,
                route=route,
                confidence=1.0 if route == "nsubj" else 0.9,
            )
    return None


def _document_cue(ctx: _Context, span: MarkedSpan) -> tuple[Token, Token] | None:
    """The cue verb above the quote whose subject is a document with no author named ("the
    ruling said ...", "a recording in which ... says"), and that document: its words are a
    quote even though nobody can be named as their speaker."""
    for root in _quote_roots(ctx, span):
        for ancestor in root.ancestors:
            if ctx.quoted[ancestor.i] or not ctx.is_cue_verb(ancestor):
                continue
            if _names_a_thing(ctx, ancestor, root):
                break
            found = _own_subject(ctx, ancestor)
            if found is not None and _is_document(ctx, found[0]):
                return ancestor, found[0]
            break
    return None


def _is_document(ctx: _Context, token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in ctx.lexicon.document_nouns or ctx.is_cue_noun(token))


def _names_a_thing(ctx: _Context, verb: Token, quoted: Token) -> bool:
    """A past participle hung on a noun, with nobody doing it, whose complement is the quote
    gives a name, not a quote: "a unit called “Wolves”", "a plan described as “Phase Two”"
    (rule ``scare quote``); "a plan described as “reckless” by the opposition" is the
    opposition's word."""
    complement = quoted.head == verb or (quoted.head.lower_ == "as" and quoted.head.head == verb)
    return complement and _is_naming_participle(ctx, verb)


def _is_naming_participle(ctx: _Context, verb: Token) -> bool:
    """ "a unit called ...", "a plan described as ...": a participle on a noun, by nobody."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"acl", "relcl", "amod"}
        and _child(verb, {"agent"}, ctx) is None
    )


def _with_sentence(sentences: tuple[int, int], number: int) -> tuple[int, int]:
    return min(sentences[0], number), max(sentences[1], number)


def _outer_reporter(ctx: _Context, cue: Token) -> Token:
    """The outermost cue verb reporting this one: in "He said Iran would warn of “…”" it is
    "said" (the quoted words reached the writer through He), not "warn". A speech the text
    says did happen keeps its own speaker (rule ``report of a report``): in "TVN24 reported
    Brudziński said he was in a “serious” condition" the word is Brudziński's."""
    if not _is_irrealis(cue):
        return cue
    reporter, crossed, token = cue, False, cue
    while token.head.i != token.i:
        crossed = crossed or token.dep_ == "ccomp"
        token = token.head
        if crossed and ctx.is_cue_verb(token) and _subject_of_verb(ctx, token) is not None:
            reporter, crossed = token, False
    return reporter


def _is_irrealis(verb: Token) -> bool:
    """A verb for something not (yet) done: "would warn", "will say", "to call for"."""
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in children_of(verb))


def _cues_in_sentence(ctx: _Context, number: int) -> list[_Attribution]:
    """Every cue verb with a subject, and every "according to X", in one sentence."""
    found: list[_Attribution] = []
    for token in ctx.sentences[number]:
        if ctx.quoted[token.i]:
            continue
        if ctx.is_cue_verb(token) and not _is_naming_participle(ctx, token):
            subject = _subject_of_verb(ctx, token)
            if subject is not None:
                found.append(
                    _Attribution(
                        ctx.cue_lemma(token), token, token.text, subject[0], subject[1], 0.75
                    )
                )
        phrase = _attribution_phrase_at(ctx, token)
        if phrase is not None and phrase[1] is not None:
            words, speaker, _ = phrase
            cue = " ".join(t.lower_ for t in words)
            found.append(_Attribution(cue, token, words.text, speaker, "pobj", 0.9))
    return found


def _attribute_in_sentences(
    ctx: _Context, span: MarkedSpan, sentences: list[int]
) -> _Attribution | None:
    """The cue nearest the quote in its own sentences, when the parse does not link them.

    A cue in a clause that describes a noun speaks only inside that clause (rule ``scare
    quote``): in "Amman, who was described as “knife-obsessed” by the police, told her to
    kill her “kuffar” parents", "kuffar" is nobody's quote.
    """
    candidates = [
        a
        for n in sentences
        for a in _cues_in_sentence(ctx, n)
        if not _covers(a.speaker, a.cue_token, span)
        and not _confined_elsewhere(ctx, a.cue_token, span)
    ]

    def distance(attribution: _Attribution) -> int:
        offset = attribution.cue_token.idx
        return min(abs(offset - span.open), abs(offset - span.end))

    return min(candidates, key=distance, default=None)


def _confined_elsewhere(ctx: _Context, cue: Token, span: MarkedSpan) -> bool:
    """The cue sits in a relative clause or noun modifier that does not hold the quote."""
    for token in [cue, *cue.ancestors]:
        if token.dep_ in {"relcl", "acl"}:
            first, last = token.left_edge, token.right_edge
            return not (first.idx <= span.open and span.end <= last.idx + len(last))
    return False


def _attribute_before(ctx: _Context, first_sentence: int) -> _Attribution | None:
    """A lead-in such as "Trump told reporters:" in the sentence before a stand-alone quote."""
    number = first_sentence - 1
    if number < 0:
        return None
    sentence = ctx.sentences[number]
    if any(ctx.quoted[t.i] for t in sentence):
        return None
    ends_with_colon = sentence_text(sentence).rstrip().endswith(":")
    for attribution in reversed(_cues_in_sentence(ctx, number)):
        if ends_with_colon or _child(attribution.cue_token, {"ccomp"}, ctx) is None:
            route = f"{attribution.route} in the sentence before"
            return replace(attribution, route=route, confidence=0.8)
    return None


def _colon_lead_in(ctx: _Context, span: MarkedSpan) -> _Attribution | None:
    """Rule ``colon lead-in``: words in quote marks right after a colon are the ones the
    clause before the colon announces, full sentence or not, when its verb is a cue ("Lilian
    Tintori, wrote this on Twitter:" before "12:27 in the morning: ...") or its object points
    ahead to them ("repeated these words to customers ...:", "issued the following statement
    from the king:"): the statement's author named in its phrase speaks, else the verb's
    subject."""
    before = ctx.text[: span.open].rstrip()
    colon = ctx.tokens(len(before) - 1, len(before)) if before.endswith(":") else []
    if not colon or ctx.quoted[colon[0].i]:
        return None
    sentence = ctx.sentences[ctx.sentence_of[colon[0].i]]
    verbs = [t for t in sentence if t.i < colon[0].i and t.pos_ == "VERB" and not ctx.quoted[t.i]]
    for verb in reversed(verbs):
        subject = _subject_of_verb(ctx, verb)
        for obj in (c for c in children_of(verb) if c.dep_ == "dobj" and c.i < colon[0].i):
            source = _source_of_noun(ctx, obj) if ctx.is_cue_noun(obj) else None
            if source is not None:
                route = f"source of '{obj.text}' before a colon"
                return _Attribution(obj.lemma_.lower(), obj, obj.text, source, route, 0.8)
            pointing = {obj.lower_} | {
                c.lower_ for c in children_of(obj) if c.dep_ in {"det", "amod"}
            }
            if subject is not None and (
                pointing & ctx.lexicon.pointing_words or ctx.is_cue_noun(obj)
            ):
                route = f"{subject[1]} before a colon, object '{obj.text}'"
                return _Attribution(verb.lemma_.lower(), verb, verb.text, subject[0], route, 0.8)
        if subject is not None and ctx.is_cue_verb(verb):
            route = f"{subject[1]} before a colon"
            return _Attribution(ctx.cue_lemma(verb), verb, verb.text, subject[0], route, 0.8)
    return None


def _attribute_after(ctx: _Context, span: MarkedSpan, last_sentence: int) -> _Attribution | None:
    """A tag such as "Trump tweeted." opening the sentence right after a stand-alone quote, in
    its paragraph (rule ``attribution after``): a quote ending in "!" or "?" is cut off from
    its tag, which reports nothing of its own (no clause, no quote marks)."""
    number = last_sentence + 1
    if number >= len(ctx.sentences):
        return None
    sentence = ctx.sentences[number]
    between = ctx.text[span.end : sentence.start_char]
    if between.strip() or "\n" in between or any(ctx.quoted[t.i] for t in sentence):
        return None
    for attribution in _cues_in_sentence(ctx, number):
        if _child(attribution.cue_token, {"ccomp", "xcomp"}, ctx) is None:
            route = f"{attribution.route} in the sentence after"
            return replace(attribution, route=route, confidence=0.8)
    return None


def _quote_text(ctx: _Context, span: MarkedSpan, full: bool) -> tuple[str, int, int]:
    """The quoted words and their span, without the reporting sentence's punctuation."""
    start, stop = span.start, span.stop
    trailing = ",;:" if full else ",;:."
    while stop > start and (ctx.text[stop - 1] in trailing or ctx.text[stop - 1].isspace()):
        stop -= 1
    reopenings = {i - start for i in span.reopenings}
    words = "".join(c for i, c in enumerate(ctx.text[start:stop]) if i not in reopenings)
    return words, start, stop


def _direct_quote(ctx: _Context, span: MarkedSpan, previous: _Draft | None) -> _Draft | None:
    """One direct quote from a marked span; None for a name or an unattributed fragment."""
    if span.start >= span.stop or _is_name(ctx, span):
        return None
    sentences = ctx.sentences_over(span.open, span.end)
    if not sentences:
        return None
    full = _reads_as_sentence(ctx, span, sentences[0])
    alone = full and _stands_alone(ctx, span, sentences)
    text, start, stop = _quote_text(ctx, span, full)
    if not any(char.isalnum() for char in text):
        return None
    draft = _Draft(
        kind="direct",
        text=text,
        start=start,
        stop=stop,
        cue=None,
        sentences=(sentences[0], sentences[-1]),
        why="direct: quote marks, full sentence, no speaker found",
        confidence=0.3,
    )
    attribution = _attribute_by_parse(ctx, span) or _attribute_in_sentences(ctx, span, sentences)
    if attribution is None:
        attribution = _colon_lead_in(ctx, span)
    if attribution is None and alone:
        attribution = _attribute_after(ctx, span, sentences[-1]) or _attribute_before(
            ctx, sentences[0]
        )
    if attribution is not None:
        return _attributed(ctx, draft, attribution)
    document = _document_cue(ctx, span)
    if document is not None:
        cue, source = document
        return replace(
            draft,
            cue=ctx.cue_lemma(cue),
            sentences=_with_sentence(draft.sentences, ctx.sentence_of[cue.i]),
            why=f"direct: quote marks + cue '{cue.text}' + document '{source.text}', no author",
            confidence=0.4,
            document=source.lemma_.lower(),
        )
    if alone and previous is not None and _continues(previous, sentences[0]):
        return replace(
            draft,
            cue=previous.cue,
            why="direct: quote marks, continues the quote before",
            confidence=0.7,
            speaker=previous.speaker,
            speaker_text=previous.speaker_text,
        )
    return draft if full else None  # words in marks nobody is said to have said: scare quotes


def _attributed(ctx: _Context, draft: _Draft, attribution: _Attribution) -> _Draft:
    """The draft with its cue and speaker; the evidence reaches the cue's sentence."""
    speaker = _resolve_speaker(ctx, attribution.speaker, attribution.cue_token)
    cue_sentence = ctx.sentence_of[attribution.cue_token.i]
    first, last = draft.sentences
    notes = f", {speaker.note}" if speaker.note else ""
    return replace(
        draft,
        cue=attribution.cue,
        sentences=(min(first, cue_sentence), max(last, cue_sentence)),
        why=f"direct: quote marks + cue '{attribution.cue_word}' + {attribution.route}{notes}",
        confidence=attribution.confidence * speaker.certainty,
        speaker=speaker.ref,
        speaker_text=speaker.text,
    )


def _continues(previous: _Draft, first_sentence: int) -> bool:
    """A stand-alone quote right after another direct quote carries on that speaker's words."""
    return (
        previous.kind == "direct"
        and previous.speaker_text is not None
        and previous.sentences[1] == first_sentence - 1
    )


def _direct_quotes(ctx: _Context) -> list[_Draft]:
    drafts: list[_Draft] = []
    for span in ctx.marked:
        draft = _direct_quote(ctx, span, drafts[-1] if drafts else None)
        if draft is not None:
            drafts.append(draft)
    return drafts


# --- indirect quotes --------------------------------------------------------------------------


def _clause_bounds(ctx: _Context, verb: Token, clause: Token) -> tuple[int, int] | None:
    """Token range of a reported clause: its subtree without "that" and final punctuation.

    None for a clause with no subject ("the election that the opposition says was rigged"):
    its words alone do not say what was claimed.
    """
    first, last = clause.left_edge.i, clause.right_edge.i
    if not any(c.dep_ in SUBJECT_DEPS for c in children_of(clause)):
        obj = _child(verb, {"dobj"}, ctx)
        if obj is None or obj.i > clause.i:
            return None
        first = min(first, obj.left_edge.i)  # "indicated a breakthrough might be possible"
    return _trimmed(ctx, first, last, drop_mark=True)


def _trimmed(
    ctx: _Context, first: int, last: int, drop_mark: bool = False
) -> tuple[int, int] | None:
    """A token range without spaces and punctuation at its ends (nor a leading "that")."""
    doc = ctx.doc
    while first <= last and (
        _is_edge_junk(doc[first]) or (drop_mark and doc[first].dep_ == "mark")
    ):
        first += 1
    while last >= first and _is_edge_junk(doc[last]) and not _closes_bracket(doc, first, last):
        last -= 1
    return (first, last) if first <= last else None


def _is_edge_junk(token: Token) -> bool:
    return token.is_space or token.is_punct


def _closes_bracket(doc: Doc, first: int, last: int) -> bool:
    """A ")" that closes a "(" opened inside the range: "(IRGC)" keeps its bracket."""
    inside = [t.text for t in doc[first:last]]
    return doc[last].text == ")" and inside.count("(") > inside.count(")")


def _quote_between(ctx: _Context, start: int, stop: int) -> bool:
    """A direct quote lies wholly within [start, stop)."""
    return any(start <= m.open and m.end <= stop for m in ctx.marked)


def _span_outside_quotes(ctx: _Context, start: int, stop: int) -> tuple[int, int] | None:
    """Stretch a clause to close a quote it opens; None when it lies inside a direct quote."""
    inside_start = ctx.enclosing_mark(start)
    if inside_start is not None and inside_start.open < start:
        return None
    ending = ctx.enclosing_mark(stop - 1)
    if ending is not None and ending.open >= start:
        stop = max(stop, ending.end)
    return start, stop


def _clean_clause(text: str) -> str:
    return re.sub(r"[,.;:]+([”\"’']+)$", r"\1", text)


def _clause_span(ctx: _Context, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """Character span of a token range, or None when it lies inside a direct quote."""
    first, last = bounds
    start, stop = ctx.doc[first].idx, ctx.doc[last].idx + len(ctx.doc[last])
    return _span_outside_quotes(ctx, start, stop)


def _indirect_draft(
    ctx: _Context,
    span: tuple[int, int],
    cue: str,
    number: int,
    speaker: Token | None,
    why: str,
    cue_token: Token | None = None,
) -> _Draft:
    start, stop = span
    found = _resolve_speaker(ctx, speaker, cue_token) if speaker is not None else _NO_SPEAKER
    notes = f", {found.note}" if found.note else ""
    return _Draft(
        kind="indirect",
        text=_clean_clause(ctx.text[start:stop]),
        start=start,
        stop=stop,
        cue=cue,
        sentences=(number, number),
        why=why + notes,
        confidence=(0.9 if why.endswith("+ nsubj") else 0.8) * found.certainty,
        speaker=found.ref,
        speaker_text=found.text or None,
    )


def _reported_clauses(ctx: _Context, verb: Token) -> list[_Draft]:
    """ "X said (that) CLAUSE": one indirect quote per reported clause; a document's claim
    ("the report said ...") keeps no speaker when it names no author."""
    found = _subject_of_verb(ctx, verb)
    own = _own_subject(ctx, verb) if found is None else None
    document = None
    if own is not None and _is_document(ctx, own[0]):
        found = (None, f"document '{own[0].text}', no author")
        document = own[0].lemma_.lower()
    if found is None:
        return []
    subject, route = found
    number = ctx.sentence_of[verb.i]
    drafts = []
    if subject is not None and _is_outlet(ctx, subject) and _within_report(ctx, verb):
        return []
    for clause in [c for c in children_of(verb) if c.dep_ == "ccomp"] + _statement_clauses(
        ctx, verb
    ):
        if ctx.quoted[clause.i] and not _quoted_predicate(ctx, clause):
            continue
        if subject is not None and _is_outlet(ctx, subject) and _reports_speech(ctx, clause):
            continue
        clause = _before_trailing_attribution(ctx, clause)
        bounds = _clause_bounds(ctx, verb, clause)
        span = _clause_span(ctx, bounds) if bounds is not None else None
        if span is None:
            continue
        gap = (span[1], verb.idx) if span[1] <= verb.idx else (verb.idx + len(verb), span[0])
        if not _quote_between(ctx, *gap):  # a quote between verb and clause: a parse slip
            why = f"indirect: cue '{verb.text}' + ccomp + {route}"
            draft = _indirect_draft(ctx, span, ctx.cue_lemma(verb), number, subject, why, verb)
            drafts.append(replace(draft, document=document))
    return drafts


def _quoted_predicate(ctx: _Context, clause: Token) -> bool:
    """Rule ``quoted predicate``: a reported clause whose verb lies in quote marks but whose
    subject does not ("said she was “deeply troubled” by the sentencing", "added that DHS will
    “take all steps ...”", "noted the military had been “effectively disarmed”") is the
    reporter's clause around the speaker's words, not a clause inside a direct quote."""
    subjects = [c for c in children_of(clause) if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and not ctx.quoted[subjects[0].i]


NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})


def _statement_clauses(ctx: _Context, verb: Token) -> list[Token]:
    """Rule ``clause of the statement``: "X said in a statement that CLAUSE" reports CLAUSE
    whether the parse hangs it on the verb or on the statement noun ("saying in a statement
    that there is no military solution", "promised Monday in a nationally televised speech
    that new elections would be held": acl or relcl of "statement", "speech"). A clause on the
    noun counts only when "that" opens it and it has a subject of its own, so it says what was
    said; a relative clause ("the speech that he gave") has no subject of its own or "that" is
    its subject or object."""
    return [
        clause
        for noun in objects_of_preposition(verb, "in")
        if ctx.is_cue_noun(noun)
        for clause in children_of(noun)
        if clause.dep_ in NOUN_CLAUSE_DEPS
        and clause.i > noun.i
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(clause))
        and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS
            for c in children_of(clause)
        )
    ]


def _parenthetical_report(ctx: _Context, verb: Token) -> list[_Draft]:
    """Rule ``parenthetical report``: a reporting verb set off by commas inside or after the
    clause it reports, which the parse hangs on that clause's verb ("because, they argued, the
    provision would create ...", "Eight people were wounded, he said, and rescuers ...", "...
    agreed to renew the truce, the United Nations said, just hours before ..."), reports the
    words on the side of it that holds the clause's verb and its subject."""
    if verb.dep_ != "parataxis" or _child(verb, {"ccomp"}, ctx) is not None:
        return []
    found = _subject_of_verb(ctx, verb)
    clause = verb.head
    if found is None or clause.pos_ not in {"VERB", "AUX"} or ctx.quoted[clause.i]:
        return []
    if clause.i < verb.left_edge.i:
        bounds = _trimmed(ctx, clause.left_edge.i, verb.left_edge.i - 1, drop_mark=True)
    else:
        bounds = _trimmed(ctx, verb.right_edge.i + 1, clause.right_edge.i, drop_mark=True)
    subjects = [c for c in children_of(clause) if c.dep_ in SUBJECT_DEPS]
    if bounds is None or not any(bounds[0] <= s.i <= bounds[1] for s in subjects):
        return []
    span = _clause_span(ctx, bounds)
    if span is None:
        return []
    subject, route = found
    why = f"indirect: cue '{verb.text}' set off in the clause + {route}"
    number = ctx.sentence_of[verb.i]
    return [_indirect_draft(ctx, span, ctx.cue_lemma(verb), number, subject, why, verb)]


def _before_trailing_attribution(ctx: _Context, clause: Token) -> Token:
    """ "X said that CLAUSE, Cyprus Mail reported" parsed with "reported" as X's clause: what
    X said is CLAUSE, without the attribution that follows it."""
    if not ctx.is_cue_verb(clause):
        return clause
    inner = [c for c in children_of(clause) if c.dep_ == "ccomp" and c.i < clause.i]
    subject = _child(clause, {"nsubj"}, ctx)
    if inner and subject is not None and inner[-1].i < subject.i:
        return inner[-1]
    return clause


def _is_outlet(ctx: _Context, token: Token) -> bool:
    """A news outlet: a media actor, a noun such as "the newspaper", or a name ending in an
    outlet word ("Cyprus Mail", "Kyiv Post")."""
    mention = _mention_of_token(ctx, token)
    if mention is not None and mention.actor.sector == "MED":
        return True
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in ctx.lexicon.outlet_nouns
    name = mention.text if mention is not None else token.text
    return token.pos_ == "PROPN" and name.split()[-1].lower() in ctx.lexicon.outlet_name_words


def _reports_speech(ctx: _Context, clause: Token) -> bool:
    """The clause is itself someone's statement: "a government source said ..." (realis)."""
    return (
        ctx.is_cue_verb(clause)
        and not _is_irrealis(clause)
        and any(c.dep_ == "ccomp" for c in children_of(clause))
        and _subject_of_verb(ctx, clause) is not None
    )


def _within_report(ctx: _Context, verb: Token) -> bool:
    """The verb hangs in another speaker's reported clause: "X said that ..., Cyprus Mail
    reported" parsed with "reported" under "said"."""
    token = verb
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and _reports_speech(ctx, token.head):
            return True
        token = token.head
    return False


def _according_to_claim(ctx: _Context, token: Token) -> list[_Draft]:
    """ "CLAIM, according to X": the claim is the longest stretch of the sentence around it."""
    phrase = _attribution_phrase_at(ctx, token)
    if phrase is None:
        return []
    words, said_by, source = phrase
    number = ctx.sentence_of[token.i]
    sentence = ctx.sentences[number]
    left, right = token.left_edge.i, max(token.right_edge.i, source.right_edge.i)
    runs = [_trimmed(ctx, sentence.start, left - 1), _trimmed(ctx, right + 1, sentence.end - 1)]
    runs = [run for run in runs if run is not None]
    if not runs:
        return []
    claim = max(runs, key=lambda run: ctx.doc[run[1]].idx - ctx.doc[run[0]].idx)
    relayed = any(_reports_speech(ctx, t) for t in ctx.doc[claim[0] : claim[1] + 1])
    if relayed and said_by is not None and _is_outlet(ctx, said_by):
        return []  # "According to the BBC, the minister said ...": the minister's words
    span = _clause_span(ctx, claim)
    if span is None:
        return []
    cue = " ".join(t.lower_ for t in words)
    why = f"indirect: '{cue}' + the rest of the sentence"
    if said_by is None:
        why += f" + document '{source.text}', no author"
    return [_indirect_draft(ctx, span, cue, number, said_by, why)]


def _indirect_quotes(ctx: _Context) -> list[_Draft]:
    drafts: list[_Draft] = []
    for token in span_tokens(ctx.doc):
        if ctx.quoted[token.i]:
            continue
        if token.pos_ == "VERB" and ctx.cue_lemma(token) in ctx.lexicon.indirect_verbs:
            drafts.extend(_reported_clauses(ctx, token))
            drafts.extend(_parenthetical_report(ctx, token))
        drafts.extend(_according_to_claim(ctx, token))
    return drafts


# --- public API -------------------------------------------------------------------------------


def _to_quote(ctx: _Context, draft: _Draft, number: int) -> Quote:
    first, last = draft.sentences
    sentence_start = ctx.sentences[first].start_char
    sentence = ctx.text[sentence_start : ctx.sentences[last].end_char].rstrip()
    article_id = ctx.document.article.id
    return Quote(
        id=f"{article_id}-q{number}",
        article_id=article_id,
        text=draft.text,
        kind=draft.kind,
        cue=draft.cue,
        evidence=Evidence(
            sentence_index=first,
            start=draft.start,
            end=draft.stop,
            sentence=sentence,
            why=draft.why,
            confidence=round(draft.confidence, 2),
            sentence_start=sentence_start,
        ),
        speaker=draft.speaker,
        speaker_text=draft.speaker_text,
    )


def extract_quotes(document: Document) -> list[Quote]:
    """Direct and indirect quotes of one parsed document, numbered in text order."""
    ctx = _Context(document, load_cue_lexicon())
    drafts = _partial_quotes_marked(_direct_quotes(ctx), _indirect_quotes(ctx))
    drafts.sort(key=lambda d: (d.start, d.kind not in DIRECT_KINDS, d.stop))
    drafts = _statements_of_the_last_speaker(ctx, drafts)
    return [_to_quote(ctx, draft, n) for n, draft in enumerate(drafts, start=1)]


STATEMENT_REACH = 2  # sentences back to the speaker an unsigned statement speaks for


def _statements_of_the_last_speaker(ctx: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """Rule ``statement of the last speaker``: a statement that names no author ("A statement
    issued Thursday says ...", "An official statement said ...", after "The International Red
    Cross says ..." or "..., the White House said.") is the statement of the speaker of the
    nearest quote before it, no more than two sentences back. Only statement nouns (the cue
    nouns: "statement", "letter", "message"): a report or a ruling is not its reader's."""
    result: list[_Draft] = []
    for draft in drafts:
        if draft.document in ctx.lexicon.nouns and draft.speaker is None:
            before = [
                d
                for d in result
                if d.speaker is not None
                and d.start < draft.start
                and d.sentences[1] >= draft.sentences[0] - STATEMENT_REACH
            ]
            if before:
                last = before[-1]
                draft = replace(
                    draft,
                    speaker=last.speaker,
                    speaker_text=last.speaker_text,
                    why=f"{draft.why}, the statement of the last speaker '{last.speaker_text}'",
                    confidence=0.6,
                )
        result.append(draft)
    return result


def _partial_quotes_marked(direct: list[_Draft], indirect: list[_Draft]) -> list[_Draft]:
    """Rule ``partial quote``: quoted words inside a reported clause ('said results were
    “fiction”') are a partial quote, kind ``partial``, beside the clause's indirect record:
    the speaker's exact words, but not a whole quote (attribution sets call the pair mixed and
    count only whole quotes as direct)."""
    marked = [
        replace(
            draft,
            kind="partial",
            why=f"partial{draft.why.removeprefix('direct')}, inside a reported clause",
        )
        if any(c.start <= draft.start and draft.stop <= c.stop for c in indirect)
        else draft
        for draft in direct
    ]
    return marked + indirect
