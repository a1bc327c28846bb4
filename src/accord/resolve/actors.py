"""Actor resolution (placeholder until the dictionary-backed resolver lands)."""

from __future__ import annotations


def entity_ruler_patterns() -> list[dict]:
    """Entity ruler patterns from the actor dictionary and gazetteer."""
    return []
