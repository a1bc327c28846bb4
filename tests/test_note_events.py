"""Events of the event notes monitors write, read by the real pipeline from real tune notes
(``tests/event_notes/tune.jsonl``): the protest beside the force that met it (stop 35, nts25)."""

from __future__ import annotations

import pytest

from accord.models import Event
from test_note_dates import labelled_day, note_events


def rules_of(event: Event) -> str:
    return event.evidence.why


@pytest.mark.parametrize(
    ("note_id", "crowd"),
    [
        ("n353", "rally"),  # "Police fired tear gas to disperse a rally of opposition supporters"
        ("n434", "protesters"),  # "fired tear gas to disperse protesters denouncing Israel's war"
    ],
)
def test_a_crowd_force_was_used_to_disperse_was_protesting(note_id: str, crowd: str):
    [protest] = note_events(note_id, "PROTEST")
    assert protest.trigger == crowd
    assert "protest-met-by-force" in rules_of(protest)
    assert note_events(note_id, "ASSAULT")  # the force itself stays an assault
    assert protest.date is not None
    assert protest.date.start == labelled_day(note_id, "PROTEST")


def test_the_protest_force_fell_during_took_place():
    # n415: "Two protesters were killed in police firing during an opposition rally in
    # Gopalganj on 16 July 2024."
    [protest] = note_events("n415", "PROTEST")
    assert protest.trigger == "rally"
    assert "a-protest-force-fell-during" in rules_of(protest)
    assert protest.date is not None and protest.date.start == "2024-07-16"
    assert [source.sector for source in protest.sources] == ["OPP"]
    [killing] = note_events("n415", "ASSAULT")
    assert killing.counts.killed == 2  # the deaths stay with the killing
    assert protest.counts.killed is None


def test_a_march_banned_is_no_protest_met_by_force():
    # n424: "Senegal: the interior ministry on 9 February banned a march called by the
    # opposition in Dakar ...": a gathering is a protest of its own only where force was used
    # to disperse it; a banned march never took place
    assert not note_events("n424", "PROTEST")
    [ban] = note_events("n424", "COERCE")
    assert ban.trigger == "banned"


@pytest.mark.parametrize(
    ("note_id", "killed", "taking"),
    [
        ("n052", 14, "taking"),  # "raided cattle camps ..., killing 14 people and taking ..."
        ("n484", 9, "making"),  # "raided a village ..., killing nine villagers and making off"
        ("n500", 11, "driving"),  # "raided cattle camps ..., killing 11 herders and driving off"
    ],
)
def test_a_raid_told_with_its_killing_keeps_its_dead_and_its_taking(note_id, killed, taking):
    [attack] = note_events(note_id, "ASSAULT")  # one attack: the raid, with the killing in it
    assert attack.trigger == "raided"
    assert "a-raid-told-with-its-killing-is-an-attack" in rules_of(attack)
    assert attack.counts.killed == killed
    [taken] = note_events(note_id, "COERCE")  # the livestock taken: a confiscation of its own
    assert taken.mode == "confiscate" and taken.trigger.startswith(taking)
    assert taken.sources and taken.sources[0].actor_id == attack.sources[0].actor_id


def test_cattle_stolen_beside_an_attack_are_confiscated():
    # n388: "Armed men on motorbikes attacked Tillia ..., killing 4 herders and stealing about
    # 200 cattle."
    [attack] = note_events("n388", "ASSAULT")
    assert attack.counts.killed == 4
    [taken] = note_events("n388", "COERCE")
    assert taken.mode == "confiscate" and taken.trigger.startswith("stealing")


def test_a_raid_told_as_its_looting_is_the_looting():
    # n409: "... after Boko Haram fighters raided Bosso on 9 March 2024, looting shops and
    # livestock." No killing: the raid is told as the taking (COERCE confiscate).
    assert not note_events("n409", "ASSAULT")
    [raid] = note_events("n409", "COERCE")
    assert raid.mode == "confiscate"


@pytest.mark.parametrize(
    ("note_id", "kind", "town"),
    [
        # "Lusaka: ... hacked two opposition UPND supporters to death in Kanyama township"
        # (Kanyama alone: a town of DR Congo)
        ("n566", "ASSAULT", ("Lusaka", "ZMB")),
        # "Honiara: ... set fire to a police station and shops in the Chinatown area" (USA)
        ("n538", "ASSAULT", ("Honiara", "SLB")),
        # "Ziguinchor: police shot dead two supporters ... in the Lyndiane neighbourhood"
        ("n562", "ASSAULT", ("Ziguinchor", "SEN")),
        # "Police detained two journalists in Goma's Birere neighbourhood" (no place before)
        ("n364", "COERCE", ("Goma", "COD")),
    ],
)
def test_a_quarter_is_in_its_town(note_id: str, kind: str, town: tuple[str, str]):
    # rule "a-quarter-is-in-its-town" (accord.resolve.places): the heading or owning town
    events = note_events(note_id, kind)
    assert events
    for event in events:
        assert event.place is not None
        assert (event.place.name, event.place.country, event.place.precision) == (*town, "city")


@pytest.mark.parametrize(
    ("kind", "trigger"),
    [
        # n488: "police fired tear gas and arrested 51 pro-monarchy demonstrators who stormed
        # barricades near the parliament building on Friday"
        ("COERCE", "arrested"),
        ("ASSAULT", "fired"),
    ],
)
def test_one_day_of_the_sentence_dates_its_undated_acts(kind: str, trigger: str):
    [event] = [event for event in note_events("n488", kind) if event.trigger == trigger]
    assert event.date is not None and event.date.start == labelled_day("n488", kind)
    assert "one-day-of-the-sentence" in rules_of(event)


def test_one_day_of_the_sentence_is_not_carried_from_a_past_perfect():
    # n562: "police shot dead two supporters ... who had set up burning barricades in the
    # Lyndiane neighbourhood on Thursday": the day is the past perfect's, told as before
    [event] = [event for event in note_events("n562", "ASSAULT") if event.trigger == "shot"]
    assert "one-day-of-the-sentence" not in rules_of(event)
