"""Scoring extractions against hand-checked expected readings (the golden files).

The same code backs the golden tests and ``accord eval``: an expected event matches an extracted
event from the sentences it names with the same PLOVER type, one to one, under the pairing that
matches most events and, among those, agrees on most fields (``paired_events``); then each field
is compared. The format is described in ``tests/corpus/README.md``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from accord.assignment import best_assignment
from accord.models import Actor, ActorRef, Article, Event, Extraction, Quote
from accord.resolve.actors import fold, load_dictionary

if TYPE_CHECKING:
    from accord.extract.events.coder import Coder

SIDES = ("sources", "targets")
EVENT_FIELDS = ("type", "sources", "targets", "modality", "mode", "date", "place", "counts")


@dataclass(frozen=True)
class FieldResult:
    """One checked field of one expected record."""

    record: str  # expected event id, or "quote:N", "actor:NAME"
    field: str
    ok: bool
    expected: object
    got: object
    sentence: str = ""


@dataclass
class ArticleScore:
    """Field results for one article, with helpers for the headline figures."""

    article: str
    results: list[FieldResult] = field(default_factory=list)
    extracted_events: int = 0

    def misses(self) -> list[FieldResult]:
        return [r for r in self.results if not r.ok]

    def events_fully_right(
        self, fields: Sequence[str] = ("type", "sources", "targets", "modality")
    ):
        """Ids of expected events whose listed fields are all right."""
        by_event: dict[str, bool] = {}
        for result in self.results:
            if result.record.startswith("E") and result.field in fields:
                by_event[result.record] = by_event.get(result.record, True) and result.ok
        return sorted(event for event, ok in by_event.items() if ok)

    def field_accuracy(self) -> dict[str, tuple[int, int]]:
        """(right, checked) per field."""
        table: dict[str, tuple[int, int]] = {}
        for result in self.results:
            right, total = table.get(result.field, (0, 0))
            table[result.field] = (right + int(result.ok), total + 1)
        return table


def is_country_code(spec: str) -> bool:
    """A code of the country table ("RUS"); "PKK" or "M23" are names, matched as names."""
    return len(spec) == 3 and spec.isupper() and spec in load_dictionary().countries


def actor_matches(spec: str, ref: ActorRef) -> bool:
    """A spec is a canonical name, a country code ("RUS") or country and sector ("RUS:GOV")."""
    if ":" in spec:
        code, sector = spec.split(":", 1)
        return ref.country == code and ref.sector == sector
    if is_country_code(spec):
        return ref.country == spec
    return fold(ref.name) == fold(spec) or fold(ref.actor_id) == fold(spec)


def side_matches(specs: Sequence[str], refs: Sequence[ActorRef]) -> bool:
    """Every spec found on that side; an empty spec list means nothing may be claimed there."""
    if not specs:
        return all(ref.inferred for ref in refs)
    return all(any(actor_matches(spec, ref) for ref in refs) for spec in specs)


def _event_field(name: str, expected: dict, event: Event) -> tuple[bool, object]:
    """Compare one field; returns (ok, what was extracted)."""
    if name == "type":
        return event.type == expected["type"], event.type
    if name in {"sources", "targets"}:
        refs = getattr(event, name)
        got = [f"{r.name} ({r.country}:{r.sector})" for r in refs]
        return side_matches(expected[name], refs), got
    if name == "modality":
        return event.modality == expected["modality"], event.modality
    if name == "mode":
        return event.mode == expected["mode"], event.mode
    if name == "date":  # a bound ("by <publication date>") has no start: it is no day
        got = event.date.start if event.date else None
        return got == expected["date"], got
    if name == "place":
        place = event.place
        got = {"name": place.name, "country": place.country} if place else None
        want = expected["place"]
        ok = place is not None and all(
            fold(str(got[key])) == fold(str(value)) for key, value in want.items()
        )
        return ok, got
    if name == "counts":
        got = {kind: getattr(event.counts, kind) for kind in expected["counts"]}
        return got == expected["counts"], got
    raise ValueError(name)


def sentences_of(expected: dict) -> list[str]:
    """The sentence that says an expected event most fully, then its restatements."""
    return [expected["sentence"], *expected.get("also", [])]


def told_in(expected: dict, event: Event) -> bool:
    """Whether ``event`` has evidence in one of the expected event's sentences."""
    return any(
        sentence in evidence.sentence
        for sentence in sentences_of(expected)
        for evidence in event.all_evidence()
    )


def reports(expected: dict, event: Event) -> bool:
    """Whether ``event`` is a record of the expected event (its sentence, its type)."""
    return event.type == expected["type"] and told_in(expected, event)


def agreement(expected: dict, event: Event) -> int:
    """How many of the expected event's labelled fields, besides its type, the record has
    right."""
    return sum(_event_field(f, expected, event)[0] for f in EVENT_FIELDS[1:] if f in expected)


def paired_events(expected_events: Sequence[dict], events: Sequence[Event]) -> list[Event | None]:
    """Each expected event's record under the best one-to-one pairing, or None: a record pairs
    only with an expected event it reports (its type, told in its sentences); as many expected
    events as can be are paired, and among such pairings the one whose pairs agree on most
    fields is chosen. Pairing in reading order instead gives the first record of a type to the
    first event of that type in the sentence, so an attack on X and one on Y can be paired
    crosswise and both scored wrong; and one record scored for two events is counted twice."""
    # A pair's weight: one match outweighs any gain in agreement the loss of a match could buy.
    match = (len(EVENT_FIELDS) + 1) * (len(expected_events) + 1)
    weights = [
        [
            match + agreement(expected, event) if reports(expected, event) else None
            for event in events
        ]
        for expected in expected_events
    ]
    return [None if column is None else events[column] for column in best_assignment(weights)]


def _misread_as(expected: dict, events: Sequence[Event]) -> Event | None:
    """For an expected event no record reports, a record of another type from its sentence,
    shown as what was got (every field of it is wrong)."""
    return next((e for e in events if e.type != expected["type"] and told_in(expected, e)), None)


def score_events(expected_events: Sequence[dict], events: Sequence[Event]) -> list[FieldResult]:
    results = []
    pairs = zip(expected_events, paired_events(expected_events, events), strict=True)
    for expected, paired in pairs:
        event = paired or _misread_as(expected, events)
        for name in EVENT_FIELDS:
            if name not in expected:
                continue
            if event is None:
                results.append(
                    FieldResult(
                        expected["id"], name, False, expected[name], None, expected["sentence"]
                    )
                )
                continue
            ok, got = _event_field(name, expected, event)
            if paired is None:
                ok = False
            results.append(
                FieldResult(expected["id"], name, ok, expected[name], got, event.evidence.sentence)
            )
    return results


def _speaker_matches(spec: str, quote: Quote) -> bool:
    if quote.speaker is not None and actor_matches(spec, quote.speaker):
        return True
    return bool(quote.speaker_text) and fold(spec) in fold(quote.speaker_text)


def score_quotes(expected_quotes: Sequence[dict], quotes: Sequence[Quote]) -> list[FieldResult]:
    results = []
    for number, expected in enumerate(expected_quotes, 1):
        record = f"quote:{number}"
        wanted = fold(expected["text"])
        found = [q for q in quotes if wanted in fold(q.text) or (fold(q.text) in wanted and q.text)]
        if "kind" in expected:
            found = [q for q in found if q.kind == expected["kind"]] or found
        quote = found[0] if found else None
        speaker = quote.speaker.name if quote and quote.speaker else (quote and quote.speaker_text)
        results.append(
            FieldResult(record, "quote", quote is not None, expected["text"], quote and quote.text)
        )
        ok = quote is not None and any(_speaker_matches(expected["speaker"], q) for q in found)
        results.append(FieldResult(record, "speaker", ok, expected["speaker"], speaker))
        if expected.get("kind") == "indirect":  # issue #10: held-out sets report it apart
            results.append(
                FieldResult(record, "indirect_speaker", ok, expected["speaker"], speaker)
            )
    return results


def score_actors(expected_actors: Sequence[dict], extraction: Extraction) -> list[FieldResult]:
    results = []
    by_name = {fold(a.name): a for a in extraction.actors}
    for expected in expected_actors:
        actor = by_name.get(fold(expected["name"]))
        record = f"actor:{expected['name']}"
        results.append(
            FieldResult(record, "actor", actor is not None, expected["name"], actor and actor.name)
        )
        for key in ("country", "sector"):
            if key in expected:
                got = getattr(actor, key) if actor else None
                results.append(
                    FieldResult(record, f"actor_{key}", got == expected[key], expected[key], got)
                )
    return results


def score_not_places(names: Sequence[str], events: Sequence[Event]) -> list[FieldResult]:
    results = []
    for name in names:
        wrong = [e.place.text for e in events if e.place and fold(name) in fold(e.place.text)]
        results.append(
            FieldResult(f"not_place:{name}", "not_place", not wrong, None, wrong or None)
        )
    return results


def score_extraction(expected: dict, extraction: Extraction) -> ArticleScore:
    """Score one article's extraction against its expected reading."""
    score = ArticleScore(article=expected.get("article", extraction.article.id))
    score.extracted_events = len(extraction.events)
    score.results.extend(score_events(expected.get("events", []), extraction.events))
    score.results.extend(score_quotes(expected.get("quotes", []), extraction.quotes))
    score.results.extend(score_actors(expected.get("actors", []), extraction))
    score.results.extend(score_not_places(expected.get("not_places", []), extraction.events))
    return score


def load_expected(path: str | Path) -> dict:
    """Read an ``*.expected.json`` file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def format_misses(score: ArticleScore) -> str:
    """A readable list of what did not match, for people (and for failing tests)."""
    lines = [f"{score.article}: {len(score.misses())} misses"]
    for miss in score.misses():
        lines.append(f"  {miss.record} {miss.field}: expected {miss.expected!r}, got {miss.got!r}")
        if miss.sentence:
            lines.append(f"      in: {miss.sentence[:140]}")
    return "\n".join(lines)


def is_check_fold(path: str | Path) -> bool:
    """A check fold (``.../check``), which the dev tools read as totals only, never miss by
    miss."""
    return "check" in Path(path).name


def expected_files(paths: Sequence[str | Path]) -> list[Path]:
    """``*.expected.json`` files named directly or found in the folders named."""
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(sorted(path.glob("*.expected.json")) if path.is_dir() else [path])
    return found


def extract_corpus(
    paths: Sequence[str | Path], coder: Coder | None = None
) -> tuple[list[dict], list[Extraction]]:
    """Each golden article's expected reading and the pipeline's extraction of its text (the
    text and metadata sit beside the reading), by ``coder`` (the package's by default)."""
    from accord.pipeline import extract_many

    files = expected_files(paths)
    readings = [load_expected(path) for path in files]
    return readings, list(extract_many(articles_beside(files, readings), coder=coder))


def articles_beside(files: Sequence[Path], readings: Sequence[dict]) -> list[Article]:
    """The article each reading names, read from beside its ``*.expected.json`` file."""
    from accord.ingest import read_sources

    pairs = zip(files, readings, strict=True)
    texts = [path.parent / reading.get("article", "") for path, reading in pairs]
    articles = list(read_sources(texts))
    for path, article in zip(files, articles, strict=True):
        if not isinstance(article, Article):
            raise ValueError(f"{path}: cannot read its article: {article}")
    return articles


def _dictionary_record(spec: str, by_alias: Mapping[str, Actor]) -> Actor | None:
    """The dictionary record a reading's name stands for (country codes stand for none)."""
    return None if ":" in spec or is_country_code(spec) else by_alias.get(fold(spec))


def with_dictionary_names(reading: dict, by_alias: Mapping[str, Actor]) -> dict:
    """The reading with event sides and actor records naming dictionary records as the
    dictionary does: a reading that writes "People's Protection Units" means the record the
    dictionary calls "YPG", one actor under two names, so the pipeline's "YPG" is right. Sides
    name the record by its id (a three-letter name such as "YPG" would read as a country code),
    actor records by its name. Speakers stay as they are: they also match the words naming
    them."""

    def side(spec: str) -> str:
        actor = _dictionary_record(spec, by_alias)
        return actor.id if actor is not None else spec

    def name(spec: str) -> str:
        actor = _dictionary_record(spec, by_alias)
        return actor.name if actor is not None else spec

    events = [
        {**event, **{key: [side(spec) for spec in event[key]] for key in SIDES if key in event}}
        for event in reading.get("events", [])
    ]
    actors = [{**actor, "name": name(actor["name"])} for actor in reading.get("actors", [])]
    return {**reading, "events": events, "actors": actors}


def score_readings(
    readings: Sequence[dict],
    extractions: Sequence[Extraction],
    by_alias: Mapping[str, Actor] | None = None,
) -> list[ArticleScore]:
    """Score each reading against its extraction; with ``by_alias`` (the actor dictionary's
    names), an actor the reading names by an alias of a dictionary record is that record."""
    if by_alias is not None:
        readings = [with_dictionary_names(reading, by_alias) for reading in readings]
    return [
        score_extraction(reading, extraction)
        for reading, extraction in zip(readings, extractions, strict=True)
    ]


def score_corpus(
    paths: Sequence[str | Path], by_alias: Mapping[str, Actor] | None = None
) -> list[ArticleScore]:
    """Run the pipeline on each golden article and score it."""
    return score_readings(*extract_corpus(paths), by_alias=by_alias)


def corpus_figures(scores: Sequence[ArticleScore]) -> dict[str, tuple[int, int]]:
    """(right, checked) per field over all articles, plus whole events (type, actors and
    modality all right)."""
    totals: dict[str, tuple[int, int]] = {}
    for score in scores:
        for name, (right, checked) in score.field_accuracy().items():
            old_right, old_checked = totals.get(name, (0, 0))
            totals[name] = (old_right + right, old_checked + checked)
        events = {r.record for r in score.results if r.record.startswith("E")}
        right, checked = totals.get("whole event", (0, 0))
        totals["whole event"] = (right + len(score.events_fully_right()), checked + len(events))
    return totals


def format_corpus_report(scores: Sequence[ArticleScore], *, misses: bool = False) -> str:
    """Per-article and per-field accuracy as plain-text tables (and the misses, for people)."""
    lines = [f"{'article':<32} {'events right':>12} {'extracted':>9} {'speakers':>9}"]
    for score in scores:
        events = {r.record for r in score.results if r.record.startswith("E")}
        speakers = [r for r in score.results if r.field == "speaker"]
        lines.append(
            f"{score.article:<32} {len(score.events_fully_right()):>5}/{len(events):<6} "
            f"{score.extracted_events:>9} {sum(r.ok for r in speakers):>4}/{len(speakers):<4}"
        )
    lines += ["", f"{'field':<16} {'right':>6} {'checked':>8} {'accuracy':>9}"]
    for name, (right, checked) in sorted(corpus_figures(scores).items()):
        accuracy = f"{right / checked:>9.2f}" if checked else f"{'-':>9}"  # a quotes-only set
        lines.append(f"{name:<16} {right:>6} {checked:>8} {accuracy}")
    if misses:
        lines += ["", *(format_misses(score) for score in scores)]
    return "\n".join(lines)
