"""Rule wanting-another-to-act-is-a-demand, on real sentences of the news tune fold
(tests/corpus_news/tune), read in their whole article."""

from __future__ import annotations

import pytest

from records import tune_article_events


@pytest.mark.parametrize(
    ("slug", "words", "asker", "asked", "not_done"),
    [
        (  # VOA, hostages freed in the DRC: "wanted soldiers to leave his area"
            "b-voa-drc-red-cross-hostages-freed",
            "he wanted soldiers to leave his area",
            "Aluri Yakutumba",
            "COD",
            "RETREAT",
        ),
        (  # VOA, Russia's withdrawal from Georgia: "looking for Russia to comply"
            "a-voa-russia-georgia-withdrawal-security-zone",
            "is looking for Russia to comply",
            "USA",
            "RUS",
            "RETREAT",
        ),
    ],
)
def test_wanting_another_to_act_is_a_demand(
    slug: str, words: str, asker: str, asked: str, not_done: str
):
    """What one wants another to do is a REQUEST from the one who wants it to the one who
    should act; the wanted act (a withdrawal here) is not reported as done."""
    told = [e for e in tune_article_events(slug) if words in e.evidence.sentence]
    requests = [e for e in told if e.type == "REQUEST"]
    assert requests, f"no REQUEST told in {words!r}"
    [request] = requests
    assert any(asker in (ref.name, ref.country) for ref in request.sources)
    assert any(ref.country == asked for ref in request.targets)
    assert not [e for e in told if e.type == not_done]
