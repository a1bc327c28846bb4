"""The accuracy ratchet: headline figures of ``accord eval`` may not drop below those recorded in
``tests/eval_ratchet.json``. When a change improves them, raise the file in the same commit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.evaluate import corpus_figures, score_corpus
from accord.plover_gold import run_gsr
from accord.resolve.actors import load_dictionary

HERE = Path(__file__).parent
RATCHET = json.loads((HERE / "eval_ratchet.json").read_text(encoding="utf-8"))
GSR_DEV = HERE.parent.parent / "shared" / "eval" / "plover-gsr-dev.jsonl"
TOLERANCE = 1e-9


def gsr_headlines() -> dict[str, float]:
    report = run_gsr(GSR_DEV).to_dict()
    return {
        "gsr_type_micro_f1": report["micro"]["f1"],
        "gsr_type_micro_precision": report["micro"]["precision"],
        "gsr_type_micro_recall": report["micro"]["recall"],
        "gsr_source_country_sector": report["sources"]["country_sector"]["accuracy"],
        "gsr_target_country_sector": report["targets"]["country_sector"]["accuracy"],
        "gsr_mode": report["mode"]["accuracy"],
    }


def golden_headlines() -> dict[str, float]:
    figures = corpus_figures(score_corpus([HERE / "corpus"], load_dictionary().by_alias))
    return {
        f"golden_{name.replace(' ', '_')}": right / checked
        for name, (right, checked) in figures.items()
    }


@pytest.mark.skipif(not GSR_DEV.exists(), reason=f"gold data not found at {GSR_DEV}")
def test_plover_gold_figures_do_not_drop():
    figures = gsr_headlines()
    dropped = {k: (v, RATCHET[k]) for k, v in figures.items() if v + TOLERANCE < RATCHET[k]}
    assert not dropped, f"figures below the ratchet (now, recorded): {dropped}"


def test_golden_article_figures_do_not_drop():
    figures = golden_headlines()
    recorded = {k: v for k, v in RATCHET.items() if k.startswith("golden_")}
    dropped = {
        k: (figures.get(k), v) for k, v in recorded.items() if figures.get(k, 0) + TOLERANCE < v
    }
    assert not dropped, f"figures below the ratchet (now, recorded): {dropped}"
