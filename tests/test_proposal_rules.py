"""The proposal rules one by one, on made-up sentences in the style of wire copy."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from accord.track.proposals import (
    Candidate,
    accuses_an_attack,
    agreed_at_a_meeting,
    agreement_as_typed,
    approves_an_extension,
    at_home,
    breaks_an_agreement,
    broker_keys,
    brokers_in,
    charged_on,
    collapses_after,
    collapses_before,
    counter_charge_start,
    dated_in_a_which_clause,
    dated_in_the_making_clause,
    dates_its_making,
    denial_scope,
    extensions_counted,
    find_subject,
    find_terms,
    is_denial,
    joint_subject,
    makes_it_in_a_clause,
    making_told_beside,
    names_a_violation,
    names_the_agreement,
    nearest_status_word,
    received_pair,
    same_side,
    suspends_talks,
    tells_a_meeting,
    told_after,
    told_on,
    trigger_clause,
    under_a_condition,
    whole_trigger,
)


@pytest.mark.parametrize(
    ("sentence", "brokers"),
    [
        (
            "a truce mediated by Oman, Egypt and the United States, whose envoys",
            ["Oman", "Egypt", "United States"],
        ),
        ("a truce brokered by Turkey, Russia said on Friday.", ["Turkey"]),
        (
            "agreed to swap 40 prisoners each in a deal mediated by the United Arab Emirates,"
            " Ukraine's coordination headquarters said.",
            ["United Arab Emirates"],
        ),
        (
            "agreed to a truce brokered by Norway and Cuba, the Colombian presidency said.",
            ["Norway", "Cuba"],
        ),
        ("a U.S.-brokered ceasefire took effect", ["U.S."]),
    ],
)
def test_the_broker_list_ends_where_the_list_ends(sentence: str, brokers: list[str]) -> None:
    """A name after a comma that no 'and' closes is the next clause's speaker, a party."""
    assert brokers_in(sentence) == brokers


@pytest.mark.parametrize(
    ("sentence", "trigger", "together"),
    [
        ("Chad's army and the rebel FACT agreed on Monday to a truce.", "agreed", True),
        ("NAIROBI - Kenya and Somalia have agreed to exchange 12 prisoners.", "agreed", True),
        ("The mediators said that the army and the militia agreed to extend it.", "agreed", True),
        (
            "The Government of National Unity and the Libyan National Army agreed on Thursday.",
            "agreed",
            True,
        ),
        ("Mali, after talks with Algeria and Niger, agreed to a truce.", "agreed", False),
        ("After talks in Doha and Cairo the army agreed to a pause.", "agreed", False),
        ("The militia agreed to a truce and the release of hostages.", "agreed", False),
    ],
)
def test_a_joint_subject_agrees_together(sentence: str, trigger: str, together: bool) -> None:
    assert joint_subject(sentence, sentence.index(trigger)) is together


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("The accord, signed in Nairobi last May and extended twice since, has held.", True),
        ("It was renewed once in March and expires in September.", True),
        ("As we said last time the ceasefire was extended, talks must follow.", True),
        ("The pause had first taken effect on May 3 and was extended four times.", True),
        ("The ceasefire was extended on Friday for another 30 days.", False),
        ("The parties agreed to extend the truce for a second time.", False),
    ],
)
def test_a_counted_extension_is_background(sentence: str, counted: bool) -> None:
    assert extensions_counted(sentence) is counted


def test_an_act_about_talks_is_no_step_of_the_truce_its_sentence_names():
    sentence = "Russia rejected the ceasefire plan while saying it remained open to further talks."
    assert find_subject(sentence, sentence.index("open"), ("AGREE", None)) is None
    assert find_subject(sentence, sentence.index("rejected"), ("REJECT", None)) == ("ceasefire")


@pytest.mark.parametrize(
    ("sentence", "trigger", "mode", "meeting"),
    [
        (
            "Delegations met in Istanbul on Friday and agreed to swap 1,000 prisoners.",
            "met",
            None,
            True,
        ),
        ("A day after the two countries held their first direct talks.", "held", None, True),
        ("The meeting between the two leaders lasted five hours.", "meeting", None, True),
        ("We've negotiated the release of 16 people.", "negotiated", None, False),
        ("A truce brokered by Qatar held.", "brokered", "third-party", False),
        ("Kerry and Lavrov spoke by telephone.", "spoke", "phone", False),
    ],
)
def test_a_meeting_of_the_sides_is_the_summits(
    sentence: str, trigger: str, mode: str | None, meeting: bool
) -> None:
    """Rule a-meeting-held-is-the-summit's: not the swap the sentence also names."""
    assert tells_a_meeting(sentence, sentence.index(trigger), ("CONSULT", mode)) is meeting


@pytest.mark.parametrize(
    ("sentence", "trigger", "background"),
    [
        ("It will go ahead after all, a week after he called it off.", "called", True),
        ("A drone hit a bus, a day after the two countries held talks.", "held", True),
        (
            "Trump spoke hours after welcoming home three Americans freed by Pyongyang.",
            "freed",
            True,
        ),
        ("Palestinians walked north on Monday after Israel opened the crossings.", "opened", False),
        (
            "The truce expired on Sunday after the Houthis rejected a UN proposal.",
            "rejected",
            False,
        ),
    ],
)
def test_an_act_some_days_before_the_news_is_background(
    sentence: str, trigger: str, background: bool
) -> None:
    """Rule an-act-some-days-before-the-news-is-background: 'a week after he called it off'
    retells the cancellation; 'after Israel opened the crossings' with no gap is the news."""
    assert told_after(sentence, sentence.index(trigger)) is background


def test_an_announcement_is_dated_by_its_telling() -> None:
    """Rule an-announcement-is-dated-by-its-telling: 'said on Friday' in Saturday's paper."""
    saturday = date(2018, 6, 2).toordinal()
    sentence = "Trump said on Friday that his summit with Kim would go ahead in Singapore."
    at = sentence.index("summit")
    assert date.fromordinal(told_on(sentence, at, saturday)) == date(2018, 6, 1)
    assert told_on("His summit with Kim will go ahead, he said.", 4, saturday) == saturday


@pytest.mark.parametrize(
    ("clause", "status"),
    [
        ("the army said it would not renew the truce", None),
        ("the truce has never been extended", None),
        ("the first day of the truce passed without violations", None),
        ("the rebels said they won't extend the truce", None),
        ("the army agreed to renew the truce for five days", "extended"),
        ("the rebels violated the truce, the army said", "violated"),
    ],
)
def test_a_negated_status_word_tells_none(clause: str, status: str | None) -> None:
    assert nearest_status_word(clause, clause.index("truce")) == status


@pytest.mark.parametrize(
    ("sentence", "trigger", "denial"),
    [
        (
            "Kyiv accused Moscow of breaching the truce, a charge the Kremlin denied.",
            "accused",
            False,
        ),
        ("Hamas accused Israel of violations - which Israel denied - on Sunday.", "accused", False),
        ("The rebels denied any violations of the ceasefire on Monday.", "violations", True),
        ("The army denied on Friday that it had broken the truce.", "broken", True),
    ],
)
def test_a_denial_after_the_charge_is_the_other_sides(
    sentence: str, trigger: str, denial: bool
) -> None:
    lowered = sentence.lower()
    assert is_denial(denial_scope(lowered, lowered.index(trigger))) is denial


TUNE = Path(__file__).parent


def tune_sentence(path: str, opening: str) -> str:
    """The sentence of a tune article that begins with ``opening``."""
    text = (TUNE / path).read_text(encoding="utf-8")
    start = text.index(opening)
    return text[start : text.index(".", start) + 1]


@pytest.mark.parametrize(
    ("path", "opening", "trigger", "denial"),
    [
        # a denial and the denier's own charge, joined by 'and' (news tune, three sources)
        (
            "corpus_news/tune/a-voa-ecuador-venezuela-troops-colombia-border.txt",
            "Correa rejected the claims",
            "accused",
            False,
        ),
        (
            "corpus_news/tune/b-kashmir-loc-infiltration.txt",
            "Pakistani officials have denied",
            "blame",
            False,
        ),
        (
            "corpus_news/tune/b-voa-sri-lanka-captured-video-rebels.txt",
            "Sri Lankan forces",
            "accused",
            False,
        ),
        # the denial itself, and a denial whose 'saying' follows the trigger, stay denials
        (
            "corpus_news/tune/b-kashmir-loc-infiltration.txt",
            "Pakistani officials have denied",
            "crossed",
            True,
        ),
        (
            "corpus_coverage/tune/yemen-truce-03-larkspur-daily.txt",
            "A Houthi official denied",
            "broken",
            True,
        ),
    ],
)
def test_a_counter_charge_after_a_denial_is_a_charge(
    path: str, opening: str, trigger: str, denial: bool
) -> None:
    """Rule a-counter-charge-after-a-denial-is-a-charge, on real tune sentences: 'Correa
    rejected the claims and accused Colombia of lying' charges Colombia; the denial covers
    'the claims' only. 'denied that the group's fighters had broken the truce, saying ...'
    is a denial of the breach."""
    lowered = tune_sentence(path, opening).lower()
    at = lowered.index(trigger)
    assert is_denial(denial_scope(lowered, at)) is denial
    assert (counter_charge_start(lowered, at) > 0) is not denial


@pytest.mark.parametrize(
    ("path", "opening"),
    [
        ("corpus_news/tune/a-voa-ecuador-venezuela-troops-colombia-border.txt", "Correa rejected"),
        (
            "corpus_news/tune/b-voa-nato-admits-killing-afghan-civilians.txt",
            "The NATO mission in Afghanistan has previously",
        ),
        ("corpus_news/tune/b-voa-sri-lanka-captured-video-rebels.txt", "Sri Lankan forces"),
    ],
)
def test_a_rejected_charge_is_a_denial(path: str, opening: str) -> None:
    """Rule a-rejected-charge-is-a-denial: 'rejected the claims', 'rejected a claim by a Times
    of London reporter', 'dismissed rebels' claims' (tune) deny a charge; 'Kenya rejected the
    accusation' refuses no truce. A rejected proposal is no denial."""
    assert is_denial(tune_sentence(path, opening).lower())
    assert not is_denial("the rebels rejected the truce proposal on monday.")


@pytest.mark.parametrize(
    ("path", "opening", "day"),
    [
        (
            "corpus_coverage/tune/yemen-truce-09-larkspur-daily.txt",
            "The truce, which began",
            "April 2",
        ),
        (
            "corpus_coverage/tune/syria-truce-sep16-04-eastbridge-times.txt",
            "The truce, which began at sundown",
            "Monday",
        ),
        (
            "corpus_coverage/tune/gaza-truce-jan25-05-kestrel.txt",
            "The exchange was the first of several",
            "Sunday morning",
        ),
    ],
)
def test_a_day_in_a_which_clause_dates_that_clauses_start(
    path: str, opening: str, day: str
) -> None:
    """Rule a-day-in-a-which-clause-dates-that-clause's-start, on the tune sentences of the
    form: the day a which-clause gives the agreement's start is no other step's day (a
    breach told beside it is dated by its charge). A day outside such a clause is the act's."""
    sentence = tune_sentence(path, opening)
    row = {"sentence": sentence, "sentence_start": 0, "date_char_start": sentence.index(day)}
    assert dated_in_a_which_clause(row)
    other = "The rebels violated the truce on Monday, which the army denied."
    assert not dated_in_a_which_clause(
        {"sentence": other, "sentence_start": 0, "date_char_start": other.index("Monday")}
    )


def test_a_charge_is_dated_by_its_telling() -> None:
    """Rule a-charge-is-dated-by-its-telling: 'said on Tuesday evening that both sides had
    violated the ceasefire' in Wednesday's report is a breach of Tuesday; with no such
    telling before the trigger, no day."""
    wednesday = date(2026, 5, 13).toordinal()
    sentence = (
        "The Qatari mediators said on Tuesday evening that both sides had violated the truce."
    )
    assert date.fromordinal(charged_on(sentence, sentence.index("truce"), wednesday)) == date(
        2026, 5, 12
    )
    late = "Both sides had violated the truce, the mediators said on Tuesday."
    assert charged_on(late, late.index("truce"), wednesday) is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "collapsed"),
    [
        (
            "The truce in Sudan collapsed on Sunday as heavy fighting resumed in Khartoum.",
            "fighting",
            True,
        ),
        ("A ceasefire in Libya broke down after militias shelled the airport.", "shelled", True),
        ("The deal fell apart when rebels attacked a convoy on Monday.", "attacked", True),
        ("Rebels attacked a convoy on Monday after the truce collapsed.", "attacked", False),
        ("Fighting, which began after the truce collapsed, killed 12 on Monday.", "killed", False),
        ("The army shelled the town after talks on a truce stalled.", "shelled", False),
    ],
)
def test_a_collapse_told_with_the_fighting(sentence: str, trigger: str, collapsed: bool) -> None:
    lowered = sentence.lower()
    assert collapses_before(lowered, lowered.index(trigger)) is collapsed


@pytest.mark.parametrize(
    ("sentence", "brokers"),
    [
        ("The parties agreed to extend the truce following U.S. mediation.", ["U.S."]),
        ("Sudan's rivals signed the deal on Saturday after Saudi mediation.", ["Saudi"]),
        (
            "Armenia and Azerbaijan freed prisoners under European Union mediation.",
            ["European Union"],
        ),
    ],
)
def test_a_mediation_names_a_broker(sentence: str, brokers: list[str]) -> None:
    assert brokers_in(sentence) == brokers


@pytest.mark.parametrize(
    ("sentence", "terms"),
    [
        ("Both sides agreed to a month-long truce on Monday.", {"days": 30}),
        ("The rebels agreed to a truce for a month.", {"days": 30}),
        ("It was the second truce agreed by the two sides in a month.", {}),
        ("Fighting resumed a month after the truce began.", {}),
        ("The army agreed to a 14-day ceasefire.", {"days": 14}),
    ],
)
def test_a_month_is_a_term_only_as_a_length(sentence: str, terms: dict[str, int]) -> None:
    assert find_terms(sentence, "ceasefire") == terms


@pytest.mark.parametrize(
    ("sentence", "at_a_meeting"),
    [
        ("Xi and Modi agreed at their summit in Kathmandu on Wednesday to send envoys", True),
        ("The leaders agreed on Wednesday at the Geneva summit to resume talks.", True),
        ("The ministers signed at a meeting in Doha a deal on prisoners.", True),
        ("Putin agreed to attend the summit in Geneva.", False),
        ("The two sides agreed to meet at the talks in Oslo.", False),
        ("At the summit, Ruto and Museveni signed a deal on the oil pipeline.", True),
        ("During their meeting in Luanda, the two presidents agreed to a truce.", True),
        ("At least 40 people were killed before the two sides agreed to a truce.", False),
        ("After the talks, the ministers agreed to meet again in May.", False),
    ],
)
def test_agreed_at_the_summit_is_not_the_summit(sentence: str, at_a_meeting: bool) -> None:
    trigger = re.search(r"agreed|signed", sentence)
    assert trigger is not None
    assert agreed_at_a_meeting(sentence, trigger.start()) is at_a_meeting


@pytest.mark.parametrize(
    ("sentence", "trigger", "mode", "subject"),
    [
        (
            "The leaders demanded that Russia agree to an unconditional 30-day ceasefire starting"
            " on Monday or face more sanctions.",
            "demanded",
            "meet",
            "ceasefire",
        ),
        (
            "The envoy urged the rebels to accept a truce before Ramadan.",
            "urged",
            "meet",
            "ceasefire",
        ),
        ("Kenya proposed talks with Somalia on a ceasefire.", "proposed", "meet", "summit"),
        (
            "Kim invited Trump to meet in Pyongyang to discuss a peace treaty.",
            "invited",
            "meet",
            "summit",
        ),
    ],
)
def test_the_words_beat_the_meeting_guess(
    sentence: str, trigger: str, mode: str, subject: str
) -> None:
    assert find_subject(sentence, sentence.index(trigger), ("REQUEST", mode)) == subject


def retelling(actors: tuple[str, ...]) -> Candidate:
    """An undated report of a proposal, by ``actors``."""
    return Candidate(
        event_id="a-e1",
        subject="ceasefire",
        status="proposed",
        actors=actors,
        countries=frozenset({"UKR"}),
        counterparts=(),
        terms={"days": 30},
        day=739387,
        inferred=True,
        back_reference=False,
        published=739387,
        prisoners=None,
    )


def test_a_step_whose_taker_no_report_named_refuses_no_side() -> None:
    """'the leaders of France, Germany, Britain and Poland ... demanded' read with no source,
    then 'Ukraine and its European allies have demanded' a week on: the same demand."""
    assert same_side(("ceasefire", (), ()), "proposed", retelling(("Ukraine",)))
    assert not same_side(("ceasefire", ("Russia",), ()), "proposed", retelling(("Ukraine",)))


@pytest.mark.parametrize(
    ("sentence", "trigger", "status"),
    [
        ("Hamas accused Israel of breaking the truce in Rafah.", "accused", "violated"),
        ("The rebels said the army broke the ceasefire overnight.", "said", "violated"),
        ("Kyiv said Moscow had flouted the Easter truce.", "said", "violated"),
        ("The truce broke down on Friday after clashes in Tripoli.", "truce", "collapsed"),
        ("The opposition said the ceasefire was dead.", "said", "collapsed"),
    ],
)
def test_breaking_or_flouting_a_truce_violates_it(sentence: str, trigger: str, status: str) -> None:
    """'breaking the ceasefire' and 'flouted the truce' are wire copy's violation words; 'broke'
    only with its object ('broke the'), so 'broke down' stays a collapse."""
    lowered = sentence.lower()
    assert nearest_status_word(lowered, lowered.index(trigger)) == status


@pytest.mark.parametrize(
    ("sentence", "collapses"),
    [
        (
            "Fierce fighting erupted in Upper Nile on Monday, shattering a two-month ceasefire.",
            True,
        ),
        ("Israel resumed air strikes across Gaza on Tuesday, ending the truce.", True),
        ("Militias clashed in Tripoli on Friday, wrecking the UN-brokered truce.", True),
        ("Fighting resumed on Monday, ending weeks of calm in the city.", False),
        ("Shelling killed four people on Monday, the ceasefire's third day.", False),
    ],
)
def test_a_fight_that_shatters_a_truce_is_its_collapse(sentence: str, collapses: bool) -> None:
    assert collapses_after(sentence, 0) is collapses


@pytest.mark.parametrize(
    ("kind", "sentence", "violates"),
    [
        ("ASSAULT", "Fighting continued in Omdurman on Tuesday in violation of the truce.", True),
        ("ASSAULT", "RSF fighters attacked a market on Tuesday in breach of the ceasefire.", True),
        ("ACCUSE", "The army accused the RSF of shelling Bahri despite the ceasefire.", True),
        ("ASSAULT", "Air strikes hit Khartoum on Tuesday despite the ceasefire.", False),
        ("ACCUSE", "The army accused the RSF of looting homes in Bahri.", False),
        ("AGREE", "The sides agreed to talks in violation of nothing.", False),
    ],
)
def test_an_act_told_against_a_truce_violates_it(kind: str, sentence: str, violates: bool) -> None:
    """A fight 'in violation of' or 'in breach of' a truce, or an accused act done 'despite'
    it; a fight merely 'despite the ceasefire' names no one who alleges a breach."""
    assert breaks_an_agreement(kind, sentence, 0) is violates


@pytest.mark.parametrize(
    ("kind", "sentence", "trigger", "names"),
    [
        ("ACCUSE", "The RSF accused the army of fresh violations on Tuesday.", "accused", True),
        ("ACCUSE", "Hamas accused Israel of repeated breaches in Rafah.", "accused", True),
        ("ACCUSE", "The RSF accused the army of looting homes.", "accused", False),
        ("REQUEST", "The UN urged an end to the violations.", "urged", False),
    ],
)
def test_a_violation_is_of_the_storys_agreement(
    kind: str, sentence: str, trigger: str, names: bool
) -> None:
    row = {"type": kind, "sentence": sentence}
    assert names_a_violation(row, sentence, sentence.index(trigger)) is names


@pytest.mark.parametrize(
    ("sentence", "trigger", "extends"),
    [
        (
            "The RSF said it had approved the extension of the ceasefire for 72 hours.",
            "approved",
            True,
        ),
        ("The army endorsed the extension of the truce on Wednesday.", "endorsed", True),
        ("Both sides signed an agreement to renew the grain deal for 120 days.", "signed", True),
        ("Israel's cabinet approved the ceasefire deal on Friday.", "approved", False),
        (
            "The army approved the truce, which the mediators said could be extended.",
            "approved",
            False,
        ),
    ],
)
def test_an_approved_extension_is_the_extension(sentence: str, trigger: str, extends: bool) -> None:
    """As 'accepted a proposal to extend the truce' (an agreement read by its status word)."""
    row = {"type": "SUPPORT", "trigger": trigger}
    assert approves_an_extension(row, sentence.lower(), sentence.index(trigger)) is extends


@pytest.mark.parametrize(
    ("sentence", "trigger", "status"),
    [
        (
            "A 72-hour ceasefire took effect at midnight, but the army accused the rebels of"
            " violating it.",
            "ceasefire",
            None,
        ),
        ("The truce held on Sunday, yet both sides reported breaches.", "truce", None),
        (
            "The army accused the rebels of violating the truce, but gave no details.",
            "accused",
            "violated",
        ),
        ("The truce largely held but was breached near Sake.", "truce", "violated"),
    ],
)
def test_a_contrast_opens_another_clause(sentence: str, trigger: str, status: str | None) -> None:
    """A comma and 'but' or 'yet' start another clause: its status word is not the trigger's."""
    lowered = sentence.lower()
    at = lowered.index(trigger)
    assert nearest_status_word(trigger_clause(lowered, at), at) == status


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("signed a seven-day ceasefire agreement in Kunming", 7),
        ("agreed to a 72-hour ceasefire starting at noon", 3),
        ("a two-week truce brokered by Qatar", 14),
        ("a two-month nationwide truce", 60),
        ("a 36-hour pause in the fighting", None),
        ("agreed to free all prisoners within two weeks", None),
    ],
)
def test_a_length_in_words_is_a_term(sentence: str, days: int | None) -> None:
    assert find_terms(sentence, "ceasefire").get("days") == days


@pytest.mark.parametrize(
    ("sentence", "trigger", "keys"),
    [
        (
            "The two sides agreed to a U.S.-Saudi-brokered truce.",
            "agreed",
            {"united states", "saudi arabia"},
        ),
        ("They agreed to a truce mediated by the United States.", "agreed", {"united states"}),
        (
            "They agreed to a ceasefire brokered by the U.N., its envoy said.",
            "agreed",
            {"united nations"},
        ),
        (
            "They signed a new truce in talks brokered by the African Union, two months after a"
            " Qatar-mediated truce broke down.",
            "signed",
            {"african union"},
        ),
    ],
)
def test_mediators_are_named_once_in_the_triggers_clause(
    sentence: str, trigger: str, keys: set[str]
) -> None:
    """Rule mediators-apart-agreements-apart reads one name per broker, from its own clause."""
    assert broker_keys(sentence, sentence.index(trigger)) == keys


@pytest.mark.parametrize(
    ("sentence", "charged"),
    [
        ("Hezbollah accused Israel of firing on villages in southern Lebanon.", True),
        ("Israel accused Hezbollah on Monday of launching two rockets at a post.", True),
        ("The army accused the rebels of repeatedly shelling Malakal.", True),
        ("Hezbollah accused Israel of seeking to derail the talks.", False),
        ("The army accused the rebels of war crimes.", False),
        ("The army accused the rebels, who were shelling Malakal, of lying.", False),
    ],
)
def test_an_accused_attack_is_told_by_its_gerund(sentence: str, charged: bool) -> None:
    """Rule an-accused-attack-in-a-truce-story-breaks-it: the charge is of an armed act."""
    row = {"type": "ACCUSE"}
    assert accuses_an_attack(row, sentence, sentence.index("accused")) is charged


@pytest.mark.parametrize(
    ("sentence", "trigger", "conditioned"),
    [
        ("The truce lapses on Sunday unless both sides agree to extend it.", "agree", True),
        ("The rebels would withdraw only if the army stopped its drone strikes.", "stopped", True),
        ("Provided the army pulls back, the rebels will extend the truce.", "extend", False),
        ("The army and the rebels agreed on Sunday to extend the truce.", "agreed", False),
        ("If talks fail, fighting may resume; the sides agreed to a truce.", "agreed", False),
    ],
)
def test_a_condition_is_no_step(sentence: str, trigger: str, conditioned: bool) -> None:
    """Rule a-condition-is-no-step: a condition in the trigger's own clause, before it."""
    assert under_a_condition(sentence, sentence.index(trigger)) is conditioned


@pytest.mark.parametrize(
    ("sentence", "trigger", "ends"),
    [
        (
            "The African Union suspended the Nairobi talks between Ethiopia and Fano.",
            "suspended",
            True,
        ),
        ("The mediators suspended talks on Thursday after repeated violations.", "suspended", True),
        (
            "Russia suspended its participation in the grain deal for several days.",
            "suspended",
            False,
        ),
        ("The EU suspended aid to the junta after the coup.", "suspended", False),
    ],
)
def test_suspended_talks_are_told_by_their_object(sentence: str, trigger: str, ends: bool) -> None:
    """Rule suspended-talks-end-the-story's-agreement: a pause whose object is the talks."""
    assert suspends_talks(sentence, sentence.index(trigger)) is ends


@pytest.mark.parametrize(
    ("sentence", "trigger", "subject"),
    [
        (
            "The army and the rebels signed a cessation of hostilities in Nairobi on Friday.",
            "signed",
            "ceasefire",
        ),
        (
            "Iran agreed on Monday to exchange five jailed Americans for five Iranians held in"
            " the United States.",
            "agreed",
            "prisoner exchange",
        ),
        (
            "Belarus offered to swap detained Lithuanians for two of its citizens.",
            "offered",
            "prisoner exchange",
        ),
        (
            "The two ministers agreed to exchange views on the border dispute.",
            "agreed",
            None,
        ),
    ],
)
def test_a_cessation_of_hostilities_is_a_truce_and_jailed_people_make_a_swap(
    sentence: str, trigger: str, subject: str | None
) -> None:
    """'cessation of hostilities' names a ceasefire (Syria's 2016 one had no subject), and a
    swap or exchange of jailed or detained people is a prisoner exchange as one of prisoners
    is ('detained Americans' named none of the words it required); an exchange of views is
    none."""
    assert find_subject(sentence, sentence.index(trigger), ("AGREE", None)) == subject


@pytest.mark.parametrize(
    ("sentence", "text", "names_it"),
    [
        ("Pakistan and Afghanistan agreed on Monday to extend the Doha ceasefire.", "Doha", True),
        ("Kyiv accused Moscow of violating the Minsk accords.", "Minsk", True),
        ("Ukraine said the Istanbul deal had collapsed.", "Istanbul", True),
        ("Qatar proposed a truce between Congo's government and the M23.", "Qatar", False),
        ("Russia and Ukraine agreed to a ceasefire in Istanbul.", "Istanbul", False),
    ],
)
def test_a_place_that_names_the_deal_is_no_party(sentence: str, text: str, names_it: bool) -> None:
    """Rule a-place-that-names-the-deal-is-no-party: a city that only names the agreement
    ('the Doha ceasefire') is not its host's state taking part."""
    assert names_the_agreement({"text": text}, sentence) is names_it


@pytest.mark.parametrize(
    ("sentence", "trigger", "whole"),
    [
        ("A new, five-day cease-fire between Israel and Hamas was holding.", "fire", "cease-fire"),
        ("The ceasefire was holding.", "ceasefire", "ceasefire"),
        ("A five-day truce began.", "day", "day"),
    ],
)
def test_a_hyphenated_cease_fire_names_the_truce(sentence: str, trigger: str, whole: str) -> None:
    """Rule a-hyphenated-cease-fire-names-the-truce: the coder's 'fire' of VOA's 'cease-fire'
    is the agreement's name, as 'ceasefire' is; other hyphenated words keep their trigger."""
    assert whole_trigger(trigger, sentence, sentence.index(trigger)) == whole


def test_renewing_and_extending_tell_an_extension() -> None:
    """The -ing forms of the extension words are extension words too ('agreed that the
    relative calm justified renewing the cessation of hostilities')."""
    clause = "agreed that the relative calm justified renewing the cessation of hostilities"
    assert nearest_status_word(clause, 0) == "extended"
    assert nearest_status_word("committed to extending the truce", 0) == "extended"


def test_an_agreement_typed_a_threat_is_read_as_an_agreement() -> None:
    """Rule an-agreement-typed-a-threat-is-an-agreement: only the verb 'agree' as trigger."""
    row = {"type": "THREATEN", "mode": "violence", "trigger": "agreed", "modality": "agreed"}
    assert agreement_as_typed(row)["type"] == "AGREE"
    threat = {**row, "trigger": "vowed"}
    assert agreement_as_typed(threat)["type"] == "THREATEN"


def test_rebels_beside_a_government_are_its_country() -> None:
    """Rule rebels-beside-a-government-are-its-country: the coder's 'Cuban rebels' of talks
    in Havana sign beside Colombia's government; named or other governments keep theirs."""
    government = {"text": "Colombian government negotiators", "country": "COL", "sector": "GOV"}
    rebels = {"text": "guerrilla commanders", "country": "CUB", "sector": "REB"}
    named = {"text": "South Sudanese rebels", "country": "SSD", "sector": "REB"}
    assert [a["country"] for a in at_home([government, rebels, named])] == ["COL", "COL", "SSD"]
    other = {"text": "Cuban officials", "country": "CUB", "sector": "GOV"}
    assert [a["country"] for a in at_home([government, other, rebels])] == ["COL", "CUB", "CUB"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "date", "its_making"),
    [
        # South Sudan (VOA, 24 January 2014): the charge is not of the signing's Thursday
        (
            "Rebel forces in South Sudan are accusing the government of violating the"
            " cease-fire the two sides signed Thursday in Ethiopia.",
            "accusing",
            "Thursday",
            True,
        ),
        # Ukraine (VOA, 23 June 2014): observing it is not of the Friday it was declared
        (
            "A leader of the pro-Russian separatists in eastern Ukraine says rebel forces will"
            " observe the unilateral cease-fire that President Petro Poroshenko declared Friday"
            " as the first step in a broader peace plan.",
            "observe",
            "Friday",
            True,
        ),
        # Syria (coverage tune, harbour-wire): the truce fell apart, not in February
        (
            "A cessation of hostilities brokered by Washington and Moscow in February fell apart"
            " within weeks amid fighting around Aleppo.",
            "fell",
            "February",
            True,
        ),
        # ... but the brokering itself is of February
        (
            "A cessation of hostilities brokered by Washington and Moscow in February fell apart"
            " within weeks amid fighting around Aleppo.",
            "brokered",
            "February",
            False,
        ),
        # a main clause in the passive tells its own day
        (
            "The truce was agreed on Monday after fighting killed 20 people.",
            "killed",
            "Monday",
            False,
        ),
        # the act's own day, told before the agreement
        (
            "The rebels accused the Malian army on Tuesday of breaking the truce agreed last"
            " week, saying drones struck a rebel convoy near Tessalit on Monday.",
            "accused",
            "Tuesday",
            False,
        ),
    ],
)
def test_a_day_in_a_clause_on_the_agreement_dates_its_making(
    sentence: str, trigger: str, date: str, its_making: bool
) -> None:
    row = {
        "sentence": sentence,
        "sentence_start": 100,
        "start": 100 + sentence.index(trigger),
        "date_char_start": 100 + sentence.index(date),
    }
    assert dates_its_making(row) is its_making


@pytest.mark.parametrize(
    ("sentence", "freed", "pair"),
    [
        # the Ankara exchange (coverage tune, ankara-swap-04): Russia's 16 for the West's 8
        (
            "Russia released 16 prisoners in the swap in Ankara, including Americans Evan"
            " Gershkovich and Paul Whelan, and received eight people held in the United States,"
            " Germany, Poland, Slovenia and Norway, a Turkish official said.",
            16,
            (16, 8),
        ),
        # the last stage of the tracking corpus's swap (a11): 130 each
        (
            "Ukraine released 130 Russian soldiers and received 130 of its own in the last stage,"
            " the coordination headquarters for prisoners of war said.",
            130,
            (130, 130),
        ),
        # receiving care is no figure received
        (
            "The Russian defence ministry confirmed that 130 Russian servicemen had been returned"
            " and were receiving medical care in Belarus before being taken to Russia.",
            130,
            (),
        ),
    ],
)
def test_what_a_side_receives_the_other_freed(
    sentence: str, freed: int, pair: tuple[int, ...]
) -> None:
    trigger = next(word for word in ("released", "returned") if word in sentence)
    assert received_pair(sentence, sentence.index(trigger), freed) == pair


def event_row(sentence: str, trigger: str, date_words: str) -> dict:
    """An asserted event of the sentence as the proposal reader sees it: its trigger and
    where its date's words start."""
    return {
        "sentence": sentence,
        "sentence_start": 0,
        "start": sentence.index(trigger),
        "trigger": trigger,
        "modality": "asserted",
        "date_char_start": sentence.index(date_words),
    }


@pytest.mark.parametrize(
    ("sentence", "trigger", "date", "makes_it", "dated_in_it"),
    [
        # coverage tune, syria-truce-sep16-03: the making told in passing, the day the main
        # clause's
        (
            "A nationwide truce in Syria brokered by the United States and Russia largely held"
            " through its first day on Tuesday, with a monitoring group reporting no civilian"
            " deaths, though aid convoys bound for Aleppo had yet to move.",
            "brokered",
            "Tuesday",
            True,
            False,
        ),
        # proposal stories, the IGAD monitors (VOA): the day inside the clause dates the making
        (
            "The monitors are the vanguard of a larger team that will monitor the cease-fire,"
            " brokered by IGAD last week.",
            "brokered",
            "last week",
            True,
            True,
        ),
        # coverage tune, syria-truce-sep16-01
        (
            "A cessation of hostilities brokered by Washington and Moscow in February fell apart"
            " within weeks amid fighting around Aleppo.",
            "brokered",
            "February",
            True,
            True,
        ),
        # a main clause's making is no clause on the agreement
        (
            "Pakistan and Afghanistan agreed to an immediate ceasefire in talks mediated by Qatar"
            " and Turkey in Doha on Sunday, Qatar's foreign ministry said.",
            "agreed",
            "Sunday",
            False,
            False,
        ),
    ],
)
def test_the_making_verb_of_a_clause_on_the_agreement_is_its_making(
    sentence: str, trigger: str, date: str, makes_it: bool, dated_in_it: bool
) -> None:
    """Rule the-making-verb-of-a-clause-on-the-agreement-is-its-making: a mention of the
    agreed step, dated only by a day inside its own clause."""
    at = sentence.index(trigger)
    row = event_row(sentence, trigger, date)
    assert makes_it_in_a_clause(row, sentence, at) is makes_it
    assert dated_in_the_making_clause(row, sentence, at) is dated_in_it


@pytest.mark.parametrize(
    ("sentence", "trigger", "words", "status", "made"),
    [
        # proposal stories, south-sudan-truce (VOA, Friday 24 January 2014): the charge and
        # the signing of Thursday 23 January
        (
            "Rebel forces in South Sudan are accusing the government of violating the"
            " cease-fire the two sides signed Thursday in Ethiopia.",
            "accusing",
            "Thursday",
            "violated",
            "2014-01-23",
        ),
        # coverage tune, syria-truce-sep16-01: the brokering of February and its collapse
        (
            "A cessation of hostilities brokered by Washington and Moscow in February fell apart"
            " within weeks amid fighting around Aleppo.",
            "brokered",
            "February",
            "collapsed",
            "2016-02-01",
        ),
        # a making the event itself reads is no second step
        (
            "Pakistan and Afghanistan agreed to an immediate ceasefire in talks mediated by Qatar"
            " and Turkey in Doha on Sunday, Qatar's foreign ministry said.",
            "agreed",
            "Sunday",
            "agreed",
            None,
        ),
        # a day the main clause gives is no making's (coverage tune, syria-truce-sep16-05)
        (
            "The Syrian army declared on Monday that the week-long truce brokered by the United"
            " States and Russia was over, blaming rebel groups for violating it more than 300"
            " times.",
            "brokered",
            "Monday",
            "collapsed",
            None,
        ),
    ],
)
def test_a_dated_making_clause_is_a_step_of_its_own(
    sentence: str, trigger: str, words: str, status: str, made: str | None
) -> None:
    row = event_row(sentence, trigger, words)
    row.update(date_start=made or "2016-09-19", date_precision="day")
    trigger_at = max(0, row["start"] - row["sentence_start"])
    in_a_making_clause = makes_it_in_a_clause(row, row["sentence"], trigger_at)
    found = making_told_beside(
        row, status, False, in_a_making_clause, trigger_at, dates_its_making(row)
    )
    assert found == (None if made is None else date.fromisoformat(made).toordinal())
