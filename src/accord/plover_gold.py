"""Scoring against the PLOVER gold-standard records (one sentence, one hand-coded event each).

``accord eval GOLD.jsonl`` uses this for files in the PLOVER ``gold_standard_records`` format
(``id``, ``text``, ``event``, ``mode``, ``context``, ``source``/``target`` lists of
``{actorText, code, sector}``). Each sentence is run through the pipeline as its own article and
the extracted events are compared with the gold event.

Actor codes are matched by the country they name: the records use some dated or non-ISO codes
(JAP for Japan, ITL for Italy, ...), which are mapped to ISO 3166 alpha-3 before comparing
(``DATED_CODES``). Group codes (IGO, NGO, IMG, ...) name no country; they match an extracted
actor of the corresponding sector (``GROUP_CODE_SECTORS``). Gold sectors are CAMEO codes, which
can be compound ("GOVMOS", "CVLalb"): only the primary sector counts, read in accord's vocabulary
(``SECTOR_EQUIVALENTS``), and "***" means the coders gave none.

Matching and counting rules (one gold event per sentence):

* The predicted event is the extracted event whose type equals the gold type; if several have it,
  the one whose actors agree best with the gold actors (the first on a tie).
* Event type, per type: a sentence with an event of the gold type is one true positive (further
  events of that same type are duplicates and ignored); without one, it is a false negative of
  the gold type. Every extracted event of another type is a false positive of its own type: the
  gold gives one event per sentence, and inventing events is what this measures.
* Confusion: gold type -> the matched type when there is one, else the type of the first
  extracted event, else NONE (so the diagonal agrees with the true positives).
* Actors and mode are scored only on correctly typed sentences. A gold actor is found when some
  extracted actor on the same side names the same country (or group) and, for the
  "country+sector" figure, the same sector where gold gives one. Targets are scored only where
  gold gives targets, mode only where gold gives a mode.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from accord.evaluate import actor_matches
from accord.models import ActorRef, Event, Extraction

NO_EVENT = "NONE"
CONFUSION_CORNER = "gold \\ got"

# Codes in the gold records that are not ISO 3166 alpha-3, mapped by the country they name.
# The first three occur in the PLOVER records; the others are withdrawn ISO codes of countries
# that were renamed, kept so older CAMEO-coded files score the same way.
DATED_CODES = {
    "JAP": "JPN",  # Japan
    "ITL": "ITA",  # Italy
    "VTN": "VNM",  # Vietnam
    "ROM": "ROU",  # Romania (ISO code until 2002)
    "ZAR": "COD",  # Zaire -> DR Congo (until 1997)
    "TMP": "TLS",  # East Timor (until 2002)
    "BUR": "MMR",  # Burma -> Myanmar (until 1989)
}

# CAMEO group codes name no country; each matches an extracted actor with one of these sectors.
GROUP_CODE_SECTORS = {
    "IGO": frozenset({"IGO"}),  # intergovernmental organisation (UN, APEC, ...)
    "NGO": frozenset({"NGO"}),  # non-governmental organisation
    "IMG": frozenset({"REB"}),  # international militarized group: accord's armed non-state REB
    "ISM": frozenset({"REL"}),  # transnational Islamic actor: accord's religious sector
    "MNC": frozenset({"BUS"}),  # multinational corporation
}

# CAMEO primary sectors written differently in accord's sector vocabulary (resolve.actors):
# accord folds refugees, workers, students and farmers into civilians, legislators into
# government, journalists into media, and religious codes into REL. Sectors not listed here
# (ELI, PTY, CRM, ...) have no accord equivalent and are compared as they are.
SECTOR_EQUIVALENTS = {
    "CIV": "CVL",  # misspelling of CVL in some records
    "REF": "CVL",
    "LAB": "CVL",
    "EDU": "CVL",
    "AGR": "CVL",
    "LEG": "GOV",
    "JRN": "MED",
    "MOS": "REL",
    "CHR": "REL",
    "JEW": "REL",
    "BUD": "REL",
    "HIN": "REL",
}
UNKNOWN_SECTOR = "***"


# -- gold records ----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldActor:
    """A gold actor with its code mapped to ISO (or a group code) and its primary sector."""

    text: str
    code: str
    sector: str | None = None

    @property
    def is_group(self) -> bool:
        return self.code in GROUP_CODE_SECTORS

    def summary(self) -> str:
        return f"{self.code}:{self.sector}" if self.sector and not self.is_group else self.code


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence and the one event coded for it."""

    id: str
    text: str
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    sources: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()

    def summary(self) -> str:
        return event_summary(self.event, self.mode, self.sources, self.targets)


def normalise_code(code: str) -> str:
    """ISO alpha-3 for the country a code names (dated codes mapped), group codes unchanged."""
    code = code.strip().upper()
    return DATED_CODES.get(code, code)


def normalise_sector(sector: str | None) -> str | None:
    """The primary CAMEO sector in accord's vocabulary; None when gold gives none ("***")."""
    match = re.match(r"[A-Z]{3}", (sector or "").strip())
    if match is None:
        return None
    primary = match.group()
    return SECTOR_EQUIVALENTS.get(primary, primary)


def gold_actors(value: Any) -> tuple[GoldActor, ...]:
    """A ``source``/``target`` value: a list of actors, or "" / null / missing for none."""
    if not value:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"expected a list of actors, got {value!r}")
    return tuple(
        GoldActor(
            text=str(item.get("actorText") or ""),
            code=normalise_code(str(item["code"])),
            sector=normalise_sector(item.get("sector")),
        )
        for item in value
        if item and item.get("code")
    )


def gold_record(row: dict[str, Any]) -> GoldRecord:
    contexts = str(row.get("context") or "").split(",")
    return GoldRecord(
        id=str(row["id"]),
        text=str(row["text"]),
        event=str(row["event"]).strip().upper(),
        mode=str(row.get("mode") or "").strip() or None,
        context=tuple(c.strip() for c in contexts if c.strip()),
        sources=gold_actors(row.get("source")),
        targets=gold_actors(row.get("target")),
    )


def load_gsr(path: str | Path) -> list[GoldRecord]:
    """Read a PLOVER gold-standard JSONL file; a malformed line raises ValueError naming it."""
    records = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(gold_record(json.loads(line)))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"{path}:{number}: not a gold record ({error})") from error
    return records


# -- matching --------------------------------------------------------------------------------


def actor_is(gold: GoldActor, ref: ActorRef, *, with_sector: bool) -> bool:
    """Does an extracted actor name the gold actor's country (or group), and sector if asked?"""
    if gold.is_group:
        return ref.sector in GROUP_CODE_SECTORS[gold.code]
    spec = f"{gold.code}:{gold.sector}" if with_sector and gold.sector else gold.code
    return actor_matches(spec, ref)


def found(gold: GoldActor, refs: Sequence[ActorRef], *, with_sector: bool) -> bool:
    return any(actor_is(gold, ref, with_sector=with_sector) for ref in refs)


def actor_agreement(record: GoldRecord, event: Event) -> int:
    """How many gold actors the event finds on the right side (country+sector counts twice)."""
    sides = ((record.sources, event.sources), (record.targets, event.targets))
    return sum(
        found(gold, refs, with_sector=True) + found(gold, refs, with_sector=False)
        for golds, refs in sides
        for gold in golds
    )


def matched_event(record: GoldRecord, events: Sequence[Event]) -> Event | None:
    """The extracted event of the gold type whose actors agree best (first on a tie)."""
    same_type = [event for event in events if event.type == record.event]
    if not same_type:
        return None
    return max(same_type, key=lambda event: actor_agreement(record, event))


def predicted_type(record: GoldRecord, events: Sequence[Event]) -> str:
    """The type the confusion table shows for a sentence."""
    if any(event.type == record.event for event in events):
        return record.event
    return events[0].type if events else NO_EVENT


# -- figures ---------------------------------------------------------------------------------


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass
class TypeScore:
    """True/false positives and false negatives of one event type (or of all: micro)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """Right out of checked; ``value`` is None when nothing was checked."""

    right: int = 0
    checked: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.checked += 1

    @property
    def value(self) -> float | None:
        return self.right / self.checked if self.checked else None

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.value, "right": self.right, "checked": self.checked}


@dataclass
class ActorAccuracy:
    """Gold actors of one side found among the matched event's actors."""

    country_sector: Accuracy = field(default_factory=Accuracy)
    country: Accuracy = field(default_factory=Accuracy)

    def to_dict(self) -> dict[str, Any]:
        return {"country_sector": self.country_sector.to_dict(), "country": self.country.to_dict()}


@dataclass(frozen=True)
class Miss:
    """A sentence not fully right, for people: what gold says and what was extracted."""

    id: str
    sentence: str
    expected: str
    got: str
    problems: tuple[str, ...] = ()  # type, source, target, mode


@dataclass
class GsrReport:
    """Every figure of one run over a gold file."""

    records: int = 0
    extracted_events: int = 0
    sentences_without_events: int = 0
    types: dict[str, TypeScore] = field(default_factory=dict)
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    sources: ActorAccuracy = field(default_factory=ActorAccuracy)
    targets: ActorAccuracy = field(default_factory=ActorAccuracy)
    mode: Accuracy = field(default_factory=Accuracy)
    misses: list[Miss] = field(default_factory=list)
    failed: tuple[tuple[str, str], ...] = ()  # (record id, reason) the pipeline could not run

    def type_score(self, event_type: str) -> TypeScore:
        return self.types.setdefault(event_type, TypeScore())

    @property
    def micro(self) -> TypeScore:
        scores = self.types.values()
        return TypeScore(
            tp=sum(s.tp for s in scores),
            fp=sum(s.fp for s in scores),
            fn=sum(s.fn for s in scores),
        )

    @property
    def typed_right(self) -> int:
        return self.micro.tp

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``accord eval --json``."""
        return {
            "records": self.records,
            "extracted_events": self.extracted_events,
            "sentences_without_events": self.sentences_without_events,
            "typed_right": self.typed_right,
            "types": {name: score.to_dict() for name, score in sorted(self.types.items())},
            "micro": self.micro.to_dict(),
            "confusion": {gold: dict(row) for gold, row in sorted(self.confusion.items())},
            "sources": self.sources.to_dict(),
            "targets": self.targets.to_dict(),
            "mode": self.mode.to_dict(),
            "misses": [asdict(miss) for miss in self.misses],
            "failed": [list(item) for item in self.failed],
        }


# -- scoring ---------------------------------------------------------------------------------


def count_types(report: GsrReport, record: GoldRecord, events: Sequence[Event]) -> bool:
    """Add one sentence's type counts; True when the gold type was extracted."""
    typed_right = any(event.type == record.event for event in events)
    report.type_score(record.event).tp += int(typed_right)
    report.type_score(record.event).fn += int(not typed_right)
    for event in events:
        if event.type != record.event:
            report.type_score(event.type).fp += 1
    row = report.confusion.setdefault(record.event, Counter())
    row[predicted_type(record, events)] += 1
    return typed_right


def score_side(
    accuracy: ActorAccuracy, golds: Sequence[GoldActor], refs: Sequence[ActorRef]
) -> bool:
    """Add one side's actors; True when every gold actor was found with its sector."""
    all_found = True
    for gold in golds:
        with_sector = found(gold, refs, with_sector=True)
        accuracy.country_sector.add(with_sector)
        accuracy.country.add(found(gold, refs, with_sector=False))
        all_found = all_found and with_sector
    return all_found


# accord's extension modes (data/plover.json "accord_extensions") and the PLOVER mode the 2021
# crosswalk files them under: gold coded in plain PLOVER is compared with that parent.
EXTENSION_MODE_PARENTS = {"aerial": "heavy-weapons", "drone": "heavy-weapons"}


def same_mode(gold: str, got: str | None) -> bool:
    got = (got or "").strip().lower()
    return EXTENSION_MODE_PARENTS.get(got, got) == gold.strip().lower()


def score_record(report: GsrReport, record: GoldRecord, events: Sequence[Event]) -> None:
    """Add one gold sentence to the report (type counts, then actors and mode if typed right)."""
    report.extracted_events += len(events)
    report.sentences_without_events += int(not events)
    problems = []
    if not count_types(report, record, events):
        problems.append("type")
    event = matched_event(record, events)
    if event is not None:
        if not score_side(report.sources, record.sources, event.sources):
            problems.append("source")
        if record.targets and not score_side(report.targets, record.targets, event.targets):
            problems.append("target")
        if record.mode:
            report.mode.add(same_mode(record.mode, event.mode))
            if not same_mode(record.mode, event.mode):
                problems.append("mode")
    if problems:
        report.misses.append(
            Miss(record.id, record.text, record.summary(), events_summary(events), tuple(problems))
        )


def score_gsr(records: Sequence[GoldRecord], extractions: Iterable[Extraction]) -> GsrReport:
    """Score the pipeline's extraction of each record's sentence (same order) against gold."""
    extractions = list(extractions)
    if len(extractions) != len(records):
        raise ValueError(f"{len(records)} gold records but {len(extractions)} extractions")
    report = GsrReport(records=len(records))
    for record, extraction in zip(records, extractions, strict=True):
        score_record(report, record, extraction.events)
    return report


def run_gsr(path: str | Path, jobs: int = 1) -> GsrReport:
    """Load a gold file, run the pipeline on each sentence (no publication date) and score it.

    A sentence the pipeline fails on counts as extracting nothing and is listed in ``failed``.
    """
    from accord.api import ExtractionFailure, extract_all
    from accord.ingest import make_article

    records = load_gsr(path)
    articles = [make_article(record.text, source=record.id) for record in records]
    extractions, failed = [], []
    for record, article, result in zip(
        records, articles, extract_all(articles, jobs=jobs), strict=True
    ):
        if isinstance(result, ExtractionFailure):
            failed.append((record.id, result.reason))
            result = Extraction(article=article, actors=(), events=(), quotes=())
        extractions.append(result)
    return replace(score_gsr(records, extractions), failed=tuple(failed))


# -- text ------------------------------------------------------------------------------------


def ref_summary(ref: ActorRef) -> str:
    if ref.country and ref.sector:
        return f"{ref.country}:{ref.sector}"
    return ref.country or ref.sector or ref.name


def event_summary(
    event_type: str,
    mode: str | None,
    sources: Iterable[GoldActor | ActorRef],
    targets: Iterable[GoldActor | ActorRef],
) -> str:
    """'ACCUSE/investigate ITA -> USA:CVL': type, mode, source and target codes."""

    def side(actors: Iterable[GoldActor | ActorRef]) -> str:
        codes = [a.summary() if isinstance(a, GoldActor) else ref_summary(a) for a in actors]
        return "+".join(codes) or "?"

    head = f"{event_type}/{mode}" if mode else event_type
    return f"{head} {side(sources)} -> {side(targets)}"


def events_summary(events: Sequence[Event]) -> str:
    if not events:
        return "no event"
    return "; ".join(event_summary(e.type, e.mode, e.sources, e.targets) for e in events)


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def type_table(report: GsrReport) -> list[str]:
    lines = [f"{'type':<12}{'P':>6}{'R':>6}{'F1':>6}{'support':>9}{'TP':>5}{'FP':>5}{'FN':>5}"]
    ordered = sorted(report.types.items(), key=lambda item: (-item[1].support, item[0]))
    for name, score in [*ordered, ("micro", report.micro)]:
        lines.append(
            f"{name:<12}{percent(score.precision):>6}{percent(score.recall):>6}"
            f"{percent(score.f1):>6}{score.support:>9}{score.tp:>5}{score.fp:>5}{score.fn:>5}"
        )
    return lines


def accuracy_table(report: GsrReport) -> list[str]:
    rows = [
        ("source country+sector", report.sources.country_sector),
        ("source country", report.sources.country),
        ("target country+sector", report.targets.country_sector),
        ("target country", report.targets.country),
        ("mode", report.mode),
    ]
    title = f"on correctly typed events ({report.typed_right})"
    lines = [f"{title:<37}{'right':>9}{'accuracy':>10}"]
    for name, accuracy in rows:
        fraction = f"{accuracy.right}/{accuracy.checked}"
        lines.append(f"{name:<37}{fraction:>9}{percent(accuracy.value):>10}")
    return lines


def confusion_table(report: GsrReport) -> list[str]:
    """Gold types down, predicted types across (first four letters), '.' for zero."""
    gold_types = sorted(report.confusion, key=lambda name: (-report.types[name].support, name))
    predicted = sorted({p for row in report.confusion.values() for p in row} - {NO_EVENT})
    columns = [*predicted, NO_EVENT]
    lines = [f"{CONFUSION_CORNER:<12}" + "".join(f"{name[:4]:>5}" for name in columns)]
    for gold in gold_types:
        row = report.confusion[gold]
        cells = "".join(f"{row[name] or '.':>5}" for name in columns)
        lines.append(f"{gold:<12}{cells}")
    return lines


def misses_list(report: GsrReport) -> list[str]:
    lines = [f"misses ({len(report.misses)})"]
    for miss in report.misses:
        lines.append(f"  {miss.id} [{', '.join(miss.problems)}]")
        lines.append(f"      {miss.sentence}")
        lines.append(f"      expected: {miss.expected}")
        lines.append(f"      got:      {miss.got}")
    return lines


def format_report(report: GsrReport, *, misses: bool = False) -> str:
    """The report as plain-text tables (the README shows this output)."""
    headline = (
        f"PLOVER gold standard: {report.records} sentences, {report.extracted_events} events "
        f"extracted, no event in {report.sentences_without_events}"
    )
    sections = [[headline], type_table(report), accuracy_table(report)]
    sections.append(["confusion (gold type -> matched type, else first extracted, else NONE)"])
    sections[-1].extend(confusion_table(report))
    if report.failed:
        sections.append([f"pipeline failed on {len(report.failed)} sentences:"])
        sections[-1].extend(f"  {record}: {reason}" for record, reason in report.failed)
    if misses:
        sections.append(misses_list(report))
    return "\n\n".join("\n".join(lines) for lines in sections)
