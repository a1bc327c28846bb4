"""Integrity of the coverage corpus (tests/corpus_coverage/): files, sidecars, folds and labels.

The corpus is development data for tracking (see its README); these checks keep its labels
consistent when articles or labels are edited. They read files only: no pipeline run.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus_coverage"
FOLDS = ("tune", "check")
META_FIELDS = ("title", "published", "outlet", "url", "language", "licence", "credit", "note")
STATUSES = {
    "proposed",
    "considered",
    "accepted",
    "declined",
    "agreed",
    "implemented",
    "violated",
    "extended",
    "expired",
    "collapsed",
}
PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
NAME = re.compile(r"^(?P<story>[a-z0-9-]+?)-(?P<nn>\d\d)-(?P<outlet>[a-z0-9-]+)\.txt$")


def story_of(file: str) -> str:
    match = NAME.match(file)
    assert match, file
    return match.group("story")


def load(fold: str, name: str):
    return json.loads((CORPUS / fold / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("fold", FOLDS)
def test_articles_have_complete_sidecars(fold: str) -> None:
    texts = sorted((CORPUS / fold).glob("*.txt"))
    assert texts
    for text in texts:
        assert NAME.match(text.name), text.name
        assert text.read_text(encoding="utf-8").strip(), text.name
        meta = json.loads(text.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert all(meta.get(field) for field in META_FIELDS), text.name
        assert meta["language"] == "en"
        date.fromisoformat(meta["published"][:10])
        team = meta["note"].startswith("Team-written report modelled on real coverage of")
        fictional = meta["url"].startswith("https://example.org/")
        assert team == fictional, f"{text.name}: team-written texts (only) use example.org URLs"


def test_stories_stay_in_one_fold() -> None:
    folds: dict[str, set[str]] = {}
    for fold in FOLDS:
        for text in (CORPUS / fold).glob("*.txt"):
            folds.setdefault(story_of(text.name), set()).add(fold)
    assert all(len(found) == 1 for found in folds.values()), folds


def present(fold: str, file: str, substring: str) -> bool:
    return substring in (CORPUS / fold / file).read_text(encoding="utf-8")


@pytest.mark.parametrize("fold", FOLDS)
def test_cluster_members_name_existing_sentences(fold: str) -> None:
    gold = load(fold, "expected_clusters.json")
    seen = set()
    for cluster in gold["clusters"]:
        assert cluster["name"] and cluster["members"]
        for file, substring, type_ in cluster["members"]:
            assert present(fold, file, substring), (file, substring)
            assert type_ is None or type_ in PLOVER, type_
            assert (file, substring) not in seen, (file, substring)
            seen.add((file, substring))
        for kind, span in cluster.get("counts", {}).items():
            assert span["low"] <= span["best"] <= span["high"], (cluster["name"], kind)


@pytest.mark.parametrize("fold", FOLDS)
def test_proposal_steps_are_well_formed(fold: str) -> None:
    proposals = load(fold, "expected_proposals.json")
    assert isinstance(proposals, list) and proposals
    for proposal in proposals:
        assert proposal["subject"] and proposal["parties"] and "broker" in proposal
        assert not set(proposal["broker"]) & set(proposal["parties"]), proposal["name"]
        for step in proposal["steps"]:
            assert step["status"] in STATUSES, step["status"]
            if step["date"] is not None:
                date.fromisoformat(step["date"])
            if "alleged_by" in step:
                assert step["status"] == "violated", step
            assert step["evidence"], step
            for file, substring in step["evidence"]:
                assert present(fold, file, substring), (file, substring)
