"""Views kept until the store changes: the landing page's stats, map and network are the same
for every client until an article or a tracking run changes the store, and cost tens of
milliseconds each at 100,000 events.

A view is keyed by its route, its query and the store's ``generation`` (a counter every write
the views read bumps, migration 007), so a changed store is never answered from the cache.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

DEFAULT_SIZE = 256  # views kept; the least recently used goes first
SIZE_ENV = "ACCORD_VIEW_CACHE"  # views to keep; 0 computes every view (benchmarks)


def configured_size() -> int:
    """``ACCORD_VIEW_CACHE`` as a whole number of views, else ``DEFAULT_SIZE``."""
    value = os.environ.get(SIZE_ENV, "").strip()
    if not value:
        return DEFAULT_SIZE
    if not value.isdigit():
        raise ValueError(f"{SIZE_ENV} must be a whole number of views, not {value!r}")
    return int(value)


def query_key(route: str, query: dict[str, Any]) -> tuple[Hashable, ...]:
    """A hashable key for a route and its checked parameters (lists become tuples)."""
    items = sorted(
        (name, tuple(value) if isinstance(value, list) else value)
        for name, value in query.items()
        if value not in (None, "", [])
    )
    return (route, *items)


class ViewCache:
    """A small least-recently-used map from (route, query, generation) to a computed view."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self.views: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Hashable, ...], generation: int, compute: Callable[[], Any]) -> Any:
        """The view for ``key`` at ``generation``, computed (outside the lock) when missing."""
        full = (*key, generation)
        with self.lock:
            if full in self.views:
                self.views.move_to_end(full)
                return self.views[full]
        view = compute()
        if self.size == 0:
            return view
        with self.lock:
            self.views[full] = view
            self.views.move_to_end(full)
            while len(self.views) > self.size:
                self.views.popitem(last=False)
        return view
