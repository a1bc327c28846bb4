"""Why proposal histories fail, as totals (``accord cluster-eval --totals``)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import accord
from accord import track
from accord.track.evaluate import ProposalOutcome, StepOutcome
from accord.track.proposal_failures import (
    align_steps,
    exchange_figures,
    failure_lines,
    failure_totals,
)
from accord.track.proposals import no_step_cause


def step(status: str, date: str | None, detail: str | None = None, *evidence: str) -> StepOutcome:
    return StepOutcome(status, date, detail=detail, evidence=evidence)


TRUCE = (
    step("agreed", "2023-04-24"),
    step("implemented", "2023-04-25"),
    step("violated", "2023-04-26"),
    step("extended", "2023-04-27"),
)


def test_alignment_pairs_steps_of_one_status_in_order_and_names_the_rest() -> None:
    shown = (
        step("agreed", "2023-04-24"),
        step("agreed", "2023-04-25"),  # the agreement retold the next day
        step("implemented", "2023-04-25"),
        step("extended", "2023-04-28"),
    )
    alignment = align_steps(TRUCE, shown)
    assert alignment.pairs == ((0, 0), (1, 2), (3, 3))
    assert alignment.missing == (2,)
    assert alignment.extra == (1,)


def test_alignment_prefers_the_step_with_the_right_date() -> None:
    shown = (step("agreed", "2023-04-20"), step("agreed", "2023-04-24"))
    assert align_steps(TRUCE[:1], shown).pairs == ((0, 1),)


def test_a_wrong_history_gets_each_of_its_failures_and_a_right_one_none() -> None:
    wrong = ProposalOutcome(
        name="72-hour ceasefire",
        expected=TRUCE,
        shown=(
            step("agreed", "2023-04-24", None, "e1"),
            step("agreed", "2023-04-26", None, "e9"),  # told again, dated by its report
            step("implemented", None, None, "e2"),
        ),
        proposals=2,
        readings=("held", "held", "none", "elsewhere"),
        labelled=frozenset({"e1", "e2", "e3", "e4", "e9"}),
    )
    right = ProposalOutcome(
        name="prisoner exchange",
        expected=(step("implemented", "2023-05-01", "32 Armenians for 2 Azerbaijanis"),),
        shown=(step("implemented", "2023-05-01", "2 for 32", "e5"),),
        proposals=1,
        readings=("held",),
    )
    totals = failure_totals((wrong, right))
    assert totals.wrong == 1
    assert totals.failures == {
        "split over several proposals": 1,
        "a step missing": 1,
        "an extra step": 1,
        "a step's date wrong": 1,
        "final status wrong": 1,
    }
    assert totals.missing_statuses == {"violated": 1, "extended": 1}
    assert totals.missing_causes == {"read as no step": 1, "a step of another proposal": 1}
    assert totals.extra_causes == {"repeats a step of this history": 1}
    assert totals.date_errors == {"shown undated": 1}
    assert totals.exchanges_right == (1, 1)
    lines = failure_lines(totals)
    assert lines[0].startswith("  why wrong (1 histories): split over several proposals 1")
    assert not any("ceasefire" in line or "exchange" in line.split(":")[0] for line in lines)


def test_a_broker_among_the_parties_is_counted_apart_from_missing_parties() -> None:
    brokered = ProposalOutcome(
        name="truce",
        expected=TRUCE[:1],
        shown=TRUCE[:1],
        proposals=1,
        readings=("held",),
        brokers_checked=True,
        brokers_as_parties=("MYS",),
    )
    apart = replace(brokered, brokers_as_parties=())
    unbrokered = replace(brokered, brokers_checked=False, brokers_as_parties=())
    totals = failure_totals((brokered, apart, unbrokered))
    assert totals.brokers_apart == (1, 2)
    assert totals.parties_complete == (3, 3)
    assert "no broker among the proposal's parties: 1 of 2" in failure_lines(totals)[-1]


def test_exchange_figures_keep_each_side() -> None:
    assert exchange_figures("24 hostages for 39 prisoners") == (24, 39)
    assert exchange_figures("390 each; 390 of 1,000 so far") == (390, 390)
    assert exchange_figures("1,000 prisoners of war for 1,000") == (1000, 1000)
    assert exchange_figures("in effect from 19:00") == ()


def reading(kind: str, sentence: str, trigger: str, modality: str = "asserted") -> dict:
    return {
        "type": kind,
        "mode": None,
        "modality": modality,
        "trigger": trigger,
        "sentence": sentence,
        "start": sentence.index(trigger),
        "sentence_start": 0,
    }


@pytest.mark.parametrize(
    ("row", "cause"),
    [
        (
            reading("ACCUSE", "The army accused the RSF of looting homes.", "accused"),
            "no subject named",
        ),
        (
            reading(
                "ACCUSE",
                "The army and the RSF accused each other of breaching the truce.",
                "accused",
            ),
            "a mutual accusation",
        ),
        (reading("ACCUSE", "The RSF denied breaching the truce.", "denied"), "a denial"),
        (
            {
                **reading(
                    "SANCTION",
                    "Five Iranians charged or convicted of nonviolent crimes in the United States"
                    " received clemency under the deal:",
                    "convicted",
                ),
                "mode": "convict",
            },
            "a court's verdict",
        ),
        (
            reading(
                "AGREE", "Both sides said they would respect the ceasefire.", "respect", "future"
            ),
            "modality future",
        ),
        (
            reading("ACCUSE", "The army accused the RSF of breaching the truce.", "accused"),
            "read otherwise",
        ),
    ],
)
def test_an_event_read_as_no_step_is_told_by_the_stage_that_stopped_it(
    row: dict, cause: str
) -> None:
    assert no_step_cause(row) == cause


def test_the_kinds_of_events_read_as_no_step_are_counted() -> None:
    outcome = ProposalOutcome(
        name="truce",
        expected=TRUCE[:1],
        shown=(),
        proposals=0,
        readings=("none",),
        unread_kinds=("ACCUSE asserted: no subject named", "ACCUSE asserted: no subject named"),
    )
    totals = failure_totals((outcome,))
    assert totals.failures["no proposal holds its evidence"] == 1
    assert "evidence events read as no step: ACCUSE asserted: no subject named 2" in "\n".join(
        failure_lines(totals)
    )


def test_a_step_read_right_and_placed_nowhere_says_when_its_agreement_was_made(
    tmp_path: Path,
) -> None:
    """An accusation of a breach the day before the truce it names was agreed is read as a
    violation and placed in no proposal (nothing binds yet); the totals say the sides'
    agreement is dated after it."""
    reports = {
        "accused": (
            "2026-07-05",
            "The army accused the RSF on Saturday of violating the ceasefire in Omdurman.",
        ),
        "agreed": (
            "2026-07-06",
            "Sudan's army and the Rapid Support Forces agreed on Sunday to a 72-hour ceasefire.",
        ),
    }
    for name, (published, text) in reports.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        meta = {"title": name, "published": published, "outlet": f"Wire {name}"}
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    expected = [
        {
            "name": "72-hour ceasefire",
            "parties": ["SDN:GOV", "SDN:REB"],
            "steps": [
                {
                    "status": "violated",
                    "date": "2026-07-04",
                    "evidence": [["accused.txt", "accused the RSF"]],
                },
                {
                    "status": "agreed",
                    "date": "2026-07-05",
                    "evidence": [["agreed.txt", "agreed on Sunday"]],
                },
            ],
        }
    ]
    (tmp_path / "proposals.json").write_text(json.dumps(expected), encoding="utf-8")
    (tmp_path / "clusters.json").write_text(json.dumps({"clusters": []}), encoding="utf-8")
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(sorted(str(path) for path in tmp_path.glob("*.txt")))
        report = track.evaluate_tracking(
            db, tmp_path / "clusters.json", tmp_path / "proposals.json"
        )
    totals = failure_totals(report.proposals)
    assert totals.missing_statuses == {"violated": 1}
    assert totals.unread_kinds == {
        "ACCUSE asserted: read as violated of ceasefire, placed in no proposal"
        " (its sides' agreement is dated on or after it, dated by its text)": 1
    }
