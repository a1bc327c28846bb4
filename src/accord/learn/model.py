"""The shipped event-type model: vocabulary, idf and the weights of a multinomial logistic
regression, read from ``data/models/`` and applied with numpy.

``predict`` gives the most probable label (a PLOVER type, or None for "no event") and its
probability. The model is a second path for the coder: used where no rule fired or rules are
weak, above thresholds chosen on the tune fold, and named in the evidence of what it makes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path

import numpy as np

from accord.errors import DataFileError
from accord.learn.features import raw_features, weighted

MODEL_NAME = "event_types"
NO_EVENT = "NONE"
PREDICTIONS_KEPT = 4096  # clause texts whose prediction a model keeps (all dropped when full)


@dataclass(frozen=True)
class Prediction:
    label: str | None  # a PLOVER type, or None: no event
    probability: float
    ranked: tuple[tuple[str | None, float], ...]  # every label, most probable first


class EventTypeModel:
    """A trained model; load the shipped one with ``EventTypeModel.default()``."""

    def __init__(self, meta: dict, vocabulary: dict[str, int], arrays: dict[str, np.ndarray]):
        self.meta = meta
        self.labels: list[str] = meta["labels"]
        self.vocabulary = vocabulary
        self.idf = arrays["idf"].astype(np.float64).tolist()
        self.coef = arrays["coef"].astype(np.float32)  # (labels, features)
        self.intercept = arrays["intercept"].astype(np.float32)
        self._predictions: dict[tuple[str, str | None, tuple[str, ...]], Prediction] = {}

    @classmethod
    def load(cls, folder: Path | None = None, name: str = MODEL_NAME) -> EventTypeModel:
        """Read ``NAME.json`` (metadata and vocabulary) and ``NAME.npz`` (arrays); the npz file's
        sha256 must be the one the metadata records."""
        base = Path(folder) if folder else Path(str(files("accord").joinpath("data/models")))
        meta_path, arrays_path = base / f"{name}.json", base / f"{name}.npz"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            blob = arrays_path.read_bytes()
        except (OSError, ValueError) as error:
            raise DataFileError(f"cannot read the event-type model in {base}: {error}") from error
        digest = hashlib.sha256(blob).hexdigest()
        if digest != meta.get("sha256"):
            raise DataFileError(f"{arrays_path}: sha256 {digest} is not the recorded one")
        with np.load(arrays_path) as arrays:
            loaded = {key: arrays[key] for key in arrays.files}
        vocabulary = {feature: index for index, feature in enumerate(meta.pop("features"))}
        return cls(meta, vocabulary, loaded)

    @classmethod
    def default(cls) -> EventTypeModel:
        return _default_model()

    def probabilities(
        self, text: str, head: str | None = None, roles: tuple[str, ...] = ()
    ) -> np.ndarray:
        row = weighted(raw_features(text, head, roles), self.vocabulary, self.idf)
        scores = self.intercept.copy()
        if row:
            indices = np.fromiter(row.keys(), dtype=np.int64)
            values = np.fromiter(row.values(), dtype=np.float32)
            scores += self.coef[:, indices] @ values
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def predict(
        self, text: str, head: str | None = None, roles: tuple[str, ...] = ()
    ) -> Prediction:
        """The most probable label of a clause (``head``: the lemma of its head word,
        ``roles``: its grammatical roles, ``learn.path.clause_roles``).

        A prediction depends on the words alone, and the same clause comes back (a wire story
        republished by other outlets, an article updated): each is kept, for the last
        ``PREDICTIONS_KEPT`` clauses, instead of cutting its words into n-grams again."""
        key = (text, head, roles)
        kept = self._predictions.get(key)
        if kept is None:
            if len(self._predictions) >= PREDICTIONS_KEPT:
                self._predictions.clear()
            kept = self._predictions[key] = self._predict(text, head, roles)
        return kept

    def _predict(self, text: str, head: str | None, roles: tuple[str, ...]) -> Prediction:
        probabilities = self.probabilities(text, head, roles)
        order = np.argsort(-probabilities)
        ranked = tuple((self.label_of(i), float(probabilities[i])) for i in order)
        return Prediction(ranked[0][0], ranked[0][1], ranked)

    def label_of(self, index: int) -> str | None:
        label = self.labels[index]
        return None if label == NO_EVENT else label

    @cached_property
    def version(self) -> str:
        return f"{MODEL_NAME}@{self.meta['sha256'][:12]}"


_LOADED: dict[str, EventTypeModel] = {}


def _default_model() -> EventTypeModel:
    """The shipped model, read once per process."""
    if MODEL_NAME not in _LOADED:
        _LOADED[MODEL_NAME] = EventTypeModel.load()
    return _LOADED[MODEL_NAME]
