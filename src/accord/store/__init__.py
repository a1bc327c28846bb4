"""The SQLite store: versioned schema, one transaction per article, filtered reads."""

from accord.store.database import ActorSummary, SaveOutcome, Store, Totals

__all__ = ["ActorSummary", "SaveOutcome", "Store", "Totals"]
