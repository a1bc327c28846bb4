"""Score the canonical events against a golden grouping: pairwise precision, recall and F1.

A golden file lists groups of (article file, sentence substring[, PLOVER type]) items, each
group one real-world event. An item is found when an event of the article named by the file
has that substring in its sentence or in one of its restating mentions (and that type, when
given); two items of one article that are one event count once. Items not found are extraction
misses: they are listed, and left out of the score (tracking cannot group what is not there).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from accord.store import Store

Item = tuple[str, str, str | None]  # (article file, sentence substring, type or None)


@dataclass(frozen=True)
class PairwiseScore:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    gold_pairs: int
    found: int  # golden items found among the extracted events
    missing: tuple[Item, ...]  # golden items the pipeline did not extract


def load_gold(path: str | Path) -> list[list[Item]]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        [(item[0], item[1], item[2] if len(item) > 2 else None) for item in group["members"]]
        for group in data["clusters"]
    ]


def find_event(store: Store, item: Item) -> str | None:
    """The id of the event an item names (the first in article order), or None."""
    file, substring, type_ = item
    row = store.connection.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE (a.source LIKE :file OR a.source = :bare)"
        " AND (instr(e.sentence, :substring) > 0 OR instr(e.mentions, :escaped) > 0)"
        " AND (:type IS NULL OR e.type = :type) ORDER BY e.sentence_index, e.start LIMIT 1",
        {
            "file": f"%/{file}",
            "bare": file,
            "substring": substring,
            "escaped": json.dumps(substring, ensure_ascii=False)[1:-1],
            "type": type_,
        },
    ).fetchone()
    return row[0] if row else None


def cluster_of(store: Store, event_id: str) -> str:
    row = store.connection.execute(
        "SELECT cluster_id FROM canonical_members WHERE event_id = ?", (event_id,)
    ).fetchone()
    return row[0] if row else f"untracked:{event_id}"


def score_grouping(store: Store, gold_path: str | Path) -> PairwiseScore:
    """Pairwise P/R/F1 of the stored clusters over the golden items that were extracted."""
    gold_of: dict[str, int] = {}
    missing: list[Item] = []
    for number, group in enumerate(load_gold(gold_path)):
        for item in group:
            event_id = find_event(store, item)
            if event_id is None:
                missing.append(item)
            else:
                gold_of.setdefault(event_id, number)
    predicted_of = {event_id: cluster_of(store, event_id) for event_id in gold_of}
    gold_pairs = predicted_pairs = true_pairs = 0
    for a, b in combinations(sorted(gold_of), 2):
        same_gold = gold_of[a] == gold_of[b]
        same_predicted = predicted_of[a] == predicted_of[b]
        gold_pairs += same_gold
        predicted_pairs += same_predicted
        true_pairs += same_gold and same_predicted
    precision = true_pairs / predicted_pairs if predicted_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScore(
        precision, recall, f1, true_pairs, predicted_pairs, gold_pairs, len(gold_of), tuple(missing)
    )
