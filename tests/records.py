"""Hand-built records for store, API and CLI tests (no NLP: the store must not depend on it)."""

from __future__ import annotations

import hashlib

from accord.models import (
    Actor,
    ActorRef,
    Article,
    Counts,
    DateValue,
    Event,
    Evidence,
    Extraction,
    Place,
    Quote,
)

RUSSIA = Actor(
    id="RUS",
    name="Russia",
    kind="state",
    country="RUS",
    sector="GOV",
    aliases=("Moscow", "Kremlin"),
    wikidata="Q159",
)
UKRAINE = Actor(id="UKR", name="Ukraine", kind="state", country="UKR", sector="GOV")
ZELENSKYY = Actor(
    id="zelenskyy",
    name="Volodymyr Zelenskyy",
    kind="person",
    country="UKR",
    sector="GOV",
    role="President",
    aliases=("Zelensky",),
)
TURKEY = Actor(id="TUR", name="Turkey", kind="state", country="TUR", sector="GOV")

TALKS = (
    "Russia and Ukraine held direct talks in Istanbul on Friday. "
    "Both delegations agreed to a swap of 1,000 prisoners each. "
    "A drone struck Kupiansk on Saturday, killing one woman and injuring four men, "
    "according to the regional governor. "
    "Zelenskyy said: \u201cPressure on Russia must be maintained.\u201d"
)


def make_article(
    text: str = TALKS,
    *,
    url: str | None = "https://example.org/istanbul",
    title: str = "Russia and Ukraine agree prisoner swap",
    published: str | None = "2025-05-16",
    source: str = "istanbul.txt",
) -> Article:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(
        id=digest[:16],
        text=text,
        content_hash=digest,
        title=title,
        url=url,
        outlet="Example Wire",
        published=published,
        source=source,
        ingested_at="2025-05-16T12:00:00+00:00",
    )


def ref(actor: Actor, text: str | None = None, *, inferred: bool = False) -> ActorRef:
    return ActorRef(
        actor_id=actor.id,
        name=actor.name,
        text=text or actor.name,
        country=actor.country,
        sector=actor.sector,
        role=actor.role,
        inferred=inferred,
    )


def evidence_for(article: Article, sentence: str, trigger: str, why: str = "rule") -> Evidence:
    """Evidence pointing at ``trigger`` inside ``sentence`` (both found in the article text)."""
    sentence_start = article.text.index(sentence)
    start = sentence_start + sentence.index(trigger)
    return Evidence(
        sentence_index=sentence_index(article, sentence),
        start=start,
        end=start + len(trigger),
        sentence=sentence,
        why=why,
        confidence=0.875,
        sentence_start=sentence_start,
    )


def sentence_index(article: Article, sentence: str) -> int:
    return article.text[: article.text.index(sentence)].count(". ")


def talks_extraction(article: Article | None = None) -> Extraction:
    """Three events (one with every field set, one with none) and two quotes."""
    article = article or make_article()
    text = article.text
    talks_sentence = "Russia and Ukraine held direct talks in Istanbul on Friday."
    swap_sentence = "Both delegations agreed to a swap of 1,000 prisoners each."
    strike_sentence = (
        "A drone struck Kupiansk on Saturday, killing one woman and injuring four men, "
        "according to the regional governor."
    )
    quote_sentence = "Zelenskyy said: \u201cPressure on Russia must be maintained.\u201d"
    talks = Event(
        id=f"{article.id}-e1",
        article_id=article.id,
        type="CONSULT",
        mode="third-party",
        modality="asserted",
        trigger="talks",
        evidence=evidence_for(article, talks_sentence, "talks"),
        sources=(ref(RUSSIA), ref(UKRAINE)),
        targets=(ref(TURKEY, "Istanbul", inferred=True),),
        contexts=("diplomatic",),
        date=DateValue(
            text="on Friday",
            start="2025-05-16",
            end="2025-05-16",
            precision="day",
            char_start=text.index("on Friday"),
            char_end=text.index("on Friday") + len("on Friday"),
        ),
        place=Place(
            text="Istanbul",
            name="Istanbul",
            country="TUR",
            lat=41.01384,
            lon=28.94966,
            precision="city",
            char_start=text.index("Istanbul"),
            char_end=text.index("Istanbul") + len("Istanbul"),
        ),
    )
    swap = Event(
        id=f"{article.id}-e2",
        article_id=article.id,
        type="AGREE",
        mode=None,
        modality="agreed",
        trigger="agreed",
        evidence=evidence_for(article, swap_sentence, "agreed"),
        sources=(ref(RUSSIA, "Both delegations"), ref(UKRAINE, "Both delegations")),
        # its sentence gives no date: only the bound of the report's publication date
        date=DateValue(text="", start=None, end=None, precision="reported", by="2025-05-16"),
        counts=Counts(prisoners=1000),
    )
    strike = Event(
        id=f"{article.id}-e3",
        article_id=article.id,
        type="ASSAULT",
        mode="drone",
        modality="asserted",
        trigger="struck",
        evidence=evidence_for(article, strike_sentence, "struck"),
        targets=(ref(UKRAINE, "Kupiansk", inferred=True),),
        date=DateValue(text="on Saturday", start="2025-05-17", end="2025-05-17", precision="day"),
        place=Place(text="Kupiansk", name="Kupiansk", country="UKR", lat=49.71, lon=37.616),
        counts=Counts(killed=1, injured=4),
        attributed_to="the regional governor",
    )
    undated = Event(
        id=f"{article.id}-e4",
        article_id=article.id,
        type="ACCUSE",
        mode=None,
        modality="negated",
        trigger="said",
        evidence=evidence_for(article, quote_sentence, "said"),
    )
    direct = Quote(
        id=f"{article.id}-q1",
        article_id=article.id,
        text="Pressure on Russia must be maintained.",
        kind="direct",
        cue="said",
        evidence=evidence_for(article, quote_sentence, "Pressure on Russia must be maintained."),
        speaker=ref(ZELENSKYY, "Zelenskyy"),
        speaker_text="Zelenskyy",
    )
    anonymous = Quote(
        id=f"{article.id}-q2",
        article_id=article.id,
        text="killing one woman",
        kind="indirect",
        cue=None,
        evidence=evidence_for(article, strike_sentence, "killing one woman"),
        speaker_text="the regional governor",
    )
    return Extraction(
        article=article,
        actors=(RUSSIA, UKRAINE, ZELENSKYY, TURKEY),
        events=(talks, swap, strike, undated),
        quotes=(direct, anonymous),
    )


def tune_article_events(slug: str) -> list[Event]:
    """The events of a real tune article of tests/corpus_news, with its publication date."""
    import json
    from pathlib import Path

    from accord.ingest import make_article as article_of
    from accord.pipeline import extract_article

    folder = Path(__file__).parent / "corpus_news" / "tune"
    meta = json.loads((folder / f"{slug}.meta.json").read_text(encoding="utf-8"))
    text = (folder / f"{slug}.txt").read_text(encoding="utf-8")
    article = article_of(text, title=meta["title"], published=meta["published"])
    return list(extract_article(article).events)


def coverage_article_events(slug: str) -> list[Event]:
    """The events of a real tune article of tests/corpus_coverage, with its publication date."""
    import json
    from pathlib import Path

    from accord.ingest import make_article as article_of
    from accord.pipeline import extract_article

    folder = Path(__file__).parent / "corpus_coverage" / "tune"
    meta = json.loads((folder / f"{slug}.meta.json").read_text(encoding="utf-8"))
    text = (folder / f"{slug}.txt").read_text(encoding="utf-8")
    article = article_of(text, title=meta.get("title"), published=meta["published"])
    return list(extract_article(article).events)


def told_in(events: list[Event], words: str) -> list[Event]:
    """The events whose evidence sentence holds ``words``."""
    return [event for event in events if words in event.evidence.sentence]
