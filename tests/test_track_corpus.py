"""Tracking on the tracking corpus, through the real pipeline: clusters, counts, proposals.

The corpus (tests/corpus_tracking/) is twelve wire-style articles from eight outlets on one
story (10-14 June 2025): a 390-for-390 prisoner exchange agreed in Istanbul and carried out in
three stages, a missile strike on Kharkiv with disputed tolls, and a U.S. 30-day ceasefire
proposal accepted by Ukraine and declined by Russia. ``expected_clusters.json`` is the golden
reading. Golden items the pipeline does not extract are printed (run with -s), not failed.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import accord
from accord import track
from accord.cli import main
from accord.ingest import make_article, read_sources
from accord.models import Article
from accord.pipeline import extract_article
from accord.track.features import Features
from accord.track.proposal_failures import exchange_figures

# the module, not the ``accord.track.proposals`` function that the package exports
proposals_module = importlib.import_module("accord.track.proposals")
CORPUS = Path(__file__).parent / "corpus_tracking"
GOLD = CORPUS / "expected_clusters.json"
MIN_PRECISION = 0.95  # measured 1.00
# Measured 0.83 over 21 extracted golden items (25 of 30 pairs; 0.88 over 23 items before two
# items of one article that are one restated event counted once, with the same grouping): the
# Kremlin's refusal read in a sentence dated by the earlier Istanbul agreement stays apart.
MIN_RECALL = 0.83


def articles(names: list[str] | None = None) -> list[str]:
    paths = sorted(CORPUS.glob("*.txt"))
    return [str(path) for path in paths if names is None or path.name[:3] in names]


def copy_corpus(target: Path) -> Path:
    target.mkdir()
    for path in CORPUS.glob("a*"):
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("tracking") / "accord.db"
    with accord.open(path) as db:
        db.ingest(articles())
        track.rebuild(db)
        yield db


def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def grouping(db: accord.api.Accord) -> set[frozenset[str]]:
    rows = db.connection.execute("SELECT cluster_id, event_id FROM canonical_members")
    clusters: dict[str, set[str]] = {}
    for cluster_id, event_id in rows:
        clusters.setdefault(cluster_id, set()).add(event_id)
    return {frozenset(members) for members in clusters.values()}


def test_clusters_match_the_golden_grouping(tracked: accord.api.Accord) -> None:
    score = track.score_grouping(tracked, GOLD)
    print(
        f"\npairwise precision {score.precision:.3f} recall {score.recall:.3f} "
        f"F1 {score.f1:.3f} over {score.found} extracted golden items"
    )
    for item in score.missing:
        print("extraction miss (not tracked):", item)
    assert score.precision >= MIN_PRECISION
    assert score.recall >= MIN_RECALL


def strike(db: accord.api.Accord) -> track.CanonicalEvent:
    found = [
        event
        for event in track.canonical_events(db, min_articles=2, type="ASSAULT")
        if "Kharkiv" in " ".join(m.event.evidence.sentence for m in event.members)
    ]
    assert len(found) == 1, "the Kharkiv strike is one canonical event"
    return found[0]


def test_strike_killed_count_keeps_every_source(tracked: accord.api.Accord) -> None:
    expected = gold()["strike_killed"]
    event = strike(tracked)
    killed = next(count for count in event.counts if count.kind == "killed")
    assert (killed.low, killed.best, killed.high) == (
        expected["low"],
        expected["best"],
        expected["high"],
    )
    assert killed.how == expected["how"]
    by_outlet = {claim.outlet: claim.value for claim in killed.claims}
    assert by_outlet == expected["by_outlet"]
    qualified = {claim.outlet: claim.qualifier for claim in killed.claims if claim.qualifier}
    assert qualified == expected["qualified"]
    assert killed in event.conflicts
    assert event.articles == expected["articles"] == len(event.outlets)
    assert [event.first_report, event.last_report] == expected["reported"]


def find_proposal(db: accord.api.Accord, subject: str) -> track.Proposal:
    found = [item for item in track.proposals(db) if item.subject == subject and item.terms]
    assert len(found) == 1, [item.title for item in track.proposals(db)]
    return found[0]


def test_prisoner_exchange_history(tracked: accord.api.Accord) -> None:
    exchange = find_proposal(tracked, "prisoner exchange")
    assert exchange.title == "390-for-390 prisoner exchange"
    assert set(exchange.participants) == {"RUS", "UKR"}
    history = [
        {"date": step.date, "status": step.status, "detail": step.detail} for step in exchange.steps
    ]
    assert history == gold()["prisoner_exchange_history"]
    assert all(step.event_ids for step in exchange.steps), "every step has evidence"
    agreed = exchange.steps[0]
    sentences = [tracked.event(event_id).evidence.sentence for event_id in agreed.event_ids]
    assert any("agreed on Tuesday to exchange 390" in sentence for sentence in sentences)


def test_ceasefire_accepted_by_one_side_declined_by_the_other(
    tracked: accord.api.Accord,
) -> None:
    ceasefire = find_proposal(tracked, "ceasefire")
    assert ceasefire.title == "30-day ceasefire"
    dated = [step for step in ceasefire.steps if not step.date_inferred]
    history = [
        {"date": step.date, "status": step.status, "actors": list(step.actors)} for step in dated
    ]
    assert history == gold()["ceasefire_history"]
    assert ceasefire.status == "declined by Russia"
    assert ceasefire.proposer == ("Keith Kellogg",)
    declined = track.proposals(tracked, status="declined", actor="UKR")
    assert [item.id for item in declined] == [ceasefire.id]


def test_incremental_tracking_equals_a_full_rebuild(tmp_path: Path) -> None:
    with accord.open(tmp_path / "batches.db") as db:
        db.ingest(articles(["a01", "a03", "a05", "a07", "a09", "a11"]))
        track.update(db)
        db.ingest(articles())
        report = track.update(db)
        assert report.events < db.totals().events, "only new events are featurised"
        incremental = grouping(db)
        incremental_proposals = [(p.id, p.steps) for p in track.proposals(db)]
        track.rebuild(db)
        assert grouping(db) == incremental
        assert [(p.id, p.steps) for p in track.proposals(db)] == incremental_proposals


def test_cli_ingest_tracks_and_reports(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    db_path = str(tmp_path / "cli.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db_path, "ingest", str(corpus)]).exit_code == 0
    evaluated = runner.invoke(main, ["--db", db_path, "cluster-eval", str(GOLD)])
    assert evaluated.exit_code == 0, evaluated.output
    assert "pairwise precision" in evaluated.output
    listed = runner.invoke(main, ["--db", db_path, "proposals", "--status", "implemented"])
    assert "390-for-390" in listed.output
    with accord.open(db_path) as db:
        exchange = find_proposal(db, "prisoner exchange")
    history = runner.invoke(main, ["--db", db_path, "timeline", "--proposal", exchange.id])
    assert "390 of 390 so far" in history.output
    pair = runner.invoke(main, ["--db", db_path, "timeline", "--pair", "RUS", "UKR"])
    assert "2025-06-13" in pair.output


def test_cluster_eval_reports_each_event_its_counts_and_proposal_histories(
    tracked: accord.api.Accord, tmp_path: Path
) -> None:
    """The golden file with the Kharkiv strike's expected range added, and the exchange's
    history in the coverage corpus's proposals format (tests/corpus_coverage/README.md)."""
    data = gold()
    strike_range = {key: data["strike_killed"][key] for key in ("low", "best", "high")}
    for cluster in data["clusters"]:
        if cluster["name"].startswith("Missile strike on Kharkiv"):
            cluster["counts"] = {
                "killed": strike_range,
                "injured": {"low": 1, "best": 1, "high": 1},
            }
    clusters_path = tmp_path / "clusters.json"
    clusters_path.write_text(json.dumps(data), encoding="utf-8")
    exchange = {
        "name": "390-for-390 exchange",
        "steps": [
            {
                "status": "agreed",
                "date": "2025-06-10",
                "evidence": [
                    ["a01-northwire-istanbul-deal.txt", "Russia and Ukraine agreed on Tuesday"]
                ],
            },
            {
                "status": "implemented",
                "date": "2025-06-12",
                "evidence": [
                    [
                        "a09-danube-post-first-stage.txt",
                        "freed 130 prisoners of war each on Thursday",
                    ]
                ],
            },
            {
                "status": "implemented",
                "date": "2025-06-13",
                "evidence": [
                    [
                        "a10-kyiv-ledger-second-stage.txt",
                        "swapped another 130 prisoners each on Friday",
                    ]
                ],
            },
            {
                "status": "implemented",
                "date": "2025-06-14",
                "evidence": [
                    [
                        "a12-steppe-monitor-final-stage.txt",
                        "The last group of prisoners was exchanged",
                    ]
                ],
            },
        ],
    }
    wrong = {**exchange, "name": "one step short", "steps": exchange["steps"][:-1]}
    proposals_path = tmp_path / "proposals.json"
    proposals_path.write_text(json.dumps([exchange, wrong]), encoding="utf-8")

    report = track.evaluate_tracking(tracked, clusters_path, proposals_path)
    assert report.pairwise.precision >= MIN_PRECISION
    strike = next(e for e in report.events if e.name.startswith("Missile strike on Kharkiv"))
    assert (strike.held, strike.outlets, strike.merged_with) == (True, 4, ())
    assert report.multi_outlet >= 4 and report.wrong_merges == 0
    killed = next(c for c in report.counts if c.kind == "killed")
    assert killed.right and killed.shown == tuple(strike_range.values())
    injured = next(c for c in report.counts if c.kind == "injured")
    assert not injured.right  # 40 and 43 reported, not 1
    assert report.count_events == (0, 1)
    assert [item.right for item in report.proposals] == [True, False]
    assert report.proposal_histories == (1, 2)

    runner = CliRunner()
    args = ["--db", str(tracked.path), "cluster-eval", str(clusters_path)]
    full = runner.invoke(main, [*args, "--proposals", str(proposals_path)])
    assert full.exit_code == 0, full.output
    assert "held  [Missile strike on Kharkiv" in full.output
    assert "proposal histories right: 1 of 2" in full.output
    assert "proposal WRONG in 1 proposal(s)  [one step short]" in full.output
    assert (
        "why wrong (1 histories): sharing its proposal with another history 1, an extra step 1\n"
        in full.output
    )
    assert "extra steps (1): a step of another expected history 1" in full.output
    totals = runner.invoke(main, [*args, "--totals"])
    assert "multi-outlet events held" in totals.output and "[" not in totals.output


def test_proposals_stay_as_a_rebuild_makes_them_when_derivation_is_skipped(tmp_path: Path) -> None:
    """An update whose new events hold no proposal step leaves the proposals alone; one that
    removes a step's evidence (a story replaced at its URL) derives them again."""
    with accord.open(tmp_path / "skip.db") as db:
        db.ingest(articles())
        before = [(p.id, p.steps) for p in track.proposals(db)]
        assert before
        assert not track.proposals_may_change(db.connection)
        strike = make_article(
            "Russian missiles struck Kharkiv on Friday, killing three people, officials said.",
            published="2025-06-14",
            url="https://example.org/kharkiv-friday",
        )
        db.save_extraction(extract_article(strike))
        assert not track.proposals_may_change(db.connection), "a strike is no proposal step"
        track.update(db)
        assert [(p.id, p.steps) for p in track.proposals(db)] == before
        exchange = next(path for path in articles() if "swap-agreed" in path)
        meta = json.loads(Path(exchange).with_suffix(".meta.json").read_text(encoding="utf-8"))
        replaced = make_article(
            "Rescuers searched the rubble on Tuesday.", published=meta["published"], url=meta["url"]
        )
        db.save_extraction(extract_article(replaced))
        assert track.proposals_may_change(db.connection), "a step's evidence is gone"
        track.update(db)
        updated = [(p.id, p.steps) for p in track.proposals(db)]
        assert updated != before
        track.rebuild(db)
        assert [(p.id, p.steps) for p in track.proposals(db)] == updated


def kept_readings(db: accord.api.Accord) -> list[tuple[str, str | None]]:
    return [
        tuple(row)
        for row in db.connection.execute(
            "SELECT event_id, candidate FROM proposal_candidates ORDER BY event_id"
        )
    ]


def test_each_event_is_read_once_and_only_changed_proposals_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tracking keeps what each event reads as (a step of a proposal or none) from the first
    update that sees it; later updates link the kept readings, which are what reading every
    event again gives, and write only the proposals that came out different."""
    written: list[str] = []
    save = proposals_module.save_proposal

    def recording_save(connection, item, digest=None) -> None:
        written.append(item.id)
        save(connection, item, digest)

    monkeypatch.setattr(proposals_module, "save_proposal", recording_save)
    with accord.open(tmp_path / "kept.db") as db:
        db.ingest(articles(["a01", "a03", "a05", "a07", "a09", "a11"]))
        before = {p.id: p.steps for p in track.proposals(db)}
        written.clear()
        db.ingest(articles(["a02", "a04"]))
        after = {p.id: p.steps for p in track.proposals(db)}
        unchanged = {pid for pid in before if after.get(pid) == before[pid]}
        assert unchanged and not unchanged & set(written), "an unchanged proposal is left alone"
        assert set(written) == {pid for pid in after if after[pid] != before.get(pid)}
        db.ingest(articles())
        readings = kept_readings(db)
        assert len(readings) == db.totals().events
        assert any(text is None for _, text in readings), "most events are no step"
        assert any(text is not None for _, text in readings)
        incremental = [(p.id, p.steps) for p in track.proposals(db)]
        track.rebuild(db)  # reads every event again
        assert kept_readings(db) == readings
        assert [(p.id, p.steps) for p in track.proposals(db)] == incremental


def test_a_store_from_before_the_kept_readings_reads_its_events_on_the_next_update(
    tmp_path: Path,
) -> None:
    """A store migrated from version 7 has no kept readings: the next update reads them all
    and derives the proposals a rebuild gives."""
    with accord.open(tmp_path / "old.db") as db:
        db.ingest(articles())
        expected = [(p.id, p.steps) for p in track.proposals(db)]
        with db.transaction():
            db.connection.execute("DELETE FROM proposal_candidates")
            db.connection.execute("DELETE FROM proposals")
        assert track.proposals_may_change(db.connection)
        track.update(db)
        assert len(kept_readings(db)) == db.totals().events
        assert [(p.id, p.steps) for p in track.proposals(db)] == expected


def test_a_sides_part_of_an_exchange_does_not_widen_its_count_range(tmp_path: Path) -> None:
    """Four real-coverage reports of the Ankara exchange (1 August 2024): 'exchanged 24
    prisoners' and '26 prisoners ... freed in the exchange' are the whole; 'Russia released 16
    prisoners in the swap in Ankara' and 'an exchange that freed three Americans' are parts
    (rule a-side's-part-is-not-the-exchange's: no range from 3)."""
    tune = Path(__file__).parent / "corpus_coverage" / "tune"
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(sorted(str(path) for path in tune.glob("ankara-swap-*.txt")))
        ranges = [
            count
            for event in track.canonical_events(db, type="RETREAT")
            for count in event.counts
            if count.kind == "prisoners" and any(c.value == 24 for c in count.claims)
        ]
    assert [(count.low, count.high) for count in ranges] == [(24, 26)]
    assert {claim.value for claim in ranges[0].claims} >= {3, 16, 24, 26}  # every claim kept


TUNE = Path(__file__).parent / "corpus_coverage" / "tune"


def tune_articles(*names: str) -> list[str]:
    return [str(TUNE / f"{name}.txt") for name in names]


def cluster_of(db: accord.api.Accord, fragment: str, event_type: str) -> str:
    """The canonical event of the one event of ``event_type`` whose sentence holds
    ``fragment``."""
    (row,) = db.connection.execute(
        "SELECT m.cluster_id FROM events e JOIN canonical_members m ON m.event_id = e.id"
        " WHERE e.type = ? AND instr(e.sentence, ?) > 0",
        (event_type, fragment),
    ).fetchall()
    return row[0]


def test_an_exchange_keeps_what_each_side_freed(tmp_path: Path) -> None:
    """Rule what-a-side-receives-the-other-freed: 'Russia released 16 prisoners in the swap
    in Ankara ... and received eight people held in the United States, Germany, Poland,
    Slovenia and Norway' (ankara-swap-04, real coverage, read alone: no other report tells
    the West's release) gives the exchange step both sides' figures, 16 for 8."""
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(tune_articles("ankara-swap-04-eastbridge-times"))
        (exchange,) = (item for item in track.proposals(db) if item.subject == "prisoner exchange")
    assert [step.detail for step in exchange.steps if step.status == "implemented"] == ["16 for 8"]


def test_the_releases_of_an_exchange_report_are_its_stage(tmp_path: Path) -> None:
    """Rules a-release-in-an-exchange-story-is-its-stage, the-freed-told-by-number-are-no-side
    and an-exchange-verb-tells-the-whole, on the real Ankara coverage (ankara-swap-02):
    'Russia and Belarus released 16 people, among them Gershkovich, ...' and 'In return, the
    United States, Germany, Poland, Slovenia and Norway freed eight Russians' name no deal but
    are the exchange the report's lead tells, so every side is a party (Germany, Poland,
    Slovenia, Norway and Belarus were missing); the '16 people' freed, set in Turkey by the
    coder, make Turkey, which hosted the swap, no party; and 'Russia and Western countries
    exchanged 24 prisoners' is the whole, not Russia's side: 16 for 8."""
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(sorted(str(path) for path in TUNE.glob("ankara-swap-*.txt")))
        (exchange,) = (item for item in track.proposals(db) if item.subject == "prisoner exchange")
    assert {"BLR", "DEU", "NOR", "POL", "RUS", "SVN", "USA"} <= set(exchange.participants)
    assert "TUR" not in exchange.participants
    assert [exchange_figures(step.detail) for step in exchange.steps] == [(8, 16)]


def test_attacks_told_in_different_nights_are_different_events(tmp_path: Path) -> None:
    """Rule overnight-is-the-night-before: 'attacks on Kyiv overnight' (Weathervane Herald,
    published Saturday 24 May 2025) happened in the night of 23-24 May, 'a second night of
    heavy Russian air attacks' (Saltmarsh Radio, Sunday 25 May) in the night of 24-25: two
    events, though both reports give no date of their own and Russia on Ukraine. 'drones at
    the Odesa region overnight' (Harbour Wire, Saturday 2 March 2024) is still the drone that
    'hit a residential building in Odesa' (Eastbridge Times, Sunday, a toll that 'rose to 10
    overnight': that night dates the count, not the strike)."""
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(
            tune_articles(
                "istanbul-swap-05-weathervane-herald",
                "istanbul-swap-06-saltmarsh-radio",
                "odesa-01-harbour-wire",
                "odesa-02-eastbridge-times",
            )
        )
        kyiv = cluster_of(db, "attacks on Kyiv overnight", "ASSAULT")
        second_night = cluster_of(db, "a second night of heavy Russian air attacks", "ASSAULT")
        odesa_night = cluster_of(db, "drones at the Odesa region overnight", "ASSAULT")
        odesa_saturday = cluster_of(db, "a Russian drone hit a residential building", "ASSAULT")
    assert kyiv != second_night
    assert odesa_night == odesa_saturday


def test_each_side_of_an_exchange_frees_its_half(tmp_path: Path) -> None:
    """Rule each-side-frees-its-half: 'Russia and Belarus released 16 people' (Harbour Wire)
    and Germany's 'decision to release a Russian convicted of murder as part of the exchange
    in Ankara' (Kestrel) have sources of different countries, and are the two halves of one
    exchange of 1 August 2024 (told by five outlets): a sentence naming the exchange lifts the
    senders' veto."""
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(sorted(str(path) for path in TUNE.glob("ankara-swap-*.txt")))
        russia = cluster_of(db, "Russia and Belarus released 16 people", "RETREAT")
        germany = cluster_of(db, "as part of the exchange in Ankara", "RETREAT")
    assert russia == germany


def test_two_acts_of_one_report_that_share_only_its_place_are_two_events(
    tmp_path: Path,
) -> None:
    """Rule a-report's-place-is-no-anchor: Weathervane Herald (20 September 2016) tells 'an
    attack on a Red Crescent convoy near Aleppo' in its lead and 'Air strikes hit rebel-held
    eastern Aleppo overnight' at its end; the two share only the city's name, which every act
    of a dispatch about Aleppo shares: two events. The convoy stays one event with Larkspur
    Daily's report of it ('the convoy of 31 trucks was hit'), and a report that tells one act
    twice with its doer on both ('A Russian missile strike on Kharkiv overnight', 'Russia's
    defence ministry said it had hit "military infrastructure" in Kharkiv') keeps it one."""
    tracking = Path(__file__).parent / "corpus_tracking"
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(
            [
                *tune_articles(
                    "syria-truce-sep16-05-larkspur-daily", "syria-truce-sep16-06-weathervane-herald"
                ),
                str(tracking / "a05-northwire-kharkiv-strike.txt"),
            ]
        )
        convoy = cluster_of(db, "an attack on a Red Crescent convoy near Aleppo", "ASSAULT")
        trucks = cluster_of(db, "the convoy of 31 trucks was hit", "ASSAULT")
        night = cluster_of(db, "Air strikes hit rebel-held eastern Aleppo overnight", "ASSAULT")
        kharkiv = cluster_of(db, "A Russian missile strike on Kharkiv overnight", "ASSAULT")
        claim = cluster_of(db, "military infrastructure", "ASSAULT")
    assert convoy == trucks
    assert night != convoy
    assert kharkiv == claim


def test_accusations_against_opposite_sides_of_a_war_are_two_events(tmp_path: Path) -> None:
    """Rule opposite-sides-are-not-one-target: Kestrel (13 September 2016) tells 'Russia's
    military accused rebel groups of breaching the truce around Aleppo' and 'Rebels accused
    government forces of violating the truce with barrel bomb attacks near Aleppo': the same
    day, place and truce, but the one accuses Syria's rebels and the other Syria's army: two
    accusations."""
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(tune_articles("syria-truce-sep16-03-kestrel"))
        against_rebels = cluster_of(db, "accused rebel groups", "ACCUSE")
        against_army = cluster_of(db, "accused government forces", "ACCUSE")
    assert against_rebels != against_army


def test_each_side_undertakes_its_own(tmp_path: Path) -> None:
    """Rule each-side-undertakes-its-own: Larkspur Daily (8 March 2018) tells 'Donald Trump has
    accepted an invitation to meet North Korean leader Kim Jong Un' and, from Seoul's envoy,
    that 'Kim ... had committed to denuclearization': two undertakings by different sides on
    different things, two acts (they had been one canonical event, the tune fold's one wrong
    merge). Eastbridge Times (17 May 2025) tells 'the two sides agreed to swap 1,000 prisoners each'
    and 'Trump said on Saturday he would speak by telephone with Putin on Monday': two acts.
    Sanders's 'Trump would accept the invitation to meet Kim' stays the acceptance, and the
    two commitments of the Singapore joint statement, told with the statement that holds them
    ('In the joint statement, Trump committed to ...', 'Kim and Trump had agreed on a
    step-by-step process'), stay one agreement."""
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(
            tune_articles(
                "singapore-summit-01-larkspur-daily",
                "istanbul-swap-03-eastbridge-times",
                "singapore-summit-05-weathervane-herald",
                "singapore-summit-06-acacia-courier",
            )
        )
        accepted = cluster_of(db, "has accepted an invitation to meet", "AGREE")
        would_accept = cluster_of(db, "Trump would accept the invitation", "AGREE")
        committed = cluster_of(db, "had committed to denuclearization", "AGREE")
        swap = cluster_of(db, "the two sides agreed to swap 1,000 prisoners each", "AGREE")
        call = cluster_of(db, "he would speak by telephone with Putin", "AGREE")
        guarantees = cluster_of(db, "In the joint statement, Trump committed", "AGREE")
        step_by_step = cluster_of(db, "had agreed on a step-by-step process", "AGREE")
    assert accepted == would_accept
    assert committed != accepted
    assert swap != call
    assert guarantees == step_by_step


def test_an_update_takes_its_new_events_links_as_found_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The regroup of an update takes the links of its new events from the links it has just
    found (a new event has no other), reading only stored events' links back; the members,
    their links and those links' reasons are a rebuild's."""
    clustering = importlib.import_module("accord.track.clustering")
    asked: set[str] = set()
    reading = clustering.links_touching

    def spy(connection: object, event_ids: set[str]) -> list:
        asked.update(event_ids)
        return reading(connection, event_ids)

    with accord.open(tmp_path / "batches.db") as db:
        db.ingest(articles(["a01", "a03", "a05", "a07", "a09", "a11"]))
        track.update(db)
        stored = {row[0] for row in db.connection.execute("SELECT event_id FROM track_features")}
        monkeypatch.setattr(clustering, "links_touching", spy)
        db.ingest(articles())  # tracks what it stored
        monkeypatch.undo()
        new = {row[0] for row in db.connection.execute("SELECT event_id FROM track_features")}
        new -= stored
        assert new and asked, "stored clusters were regrouped with the new events"
        assert not asked & new
        membership = "SELECT event_id, cluster_id, linked_to, score, reasons FROM canonical_members"
        incremental = db.connection.execute(membership + " ORDER BY event_id").fetchall()
        assert sum(row[2] is not None for row in incremental) > len(new) // 2
        track.rebuild(db)
        assert db.connection.execute(membership + " ORDER BY event_id").fetchall() == incremental


def test_keyword_positions_kept_per_sentence_are_those_found_anew(
    tracked: accord.api.Accord,
) -> None:
    """The readings ask each sentence about every subject's words many times; the positions
    kept per sentence and keyword are the ones a fresh search finds."""
    words = [w for ws in proposals_module.subject_data()["subjects"].values() for w in ws]
    sentences = [row[0] for row in tracked.connection.execute("SELECT sentence FROM events")]
    found = 0
    for sentence in sentences:
        for word in words:
            kept = proposals_module.keyword_positions(sentence, word)
            assert kept == proposals_module.keyword_positions.__wrapped__(sentence, word)
            assert kept == proposals_module.keyword_positions(sentence, word)
            found += len(kept)
    assert found > 10


def test_events_of_one_sentence_share_what_it_gives_them(tracked: accord.api.Accord) -> None:
    """What a sentence gives its events (content words, their n-grams, names, figures) is
    worked out once per sentence text: the events of one sentence share those sets, the sets
    are the ones worked out anew, and the n-gram overlap of two events holding one set is the
    overlap of two sets built apart."""
    clustering = importlib.import_module("accord.track.clustering")
    features_module = importlib.import_module("accord.track.features")
    scoring = importlib.import_module("accord.track.scoring")
    sentence_of = dict(tracked.connection.execute("SELECT id, sentence FROM events").fetchall())
    items = clustering.features_of(tracked.connection, sentence_of)
    by_sentence: dict[str, list] = {}
    for item in items:
        by_sentence.setdefault(sentence_of[item.event_id], []).append(item)
    shared = [group for group in by_sentence.values() if len(group) > 1]
    assert len(shared) >= 5
    for sentence, group in by_sentence.items():
        first = group[0]
        assert first.tokens == features_module.content_tokens.__wrapped__(sentence)
        assert first.grams == features_module.char_grams(first.tokens)
        assert first.names == features_module.sentence_names.__wrapped__(sentence)
        for other in group[1:]:
            assert other.tokens is first.tokens and other.grams is first.grams
            assert other.names is first.names and other.numbers is first.numbers
            apart = frozenset(set(other.grams))
            assert scoring.jaccard(first.grams, other.grams) == scoring.jaccard(first.grams, apart)


def test_link_reasons_written_directly_are_the_text_json_dumps_writes(
    tracked: accord.api.Accord,
) -> None:
    """A link's reasons are written without ``json.dumps``'s set-up, as the same text; what
    is not all text (no link's reasons) is left to ``json.dumps``."""
    store_tracking = importlib.import_module("accord.store.tracking")
    texts = [row[0] for row in tracked.connection.execute("SELECT reasons FROM track_links")]
    assert len(texts) > 20
    for text in texts:
        reasons = json.loads(text)
        assert store_tracking.reasons_json(reasons) == json.dumps(reasons) == text
    odd = {"place": "Kyiv – “centre”", "score": 0.5, "none": None, "é": "\n"}
    assert store_tracking.reasons_json(odd) == json.dumps(odd)


def counting(found: list[int]) -> Callable[[str, dict[str, int]], None]:
    """A ``gc.callbacks`` entry adding up what each collection found, the automatic ones too
    (cycle collection, enabled again when tracking ends, can run before the test's own)."""

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            found.append(info["collected"] + info["uncollectable"])

    return count


def test_tracking_runs_without_cycle_collection_and_leaves_no_cyclic_garbage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tracking pauses Python's cycle collection while it runs (its allocations set it off
    for nothing) and gives it back as it found it; the pause costs no memory, as tracking the
    tracking corpus leaves no cyclic garbage behind. What counts is garbage made of objects
    the rebuild made, found by any collection until the test's own: every object the
    collector tracks before it is held until then, so one an earlier test left (an unclosed
    sqlite3 connection is a cycle in Python 3.11, with its statement cache) dropped while the
    rebuild runs is not counted as tracking's."""
    import gc

    clustering = importlib.import_module("accord.track.clustering")
    seen: list[bool] = []

    def spying(name: str) -> None:
        original = getattr(clustering, name)

        def spy(*args: object, **kwargs: object) -> object:
            seen.append(gc.isenabled())
            return original(*args, **kwargs)

        monkeypatch.setattr(clustering, name, spy)

    spying("new_links")
    spying("links_within")
    with accord.open(tmp_path / "tracked.db") as db:
        db.ingest(articles(["a01", "a02", "a03", "a04"]))
        db.ingest(articles())  # each ingest updates tracking once
        assert seen == [False, False] and gc.isenabled()
        gc.collect()
        made_before = gc.get_objects()
        found: list[int] = []
        gc.callbacks.append(counting(found))
        try:
            report = track.rebuild(db)
            assert report.links > 0 and seen[2:] == [False] and gc.isenabled()
            gc.collect()
        finally:
            gc.callbacks.pop()
        del made_before
        assert sum(found) == 0
        gc.disable()
        try:
            track.rebuild(db)
            assert seen[3:] == [False] and not gc.isenabled()
        finally:
            gc.enable()


def test_a_reading_is_kept_as_the_json_of_its_fields_copied_deeply(
    tracked: accord.api.Accord,
) -> None:
    """``candidate_json`` reads a reading's flat fields as they are; the text is the one the
    deep copy of ``dataclasses.asdict`` (frozensets sorted) gives, for every kept reading."""
    texts = [
        row[0]
        for row in tracked.connection.execute(
            "SELECT candidate FROM proposal_candidates WHERE candidate IS NOT NULL"
        )
    ]
    assert len(texts) > 20
    for text in texts:
        candidate = proposals_module.candidate_from_json(text)
        copied = dataclasses.asdict(candidate)
        deep = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in copied.items()}
        assert proposals_module.candidate_json(candidate) == text
        assert text == json.dumps(deep, sort_keys=True, separators=(",", ":"))


def tracking_tables(db: accord.api.Accord) -> dict[str, list[tuple]]:
    """Every table tracking writes, row by row in stored order (times left out)."""
    tables = [
        "track_features",
        "track_links",
        "canonical_events",
        "canonical_members",
        "proposal_candidates",
        "proposals",
        "proposal_steps",
        "proposal_evidence",
        "cluster_summaries",
        "cluster_actors",
        "cluster_countries",
    ]
    stored = "SELECT * FROM {} ORDER BY rowid"
    return {
        table: [tuple(row) for row in db.connection.execute(stored.format(table))]
        for table in tables
    }


def test_readings_read_by_an_idle_worker_track_as_readings_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ingest with jobs has its idle worker read the new events' proposal readings while
    this process links their pairs: this process reads none, and every tracking table is the
    one-job ingest's, row for row."""
    read_here: list[int] = []
    reading = proposals_module.new_readings

    def spy(connection: object) -> list:
        found = reading(connection)
        read_here.append(len(found))
        return found

    with accord.open(tmp_path / "one.db") as db:
        db.ingest(articles())
        one_job = tracking_tables(db)
    monkeypatch.setattr(proposals_module, "new_readings", spy)
    with accord.open(tmp_path / "two.db") as db:
        assert db.ingest(articles(), jobs=2).added == len(articles())
        two_jobs = tracking_tables(db)
    accord.api.stop_workers()
    assert not any(read_here), "the worker read them"
    assert len(one_job["proposal_candidates"]) > 20 and one_job["proposal_steps"]
    assert two_jobs == one_job


class StoppedPool:
    """A pool that takes no task (shut down, or broken by a dead worker)."""

    def submit(self, *args: object) -> None:
        raise RuntimeError("cannot schedule new futures after shutdown")


def test_readings_no_worker_can_take_are_read_here(tmp_path: Path) -> None:
    with accord.open(tmp_path / "one.db") as db:
        db.ingest(articles())
        one_job = tracking_tables(db)
    with accord.open(tmp_path / "stopped.db") as db:
        for article in read_sources([Path(path) for path in articles()]):
            assert isinstance(article, Article)
            db.ingest_article(article, track=False)
        track.update(db, helper=StoppedPool())  # type: ignore[arg-type]
        assert tracking_tables(db) == one_job


def test_pairs_linked_with_their_shortcuts_score_and_join_as_compare_and_grouping_do(
    tracked: accord.api.Accord,
) -> None:
    """Pair linking works a linked pair's model terms out once (its probability and its
    reasons' strongest features), reads each event's subjects and sides from the event, a
    pair's distance once, and grouping reads kept scores without a call: every pair of the
    corpus's blocks links with the score and reasons ``compare`` gives from the pair alone,
    the per-event sets are those worked out per pair, and every join grouping could ask about
    is decided as by an ``AverageLinkage`` that scores every pair itself."""
    clustering = importlib.import_module("accord.track.clustering")
    scoring = importlib.import_module("accord.track.scoring")
    ids = [row[0] for row in tracked.connection.execute("SELECT event_id FROM track_features")]
    items = clustering.features_of(tracked.connection, ids)
    by_id = {item.event_id: item for item in items}
    model = scoring.PairModel.default()
    scores: clustering.PairScores = {}
    links = {
        (a, b): (score, why) for a, b, score, why in clustering.links_within(items, model, scores)
    }
    assert len(links) > 20
    for a, b in scores:
        match = scoring.compare(by_id[a], by_id[b], model, blocked=True)
        if (a, b) in links:
            assert match is not None and (match.score, match.reasons) == links[(a, b)]
        else:
            assert match is None or match.score < model.threshold
    for item in items:
        named = item.topics or ({item.topic} if item.topic else set())
        assert item.subjects == set(named)
        assert item.one_sided == (len({key[1] or key[0] for key in item.sources}) <= 1)
    kept = clustering.AverageLinkage(by_id, model, scores)
    fresh = clustering.AverageLinkage(by_id, model)
    clusters = sorted(grouping(tracked), key=sorted)
    asked = 0
    for left in clusters:
        for right in clusters:
            if left != right:
                assert kept(set(left), set(right)) == fresh(set(left), set(right))
                asked += 1
    assert asked > 20 and kept.scores == scores | fresh.scores


def test_the_agreement_pattern_kept_per_actor_text_reads_as_one_compiled_anew(
    tracked: accord.api.Accord,
) -> None:
    """Rule a-place-that-names-the-deal-is-no-party compiles its pattern once per actor text
    (``re``'s shared cache drops them): for every actor of the corpus against every sentence,
    the kept pattern answers as the search it replaced, and a second ask reuses it."""
    rows = tracked.connection.execute(
        "SELECT DISTINCT a.text, e.sentence FROM event_actors a JOIN events e ON e.id = a.event_id"
    ).fetchall()
    texts = sorted({text for text, _ in rows if text})
    sentences = sorted({sentence for _, sentence in rows})
    answers = set()
    for text in texts:
        anew = rf"\b{re.escape(text)}\s+(?:{proposals_module.agreement_words()})s?\b"
        for sentence in sentences:
            kept = proposals_module.names_the_agreement({"text": text}, sentence)
            assert kept == (re.search(anew, sentence, re.I) is not None)
            answers.add(kept)
        assert proposals_module.agreement_named_after(text) is (
            proposals_module.agreement_named_after(text)
        )
    assert len(texts) > 10 and answers


def test_the_author_of_a_proposal_between_others_is_no_party_of_its_acceptance(
    tmp_path: Path,
) -> None:
    """Rule the-author-of-a-proposal-between-others-is-no-party: 'I'm pleased to announce that
    their governments have accepted the United States' proposal to end the devastating
    conflict between Israel and Hezbollah' (the White House, 26 November 2024, coverage tune
    story 21) made the United States, the proposal's author and broker, a party of the
    agreement, as its only step names it; the sides are Israel and Lebanon (Hezbollah)."""
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest([str(TUNE / "lebanon-truce-01-white-house.txt")])
        (agreement,) = (item for item in track.proposals(db) if item.subject == "agreement")
    assert [step.status for step in agreement.steps] == ["accepted"]
    assert set(agreement.participants) == {"ISR", "LBN"}


@pytest.mark.parametrize(
    ("story", "subject", "author"),
    [
        (
            "luanda-summit",
            "summit",
            "AGO",
        ),  # 'accepted on Friday Angola's proposal for a summit with Burundi'
        (
            "thai-border-truce",
            "ceasefire",
            "MYS",
        ),  # 'a Malaysian proposal for a 14-day ceasefire on its border with Cambodia'
        (
            "doha-truce",
            "ceasefire",
            "QAT",
        ),  # 'a Qatari proposal for a 90-day truce with the M23 rebels'
    ],
)
def test_an_author_named_in_the_acceptance_of_a_proposal_between_others_stays_no_party(
    tmp_path: Path, story: str, subject: str, author: str
) -> None:
    """The same form in three proposal stories (tests/corpus_proposals, tune), whose author a
    proposed step already keeps out (a-third-party-proposer-is-no-party): still no party."""
    folder = Path(__file__).parent / "corpus_proposals"
    with accord.open(tmp_path / "accord.db") as db:
        db.ingest(sorted(str(path) for path in folder.glob(f"{story}-*.txt")))
        found = [item for item in track.proposals(db) if item.subject == subject]
    assert found and all(author not in item.participants for item in found)


def test_pairs_of_wire_copies_are_judged_once_and_link_as_each_pair_judged_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wire copy carried by a second outlet gives events of one content (every field but the
    ids) in two articles, and pair linking judges each kind of pair once (``PairsJudged``):
    on the tracking corpus with four of its articles carried again, the links and the scores
    kept for grouping equal those of judging every pair alone, with fewer pairs judged, and
    the update's clusters and proposals are those of a rebuild."""
    clustering = importlib.import_module("accord.track.clustering")
    scoring = importlib.import_module("accord.track.scoring")
    carried = tmp_path / "carried"
    carried.mkdir()
    for path in articles(["a01", "a05", "a06", "a09"]):
        text, meta = Path(path), Path(path.replace(".txt", ".meta.json"))
        fields = json.loads(meta.read_text(encoding="utf-8"))
        fields["url"] += "?carried-by=partner"
        (carried / text.name).write_text(
            text.read_text(encoding="utf-8") + "\nCarried by a partner outlet.\n", "utf-8"
        )
        (carried / meta.name).write_text(json.dumps(fields), "utf-8")
    judge = clustering.judge
    asked: list[tuple[str, str]] = []

    def counted(a: Features, b: Features, model: scoring.PairModel) -> clustering.Judgement:
        asked.append((a.event_id, b.event_id))
        return judge(a, b, model)

    class EachAlone(clustering.PairsJudged):
        def __call__(self, a: Features, b: Features) -> clustering.Judgement:
            return counted(a, b, self.model)

    monkeypatch.setattr(clustering, "judge", counted)
    with accord.open(tmp_path / "carried.db") as db:
        db.ingest([*articles(), str(carried)])
        updated = grouping(db), [(p.id, p.steps) for p in track.proposals(db)]
        ids = [row[0] for row in db.connection.execute("SELECT event_id FROM track_features")]
        items = clustering.features_of(db.connection, ids)
        model = scoring.PairModel.default()
        asked.clear()
        once: clustering.PairScores = {}
        links_once = clustering.links_within(items, model, once)
        judged_once = len(asked)
        asked.clear()
        monkeypatch.setattr(clustering, "PairsJudged", EachAlone)
        alone: clustering.PairScores = {}
        links_alone = clustering.links_within(items, model, alone)
        assert links_once == links_alone and len(links_once) > 20
        assert once == alone
        assert judged_once < len(asked) and len(set(asked)) == len(asked)
        track.rebuild(db)
        assert (grouping(db), [(p.id, p.steps) for p in track.proposals(db)]) == updated


def test_block_queries_kept_for_events_of_the_same_windows_find_what_each_query_finds(
    tracked: accord.api.Accord, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pair linking keeps what each block query found for the next event of the same type and
    windows (the events of one sentence share them): for every event of the tracking corpus,
    the stored events in its blocks are those its own query finds, in the same order, from
    fewer queries."""
    clustering = importlib.import_module("accord.track.clustering")
    query = clustering.block_event_ids
    asked: list[tuple[object, ...]] = []

    def counted(*args: object, **kwargs: object) -> list[str]:
        asked.append(args)
        return query(*args, **kwargs)

    monkeypatch.setattr(clustering, "block_event_ids", counted)
    connection = tracked.connection
    ids = [row[0] for row in connection.execute("SELECT event_id FROM track_features")]
    items = [item for item in clustering.features_of(connection, ids) if item.mergeable]
    decoded = {item.event_id: item for item in items}
    blocks: dict[tuple[str, int, int, int], list[str]] = {}
    kept = [clustering.stored_candidates(connection, item, decoded, blocks) for item in items]
    kept_queries = len(asked)
    asked.clear()
    alone = [clustering.stored_candidates(connection, item, decoded) for item in items]
    assert [[f.event_id for f in found] for found in kept] == [
        [f.event_id for f in found] for found in alone
    ]
    assert sum(map(len, alone)) > 100 and kept_queries < len(asked) == len(items)
