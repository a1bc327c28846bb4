"""A headline or dateline before a sentence is not part of it (real pipeline output)."""

from __future__ import annotations

import pytest

from accord.ingest import make_article
from accord.nlp import parse
from accord.pipeline import extract_article

BODY = "Armenia and Azerbaijan agreed on Thursday to free prisoners of war, officials said."


def sources_of_agreement(text: str) -> tuple[str, list[str]]:
    article = make_article(text, title="Prisoner release agreed", published="2023-12-07")
    events = extract_article(article).events
    (agreement,) = [e for e in events if e.type == "AGREE" and "Thursday" in e.evidence.sentence]
    return agreement.evidence.sentence, sorted(ref.name for ref in agreement.sources)


@pytest.mark.parametrize(
    "lead",
    [
        "Armenia, Azerbaijan agree to free prisoners\n",  # headline on its own line
        "BAKU (Foothill Dispatch) -\n",  # dateline on its own line
        "BAKU (Foothill Dispatch) - ",  # dateline opening the sentence
        "YEREVAN, Dec 7 - ",
    ],
)
def test_the_sentence_after_a_headline_or_dateline_keeps_its_first_word(lead: str) -> None:
    sentence, sources = sources_of_agreement(lead + BODY)
    assert sentence == BODY
    assert sources == ["Armenia", "Azerbaijan"]


def test_a_dateline_is_its_own_segment_and_ordinary_capitals_are_not_one() -> None:
    article = make_article(
        "GAZA CITY - Hamas freed four hostages on Saturday.\n\nNATO - the alliance - met.",
        published="2025-01-25",
    )
    sentences = [sentence.text.strip() for sentence in parse(article).sentences]
    assert sentences[:2] == ["GAZA CITY -", "Hamas freed four hostages on Saturday."]
    assert "NATO - the alliance - met." in sentences
