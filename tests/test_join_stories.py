"""One event told by three to five outlets (tests/corpus_joins/), through the real pipeline:
leads that share few words, a weekday or no day, landmarks, a region for the city, rising
tolls, and another strike on the same city two days later that must stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from accord.track.evaluate import TrackingReport, evaluate_tracking

STORIES = Path(__file__).parent / "corpus_joins"

# members the coder reads no event for: an attack named as what a condemnation condemns (the
# parser hangs "that killed" on "station"; "in which 26 people were killed" on "hotel")
NOT_EXTRACTED = {
    "the Russian missile attack on a train station in Kharkiv that killed 23 civilians",
    "Friday's attack on a hotel in Kismayo, in which 26 people were killed",
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> TrackingReport:
    folder = tmp_path_factory.mktemp("joins")
    with accord.open(folder / "accord.db") as db:
        db.ingest(sorted(str(path) for path in STORIES.glob("*.txt")))
        return evaluate_tracking(db, STORIES / "expected_clusters.json")


def test_every_outlet_of_an_event_is_held_in_one_canonical_event(report: TrackingReport) -> None:
    assert {item[1] for item in report.pairwise.missing} == NOT_EXTRACTED
    assert [event.name for event in report.events if not event.held] == []
    assert sum(event.outlets >= 3 for event in report.events) == 6


def test_no_wrong_merge_not_even_of_the_same_city_two_days_later(report: TrackingReport) -> None:
    assert report.pairwise.precision == 1.0
    assert [event.name for event in report.events if event.merged_with] == []


def test_rising_tolls_give_the_latest_figure_as_best(report: TrackingReport) -> None:
    # the Kismayo toll's latest figure (26) is told only in the condemnation no event is read for
    wrong = [outcome.event for outcome in report.counts if not outcome.right]
    assert wrong == ["Kismayo: al-Shabaab gunmen storm a hotel (Fri 8 May 2026, evening)"]
    assert len(report.counts) == 11  # per kind: killed and injured in Zaporizhzhia
