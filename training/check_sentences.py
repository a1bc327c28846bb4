"""Check the hand-written training sentences under training/sentences/.

Validates every JSONL line (fields, allowed values, types and modes from
src/accord/data/plover.json, trigger present in the text, length), prints counts per
type, mode, style, modality and non-event kind, and reports exact and near duplicates
across all files. Exit status 1 when any error or duplicate is found.

Usage: python training/check_sentences.py [FILE_OR_DIR ...]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLOVER = json.loads((ROOT / "src/accord/data/plover.json").read_text(encoding="utf-8"))
TYPES = PLOVER["types"]
MODALITIES = {
    "asserted", "agreed", "proposed", "future", "conditional",
    "considered", "rejected", "denied", "negated", "hypothetical",
}
STYLES = {"lead", "body", "headline", "note", "indirect"}
KINDS = {"background", "history", "opinion", "economic", "other-news", "profile", "statistics",
         "boilerplate", "procedural", "near-miss", "accident"}  # the last four: team b's
EVENT_KEYS = {"text", "type", "mode", "trigger", "modality", "style", "source"}
NONE_KEYS = EVENT_KEYS | {"kind"}
MIN_WORDS, MAX_WORDS = 6, 50
NEAR = 0.75  # Jaccard similarity of word bigram sets at or above which two texts are near duplicates
SOURCE = re.compile(r"team-[a-z0-9]+")  # who wrote it: team-a, team-b, ...
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def bigrams(text: str) -> frozenset[tuple[str, str]]:
    w = words(text)
    return frozenset(zip(w, w[1:])) if len(w) > 1 else frozenset((x, "") for x in w)


def check_record(rec: object, where: str) -> list[str]:
    if not isinstance(rec, dict):
        return [f"{where}: not a JSON object"]
    errors = []
    is_event = rec.get("type") is not None
    expected = EVENT_KEYS if is_event else NONE_KEYS
    if set(rec) != expected:
        errors.append(f"{where}: keys {sorted(rec)} != {sorted(expected)}")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return errors + [f"{where}: empty or missing text"]
    if text != text.strip() or "  " in text or "\n" in text:
        errors.append(f"{where}: stray whitespace in text")
    n = len(text.split())
    if not MIN_WORDS <= n <= MAX_WORDS:
        errors.append(f"{where}: {n} words (allowed {MIN_WORDS}-{MAX_WORDS})")
    if rec.get("style") not in STYLES:
        errors.append(f"{where}: style {rec.get('style')!r}")
    if not isinstance(rec.get("source"), str) or not SOURCE.fullmatch(rec["source"]):
        errors.append(f"{where}: source {rec.get('source')!r}")
    if is_event:
        kind = rec["type"]
        if kind not in TYPES:
            errors.append(f"{where}: unknown type {kind!r}")
        elif rec.get("mode") is not None and rec["mode"] not in TYPES[kind]["modes"]:
            errors.append(f"{where}: mode {rec['mode']!r} not a {kind} mode")
        if rec.get("modality") not in MODALITIES:
            errors.append(f"{where}: modality {rec.get('modality')!r}")
        trigger = rec.get("trigger")
        if not isinstance(trigger, str) or not trigger or trigger not in text:
            errors.append(f"{where}: trigger {trigger!r} not found in text")
    else:
        for key in ("mode", "trigger", "modality"):
            if rec.get(key) is not None:
                errors.append(f"{where}: non-event with {key}={rec.get(key)!r}")
        if rec.get("kind") not in KINDS:
            errors.append(f"{where}: kind {rec.get('kind')!r}")
    return errors


def load(paths: list[Path]) -> tuple[list[tuple[str, dict]], list[str]]:
    records, errors = [], []
    for path in paths:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{lineno}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: bad JSON ({exc})")
                continue
            errors.extend(check_record(rec, where))
            if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                stem = path.stem.split("-")[0]  # TYPE.jsonl or TYPE-<team>.jsonl
                if stem in TYPES and rec.get("type") != stem:
                    errors.append(f"{where}: type {rec.get('type')!r} in {path.name}")
                if path.stem.startswith("NONE") and rec.get("type") is not None:
                    errors.append(f"{where}: event in {path.name}")
                records.append((where, rec))
    return records, errors


def duplicates(records: list[tuple[str, dict]]) -> list[str]:
    found = []
    exact: dict[str, str] = {}
    for where, rec in records:
        key = " ".join(words(rec["text"]))
        if key in exact:
            found.append(f"exact duplicate: {exact[key]} and {where}")
        else:
            exact[key] = where
    grams = [(where, rec["text"], bigrams(rec["text"])) for where, rec in records]
    # index bigrams so only texts sharing some bigram are compared
    by_gram: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (_, _, g) in enumerate(grams):
        for b in g:
            by_gram[b].append(i)
    seen = set()
    for i, (where, text, g) in enumerate(grams):
        shared = Counter(j for b in g for j in by_gram[b] if j > i)
        for j, common in shared.items():
            union = len(g) + len(grams[j][2]) - common
            if union and common / union >= NEAR and (i, j) not in seen:
                seen.add((i, j))
                found.append(f"near duplicate ({common / union:.2f}): {where} ~ {grams[j][0]}\n"
                             f"    {text}\n    {grams[j][1]}")
    return found


def table(title: str, counter: Counter) -> None:
    print(f"\n{title}")
    for key, n in sorted(counter.items(), key=lambda kv: (str(kv[0][0]) if isinstance(kv[0], tuple) else "", -kv[1], str(kv[0]))):
        print(f"  {key!s:40} {n:5}")


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or [ROOT / "training/sentences"]
    paths = sorted(p for t in targets for p in ([t] if t.is_file() else t.glob("*.jsonl")))
    records, errors = load(paths)
    recs = [r for _, r in records]
    events = [r for r in recs if r.get("type")]
    nones = [r for r in recs if not r.get("type")]
    print(f"{len(paths)} files, {len(recs)} sentences: {len(events)} events, {len(nones)} non-events")
    table("per type", Counter(r["type"] for r in events))
    table("per type/mode", Counter((r["type"], r["mode"]) for r in events))
    table("per type/modality", Counter((r["type"], r["modality"]) for r in events))
    table("per type/style", Counter((r["type"], r["style"]) for r in events))
    table("per style (events)", Counter(r["style"] for r in events))
    table("per modality (events)", Counter(r["modality"] for r in events))
    table("non-events per kind", Counter(r.get("kind") for r in nones))
    table("non-events per style", Counter(r["style"] for r in nones))
    lengths = [len(r["text"].split()) for r in recs]
    if lengths:
        print(f"\nwords per sentence: min {min(lengths)}, mean {sum(lengths) / len(lengths):.1f}, max {max(lengths)}")
    triggers = Counter((r["type"], r["trigger"].lower()) for r in events)
    for kind in sorted({r["type"] for r in events}):
        top = [(t, n) for (k, t), n in triggers.most_common() if k == kind][:8]
        distinct = sum(1 for (k, _) in triggers if k == kind)
        print(f"  {kind}: {distinct} distinct triggers; most used {top}")
    dups = duplicates(records)
    for line in errors + dups:
        print(line)
    print(f"\n{len(errors)} errors, {len(dups)} duplicates")
    return 1 if errors or dups else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
