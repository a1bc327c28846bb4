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
C = 16.0  # inverse regularisation strength (5-fold CV at 4 0.773, 8 0.790, 16 0.797)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Sentence:
    text: str
    label: str  # a PLOVER type or NO_EVENT
    trigger: str | None  # the words that carry the event, as written


@dataclass(frozen=True)
class Example:
    """What the model reads at run time: a main clause, its head word and the head's roles,
    and the label."""

    text: str
    head: str
    label: str
    roles: tuple[str, ...] = ()


def training_data_digest(folder: Path) -> str:
    """sha256 over the training files (names and bytes, in name order): the shipped model
    records it, so a test can tell whether the model was trained on the committed sentences."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_sentences(folder: Path) -> list[Sentence]:
    sentences = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                sentences.append(Sentence(row["text"], row["type"] or NO_EVENT, row.get("trigger")))
            except (ValueError, KeyError, TypeError) as error:
                raise SystemExit(f"{path}:{number}: {error}") from error
    return sentences


def clause_examples(sentences: Sequence[Sentence]) -> list[Example]:
    """Each event sentence gives the main clause holding its trigger (as the coder's learned
    path reads clauses: ``learn.path.main_clauses``); a sentence with no event gives each of
    its main clauses as "no event". The parse is the pipeline's own."""
    from accord.extract.events.lexicon import load_lexicon
    from accord.learn.path import clause_of, clause_roles, main_clauses
    from accord.nlp import load_nlp

    lexicon = load_lexicon()
    examples = []
    docs = load_nlp().pipe((sentence.text for sentence in sentences), batch_size=64)
    for sentence, doc in zip(sentences, docs, strict=True):
        clauses = [c for span in doc.sents for c in main_clauses(span, lexicon)]
        if sentence.label == NO_EVENT:
            examples += [Example(c.text, c.head_lemma, NO_EVENT, c.roles) for c in clauses]
            continue
        clause = trigger_clause(doc, sentence.trigger, clauses, clause_of)
        if clause is None:  # no trigger found: the whole sentence, headed by its root
            root = next(doc.sents).root
            head, roles = lemma_of_root(root, lexicon), clause_roles(root, lexicon)
            examples.append(Example(sentence.text, head, sentence.label, roles))
        else:
            examples.append(Example(clause.text, clause.head_lemma, sentence.label, clause.roles))
    return examples


def trigger_clause(doc, trigger, clauses, clause_of):
    """The clause holding the first word of the trigger phrase (None when not found)."""
    if not trigger:
        return None
    first = trigger.split()[0].lower()
    token = next((t for t in doc if t.lower_ == first), None)
    return clause_of(token, clauses) if token is not None else None


def lemma_of_root(root, lexicon) -> str:
    from accord.extract.events.lexicon import lemma_of

    return lemma_of(root, lexicon)


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
    sentences = read_sentences(source)
    if not sentences:
        raise SystemExit(f"no training sentences in {source}")
    examples = clause_examples(sentences)
    counts = [raw_features(example.text, example.head, example.roles) for example in examples]
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
        "kind": "multinomial logistic regression over word 1-2-grams, char 3-5-grams, the"
        " head lemma of a main clause and the head's grammatical roles",
        "labels": [str(label) for label in model.classes_],
        "training_sentences": len(sentences),
        "training_data_sha256": training_data_digest(source),
        "training_clauses": len(examples),
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
