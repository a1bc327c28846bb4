"""Check team-b's training sentences (training/sentences/*.jsonl written by team-b).

Validates every line (JSON, keys, allowed types, modes, modalities, styles and kinds, the
trigger appearing in the text, length), counts per type / mode / style / modality / kind, and
looks for exact and near duplicates across all files.

    python training/check_sentences_b.py [files...]

Exit status 1 when an error is found; near duplicates are errors too.
"""

from __future__ import annotations

import collections
import itertools
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLOVER = json.loads((ROOT / "src/accord/data/plover.json").read_text(encoding="utf-8"))
TYPES = PLOVER["types"]
MODALITIES = {
    "asserted", "agreed", "proposed", "future", "conditional",
    "considered", "rejected", "denied", "negated", "hypothetical",
}
STYLES = {"lead", "body", "headline", "note", "indirect"}
KINDS = {"boilerplate", "procedural", "background", "near-miss", "accident", "other-news"}
EVENT_KEYS = {"text", "type", "mode", "trigger", "modality", "style", "source"}
NONE_KEYS = EVENT_KEYS | {"kind"}
SOURCE = "team-b"
MIN_WORDS, MAX_WORDS = 5, 50
NEAR = 0.72  # Jaccard similarity of word sets above which two sentences are near duplicates
MIN_PER_TYPE = {"ASSAULT": 250, "COERCE": 250}
MIN_DEFAULT = 160
MIN_PER_MODE = 10
MIN_NONE = 500


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+|\d+", text.lower())


def normalised(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", w) for w in words(text))


def check_line(where: str, line: str, errors: list[str]) -> dict | None:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        errors.append(f"{where}: invalid JSON ({exc})")
        return None
    if not isinstance(row, dict):
        errors.append(f"{where}: not an object")
        return None
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: missing text")
        return None
    if text != text.strip() or "  " in text or "\n" in text:
        errors.append(f"{where}: stray whitespace in text")
    n = len(text.split())
    if not MIN_WORDS <= n <= MAX_WORDS:
        errors.append(f"{where}: {n} words (allowed {MIN_WORDS}-{MAX_WORDS})")
    if row.get("source") != SOURCE:
        errors.append(f"{where}: source must be {SOURCE!r}")
    if row.get("style") not in STYLES:
        errors.append(f"{where}: bad style {row.get('style')!r}")
    kind = row.get("type")
    if kind is None:
        if set(row) != NONE_KEYS:
            errors.append(f"{where}: keys {sorted(row)} (want {sorted(NONE_KEYS)})")
        for key in ("mode", "trigger", "modality"):
            if row.get(key) is not None:
                errors.append(f"{where}: non-event with {key}={row.get(key)!r}")
        if row.get("kind") not in KINDS:
            errors.append(f"{where}: bad kind {row.get('kind')!r}")
        return row
    if set(row) != EVENT_KEYS:
        errors.append(f"{where}: keys {sorted(row)} (want {sorted(EVENT_KEYS)})")
    if kind not in TYPES:
        errors.append(f"{where}: unknown type {kind!r}")
        return row
    mode = row.get("mode")
    if mode is not None and mode not in TYPES[kind]["modes"]:
        errors.append(f"{where}: mode {mode!r} is not a {kind} mode")
    if row.get("modality") not in MODALITIES:
        errors.append(f"{where}: bad modality {row.get('modality')!r}")
    trigger = row.get("trigger")
    if not isinstance(trigger, str) or not trigger:
        errors.append(f"{where}: missing trigger")
    elif trigger not in text:
        errors.append(f"{where}: trigger {trigger!r} not in text")
    return row


def near_duplicates(rows: list[tuple[str, dict]]) -> list[str]:
    found = []
    seen: dict[str, str] = {}
    sets = []
    for where, row in rows:
        key = normalised(row["text"])
        if key in seen:
            found.append(f"duplicate: {where} = {seen[key]}")
        seen.setdefault(key, where)
        sets.append((where, frozenset(words(row["text"])), row["text"]))
    # index by rarer words to avoid comparing every pair
    by_word: dict[str, list[int]] = collections.defaultdict(list)
    for i, (_, ws, _) in enumerate(sets):
        for w in ws:
            by_word[w].append(i)
    pairs = set()
    for idxs in by_word.values():
        if len(idxs) > 300:  # common words say nothing about near duplication
            continue
        for i, j in itertools.combinations(idxs, 2):
            pairs.add((i, j))
    for i, j in sorted(pairs):
        a, b = sets[i][1], sets[j][1]
        sim = len(a & b) / len(a | b)
        if sim >= NEAR:
            found.append(f"near duplicate ({sim:.2f}): {sets[i][0]} ~ {sets[j][0]}\n"
                         f"    {sets[i][2]}\n    {sets[j][2]}")
    return found


def repeated_ngrams(rows: list[tuple[str, dict]], n: int = 5, top: int = 15) -> list[str]:
    counts: collections.Counter[str] = collections.Counter()
    for _, row in rows:
        ws = words(row["text"])
        counts.update({" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)})
    return [f"  {c:4d}  {g}" for g, c in counts.most_common(top) if c > 4]


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((HERE / "sentences").glob("*.jsonl"))
    errors: list[str] = []
    rows: list[tuple[str, dict]] = []
    for path in files:
        if not path.name.endswith(".jsonl"):
            continue
        expected = None if path.stem.startswith("NONE") else path.stem
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            row = check_line(where, line, errors)
            if row is None:
                continue
            if row.get("source") != SOURCE:
                continue  # another writer's line: not ours to count
            if row.get("type") != expected:
                errors.append(f"{where}: type {row.get('type')!r} in file {path.name}")
            rows.append((where, row))
    errors += near_duplicates(rows)

    events = [r for _, r in rows if r.get("type")]
    nones = [r for _, r in rows if r.get("type") is None]
    by_type = collections.Counter(r["type"] for r in events)
    print(f"{len(rows)} sentences: {len(events)} events, {len(nones)} non-events\n")
    for kind in sorted(by_type):
        rs = [r for r in events if r["type"] == kind]
        need = MIN_PER_TYPE.get(kind, MIN_DEFAULT)
        flag = "" if len(rs) >= need else f"   << below {need}"
        print(f"{kind}: {len(rs)}{flag}")
        modes = collections.Counter(r["mode"] or "(none)" for r in rs)
        for mode in [*TYPES[kind]["modes"], "(none)"]:
            low = "   << low" if mode != "(none)" and modes[mode] < MIN_PER_MODE else ""
            print(f"    mode {mode:15s} {modes[mode]:4d}{low}")
        print("    style    " + ", ".join(
            f"{k} {v}" for k, v in collections.Counter(r["style"] for r in rs).most_common()))
        print("    modality " + ", ".join(
            f"{k} {v}" for k, v in collections.Counter(r["modality"] for r in rs).most_common()))
    print(f"\nnon-events: {len(nones)}" + ("" if len(nones) >= MIN_NONE else f"   << below {MIN_NONE}"))
    for k, v in collections.Counter(r["kind"] for r in nones).most_common():
        print(f"    kind {k:12s} {v:4d}")
    print("    style " + ", ".join(
        f"{k} {v}" for k, v in collections.Counter(r["style"] for r in nones).most_common()))
    print("\nall styles:     " + ", ".join(
        f"{k} {v}" for k, v in collections.Counter(r["style"] for _, r in rows).most_common()))
    print("all modalities: " + ", ".join(
        f"{k} {v}" for k, v in collections.Counter(r["modality"] for r in events).most_common()))
    lengths = [len(r["text"].split()) for _, r in rows]
    if lengths:
        print(f"words per sentence: min {min(lengths)}, mean {sum(lengths) / len(lengths):.1f}, "
              f"max {max(lengths)}")
    print("most repeated 5-grams (watch for templates):")
    print("\n".join(repeated_ngrams(rows)) or "  none above 4")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        print("\n".join(errors))
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
