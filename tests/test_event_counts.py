"""The counts each event carries, by the real pipeline: figures summed over the clauses that
tell them, kept with the event that caused them, and casualty reports joined to their attack.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from accord.ingest import make_article
from accord.models import Counts, Event
from accord.pipeline import extract_article

PUBLISHED = "2024-06-14"


def events_of(text: str) -> list[Event]:
    return list(extract_article(make_article(text, published=PUBLISHED, source="test")).events)


def attacks(text: str) -> list[Event]:
    return [event for event in events_of(text) if event.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # monitors' ways of stating a toll
        ("Boko Haram fighters attacked Gwoza on Monday; 2 fatalities.", Counts(killed=2)),
        ("Boko Haram fighters attacked Gwoza on Monday. Fatalities: 4.", Counts(killed=4)),
        ("Russian artillery shelled Kherson on Monday; 3 killed, 8 injured.", Counts(3, 8)),
        ("Russian artillery shelled Kherson on Monday; 5 dead.", Counts(killed=5)),
        # every death on all sides, from each clause that tells one
        (
            "Al-Shabaab fighters attacked an army base near Jowhar on Monday, killing 6 soldiers; "
            "9 attackers were also killed.",
            Counts(killed=15),
        ),
        (
            "Troops clashed with ISWAP fighters near Monguno on Monday; 3 soldiers and 10 "
            "militants killed.",
            Counts(killed=13),
        ),
        # people told without a number
        ("Gunmen from Boko Haram killed a farmer and his wife near Biu.", Counts(killed=2)),
        ("Boko Haram fighters shot dead a schoolteacher in Biu on Monday.", Counts(killed=1)),
        # a range gives what is sure, a vague amount nothing
        ("Sudanese army jets bombed Nyala, killing between 20 and 25 people.", Counts(killed=20)),
        ("Sudanese army jets bombed Nyala, killing dozens of people.", Counts()),
    ],
)
def test_the_attack_carries_every_figure_stated_for_it(text, expected):
    (attack,) = attacks(text)
    assert attack.counts == expected


def test_a_casualty_report_in_the_next_sentence_fills_the_attack():
    (attack,) = attacks(
        "Israeli drones struck a car near Tyre on Monday. At least 3 people were killed."
    )
    assert attack.counts == Counts(killed=3)
    assert "casualty-report-joins-attack" in attack.evidence.why.rpartition("; rules: ")[2]
    # the evidence is the attack's sentence; the counting sentence is kept as its mention
    assert attack.evidence.sentence == "Israeli drones struck a car near Tyre on Monday."
    [counted] = attack.mentions
    assert counted.sentence == "At least 3 people were killed."
    assert (counted.sentence_index, counted.start) == (1, counted.sentence_start)


def test_a_restated_toll_is_not_added_twice():
    (attack,) = attacks(
        "Boko Haram fighters killed 23 soldiers near Gubio on Monday. 23 fatalities."
    )
    assert attack.counts == Counts(killed=23)


def test_counts_stay_with_the_event_that_caused_them():
    events = events_of(
        "Israeli police fired tear gas at protesters in Jerusalem and arrested 31 of them."
    )
    by_type = {event.type: event.counts for event in events}
    assert by_type["COERCE"] == Counts(detained=31)
    assert by_type.get("ASSAULT", Counts()).detained is None


def test_killings_beside_the_burning_of_houses_are_not_the_burnings_counts():
    for event in attacks("Settlers burned 12 homes in Huwara on Monday; 2 Palestinians killed."):
        if event.mode == "destroy":
            assert event.counts.killed is None


def test_a_described_person_is_no_count_of_its_own():
    (arrest,) = [
        event
        for event in events_of(
            "Myanmar's military arrested two journalists in Naypyidaw while they covered the trial "
            "of a detained party member."
        )
        if event.type == "COERCE"
    ]
    assert arrest.counts == Counts(detained=2)


def test_released_captives_are_counted_with_the_release():
    events = events_of("Israel freed 39 Palestinian women and teenagers on Friday.")
    (release,) = [event for event in events if event.type == "RETREAT"]
    assert release.counts == Counts(prisoners=39)


@pytest.mark.parametrize(
    "text",
    [
        "Unidentified gunmen shot dead two farmers outside Gwoza on Monday.",
        "Militia attacks village in Ituri, kills 5",
        "Armed men opened fire on a bus near Katsina on Monday, killing 7 passengers.",
    ],
)
def test_an_attack_whose_victims_are_counted_stands_without_a_named_attacker(text):
    (attack,) = attacks(text)
    assert attack.counts.killed is not None and attack.counts.killed > 0


def test_wounded_men_among_freed_prisoners_are_no_attack():
    text = (
        "The Ukrainian army said the freed group included fighters captured near Kursk, as "
        "well as 17 wounded men."
    )
    assert attacks(text) == []


def test_a_monitors_report_counts_each_kind_once():
    (attack,) = attacks(
        "Tripoli: clashes between two militias in the Ain Zara district on 14 August 2023; "
        "55 killed and 146 injured."
    )
    assert attack.counts == Counts(killed=55, injured=146)


def test_a_toll_that_rose_to_a_figure_of_dead_is_that_figure() -> None:
    """The number hangs on the word it counts ("risen to 14 dead"), and a toll verb with
    "to ... dead" is no killing of its own (it was read as "put to death": 1 + 1 dead)."""
    from accord.extract.counts import extract_counts
    from accord.nlp import load_nlp

    text = (
        "Officials said on Friday that the toll from the shelling had risen to 17 dead after "
        "a man died in hospital."
    )
    [sentence] = load_nlp()(text).sents
    assert extract_counts(sentence).killed == 17


def test_captives_an_armed_group_frees_are_hostages_and_a_hyphenated_number_is_one():
    # captives-of-armed-groups-are-hostages; "Twenty-four" is 24, not the range 20-4
    [freed] = events_of("Hamas freed twenty-four Israeli soldiers in Gaza City on Saturday.")
    assert (freed.counts.hostages, freed.counts.prisoners) == (24, None)
    [released] = events_of("Israel released 200 Palestinian prisoners on Saturday.")
    assert (released.counts.prisoners, released.counts.hostages) == (200, None)


def test_a_stray_subject_before_a_coordinated_verb_makes_two_releases():
    # the parser hangs "Israel" on "women"; each side's release keeps its own figure
    events = events_of("On Sunday, Hamas freed three women and Israel released 90 prisoners.")
    figures = sorted((e.counts.hostages or 0, e.counts.prisoners or 0) for e in events)
    assert figures == [(0, 90), (3, 0)]


def test_a_figure_its_words_put_in_another_town_is_not_this_events():
    text = (
        "Russian missiles struck Dnipro on Saturday, killing 11 people, and one person was "
        "killed in Kyiv."
    )
    [event] = extract_article(make_article(text, published="2023-01-15")).events
    assert (event.place.name, event.counts.killed) == ("Dnipro", 11)


def test_people_killed_when_a_strike_hit_are_that_strikes_toll_and_targets():
    """ "X were killed when a strike hit ...": one attack, the strike, whose toll and targets
    are the killed (the passive's subject counts as the victims), not a second attack and not
    the state of the place."""
    (attack,) = attacks(
        "At least 25 people were killed when an Israeli airstrike hit a school in Gaza."
    )
    assert (attack.mode, attack.counts) == ("aerial", Counts(killed=25))
    assert [(ref.country, ref.sector) for ref in attack.targets] == [("PSE", "CVL")]
    assert "casualty-report-joins-attack" in attack.evidence.why.rpartition("; rules: ")[2]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # event notes tune n184, n266, n058 (three monitors' notes, three wars)
        ("Russian army shelled Nikopol district with artillery, 1 killed, 3 injured", "UKR"),
        ("Russian FPV drone hit a car in Lyptsi, Kharkiv oblast, 1 man killed", "UKR"),
        (
            "Boko Haram fighters attacked a fishing camp on Lake Chad islands near Bol; "
            "5 fishermen killed",
            "TCD",
        ),
    ],
)
def test_rule_the_attacker_is_not_its_own_victim(text, victims):
    """A casualty report the parser hangs the attacker on ("3 injured" taking "army" as its
    object, "5 fishermen killed" taking "fighters") gives its attack no victims of the
    attacker's side: the counted, or the scene's people, with the scene's country."""
    (attack,) = attacks(text)
    attackers = {ref.actor_id for ref in attack.sources}
    assert attackers
    assert not attackers & {ref.actor_id for ref in attack.targets}
    assert {ref.country for ref in attack.targets} == {victims}
