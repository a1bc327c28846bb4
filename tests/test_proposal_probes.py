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
