"""accord's model makes its matrix products with numpy's BLAS, not BLIS (``nlp.load_model``),
and parses with that BLAS on one thread (``nlp.one_blas_thread``): the parse of real articles is
the shipped model's, and the same as with BLAS on its default threads; the limit holds while
spaCy runs and is lifted for the caller's own work between documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from threadpoolctl import threadpool_info

import accord.nlp
from accord.ingest import read_sources
from accord.models import Article
from accord.nlp import (
    MODEL_NAME,
    load_model,
    load_nlp,
    one_blas_thread,
    parse_headlines,
    parse_many,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "corpus_news" / "tune").glob("*.txt"))[:6]


def blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def articles() -> list[Article]:
    return [item for item in read_sources(ARTICLES) if isinstance(item, Article)]


def parse_of(doc: Doc) -> list[tuple]:
    """What accord reads of the model: tags, parse, sentences and entities."""
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def test_the_model_on_numpy_blas_parses_as_shipped() -> None:
    texts = [article.text for article in articles()]
    shipped, ours = spacy.load(MODEL_NAME), load_model()
    # spaCy builds the NER's output layer ("linear") on thinc's default CPU ops itself
    assert not any(
        getattr(node.ops, "use_blis", False)
        for node in ours.get_pipe("ner").model.walk()
        if node.name != "linear"
    )
    with one_blas_thread():
        parsed = [parse_of(doc) for doc in ours.pipe(texts)]
    assert parsed == [parse_of(doc) for doc in shipped.pipe(texts)]


def test_the_limit_is_one_thread_and_is_lifted_after() -> None:
    before = blas_threads()
    assert before  # numpy's OpenBLAS is loaded with spaCy
    with one_blas_thread():
        assert blas_threads() == [1] * len(before)
    assert blas_threads() == before


def test_a_parse_on_one_thread_is_the_parse_on_default_threads() -> None:
    read = articles()
    theirs = [parse_of(doc) for doc in load_nlp().pipe(article.text for article in read)]
    ours = [parse_of(document.doc) for document in parse_many(read, batch_size=4)]
    assert ours == theirs
    assert [document.article for document in parse_many(read, batch_size=4)] == read


class CountingPipeline:
    """accord's pipeline, noting the BLAS threads each time spaCy is asked to parse."""

    def __init__(self) -> None:
        self.nlp = load_nlp()
        self.seen: list[list[int]] = []

    def pipe(self, *args: object, **kwargs: object) -> object:
        self.seen.append(blas_threads())
        return self.nlp.pipe(*args, **kwargs)


def test_parsing_holds_the_limit_and_the_caller_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    before = blas_threads()
    counting = CountingPipeline()
    monkeypatch.setattr(accord.nlp, "load_nlp", lambda: counting)
    read = articles()
    for _ in parse_many(read, batch_size=4):
        assert blas_threads() == before  # the caller's work between documents
    parse_headlines(read)
    assert len(counting.seen) == 3  # two batches of articles, one of titles
    assert all(threads == [1] * len(before) for threads in counting.seen)


def test_a_blas_loaded_after_the_first_parse_is_limited_too() -> None:
    """scipy (imported to train the event-type model) brings its own OpenBLAS; a parse after
    that import limits it as well (in a fresh process, so that neither is loaded yet)."""
    script = (
        "import json\n"
        "from threadpoolctl import threadpool_info\n"
        "from accord.nlp import one_blas_thread\n"
        "def blas():\n"
        "    return [p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']\n"
        "with one_blas_thread():\n"
        "    first = blas()\n"
        "import scipy.linalg\n"
        "with one_blas_thread():\n"
        "    second = blas()\n"
        "print(json.dumps([first, second]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    first, second = json.loads(run.stdout.strip().splitlines()[-1])
    assert first == [1] * len(first)
    assert len(second) > len(first)  # scipy's BLAS came in
    assert second == [1] * len(second)
