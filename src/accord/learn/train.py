"""Train the event-type model from the team's sentences: ``make train`` (``python -m
accord.learn.train``). Needs scikit-learn (the ``train`` extra); the result is plain data.

Input: ``training/sentences/*.jsonl`` (one sentence per line with its ``type``, null for no
event; see ``training/README.md``). Output: ``src/accord/data/models/event_types.{json,npz}``,
byte-identical on every run with the same input (fixed seed, fixed file order, fixed zip
timestamps), the npz file's sha256 recorded in the json.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import sys
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accord.learn.features import raw_features, weighted
from accord.learn.model import MODEL_NAME, NO_EVENT

SEED = 20261204
MIN_DF = 2  # a feature seen in one training sentence only says nothing general
C = 4.0  # inverse regularisation strength of the logistic regression
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # a PLOVER type or NO_EVENT


def read_examples(folder: Path) -> list[Example]:
    examples = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                examples.append(Example(row["text"], row["type"] or NO_EVENT))
            except (ValueError, KeyError, TypeError) as error:
                raise SystemExit(f"{path}:{number}: {error}") from error
    return examples


def build_vocabulary(counts: Sequence[Counter[str]]) -> tuple[list[str], list[float]]:
    """Features in at least ``MIN_DF`` sentences, sorted, with smoothed idf."""
    document_frequency: Counter[str] = Counter()
    for row in counts:
        document_frequency.update(row.keys())
    features = sorted(name for name, df in document_frequency.items() if df >= MIN_DF)
    n = len(counts)
    idf = [math.log((1 + n) / (1 + document_frequency[name])) + 1.0 for name in features]
    return features, idf


def matrix(counts: Sequence[Counter[str]], vocabulary: dict[str, int], idf: list[float]):
    from scipy.sparse import csr_matrix

    data, indices, pointers = [], [], [0]
    for row in counts:
        items = sorted(weighted(row, vocabulary, idf).items())
        indices.extend(index for index, _ in items)
        data.extend(value for _, value in items)
        pointers.append(len(indices))
    return csr_matrix((data, indices, pointers), shape=(len(counts), len(vocabulary)))


def fit(x, labels: Sequence[str]):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=5000, random_state=SEED)
    return model.fit(x, labels)


def cross_validated_accuracy(x, labels: Sequence[str], folds: int = 5) -> float:
    """Accuracy over a stratified split with the fixed seed: a sanity figure, not a score."""
    from sklearn.model_selection import StratifiedKFold

    y = np.array(labels)
    right = 0
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(x, y):
        right += int((fit(x[train], y[train]).predict(x[test]) == y[test]).sum())
    return right / len(labels)


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An npz archive with fixed timestamps, so the same weights give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.save(member, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


def train(source: Path, target: Path, *, check: bool = True) -> dict:
    examples = read_examples(source)
    if not examples:
        raise SystemExit(f"no training sentences in {source}")
    counts = [raw_features(example.text) for example in examples]
    features, idf = build_vocabulary(counts)
    vocabulary = {name: index for index, name in enumerate(features)}
    x = matrix(counts, vocabulary, idf)
    labels = [example.label for example in examples]
    model = fit(x, labels)
    blob = npz_bytes(
        {
            "idf": np.asarray(idf, dtype=np.float32),
            "coef": model.coef_.astype(np.float32),
            "intercept": model.intercept_.astype(np.float32),
        }
    )
    meta = {
        "name": MODEL_NAME,
        "kind": "multinomial logistic regression over word 1-2-grams and char 3-5-grams",
        "labels": [str(label) for label in model.classes_],
        "training_sentences": len(examples),
        "per_label": dict(sorted(Counter(labels).items())),
        "seed": SEED,
        "C": C,
        "min_df": MIN_DF,
        "sha256": hashlib.sha256(blob).hexdigest(),
        "features": features,
    }
    if check:
        meta["cross_validated_accuracy"] = round(cross_validated_accuracy(x, labels), 4)
    target.mkdir(parents=True, exist_ok=True)
    (target / f"{MODEL_NAME}.npz").write_bytes(blob)
    (target / f"{MODEL_NAME}.json").write_text(
        json.dumps(meta, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    return meta


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=Path, default=Path("training/sentences"))
    parser.add_argument("--out", type=Path, default=Path("src/accord/data/models"))
    parser.add_argument("--no-check", action="store_true", help="skip the cross-validation")
    args = parser.parse_args(argv)
    meta = train(args.sentences, args.out, check=not args.no_check)
    summary = {key: value for key, value in meta.items() if key != "features"}
    summary["features"] = len(meta["features"])
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
