"""Snapshot everything the pipeline outputs, to check that a refactoring changes no output.

Writes into one folder:

* ``plover.json`` / ``plover-misses.txt``: ``accord eval GOLD.jsonl --json`` and ``--misses``
  (the PLOVER gold file, when it is there; ``--gold`` to name another);
* ``golden.json`` / ``golden-misses.txt``: the same for the golden articles (``tests/corpus``);
* ``extractions.jsonl``: every extraction (events with their evidence and ``why``, quotes,
  actors) of ``tests/corpus``, ``tests/corpus_tracking``, the bundled examples and each PLOVER
  gold sentence, one JSON line per article (the ingest time and source path left out);
* ``tracking-export.jsonl`` / ``clusters.txt``: ``accord export`` and ``accord cluster-eval``
  after ingesting ``tests/corpus_tracking`` into a fresh database.

Typical use, before and after a change (exit status 1 when anything differs)::

    .venv/bin/python scripts/snapshot_outputs.py /tmp/before
    # ... change the code ...
    .venv/bin/python scripts/snapshot_outputs.py /tmp/after --against /tmp/before

``--against`` compares file by file; a JSONL file that differs is also compared with the
names of the rules that fired (the ``; rules: ...`` end of each ``why``) left out, and with
every ``why`` left out, to tell a change of evidence text from a change of output.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLOVER_GOLD = Path("/work/shared/eval/plover-gsr-dev.jsonl")
ARTICLE_FOLDERS = ("tests/corpus", "tests/corpus_tracking", "src/accord/data/examples")
TRACKING = "tests/corpus_tracking"
RULE_NAMES = re.compile(r"; rules: [^;]*$")


def accord_command(*arguments: str) -> str:
    """Run the ``accord`` CLI (this interpreter's) from the repository root; stdout and stderr."""
    command = [sys.executable, "-m", "accord.cli", *arguments]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def extraction_lines(gold: Path | None) -> Iterator[str]:
    """One JSON line per extracted article: the files of ``ARTICLE_FOLDERS``, then the gold
    sentences (each as its own article, as ``accord eval`` runs them)."""
    from accord.ingest import make_article, read_sources
    from accord.models import Article, to_dict
    from accord.pipeline import extract_many
    from accord.plover_gold import load_gsr

    paths = [p.relative_to(ROOT) for f in ARTICLE_FOLDERS for p in sorted((ROOT / f).glob("*.txt"))]
    articles = [item for item in read_sources(paths) if isinstance(item, Article)]
    if gold is not None:
        articles += [make_article(r.text, source=r.id) for r in load_gsr(gold)]
    for extraction in extract_many(articles):
        record = to_dict(extraction)
        for volatile in ("ingested_at", "text"):
            record["article"].pop(volatile, None)
        yield json.dumps(record, ensure_ascii=False, sort_keys=True)


def write_snapshot(folder: Path, gold: Path | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    runs = {"golden": "tests/corpus"}
    if gold is not None:
        runs["plover"] = str(gold)
    for name, source in runs.items():
        (folder / f"{name}.json").write_text(accord_command("eval", source, "--json"))
        (folder / f"{name}-misses.txt").write_text(accord_command("eval", source, "--misses"))
    lines = list(extraction_lines(gold))
    (folder / "extractions.jsonl").write_text("".join(line + "\n" for line in lines))
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "tracking.db")
        texts = [str(p.relative_to(ROOT)) for p in sorted((ROOT / TRACKING).glob("*.txt"))]
        accord_command("--db", db, "ingest", *texts)
        clusters = accord_command("--db", db, "cluster-eval", f"{TRACKING}/expected_clusters.json")
        (folder / "clusters.txt").write_text(clusters)
        accord_command("--db", db, "export", str(folder / "tracking-export.jsonl"))


def _without_why(value: object, rule_names_only: bool = False) -> object:
    """A JSON value with every ``why`` left out (or only the rule names at its end)."""
    if isinstance(value, dict):
        if not rule_names_only:
            return {k: _without_why(v) for k, v in value.items() if k != "why"}
        return {
            k: RULE_NAMES.sub("", v) if k == "why" and isinstance(v, str) else _without_why(v, True)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_without_why(v, rule_names_only) for v in value]
    return value


def compare(folder: Path, reference: Path) -> bool:
    """Report each file that differs from the reference; True when all are identical."""
    same = True
    for expected in sorted(reference.iterdir()):
        if not expected.is_file():
            continue
        actual = folder / expected.name
        if actual.exists() and actual.read_bytes() == expected.read_bytes():
            print(f"identical  {expected.name}")
            continue
        same = False
        if not actual.exists():
            print(f"MISSING    {expected.name}")
            continue
        old, new = expected.read_text().splitlines(), actual.read_text().splitlines()
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
        note = f"{len(changed)} lines changed, {len(old)} -> {len(new)} lines"
        if expected.suffix == ".jsonl" and len(old) == len(new):
            pairs = [(json.loads(a), json.loads(b)) for a, b in zip(old, new, strict=True)]
            for rule_names_only, what in ((True, "the rule names in 'why'"), (False, "'why'")):
                if all(
                    _without_why(a, rule_names_only) == _without_why(b, rule_names_only)
                    for a, b in pairs
                ):
                    note += f"; identical once {what} is left out"
                    break
        print(f"DIFFERENT  {expected.name}: {note}")
        for i in changed[:3]:
            print(f"  line {i + 1}\n  - {old[i][:300]}\n  + {new[i][:300]}")
    return same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the snapshot")
    parser.add_argument("--gold", type=Path, default=PLOVER_GOLD, help="PLOVER gold JSONL")
    parser.add_argument("--against", type=Path, help="a reference snapshot to compare with")
    args = parser.parse_args()
    gold = args.gold if args.gold.exists() else None
    if gold is None:
        print(f"no PLOVER gold file at {args.gold}: its snapshots are left out", file=sys.stderr)
    write_snapshot(args.folder, gold)
    if args.against is not None:
        return 0 if compare(args.folder, args.against) else 1
    print(f"snapshot written to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
