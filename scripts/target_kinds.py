"""Wrong targets of one news fold, counted by kind rather than sentence (issue #10).

    .venv/bin/python scripts/target_kinds.py FOLD [--sentences]

Every labelled event paired with a record (``evaluate.paired_events``) whose targets are not
right (``evaluate.side_matches``) is put in the first kind that fits:

- ``label has none``: the label names no target, the record claims one;
- ``country: ...`` the record misses a country the label names (``side_country_right``):
  ``missing`` (no target at all), ``place rule`` (a place-inferred target), ``own side`` (the
  target is of a source's own country, the label's is another), ``no country`` (the targets
  have no country), ``source's country wanted`` (the label wants a source's country),
  ``other country``;
- ``named actor: missing | other``: the label names an actor by name only;
- ``sector: want X got Y``: the country is right, the sector is not.

``--sentences`` lists each with its article, label, targets, sources and rules; it is refused
on a check fold, which is read as totals only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from accord.evaluate import extract_corpus, is_check_fold, side_matches
from accord.evaluate_coverage import one_to_one, side_country_right, spec_countries
from accord.models import ActorRef, Event

PLACE_RULES = ("place-is-target", "place-in-object-is-target")


@dataclass(frozen=True)
class WrongTarget:
    """One paired record whose targets the label does not accept, and its kind."""

    article: str
    kind: str
    event_type: str
    wanted: tuple[str, ...]
    record: Event
    sentence: str


def _codes(refs: tuple[ActorRef, ...]) -> list[str]:
    return [f"{ref.text}={ref.country}:{ref.sector}" for ref in refs]


def country_kind(wanted: set[str], record: Event) -> str:
    """Why the record misses a country the label names on the target side."""
    got = {ref.country for ref in record.targets if ref.country}
    own = {ref.country for ref in record.sources if ref.country}
    if not record.targets:
        return "missing"
    if any(rule in record.evidence.why for rule in PLACE_RULES):
        return "place rule"
    if got & own and not got & own & wanted:
        return "own side"
    if not got:
        return "no country"
    if wanted & own and not wanted & got:
        return "source's country wanted"
    return "other country"


def target_kind(specs: list[str], record: Event) -> str:
    """The kind of a wrong target side: the first of the module's kinds that fits."""
    if not specs:
        return "label has none"
    right = side_country_right(specs, record.targets)
    if right is False:
        return "country: " + country_kind(spec_countries(specs), record)
    if right is None:
        return "named actor: " + ("missing" if not record.targets else "other")
    want = sorted({spec.split(":", 1)[1] for spec in specs if ":" in spec}) or ["name"]
    got = sorted({str(ref.sector) for ref in record.targets})
    return f"sector: want {'/'.join(want)} got {'/'.join(got)}"


def wrong_targets(fold: str) -> Iterator[WrongTarget]:
    """Each labelled event of the fold paired with a record whose targets are wrong."""
    readings, extractions = extract_corpus([fold])
    for reading, extraction in zip(readings, extractions, strict=True):
        expected_events = reading.get("events", [])
        for expected, record in one_to_one(expected_events, extraction.events):
            if record is None or "targets" not in expected:
                continue
            if side_matches(expected["targets"], record.targets):
                continue
            yield WrongTarget(
                reading.get("article", ""),
                target_kind(expected["targets"], record),
                expected["type"],
                tuple(expected["targets"]),
                record,
                expected["sentence"],
            )


def report(rows: list[WrongTarget], fold: str, *, sentences: bool) -> str:
    """The totals per kind (with the types in each), then the rows when asked for."""
    kinds = Counter(row.kind for row in rows)
    lines = [f"{fold}: {len(rows)} paired records with wrong targets"]
    for kind, count in kinds.most_common():
        types = Counter(row.event_type for row in rows if row.kind == kind)
        by_type = ", ".join(f"{name} {n}" for name, n in types.most_common())
        lines.append(f"  {kind:38} {count:3}  ({by_type})")
    if sentences:
        for row in sorted(rows, key=lambda r: (r.kind, r.article)):
            record = row.record
            lines += [
                "",
                f"{row.kind} | {row.article} {row.event_type} want {list(row.wanted)}",
                f"  got {_codes(record.targets)} from {_codes(record.sources)}",
                f"  why: {record.evidence.why}",
                f"  {row.sentence}",
            ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fold", help="a folder of *.expected.json news readings")
    parser.add_argument("--sentences", action="store_true", help="list each (tune folds only)")
    args = parser.parse_args()
    if args.sentences and is_check_fold(args.fold):
        parser.error("a check fold is read as totals only")
    print(report(list(wrong_targets(args.fold)), args.fold, sentences=args.sentences))


if __name__ == "__main__":
    main()
