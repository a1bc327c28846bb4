"""Text to sparse features: word unigrams and bigrams, character 3-5-grams inside words, and the
clause head's grammatical roles (``learn.path.clause_roles``), alone and paired with the head.

Numbers become ``0`` (a count is not a clue to the type), words are lower-cased. The same
function builds the training matrix and reads a sentence at run time, so the two cannot drift.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import pairwise

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*", re.UNICODE)
CHAR_SIZES = (3, 4, 5)
SUBJECT_ROLES = ("subj=", "subjl=")  # who acts is a clue of its own, not a sense of the head


def words(text: str) -> list[str]:
    """Lower-cased words, each number as ``0``."""
    return ["0" if token[0].isdigit() else token.lower() for token in WORD.findall(text)]


def raw_features(text: str, head: str | None = None, roles: Iterable[str] = ()) -> Counter[str]:
    """Feature counts: ``w:word``, ``b:word word``, ``c:<chars>`` (char n-grams of a word
    padded with ``<`` and ``>``), ``h:lemma`` and ``hc:<chars>`` (its char n-grams) for the
    clause's head word when given, and for each of its roles ``r:role`` and ``p:lemma|role``.
    Roles and the head's n-grams carry beyond the words seen: a head the training never met
    still has an object "talks" or a negation, and shares a stem with heads it did meet."""
    tokens = words(text)
    counts: Counter[str] = Counter(f"w:{token}" for token in tokens)
    counts.update(f"b:{a} {b}" for a, b in pairwise(tokens))
    for token in tokens:
        counts.update(char_grams(token))
    if head:
        counts[f"h:{head.lower()}"] += 1
        counts.update(f"hc:{gram[2:]}" for gram in char_grams(head.lower()))
    for role in roles:
        counts[f"r:{role}"] += 1
        if head and not role.startswith(SUBJECT_ROLES):
            counts[f"p:{head.lower()}|{role}"] += 1
    return counts


@lru_cache(maxsize=16384)
def char_grams(token: str) -> tuple[str, ...]:
    """The ``c:`` features of one word, shortest n-grams first: the same words come back in
    every clause, so each is cut into n-grams once (bounded: a long run meets new words)."""
    padded = f"<{token}>"
    return tuple(
        f"c:{padded[i : i + size]}" for size in CHAR_SIZES for i in range(len(padded) - size + 1)
    )


def weighted(
    counts: Mapping[str, int], vocabulary: Mapping[str, int], idf: Iterable[float]
) -> dict[int, float]:
    """Sublinear tf times idf over the known features, scaled to unit length."""
    idf = list(idf) if not isinstance(idf, list) else idf
    row: dict[int, float] = {}
    for name, count in counts.items():
        index = vocabulary.get(name)  # one look-up, not a test and two
        if index is not None:
            row[index] = (1.0 + math.log(count)) * idf[index]
    norm = math.sqrt(sum(value * value for value in row.values()))
    return {index: value / norm for index, value in row.items()} if norm else {}
