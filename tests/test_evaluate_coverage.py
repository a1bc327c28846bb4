"""Event recall and strict precision, and the event-notes scorer, on real pipeline output."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from accord import evaluate, evaluate_coverage, evaluate_notes
from records import talks_extraction

CORPUS = Path(__file__).parent / "corpus"


def test_an_article_found_whole_scores_full_recall_and_a_restatement_is_a_duplicate() -> None:
    readings, extractions = evaluate.extract_corpus([CORPUS / "istanbul-talks.expected.json"])
    reading, extraction = readings[0], extractions[0]
    coverage = evaluate_coverage.article_coverage(reading, extraction)
    assert coverage.expected == len(reading["events"]) == coverage.found
    assert coverage.duplicates == 0

    matched = next(
        e for e in extraction.events if evaluate_coverage.reports(reading["events"][0], e)
    )
    restated = dataclasses.replace(matched, id=matched.id + "-again")
    doubled = dataclasses.replace(extraction, events=(*extraction.events, restated))
    worse = evaluate_coverage.article_coverage(reading, doubled)
    assert worse.found == coverage.found
    assert worse.duplicates == 1
    assert worse.extracted == coverage.extracted + 1
    assert worse.precision < coverage.precision


def test_an_also_sentence_matches_a_restatement_and_a_missing_event_lowers_recall() -> None:
    readings, extractions = evaluate.extract_corpus([CORPUS / "istanbul-talks.expected.json"])
    reading, extraction = readings[0], extractions[0]
    first = reading["events"][0]
    moved = {
        **first,
        "sentence": "a sentence the article does not have",
        "also": [first["sentence"]],
    }
    invented = {**first, "id": "X", "sentence": "another sentence it does not have"}
    changed = {**reading, "events": [moved, *reading["events"][1:], invented]}
    coverage = evaluate_coverage.article_coverage(changed, extraction)
    assert coverage.found == len(reading["events"])
    assert coverage.missed == [(first["type"], "another sentence it does not have")]


def test_event_notes_are_scored_on_type_place_date_and_deaths(tmp_path: Path) -> None:
    note = {
        "id": "t1",
        "text": (
            "On 3 May 2025, Russian forces shelled residential areas in Kharkiv, "
            "killing 3 civilians."
        ),
        "published": "2025-05-04",
        "events": [
            {
                "type": "ASSAULT",
                "date": "2025-05-03",
                "place": {"name": "Kharkiv", "country": "UKR", "lat": 49.98, "lon": 36.25},
                "counts": {"killed": 3},
            }
        ],
    }
    quiet = {"id": "t2", "text": "The weather in Lisbon was mild.", "published": None, "events": []}
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in (note, quiet)) + "\n", encoding="utf-8")
    assert evaluate_notes.is_notes_file(path)
    report = evaluate_notes.score_notes([path])
    assert report.notes == 2
    assert (report.any_event.right, report.any_event.checked) == (1, 2)
    assert (report.type.right, report.place.right, report.date.right, report.deaths.right) == (
        1,
        1,
        1,
        1,
    )


def test_a_date_bound_is_never_a_right_day() -> None:
    """ "by 2025-05-16" says the event happened on or before that day, not on it."""
    extraction = talks_extraction()
    swap = extraction.events[1]
    assert swap.date is not None and swap.date.is_bound
    note = evaluate_notes.Note(
        "t3", swap.evidence.sentence, "2025-05-16", ({"type": "AGREE", "date": swap.date.by},)
    )
    report = evaluate_notes.NotesReport()
    evaluate_notes.score_note(report, note, dataclasses.replace(extraction, events=(swap,)))
    assert (report.type.right, report.date.right, report.date.checked) == (1, 0, 1)
    expected = {"id": "E1", "type": "AGREE", "sentence": swap.evidence.sentence}
    (date,) = [
        result
        for result in evaluate.score_events([{**expected, "date": swap.date.by}], [swap])
        if result.field == "date"
    ]
    assert not date.ok and date.got is None


def test_distance_is_great_circle() -> None:
    kyiv_to_kharkiv = evaluate_notes.distance_km(50.45, 30.52, 49.99, 36.23)
    assert 400 < kyiv_to_kharkiv < 420


def test_a_region_without_a_point_is_right_under_any_name_the_gazetteer_gives_it() -> None:
    from accord.models import Event, Evidence, Place

    def event_in(place: Place) -> Event:
        evidence = Evidence(0, 0, 0, "", "")
        return Event("e1", "a", "ASSAULT", None, "asserted", "", evidence, place=place)

    amhara = Place("Amhara", "Amhara", "ETH", 11.5, 38.0, "region")
    iso_name = {"place": {"name": "Amara", "country": "ETH", "precision": "region"}}
    assert evaluate_notes.place_right(iso_name, event_in(amhara))
    other = {"place": {"name": "Tigrai", "country": "ETH", "precision": "region"}}
    assert not evaluate_notes.place_right(other, event_in(amhara))


def test_a_note_event_is_scored_against_the_extracted_event_of_its_mode() -> None:
    """Destruction and a killing in one note are two ASSAULTs; the killing expected is scored
    against the extracted killing, not the destruction told before it."""
    from accord.pipeline import extract_article

    note = evaluate_notes.Note(
        "t4",
        "A missile destroyed 20 homes in Kherson on 3 May 2024 and killed 3 people.",
        "2024-05-03",
        ({"type": "ASSAULT", "mode": "heavy-weapons", "counts": {"killed": 3}},),
    )
    extraction = extract_article(evaluate_notes.note_article(note))
    assert [e.mode for e in extraction.events] == ["destroy", "heavy-weapons"]
    report = evaluate_notes.NotesReport()
    evaluate_notes.score_note(report, note, extraction)
    assert (report.deaths.right, report.deaths.checked) == (1, 1)


def test_a_reading_that_names_an_actor_by_an_alias_means_the_dictionary_record() -> None:
    from accord.ingest import make_article
    from accord.pipeline import extract_article
    from accord.resolve.actors import load_dictionary

    sentence = (
        "Turkish jets struck positions of the People's Protection Units near Kobani on Sunday, "
        "the Turkish defence ministry said."
    )
    extraction = extract_article(make_article(sentence, published="2024-03-04"))
    reading = {
        "events": [
            {
                "id": "E1",
                "sentence": sentence,
                "type": "ASSAULT",
                "sources": ["TUR:MIL"],
                "targets": ["People's Protection Units"],
            }
        ],
        "actors": [{"name": "People's Protection Units", "country": "SYR", "sector": "REB"}],
    }
    by_alias = load_dictionary().by_alias

    def right(scores: list[evaluate.ArticleScore]) -> dict[str, tuple[int, int]]:
        return evaluate.corpus_figures(scores)

    plain = right(evaluate.score_readings([reading], [extraction]))
    aliased = right(evaluate.score_readings([reading], [extraction], by_alias))
    assert plain["targets"] == (0, 1) and plain["actor"] == (0, 1)
    assert aliased["targets"] == (1, 1) and aliased["actor"] == (1, 1)
    assert aliased["actor_country"] == (1, 1) and aliased["actor_sector"] == (1, 1)


def test_each_expected_event_gets_one_reason_by_type() -> None:
    """Misses are told apart (no event in the sentence, another type only, the type's record
    taken) and found records by their first wrong field, so a check fold can be read as totals."""
    readings, extractions = evaluate.extract_corpus([CORPUS / "istanbul-talks.expected.json"])
    reading, extraction = readings[0], extractions[0]
    first = reading["events"][0]
    found = evaluate_coverage.article_coverage(reading, extraction)
    assert sum(sum(c.values()) for c in found.reasons.values()) == len(reading["events"])
    misses = [name for name, _ in evaluate_coverage.MISS_REASONS]
    assert all(c[name] == 0 for c in found.reasons.values() for name in misses)

    other_type = "ASSAULT" if first["type"] != "ASSAULT" else "PROTEST"
    nowhere = {**first, "id": "X1", "sentence": "a sentence the article does not have"}
    retyped = {**first, "id": "X2", "type": other_type}
    denied = {**first, "modality": "denied" if first.get("modality") != "denied" else "asserted"}
    # the same act again, agreeing with the one record less than the first: the record is the
    # first's under the best pairing, and this one's type is taken
    twice = {**denied, "id": "X3", "sources": ["an actor the article does not name"]}
    changed = {**reading, "events": [denied, *reading["events"][1:], nowhere, retyped, twice]}
    coverage = evaluate_coverage.article_coverage(changed, extraction)
    own, other = coverage.reasons[first["type"]], coverage.reasons[other_type]
    assert own["no event"] == 1
    assert own["type taken"] == 1
    assert own["wrong modality"] == 1
    assert other["other type"] == 1
    assert coverage.instead[(other_type, first["type"])] == 1
    table = "\n".join(evaluate_coverage.format_reasons(coverage))
    assert f"{other_type}->{first['type']} 1" in table
    assert coverage.to_dict()["reasons_by_type"][first["type"]]["no event"] == 1


KHARKIV_REPORT = (
    "Russian missiles struck apartment blocks in Kharkiv on Monday, killing three civilians, "
    "regional officials said.\n\n"
    "Ukraine's foreign ministry condemned the strike as a war crime.\n\n"
    "Ukrainian officials said Kyiv would not attack Russian cities.\n\n"
    "Russia annexed Crimea in 2014 and has occupied parts of eastern Ukraine since then.\n\n"
    "Russian troops captured the nearby town of Vovchansk in 2022."
)


def test_each_record_matching_no_expected_event_gets_one_reason_and_its_maker() -> None:
    """Records the reading has no event for are told apart (a restatement of a found event,
    another type in a missed event's sentence or beside found ones, an act not asserted, a
    sentence the reading codes nothing in, with or without its type elsewhere) and counted by
    the rule that made them, so strict precision can be read as totals."""
    from accord.ingest import make_article
    from accord.pipeline import extract_article

    extraction = extract_article(make_article(KHARKIV_REPORT, published="2024-03-04"))
    strike, condemned, not_attack, annexed, captured = KHARKIV_REPORT.split("\n\n")
    reading = {
        "events": [
            {"id": "E1", "type": "ASSAULT", "sentence": strike},
            {"id": "E2", "type": "REQUEST", "sentence": condemned},  # read as ACCUSE
        ]
    }
    coverage = evaluate_coverage.article_coverage(reading, extraction)
    assert (coverage.found, coverage.extracted) == (1, 5)
    reasons = dict(
        zip([sentence for _, sentence in coverage.wrong], coverage.wrong_why, strict=True)
    )
    assert reasons[condemned] == ("misread", "verb-trigger")
    assert reasons[not_attack] == ("not asserted", "verb-trigger")
    assert reasons[annexed] == ("no event", "verb-trigger")
    assert reasons[captured] == ("type elsewhere", "verb-trigger")

    found = next(e for e in extraction.events if e.evidence.sentence == strike)
    again = dataclasses.replace(found, id=found.id + "-again")
    other_act = dataclasses.replace(found, id=found.id + "-other", type="AID")
    more = dataclasses.replace(extraction, events=(*extraction.events, again, other_act))
    worse = evaluate_coverage.article_coverage(reading, more)
    by_reason = worse.extras_by_reason()
    assert by_reason == {
        "duplicate": 1,
        "misread": 1,
        "beside": 1,
        "not asserted": 1,
        "type elsewhere": 1,
        "no event": 1,
    }
    assert worse.duplicates == 1
    assert sum(by_reason.values()) == worse.extracted - worse.found
    assert worse.extras_by_rule()["verb-trigger"] == by_reason
    table = "\n".join(evaluate_coverage.format_extras(worse))
    assert "verb-trigger" in table and "misread" in table
    assert worse.to_dict()["extras_by_reason"]["not asserted"] == 1


def test_the_maker_of_a_record_is_the_first_rule_its_evidence_names() -> None:
    from accord.models import Event, Evidence

    def made(why: str) -> Event:
        return Event("e1", "a", "AID", None, "asserted", "", Evidence(0, 0, 0, "", why))

    assert evaluate_coverage.maker_rule(made("verb 'give'; rules: verb-trigger, x")) == (
        "verb-trigger"
    )
    assert evaluate_coverage.maker_rule(made("aid; rules: model:event_types@1")) == (
        "model:event_types@1"
    )
    assert evaluate_coverage.maker_rule(made("no rules named")) == "unnamed"


def test_direct_quotes_inside_a_reported_clause_are_counted_apart() -> None:
    """Chamisa "told reporters results ... were “fiction”": the word is a direct quote inside a
    reported clause; his "We want proper result to be announced," he added, is a whole quote."""
    article = Path(__file__).parent / "corpus_quotes" / "tune" / "q-voa-zimbabwe-poll-rigged"
    readings, extractions = evaluate.extract_corpus([Path(f"{article}.expected.json")])
    quotes = extractions[0].quotes
    partial = {q.id for q in quotes if q.kind == "partial"}
    texts = {q.text for q in quotes if q.id in partial}
    assert {"fiction", "stolen vote", "closed chapter"} <= texts
    assert "We want proper result to be announced" not in texts
    coverage = evaluate_coverage.article_coverage(readings[0], extractions[0])
    assert coverage.quotes_partial == len(partial)
    assert coverage.to_dict()["direct_quotes_partial"] == len(partial)


NEWS_TUNE = Path(__file__).parent / "corpus_news" / "tune"


def test_events_of_one_type_in_one_sentence_are_paired_with_the_records_they_agree_with() -> None:
    """Nepal's curfew (on civilians) and house arrests (of opposition leaders) are told in one
    sentence; the pipeline makes the arrest's record first. Pairing in reading order gave the
    curfew the arrest's record and both a wrong target; the best pairing gives each its own,
    and a record is scored for one event only."""
    path = NEWS_TUNE / "b-voa-nepal-curfew-opposition-detained.expected.json"
    readings, extractions = evaluate.extract_corpus([path])
    reading, extraction = readings[0], extractions[0]
    curfew, arrests = reading["events"][:2]
    assert curfew["targets"] == ["NPL:CVL"] and arrests["targets"] == ["NPL:OPP"]
    in_sentence = [e for e in extraction.events if evaluate.reports(curfew, e)]
    assert [t.sector for e in in_sentence for t in e.targets] == ["OPP", "CVL"]

    for_curfew, for_arrests = evaluate.paired_events([curfew, arrests], in_sentence)
    assert [t.sector for t in for_curfew.targets] == ["CVL"]
    assert [t.sector for t in for_arrests.targets] == ["OPP"]
    coverage = evaluate_coverage.match_events([curfew, arrests], in_sentence)
    assert coverage.found == 2 and coverage.reasons["COERCE"]["wrong target"] == 0

    curfew_only = [e for e in in_sentence if e.targets[0].sector == "CVL"]
    results = evaluate.score_events([curfew, arrests], curfew_only)
    right = {(r.record, r.field): r.ok for r in results}
    assert right[("E1", "targets")] and right[("E1", "sources")]
    assert not right[("E2", "sources")]  # the one record is the curfew's, not the arrests' too
    assert not right[("E2", "type")]


def test_the_best_assignment_pairs_as_much_weight_as_can_be_and_never_a_forbidden_pair() -> None:
    from accord.assignment import best_assignment

    assert best_assignment([[5, 4], [4, None]]) == [1, 0]  # 8 beats 5 alone
    assert best_assignment([[None, None], [3, None]]) == [None, 0]
    assert best_assignment([[2], [7], [1]]) == [None, 0, None]
    assert best_assignment([]) == []


def test_a_three_letter_name_that_is_no_country_code_is_matched_as_a_name() -> None:
    """Labels name the PKK and M23 by those letters; only a code of the country table stands
    for a country ("TUR" is any Turkish actor), so a side named "PKK" is the group itself."""
    from accord.models import ActorRef

    pkk = ActorRef(actor_id="pkk", name="PKK", text="PKK", country="TUR", sector="REB")
    army = ActorRef(actor_id="tur-army", name="Turkish army", text="army", country="TUR")
    assert evaluate.actor_matches("PKK", pkk)
    assert not evaluate.actor_matches("PKK", army)
    assert evaluate.actor_matches("TUR", army) and evaluate.actor_matches("TUR", pkk)


def test_only_a_code_of_the_country_table_is_a_country():
    """The source and target country figures ask for the countries a label names: "PKK" and
    "M23" are the names of groups (labels in the news corpus use both), not countries, and a
    side that names only such a group has no country to check; "RUS:GOV" names Russia."""
    assert evaluate_coverage.spec_countries(["PKK", "M23", "RUS:GOV", "UKR", "NATO"]) == {
        "RUS",
        "UKR",
    }
    assert evaluate_coverage.side_country_right(["PKK"], []) is None
