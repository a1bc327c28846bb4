"""Event recall and strict precision against articles labelled exhaustively.

``evaluate`` checks the fields of each expected event; this module asks the questions an analyst
asks of a whole article: how many of the events it reports were found, and how many of the
records made are right. An extracted event is right when it matches an expected event (the
expected sentence, or one of its ``also`` restatements, is in one of its evidence sentences, and
the type is equal), one to one: a second record of an event already matched is a duplicate and
counts as an error, as does a record of an event the reading does not have. The same for
direct quotes (when the reading lists every quote).

Each expected event also gets one reason, per type, so a fold read only as totals still says
*why* events are missed: missed with no event from its sentence, with events of other types
only, or with its type's records all taken by other expected events; found but with another
modality, source or target; or found whole. Each extracted record that matches no expected
event gets one reason too, and the rule (or model) its evidence names as its maker, so strict
precision can be read as totals: a duplicate of a found event, another type in the sentence of a
missed event (its misreading) or beside found ones, an act the sentence does not assert, or a
sentence the reading codes nothing in (background, opinion, history, attribution), told apart by
whether its type is one the reading has elsewhere in the article (a restatement it left out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from accord.evaluate import is_country_code, paired_events, reports, side_matches, told_in
from accord.extract.events.restatements import RULES_MARK
from accord.models import DIRECT_KINDS, ActorRef, Event, Extraction, Quote
from accord.resolve.actors import fold


def _nothing_told(in_sentence: list[Event], same_type: list[Event]) -> bool:
    return not in_sentence


def _only_other_types(in_sentence: list[Event], same_type: list[Event]) -> bool:
    return not same_type


def _type_taken(in_sentence: list[Event], same_type: list[Event]) -> bool:
    """Records of its type exist but each was matched to another expected event."""
    return True


def _other_modality(expected: dict, event: Event) -> bool:
    return "modality" in expected and expected["modality"] != event.modality


def _other_source(expected: dict, event: Event) -> bool:
    return "sources" in expected and not side_matches(expected["sources"], event.sources)


def _other_target(expected: dict, event: Event) -> bool:
    return "targets" in expected and not side_matches(expected["targets"], event.targets)


# Why an expected event was missed, first that holds wins; each test reads the extracted events
# told in its sentences and the records of its type among them.
MISS_REASONS: tuple[tuple[str, Callable[[list[Event], list[Event]], bool]], ...] = (
    ("no event", _nothing_told),
    ("other type", _only_other_types),
    ("type taken", _type_taken),
)
# What a found record gets wrong, first that holds wins.
FLAW_REASONS: tuple[tuple[str, Callable[[dict, Event], bool]], ...] = (
    ("modality", _other_modality),
    ("source", _other_source),
    ("target", _other_target),
)


def _restates_a_found_event(event: Event, found: list[dict], missed: list[dict]) -> bool:
    return any(reports(expected, event) for expected in found)


def _misreads_a_missed_event(event: Event, found: list[dict], missed: list[dict]) -> bool:
    """Told in the sentence of an expected event no record matched: that event, as another
    type (the miss's "other type" reason seen from the record's side)."""
    return any(told_in(expected, event) for expected in missed)


def _beside_found_events(event: Event, found: list[dict], missed: list[dict]) -> bool:
    """Told in a sentence whose expected events were all found: a second act read into it."""
    return any(told_in(expected, event) for expected in found)


def _not_asserted(event: Event, found: list[dict], missed: list[dict]) -> bool:
    """An act its sentence denies, negates, plans or conditions, where the reading has none."""
    return event.modality != ASSERTED


def _type_told_elsewhere(event: Event, found: list[dict], missed: list[dict]) -> bool:
    """The reading codes nothing in its sentence but has its type elsewhere in the article:
    mostly a restatement the reading did not list, or history of the same kind."""
    return any(expected["type"] == event.type for expected in (*found, *missed))


def _nothing_coded_there(event: Event, found: list[dict], missed: list[dict]) -> bool:
    return True


ASSERTED = "asserted"
# Why an extracted record matches no expected event, first that holds wins; each test reads the
# record and the article's expected events, found and missed.
EXTRA_REASONS: tuple[tuple[str, Callable[[Event, list[dict], list[dict]], bool]], ...] = (
    ("duplicate", _restates_a_found_event),
    ("misread", _misreads_a_missed_event),
    ("beside", _beside_found_events),
    ("not asserted", _not_asserted),
    ("type elsewhere", _type_told_elsewhere),
    ("no event", _nothing_coded_there),
)
EXTRA_LEGEND = (
    "duplicate: restates a found event | misread: another type in a missed event's sentence | "
    "beside: another act in a sentence whose events were found | not asserted: denied, negated, "
    "planned or conditional, where the reading has none | type elsewhere: a sentence the reading "
    "codes nothing in, of a type it has elsewhere in the article | no event: a sentence the "
    "reading codes nothing in (background, opinion, history, attribution)"
)
UNNAMED = "unnamed"
WHOLE = "whole"
REASON_COLUMNS = (
    WHOLE,
    *(f"wrong {name}" for name, _ in FLAW_REASONS),
    *(name for name, _ in MISS_REASONS),
)


@dataclass
class Ratio:
    right: int = 0
    checked: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.checked += 1

    def value(self) -> float | None:
        return self.right / self.checked if self.checked else None

    def merge(self, other: Ratio) -> None:
        self.right += other.right
        self.checked += other.checked


@dataclass
class Coverage:
    """Event and direct-quote coverage of one article (or, merged, of a corpus)."""

    expected: int = 0  # events the reading has
    found: int = 0  # of those, matched by an extracted event
    extracted: int = 0  # events extracted
    duplicates: int = 0  # extracted events restating an event already matched
    source_country: Ratio = field(default_factory=Ratio)  # on matched events
    target_country: Ratio = field(default_factory=Ratio)
    by_type: dict[str, Ratio] = field(default_factory=dict)  # recall per expected type
    reasons: dict[str, Counter[str]] = field(default_factory=dict)  # per type: REASON_COLUMNS
    instead: Counter[tuple[str, str]] = field(default_factory=Counter)  # (expected, got) types
    quotes_expected: int = 0  # direct quotes in the reading
    quotes_found: int = 0
    quotes_extracted: int = 0  # direct quotes extracted
    quotes_right: int = 0  # of those, matching a quote of the reading
    quotes_partial: int = 0  # direct quotes extracted inside a reported clause ("were “fiction”")
    quotes_partial_right: int = 0  # of those, matching a quote of the reading
    missed: list[tuple[str, str]] = field(default_factory=list)  # (type, sentence)
    wrong: list[tuple[str, str]] = field(default_factory=list)  # extracted, unmatched
    wrong_why: list[tuple[str, str]] = field(default_factory=list)  # (reason, maker rule)

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        return self.found / self.extracted if self.extracted else None

    def merge(self, other: Coverage) -> None:
        for name in (
            "expected",
            "found",
            "extracted",
            "duplicates",
            "quotes_expected",
            "quotes_found",
            "quotes_extracted",
            "quotes_right",
            "quotes_partial",
            "quotes_partial_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.source_country.merge(other.source_country)
        self.target_country.merge(other.target_country)
        for event_type, ratio in other.by_type.items():
            self.by_type.setdefault(event_type, Ratio()).merge(ratio)
        for event_type, counts in other.reasons.items():
            self.reasons.setdefault(event_type, Counter()).update(counts)
        self.instead.update(other.instead)
        self.missed += other.missed
        self.wrong += other.wrong
        self.wrong_why += other.wrong_why

    @property
    def extras(self) -> Counter[tuple[str, str]]:
        """Unmatched records per (maker rule, reason)."""
        return Counter((rule, reason) for reason, rule in self.wrong_why)

    def extras_by_reason(self) -> dict[str, int]:
        """Unmatched records per reason, every reason listed."""
        totals: Counter[str] = Counter()
        for (_, reason), count in self.extras.items():
            totals[reason] += count
        return {name: totals[name] for name, _ in EXTRA_REASONS}

    def extras_by_rule(self) -> dict[str, dict[str, int]]:
        """Unmatched records per maker rule and reason, the rules making most first."""
        rows: dict[str, Counter[str]] = {}
        for (rule, reason), count in self.extras.items():
            rows.setdefault(rule, Counter())[reason] += count
        ranked = sorted(rows.items(), key=lambda item: (-sum(item[1].values()), item[0]))
        return {rule: {name: counts[name] for name, _ in EXTRA_REASONS} for rule, counts in ranked}

    def to_dict(self) -> dict[str, object]:
        return {
            "events_expected": self.expected,
            "events_found": self.found,
            "events_extracted": self.extracted,
            "duplicates": self.duplicates,
            "recall": self.recall,
            "strict_precision": self.precision,
            "source_country": self.source_country.value(),
            "target_country": self.target_country.value(),
            "recall_by_type": {
                key: [r.right, r.checked] for key, r in sorted(self.by_type.items())
            },
            "reasons_by_type": {
                key: {column: counts[column] for column in REASON_COLUMNS}
                for key, counts in sorted(self.reasons.items())
            },
            "missed_as_other_type": {
                f"{wanted}->{got}": count for (wanted, got), count in self.instead.most_common()
            },
            "extras_by_reason": self.extras_by_reason(),
            "extras_by_rule": self.extras_by_rule(),
            "direct_quotes_expected": self.quotes_expected,
            "direct_quotes_found": self.quotes_found,
            "direct_quotes_extracted": self.quotes_extracted,
            "direct_quotes_right": self.quotes_right,
            "direct_quotes_partial": self.quotes_partial,
            "direct_quotes_partial_right": self.quotes_partial_right,
            "direct_quote_recall": ratio(self.quotes_found, self.quotes_expected),
            "direct_quote_precision": ratio(self.quotes_right, self.quotes_extracted),
        }


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def miss_reason(expected: dict, events: Sequence[Event]) -> tuple[str, str | None]:
    """Why an expected event found no record, and the type most often made instead."""
    in_sentence = [e for e in events if told_in(expected, e)]
    same_type = [e for e in in_sentence if e.type == expected["type"]]
    name = next(name for name, test in MISS_REASONS if test(in_sentence, same_type))
    others = Counter(e.type for e in in_sentence if e.type != expected["type"])
    return name, (others.most_common(1)[0][0] if others else None)


def found_reason(expected: dict, event: Event) -> str:
    """The first field the found record gets wrong (modality, source, target), or whole."""
    flaw = next((name for name, test in FLAW_REASONS if test(expected, event)), None)
    return WHOLE if flaw is None else f"wrong {flaw}"


def extra_reason(event: Event, found: list[dict], missed: list[dict]) -> str:
    """Why an extracted record matches no expected event (the first reason that holds)."""
    return next(name for name, test in EXTRA_REASONS if test(event, found, missed))


def maker_rule(event: Event) -> str:
    """The rule (or model, "model:NAME") that found the record: the first its evidence names."""
    _, mark, rules = event.evidence.why.rpartition(RULES_MARK)
    first = rules.split(", ")[0].strip() if mark else ""
    return first or UNNAMED


def spec_countries(specs: Sequence[str]) -> set[str]:
    """Country codes named by actor specs ("RUS", "RUS:GOV"); names of groups and IGOs give
    none, three capitals or not ("PKK", "NATO"): only a code of the country table is a country,
    as ``evaluate.actor_matches`` reads a spec."""
    codes = set()
    for spec in specs:
        code = spec.split(":", 1)[0]
        if is_country_code(code):
            codes.add(code)
    return codes


def side_country_right(specs: Sequence[str], refs: Sequence[ActorRef]) -> bool | None:
    """Every country the reading names on a side is among the extracted actors' countries;
    None when the reading names no country there (nothing to check)."""
    wanted = spec_countries(specs)
    if not wanted:
        return None
    return wanted <= {ref.country for ref in refs if ref.country}


def one_to_one(
    expected_events: Sequence[dict], events: Sequence[Event]
) -> Iterator[tuple[dict, Event | None]]:
    """Each expected event, in reading order, with its record under the best one-to-one
    pairing (``evaluate.paired_events``), or None: the matching every figure here rests on."""
    yield from zip(expected_events, paired_events(expected_events, events), strict=True)


def match_events(expected_events: Sequence[dict], events: Sequence[Event]) -> Coverage:
    """One-to-one matching of extracted to expected events, in reading order; then every
    extracted event left over is a duplicate (it restates a matched event) or wrong."""
    coverage = Coverage(expected=len(expected_events), extracted=len(events))
    used: set[str] = set()
    matched: list[dict] = []
    for expected, event in one_to_one(expected_events, events):
        recall = coverage.by_type.setdefault(expected["type"], Ratio())
        recall.add(event is not None)
        reasons = coverage.reasons.setdefault(expected["type"], Counter())
        if event is None:
            coverage.missed.append((expected["type"], expected["sentence"]))
            reason, instead = miss_reason(expected, events)
            reasons[reason] += 1
            if reason == "other type" and instead:
                coverage.instead[(expected["type"], instead)] += 1
            continue
        reasons[found_reason(expected, event)] += 1
        used.add(event.id)
        matched.append(expected)
        coverage.found += 1
        add_country_checks(coverage, expected, event)
    found_ids = {id(expected) for expected in matched}
    missed = [expected for expected in expected_events if id(expected) not in found_ids]
    for event in events:
        if event.id in used:
            continue
        reason = extra_reason(event, matched, missed)
        coverage.duplicates += reason == "duplicate"
        coverage.wrong.append((event.type, event.evidence.sentence))
        coverage.wrong_why.append((reason, maker_rule(event)))
    return coverage


def add_country_checks(coverage: Coverage, expected: dict, event: Event) -> None:
    for side, ratio_ in (
        ("sources", coverage.source_country),
        ("targets", coverage.target_country),
    ):
        if side in expected:
            right = side_country_right(expected[side], getattr(event, side))
            if right is not None:
                ratio_.add(right)


def quote_matches(expected: dict, quote: Quote) -> bool:
    wanted, got = fold(expected["text"]), fold(quote.text)
    return bool(got) and (wanted in got or got in wanted)


def match_direct_quotes(expected_quotes: Sequence[dict], quotes: Sequence[Quote]) -> Coverage:
    """Direct-quote recall and precision (indirect quotes are not counted here). The labels
    count a partial quote ('said results were “fiction”') as direct, so partial records are
    scored with the whole ones and also counted apart."""
    wanted = [q for q in expected_quotes if q.get("kind", "direct") in DIRECT_KINDS]
    direct = [q for q in quotes if q.kind in DIRECT_KINDS]
    coverage = Coverage(quotes_expected=len(wanted), quotes_extracted=len(direct))
    coverage.quotes_found = sum(any(quote_matches(e, q) for q in direct) for e in wanted)
    right = [q for q in direct if any(quote_matches(e, q) for e in expected_quotes)]
    coverage.quotes_right = len(right)
    coverage.quotes_partial = sum(q.kind == "partial" for q in direct)
    coverage.quotes_partial_right = sum(q.kind == "partial" for q in right)
    return coverage


def article_coverage(expected: dict, extraction: Extraction) -> Coverage:
    coverage = match_events(expected.get("events", []), extraction.events)
    coverage.merge(match_direct_quotes(expected.get("quotes", []), extraction.quotes))
    return coverage


def corpus_coverage(readings: Sequence[dict], extractions: Sequence[Extraction]) -> Coverage:
    total = Coverage()
    for reading, extraction in zip(readings, extractions, strict=True):
        total.merge(article_coverage(reading, extraction))
    return total


def format_coverage(coverage: Coverage, *, misses: bool = False) -> str:
    """The coverage figures as a plain-text table (and what was missed or wrong, for people)."""

    def show(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    lines = [
        f"events: {coverage.found}/{coverage.expected} found (recall {show(coverage.recall)}), "
        f"{coverage.extracted} extracted (strict precision {show(coverage.precision)}, "
        f"{coverage.duplicates} duplicates)",
        f"source country {show(coverage.source_country.value())} "
        f"({coverage.source_country.right}/{coverage.source_country.checked}), "
        f"target country {show(coverage.target_country.value())} "
        f"({coverage.target_country.right}/{coverage.target_country.checked})",
        f"direct quotes: recall {show(ratio(coverage.quotes_found, coverage.quotes_expected))} "
        f"({coverage.quotes_found}/{coverage.quotes_expected}), precision "
        f"{show(ratio(coverage.quotes_right, coverage.quotes_extracted))} "
        f"({coverage.quotes_right}/{coverage.quotes_extracted})",
        "recall by type: "
        + ", ".join(f"{t} {r.right}/{r.checked}" for t, r in sorted(coverage.by_type.items())),
    ]
    lines += ["", *format_reasons(coverage)]
    lines += ["", *format_extras(coverage)]
    if misses:
        lines += ["", "missed:"]
        lines += [
            f"  {event_type:<10} {sentence[:120]}" for event_type, sentence in coverage.missed
        ]
        lines += ["", "extracted, not in the reading (or duplicates): type, reason, maker rule"]
        lines += [
            f"  {event_type:<10} {reason:<14} {rule:<24} {sentence[:120]}"
            for (event_type, sentence), (reason, rule) in zip(
                coverage.wrong, coverage.wrong_why, strict=True
            )
        ]
    return "\n".join(lines)


def format_reasons(coverage: Coverage) -> list[str]:
    """Expected events per type by reason (found whole, found with a wrong field, or missed and
    why), and the types made instead of missed ones: totals that any fold may show."""
    found = len(REASON_COLUMNS) - len(MISS_REASONS)
    lines = ["expected events by reason (found: whole or first wrong field | missed: why)"]
    header = " ".join(REASON_COLUMNS[:found]) + " | " + " ".join(REASON_COLUMNS[found:])
    lines.append(f"{'type':<10} {'all':>4} {header}")
    for event_type, counts in sorted(coverage.reasons.items()):
        cells = [f"{counts[column]:>{len(column)}}" for column in REASON_COLUMNS]
        row = " ".join(cells[:found]) + " | " + " ".join(cells[found:])
        lines.append(f"{event_type:<10} {sum(counts.values()):>4} {row}")
    if coverage.instead:
        made = ", ".join(
            f"{wanted}->{got} {count}" for (wanted, got), count in coverage.instead.most_common()
        )
        lines.append(f"missed as another type: {made}")
    return lines


def format_extras(coverage: Coverage) -> list[str]:
    """Extracted records that match no expected event, by the rule that made them and why they
    match none: totals that any fold may show."""
    names = [name for name, _ in EXTRA_REASONS]
    by_reason = coverage.extras_by_reason()
    lines = [
        f"extracted, matching no expected event: {sum(by_reason.values())} "
        "(by the rule or model that made them | why)",
        *(f"  {part.strip()}" for part in EXTRA_LEGEND.split("|")),
        f"{'made by':<34} {'all':>4} " + " ".join(names),
    ]

    def row(label: str, counts: dict[str, int]) -> str:
        cells = " ".join(f"{counts[name]:>{len(name)}}" for name in names)
        return f"{label:<34} {sum(counts.values()):>4} {cells}"

    lines += [row(rule, counts) for rule, counts in coverage.extras_by_rule().items()]
    lines.append(row("all", by_reason))
    return lines
