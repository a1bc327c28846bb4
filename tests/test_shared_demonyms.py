"""Rules "a-shared-demonym-is-the-story's-country" and "a-country-name-read-whole" on real
reporting: a demonym two countries share ("Congolese", "Guinean") means the one the story
names, and a country written with a hyphen ("Guinea-Bissau") is not the country whose name it
begins with. Sentences from public-domain reports (VOA News; US government works) and the tune
article b-voa-guinea-bissau-protest-military-arrests."""

from __future__ import annotations

from pathlib import Path

from accord.evaluate import extract_corpus
from accord.ingest import make_article
from accord.nlp import parse
from accord.resolve.actors import (
    load_dictionary,
    resolve_mentions,
    with_shared_demonyms_of,
)

TUNE = Path(__file__).parent / "corpus_news" / "tune"

# VOA News report of 9 April 2016 on the State Department's statement about the Republic of
# Congo's election (public domain; read from the copy in the dehai.org news archive,
# dehai_news_archive/2016/may/0125)
VOA_CONGO_BRAZZAVILLE = (
    'The U.S. State Department says it is "profoundly disappointed" in the Republic of '
    "Congo's election, which allowed President Denis Sassou Nguesso to extend his 32 years in "
    "power.\n\n"
    'He said the U.S. is also "deeply concerned about the welfare of thousands of Congolese '
    'who awoke on April 4 to the sound of gunfire and explosions and fled their homes" in the '
    "capital city, Brazzaville.\n\n"
    "The Congolese government says former members of a disbanded militia attacked government "
    "targets that day."
)

# VOA editorial "Calm Urged in the DRC", after the DRC's 28 November 2011 election
# (editorials.voa.gov, a US government work: public domain)
VOA_DRC = (
    "Political instability continues in the Democratic Republic of the Congo, still "
    "recovering from the flawed November 28 presidential and parliamentary election.\n\n"
    "We urge Congolese authorities to conduct a full, thorough and transparent review of the "
    "elections process, and an open and public process in adjudicating election disputes."
)


def _countries(text: str, published: str) -> dict[str, str | None]:
    article = make_article(text, published=published)
    return {m.text: m.actor.country for m in resolve_mentions(parse(article))}


def test_a_shared_demonym_is_the_story_s_country_congo_brazzaville() -> None:
    """The Republic of the Congo's report: its "Congolese government" is Brazzaville's (the
    owner of "Congolese", the DRC, before the rule)."""
    codes = _countries(VOA_CONGO_BRAZZAVILLE, "2016-04-09")
    assert codes["The Congolese government"] == "COG"
    assert codes["Republic of Congo"] == "COG"


def test_a_shared_demonym_stays_its_owner_s_when_the_owner_is_named() -> None:
    """A DRC report: "Congolese authorities" stay the DRC's."""
    assert _countries(VOA_DRC, "2011-12-08")["Congolese authorities"] == "COD"


def test_a_shared_demonym_follows_the_country_named_whole() -> None:
    """The tune article's title and lead name Guinea-Bissau, which is no naming of Guinea:
    "Guinean" and "Guineans" are Guinea-Bissau's there; a text naming neither leaves them
    Guinea's (a text that holds no shared demonym leaves the table as it is)."""
    lead = (
        "Bissau Guineans Protest Military Arrests. "
        "Hundreds of people in Guinea-Bissau took to the streets Thursday to express their "
        "anger at the military's brief arrest of the civilian prime minister."
    )
    table = with_shared_demonyms_of(load_dictionary(), lead)
    assert table.country_by_demonym["guinean"] == "GNB"
    assert table.country_by_demonym["guineans"] == "GNB"
    alone = with_shared_demonyms_of(load_dictionary(), "Soldiers arrested the prime minister.")
    assert alone.country_by_demonym["guinean"] == "GIN"


def test_a_country_name_read_whole_sets_guinea_bissau_s_story() -> None:
    """b-voa-guinea-bissau-protest-military-arrests (VOA, 2010): the parser tags "Guinea" of
    "Guinea-Bissau" as the place; the soldiers, the prime minister and the army chief are
    Guinea-Bissau's, not Guinea's."""
    _, (extraction,) = extract_corpus(
        [TUNE / "b-voa-guinea-bissau-protest-military-arrests.expected.json"]
    )
    countries = {
        ref.country for event in extraction.events for ref in (*event.sources, *event.targets)
    }
    assert countries == {"GNB"}
    arrests = [e for e in extraction.events if e.type == "COERCE" and e.mode == "arrest"]
    assert arrests
    assert all(f"{s.country}:{s.sector}" == "GNB:MIL" for e in arrests for s in e.sources)
