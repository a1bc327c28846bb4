"""One ``Accord`` per worker thread: SQLite connections may not cross threads.

FastAPI runs plain ``def`` routes in a thread pool, so each thread opens its own connection
on first use (WAL lets them read while an ingest writes).
"""

from __future__ import annotations

import threading
from pathlib import Path

from accord import api


class ThreadDatabases:
    """Opens the database once per thread, on demand."""

    def __init__(self, path: str | Path, timeout: float = api.DEFAULT_LOCK_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout
        self.local = threading.local()

    def current(self) -> api.Accord:
        db = getattr(self.local, "db", None)
        if db is None:
            db = self.local.db = api.open(self.path, timeout=self.timeout)
        return db
