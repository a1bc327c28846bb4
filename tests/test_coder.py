"""The Coder: built with its collaborators (lexicon, actor dictionary, gazetteer, model), run by
one ordered table of named rules, and naming in each event's evidence the rules that made it."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import pytest
from spacy.tokens import Span

from accord.errors import DataFileError
from accord.extract.events import (
    RULES,
    Candidate,
    CodedEvent,
    Coder,
    Review,
    Rule,
    TriggerEntry,
    lexicon_from_data,
    load_lexicon,
)
from accord.extract.events.coder import Drop
from accord.extract.events.rules import SCOPES
from accord.extract.events.triggers import noun_entry
from accord.ingest import make_article, read_sources
from accord.models import Article, Event
from accord.nlp import parse
from accord.pipeline import extract_many, process
from accord.resolve.actors import ActorDictionary, Country, load_dictionary
from accord.resolve.places import load_gazetteer

CORPUS = Path(__file__).parent / "corpus"
RULE_NAMES = re.compile(r"; rules: ([^;]+)$")
SMALL_LEXICON = {
    "verbs": {"harangue": {"type": "ACCUSE"}, "embrace": {"type": "SUPPORT"}},
    "reporting_verbs": ["say"],
}


def events_of(text: str, coder: Coder | None = None) -> tuple[Event, ...]:
    article = make_article(text, published="2025-06-02")
    return process(parse(article), coder).events


def rules_named(event: Event) -> list[str]:
    found = RULE_NAMES.search(event.evidence.why)
    assert found, f"no rule named in {event.evidence.why!r}"
    return found.group(1).split(", ")


# --- collaborators ---------------------------------------------------------------------------


def test_a_coder_codes_with_the_lexicon_it_is_given():
    coder = Coder(lexicon_from_data(SMALL_LEXICON, "test"), load_dictionary(), load_gazetteer())
    [event] = events_of("Russia harangued Ukraine on Monday.", coder)
    assert (event.type, event.trigger) == ("ACCUSE", "harangued")
    assert [s.country for s in event.sources] == ["RUS"]
    assert [t.country for t in event.targets] == ["UKR"]
    assert rules_named(event) == ["verb-trigger"]
    # the package's lexicon has no "harangue"; the small one has no "attack"
    assert events_of("Russia harangued Ukraine on Monday.") == ()
    assert events_of("Russia attacked Ukraine on Monday.", coder) == ()
    assert [e.type for e in events_of("Russia attacked Ukraine on Monday.")] == ["ASSAULT"]


def test_the_package_lexicon_is_the_default_coder_lexicon():
    assert Coder.default() is Coder.default()
    assert Coder.default().lexicon is load_lexicon()
    assert Coder.default().dictionary is load_dictionary()


def test_a_lexicon_from_data_is_validated():
    with pytest.raises(DataFileError, match=r"test verbs\.scold: unknown PLOVER type 'SCOLD'"):
        lexicon_from_data({"verbs": {"scold": {"type": "SCOLD"}}}, "test")
    with pytest.raises(DataFileError, match="test saying_verbs: no list report_dates, restated"):
        lexicon_from_data({"saying_verbs": {"speaker": ["say"]}}, "test")


def test_the_saying_verb_lists_are_the_lexicons_and_stay_apart():
    """Three rules read three saying lists from triggers.json (saying_verbs): the speaker of a
    sentence, the date of a report, a further saying after "also"; they differ on purpose."""
    lexicon = load_lexicon()
    assert {"say", "announce"} <= lexicon.saying("speaker")
    assert {"say", "tweet", "according"} <= lexicon.saying("report_dates")
    assert "according" not in lexicon.saying("speaker")
    assert {"said", "told"} <= lexicon.saying("restated")  # word forms, not lemmas


def _package_lexicon_without(name: str, word: str):
    """The package's lexicon data with one word taken out of one of its rule word lists."""
    data = json.loads((resources.files("accord") / "data" / "triggers.json").read_text("utf-8"))
    data["rule_words"][name]["words"].remove(word)
    return lexicon_from_data(data, "test")


def test_rules_read_the_word_lists_of_the_lexicon_they_are_given():
    """The rules' word lists are lexicon data (rule_words in triggers.json), read from the
    coder's lexicon: a coder whose lexicon has no "ambassador" among the envoys expels nobody,
    one whose casualty verbs lack "die" names no victims of the strike."""
    expelled = "Poland ordered the Russian ambassador to leave the country on Monday."
    [event] = events_of(expelled)
    assert (event.type, rules_named(event)) == (
        "SANCTION",
        ["verb-trigger", "order-to-leave-is-expulsion"],
    )
    coder = Coder(
        _package_lexicon_without("envoy_nouns", "ambassador"), load_dictionary(), load_gazetteer()
    )
    [event] = events_of(expelled, coder)
    assert (event.type, rules_named(event)) == ("REQUEST", ["verb-trigger"])

    died = "Four Afghan civilians died in a Pakistani air strike on Monday."
    [event] = events_of(died)
    assert [t.name for t in event.targets] == ["Afghan civilians"]
    coder = Coder(
        _package_lexicon_without("casualty_verbs", "die"), load_dictionary(), load_gazetteer()
    )
    [event] = events_of(died, coder)
    assert (event.targets, rules_named(event)) == ((), ["casualty-means"])


def test_the_rule_word_lists_are_validated():
    lexicon = load_lexicon()
    with pytest.raises(KeyError, match="no rule word list 'envoy_noun'"):
        lexicon.words("envoy_noun")
    assert lexicon_from_data(SMALL_LEXICON, "test").words("envoy_nouns") == frozenset()
    lists = {"envoy_nouns": {"words": ["envoy"]}, "envoy_nuns": {"words": ["envoy"]}}
    with pytest.raises(DataFileError, match="test rule_words: no rule reads envoy_nuns"):
        lexicon_from_data({"rule_words": lists}, "test")
    with pytest.raises(DataFileError, match=r"test rule_words: no list .*visit_verbs"):
        lexicon_from_data({"rule_words": {"envoy_nouns": {"words": ["envoy"]}}}, "test")


def test_rules_infer_actors_from_the_dictionary_they_are_given():
    lebanon = Country("LBN", "Test Lebanon", (), ("Lebanese",), None, (), ())
    dictionary = ActorDictionary(countries={"LBN": lebanon})
    coder = Coder(load_lexicon(), dictionary, load_gazetteer())
    [event] = events_of("A car bomb exploded in Beirut on Monday.", coder)
    assert [t.name for t in event.targets] == ["Test Lebanon"]
    assert [s.name for s in event.sources] == ["unidentified attackers in Test Lebanon"]
    assert all(actor.inferred for actor in (*event.sources, *event.targets))
    assert rules_named(event) == ["noun-trigger", "place-is-target", "unidentified-attacker"]


def test_a_coder_runs_the_rule_table_it_is_given():
    sentence = "A car bomb exploded in Beirut on Monday."
    table = tuple(rule for rule in RULES if rule.name != "unidentified-attacker")
    coder = Coder(load_lexicon(), load_dictionary(), load_gazetteer(), rules=table)
    [event] = events_of(sentence, coder)
    assert event.sources == ()
    assert rules_named(event) == ["noun-trigger", "place-is-target"]


class ConsultModel:
    """A stand-in for a learned model: reads a meeting into any sentence no rule coded."""

    name = "test-consult"

    def propose(self, sentence: Span, found: Sequence[Candidate], coder: Coder) -> list[Candidate]:
        if found:
            return []
        root = sentence.root
        return [
            Candidate(
                token=root,
                entry=TriggerEntry(type="CONSULT"),
                predicate=root,
                why=["model reads a meeting"],
                confidence=0.8,
            )
        ]

    def review(self, event: CodedEvent, coder: Coder) -> Review | None:
        return None


def test_a_model_codes_what_no_rule_does_and_the_evidence_names_it():
    coder = Coder(load_lexicon(), load_dictionary(), load_gazetteer(), model=ConsultModel())
    text = "Russia and Ukraine spent Monday together in Geneva."
    assert events_of(text) == ()
    [event] = events_of(text, coder)
    assert (event.type, event.trigger) == ("CONSULT", "spent")
    assert event.evidence.confidence == 0.8
    assert rules_named(event)[0] == "model:test-consult"
    assert event.evidence.why.startswith("model reads a meeting")
    [ruled] = events_of("Russia attacked Ukraine on Monday.", coder)
    assert ruled.type == "ASSAULT" and rules_named(ruled) == ["verb-trigger"]


def test_a_coder_given_a_drop_list_names_the_rule_that_dropped_a_candidate():
    # b-baghdad-green-zone-bombs (tune): no one is named as sealing the entrances
    text = "Entrances into the Green Zone, frequented by foreigners and journalists, were sealed."
    drops: list[Drop] = []
    coder = Coder(load_lexicon(), load_dictionary(), load_gazetteer(), drops=drops)
    plain = Coder(load_lexicon(), load_dictionary(), load_gazetteer())
    assert events_of(text, coder) == events_of(text, plain) == ()
    assert ("sealed", "COERCE", "needs-an-actor") in [(d.trigger, d.type, d.rule) for d in drops]


# --- the rule table --------------------------------------------------------------------------


def test_every_rule_is_named_once_and_documented():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
        assert len(rule.description) > 30 and rule.description.rstrip().endswith("."), rule.name
        assert callable(rule.apply)
        assert rule.scope in SCOPES


def test_the_table_is_ordered_sentence_rules_first():
    scopes = [rule.scope for rule in RULES]
    assert scopes == sorted(scopes, key=SCOPES.index)
    names = [rule.name for rule in RULES]
    assert names[0] == "running-total"  # a toll sentence codes nothing: checked first
    assert names.index("verb-trigger") < names.index("noun-trigger")
    assert names.index("noun-trigger") < names.index("one-event-per-clause")
    assert names.index("trigger-type") < names.index("content-type") < names.index("modality")
    assert names.index("modality") < names.index("conditional-hostile-act-is-threat")
    events = [rule.name for rule in RULES if rule.scope == "event"]
    assert events[-5:] == [  # the actors the text does not name are inferred last
        "place-is-target",
        "relief-in-a-place-is-for-its-people",
        "unidentified-attacker",
        "a-clash-of-no-one-named-is-between-the-storys-sides",
        "unnamed-protesters-are-the-places-people",
    ]
    assert names[-1] == "restatement-is-one-event"  # article rules see the finished events


@pytest.mark.parametrize(
    "table",
    [
        (*RULES, RULES[0]),  # a name twice
        (RULES[-1], *RULES[:-1]),  # an article rule before the sentence rules
        (*RULES, Rule("undocumented", " ", lambda draft, coder: False)),
    ],
)
def test_a_coder_refuses_a_malformed_table(table):
    with pytest.raises(ValueError):
        Coder(load_lexicon(), load_dictionary(), load_gazetteer(), rules=table)


# --- evidence --------------------------------------------------------------------------------


def test_each_event_names_the_rules_that_made_it():
    articles = [a for a in read_sources(sorted(CORPUS.glob("*.txt"))) if isinstance(a, Article)]
    sentence_rules = {rule.name for rule in RULES if rule.scope == "sentence"}
    later_rules = {rule.name for rule in RULES if rule.scope in {"event", "article"}}
    fired: set[str] = set()
    events = [event for extraction in extract_many(articles) for event in extraction.events]
    assert len(events) > 50
    for event in events:
        finder, *rewrites = rules_named(event)
        # a sentence rule found it, or the learned path (its model named: "model:NAME@hash")
        assert finder in sentence_rules or finder.startswith("model:event_types@"), (
            event.evidence.why
        )
        assert set(rewrites) <= later_rules, event.evidence.why
        fired.update(rewrites)
    assert {"place-is-target", "restatement-is-one-event"} <= fired


def test_inferred_actors_say_which_rule_inferred_them():
    [event] = events_of("A car bomb exploded in Beirut on Monday.")
    assert "unclaimed attack" in event.evidence.why
    assert "unidentified-attacker" in rules_named(event)


def test_a_noun_entry_kept_on_the_doc_answers_for_the_lexicon_asked():
    doc = parse(make_article("Dockworkers began a hunger strike in Mombasa on Tuesday.")).doc
    [strike] = [token for token in doc if token.lower_ == "strike"]
    no_nouns = lexicon_from_data({"verbs": {"begin": {"type": "PROTEST"}}}, "test")
    assert noun_entry(strike, load_lexicon()).type == "PROTEST"  # "hunger" makes it one
    assert noun_entry(strike, no_nouns) is None
    assert noun_entry(strike, load_lexicon()).type == "PROTEST"


TRIGGERS_FILE = Path(__file__).parent.parent / "src" / "accord" / "data" / "triggers.json"


def test_lexicon_refuses_a_force_owner_mode_threaten_has_not():
    """force_told_ahead.owner_modes names threat modes (threat_complement_modes), checked at
    load: the force of the law is PLOVER's arrest."""
    data = json.loads(TRIGGERS_FILE.read_text(encoding="utf-8"))
    assert lexicon_from_data(data).force_owner_modes["law"] == "arrest"
    data["force_told_ahead"]["owner_modes"] = {"law": "lawsuit"}
    with pytest.raises(DataFileError, match=re.escape("owner_modes.law: unknown mode 'lawsuit'")):
        lexicon_from_data(data)
