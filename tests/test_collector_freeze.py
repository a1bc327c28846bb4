"""The loaded model and coder are moved out of the cycle collector's reach (``gc.freeze``)
before any text is parsed, so collections during extraction stop walking them."""

from __future__ import annotations

import gc
from pathlib import Path

from accord.extract.events import Coder
from accord.ingest import read_sources
from accord.models import Article
from accord.nlp import load_nlp
from accord.pipeline import extract_many, freeze_loaded

ARTICLE = Path(__file__).parent / "corpus" / "gaza-aid-convoy.txt"


def collected_ids() -> set[int]:
    """Ids of the objects the cycle collector's three generations hold (not the frozen)."""
    return {id(held) for held in gc.get_objects()}


def test_loaded_model_and_coder_are_frozen_out_of_collections():
    freeze_loaded()
    held = collected_ids()
    coder = Coder.default()
    assert gc.get_freeze_count() > 100_000
    for loaded in (load_nlp(), load_nlp().vocab, coder, coder.gazetteer, coder.dictionary):
        assert gc.is_tracked(loaded) and id(loaded) not in held


def test_extracting_a_real_article_freezes_first_and_keeps_collecting_new_objects():
    article = next(a for a in read_sources([ARTICLE]) if isinstance(a, Article))
    (extraction,) = extract_many([article])
    assert gc.get_freeze_count() > 100_000
    assert extraction.events  # the convoy article's events are still found
    # objects made after the freeze are collected as before
    assert gc.is_tracked(extraction.events) and id(extraction.events) in collected_ids()
