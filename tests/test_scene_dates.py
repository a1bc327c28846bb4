"""The date of each event in an article, by the real pipeline: its own sentence, the scene its
paragraph set, the publication date as a bound (or as the day of a dispatch), and the rules
that keep a date from the wrong clause. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from accord.ingest import make_article
from accord.models import Event
from accord.pipeline import extract_article
from records import tune_article_events

PUBLISHED = "2024-06-14"  # a Friday


def events_of(text: str, published: str | None = PUBLISHED) -> list[Event]:
    return list(extract_article(make_article(text, published=published, source="test")).events)


def only(events: list[Event], trigger: str) -> Event:
    found = [event for event in events if event.trigger == trigger]
    assert len(found) == 1, [(event.trigger, event.type) for event in events]
    return found[0]


def day(event: Event) -> str | None:
    return event.date.start if event.date else None


# -- the bound, and the day of a dispatch ------------------------------------------------------

ARTICLE = (
    "Ukrainian drones struck an oil depot in Russia's Bryansk region on Wednesday, the "
    "regional governor said.\n\n"
    "Ukraine has not commented on the attack.\n\n"
    "Russian troops captured the village of Ocheretyne earlier in the war.\n\n"
    "Russia will hold talks with China about the war next month, a Kremlin aide said."
)


def test_an_act_its_article_does_not_date_happened_by_the_publication_date():
    events = events_of(ARTICLE)
    captured = only(events, "captured")
    assert captured.date is not None and captured.date.is_bound
    assert (captured.date.start, captured.date.by) == (None, PUBLISHED)
    assert captured.date.shown() == "by 2024-06-14"
    assert "reported-by" in captured.evidence.why


def test_an_act_not_reported_as_done_gets_no_bound():
    events = events_of(ARTICLE)
    talks = [event for event in events if event.modality == "future"]
    assert talks and all(event.date is None or not event.date.is_bound for event in talks)


def test_a_dispatch_that_states_no_date_reports_the_day_it_is_published():
    (strike,) = events_of("Russian artillery shelled Kupiansk, killing 2 civilians.")
    assert (day(strike), strike.date.precision) == (PUBLISHED, "day")
    assert "dispatch-day" in strike.evidence.why


def test_a_deadline_is_no_date_of_a_dispatch():
    # a deadline ("by 30 June") or the edge of a period dates no act: still a dispatch
    (order,) = events_of(
        "Kenya: the interior ministry ordered all unregistered refugees to leave the Dadaab "
        "camps by 30 June or face arrest."
    )
    assert (day(order), order.date.precision) == (PUBLISHED, "day")
    assert "dispatch-day" in order.evidence.why


def test_a_short_text_that_states_a_date_is_no_dispatch_of_the_day():
    events = events_of(
        "Israeli troops raided Jenin on 10 June 2024. Israeli police arrested 4 Palestinians "
        "in Hebron, the army has said."
    )
    assert day(only(events, "raided")) == "2024-06-10"
    assert all(day(event) != PUBLISHED for event in events)


# -- the lead's news ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lead, trigger",
    [
        ("Rebels in eastern Congo have freed 14 aid workers they seized in a raid.", "freed"),
        (
            "The Guinean junta has imposed a curfew on Conakry and put two opposition leaders "
            "under house arrest.",
            "put",
        ),
        (
            "Hundreds of protesters have been dispersed by riot police in central Tbilisi.",
            "dispersed",
        ),
        (
            "Malian officials say at least 31 villagers were killed in an attack in the Mopti "
            "region.",
            "killed",
        ),
    ],
)
def test_an_undated_lead_told_as_just_done_is_the_days_news(lead, trigger):
    # rule the-lead-is-the-day's-news: wire leads tell the day's news in the present perfect
    (event,) = [event for event in events_of(lead) if event.trigger == trigger]
    assert (day(event), event.date.precision) == (PUBLISHED, "day")
    assert "the-lead-is-the-day's-news" in event.evidence.why


def test_the_body_told_in_the_past_goes_on_from_the_leads_day():
    events = events_of(
        "Riot police have dispersed a march of opposition supporters in Minsk. Police "
        "arrested some 200 marchers as they tried to reach the main square.\n\n"
        "The opposition has called for new protests."
    )
    assert day(only(events, "arrested")) == PUBLISHED
    assert "scene-date" in only(events, "arrested").evidence.why


STATEMENT = (
    "The European Union condemns the attack on the UN compound in Kidal.\n\n"
    "We call on all armed groups to respect the ceasefire. We urge the transitional "
    "authorities to investigate the attack."
)


@pytest.mark.parametrize("trigger", ["condemns", "call", "urge"])
def test_a_statement_speaks_on_the_day_it_is_published(trigger):
    # rule a-statement-speaks-on-its-day: a statement opening in the simple present does
    # what it says as it is issued
    event = only(events_of(STATEMENT), trigger)
    assert (day(event), event.date.precision) == (PUBLISHED, "day")
    assert "a-statement-speaks-on-its-day" in event.evidence.why


@pytest.mark.parametrize(
    "text",
    [
        # a report in the present is no statement
        "Rebels say they have seized the town of Kidal.\n\n"
        "We call on all armed groups to respect the ceasefire, the mediator said.",
        # nor is a story told in the past
        "The army shelled rebel positions near Kidal.\n\n"
        "We call on all armed groups to respect the ceasefire, the mediator said.",
        # a thing's state told in the present copula opens a report, not a statement
        "The situation in Kidal is tense.\n\nWe call on all armed groups to respect the "
        "ceasefire, the mediator said.",
        # a speaker's stance told in the past opens a report
        "The European Union was deeply concerned by the attack on the UN compound in "
        "Kidal.\n\nWe call on all armed groups to respect the ceasefire, the mediator said.",
    ],
)
def test_only_a_statement_speaks_on_its_day(text):
    event = only(events_of(text), "call")
    assert "a-statement-speaks-on-its-day" not in event.evidence.why
    assert event.date.is_bound


@pytest.mark.parametrize(
    "slug, trigger, published, kind",
    [
        # a-statement-opens-with-its-stance: the lead "The United States is deeply concerned
        # by the recent violence in Honiara" opens the statement; "We thank", "We call on"
        ("b-state-solomon-islands-honiara-violence", "thank", "2021-11-26", "SUPPORT"),
        ("b-state-solomon-islands-honiara-violence", "call", "2021-11-26", "REQUEST"),
        # a-conjunct-speaks-as-its-head: "We extend our deepest sympathies ... and condemn in
        # the strongest terms this terrorist attack" ("condemn" is tagged VB)
        ("b-whitehouse-tunisia-bardo-museum-attack", "condemn", "2015-03-18", "ACCUSE"),
        # a-statement-act-is-not-the-day-it-names: "The United States welcomes the return to
        # Juba yesterday of representatives of the SPLM-IO": the welcome is today's
        ("b-state-south-sudan-opposition-returns-juba", "welcomes", "2015-12-22", "SUPPORT"),
    ],
)
def test_a_statement_is_seen_by_its_stance_and_its_conjuncts(slug, trigger, published, kind):
    event = only([e for e in tune_article_events(slug) if e.type == kind], trigger)
    assert (day(event), event.date.precision) == (published, "day")
    assert "a-statement-speaks-on-its-day" in event.evidence.why


@pytest.mark.parametrize(
    "lead, trigger, kept",
    [
        (
            "The UN says five aid workers who were abducted in South Sudan last month have "
            "been released.",
            "released",
            "abducted",
        ),
        (
            "Two journalists who were detained in Minsk on Monday have been freed, their "
            "employer says.",
            "freed",
            "detained",
        ),
    ],
)
def test_a_date_closing_a_relative_clause_is_that_clauses(lead, trigger, kept):
    # rule a-date-closes-its-relative-clause: the parser hangs "last month" on "released";
    # the relative clause's act keeps it, and the lead's act is the day's news
    events = events_of(lead)
    freed = only(events, trigger)
    assert (day(freed), freed.date.precision) == (PUBLISHED, "day")
    assert "the-lead-is-the-day's-news" in freed.evidence.why
    assert day(only(events, kept)) < PUBLISHED


def test_a_relative_clause_on_the_acts_own_word_dates_the_act():
    # "which took effect on Monday" tells the truce itself: its date is the truce's
    events = events_of(
        "Army and rebel commanders met in Goma on Thursday.\n\n"
        "The truce, which took effect on Monday, has largely held."
    )
    truce = next(e for e in events if e.trigger == "truce")
    assert day(truce) == "2024-06-10"


@pytest.mark.parametrize(
    "text, trigger",
    [
        # a dated lead keeps its own date
        ("Rebels have freed 14 aid workers on Wednesday, the Red Cross said.", "freed"),
        # the perfect in the body is no lead: a bound
        ("Clashes broke out in Goma on Monday.\n\nThe army has arrested 30 rebels.", "arrested"),
        # the past perfect tells an earlier act
        ("The government said it had released 200 detainees.", "released"),
    ],
)
def test_only_an_undated_lead_in_the_perfect_takes_the_publication_day(text, trigger):
    event = only(events_of(text), trigger)
    assert "the-lead-is-the-day's-news" not in event.evidence.why


# -- scenes -----------------------------------------------------------------------------------


def test_a_paragraph_told_in_the_past_keeps_its_date():
    events = events_of(
        "Sudanese army jets bombed a market in Nyala on Tuesday. The RSF shelled El Fasher in "
        "response.\n\nSudan's army has blamed the RSF for the war."
    )
    assert day(only(events, "shelled")) == "2024-06-11"
    assert "scene-date: date from sentence 0" in only(events, "shelled").evidence.why


def test_a_clause_in_the_present_perfect_does_not_take_the_scene_date():
    events = events_of(
        "Sudanese army jets bombed a market in Nyala on Tuesday. The RSF has shelled El Fasher "
        "for weeks."
    )
    shelled = only(events, "shelled")
    assert day(shelled) is None


def test_one_sentence_paragraphs_of_one_scene_keep_its_day():
    events = events_of(
        "Israeli police detained 12 protesters in Jerusalem on Thursday.\n\n"
        "Israeli police also arrested two journalists during the operation, the police said.\n\n"
        '"We will keep protesting," an organiser says.\n\n'
        "Israeli police arrested a rabbi at the rally."
    )
    assert day(only(events, "detained")) == "2024-06-13"
    arrested = [event for event in events if event.trigger == "arrested"]
    assert [day(event) for event in arrested] == ["2024-06-13", None]
    assert "scene-runs-on" in arrested[0].evidence.why


def test_a_year_sets_no_scene_beyond_its_paragraph():
    events = events_of(
        "A war in 2020 killed more than 6,000 people.\n\n"
        "Armenia accused Azerbaijan of shelling its villages."
    )
    assert day(only(events, "accused")) is None


def test_a_day_counted_from_the_scene():
    events = events_of(
        "Egypt's foreign minister met his Greek counterpart in Cairo on Monday.\n\n"
        "In a statement issued the following day, Turkey condemned the meeting."
    )
    assert day(only(events, "condemned")) == "2024-06-11"
    assert "scene-relative" in only(events, "condemned").evidence.why


def test_an_act_a_day_before_the_dated_one():
    events = events_of(
        "The Afghan government released 100 Taliban prisoners on Thursday, a day after "
        "freeing 100 others."
    )
    assert day(only(events, "released")) == "2024-06-13"
    freeing = only(events, "freeing")
    assert day(freeing) == "2024-06-12" and "a-day-after" in freeing.evidence.why


def test_an_act_measured_from_a_plan_is_measured_from_its_telling():
    # rule a-measure-from-a-plan-runs-from-its-telling: the plan's day is ahead; the week
    # runs back from Thursday, when it was said
    events = events_of(
        "The Serbian president said on Thursday that the talks would resume in Brussels on "
        "June 24, a week after he walked out of them."
    )
    walkout = only(events, "walked")
    assert day(walkout) == "2024-06-06" and "a-day-after" in walkout.evidence.why


# -- dates that belong to another clause or thing ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The European Union condemned Moscow's 2022 invasion of Ukraine.", "condemned"),
        ("France condemned the 2015 attack again in a long statement.", "condemned"),
        ("Rwanda, which was invaded in 1990, accused Uganda of arming the rebels.", "accused"),
        ("Iran said on Saturday that it had shot down the airliner.", "shot"),
    ],
)
def test_a_date_of_a_participant_or_an_earlier_act_is_not_the_events(text, trigger):
    event = only(events_of(text), trigger)
    assert day(event) is None


def test_a_date_the_parser_hangs_on_a_thing_dates_the_clause():
    events = events_of(
        "Nigerian soldiers arrested 31 people protesting fuel prices in Kano on 1 June 2024. "
        "Israel will evacuate its settlements in the north in mid-August."
    )
    assert day(only(events, "arrested")) == "2024-06-01"
    evacuate = only(events, "evacuate")
    assert (day(evacuate), evacuate.date.precision) == ("2024-08-01", "month")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a-conjunct's-date-is-its-own does not split an elliptical tally of one attack
        (
            "Twelve soldiers were killed and 20 wounded when militants stormed a base near Gao on "
            "Sunday.",
            "2024-06-09",
        ),
        (
            "Five policemen were killed and two wounded when gunmen attacked their checkpoint "
            "in Zamfara on Tuesday.",
            "2024-06-11",
        ),
    ],
)
def test_the_day_of_a_when_clause_on_a_tally_dates_the_attack(text, expected):
    assert day(only(events_of(text), "killed")) == expected


# -- tense and the calendar ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia will hold talks with Ukraine in August.", "2024-08-01"),  # the coming August
        ("Russia held talks with Ukraine in August.", "2023-08-01"),  # the last one
        ("Russia will hold talks with Ukraine on Monday.", "2024-06-17"),
        ("Russia held talks with Ukraine on Monday.", "2024-06-10"),
    ],
)
def test_a_date_without_its_year_looks_ahead_or_back_with_the_tense(text, expected):
    # talks to come are coded as an intent to meet (AGREE, future), held talks as CONSULT
    talks = [event for event in events_of(text) if event.type in {"CONSULT", "AGREE"}]
    assert talks and all(day(event) == expected for event in talks)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "On July 1, the army dismissed the government and arrested 12 ministers.",
            "arrested",
            "2023-07-01",
        ),
        ("Police arrested 40 protesters in Lagos on June 30.", "arrested", "2023-06-30"),
        (
            "Police will arrest opposition leaders on June 30, the governor warned.",
            "arrest",
            "2024-06-30",
        ),
    ],
)
def test_a_day_weeks_ahead_told_in_the_past_is_last_years(text, trigger, expected):
    # a-past-act-is-before-its-report: what was done is told after it, so a day some weeks
    # after the publication day (14 June) in a past clause is last year's; a plan's is ahead
    assert day(only(events_of(text), trigger)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 June 2024, Boko Haram fighters killed 4 farmers near Konduga.", "2024-06-03"),
        ("Boko Haram fighters killed 4 farmers near Konduga, 3 June 2024; 2 fled.", "2024-06-03"),
        ("Konduga (Borno), 3 June 2024: Boko Haram fighters killed 4 farmers.", "2024-06-03"),
        ("Boko Haram fighters killed 4 farmers near Konduga on 13/05/2024.", "2024-05-13"),
    ],
)
def test_the_date_formats_of_monitors(text, expected):
    (killed,) = [event for event in events_of(text) if event.type == "ASSAULT"]
    assert (day(killed), killed.date.precision) == (expected, "day")


def test_a_clause_that_codes_no_event_still_sets_the_scene():
    events = events_of(
        "A drone struck a car in Baghdad on 7 February 2024, killing a militia commander; the "
        "United States said it carried out the strike."
    )
    # the strike the United States says it carried out is the drone strike told before the
    # semicolon: one event, its source the United States, its day the scene's
    (strike,) = [event for event in events if event.type == "ASSAULT"]
    assert day(strike) == "2024-02-07"
    assert [source.country for source in strike.sources] == ["USA"]


def test_a_monitors_report_is_dated_by_the_happening_it_heads():
    events = events_of(
        "Tripoli: clashes between two militias in the Ain Zara district on 14 August 2023; "
        "55 killed and 146 injured."
    )
    (attack,) = [event for event in events if event.type == "ASSAULT"]
    assert day(attack) == "2023-08-14"


# -- a-day-after, measured from a scene date -----------------------------------------------------


def test_an_act_told_days_after_another_is_measured_back_from_the_scene():
    # the visit takes Wednesday (12 June) from the scene; the strike came four days before it
    events = events_of(
        "A Russian missile struck the port of Odesa on Wednesday during a visit by the "
        "president. The visit came four days after a Russian drone hit an apartment block in "
        "the city, killing 12 people."
    )
    assert day(only(events, "struck")) == "2024-06-12"
    strike = only(events, "hit")
    assert day(strike) == "2024-06-08"
    assert "a-day-after" in strike.evidence.why


def test_an_act_told_some_days_after_another_takes_no_scene_date():
    events = events_of(
        "A Russian missile struck the port of Odesa on Wednesday. The strike came days after "
        "a Russian drone hit an apartment block in the city."
    )
    assert day(only(events, "hit")) is None


@pytest.mark.parametrize(
    ("slug", "trigger", "expected"),
    [
        # VOA, 1 August 2017: "The arrests ... came one day after the United States ordered
        # sanctions", the arrests dated Tuesday (1 August) by the lead, a paragraph before
        ("a-voa-venezuela-opposition-leaders-arrested", "ordered", "2017-07-31"),
        # VOA, 20 October 2011: "Thursday's confrontation comes one day after Serb leaders
        # met and refused NATO's request": the day is on the news itself
        ("a-voa-nato-kosovo-serb-barricades", "refused", "2011-10-19"),
    ],
)
def test_rule_came_a_day_after_the_news(slug: str, trigger: str, expected: str) -> None:
    event = only(tune_article_events(slug), trigger)
    assert day(event) == expected and event.date.precision == "day"
    assert "came-a-day-after-the-news" in event.evidence.why


def test_the_day_before_the_news_sets_no_scene_for_what_follows():
    # kosovo: Tadic's appeal, told after "comes one day after Serb leaders ... refused", is not
    # dated to the day of the refusal (the article does not say when he made it)
    events = tune_article_events("a-voa-nato-kosovo-serb-barricades")
    assert day(only(events, "refused")) == "2011-10-19"
    assert day(only(events, "encouraged")) != "2011-10-19"


def test_it_came_a_day_after_takes_the_day_the_lead_gave_its_act():
    events = events_of(
        "A bomb killed 21 people at a market in Islamabad on Wednesday, police said.\n\n"
        "No group has claimed the bombing.\n\n"
        "It came a day after gunmen attacked a bus in Quetta."
    )
    attack = only(events, "attacked")
    assert day(attack) == "2024-06-11"
    assert "came-a-day-after-the-news" in attack.evidence.why


def test_news_that_came_days_after_an_act_does_not_date_it():
    events = events_of(
        "A bomb killed 21 people at a market in Islamabad on Wednesday, police said.\n\n"
        "No group has claimed the bombing.\n\n"
        "It came days after gunmen attacked a bus in Quetta."
    )
    assert day(only(events, "attacked")) is None


def test_a_person_who_came_a_day_after_an_act_is_no_news_to_date_it_by():
    events = events_of(
        "A bomb killed 21 people at a market in Islamabad on Wednesday, police said.\n\n"
        "No group has claimed the bombing.\n\n"
        "Police came a day after gunmen attacked a bus in Quetta."
    )
    assert day(only(events, "attacked")) is None


@pytest.mark.parametrize(
    ("slug", "trigger", "expected"),
    [
        # Wikinews, 11 January 2020: the ministers met in Cairo on Wednesday (8 January), "called
        # on Turkey to halt ... and deemed that the agreement ... goes against" resolution 2259
        ("a-wn-cairo-summit-turkey-libya-deal", "goes", "2020-01-08"),
        # VOA, 22 October 2006: "al-Jazeera broadcast an interview Saturday with ... Alberto
        # Fernandez ..., who said the United States had shown 'arrogance'"
        ("b-voa-baquba-police-recruits-ambush", "shown", "2006-10-21"),
    ],
)
def test_rule_a_stance_is_dated_by_its_telling(slug: str, trigger: str, expected: str) -> None:
    stance = only([e for e in tune_article_events(slug) if e.type == "ACCUSE"], trigger)
    assert day(stance) == expected and stance.date.precision == "day"
    assert "a-stance-is-dated-by-its-telling" in stance.evidence.why


def test_a_relative_day_on_the_acts_own_clause_counts_from_the_governing_clause():
    # "the day before" is the strike's (Thursday 13 June), "on Friday" the graves' digging; the
    # next act, "hours earlier", still counts from Friday
    events = events_of(
        "Residents began digging graves on Friday for the 52 people killed when a missile "
        "destroyed the village cafe the day before. Hours earlier, a missile strike on Kharkiv "
        "killed a boy."
    )
    assert day(only(events, "killed")) == "2024-06-13"
    assert day(only(events, "strike")) == "2024-06-14"


# -- that-day: the day the text named last -------------------------------------------------------


def test_that_day_is_the_day_named_last_even_as_a_period_edge():
    events = events_of(
        "Russia launched a wave of missiles across Ukraine on Thursday, killing 11 people. It was "
        "the first barrage since January 14. That day a missile destroyed part of a building in "
        "Dnipro and killed 46 people."
    )
    assert day(only(events, "launched")) == "2024-06-13"
    assert day(only(events, "destroyed")) == "2024-01-14"


def test_later_that_night_is_the_day_of_the_possessive_before_it():
    events = events_of(
        "Putin greeted the prisoners freed in Wednesday's exchange at the airport, and later "
        "that night he promised them state awards."
    )
    assert day(only(events, "promised")) == "2024-06-12"


def test_an_act_under_way_when_reported_takes_the_reports_day():
    # under-way-when-said: "is ending" happens as it is said
    [ending] = events_of("Russia said on Monday it is ending its participation in the grain deal.")
    assert (ending.type, day(ending)) == ("SANCTION", "2024-06-10")


def test_the_day_a_toll_rose_does_not_date_the_attack_told_inside_it():
    # a-toll-dates-itself: the strike is Saturday (8 June), the toll rose on Sunday
    events = events_of(
        "A Russian missile struck an apartment block in Dnipro on Saturday, killing 12 people.\n\n"
        "The number of people killed when a Russian missile destroyed part of the block rose "
        "to 30 on Sunday, officials said."
    )
    assert day(only(events, "struck")) == "2024-06-08"
    destroyed = only(events, "destroyed")
    assert (day(destroyed), destroyed.date.precision) == (None, "reported")  # a bound, no day


def test_the_leads_own_date_runs_on_though_the_lead_codes_no_event():
    # The lead codes no event (a speech); the body goes on telling that day in the past.
    events = events_of(
        "On Tuesday, Kenya's foreign minister outlined the government's plans for the region "
        "at a conference in Nairobi.\n\n"
        "He also criticised Somalia's maritime claims, calling them unlawful."
    )
    criticised = only(events, "criticised")
    assert day(criticised) == "2024-06-11"
    assert "scene-runs-on" in criticised.evidence.why


def test_a_clause_of_the_body_that_codes_no_event_sets_no_scene_beyond_its_paragraph():
    # Only the lead's own clause runs on: a later paragraph's clause stays in its paragraph.
    events = events_of(
        "Kenya's foreign minister spoke about the region at a conference in Nairobi.\n\n"
        "On Tuesday, the minister outlined the government's plans.\n\n"
        "He also criticised Somalia's maritime claims, calling them unlawful."
    )
    assert day(only(events, "criticised")) is None


def test_an_act_an_announcement_tells_as_done_takes_the_announcements_day():
    events = events_of(
        "The Nigerian army announced on Wednesday that it had freed 40 hostages held by "
        "bandits in Zamfara."
    )
    assert day(only(events, "freed")) == "2024-06-12"


def test_an_admitted_earlier_act_does_not_take_the_day_of_the_admission():
    events = events_of(
        "The Nigerian army acknowledged on Wednesday that its jets had bombed a village in "
        "Kaduna by mistake."
    )
    assert day(only(events, "bombed")) != "2024-06-12"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Hours after the truce took effect on Tuesday, militants shelled the town of "
            "Kadugli, residents said.",
            "shelled",
            "2024-06-11",
        ),
        (
            "Two days after talks collapsed on Monday, JNIM fighters attacked an army post "
            "near Gao.",
            "attacked",
            "2024-06-12",
        ),
    ],
)
def test_rule_measured_from_a_dated_clause(text, trigger, expected):
    assert day(only(events_of(text), trigger)) == expected


def test_an_act_some_days_from_a_dated_clause_takes_no_day():
    events = events_of(
        "Days after talks collapsed on Monday, JNIM fighters attacked a post near Gao."
    )
    assert day(only(events, "attacked")) is None


def test_a_spell_of_weekdays_dates_the_clash_from_its_first_day():
    events = events_of("Rebels and soldiers clashed in Gao on Saturday and Sunday, residents said.")
    clash = only(events, "clashed")
    assert (clash.date.start, clash.date.end, clash.date.precision) == (
        "2024-06-08",
        "2024-06-09",
        "week",
    )


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "in talks" hangs on the thing agreed: the talks' day is the agreement's
        (
            "Armenia and Azerbaijan agreed to an exchange of prisoners in talks brokered by the"
            " European Union in Brussels on Tuesday.",
            "agreed",
            "2024-06-11",
        ),
        (
            "The government and the rebels agreed to a new ceasefire in talks hosted by Kenya in"
            " Nairobi on Thursday.",
            "agreed",
            "2024-06-13",
        ),
        # a plan drafted in talks long ago is the plan's date, not the rejection's
        ("Israel rejected the plan drafted in talks in Cairo last year.", "rejected", None),
    ],
)
def test_the_talks_it_was_agreed_in_date_it(text: str, trigger: str, expected: str | None) -> None:
    assert day(only(events_of(text), trigger)) == expected


@pytest.mark.parametrize(
    ("slug", "trigger", "expected"),
    [
        # VOA, 24 March 2005: "Some reports from Bishkek say the opposition is holding talks
        # inside government headquarters. It is not immediately clear if they are talking
        # among themselves": the present progressive is the day's news (one act, told twice)
        ("a-voa-kyrgyz-protesters-storm-government-headquarters", "talking", "2005-03-24"),
        # VOA, 21 October 2003: "President Laurent Gbagbo is in Abuja for a meeting with his
        # Nigerian counterpart": a visitor's presence, told in the present
        ("b-voa-ivory-coast-opposition-activists-arrested", "meeting", "2003-10-21"),
    ],
)
def test_rule_under_way_as_published(slug: str, trigger: str, expected: str) -> None:
    event = only(tune_article_events(slug), trigger)
    assert (day(event), event.date.precision) == (expected, "day")
    assert "under-way-as-published" in event.evidence.why


def test_a_visit_told_in_the_present_is_on_its_day():
    # rule under-way-as-published, the third shape (VOA, 30 August 2015: "Susan Rice is in
    # Pakistan to meet with the prime minister"), and what it does not date
    events = events_of(
        "Susan Rice is in Pakistan to meet with the prime minister.\n\n"
        "Rebels said they were holding talks with the army."
    )
    assert day(only(events, "meet")) == PUBLISHED
    assert day(only(events, "holding")) is None


@pytest.mark.parametrize(
    ("slug", "trigger", "expected"),
    [
        # VOA, Wednesday 26 September 2012: "Bashir and Kiir plan to sign the deal Thursday in
        # Addis Ababa": the coming Thursday, not the one before
        ("b-voa-sudan-south-sudan-oil-buffer-deal", "plan", "2012-09-27"),
        # Wikinews, Saturday 14 May 2005: "Meetings are scheduled for Monday and Tuesday in
        # Kaesong": set for the coming Monday
        ("b-wn-korea-vice-ministers-talks", "Meetings", "2005-05-16"),
    ],
)
def test_rule_a_plan_looks_ahead(slug: str, trigger: str, expected: str) -> None:
    assert day(only(tune_article_events(slug), trigger)) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # Friday 14 June 2024: a plan told in the present looks ahead (the third shape, VOA
        # 2006: "Israel hopes to complete the evacuation of its forces by next week")
        ("The army plans to withdraw its troops from the border on Sunday.", "plans", "2024-06-16"),
        ("Rebels are preparing to attack the town on Thursday.", "preparing", "2024-06-20"),
        # a plan told in the past ran to its day already
        ("Rebels were preparing to attack the town on Thursday.", "preparing", "2024-06-13"),
    ],
)
def test_a_plan_told_now_looks_ahead(text: str, trigger: str, expected: str) -> None:
    assert day(only(events_of(text), trigger)) == expected


# -- a-known-act-keeps-its-named-day ------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "trigger", "expected"),
    [
        # VOA, 3 March 2008: "to discuss Saturday's attack by Colombian troops", then "They said
        # the attack killed 17 rebels": the attack of Saturday, not the day of the news
        ("a-voa-ecuador-venezuela-troops-colombia-border", "attack", "2008-03-01"),
        # Wikinews, 31 October 2009: "involved in Wednesday's deadly attack on a United Nations
        # guesthouse", then "The assault ... killed five foreign UN employees"
        ("b-wn-kabul-un-guesthouse-arrests", "assault", "2009-10-28"),
    ],
)
def test_rule_a_known_act_keeps_its_named_day(slug: str, trigger: str, expected: str) -> None:
    known = [
        event
        for event in tune_article_events(slug)
        if event.trigger == trigger and "a-known-act-keeps-its-named-day" in event.evidence.why
    ]
    assert [day(event) for event in known] == [expected]


def test_the_scene_goes_on_from_the_day_the_known_act_was_named():
    # kabul: "UN security officers battled them for at least an hour", told after "The
    # assault ... killed", is part of Wednesday's attack, not of Saturday's arrests
    events = tune_article_events("b-wn-kabul-un-guesthouse-arrests")
    assert day(only(events, "battled")) == "2009-10-28"


def test_a_known_act_does_not_take_the_day_of_another_kind_of_act():
    # gaza: "the planned four-day cease-fire began" is no release ("the release of those
    # abducted by Hamas in Israel on October 7"), though both are RETREAT
    events = tune_article_events("b-gaza-hostage-release")
    assert all(
        "a-known-act-keeps-its-named-day" not in evidence.why
        for event in events
        for evidence in event.all_evidence()
    )


# -- a-clause-told-as-at-the-same-time-shares-its-day -------------------------------------------


def test_rule_a_clause_told_as_at_the_same_time_shares_its_day():
    # VOA, 20 January 2006: "Police and soldiers were posted every few hundred meters in central
    # Kathmandu Friday, as troops in armored personnel carriers ... patrolled the streets": the
    # patrols were on Friday, not at some time before the report
    patrols = only(tune_article_events("b-voa-nepal-curfew-opposition-detained"), "patrolled")
    assert (day(patrols), patrols.date.precision) == ("2006-01-20", "day")
    assert "a-clause-told-as-at-the-same-time-shares-its-day" in patrols.evidence.why


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Police were posted in Bamako on Tuesday, while rebels attacked a base in Gao.",
            "attacked",
            "2024-06-11",
        ),
        (
            "Police were posted across Bamako on Tuesday, as rebels attacked a post near Gao.",
            "attacked",
            "2024-06-11",
        ),
    ],
)
def test_a_while_or_as_clause_shares_the_day_of_its_main_clause(
    text: str, trigger: str, expected: str
) -> None:
    event = only(events_of(text + "\n\nThe government said nothing."), trigger)
    assert day(event) == expected
    assert "a-clause-told-as-at-the-same-time-shares-its-day" in event.evidence.why


@pytest.mark.parametrize(
    ("slug", "opening", "expected", "told_by"),
    [
        # rule what-reports-say-of-the-story: the report is told in the present, the act it
        # reports in the past; the act is the story's, so the story's day runs on to it.
        # VOA, 11 February 2008: the lead's "has been shot" is the day's news; the second
        # paragraph's "Reports from Dili say Jose Ramos-Horta was shot" tells the same story
        (
            "b-voa-east-timor-president-wounded-rebel-attack",
            "Reports from Dili say",
            "2008-02-11",
            "scene-runs-on",
        ),
        # VOA, 28 February 2014: "The Syrian Observatory ... says ISIL fighters withdrew from the
        # town of Azaz", after the lead's "is reported to have begun pulling out"
        (
            "b-voa-syria-isil-withdraws-azaz",
            "The Syrian Observatory",
            "2014-02-28",
            "scene-runs-on",
        ),
        # rule a-quoted-stance-is-dated-by-its-saying: the act is done as it is said, so the
        # report's own words date it. VOA, 23 April 2015: Mr. Obama said from the White House
        # earlier today, "... I take full responsibility ..."
        (
            "b-voa-obama-apologizes-hostages-drone-strike",
            "Mr. Obama said from",
            "2015-04-23",
            "earlier today",
        ),
        # VOA, 9 April 2014: Avakov said Wednesday: "For those who want dialogue, we propose
        # talks and a political solution."
        (
            "a-voa-ukraine-deadline-occupied-buildings",
            "Addressing the stalemate",
            "2014-04-09",
            "Wednesday",
        ),
    ],
)
def test_an_act_told_under_a_report_takes_the_storys_or_the_sayings_day(
    slug, opening, expected, told_by
):
    (event,) = [e for e in tune_article_events(slug) if e.evidence.sentence.startswith(opening)]
    assert (day(event), event.date.precision) == (expected, "day")
    assert told_by in event.evidence.why or told_by == event.date.text


def test_what_reports_say_after_an_aside_in_the_present_is_not_the_storys():
    # the story's run ends at a sentence told in the present: the report after it is undated
    events = events_of(
        "Rebels attacked an army base in Goma on Tuesday.\n\n"
        "The army is sending reinforcements to the region.\n\n"
        "Residents say soldiers arrested ten young men."
    )
    assert day(only(events, "attacked")) == "2024-06-11"
    assert day(only(events, "arrested")) is None


def test_what_a_quote_tells_of_others_is_not_dated_by_the_saying():
    # only the speaker's own act, in the first person, is done as it is said: a third party's
    # act the quote tells in the present ("Rebels shell our villages") is not dated Monday
    events = events_of('The governor said on Monday, "Rebels shell our villages every night."')
    shelled = only(events, "shell")
    assert day(shelled) != "2024-06-10"


# -- one-day-of-the-sentence (day31) -----------------------------------------------------------


def test_rule_one_day_of_the_sentence_dates_the_act_above_the_dated_one():
    # VOA, 11 March 2008: "The Chinese government is acknowledging it rounded up Tibetan monks
    # who demonstrated in Lhasa, Monday": the round-up is Monday's too
    events = tune_article_events("b-voa-china-detains-tibetan-protesters-lhasa")
    rounded = only([e for e in events if e.type == "COERCE"], "rounded")
    assert (day(rounded), rounded.date.precision) == ("2008-03-10", "day")
    assert "one-day-of-the-sentence" in rounded.evidence.why


def test_one_day_of_the_sentence_carries_no_day_out_of_an_after_clause():
    # VOA, 2008: "Russian troops invaded Georgia August 7 after Georgia tried to retake South
    # Ossetia": the act the after-clause tells lies before the invasion's day
    events = tune_article_events("a-voa-georgia-abkhaz-separatists-fire-checkpoint")
    retake = only(events, "retake")
    assert day(retake) is None
    assert "one-day-of-the-sentence" not in retake.evidence.why


@pytest.mark.parametrize(
    ("text", "trigger", "other_day"),
    [
        # a clause that describes a place is background: its day is the earlier deal's
        (
            "Police detained dozens of people in the square where protesters rallied on Tuesday.",
            "detained",
            "2024-06-11",
        ),
        # an act told in the past perfect lies before the day told beside it
        (
            "Moscow rejected the U.S. plan for a 30-day ceasefire on Wednesday, while Ukraine "
            "had accepted it.",
            "accepted",
            "2024-06-12",
        ),
    ],
)
def test_one_day_of_the_sentence_crosses_no_background_and_no_past_perfect(
    text, trigger, other_day
):
    event = only(events_of(text), trigger)
    assert "one-day-of-the-sentence" not in event.evidence.why
    assert day(event) != other_day
