"""Fresh probes of the proposal-history rules of issue #13, item 4, in wire style.

Team-written probe stories (round trk20): short reports modelled on how wire services tell a
border ceasefire, a prisoner exchange, a truce signed at talks abroad and a proposed meeting;
not the text of any outlet, and about no event of the coverage corpus's check fold. Each tests
a general rule the tune stories were fitted on, in words those stories do not use: a denial is
no violation, an accusation is a violation alleged by the accuser, an extension is a step,
an exchange keeps each side's number, a broker or the speaker's country is no party, a step is
dated by its act (not by its report), background is no implementation, and a side named only
by its kind at talks abroad is not of the venue's country.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import accord
from accord import track

BORDER = {
    "agreed": (
        "2026-09-15T10:00:00+06:00",
        "BISHKEK (Probe Wire) - Kyrgyzstan and Tajikistan agreed on Monday to a ceasefire along"
        " their disputed border after two days of clashes, in talks brokered by Russia,"
        " Kyrgyzstan's foreign ministry said on Tuesday.\n\nThe ceasefire took effect at 6 p.m."
        " on Monday, the ministry said.",
    ),
    "accused": (
        "2026-09-17T09:00:00+06:00",
        "Tajikistan accused Kyrgyzstan on Wednesday of violating the ceasefire by shelling a"
        " village in the Isfara district.\n\nKyrgyzstan's border service denied any violation"
        " of the truce.",
    ),
    "extended": (
        "2026-09-22T12:00:00+06:00",
        "Kyrgyzstan and Tajikistan agreed on Monday to extend the ceasefire by 30 days, the two"
        " governments said in a joint statement.\n\nThe truce, which took effect on September"
        " 14, has largely held since then.",
    ),
}

SWAP = {
    "agreed": (
        "2026-03-12T08:00:00+03:00",
        "DOHA (Probe Wire) - Eritrea and Djibouti agreed on Wednesday to exchange prisoners of"
        " war held since their 2008 border clash, in a deal brokered by Qatar, Qatar's foreign"
        " ministry said.",
    ),
    "swapped": (
        "2026-03-17T15:00:00+03:00",
        "DJIBOUTI (Probe Wire) - Eritrea freed four Djiboutian prisoners of war on Monday and"
        " Djibouti released two Eritrean soldiers in return, in a swap mediated by Qatar.\n\n"
        "The two countries had agreed to the exchange last week.",
    ),
}

ABROAD = {
    "signed": (
        "2026-05-08T18:00:00+01:00",
        "LUANDA (Probe Wire) - Government and rebel delegates from the Central African Republic"
        " signed a ceasefire agreement in Luanda on Thursday after a week of talks mediated by"
        " Angola.\n\nThe ceasefire is due to take effect on Saturday.",
    ),
    "accused": (
        "2026-05-12T09:00:00+01:00",
        "BANGUI (Probe Wire) - Central African rebels said on Monday that government forces had"
        " violated the ceasefire by attacking their positions near Bambari on Sunday.\n\nThe"
        " army rejected the accusation.\n\nThe Angolan-brokered truce took effect on Saturday.",
    ),
    "collapsed": (
        "2026-05-20T09:00:00+01:00",
        "BANGUI (Probe Wire) - The ceasefire between the Central African government and rebel"
        " groups collapsed on Tuesday when fighting broke out in Bambari, residents said.\n\n"
        "The truce was signed in Luanda on May 7.",
    ),
}

MEETING = {
    "proposed": (
        "2026-06-02T12:00:00+02:00",
        "BELGRADE (Probe Wire) - Serbia's president proposed on Monday a meeting with Kosovo's"
        " prime minister in Brussels to ease tensions in the north, his office said.",
    ),
    "declined": (
        "2026-06-04T12:00:00+02:00",
        "PRISTINA (Probe Wire) - Kosovo's prime minister rejected on Wednesday the Serbian"
        " proposal for a meeting in Brussels, saying Belgrade must first recognise Kosovo.",
    ),
    "held": (
        "2026-06-20T12:00:00+02:00",
        "BRUSSELS (Probe Wire) - The leaders of Serbia and Kosovo met in Brussels on Friday for"
        " EU-mediated talks, their first meeting in a year.",
    ),
}


def probe(reports: dict[str, tuple[str, str]], folder: Path) -> list[track.Proposal]:
    """The proposals of a probe story, each report from its own (fictional) outlet."""
    for number, (name, (published, text)) in enumerate(reports.items()):
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        meta = {"title": name, "published": published, "outlet": f"Probe Wire {number}"}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with accord.open(folder / "accord.db") as db:
        db.ingest(sorted(str(path) for path in folder.glob("*.txt")))
        return track.proposals(db)


def steps(proposal: track.Proposal) -> list[tuple[str | None, str, str | None]]:
    return [(step.date, step.status, step.detail) for step in proposal.steps]


def test_a_border_truce_its_breach_its_denial_and_its_extension(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Agreed and in effect on Monday (told on Tuesday), a breach alleged by Tajikistan (the
    denial is none), extended a week later; Russia brokers, Kyrgyzstan's ministry speaks: the
    sides are Kyrgyzstan and Tajikistan; 'has largely held since' implements nothing."""
    (truce,) = probe(BORDER, tmp_path_factory.mktemp("border"))
    assert truce.participants == ("KGZ", "TJK")
    assert [(date, status) for date, status, _ in steps(truce)] == [
        ("2026-09-14", "agreed"),
        ("2026-09-14", "implemented"),
        ("2026-09-16", "violated"),
        ("2026-09-21", "extended"),
    ]
    assert truce.steps[2].text() == "violated by Kyrgyzstan (alleged by Tajikistan)"


def test_an_exchange_keeps_each_sides_number(tmp_path_factory: pytest.TempPathFactory) -> None:
    """'Eritrea freed four Djiboutian prisoners ... and Djibouti released two Eritrean soldiers
    in return': one stage, four for two; Qatar brokered it and is no party."""
    (swap,) = probe(SWAP, tmp_path_factory.mktemp("swap"))
    assert swap.participants == ("DJI", "ERI")
    assert steps(swap) == [("2026-03-11", "agreed", None), ("2026-03-16", "implemented", "4 for 2")]


def test_a_truce_signed_at_talks_abroad_is_not_the_venues(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Rule talks-abroad-give-no-side-the-venue's-country: 'Government and rebel delegates ...
    signed a ceasefire agreement in Luanda ... after a week of talks mediated by Angola' had
    made Angola the truce's only party, so its breach and collapse, told of Central Africans,
    made a second proposal. Now one history: signed, in effect, breached (alleged by the
    rebels; the army's rejection is no step), collapsed."""
    (truce,) = probe(ABROAD, tmp_path_factory.mktemp("abroad"))
    assert "AGO" not in truce.participants
    assert [(date, status) for date, status, _ in steps(truce)] == [
        ("2026-05-07", "agreed"),
        ("2026-05-09", "implemented"),
        ("2026-05-10", "violated"),
        ("2026-05-19", "collapsed"),
    ]


def test_a_meeting_proposed_refused_and_held(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Proposed by Serbia, refused by Kosovo's prime minister, held three weeks later under EU
    mediation: each step dated by its act (the day before each report)."""
    (meeting,) = probe(MEETING, tmp_path_factory.mktemp("meeting"))
    assert meeting.participants == ("SRB", "XKX")
    assert [(date, status) for date, status, _ in steps(meeting)] == [
        ("2026-06-01", "proposed"),
        ("2026-06-03", "declined"),
        ("2026-06-19", "implemented"),
    ]


# Round trk21: the findings trk20's probes left, each in three team-written probe stories.

TOLD_ON_A_WEEKDAY = {
    "chad-sudan": {
        "agreed": (
            "2026-05-04T10:00:00+03:00",
            "KHARTOUM (Probe Wire) - Chad and Sudan agreed on Sunday to a ceasefire along their"
            " border, in talks mediated by Qatar.",
        ),
        "charged": (
            "2026-05-13T10:00:00+03:00",
            "DOHA (Probe Wire) - The Qatari mediators said on Tuesday evening that both sides had"
            " violated the ceasefire.",
        ),
    },
    "uzbek-tajik": {
        "agreed": (
            "2026-08-11T10:00:00+05:00",
            "DUSHANBE (Probe Wire) - Uzbekistan and Tajikistan agreed on Monday to a truce on"
            " their border after clashes over water, in talks hosted by Kazakhstan.",
        ),
        "charged": (
            "2026-08-15T09:00:00+05:00",
            "TASHKENT (Probe Wire) - Uzbekistan's defence ministry said on Friday that Tajik"
            " troops had broken the truce near the Kasansay reservoir.",
        ),
    },
    "ethiopia-eritrea": {
        "agreed": (
            "2026-10-06T10:00:00+02:00",
            "ADDIS ABABA (Probe Wire) - Ethiopia and Eritrea signed a ceasefire on Monday at talks"
            " mediated by the African Union.",
        ),
        "charged": (
            "2026-10-10T09:00:00+02:00",
            "ADDIS ABABA (Probe Wire) - Ethiopia's army said on Friday night that Eritrean forces"
            " had violated the ceasefire by shelling Zalambessa.",
        ),
    },
}


@pytest.mark.parametrize(
    ("story", "charged_on"),
    [
        ("chad-sudan", "2026-05-12"),
        ("uzbek-tajik", "2026-08-14"),
        ("ethiopia-eritrea", "2026-10-09"),
    ],
)
def test_a_breach_told_under_said_on_a_weekday_is_of_that_weekday(
    story: str, charged_on: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Rule a-charge-is-dated-by-its-telling: 'the mediators said on Tuesday evening that both
    sides had violated the ceasefire' in Wednesday's report is a breach alleged on Tuesday (it
    was dated by the report, Wednesday)."""
    (truce,) = probe(TOLD_ON_A_WEEKDAY[story], tmp_path_factory.mktemp(story))
    assert [(date, status) for date, status, _ in steps(truce)][1:] == [(charged_on, "violated")]


COUNTER_CHARGES = {
    "georgia-abkhazia": {
        "agreed": (
            "2026-03-03T10:00:00+04:00",
            "TBILISI (Probe Wire) - Georgia and Abkhazia agreed on Monday to a ceasefire along the"
            " Inguri river, in talks mediated by the European Union.",
        ),
        "charged": (
            "2026-03-06T10:00:00+04:00",
            "TBILISI (Probe Wire) - Georgia accused Abkhaz forces on Thursday of violating the"
            " ceasefire.\n\nAbkhazia denied the charge and said Georgian troops had broken the"
            " truce first.",
        ),
    },
    "kenya-somalia": {
        "agreed": (
            "2026-04-07T10:00:00+03:00",
            "NAIROBI (Probe Wire) - Kenya and Somalia agreed on Monday to a truce along their"
            " border, in talks brokered by Djibouti.",
        ),
        "charged": (
            "2026-04-10T10:00:00+03:00",
            "NAIROBI (Probe Wire) - Somalia accused Kenyan troops on Thursday of breaching the"
            " truce near Mandera.\n\nKenya rejected the accusation and said Somali militias had"
            " violated the truce first.",
        ),
    },
    "armenia-azerbaijan": {
        "agreed": (
            "2026-06-09T10:00:00+03:00",
            "BAKU (Probe Wire) - Armenia and Azerbaijan agreed on Monday to a ceasefire on their"
            " border, in talks mediated by Russia.",
        ),
        "charged": (
            "2026-06-12T10:00:00+03:00",
            "YEREVAN (Probe Wire) - Azerbaijan accused Armenian forces on Thursday of violating the"
            " ceasefire.\n\nArmenia denied the accusation and blamed Azerbaijani troops for"
            " breaking the ceasefire.",
        ),
    },
}


@pytest.mark.parametrize(
    ("story", "accusers"),
    [
        ("georgia-abkhazia", ["Georgia", "Abkhazia"]),
        ("kenya-somalia", ["Somalia", "Kenya"]),
        ("armenia-azerbaijan", ["Azerbaijan", "Armenia"]),
    ],
)
def test_a_counter_charge_beside_a_denial_is_a_breach_alleged_by_the_denier(
    story: str, accusers: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Rules a-counter-charge-after-a-denial-is-a-charge and a-rejected-charge-is-a-denial:
    'Abkhazia denied the charge and said Georgian troops had broken the truce first' is a
    breach alleged by Abkhazia (the denial covers the charge, not the counter-charge; it was no
    step), and 'Kenya rejected the accusation' refuses no truce (it was 'declined by Kenya')."""
    (truce,) = probe(COUNTER_CHARGES[story], tmp_path_factory.mktemp(story))
    assert [step.status for step in truce.steps] == ["agreed", "violated", "violated"]
    assert [step.detail for step in truce.steps[1:]] == [f"alleged by {name}" for name in accusers]


ISSUE_LIST = {
    "lebanon-israel": {
        "agreed": (
            "2026-08-14T10:00:00+03:00",
            "BEIRUT (Probe Wire) - Lebanon and Israel agreed on Thursday to a 60-day ceasefire"
            " brokered by the United States and France, the White House said.",
        ),
        "charged": (
            "2026-08-20T10:00:00+03:00",
            "BEIRUT (Probe Wire) - Lebanon accused Israel on Tuesday of violating the ceasefire"
            " with air strikes on the south.\n\nIsrael denied any breach of the ceasefire, which"
            " has been in force since 15 August.",
        ),
        "extended": (
            "2026-10-14T10:00:00+03:00",
            "BEIRUT (Probe Wire) - Lebanon and Israel agreed on Tuesday to extend the ceasefire by"
            " 30 days, the U.S. State Department said.",
        ),
    },
    "russia-ukraine": {
        "agreed": (
            "2026-01-20T10:00:00+03:00",
            "ABU DHABI (Probe Wire) - Russia and Ukraine agreed on Monday to exchange prisoners of"
            " war in a deal mediated by the United Arab Emirates.",
        ),
        "swapped": (
            "2026-01-24T10:00:00+03:00",
            "KYIV (Probe Wire) - Ukraine freed 150 Russian soldiers on Friday and Russia released"
            " 175 Ukrainian prisoners in return, in an exchange mediated by the United Arab"
            " Emirates.",
        ),
    },
    "ethiopia-sudan": {
        "agreed": (
            "2026-04-02T10:00:00+03:00",
            "ADDIS ABABA (Probe Wire) - Ethiopia and Sudan agreed on Wednesday to a truce along"
            " their border in al-Fashaga, in African Union-brokered talks.",
        ),
        "background": (
            "2026-04-28T10:00:00+03:00",
            "GONDAR (Probe Wire) - Farmers returned to their fields in al-Fashaga on Monday, where"
            " the truce between Ethiopia and Sudan has held since 2 April.",
        ),
    },
}


@pytest.mark.parametrize(
    ("story", "parties", "history"),
    [
        (
            "lebanon-israel",
            ("ISR", "LBN"),
            [
                ("2026-08-13", "agreed", None),
                ("2026-08-18", "violated", "alleged by Lebanon"),
                ("2026-10-13", "extended", None),
            ],
        ),
        (
            "russia-ukraine",
            ("RUS", "UKR"),
            [("2026-01-19", "agreed", None), ("2026-01-23", "implemented", "150 for 175")],
        ),
        ("ethiopia-sudan", ("ETH", "SDN"), [("2026-04-01", "agreed", None)]),
    ],
)
def test_the_issue_list_in_fresh_words(
    story: str,
    parties: tuple[str, ...],
    history: list[tuple[str, str, str | None]],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Issue #13's list on three more stories: brokers (the United States and France, the
    UAE, the African Union) are no parties; the accusation is a breach alleged by the accuser
    and the denial none; 'in force since 15 August' and 'has held since 2 April' implement
    nothing; the extension is a step; the exchange keeps each side's number."""
    (proposal,) = probe(ISSUE_LIST[story], tmp_path_factory.mktemp(story))
    assert proposal.participants == parties
    assert steps(proposal) == history


BESIDE_ITS_START = {
    "chad-sudan": {
        "agreed": TOLD_ON_A_WEEKDAY["chad-sudan"]["agreed"],
        "charged": (
            "2026-05-06T10:00:00+03:00",
            "DOHA (Probe Wire) - The Qatari mediators said on Tuesday that both sides had violated"
            " the ceasefire, which took effect on Sunday evening.",
        ),
    },
    "uzbek-tajik": {
        "agreed": TOLD_ON_A_WEEKDAY["uzbek-tajik"]["agreed"],
        "charged": (
            "2026-08-14T09:00:00+05:00",
            "TASHKENT (Probe Wire) - Uzbekistan said on Thursday that Tajik troops had broken the"
            " truce, which began on Monday, by firing on a border post.",
        ),
    },
    "armenia-azerbaijan": {
        "agreed": (
            "2026-06-10T10:00:00+03:00",
            "BAKU (Probe Wire) - Armenia and Azerbaijan agreed on Tuesday to a ceasefire on their"
            " border, in talks mediated by Russia.",
        ),
        "charged": (
            "2026-06-14T10:00:00+03:00",
            "YEREVAN (Probe Wire) - Armenia's defence ministry said on Saturday that Azerbaijani"
            " forces had violated the ceasefire, which came into force on Wednesday morning.",
        ),
    },
}


@pytest.mark.parametrize(
    ("story", "charged_on"),
    [
        ("chad-sudan", "2026-05-05"),
        ("uzbek-tajik", "2026-08-13"),
        ("armenia-azerbaijan", "2026-06-13"),
    ],
)
def test_a_breach_told_beside_the_truces_start_is_not_of_that_day(
    story: str, charged_on: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Rule a-day-in-a-which-clause-dates-that-clause's-start: 'both sides had violated the
    ceasefire, which took effect on Sunday evening' tells a breach of no day of its own (it
    was dated Sunday, the truce's first evening); told under 'said on Tuesday', of Tuesday."""
    (truce,) = probe(BESIDE_ITS_START[story], tmp_path_factory.mktemp(story))
    assert [(date, status) for date, status, _ in steps(truce)][-1] == (charged_on, "violated")


# Two findings with no tune sentence of their kind, so no rule yet (round trk21): each probe
# is expected to fail until a rule reads it, and fails the suite if it starts to pass.

MONTH_AFTER_A_NOUN = {
    "peru-ecuador": (
        "2026-07-02T10:00:00+00:00",
        "LIMA (Probe Wire) - Peru and Ecuador signed a fisheries accord at a ceremony in June,"
        " the two foreign ministries said on Thursday.",
        "2026-06",
    ),
    "ghana-togo": (
        "2026-04-20T10:00:00+00:00",
        "ACCRA (Probe Wire) - Ghana's president proposed a summit with Togo's president in a"
        " phone call in March, his office said on Monday.",
        "2026-03",
    ),
    "mali-niger": (
        "2026-10-08T10:00:00+00:00",
        "NIAMEY (Probe Wire) - Mali and Niger agreed to a prisoner exchange at a meeting of their"
        " defence ministers in September, officials said on Wednesday.",
        "2026-09",
    ),
}


@pytest.mark.xfail(
    strict=True,
    reason="a month after a noun ('at a ceremony in June') dates the noun, not the step: no"
    " tune sentence of the form (the step is dated by its report)",
)
@pytest.mark.parametrize("story", sorted(MONTH_AFTER_A_NOUN))
def test_a_month_told_after_the_occasion_dates_the_step(
    story: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    published, text, month = MONTH_AFTER_A_NOUN[story]
    (proposal,) = probe({"report": (published, text)}, tmp_path_factory.mktemp(story))
    assert proposal.steps[0].date == month


TALKS_SUSPENDED = {
    "ethiopia-somalia": {
        "agreed": (
            "2026-02-03T10:00:00+02:00",
            "CAIRO (Probe Wire) - Ethiopia and Somalia agreed on Monday to a truce along their"
            " border, in talks mediated by Egypt and Turkey.",
        ),
        "suspended": (
            "2026-02-17T10:00:00+02:00",
            "CAIRO (Probe Wire) - Egypt and Turkey suspended the talks on the truce between"
            " Ethiopia and Somalia on Monday after fighting broke out near Dolow.",
        ),
    },
    "sudan-south-sudan": {
        "agreed": (
            "2026-09-08T10:00:00+03:00",
            "JUBA (Probe Wire) - Sudan and South Sudan agreed on Monday to a ceasefire in the"
            " Abyei area, in talks mediated by Ethiopia.",
        ),
        "suspended": (
            "2026-09-23T10:00:00+03:00",
            "ADDIS ABABA (Probe Wire) - Ethiopia suspended the Abyei ceasefire talks between"
            " Sudan and South Sudan on Tuesday, citing repeated violations.",
        ),
    },
    "congo-rwanda": {
        "agreed": (
            "2026-11-03T10:00:00+03:00",
            "DOHA (Probe Wire) - Congo and Rwanda agreed on Monday to a ceasefire in North Kivu,"
            " in talks mediated by Qatar.",
        ),
        "suspended": (
            "2026-11-18T10:00:00+03:00",
            "DOHA (Probe Wire) - Qatar suspended the ceasefire talks between Congo and Rwanda on"
            " Tuesday after fighting broke out near Goma.",
        ),
    },
}


@pytest.mark.xfail(
    strict=True,
    reason="talks suspended by the mediators, told in a report of their own, collapse a talks"
    " proposal with the mediators as parties, not the truce: no tune sentence of suspended talks",
)
@pytest.mark.parametrize("story", sorted(TALKS_SUSPENDED))
def test_talks_suspended_collapse_the_truce_they_made(
    story: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    (truce,) = probe(TALKS_SUSPENDED[story], tmp_path_factory.mktemp(story))
    assert [step.status for step in truce.steps] == ["agreed", "collapsed"]


WELCOMED = {
    "yemen": {
        "agreed": (
            "2026-05-04T10:00:00+03:00",
            "ADEN (Probe Wire) - Yemen's government and the Houthis agreed on Monday to a 30-day"
            " truce, the United Nations said.",
        ),
        "welcomed": (
            "2026-06-03T10:00:00+02:00",
            "BRUSSELS (Probe Wire) - The European Union on Wednesday welcomed the extension of the"
            " truce in Yemen by another 30 days.",
        ),
    },
    "sudan": {
        "agreed": (
            "2026-05-04T10:00:00+03:00",
            "KHARTOUM (Probe Wire) - Sudan's army and the Rapid Support Forces agreed on Monday to"
            " a seven-day truce, Saudi mediators said.",
        ),
        "welcomed": (
            "2026-05-11T10:00:00-04:00",
            "WASHINGTON (Probe Wire) - The United States and Saudi Arabia welcomed on Monday the"
            " renewal of the truce between Sudan's army and the Rapid Support Forces.",
        ),
    },
}

NOT_YET_WELCOMED = {
    "proposal": (
        "2026-05-20T10:00:00+03:00",
        "ADEN (Probe Wire) - Oman on Wednesday welcomed the UN proposal for an extension of the"
        " truce in Yemen.",
    ),
    "would": (
        "2026-05-20T10:00:00+03:00",
        "ADEN (Probe Wire) - Oman said on Wednesday it would welcome an extension of the truce in"
        " Yemen.",
    ),
}


@pytest.mark.parametrize(
    ("story", "extended_on"), [("yemen", "2026-06-03"), ("sudan", "2026-05-11")]
)
def test_a_welcomed_extension_was_made_by_the_sides_not_the_welcomer(
    story: str, extended_on: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Rule a-welcomed-extension-was-made: a third party's welcome of an extension tells the
    extension, on the welcome's day; the welcomers (the EU, the United States and Saudi
    Arabia) are no sides of it."""
    (truce,) = probe(WELCOMED[story], tmp_path_factory.mktemp(story))
    assert [(date, status) for date, status, _ in steps(truce)][1:] == [(extended_on, "extended")]
    assert not {"USA", "SAU", "EUR", "EUU"} & set(truce.participants)


@pytest.mark.parametrize("told", sorted(NOT_YET_WELCOMED))
def test_a_welcome_of_an_extension_not_yet_made_is_no_step(
    told: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """'welcomed the UN proposal for an extension', 'would welcome an extension': no step."""
    reports = {"agreed": WELCOMED["yemen"]["agreed"], told: NOT_YET_WELCOMED[told]}
    (truce,) = probe(reports, tmp_path_factory.mktemp(told))
    assert [status for _, status, _ in steps(truce)] == ["agreed"]
