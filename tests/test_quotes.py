"""Quote extraction: golden checks on the Istanbul article, plus small realistic cases."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from accord.errors import DataFileError
from accord.extract.quotes import (
    cue_lexicon_from_data,
    extract_quotes,
    find_marked_spans,
    load_cue_lexicon,
)
from accord.models import DIRECT_KINDS, Actor, ActorMention, Article, Quote
from accord.nlp import Document, parse
from accord.resolve import actors as resolver

ISTANBUL = Path(__file__).parent / "corpus" / "istanbul-talks.txt"

# Every quote of the hand reading (istanbul-talks.expected.md, "Quotes"), and the reported
# speech the brief requires: (speaker, text, kind, cue). A speaker is a canonical actor name,
# a country ("UKR") or a country and sector ("UKR:MIL"), as in tests/corpus/README.md.
EXPECTED_ISTANBUL = [
    ("Volodymyr Zelenskyy", "tough sanctions", "direct", "urge"),
    (
        "Volodymyr Zelenskyy",
        "a full and unconditional ceasefire and an end to killings",
        "direct",
        "urge",
    ),
    (
        "Volodymyr Zelenskyy",
        "Pressure on Russia must be maintained until it is ready to end the war",
        "direct",
        "post",
    ),
    ("UKR", "unacceptable", "partial", "tell"),
    ("Donald Trump", "as soon as we can set it up", "partial", "state"),
    ("Donald Trump", "I think it’s time for us to just do it", "direct", "tell"),
    ("Hakan Fidan", "as soon as possible", "direct", "emphasise"),
    ("Hakan Fidan", "confidence-building measure", "direct", "describe"),
    ("Dmitry Peskov", "certainly needed", "partial", "state"),
    (
        "UKR:MIL",
        "I don’t think they will agree on anything concrete, because summer is the best time"
        " for war",
        "direct",
        "say",
    ),
    ("Marco Rubio", "not high", "partial", "say"),
    (
        "Volodymyr Zelenskyy",
        "he had briefed U.S. President Donald Trump and the leaders of France, Germany, the"
        " United Kingdom, and Poland on the outcome",
        "indirect",
        "state",
    ),
    (
        "Rustem Umerov",
        "the two sides also discussed a ceasefire and the possibility of a future meeting"
        " between their respective heads of state",
        "indirect",
        "say",
    ),
    (
        "Vladimir Medinsky",
        "Ukraine had proposed a presidential-level meeting, which Russia is considering",
        "indirect",
        "confirm",
    ),
    (
        "Vladimir Medinsky",
        "both sides would exchange detailed ceasefire proposals in due course",
        "indirect",
        "add",
    ),
    ("Hakan Fidan", "both sides had agreed in principle to reconvene", "indirect", "confirm"),
    ("Dmitry Peskov", "organising them would require time", "indirect", "note"),
    (
        "Marco Rubio",
        "a breakthrough might be possible only through a direct Trump–Putin meeting",
        "indirect",
        "indicate",
    ),
]
SPEAKER_TEXTS = {
    "unacceptable": "a senior Ukrainian official",
    "I don’t think they will agree": "a Ukrainian soldier using the call sign “Corsair”",
}


# --- helpers --------------------------------------------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.replace("“", '"').replace("”", '"').casefold().split())


def _speaker_matches(spec: str, quote: Quote) -> bool:
    ref = quote.speaker
    if ref is None:
        return False
    if ":" in spec:
        country, sector = spec.split(":", 1)
        return (ref.country, ref.sector) == (country, sector)
    if len(spec) == 3 and spec.isupper():
        return ref.country == spec
    return _fold(ref.name) == _fold(spec)


def _describe(quote: Quote) -> str:
    who = quote.speaker.name if quote.speaker else "-"
    return (
        f"  {quote.id} [{quote.kind}, cue={quote.cue}] {who} / {quote.speaker_text!r}: "
        f"{quote.text!r}\n      why: {quote.evidence.why}"
    )


def _golden_misses(quotes: list[Quote], expected: list[tuple[str, str, str, str]]) -> list[str]:
    """One readable line per expected quote that is missing or wrong."""
    misses = []
    for speaker, text, kind, cue in expected:
        same_text = [q for q in quotes if _fold(q.text) == _fold(text)]
        if not same_text:
            misses.append(f"MISSING  {speaker}: {text!r} ({kind}, cue {cue})")
            continue
        quote = next((q for q in same_text if q.kind == kind), same_text[0])
        problems = []
        if quote.kind != kind:
            problems.append(f"kind {quote.kind!r}, want {kind!r}")
        if quote.cue != cue:
            problems.append(f"cue {quote.cue!r}, want {cue!r}")
        if not _speaker_matches(speaker, quote):
            got = quote.speaker and (quote.speaker.name, quote.speaker.country)
            problems.append(f"speaker {got} / {quote.speaker_text!r}, want {speaker!r}")
        if problems:
            misses.append(f"WRONG    {text!r}: " + "; ".join(problems))
    return misses


def _assert_golden(quotes: list[Quote], expected: list[tuple[str, str, str, str]]) -> None:
    misses = _golden_misses(quotes, expected)
    extracted = "\n".join(_describe(q) for q in quotes)
    assert not misses, "\n".join(misses) + f"\n\nextracted:\n{extracted}"


def _article(text: str, article_id: str = "test") -> Article:
    return Article(id=article_id, text=text, content_hash=article_id)


def _quotes_of(text: str) -> list[Quote]:
    """Quotes of a small text parsed for real, with no actor mentions."""
    return extract_quotes(parse(_article(text)))


def _only(quotes: list[Quote], kind: str = "direct") -> Quote:
    found = [q for q in quotes if q.kind == kind]
    assert len(found) == 1, "\n".join(_describe(q) for q in quotes)
    return found[0]


# --- the Istanbul article -------------------------------------------------------------------


@pytest.fixture(scope="module")
def istanbul_parsed() -> Document:
    text = ISTANBUL.read_text(encoding="utf-8")
    return parse(_article(text, "istanbul-talks"))


@pytest.fixture(scope="module")
def istanbul_resolved(istanbul_parsed: Document) -> list[Quote]:
    """The article through the real actor resolver, as the pipeline runs it."""
    if not hasattr(resolver, "resolve_mentions"):
        pytest.skip("accord.resolve.actors.resolve_mentions is not there yet")
    document = Document(article=istanbul_parsed.article, doc=istanbul_parsed.doc)
    resolver.resolve_mentions(document)
    return extract_quotes(document)


# FIXTURE: hand-made actor mentions standing in for the resolver, so that the extractor is
# checked on its own (speaker spans, pronouns, titles) whatever the resolver does.
ZELENSKYY = Actor("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", "UKR", "GOV", "President")
TRUMP = Actor("donald-trump", "Donald Trump", "person", "USA", "GOV", "President")
UMEROV = Actor("rustem-umerov", "Rustem Umerov", "person", "UKR", "GOV", "Defence Minister")
MEDINSKY = Actor("vladimir-medinsky", "Vladimir Medinsky", "person", "RUS", "GOV", "aide")
FIDAN = Actor("hakan-fidan", "Hakan Fidan", "person", "TUR", "GOV", "Foreign Minister")
PESKOV = Actor("dmitry-peskov", "Dmitry Peskov", "person", "RUS", "GOV", "Kremlin spokesman")
RUBIO = Actor("marco-rubio", "Marco Rubio", "person", "USA", "GOV", "Secretary of State")
UKRAINE = Actor("UKR", "Ukraine", "state", "UKR", "GOV")
UKRAINIAN_OFFICIALS = Actor("UKR-GOV", "Ukrainian officials", "group", "UKR", "GOV")
UKRAINIAN_MILITARY = Actor("UKR-MIL", "Ukrainian military", "group", "UKR", "MIL")
ASSOCIATED_PRESS = Actor("associated-press", "Associated Press", "organisation", "USA", "MED")
HAND_MENTIONS = [
    # (words, the text just before them, actor, why)
    ("Volodymyr Zelenskyy", "Ukrainian President ", ZELENSKYY, "dictionary"),
    ("he", "stated that ", ZELENSKYY, "pronoun"),
    ("Zelenskyy", "Tirana, Albania, ", ZELENSKYY, "surname"),
    ("Ukraine", "leaders.\n", UKRAINE, "country"),
    ("Rustem Umerov", "Defence Minister ", UMEROV, "dictionary"),
    ("Vladimir Medinsky", "presidential aide ", MEDINSKY, "dictionary"),
    ("He", "is considering. ", MEDINSKY, "pronoun"),
    ("a senior Ukrainian official", "However, ", UKRAINIAN_OFFICIALS, "nationality"),
    ("Associated Press", "told the ", ASSOCIATED_PRESS, "dictionary"),
    ("Trump", "substance.\n", TRUMP, "surname"),
    ("Trump", "do it,” ", TRUMP, "surname"),
    ("Hakan Fidan", "Foreign Minister ", FIDAN, "dictionary"),
    ("Fidan", "the meeting, ", FIDAN, "surname"),
    ("Zelenskyy", "the war,” ", ZELENSKYY, "surname"),
    ("Dmitry Peskov", "Kremlin spokesman ", PESKOV, "dictionary"),
    ("he", "though ", PESKOV, "pronoun"),
    ("a Ukrainian soldier", "the frontline, ", UKRAINIAN_MILITARY, "nationality"),
    ("he", "for war,” ", UKRAINIAN_MILITARY, "pronoun"),
    ("he", "Still, ", UKRAINIAN_MILITARY, "pronoun"),
    ("Marco Rubio", "Secretary of State ", RUBIO, "dictionary"),
    ("Rubio", "American side.\n", RUBIO, "surname"),
]


def _hand_mentions(document: Document) -> list[ActorMention]:
    text = document.article.text
    mentions = []
    for words, before, actor, why in HAND_MENTIONS:
        anchor = text.find(before + words)
        assert anchor != -1, f"fixture text not in the article: {before + words!r}"
        start = anchor + len(before)
        sentence = next(
            n for n, s in enumerate(document.doc.sents) if s.start_char <= start < s.end_char
        )
        mentions.append(ActorMention(actor, words, start, start + len(words), sentence, why))
    return mentions


@pytest.fixture(scope="module")
def istanbul_by_hand(istanbul_parsed: Document) -> list[Quote]:
    document = Document(article=istanbul_parsed.article, doc=istanbul_parsed.doc)
    document.mentions = _hand_mentions(document)
    return extract_quotes(document)


def test_every_quote_of_the_hand_reading_with_hand_mentions(istanbul_by_hand):
    _assert_golden(istanbul_by_hand, EXPECTED_ISTANBUL)


def test_every_quote_of_the_hand_reading_with_the_resolver(istanbul_resolved):
    _assert_golden(istanbul_resolved, EXPECTED_ISTANBUL)


@pytest.mark.parametrize("fixture", ["istanbul_by_hand", "istanbul_resolved"])
def test_speaker_words_are_kept(fixture, request):
    quotes = request.getfixturevalue(fixture)
    for start_of_text, words in SPEAKER_TEXTS.items():
        quote = next(
            q for q in quotes if q.kind in DIRECT_KINDS and q.text.startswith(start_of_text)
        )
        assert quote.speaker_text == words, _describe(quote)


def test_the_addressee_is_never_the_speaker(istanbul_by_hand, istanbul_resolved):
    for quote in istanbul_by_hand + istanbul_resolved:
        assert "Associated Press" not in (quote.speaker_text or ""), _describe(quote)
        assert quote.speaker is None or quote.speaker.name != "Associated Press"


def test_apostrophes_never_make_quotes(istanbul_parsed, istanbul_by_hand):
    text = istanbul_parsed.article.text
    for span in find_marked_spans(text):
        assert text[span.open] == "“" and text[span.end - 1] == "”", text[span.open : span.end]
    for quote in istanbul_by_hand:
        assert not quote.text.startswith(("s ", "s’", " leaders")), _describe(quote)
        assert "delegations’ leaders" not in quote.text or quote.kind == "indirect"


def test_a_call_sign_is_a_name_not_a_quote(istanbul_by_hand):
    assert all(q.text != "Corsair" for q in istanbul_by_hand)


def test_records_are_numbered_in_text_order_with_true_evidence(istanbul_by_hand):
    text = ISTANBUL.read_text(encoding="utf-8")
    assert [q.id for q in istanbul_by_hand] == [
        f"istanbul-talks-q{n}" for n in range(1, len(istanbul_by_hand) + 1)
    ]
    assert [q.evidence.start for q in istanbul_by_hand] == sorted(
        q.evidence.start for q in istanbul_by_hand
    )
    for quote in istanbul_by_hand:
        evidence = quote.evidence
        start = evidence.sentence_start
        assert text[start : start + len(evidence.sentence)] == evidence.sentence
        assert start <= evidence.start < evidence.end <= start + len(evidence.sentence)
        if quote.kind == "direct":
            assert text[evidence.start : evidence.end] == quote.text
        assert quote.article_id == "istanbul-talks"
        assert quote.evidence.why.startswith(quote.kind)


def test_no_indirect_quote_repeats_a_direct_one(istanbul_by_hand):
    direct = [q for q in istanbul_by_hand if q.kind == "direct"]
    for quote in istanbul_by_hand:
        if quote.kind == "indirect":
            assert not any(
                d.evidence.start <= quote.evidence.start and quote.evidence.end <= d.evidence.end
                for d in direct
            ), _describe(quote)


# --- small realistic cases ------------------------------------------------------------------


def test_quote_running_over_two_paragraphs_is_one_quote():
    quotes = _quotes_of(
        "Foreign Minister Sergei Lavrov spoke after the talks.\n"
        "“We will not give up what is ours. Not one metre.\n"
        "“We are ready to talk, but not to surrender,” he said."
    )
    quote = _only(quotes)
    assert quote.text == (
        "We will not give up what is ours. Not one metre.\n"
        "We are ready to talk, but not to surrender"
    )
    assert quote.cue == "say"
    assert quote.speaker_text == "Foreign Minister Sergei Lavrov"
    assert "pronoun 'he'" in quote.evidence.why


def test_straight_quote_marks():
    quotes = _quotes_of(
        "Foreign Minister Sergei Lavrov met his Turkish counterpart on Monday. "
        '"We are ready for talks," Lavrov told reporters.'
    )
    quote = _only(quotes)
    assert (quote.text, quote.cue, quote.speaker_text) == (
        "We are ready for talks",
        "tell",
        "Lavrov",
    )


def test_according_to_names_the_speaker():
    quote = _only(
        _quotes_of("“We will not back down,” according to a statement from the ministry.")
    )
    assert (quote.text, quote.cue, quote.speaker_text) == (
        "We will not back down",
        "according to",
        "the ministry",
    )


def test_according_to_makes_the_rest_of_the_sentence_a_claim():
    quote = _only(
        _quotes_of("Two civilians were killed overnight, according to the regional governor."),
        kind="indirect",
    )
    assert quote.text == "Two civilians were killed overnight"
    assert quote.speaker_text == "the regional governor"


def test_quote_followed_by_he_said():
    quotes = _quotes_of(
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Friday. "
        "“The talks were useful,” he said."
    )
    quote = _only(quotes)
    assert (quote.text, quote.cue) == ("The talks were useful", "say")
    assert quote.speaker_text == "Kremlin spokesman Dmitry Peskov"


def test_ministry_statement():
    quote = _only(_quotes_of("“We will respond,” the ministry said in a statement."))
    assert (quote.text, quote.kind, quote.cue) == ("We will respond", "direct", "say")
    assert quote.speaker is None
    assert quote.speaker_text == "the ministry"
    assert quote.evidence.why == "direct: quote marks + cue 'said' + nsubj, no actor mention"


def test_statement_noun_gives_its_owner():
    quote = _only(_quotes_of("The ministry's statement read: “Our forces will respond.”"))
    assert (quote.text, quote.speaker_text) == ("Our forces will respond.", "The ministry")


def test_attribution_before_a_quote_standing_alone():
    quote = _only(_quotes_of("Donald Trump told reporters:\n“I think it’s time to do it.”"))
    assert (quote.text, quote.cue, quote.speaker_text) == (
        "I think it’s time to do it.",
        "tell",
        "Donald Trump",
    )


def test_single_quote_marks_and_apostrophes():
    quotes = _quotes_of(
        "‘We won’t go back,’ the commander said, adding that the delegations’ leaders were"
        " ‘unrealistic’."
    )
    assert [(q.kind, q.text, q.speaker_text) for q in quotes] == [
        ("direct", "We won’t go back", "the commander"),
        ("indirect", "the delegations’ leaders were ‘unrealistic’", "the commander"),
        ("partial", "unrealistic", "the commander"),
    ]


def test_reported_clause_with_a_partial_quote_gives_both_records():
    quotes = _quotes_of(
        "Rubio said on Thursday that expectations for the talks were “not high,” but indicated"
        " a breakthrough might be possible."
    )
    assert [(q.kind, q.text, q.speaker_text) for q in quotes] == [
        ("indirect", "expectations for the talks were “not high”", "Rubio"),
        ("partial", "not high", "Rubio"),
        ("indirect", "a breakthrough might be possible", "Rubio"),
    ]


def test_outer_reporter_owns_the_quote():
    quotes = _quotes_of(
        "He said Iran would respond to the listings with “proportionate countermeasures.”"
    )
    assert _only(quotes, "partial").cue == "say"


def test_scare_quotes_and_names_are_not_quotes():
    assert _quotes_of("The so-called “special operation” entered its fourth year.") == []
    assert _quotes_of("A unit known as “Azov” held the plant for weeks.") == []


def test_unattributed_full_sentence_is_kept_without_a_speaker():
    quote = _only(_quotes_of("“We will never forget.”\nThe crowd fell silent."))
    assert quote.speaker is None and quote.cue is None
    assert quote.evidence.confidence < 0.5


# --- quote marks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("the delegations’ leaders said it’s over", []),
        ("They don't know. The leaders' talks ended.", []),
        ("He said “yes” and ‘no’.", ["yes", "no"]),
        ('He said "yes" and "no".', ["yes", "no"]),
        ("“One.\n“Two,” he said.", ["One.\n“Two,"]),
        ("rock ‘n’ roll and the ’90s", []),
        ('a 12" screen, he said "yes"', ["yes"]),
    ],
)
def test_find_marked_spans(text, quoted):
    assert [text[s.start : s.stop] for s in find_marked_spans(text)] == quoted


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "He said ”yes“.",
        "“Unclosed quote runs to the paragraph end\nNext paragraph, he said.",
        "“Nested ‘inner’ quote,” she said.",
        "«Nous resterons», a déclaré le ministre.",
        "“A” “B” “C”",
        "\n\n“Alone.”\n\n",
    ],
)
def test_malformed_or_odd_marks_give_sound_records(text):
    for quote in _quotes_of(text):
        evidence = quote.evidence
        assert 0 <= evidence.start < evidence.end <= len(text)
        start = evidence.sentence_start
        assert text[start : start + len(evidence.sentence)] == evidence.sentence
        assert any(char.isalnum() for char in quote.text)


# --- the cue lexicon ------------------------------------------------------------------------


def test_bundled_lexicon_loads():
    lexicon = load_cue_lexicon()
    assert {"say", "tell", "urge", "describe", "post", "emphasise"} <= lexicon.verbs
    assert "say" in lexicon.indirect_verbs and "urge" not in lexicon.indirect_verbs
    assert ("according", "to") in lexicon.attribution_phrases
    assert "call sign" in lexicon.name_markers


def _valid_lexicon() -> dict:
    return {
        "verbs": {"say": {"indirect": True}},
        "nouns": ["statement"],
        "attribution_phrases": ["according to"],
        "name_markers": ["call sign"],
        "person_nouns": ["official"],
        "speaker_nouns": ["ministry"],
        "document_nouns": ["ruling"],
        "outlet_nouns": ["newspaper"],
        "outlet_name_words": ["times"],
        "work_nouns": ["memoir"],
        "leader_offices": ["president"],
        "pointing_words": ["these"],
    }


def test_valid_lexicon_builds():
    lexicon = cue_lexicon_from_data(_valid_lexicon())
    assert "ministry" in lexicon.speaker_nouns and "ruling" in lexicon.document_nouns


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("verbs"), "'verbs' must be a non-empty object"),
        (lambda d: d["verbs"].update(warn={"indirect": "yes"}), "verbs['warn']"),
        (lambda d: d["verbs"].update(Say={"indirect": True}), "lower-case"),
        (lambda d: d.update(nouns=[]), "'nouns' must be a non-empty list"),
        (lambda d: d.update(name_markers=["call sign", 3]), "name_markers entry 3"),
    ],
)
def test_malformed_lexicon_is_a_clear_error(change, message):
    data = _valid_lexicon()
    change(data)
    with pytest.raises(DataFileError, match=re.escape(message)):
        cue_lexicon_from_data(data)


def test_unreadable_lexicon_file_is_a_data_file_error(tmp_path: Path):
    not_json = tmp_path / "quote_cues.json"
    not_json.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape("cannot read quote_cues.json")):
        load_cue_lexicon(not_json)
    a_list = tmp_path / "list.json"
    a_list.write_text(json.dumps([1, 2]), encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape("list.json: expected a JSON object")):
        load_cue_lexicon(a_list)
    with pytest.raises(DataFileError, match=re.escape("cannot read missing.json")):
        load_cue_lexicon(tmp_path / "missing.json")


# --- rule: scare quote (a fragment needs a cue that governs it) ----------------------------


def test_scare_quote_in_a_sentence_with_an_unrelated_cue_is_not_a_quote():
    quotes = _quotes_of(
        "The opposition leader, who was described as “tireless” by his aides, toured the"
        " “liberated” districts on Monday."
    )
    assert [q.text for q in quotes if q.kind in DIRECT_KINDS] == ["tireless"]


def test_words_in_quote_marks_beside_according_to_are_the_sources():
    quotes = _quotes_of("Troops used “excessive force,” according to the rights group.")
    direct = _only(quotes, "partial")
    assert (direct.text, direct.cue, direct.speaker_text) == (
        "excessive force",
        "according to",
        "the rights group",
    )


def test_second_half_of_a_split_quote_keeps_its_speaker():
    quotes = _quotes_of(
        "“We will rebuild the bridge,” the governor said, “whatever it costs the province.”"
    )
    direct = [q for q in quotes if q.kind == "direct"]
    assert [(q.text, q.speaker_text) for q in direct] == [
        ("We will rebuild the bridge", "the governor"),
        ("whatever it costs the province", "the governor"),
    ]


def test_a_participle_giving_a_name_is_not_a_quote():
    assert _quotes_of("A militia called “Black Wolves” held the bridge for a week.") == []
    quote = _only(_quotes_of("The plan, described as “reckless” by the opposition, was dropped."))
    assert (quote.text, quote.speaker_text) == ("reckless", "the opposition")


# --- rule: not a speaker (events, things and documents do not speak) ------------------------


def test_a_document_is_not_the_speaker_but_its_author_is():
    quotes = _quotes_of("The tribunal's ruling said the vote count was “deeply flawed”.")
    quote = _only(quotes, "partial")  # inside the reported clause (rule quoted predicate)
    assert (quote.text, quote.speaker_text) == ("deeply flawed", "The tribunal")
    assert "author of 'ruling'" in quote.evidence.why
    assert _only(quotes, "indirect").speaker_text == "The tribunal"


def test_a_document_with_no_author_leaves_the_quote_without_a_speaker():
    quotes = _quotes_of("The ruling, issued on Monday, said the count was “deeply flawed”.")
    quote = _only(quotes, "partial")  # inside the reported clause (rule quoted predicate)
    assert quote.text == "deeply flawed"
    assert quote.speaker is None and quote.speaker_text is None
    assert _only(quotes, "indirect").speaker_text is None


def test_according_to_a_document_names_its_author_or_nobody():
    claim = _only(
        _quotes_of("Two soldiers were killed, according to a statement from the army."),
        kind="indirect",
    )
    assert claim.speaker_text == "the army"
    unsourced = _only(
        _quotes_of("Two soldiers were killed, according to the reports."), kind="indirect"
    )
    assert unsourced.speaker is None and unsourced.speaker_text is None


def test_a_documents_claim_is_kept_without_a_speaker():
    claim = _only(_quotes_of("The report said that the camp had been shelled."), kind="indirect")
    assert claim.text == "the camp had been shelled"
    assert claim.speaker is None and claim.speaker_text is None


def test_a_participle_belongs_to_the_person_not_to_the_event_it_follows():
    quote = _only(
        _quotes_of(
            "An aid worker described how the shelling began, saying, “We ran to the basement.”"
        )
    )
    assert quote.speaker_text == "An aid worker"


def test_hundreds_of_villagers_are_the_villagers():
    claim = _only(
        _quotes_of(
            "Hundreds of villagers gathered outside the court, demanding that the judge resign."
        ),
        kind="indirect",
    )
    assert claim.speaker_text == "villagers"


# --- rule: pronoun speaker (the agreeing subject of the least embedded clause) ---------------


def test_pronoun_speaker_is_the_main_speaker_not_the_person_talked_about():
    quotes = _quotes_of(
        "Opposition leader Maria Kovac said the minister was “a liar”; however, “we will keep"
        " talking to his party”, she added."
    )
    direct = [q for q in quotes if q.kind in DIRECT_KINDS]
    assert [q.speaker_text for q in direct] == ["Opposition leader Maria Kovac"] * 2


def test_pronoun_speaker_skips_a_person_in_a_reported_clause():
    quotes = _quotes_of(
        "Defence Minister Anton Holm said on Monday that the general had resigned. He added that"
        " “the army will stay out of politics.”"
    )
    assert _only(quotes).speaker_text == "Defence Minister Anton Holm"


def test_they_points_back_to_people_not_to_one_person():
    quotes = _quotes_of(
        "The mayor met the officers on Friday. The officers said the city was calm."
        " “We have nothing to fear,” they said."
    )
    assert _only(quotes).speaker_text == "The officers"


def _with_mentions(text: str, spans: list[tuple[str, int, Actor, str]]) -> list[Quote]:
    """Quotes of a text parsed for real, with hand-made mentions (words, occurrence, actor)."""
    document = parse(_article(text))
    mentions = []
    for words, occurrence, actor, why in spans:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(words, start + 1)
        sentence = next(
            n for n, s in enumerate(document.doc.sents) if s.start_char <= start < s.end_char
        )
        mentions.append(ActorMention(actor, words, start, start + len(words), sentence, why))
    document.mentions = mentions
    return extract_quotes(document)


def test_pronoun_speaker_overrides_a_resolver_link_to_a_word_that_is_no_subject():
    silva = Actor("ana-silva", "Ana Silva", "person", "PRT", "GOV", "Prime Minister")
    delta = Actor("delta", "Delta", "person", None, None, None)  # a project taken for a person
    quotes = _with_mentions(
        "Prime Minister Ana Silva said the Delta pipeline project was open to all.\n"
        "“We exclude nobody,” she said.",
        [
            ("Ana Silva", 0, silva, "dictionary"),
            ("Delta", 0, delta, "ner"),
            ("she", 0, delta, "pronoun"),
        ],
    )
    quote = _only(quotes)
    assert quote.speaker is not None and quote.speaker.name == "Ana Silva"
    assert "not the resolver's 'Delta'" in quote.evidence.why


# --- rule: report of a report (an outlet passing on someone's words is not their speaker) ---


def _records(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker_text) for q in quotes]


def test_an_outlet_reporting_a_statement_is_not_its_speaker():
    quotes = _quotes_of(
        "The Kyiv Post reported on Sunday that a senior army officer said the bridge had been"
        " destroyed."
    )
    assert _records(quotes) == [
        ("indirect", "the bridge had been destroyed", "a senior army officer")
    ]


def test_a_trailing_outlet_attribution_is_neither_speaker_nor_claim():
    quotes = _quotes_of(
        "Earlier, a navy spokesman said that two ships had been sunk, the Daily Herald reported."
    )
    assert _records(quotes) == [("indirect", "two ships had been sunk", "a navy spokesman")]


def test_quoted_as_saying_gives_the_one_quoted():
    quote = _only(
        _quotes_of(
            "The agency quoted the interior minister as saying that “order has been restored”."
        )
    )
    assert (quote.text, quote.speaker_text) == ("order has been restored", "the interior minister")
    assert "object of 'quoted'" in quote.evidence.why


def test_a_word_reported_through_an_outlet_is_the_inner_speakers():
    quotes = _quotes_of(
        "The newspaper reported that the minister said the port was in “critical” condition."
    )
    direct = _only(quotes, "partial")
    assert (direct.text, direct.speaker_text) == ("critical", "the minister")


def test_according_to_an_outlet_passing_on_a_statement_gives_the_statement_only():
    quotes = _quotes_of(
        "According to the Kyiv Post, the foreign minister said the talks had failed."
    )
    assert _records(quotes) == [("indirect", "the talks had failed", "the foreign minister")]


# --- rule: title speaker ("the minister" is the minister the article names) -----------------


def _resolved_quotes(text: str) -> list[Quote]:
    """Quotes of a text through the real parser and actor resolver, as the pipeline runs it."""
    document = parse(_article(text))
    resolver.resolve_mentions(document)
    return extract_quotes(document)


def test_a_title_speaker_is_the_named_holder_of_that_title():
    quote = _only(
        _resolved_quotes(
            "Foreign Minister Elena Marin met the envoys on Monday. The foreign minister said the"
            " talks would resume."
        ),
        kind="indirect",
    )
    assert quote.speaker is not None and quote.speaker.name == "Elena Marin"
    assert quote.speaker_text == "The foreign minister"
    assert "title 'minister'" in quote.evidence.why


def test_a_countrys_title_in_a_lead_is_the_person_named_later():
    quotes = _resolved_quotes(
        "Kenya's president said the talks would resume on Friday. President William Ruto spoke"
        " in Nairobi after meeting the envoys."
    )
    quote = _only(quotes, kind="indirect")
    assert quote.speaker is not None and quote.speaker.name == "William Ruto"


def test_one_official_belongs_to_the_officials_named_before():
    quotes = _resolved_quotes(
        "Estonian officials said the ferry had sunk. One official said the crew had been rescued."
    )
    one = next(q for q in quotes if q.speaker_text == "One official")
    assert one.speaker is not None and one.speaker.country == "EST"


def test_an_indefinite_title_is_someone_new():
    quotes = _resolved_quotes(
        "Foreign Minister Elena Marin met the envoys. A senior diplomat said the talks had failed."
    )
    quote = _only(quotes, kind="indirect")
    assert quote.speaker is None or quote.speaker.name != "Elena Marin"


def test_a_person_in_apposition_speaks_for_the_body_before_him():
    quotes = _resolved_quotes(
        "The United Nations (UN) emergency relief coordinator Jan Egeland has said that aid was"
        " getting through."
    )
    quote = _only(quotes, kind="indirect")
    assert quote.speaker is not None and quote.speaker.name == "Jan Egeland"


def test_pronoun_speaker_with_no_actor_is_not_handed_to_the_person_met():
    quotes = _resolved_quotes(
        "The envoy, who met Prime Minister Abiy Ahmed on Monday, said the talks were"
        " constructive. “We made progress,” he said."
    )
    quote = _only(quotes)
    assert quote.speaker_text == "The envoy"
    assert quote.speaker is None or quote.speaker.name != "Abiy Ahmed"


# --- rule: a name set off by commas after the title is the speaker's ------------------------


def test_a_name_between_commas_after_the_title_names_the_speaker():
    quote = _only(
        _quotes_of(
            "The navy spokesman in Odesa, D K Marchenko, told reporters that two ships had been"
            " hit."
        ),
        kind="indirect",
    )
    assert quote.speaker_text == "The navy spokesman in Odesa, D K Marchenko"


def test_the_name_after_the_title_is_the_speaker_not_the_person_the_title_serves():
    quotes = _resolved_quotes(
        "A spokesman for President Vladimir Putin, Dmitry Peskov, said the talks would resume."
    )
    quote = _only(quotes, kind="indirect")
    assert quote.speaker is not None and quote.speaker.name == "Dmitry Peskov"
    alone = _only(
        _resolved_quotes("A spokesman for President Vladimir Putin said the talks would resume."),
        kind="indirect",
    )
    assert alone.speaker is None or alone.speaker.name != "Vladimir Putin"


def test_words_capitalised_as_a_name_are_a_title_not_a_quote():
    quotes = _quotes_of("Ukraine said the “Istanbul Communiqué” was no longer valid.")
    assert [q.kind for q in quotes] == ["indirect"]
    quotes = _quotes_of("The army said Operation “Spider Web” had hit four airfields.")
    assert [q.kind for q in quotes] == ["indirect"]


def test_a_capitalised_quote_opening_its_sentence_is_still_a_quote():
    quote = _only(_quotes_of("The talks ended late. “No Comment,” the envoy said."))
    assert (quote.text, quote.speaker_text) == ("No Comment", "the envoy")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The hospital said that six patients had died.", "The hospital"),
        ("A paramedic said that the road was blocked.", "A paramedic"),
        ("The airline said that all flights were cancelled.", "The airline"),
        ("Rescuers said that two people were still missing.", "Rescuers"),
        ("The campaign said that the vote had been rigged.", "The campaign"),
        ("Others warned that the truce would not hold.", "Others"),
        ("Many said that the vote had been rigged.", "Many"),
    ],
)
def test_people_and_bodies_speak(text, speaker):
    assert _only(_quotes_of(text), kind="indirect").speaker_text == speaker


def test_pronoun_speaker_after_a_sentence_with_no_person_subject_is_its_person_object():
    quotes = _resolved_quotes(
        "Prime Minister Ana Silva praised the deal. Police arrested opposition leader Ahmed Salim"
        " on Monday. “I am innocent,” he said."
    )
    quote = _only(quotes)
    assert quote.speaker is not None and quote.speaker.name == "Ahmed Salim"


def test_a_so_called_or_dubbed_phrase_is_a_name_not_a_quote():
    quotes = _quotes_of(
        'Critics say the so-called "border first" approach risks leaving Kyiv short of shells. '
        'The measure, dubbed the "security bill," failed on Tuesday.'
    )
    assert [q.text for q in quotes if q.kind == "direct"] == []


def test_a_speaker_the_parse_hangs_on_a_participle_still_speaks():
    quotes = _quotes_of(
        'Defence Minister Boris Pistorius, asked about the dispute, said only: "The chancellor '
        'has decided."'
    )
    quote = _only(quotes)
    assert quote.speaker_text is not None and "Pistorius" in quote.speaker_text


def test_a_quote_split_by_he_continued_is_the_speakers_on_both_sides():
    quotes = [
        q
        for q in _quotes_of(
            'Prime Minister Hailemariam Desalegn spoke to the crowd. "So," he continued, '
            '"if tomorrow you have questions, you have the right to ask in a peaceful way."'
        )
        if q.kind == "direct"
    ]
    assert [q.text for q in quotes] == [
        "So",
        "if tomorrow you have questions, you have the right to ask in a peaceful way",
    ]
    assert {q.speaker_text for q in quotes} == {"Prime Minister Hailemariam Desalegn"}


def test_an_unnamed_speaker_speaks_for_the_body_they_are_from():
    """Rule ``affiliation speaker``: "a source within the Afghan Interior Ministry" speaks for
    the ministry; "a teacher in Kyiv" is not Kyiv speaking."""
    quote = _only(
        _resolved_quotes(
            '"We are investigating," a source within the Afghan Interior Ministry said.'
        )
    )
    assert quote.speaker is not None and quote.speaker.name == "Afghan Interior Ministry"
    teacher = _only(_resolved_quotes('"It was terrible," a teacher in Kyiv said.'))
    assert teacher.speaker is None or teacher.speaker.name != "Kyiv"


def test_the_title_of_a_work_is_no_quote():
    """ "Her memoir, “Becoming,” sold millions": the marks set off a title after its noun."""
    quotes = _quotes_of(
        "Her memoir, “Becoming,” sold millions of copies. “We will not back down,” Smith said."
    )
    assert [q.text for q in quotes] == ["We will not back down"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Norwegian Refugee Council criticised the decision. It released a statement "
            'which said, "Families who fled the fighting have nowhere else to go."',
            "Norwegian Refugee Council",
        ),
        (
            "Kenya's foreign ministry issued a statement on Monday that read: "
            '"The talks will resume in Nairobi next week."',
            "KEN",
        ),
        (
            'Amnesty International released a report that said "detainees were beaten in custody".',
            "Amnesty International",
        ),
    ],
)
def test_rule_issued_document_speaks_for_its_issuer(text: str, speaker: str) -> None:
    from accord.ingest import make_article
    from accord.pipeline import extract_article

    quote = _only(list(extract_article(make_article(text, published="2024-05-01")).quotes))
    assert quote.speaker is not None
    assert speaker in {quote.speaker.name, quote.speaker.country}


# --- rule: bare group speaker ("Officials said" are the officials named before) -------------

NEWS_TUNE = Path(__file__).parent / "corpus_news" / "tune"
QUOTES_TUNE = Path(__file__).parent / "corpus_quotes" / "tune"


def _dev_article_quotes(name: str, folder: Path = NEWS_TUNE) -> list[Quote]:
    """The quotes of a real dev article, through the real parser and actor resolver."""
    text = (folder / name).read_text(encoding="utf-8")
    document = parse(_article(text, name))
    resolver.resolve_mentions(document)
    return extract_quotes(document)


def _indirect_starting(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if q.kind == "indirect" and q.text.startswith(words)]
    assert len(found) == 1, "\n".join(_describe(q) for q in quotes)
    return found[0]


def test_bare_officials_are_the_officials_named_before():
    quotes = _dev_article_quotes("a-voa-venezuela-frees-political-prisoners.txt")
    quote = _indirect_starting(quotes, "the activists included")
    assert quote.speaker_text == "Officials"
    assert quote.speaker is not None
    assert (quote.speaker.country, quote.speaker.sector) == ("VEN", "GOV")
    assert "group 'Officials' -> 'Venezuelan officials'" in quote.evidence.why


def test_bare_officials_later_in_the_article_are_still_the_same_group():
    quotes = _dev_article_quotes("b-voa-afghanistan-roadside-bomb-us-troops.txt")
    quote = _indirect_starting(quotes, "aremote-controlled roadside bomb")
    assert quote.speaker is not None
    assert (quote.speaker.country, quote.speaker.sector) == ("AFG", "GOV")


def test_officials_with_a_word_of_their_own_are_a_group_of_their_own():
    quotes = _dev_article_quotes("b-voa-pakistan-gunmen-kill-pilgrims.txt")
    quote = _indirect_starting(quotes, "the attack took place in the Mastung district")
    assert quote.speaker_text == "Local officials"
    assert quote.speaker is None


# --- rule: country leader speaker ("the Syrian leader" is its president named before) ------------


def test_a_countrys_leader_is_its_head_named_before():
    quotes = _dev_article_quotes("b-voa-israel-begins-lebanon-withdrawal.txt")
    quote = _indirect_starting(quotes, "Israel had long been planning")
    assert quote.speaker_text == "The Syrian leader"
    assert quote.speaker is not None and quote.speaker.name == "Bashar al-Assad"
    assert "title 'leader' -> 'Bashar al-Assad'" in quote.evidence.why


def test_a_leader_of_a_group_is_not_the_countrys_head():
    quotes = _dev_article_quotes("b-voa-israel-begins-lebanon-withdrawal.txt")
    quote = _indirect_starting(quotes, "his fighters won a strategic")
    assert quote.speaker is not None and quote.speaker.name == "Hassan Nasrallah"


def test_cited_as_saying_is_the_one_cited_when_as_hangs_on_a_later_verb():
    """The parse puts "as saying" under "related", a verb of the clause after it."""
    quotes = _dev_article_quotes("b-wn-indonesia-wiranto-stabbed.txt")
    quote = _indirect_starting(quotes, "the suspects were linked to the Jamaah Ansharut Daulah")
    assert quote.speaker is not None and quote.speaker.name == "Budi Gunawan"
    assert "object of 'cited' (before 'as')" in quote.evidence.why


# --- rule: particle cue ("pointed out (that) ..." reports speech) --------------------------------


def test_pointed_out_that_reports_a_clause():
    quotes = _dev_article_quotes("q-voa-voting-rights-decision-lawmakers.txt", QUOTES_TUNE)
    quote = _indirect_starting(quotes, "there were 22 new laws proposed in 2012")
    assert quote.cue == "point out"
    assert quote.speaker is not None and quote.speaker.name == "Marcia Fudge"


def test_pointed_out_with_no_that_reports_a_clause():
    quotes = _dev_article_quotes("a-wn-hungary-acquires-hirtenberger.txt")
    quote = _indirect_starting(quotes, "it would have been much more costly")
    assert quote.cue == "point out"
    assert quote.speaker_text == "Maróth"


def test_pointed_out_after_a_quote_gives_its_speaker():
    quotes = _dev_article_quotes("q-voa-angola-mpla-commanding-lead.txt", QUOTES_TUNE)
    quote = next(q for q in quotes if q.text.startswith("The electoral commission continues"))
    assert (quote.kind, quote.cue, quote.speaker_text) == ("direct", "point out", "Bobb")


# --- rule: parenthetical report ("..., they argued, CLAUSE", "CLAUSE, he said, and ...") --------


def test_a_cue_set_off_before_its_clause_reports_the_words_after_it():
    quotes = _dev_article_quotes("q-voa-senate-blocks-immigration-bill.txt", QUOTES_TUNE)
    quote = _indirect_starting(quotes, "the temporary worker provision would create")
    assert quote.text.endswith("an underclass of cheap laborers")
    assert quote.speaker_text == "many Democrats"
    assert "set off in the clause" in quote.evidence.why


def test_a_cue_set_off_after_its_clause_reports_the_words_before_it():
    quotes = _dev_article_quotes("a-wn-hungary-acquires-hirtenberger.txt")
    quote = _indirect_starting(quotes, "Already-queued orders won't leave idle capacity")
    assert quote.text == "Already-queued orders won't leave idle capacity for some years"
    assert quote.speaker is not None and quote.speaker.name == "Gáspár Maróth"


def test_a_cue_set_off_before_a_second_clause_keeps_to_the_first():
    text = Path(__file__).parent / "corpus_coverage" / "tune" / "odesa-01-harbour-wire.txt"
    document = parse(_article(text.read_text(encoding="utf-8"), text.name))
    resolver.resolve_mentions(document)
    quote = _indirect_starting(extract_quotes(document), "Eight people were wounded")
    assert quote.text == "Eight people were wounded"
    assert quote.speaker is not None and quote.speaker.name == "Oleh Kiper"


# --- rule: attribution after ("...!" Trump tweeted.: a tag cut off into a sentence of its own) --


@pytest.mark.parametrize(
    ("name", "words", "tag"),
    [
        (
            "a-voa-us-troops-eagle-pass.txt",
            "We have sent additional military.",
            "President Donald Trump tweeted Tuesday.",
        ),
        (
            "b-voa-morocco-israel-normalize-ties.txt",
            "Another HISTORIC breakthrough",
            "Trump tweeted.",
        ),
    ],
)
def test_a_tag_after_a_quote_ending_in_an_exclamation_names_its_speaker(name, words, tag):
    quotes = _dev_article_quotes(name)
    quote = next(q for q in quotes if q.kind == "direct" and q.text.startswith(words))
    assert quote.cue == "tweet"
    assert quote.speaker is not None and quote.speaker.name == "Donald Trump"
    assert "in the sentence after" in quote.evidence.why
    assert quote.evidence.sentence.endswith(tag)


def test_a_sentence_reporting_a_clause_of_its_own_is_no_tag():
    quote = _only(_quotes_of("“We will not allow it!” Officials said the roads were closed."))
    assert quote.speaker_text is None


# --- rule: bare body speaker ("the party said" is the party named before) ----------------------


def test_the_party_is_the_party_named_before():
    quotes = _dev_article_quotes("b-wn-thai-party-withdraws-princess.txt")
    quote = next(q for q in quotes if q.text.startswith("Thai Raksa Chart party complies"))
    assert quote.speaker_text == "the party"
    assert quote.speaker is not None and quote.speaker.name == "Thai Raksa Chart Party"


def test_the_coalition_is_the_named_coalition_not_a_word_before_it():
    quotes = _dev_article_quotes("b-voa-car-seleka-truce.txt")
    quote = _indirect_starting(quotes, "the government did not uphold peace accords")
    assert quote.speaker_text == "The coalition"
    assert quote.speaker is not None and quote.speaker.name == "Seleka"


def test_a_body_with_a_word_saying_which_is_not_bare():
    text = (
        "The Democratic Party of Freedonia met on Monday. "
        "The ruling party said the vote would go ahead."
    )
    document = parse(_article(text))
    resolver.resolve_mentions(document)
    quote = _only(extract_quotes(document), "indirect")
    assert quote.speaker_text == "The ruling party"
    assert quote.speaker is None or quote.speaker.name != "Democratic Party of Freedonia"


# --- rule: clause of the statement ("said in a statement that CLAUSE", clause hung on the noun) --


@pytest.mark.parametrize(
    ("name", "words", "cue", "speaker"),
    [
        (
            "a-voa-armenia-azerbaijan-border-clash.txt",
            "there is no military solution to the conflict",
            "say",
            "Antony Blinken",
        ),
        (
            "b-myanmar-detentions-protests.txt",
            "new elections would be held",
            "promise",
            "Min Aung Hlaing",
        ),
    ],
)
def test_a_that_clause_hung_on_the_statement_noun_is_reported(name, words, cue, speaker):
    quote = _indirect_starting(_dev_article_quotes(name), words)
    assert quote.cue == cue
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_that_clause_on_the_verb_stays_one_quote():
    text = Path(__file__).parent / "corpus_coverage" / "tune" / "dnipro-01-harbour-wire.txt"
    document = parse(_article(text.read_text(encoding="utf-8"), text.name))
    resolver.resolve_mentions(document)
    found = [q for q in extract_quotes(document) if q.text.startswith("the search for people")]
    assert len(found) == 1 and found[0].speaker_text == "President Volodymyr Zelenskyy"


def test_a_relative_clause_on_a_statement_noun_is_not_a_report():
    quotes = _quotes_of("The minister said in the speech that he gave on Monday it was over.")
    assert not any(q.text.startswith("he gave") for q in quotes)


# --- rule: colon lead-in ("wrote this on Twitter:", "repeated these words ...:") ---------------


@pytest.mark.parametrize(
    ("name", "corpus", "words", "speaker"),
    [
        (
            "a-voa-venezuela-opposition-leaders-arrested.txt",
            NEWS_TUNE,
            "12:27 in the morning: the moment when the dictatorship kidnaps Leopoldo",
            "Lilian Tintori",
        ),
        (
            "q-voa-swing-states-candidates.txt",
            QUOTES_TUNE,
            "I’m Donald Trump and I approve this message.",
            "Benson Wyland",
        ),
        (
            "b-wn-thai-party-withdraws-princess.txt",
            NEWS_TUNE,
            "Even though she relinquished her title according to royal laws",
            "Maha Vajiralongkorn",
        ),
    ],
)
def test_the_words_after_a_colon_are_what_the_lead_in_announces(name, corpus, words, speaker):
    quotes = _dev_article_quotes(name, corpus)
    quote = next(q for q in quotes if q.kind == "direct" and q.text.startswith(words))
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert "before a colon" in quote.evidence.why


def test_a_colon_after_a_clause_that_announces_nothing_gives_no_speaker():
    quotes = _quotes_of('The plan has three parts: "Peace, bread and land."')
    assert all(q.speaker_text is None for q in quotes)


# --- rule: statement of the last speaker ("A statement issued Thursday says" after "X says") ---


@pytest.mark.parametrize(
    ("name", "words", "speaker_text"),
    [
        (
            "a-voa-colombia-farc-hostages-red-cross.txt",
            "confidential dialogue",
            "The International Red Cross",
        ),
        (
            "b-voa-obama-apologizes-hostages-drone-strike.txt",
            "tremendous sorrow",
            "the White House",
        ),
        ("b-voa-drc-red-cross-hostages-freed.txt", "in good health", "The international relief"),
    ],
)
def test_an_unsigned_statement_is_the_last_speakers(name, words, speaker_text):
    quote = next(q for q in _dev_article_quotes(name) if q.text == words)
    assert quote.speaker_text is not None and quote.speaker_text.startswith(speaker_text)
    assert "the statement of the last speaker" in quote.evidence.why


def _resolved_quotes_of(text: str) -> list[Quote]:
    document = parse(_article(text))
    resolver.resolve_mentions(document)
    return extract_quotes(document)


LAVROV = "Foreign Minister Sergei Lavrov said the road was open. "


def test_an_unsigned_statement_just_after_a_speaker_is_theirs():
    quotes = _resolved_quotes_of(LAVROV + "A statement said the bridge had been destroyed.")
    quote = _indirect_starting(quotes, "the bridge had been destroyed")
    assert quote.speaker is not None and quote.speaker.name == "Sergei Lavrov"


def test_an_unsigned_report_is_nobodys():
    quotes = _resolved_quotes_of(LAVROV + "The report said the bridge had been destroyed.")
    quote = _indirect_starting(quotes, "the bridge had been destroyed")
    assert quote.speaker is None and quote.speaker_text is None


def test_a_statement_three_sentences_after_the_last_speaker_is_nobodys():
    quotes = _resolved_quotes_of(
        LAVROV
        + "Rain fell. Trucks waited. Shops closed. A statement said the bridge had been destroyed."
    )
    quote = _indirect_starting(quotes, "the bridge had been destroyed")
    assert quote.speaker is None and quote.speaker_text is None


# --- rule: quoted predicate ("said she was “deeply troubled” by ...": the clause is reported) --


@pytest.mark.parametrize(
    ("name", "corpus", "clause", "speaker"),
    [
        (
            "q-voa-lopez-sentenced-venezuela.txt",
            QUOTES_TUNE,
            'she was "deeply troubled" by the sentencing',
            "Robert Jacobson",
        ),
        (
            "a-voa-us-troops-eagle-pass.txt",
            NEWS_TUNE,
            'DHS will "take all steps to ensure the safety',
            "Kirstjen Nielsen",
        ),
        (
            "a-wn-hungary-acquires-hirtenberger.txt",
            NEWS_TUNE,
            'the military had been "effectively disarmed" by 2010',
            "Gáspár Maróth",
        ),
    ],
)
def test_a_clause_whose_verb_is_quoted_is_still_reported(name, corpus, clause, speaker):
    quotes = _dev_article_quotes(name, corpus)
    quote = _indirect_starting(quotes, clause)
    assert quote.speaker is not None and quote.speaker.name == speaker
    span = (quote.evidence.start, quote.evidence.end)
    assert any(q.kind == "partial" and span[0] <= q.evidence.start < span[1] for q in quotes)


def test_a_clause_wholly_in_quote_marks_is_no_indirect_quote():
    quotes = _quotes_of('The minister said "the road is open and the bridge will be rebuilt."')
    assert not any(q.kind == "indirect" for q in quotes)


# --- rule: title words ("the secretary of defense" is the one named with that title) ----------


def _direct_starting(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if q.kind == "direct" and q.text.startswith(words)]
    assert len(found) == 1, "\n".join(_describe(q) for q in quotes)
    return found[0]


def test_an_adjective_before_a_compound_names_the_body_not_the_office():
    """ "The electoral commission president" is "commission president Daniel Ngoy-Mulunda"
    named before, and "He says" after him is the same man."""
    quotes = _dev_article_quotes("q-voa-drc-kabila-named-winner.txt", QUOTES_TUNE)
    quote = _indirect_starting(quotes, "in every vote there is one winner")
    assert quote.speaker_text == "The electoral commission president"
    assert quote.speaker is not None and quote.speaker.name == "Daniel Ngoy-Mulunda"
    assert "title 'president' -> 'Daniel Ngoy-Mulunda'" in quote.evidence.why
    after = _indirect_starting(quotes, "candidates who do not agree with the results")
    assert after.speaker is not None and after.speaker.name == "Daniel Ngoy-Mulunda"


def test_the_noun_of_an_of_phrase_is_part_of_the_title():
    """ "the secretary of defense" (the tagger's lower-case proper nouns) is Secretary of
    Defense Lloyd J. Austin, not Pentagon Press Secretary John F. Kirby named before him."""
    quotes = _dev_article_quotes("b-dod-us-airstrikes-iranian-backed-militia-syria.txt")
    quote = _direct_starting(quotes, "There's not much more that I'll be able to add")
    assert quote.speaker_text == "the secretary of defense"
    assert quote.speaker is not None and quote.speaker.name == "Lloyd Austin"


def test_a_nationality_adjective_is_the_country_and_the_title_is_the_texts():
    """ "The Chinese spokesman" is "Chinese foreign ministry spokesman Qin Gang": the title the
    text names him by counts, and "Chinese" is checked as his country, not as a word."""
    quotes = _dev_article_quotes("b-voa-china-detains-tibetan-protesters-lhasa.txt")
    quote = _indirect_starting(quotes, "an unspecified number of monks were detained")
    assert quote.speaker_text == "The Chinese spokesman"
    assert quote.speaker is not None and quote.speaker.name == "Qin Gang"


def test_an_adjective_of_the_office_itself_still_has_to_match():
    """ "the foreign minister" is not the defence minister named before: "foreign" stands
    right before the office, so the holder has to carry it."""
    quotes = _resolved_quotes(
        "Defence Minister Elena Marin met the envoys on Monday. The foreign minister said the"
        " talks would resume."
    )
    quote = _only(quotes, kind="indirect")
    assert quote.speaker is None or quote.speaker.name != "Elena Marin"
