"""Actors named by common nouns, headings and datelines (sentences written for these tests, not
taken from any gold file): each test names the rule it checks and asserts on the real pipeline's
output."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.ingest import make_article, read_sources
from accord.models import ActorRef, Article, Event
from accord.nlp import parse
from accord.pipeline import extract_article
from accord.resolve.actors import SCENE_WHY, resolve_mentions


def _mentions(text: str) -> dict[str, tuple[str | None, str | None, str]]:
    """Mention text -> (country, sector, why)."""
    document = parse(make_article(text, published="2024-05-10"))
    return {m.text: (m.actor.country, m.actor.sector, m.why) for m in resolve_mentions(document)}


def _events(text: str) -> list[Event]:
    return list(extract_article(make_article(text, published="2024-05-10")).events)


def _codes(refs: tuple[ActorRef, ...]) -> list[str]:
    return [f"{ref.country}:{ref.sector}" for ref in refs]


# --- rule "scene country" -----------------------------------------------------------------------


def test_unidentified_gunmen_take_the_country_of_the_place_they_act_in():
    (event,) = _events("Unidentified gunmen shot dead two farmers in Maiduguri on Tuesday.")
    assert _codes(event.sources) == ["NGA:UAF"]
    assert _codes(event.targets) == ["NGA:CVL"]


def test_victims_take_the_country_of_the_place_not_of_the_attacker():
    mentions = _mentions("A Russian missile strike on a Ukrainian city killed 12 civilians.")
    assert mentions["12 civilians"] == ("UKR", "CVL", SCENE_WHY)


def test_the_scene_is_the_sentence_place_not_the_first_place_of_the_story():
    text = (
        "Ministers from Kenya and Uganda met in Geneva on Monday.\n"
        "In Nairobi, hundreds of protesters burned tyres outside parliament on Tuesday."
    )
    assert _mentions(text)["protesters"] == ("KEN", "CVL", SCENE_WHY)


def test_a_sentence_without_a_place_takes_the_place_named_just_before():
    text = "Fighting broke out in Goma on Sunday. Residents said the shelling lasted all night."
    assert _mentions(text)["Residents"][:2] == ("COD", "CVL")


def test_an_unnamed_army_stays_with_the_country_of_the_story_when_it_acts_abroad():
    text = "France said on Monday it would send 500 troops to a peacekeeping force in Liberia."
    assert _mentions(text)["500 troops"][:2] == ("FRA", "MIL")


# --- rule "heading" -----------------------------------------------------------------------------


def test_a_heading_place_sets_the_scene_and_is_no_actor():
    text = "Mali: unknown gunmen killed five herders near Mopti on Sunday."
    (event,) = _events(text)
    assert _codes(event.sources) == ["MLI:UAF"]
    assert "Mali" not in _mentions(text)


def test_a_heading_with_a_region_is_split_from_the_report_after_it():
    document = parse(make_article("Kayes region, Mali: armed men abducted a mayor on Friday."))
    assert next(s.text for s in document.doc.sents) == "Kayes region, Mali:"
    assert "Mali" not in _mentions("Kayes region, Mali: armed men abducted a mayor on Friday.")


def test_a_dateline_and_its_agency_are_no_actors():
    text = "BAMAKO (Reuters) - Soldiers arrested two opposition leaders on Thursday."
    mentions = _mentions(text)
    assert "BAMAKO" not in mentions and "Reuters" not in mentions
    (event,) = _events(text)
    assert _codes(event.sources) == ["MLI:MIL"]


def test_an_actor_or_an_act_before_a_colon_is_no_heading():
    assert "Hamas" in _mentions("Hamas: we will not attend the talks in Cairo.")
    document = parse(make_article("Army raid in Gao: two men were arrested on Monday."))
    assert len(list(document.doc.sents)) == 1


# --- unnamed actor nouns (data/actor_nouns.json) ----------------------------------------------


def test_unnamed_armed_men_militants_and_security_forces_get_their_conventional_sectors():
    text = (
        "Armed men abducted 20 passengers near Kaduna on Tuesday. Suspected jihadists killed "
        "12 villagers near Kaduna on Wednesday. Security forces arrested three bandits there."
    )
    mentions = _mentions(text)
    assert mentions["Armed men"][:2] == ("NGA", "UAF")
    assert mentions["Suspected jihadists"][:2] == ("NGA", "REB")
    assert mentions["Security forces"][:2] == ("NGA", "COP")
    assert mentions["three bandits"][:2] == ("NGA", "UAF")


def test_a_sentence_initial_group_noun_the_tagger_took_for_a_name_is_still_an_actor():
    (event,) = _events("Militiamen attacked a camp for displaced people near Bunia on Friday.")
    assert _codes(event.sources) == ["COD:REB"]


def test_a_group_noun_that_only_describes_a_weapon_or_a_titled_name_is_no_actor():
    mentions = _mentions("Fighter jets bombed the rebel-held town of Idlib on Monday.")
    assert not any(sector == "REB" and "jets" in text for text, (_, sector, _) in mentions.items())
    assert "army" not in _mentions("Sudan's army chief Abdel Fattah al-Burhan met the envoy.")


# --- rule "belonging" ---------------------------------------------------------------------------


def test_a_military_base_names_the_military_of_the_country_where_it_stands():
    (event,) = _events("Israeli strikes hit a military airbase near Homs on Sunday.")
    assert _codes(event.sources) == ["ISR:MIL"]
    assert _codes(event.targets) == ["SYR:MIL"]


def test_a_police_station_and_a_commander_name_their_group():
    mentions = _mentions(
        "Gunmen stormed a police station in Peshawar, killing an opposition commander."
    )
    assert mentions["police station"][:2] == ("PAK", "COP")
    assert mentions["opposition commander"][:2] == ("PAK", "OPP")


# --- nationality + weapon ----------------------------------------------------------------------


def test_a_nationality_in_front_of_a_weapon_is_that_countrys_military():
    (event,) = _events("A Turkish drone strike killed two SDF members near Qamishli on Monday.")
    assert _codes(event.sources) == ["TUR:MIL"]


# --- rule "group description" ----------------------------------------------------------------


def test_the_group_points_back_to_the_armed_group_named_before():
    text = "Hezbollah fired rockets at Metula on Monday. The group said it targeted an army post."
    described = [m for m in resolve_mentions(parse(make_article(text))) if m.text == "The group"]
    assert [m.actor.name for m in described] == ["Hezbollah"]


def test_the_militia_points_back_only_to_a_group_of_its_sector():
    text = "The European Union condemned the attack. The militia denied any role in it."
    described = [m for m in resolve_mentions(parse(make_article(text))) if "militia" in m.text]
    assert all(m.actor.name != "European Union" for m in described)


# --- people: rules "title" and "same person" -----------------------------------------------------


def _person(text: str, name: str):
    mentions = resolve_mentions(parse(make_article(text)))
    return [m.actor for m in mentions if m.text == name]


def test_a_country_in_an_apposition_is_the_persons():
    (actor,) = _person("Marta Kos, Slovenia's foreign minister, flew to Brussels.", "Marta Kos")
    assert (actor.country, actor.sector, actor.role) == ("SVN", "GOV", "foreign minister")


def test_a_role_of_a_place_in_front_of_a_name_gives_its_country():
    (actor,) = _person("The mayor of Paris, Anne Hidalgo, opened the session.", "Anne Hidalgo")
    assert (actor.country, actor.sector) == ("FRA", "GOV")


def test_a_nationality_in_an_apposition_and_later_mentions_of_the_surname():
    text = (
        "The paper interviewed Tomas Varga, the Slovak government commissioner for energy. "
        "Varga said the contract was fair."
    )
    assert [(a.country, a.sector) for a in _person(text, "Varga")] == [("SVK", "GOV")]


def test_a_person_placed_at_one_mention_is_placed_at_all():
    text = (
        "Prime Minister Ivan Petrenko offered to resign on Friday. "
        "Petrenko, Moldova's prime minister since 2021, denied the report."
    )
    mentions = resolve_mentions(parse(make_article(text)))
    assert {m.actor.country for m in mentions if "Petrenko" in m.text} == {"MDA"}


def test_a_two_word_nationality_wins_over_its_last_word():
    text = "Washington imposed sanctions on three South Sudanese companies on Monday."
    assert _mentions(text)["three South Sudanese companies"][:2] == ("SSD", "BUS")


# --- rules "sponsor" and "metonym" -------------------------------------------------------------


def test_a_sponsor_or_broker_is_not_the_actor():
    mentions = _mentions("Iran-backed militias fired rockets at a US base in Syria on Monday.")
    assert "Iran" not in mentions
    assert mentions["Iran-backed militias"][:2] == ("SYR", "REB")
    assert "Qatar" not in _mentions("A Qatar-brokered truce took effect in Gaza on Sunday.")


def test_a_capital_is_the_government_unless_it_is_the_place():
    assert _mentions("Moscow expelled two Estonian diplomats on Monday.")["Moscow"][:2] == (
        "RUS",
        "GOV",
    )
    assert "Moscow" not in _mentions("Thousands of people protested in Moscow on Saturday.")


# --- military places -------------------------------------------------------------------------


def test_military_positions_are_the_military_that_holds_them():
    (event,) = _events("Ukrainian forces attacked Russian positions around Sudzha on Tuesday.")
    assert _codes(event.targets) == ["RUS:MIL"]
    assert _mentions("The Kremlin restated the Russian position on the talks.")["Russian"][1] == (
        "GOV"
    )


def test_its_positions_are_the_speakers_not_the_attackers():
    mentions = _mentions("Azerbaijan said Armenian forces fired on its positions on Tuesday.")
    assert mentions["its positions"][:2] == ("AZE", "MIL")


# --- authorities, news outlets, notes that name no country -------------------------------------


def test_authorities_are_those_of_the_place():
    (event,) = [e for e in _events("Authorities in Tunisia arrested 12 students.") if e.sources]
    assert _codes(event.sources) == ["TUN:GOV"]


def test_a_news_outlet_lends_its_country_to_no_one():
    text = "Associated Press is reporting that authorities have arrested 20 monks in Myanmar."
    assert _mentions(text)["authorities"][:2] == ("MMR", "GOV")
    assert _mentions("Rebels seized two towns, according to AFP.")["Rebels"][0] is None


def test_an_unnamed_actor_of_a_text_naming_no_known_place_keeps_its_sector():
    (event,) = _events("Unknown gunmen killed a farmer near the village on Monday.")
    assert [(ref.country, ref.sector) for ref in event.sources] == [(None, "UAF")]


def test_a_note_naming_no_country_takes_the_scene_from_its_bracketed_area():
    text = "On 3 June 2024, bandits stormed Maru town (Maru LGA, Zamfara) on Monday."
    assert _mentions(text)["bandits"][:2] == ("NGA", "UAF")


# --- rule "coalition" ------------------------------------------------------------------------


def test_a_coalition_led_by_a_country_is_that_countrys_military():
    (event,) = _events("The Saudi-led coalition launched air strikes on Sanaa on Monday.")
    assert _codes(event.sources) == ["SAU:MIL"]
    mentions = _mentions("The US-led coalition said it had bombed positions near Raqqa.")
    assert mentions["The US-led coalition"][:2] == ("USA", "MIL")


def test_a_coalition_without_a_leader_is_no_army():
    mentions = _mentions("The ruling coalition in Israel approved the budget on Monday.")
    assert all(sector != "MIL" for _, sector, _ in mentions.values())


# --- businesses ------------------------------------------------------------------------------


def test_a_nationality_in_front_of_a_business_noun_is_that_countrys_business():
    (event,) = _events("Germany on Monday banned Iranian airline Caspian Air from its airports.")
    assert _codes(event.targets) == ["IRN:BUS"]


def test_a_business_descriptor_gives_a_named_company_its_country_and_sector():
    text = "Poland bought Czech rifle and ammunition manufacturer Morava Arms Group on Friday."
    company = [m.actor for m in resolve_mentions(parse(make_article(text))) if "Morava" in m.text]
    assert [(a.country, a.sector) for a in company] == [("CZE", "BUS")]


def test_victims_of_a_foreign_attack_take_the_attacked_place_not_the_attackers_country():
    mentions = _mentions("Russian forces shelled Kharkiv overnight, killing three people.")
    assert mentions["three people"][:2] == ("UKR", "CVL")


def test_an_unconfirmed_name_counts_only_as_itself_and_an_area_is_no_actor():
    text = "On 2 May 2024, gunmen killed 3 farmers outside Kafin town (Kafin LGA, Borno)."
    mentions = _mentions(text)
    assert mentions["gunmen"][0] != "DEU"  # "Borno" is not Borna, Germany
    assert "Kafin LGA" not in mentions


def test_a_heading_name_of_several_words_is_geocoded_whole():
    text = "Cabo Delgado: insurgents beheaded 4 villagers near Mocímboa da Praia on Sunday."
    mentions = _mentions(text)
    assert mentions["insurgents"][:2] == ("MOZ", "REB")
    assert "Mocímboa da Praia" not in mentions  # a place in locative position, not a person


def test_force_as_violence_is_no_army_and_armed_youth_are_militia():
    assert "force" not in _mentions("The leaders threatened to use force in Niger on Monday.")
    text = "Armed youth raided cattle camps near Tonj in South Sudan on Friday."
    assert _mentions(text)["Armed youth"][:2] == ("SSD", "REB")


def test_a_dateline_yields_to_the_place_the_lead_sets_things_in():
    """Rule "the-dateline-is-where-it-was-filed": Syria is covered from Beirut, Yemen from
    Cairo; 'government forces' in a Beirut-datelined report on a truce in Syria are Syria's."""
    text = (
        "BEIRUT (Kestrel) - A nationwide truce in Syria largely held on Tuesday.\n\n"
        "Rebels accused government forces of violating the truce near Aleppo."
    )
    events = extract_article(make_article(text, published="2016-09-13")).events
    (accusation,) = [e for e in events if e.type == "ACCUSE"]
    assert [(ref.country, ref.sector) for ref in accusation.targets] == [("SYR", "MIL")]


def test_a_dateline_still_sets_the_scene_when_the_lead_names_no_place():
    text = "KHARTOUM (Kestrel) - The army attacked rebel positions on Monday, officials said."
    (attack,) = extract_article(make_article(text, published="2023-05-01")).events
    assert [ref.country for ref in (*attack.sources, *attack.targets)] == ["SDN", "SDN"]


def test_a_dateline_abroad_whose_lead_names_two_other_sides_gives_no_one_its_country():
    """Rule "a-dateline-abroad-is-no-side": a Brussels report of an exchange between Armenia
    and Azerbaijan does not make the freed soldiers Belgian."""
    text = (
        "BRUSSELS (Foothill Dispatch) - Twelve soldiers were freed on Friday in the exchange "
        "between Armenia and Azerbaijan, the European Union said."
    )
    (release,) = extract_article(make_article(text, published="2026-06-05")).events
    assert "BEL" not in {ref.country for ref in (*release.sources, *release.targets)}
    assert {ref.country for ref in release.sources} == {"ARM", "AZE"}
    home = "BRUSSELS (Foothill Dispatch) - Police detained 12 protesters outside the parliament."
    events = extract_article(make_article(home, published="2026-06-05")).events
    (arrest,) = [e for e in events if e.type == "COERCE"]
    assert {ref.country for ref in (*arrest.sources, *arrest.targets)} == {"BEL"}


def test_a_dateline_country_named_only_as_the_voice_or_the_host_sets_no_scene():
    """Rule "a-voice-or-a-host-is-no-setting": an Algiers report that the rebels of Mali agreed
    to extend a truce, 'Algeria said', makes the rebels Malian, not Algerian."""
    text = (
        "ALGIERS (Harbour Wire) - Mali's government and the Tuareg rebels agreed on Wednesday to "
        "extend their truce by 30 days, Algeria said."
    )
    events = extract_article(make_article(text, published="2026-09-09")).events
    (agreement,) = [e for e in events if e.type == "AGREE"]
    assert {ref.country for ref in agreement.sources} == {"MLI"}


# --- CAMEO agent nouns (data/actor_nouns.json, rule "scene country") ----------------------------


@pytest.mark.parametrize(
    ("text", "side", "code"),
    [
        # REL: clergy (tests/diplomacy_sentences/set3-unnamed-actors.txt)
        (
            "Senior clerics in Qom condemned the president's decision to reopen talks with "
            "Washington.",
            "sources",
            "IRN:REL",
        ),
        (
            "Gunmen shot dead a priest in the north-eastern town of Maiduguri on Sunday.",
            "targets",
            "NGA:REL",
        ),
        # JUD-like: prosecutors are coded GOV, as the news readings code a prosecutor
        (
            "Prosecutors in Seoul charged the former defence minister with abuse of power on "
            "Thursday.",
            "sources",
            "KOR:GOV",
        ),
        # EDU, LAB, AGR, REF: civilians
        (
            "University lecturers in Lagos went on strike over unpaid allowances.",
            "sources",
            "NGA:CVL",
        ),
        ("Gunmen killed 12 herdsmen in Benue state overnight, police said.", "targets", "NGA:CVL"),
        # JRN: media
        (
            "Police arrested a photographer and a cameraman filming the rally in Harare.",
            "targets",
            "ZWE:MED",
        ),
        # BUS
        (
            "Merchants in Tehran's Grand Bazaar went on strike over the plunging rial.",
            "sources",
            "IRN:BUS",
        ),
    ],
)
def test_cameo_agent_nouns_name_a_group_of_the_scene(text, side, code):
    """The CAMEO agent codebook's people (clergy, prosecutors, lecturers, herdsmen,
    photographers, merchants) named by a common noun are a group of the scene's country in
    accord's sectors; before, the sentence lost its actor (and with no other, its event)."""
    events = _events(text)
    assert events
    assert code in {c for event in events for c in _codes(getattr(event, side))}


def test_a_nationality_before_a_clergy_noun_makes_that_countrys_clergy():
    mentions = _mentions("Iraqi clerics and Somali pirates were named in the report.")
    assert mentions["Iraqi clerics"][:2] == ("IRQ", "REL")
    assert mentions["Somali pirates"][:2] == ("SOM", "UAF")


def test_tibetan_monks_in_a_voa_report_are_chinese_clergy():
    """VOA, Lhasa (b-voa-china-detains-tibetan-protesters-lhasa): "armed Chinese police have
    fired tear gas at monks" falls on Chinese clergy (CAMEO REL), as its reading codes it."""
    path = Path(__file__).parent / "corpus_news" / "tune"
    [article] = [
        a
        for a in read_sources([path / "b-voa-china-detains-tibetan-protesters-lhasa.txt"])
        if isinstance(a, Article)
    ]
    events = extract_article(article).events
    fired = [e for e in events if "fired tear gas at monks" in e.evidence.sentence]
    assert fired and "CHN:REL" in {c for e in fired for c in _codes(e.targets)}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted two teenagers on their way to school in Zamfara.",
        (
            "Militants killed a mother of three and her two sons in a raid on a village in "
            "Borno state."
        ),
    ],
)
def test_victims_named_by_age_or_kinship_are_civilians_of_the_scene(text):
    """Teenagers, and a mother and her sons, hit in an attack are the scene's civilians (data
    actor_nouns.json: "teenager" an unnamed noun, kinship nouns civilians in the nationality
    table that rule "the-people-hit-are-the-places-people" reads), not its state
    (tests/diplomacy_sentences/set3-unnamed-actors.txt)."""
    (attack,) = _events(text)
    assert _codes(attack.targets) == ["NGA:CVL"]
