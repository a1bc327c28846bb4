"""PLOVER gold-standard scorer: hand-built extractions for the rules, one real run for the shape."""

from __future__ import annotations

import json
from pathlib import Path

from accord.models import ActorRef, Article, Event, Evidence, Extraction
from accord.plover_gold import (
    GoldActor,
    GoldRecord,
    format_report,
    load_gsr,
    run_gsr,
    score_gsr,
)

DEV_FILE = Path("/work/shared/eval/plover-gsr-dev.jsonl")

SENTENCE = "Italy announced a suspension of air links with Serbia on Wednesday."
SANCTION = GoldRecord(
    id="T-1",
    text=SENTENCE,
    event="SANCTION",
    context=("economic",),
    sources=(GoldActor("Italy", "ITA", "GOV"),),
    targets=(GoldActor("Serbia", "SRB"),),
)
ITALY = ActorRef(actor_id="ITA", name="Italy", text="Italy", country="ITA", sector="GOV")
SERBIA = ActorRef(actor_id="SRB", name="Serbia", text="Serbia", country="SRB", sector="GOV")
SERBIAN_ARMY = ActorRef(actor_id="SRB-MIL", name="Serbian army", text="army", country="SRB")
UN = ActorRef(actor_id="un", name="United Nations", text="UN", sector="IGO")


def event(
    event_type: str,
    sources: tuple[ActorRef, ...] = (),
    targets: tuple[ActorRef, ...] = (),
    mode: str | None = None,
) -> Event:
    evidence = Evidence(sentence_index=0, start=0, end=5, sentence=SENTENCE, why="test")
    return Event(
        id=f"e-{event_type}",
        article_id="a1",
        type=event_type,
        mode=mode,
        modality="asserted",
        trigger="announced",
        evidence=evidence,
        sources=sources,
        targets=targets,
    )


def extraction(*events: Event) -> Extraction:
    article = Article(id="a1", text=SENTENCE, content_hash="h")
    return Extraction(article=article, actors=(), events=events, quotes=())


def write_gold(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_right_type_and_actors_scores_fully() -> None:
    report = score_gsr([SANCTION], [extraction(event("SANCTION", (ITALY,), (SERBIA,)))])
    sanction = report.types["SANCTION"]
    assert (sanction.tp, sanction.fp, sanction.fn) == (1, 0, 0)
    assert report.micro.f1 == 1.0
    assert report.sources.country_sector.value == 1.0
    assert report.targets.country.value == 1.0
    assert report.confusion == {"SANCTION": {"SANCTION": 1}}
    assert report.misses == []


def test_wrong_type_is_a_miss_for_gold_and_a_false_positive_for_the_other() -> None:
    report = score_gsr([SANCTION], [extraction(event("ACCUSE", (ITALY,), (SERBIA,)))])
    assert report.types["SANCTION"].fn == 1
    assert report.types["ACCUSE"].fp == 1
    assert report.micro.precision == 0.0
    assert report.confusion["SANCTION"]["ACCUSE"] == 1
    assert report.sources.country.checked == 0  # actors only count on correctly typed events
    assert report.misses[0].problems == ("type",)
    assert report.misses[0].got.startswith("ACCUSE ITA:GOV -> SRB:GOV")


def test_invented_event_beside_the_right_one_is_a_false_positive() -> None:
    events = (event("SANCTION", (ITALY,), (SERBIA,)), event("ASSAULT", (SERBIAN_ARMY,)))
    report = score_gsr([SANCTION], [extraction(*events)])
    assert report.types["SANCTION"].tp == 1
    assert report.types["ASSAULT"].fp == 1
    assert report.micro.precision == 0.5
    assert report.micro.recall == 1.0
    assert report.confusion["SANCTION"] == {"SANCTION": 1}


def test_duplicate_of_the_gold_type_is_ignored_and_best_actors_win() -> None:
    events = (event("SANCTION", (SERBIA,), (ITALY,)), event("SANCTION", (ITALY,), (SERBIA,)))
    report = score_gsr([SANCTION], [extraction(*events)])
    assert (report.types["SANCTION"].tp, report.types["SANCTION"].fp) == (1, 0)
    assert report.sources.country_sector.right == 1
    assert report.targets.country_sector.right == 1


def test_missing_event_counts_against_recall_only() -> None:
    report = score_gsr([SANCTION], [extraction()])
    assert report.types["SANCTION"].fn == 1
    assert report.micro.fp == 0
    assert report.sentences_without_events == 1
    assert report.confusion["SANCTION"] == {"NONE": 1}
    assert report.misses[0].got == "no event"


def test_sector_is_checked_only_where_gold_gives_one() -> None:
    soldiers = ActorRef(actor_id="ita-mil", name="Italian troops", text="t", country="ITA")
    report = score_gsr([SANCTION], [extraction(event("SANCTION", (soldiers,), (SERBIA,)))])
    assert report.sources.country_sector.value == 0.0
    assert report.sources.country.value == 1.0
    assert report.targets.country_sector.value == 1.0  # gold gives Serbia no sector
    assert report.misses[0].problems == ("source",)


def test_group_code_matches_by_sector_and_mode_is_compared() -> None:
    record = GoldRecord(
        id="T-2",
        text=SENTENCE,
        event="REQUEST",
        mode="demand",
        sources=(GoldActor("UN", "IGO", "CVL"),),
    )
    report = score_gsr([record], [extraction(event("REQUEST", (UN,), mode="Demand"))])
    assert report.sources.country_sector.value == 1.0
    assert report.mode.value == 1.0
    assert report.targets.country.checked == 0


def test_load_maps_dated_codes_and_reads_empty_targets(tmp_path: Path) -> None:
    rows = [
        {
            "id": "G-1",
            "text": "Tokyo agreed.",
            "event": "AGREE",
            "mode": "",
            "context": "diplomatic, economic",
            "source": [{"actorText": "Tokyo", "code": "JAP", "sector": "GOVMOS"}],
            "target": "",
        },
        {
            "id": "G-2",
            "text": "Rome protested.",
            "event": "PROTEST",
            "source": [{"actorText": "Rome", "code": "ITL", "sector": "***"}],
        },
    ]
    first, second = load_gsr(write_gold(tmp_path, rows))
    assert first.sources == (GoldActor("Tokyo", "JPN", "GOV"),)
    assert first.targets == ()
    assert first.mode is None
    assert first.context == ("diplomatic", "economic")
    assert second.sources == (GoldActor("Rome", "ITA", None),)
    assert second.targets == ()


def test_report_dict_and_text_carry_every_figure() -> None:
    report = score_gsr([SANCTION], [extraction(event("ACCUSE"))])
    data = report.to_dict()
    assert set(data) >= {"types", "micro", "confusion", "sources", "targets", "mode", "misses"}
    json.dumps(data)
    text = format_report(report, misses=True)
    for part in ("SANCTION", "micro", "source country+sector", "gold \\ got", "T-1"):
        assert part in text


def numbers(value: object) -> list[float]:
    """Every proportion in a report dict (accuracies may be None when nothing was checked)."""
    if isinstance(value, dict):
        return [
            number
            for key, item in value.items()
            for number in (
                [item]
                if key in {"precision", "recall", "f1", "accuracy"} and item is not None
                else numbers(item)
            )
        ]
    if isinstance(value, list):
        return [number for item in value for number in numbers(item)]
    return []


def test_run_on_first_dev_records(tmp_path: Path) -> None:
    lines = DEV_FILE.read_text(encoding="utf-8").splitlines()[:10]
    path = tmp_path / "dev10.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run_gsr(path)
    data = report.to_dict()
    assert report.records == 10
    assert report.failed == ()
    assert sum(score.support for score in report.types.values()) == 10
    assert sum(sum(row.values()) for row in report.confusion.values()) == 10
    proportions = numbers(data)
    assert proportions
    assert all(0.0 <= number <= 1.0 for number in proportions)
    assert "micro" in format_report(report)


def test_accord_extension_modes_count_as_their_plover_parent() -> None:
    record = GoldRecord(id="T-3", text=SENTENCE, event="ASSAULT", mode="heavy-weapons")
    aerial = score_gsr([record], [extraction(event("ASSAULT", mode="aerial"))])
    assert aerial.mode.value == 1.0
    firearms = score_gsr([record], [extraction(event("ASSAULT", mode="firearms"))])
    assert firearms.mode.value == 0.0
