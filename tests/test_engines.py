"""The Dask engine: a LocalCluster of two worker processes on 127.0.0.1 gives the store that a
single process gives, event for event, quote for quote, cluster for cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from store_state import snapshot

CORPUS = Path(__file__).parent / "corpus_tracking"


@pytest.fixture(scope="module")
def single_process_store(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("single") / "single.db"
    with accord.open(path) as db:
        assert db.ingest(sorted(CORPUS.glob("*.txt"))).ok
    return snapshot(path)


def test_a_local_dask_cluster_gives_the_single_process_store(
    tmp_path: Path, single_process_store: dict
) -> None:
    path = tmp_path / "dask.db"
    seen: list[int] = []
    with accord.open(path) as db:
        report = db.ingest(
            sorted(CORPUS.glob("*.txt")),
            engine="dask",
            jobs=2,
            progress=lambda done, total: seen.append(done),
        )
    assert report.ok and report.added == len(list(CORPUS.glob("*.txt")))
    assert seen[-1] == report.added
    state = snapshot(path)
    assert state == single_process_store
    assert state["events"] and state["canonical_events"] and state["proposals"]


def test_a_failing_article_on_dask_is_reported_not_dropped() -> None:
    """An article whose extraction raises on the worker is a failure naming it; the others
    come back extracted, in order."""
    from accord.api import extract_all
    from accord.ingest import make_article

    good = make_article("Russia and Ukraine held talks in Istanbul on Friday.", source="good")
    bad = make_article("Qatar hosted talks in Doha on Sunday.", source="bad")
    object.__setattr__(bad, "text", None)  # no text: the pipeline raises on the worker
    results = list(extract_all([good, bad], 2, "dask"))
    assert [type(result).__name__ for result in results] == ["Extraction", "ExtractionFailure"]
    assert results[1].source == "bad"
