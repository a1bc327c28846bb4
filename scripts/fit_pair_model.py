"""Fit tracking's pair model on labelled pairs and choose its threshold by cross-validation.

    .venv/bin/python scripts/fit_pair_model.py            # writes data/track_pair_model.json
    .venv/bin/python scripts/fit_pair_model.py --dry-run  # prints the cross-validation only
    .venv/bin/python scripts/fit_pair_model.py --dry-run --explain 0.5  # and the wrong pairs

Labelled pairs come from the tune data only: tests/corpus_coverage/tune (ten stories) and
tests/corpus_tracking (one story); tests/corpus_coverage/check is never read. Each corpus is
ingested into a temporary store by the real pipeline. A labelled pair is two golden items (events
the extractor found for a golden member) that blocking compares and no veto separates: 1 when
they are in the same golden cluster, else 0. Each corpus holds one story or a few, so blocks are
thin; pairs of golden items from different stories, moved to the same day or a day apart, add
the different events a crowded block holds (weighing ``CROWDED_WEIGHT`` per labelled pair).

The model is a logistic regression over ``accord.track.scoring.pair_features`` with L2 (fixed
C), each weight held to the direction ``FEATURE_SIGNS`` gives it (agreement never counts
against a pair, conflict never for it): with a few hundred labelled pairs an unconstrained fit
gives weights whose signs follow the corpus, not the evidence. It is fitted with scipy's
L-BFGS-B (scipy is in the lock as scikit-learn's dependency).

The threshold is chosen by leave-one-story-out cross-validation inside the tune data: for each
story, a model fitted on the other stories' pairs groups that story's events the way tracking
does (links at the threshold, average linkage with its floor) and pairwise precision and recall
over its golden items are pooled over stories; the threshold with the best F1 among those whose
pooled precision is at least ``MIN_PRECISION`` wins (the middle one when several tie: a margin
on either side). The shipped model is then fitted on all
pairs. Deterministic: the same corpora give the same file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import minimize

import accord
from accord.track.clustering import AverageLinkage, Decisions, group
from accord.track.evaluate import find_event, load_gold_events
from accord.track.features import Features, all_event_features
from accord.track.scoring import (
    DAY_TOLERANCE,
    FEATURE_NAMES,
    FEATURE_SIGNS,
    PairModel,
    pair_features,
    veto,
)

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (
    (ROOT / "tests/corpus_coverage/tune", "expected_clusters.json"),
    (ROOT / "tests/corpus_tracking", "expected_clusters.json"),
)
OUT = ROOT / "src/accord/data/track_pair_model.json"
C = 1.0  # L2 strength: weak regularisation for features in [0, 1]
CROWDED_WEIGHT = 0.25  # crowded-block pairs weigh this much, together, per labelled pair
MIN_PRECISION = 0.90  # the threshold must keep cross-validated precision at least this high
THRESHOLDS = [round(0.20 + 0.025 * step, 3) for step in range(31)]  # 0.20 .. 0.95
STORY = re.compile(r"^(.+?)-\d\d-")  # 'dnipro-03-eastbridge-times.txt' -> 'dnipro'


def story_of(file: str, corpus: str) -> str:
    match = STORY.match(file)
    return f"{corpus}/{match.group(1)}" if match else corpus


def load_corpus(folder: Path, gold: str, work: Path) -> tuple[dict, dict, dict, dict]:
    """(features by event id, (story, golden cluster) by golden event id, story by event id,
    sentence by event id)."""
    db_path = work / f"{folder.name}.db"
    with accord.open(db_path) as db:
        db.ingest(sorted(str(path) for path in folder.glob("*.txt")))
        features = {item.event_id: item for item in all_event_features(db.connection)}
        labels: dict[str, tuple[str, int]] = {}
        for number, (_, members, _) in enumerate(load_gold_events(folder / gold)):
            for item in members:
                event_id = find_event(db, item)
                if event_id is not None:
                    labels.setdefault(event_id, (story_of(item[0], folder.name), number))
        stories, sentences = {}, {}
        for event_id, source, sentence in db.connection.execute(
            "SELECT e.id, a.source, e.sentence FROM events e JOIN articles a ON a.id = e.article_id"
        ):
            stories[event_id] = story_of(Path(source).name, folder.name)
            sentences[event_id] = f"{Path(source).name}: {sentence}"
    return features, labels, stories, sentences


def candidate_pairs(features: dict[str, Features]) -> list[tuple[str, str]]:
    """Pairs blocking compares (same type, windows within tolerance) that no veto separates."""
    blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
    for item in features.values():
        if item.mergeable:
            for day in range(item.day_lo, item.day_hi + 1):
                blocks[(item.type, day)].append(item.event_id)
    pairs = set()
    for item in features.values():
        if not item.mergeable:
            continue
        for day in range(item.day_lo - DAY_TOLERANCE, item.day_hi + DAY_TOLERANCE + 1):
            for other in blocks.get((item.type, day), ()):
                if other > item.event_id and veto(item, features[other]) is None:
                    pairs.add((item.event_id, other))
    return sorted(pairs)


def crowded_block_pairs(
    features: dict[str, Features], labels: dict[str, tuple[str, int]]
) -> list[tuple[Features, Features]]:
    """Golden items of the same type from different stories, the second moved in time so the
    two start on one day or a day apart (its publication moved with it), that no veto
    separates: different events sharing a block, as in a store that holds many stories at once.
    Each corpus holds one story or a few, so without these every unvetoed pair looks like one
    event."""
    items = sorted(
        (features[event_id] for event_id in labels if features[event_id].mergeable),
        key=lambda item: item.event_id,
    )
    found = []
    for a, b in combinations(items, 2):
        if a.type != b.type or labels[a.event_id][0] == labels[b.event_id][0]:
            continue
        shift = a.day_lo - b.day_lo + len(found) % 2  # every other pair a day apart
        moved = replace(
            b,
            day_lo=b.day_lo + shift,
            day_hi=b.day_hi + shift,
            published=None if b.published is None else b.published + shift,
        )
        if veto(a, moved) is None:
            found.append((a, moved))
    return found


def vector(a: Features, b: Features) -> list[float]:
    values = pair_features(a, b)
    return [values[name] for name in FEATURE_NAMES]


Fitted = tuple[np.ndarray, float]  # (weights, intercept)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> Fitted:
    """Logistic regression (pairs weighted), L2 on the weights, each weight within its sign's
    bounds."""
    signs = [FEATURE_SIGNS[name] for name in FEATURE_NAMES]
    bounds = [(0.0, None) if s > 0 else (None, 0.0) if s < 0 else (None, None) for s in signs]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        weights, intercept = theta[:-1], theta[-1]
        z = x @ weights + intercept
        value = weight @ (np.logaddexp(0.0, z) - y * z) + weights @ weights / (2 * C)
        residual = weight * (1.0 / (1.0 + np.exp(-z)) - y)
        gradient = np.concatenate([x.T @ residual + weights / C, [residual.sum()]])
        return float(value), gradient

    start = np.zeros(len(FEATURE_NAMES) + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=[*bounds, (None, None)])
    return result.x[:-1], float(result.x[-1])


def as_model(fitted: Fitted, threshold: float) -> PairModel:
    weights, intercept = fitted
    return PairModel(FEATURE_NAMES, tuple(float(w) for w in weights), intercept, threshold)


def grouping_counts(
    features: dict[str, Features],
    labels: dict[str, tuple[str, int]],
    pairs: list[tuple[str, str]],
    model: PairModel,
    wrong: list[tuple[str, str, str]] | None = None,
) -> tuple[int, int, int]:
    """(true, predicted, golden) pairs over the golden items, grouping as tracking does;
    ``wrong`` collects ('joined' or 'apart', a, b) for the pairs grouped wrongly."""
    links = []
    for a, b in pairs:
        score = model.probability(pair_features(features[a], features[b]))
        if score >= model.threshold:
            links.append((a, b, round(score, 3), {}))
    clusters = group(sorted(features), links, Decisions(), AverageLinkage(features, model))
    cluster_of = {event_id: n for n, members in enumerate(clusters) for event_id in members}
    true = predicted = gold = 0
    for a, b in combinations(sorted(labels), 2):
        same_gold = labels[a] == labels[b]
        same_cluster = cluster_of[a] == cluster_of[b]
        gold += same_gold
        predicted += same_cluster
        true += same_gold and same_cluster
        if wrong is not None and same_gold != same_cluster:
            wrong.append(("joined" if same_cluster else "apart", a, b))
    return true, predicted, gold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    parser.add_argument(
        "--stores", type=Path, help="keep the ingested stores here and reuse them (development)"
    )
    parser.add_argument(
        "--explain", type=float, help="print the pairs grouped wrongly at this threshold"
    )
    args = parser.parse_args()

    features: dict[str, Features] = {}
    labels: dict[str, tuple[str, int]] = {}
    stories: dict[str, str] = {}
    sentences: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as temporary:
        work = args.stores or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        for folder, gold in CORPORA:
            found, labelled, story, sentence = load_corpus(folder, gold, work)
            features.update(found)
            labels.update(labelled)
            stories.update(story)
            sentences.update(sentence)
    pairs = candidate_pairs(features)
    labelled_pairs = [(a, b) for a, b in pairs if a in labels and b in labels]
    rows = [vector(features[a], features[b]) for a, b in labelled_pairs]
    targets = [int(labels[a] == labels[b]) for a, b in labelled_pairs]
    pair_stories = [{labels[a][0]} for a, _ in labelled_pairs]
    weights = [1.0] * len(labelled_pairs)
    crowded = crowded_block_pairs(features, labels)
    for a, b in crowded:
        rows.append(vector(a, b))
        targets.append(0)
        pair_stories.append({labels[a.event_id][0], labels[b.event_id][0]})
        weights.append(CROWDED_WEIGHT * len(labelled_pairs) / len(crowded))
    x, y, w = np.array(rows), np.array(targets), np.array(weights)
    story_names = sorted({labels[event_id][0] for event_id in labels})
    print(
        f"{len(labelled_pairs)} labelled pairs ({sum(targets)} same event) over "
        f"{len(labels)} golden items in {len(story_names)} stories, and {len(crowded)} pairs"
        " of different stories moved to one day"
    )

    totals = {t: [0, 0, 0] for t in THRESHOLDS}
    for story in story_names:
        train = np.array([story not in s for s in pair_stories])
        if y[train].min() == y[train].max():
            continue
        fitted = fit(x[train], y[train], w[train])
        held = {e: f for e, f in features.items() if stories.get(e) == story}
        held_labels = {e: label for e, label in labels.items() if e in held}
        held_pairs = [(a, b) for a, b in pairs if a in held and b in held]
        for threshold in THRESHOLDS:
            counts = grouping_counts(held, held_labels, held_pairs, as_model(fitted, threshold))
            for i in range(3):
                totals[threshold][i] += counts[i]
        if args.explain is not None:
            wrong: list[tuple[str, str, str]] = []
            model = as_model(fitted, args.explain)
            grouping_counts(held, held_labels, held_pairs, model, wrong)
            for kind, a, b in wrong:
                found = veto(held[a], held[b]) or model.probability(pair_features(held[a], held[b]))
                print(f"{story}: {kind} ({found})\n    {sentences[a][:150]}")
                print(f"    {sentences[b][:150]}")
    scored = []
    print("threshold  precision  recall  F1   (leave-one-story-out, pooled pairs)")
    for threshold in THRESHOLDS:
        true, predicted, gold = totals[threshold]
        precision = true / predicted if predicted else 1.0
        recall = true / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{threshold:9.3f}  {precision:9.3f}  {recall:6.3f}  {f1:.3f}")
        if precision >= MIN_PRECISION:
            scored.append((round(f1, 9), threshold, precision, recall))
    if not scored:
        print("no threshold keeps the precision; nothing written", file=sys.stderr)
        return 1
    best_f1 = max(item[0] for item in scored)
    plateau = [item for item in scored if item[0] == best_f1]
    f1, threshold, precision, recall = plateau[len(plateau) // 2]  # the middle of the best
    print(f"chosen threshold {threshold}: precision {precision:.3f} recall {recall:.3f}")

    fitted = fit(x, y, w)
    model = as_model(fitted, threshold)
    data = {
        "doc": (
            "Tracking's pair model: a logistic regression over accord.track.scoring.pair_features"
            " (probability that two event records report one real-world event) and the threshold"
            " that links a pair. Fitted on the tune data only (tests/corpus_coverage/tune and"
            " tests/corpus_tracking), threshold chosen by leave-one-story-out cross-validation;"
            " rebuild with: .venv/bin/python scripts/fit_pair_model.py"
        ),
        "features": list(model.features),
        "coefficients": [round(w, 6) for w in model.coefficients],
        "intercept": round(model.intercept, 6),
        "threshold": threshold,
        "training": {
            "pairs": len(labelled_pairs),
            "same_event_pairs": int(y.sum()),
            "crowded_block_pairs": len(crowded),
            "golden_items": len(labels),
            "stories": len(story_names),
            "C": C,
            "signs": "data: FEATURE_SIGNS in accord/track/scoring.py",
            "scipy": scipy.__version__,
        },
        "cross_validation": {
            "min_precision": MIN_PRECISION,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
        },
    }
    weights = zip(model.features, model.coefficients, strict=True)
    for name, weight in sorted(weights, key=lambda item: -abs(item[1])):
        print(f"  {name:20} {weight:+.3f}")
    print(f"  {'intercept':20} {model.intercept:+.3f}")
    if not args.dry_run:
        args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
