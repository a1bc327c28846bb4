"""Every dev figure of the accuracy and tracking work in one table, tune and check side by side.

    .venv/bin/python scripts/dev_eval.py [--jobs 2] [--json FILE]

It runs the same commands the README names behind each figure (``accord eval`` on the news
articles, the event notes, the golden articles and the PLOVER dev records; ``accord ingest`` into
a fresh store and ``accord cluster-eval --totals`` per coverage fold; the team's sentence sets)
and prints one line per measure. Check folds give totals only, never a miss or a sentence: they
are read as totals, so that rules are written against the tune folds alone.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ACCORD = str(BIN / "accord")
PLOVER_DEV = ROOT.parent / "shared" / "eval" / "plover-gsr-dev.jsonl"
FOLDS = ("tune", "check")
Row = tuple[str, str, str]  # measure, tune, check


def run(*args: str) -> str:
    """Standard output of a command run from the repository root (failing loudly)."""
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def accord_eval(path: str) -> dict:
    return json.loads(run(ACCORD, "eval", "--json", path))


def right_of(figures: dict, name: str) -> str:
    """ "right/checked" of one field of the article figures."""
    field = figures.get(name)
    return f"{field['right']}/{field['checked']}" if field else "-"


def ratio(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float) else "-"


def news_rows(folds: dict[str, dict]) -> list[Row]:
    """The real news articles: event recall and precision, then the fields of matched events."""

    def row(label: str, read: Callable[[dict], str]) -> Row:
        return (label, read(folds["tune"]), read(folds["check"]))

    def events(out: dict) -> str:
        c = out["coverage"]
        return f"{c['events_found']}/{c['events_expected']} ({c['recall']:.2f})"

    def extracted(out: dict) -> str:
        c = out["coverage"]
        return f"{c['events_extracted']} (P {c['strict_precision']:.2f}, {c['duplicates']} dup.)"

    def country(side: str) -> Callable[[dict], str]:
        def read(out: dict) -> str:
            return ratio(out["coverage"][f"{side}_country"])

        return read

    def extras(out: dict) -> str:
        return " / ".join(str(n) for n in out["coverage"]["extras_by_reason"].values())

    reasons = " / ".join(
        {"duplicate": "dup", "not asserted": "unasserted", "type elsewhere": "elsewhere"}.get(n, n)
        for n in folds["tune"]["coverage"]["extras_by_reason"]
    )
    rows = [row("news: events found", events), row("news: extracted", extracted)]
    rows.append(row(f"news: unmatched {reasons}", extras))
    rows += [row(f"news: {side} country", country(side)) for side in ("source", "target")]
    rows += [
        row(f"news: {label}", direct_quotes(*keys)) for label, keys in DIRECT_QUOTE_FIGURES.items()
    ]
    rows.append(row("news: direct quotes inside a reported clause", partial_quotes))
    for name in (
        "whole event",
        "sources",
        "targets",
        "modality",
        "mode",
        "date",
        "place",
        "counts",
        "speaker",
        "indirect_speaker",
        "actor",
        "actor_country",
        "actor_sector",
    ):
        rows.append(row(f"news: {name}", lambda out, name=name: right_of(out["articles"], name)))
    return rows


def direct_quotes(key: str, right: str, of: str) -> Callable[[dict], str]:
    """ "right/of (ratio)" of one direct-quote figure of ``accord eval``'s coverage."""

    def read(out: dict) -> str:
        c = out["coverage"]
        return f"{c[right]}/{c[of]} ({ratio(c[key])})"

    return read


DIRECT_QUOTE_FIGURES = {
    "direct quote recall": ("direct_quote_recall", "direct_quotes_found", "direct_quotes_expected"),
    "direct quote precision": (
        "direct_quote_precision",
        "direct_quotes_right",
        "direct_quotes_extracted",
    ),
}


def partial_quotes(out: dict) -> str:
    """Direct quotes extracted inside a reported clause ("said results were “fiction”"), which
    sets counting only whole quotes call wrong: how many, and how many the reading has."""
    c = out["coverage"]
    return (
        f"{c['direct_quotes_partial']} of {c['direct_quotes_extracted']} "
        f"({c['direct_quotes_partial_right']} right)"
    )


def quotes_rows(folds: dict[str, dict]) -> list[Row]:
    """The political-news attribution set (tests/corpus_quotes): quotes only, no events."""
    rows = [
        (
            f"quotes: {label}",
            direct_quotes(*keys)(folds["tune"]),
            direct_quotes(*keys)(folds["check"]),
        )
        for label, keys in DIRECT_QUOTE_FIGURES.items()
    ]
    rows.append(
        (
            "quotes: direct quotes inside a reported clause",
            partial_quotes(folds["tune"]),
            partial_quotes(folds["check"]),
        )
    )
    for name in ("speaker", "indirect_speaker"):
        rows.append(
            (
                f"quotes: {name}",
                right_of(folds["tune"]["articles"], name),
                right_of(folds["check"]["articles"], name),
            )
        )
    return rows


def notes_rows(folds: dict[str, dict]) -> list[Row]:
    names = {
        "any_event": "any event",
        "type": "right type",
        "place_within_50km": "place within 50 km",
        "date": "date",
        "deaths": "deaths",
    }
    return [
        (f"notes: {label}", ratio(folds["tune"]["notes"][key]), ratio(folds["check"]["notes"][key]))
        for key, label in names.items()
    ]


def coverage_totals(fold: str) -> dict[str, str]:
    """A fresh store per fold: ingest its articles, then ``cluster-eval --totals``."""
    folder = ROOT / "tests" / "corpus_coverage" / fold
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "coverage.db")
        run(ACCORD, "--db", db, "ingest", *sorted(str(p) for p in folder.glob("*.txt")))
        text = run(
            ACCORD,
            "--db",
            db,
            "cluster-eval",
            str(folder / "expected_clusters.json"),
            "--proposals",
            str(folder / "expected_proposals.json"),
            "--totals",
        )
    patterns = {
        "pairwise P / R": r"precision ([\d.]+)\s+recall ([\d.]+)",
        "split / wrong merges": r"(\d+) split, (\d+) wrong merges",
        "multi-outlet held": r"held in one canonical event (\d+ of \d+)",
        "count ranges": r"count ranges right: (\d+ of \d+)",
        "proposal histories": r"proposal histories right: (\d+ of \d+)",
    }
    found = {}
    for label, pattern in patterns.items():
        match = re.search(pattern, text)
        found[label] = " / ".join(match.groups()) if match else "-"
    return found


def sentence_set(paths: list[Path]) -> str:
    """The "all" line of the team's sentence sets (scripts/eval_police_sentences.py)."""
    text = run(str(BIN / "python"), "scripts/eval_police_sentences.py", *map(str, paths))
    match = re.search(r"^all\s+(\d+/\d+)", text, re.MULTILINE)
    return match.group(1) if match else "-"


def collect(jobs: int) -> list[Row]:
    """Run every measure (``jobs`` at a time) and gather the rows."""
    tasks: dict[str, Callable[[], Any]] = {
        **{f"news-{f}": lambda f=f: accord_eval(f"tests/corpus_news/{f}") for f in FOLDS},
        **{f"notes-{f}": lambda f=f: accord_eval(f"tests/event_notes/{f}.jsonl") for f in FOLDS},
        **{f"quotes-{f}": lambda f=f: accord_eval(f"tests/corpus_quotes/{f}") for f in FOLDS},
        **{f"coverage-{f}": lambda f=f: coverage_totals(f) for f in FOLDS},
        "golden": lambda: accord_eval("tests/corpus"),
        "police": lambda: sentence_set(sorted((ROOT / "tests/police_sentences").glob("*.txt"))),
        "diplomacy": lambda: sentence_set(
            sorted((ROOT / "tests/diplomacy_sentences").glob("*.txt"))
        ),
    }
    if PLOVER_DEV.exists():
        tasks["plover"] = lambda: accord_eval(str(PLOVER_DEV))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {name: pool.submit(task) for name, task in tasks.items()}
        out: dict[str, Any] = {name: future.result() for name, future in futures.items()}
    rows = news_rows({f: out[f"news-{f}"] for f in FOLDS})
    rows += quotes_rows({f: out[f"quotes-{f}"] for f in FOLDS})
    rows += notes_rows({f: out[f"notes-{f}"] for f in FOLDS})
    for label in out["coverage-tune"]:
        rows.append(
            (f"coverage: {label}", out["coverage-tune"][label], out["coverage-check"][label])
        )
    golden = out["golden"]
    rows.append(
        (
            "golden articles: found / whole / extracted",
            f"{golden['coverage']['events_found']}/{golden['coverage']['events_expected']} / "
            f"{golden['articles']['whole event']['right']} / "
            f"{golden['coverage']['events_extracted']}",
            "",
        )
    )
    if "plover" in out:
        micro = next(iter(out["plover"].values()))["micro"]
        rows.append(
            (
                "PLOVER dev: micro F1 (TP FP FN)",
                f"{micro['f1']:.2f} ({micro['tp']} {micro['fp']} {micro['fn']})",
                "",
            )
        )
    rows.append(("police sentences (team-written)", str(out["police"]), ""))
    rows.append(("diplomacy sentences (team-written)", str(out["diplomacy"]), ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="measures run at once")
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args()
    rows = collect(args.jobs)
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'tune':<28}  check (totals only)")
    for measure, tune, check in rows:
        print(f"{measure:<{width}}  {tune:<28}  {check}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
