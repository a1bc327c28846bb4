"""Ways reporting says diplomatic acts (issue #10's probe of diplomacy sentences), through the
real pipeline, on sentences written for these tests."""

from __future__ import annotations

from accord.ingest import make_article
from accord.models import Event
from accord.nlp import parse
from accord.pipeline import process


def events_of(text: str, published: str = "2025-06-02") -> tuple[Event, ...]:
    return process(parse(make_article(text, published=published))).events


def typed(events: tuple[Event, ...], event_type: str) -> list[Event]:
    return [event for event in events if event.type == event_type]


def kinds(events: tuple[Event, ...]) -> list[str]:
    return [event.type for event in events]


def countries(refs) -> set[str]:
    return {ref.country for ref in refs}


def test_not_hesitating_to_act_is_resolve_not_a_denial():
    """'Would not hesitate to use force' threatens force; the negation falls on the reluctance."""
    [threat] = typed(
        events_of("Turkey would not hesitate to use force against Kurdish fighters in Syria."),
        "THREATEN",
    )
    assert threat.modality not in {"negated", "denied"}
    assert "TUR" in countries(threat.sources)
    [attack] = events_of("Russia did not attack the convoy near Kupiansk on Monday.")
    assert attack.modality == "negated"


def test_coming_to_terms_is_an_agreement():
    [deal] = typed(
        events_of("Egypt and the World Bank came to terms on a $3 billion credit line on Monday."),
        "AGREE",
    )
    assert "EGY" in countries(deal.sources)


def test_balking_at_and_voting_down_are_refusals():
    [balked] = typed(
        events_of("Hungary's prime minister balked at lifting his veto on aid for Ukraine."),
        "REJECT",
    )
    assert "HUN" in countries(balked.sources)
    [voted] = typed(
        events_of("Georgia's parliament voted down an opposition motion on Tuesday."), "REJECT"
    )
    assert "GEO" in countries(voted.sources)


def test_handing_over_a_suspect_is_judicial_cooperation_and_hostages_a_release():
    [handed] = events_of("Turkey handed over two murder suspects to Germany on Thursday.")
    assert handed.type == "COOPERATE"
    assert ("TUR", "DEU") in {
        (source.country, target.country) for source in handed.sources for target in handed.targets
    }
    [freed] = events_of("Hamas handed over four hostages to the Red Cross in Gaza on Saturday.")
    assert (freed.type, freed.mode) == ("RETREAT", "return")


def test_welcoming_a_named_leader_is_hosting_and_welcoming_a_decision_support():
    [hosted] = events_of("Modi welcomed Prabowo to New Delhi on Sunday for two days of talks.")
    assert (hosted.type, hosted.mode) == ("CONSULT", "visit")
    assert "IND" in countries(hosted.sources)
    stances = events_of("Lula welcomed Petro's decision to resume talks with the ELN.")
    assert "SUPPORT" in kinds(stances)
    assert not [e for e in stances if e.mode == "visit"]  # Petro is no guest: his decision is


def test_a_deal_reached_by_its_parties_names_them_and_a_broker_stays_a_mediator():
    [deal] = events_of("A deal on grain exports was reached by Russia and Turkey on Friday.")
    assert deal.type == "AGREE"
    assert {"RUS", "TUR"} <= countries(deal.sources)
    [warning] = typed(
        events_of("A final warning was issued by Azerbaijan to Armenian separatists."),
        "THREATEN",
    )
    assert "AZE" in countries(warning.sources)
    brokered = events_of("A truce brokered by Egypt between Israel and Hamas took effect.")
    assert all("EGY" not in countries(e.sources) for e in typed(brokered, "AGREE"))


def test_vowing_revenge_or_countermeasures_threatens_and_vowing_to_end_one_promises():
    [revenge] = events_of("Hezbollah vowed revenge against Israel for the killing.")
    assert revenge.type == "THREATEN"
    assert "ISR" in countries(revenge.targets)
    [counter] = events_of("Moscow vowed countermeasures against Finland over the fence.")
    assert (counter.type, counter.mode) == ("THREATEN", "restrict")
    [promise] = events_of("Egypt pledged to end the blockade of the Rafah crossing.")
    assert promise.type == "AGREE"


def test_kicking_off_talks_starts_them_and_kicking_a_person_is_force():
    [talks] = events_of("Armenia and Azerbaijan kicked off a new round of talks in Almaty.")
    assert talks.type == "CONSULT"
    assert {"ARM", "AZE"} <= countries(talks.sources)
    [force] = events_of("A soldier kicked a detained man in Bamako, witnesses said.")
    assert force.type == "ASSAULT"


def test_settling_a_dispute_in_idiom_is_an_agreement():
    for text in (
        "Serbia and Croatia buried the hatchet at a summit in Zagreb.",
        "Peru and Chile patched up their differences over the fishing zone.",
        "Kosovo and Serbia reached a breakthrough in the EU-led talks.",
        "Thailand and Cambodia reached a consensus on demining the border.",
    ):
        assert "AGREE" in kinds(events_of(text)), text


def test_branding_someone_is_an_accusation_and_brushing_off_criticism_a_refusal():
    [branded] = events_of("Belarus branded the exiled opposition leader a traitor.")
    assert branded.type == "ACCUSE"
    assert "BLR" in countries(branded.sources)
    assert "REJECT" in kinds(events_of("Israel brushed off the criticism from Brazil."))


def test_pooling_funds_is_cooperation():
    [pooled] = events_of("Italy and Japan pooled research funds to build a jet with Britain.")
    assert pooled.type == "COOPERATE"
    assert {"ITA", "JPN"} <= countries(pooled.sources)
