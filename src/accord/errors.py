"""Exceptions raised by accord, in one hierarchy so callers can catch ``AccordError``."""

from __future__ import annotations


class AccordError(Exception):
    """Base class for every error accord raises on purpose."""


class IngestError(AccordError):
    """A source could not be read as an article; ``source`` names the file (and line)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class DataFileError(AccordError):
    """A bundled data file (lexicon, actor dictionary) is missing or malformed."""


class StoreError(AccordError):
    """The store cannot be opened or migrated."""


class StoreLockedError(StoreError):
    """Another process kept the database locked for writing longer than the store waits.

    Unlike a record that cannot be stored, this ends an ingest run: every article after it
    would wait and fail the same way.
    """


class NotFoundError(AccordError):
    """A record asked for by id does not exist."""
