"""Extraction on a Dask cluster (the ``dask`` extra): ``accord ingest --engine dask``.

Without a scheduler address a ``LocalCluster`` is started on 127.0.0.1 (no dashboard), one
worker process per job; with one (``tcp://host:8786``) the same code runs on a real cluster,
whose workers need accord installed. A worker plugin loads the NLP model and the coder once
per worker. Articles go out in small chunks; results come back to the driver in input order
(so the store is the one a single process makes), and a chunk whose task fails is reported
article by article, never dropped.

With a PostgreSQL store (``ingest_on_dask``) the workers write instead: each extracts its
chunk and saves every article in its own transaction, straight to the server, and sends back
only what happened. Saving is idempotent by content hash (the store's write lock makes the
check and the insert one step), so a task Dask retries adds nothing; tracking is left to the
driver, which brings it up to date once after the map.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from accord.models import Article

logger = logging.getLogger("accord.engines")

ENGINES = ("local", "dask")
CHUNK = 4  # articles per task: small, so progress is steady and a failure costs little


class LoadPipeline:
    """Worker plugin: parse model and coder loaded when the worker starts, not per task."""

    name = "accord-pipeline"

    def setup(self, worker: Any) -> None:
        from accord.pipeline import warm_up

        warm_up()


def _worker_plugin() -> Any:
    from distributed import WorkerPlugin

    class Plugin(LoadPipeline, WorkerPlugin):
        pass

    return Plugin()


def extract_on_dask(
    articles: Sequence[Article],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Any]:
    """Extractions (or ``ExtractionFailure``s) of ``articles``, in order, computed on Dask."""
    from accord.api import chunked, extract_chunk

    chunks = list(chunked(articles, CHUNK))
    with dask_client(scheduler, workers) as client:
        futures = client.map(extract_chunk, chunks, pure=False)
        yield from results_in_order(client, chunks, futures, progress)


@dataclass(frozen=True)
class SavedArticle:
    """What a worker's save did to one article (the record stays on the server)."""

    source: str
    outcome: str  # a SaveOutcome value
    events: int
    quotes: int


def ingest_on_dask(
    articles: Sequence[Article],
    location: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    timeout: float = 30.0,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Any]:
    """``SavedArticle``s (or ``ExtractionFailure``s) of ``articles``, in order: workers extract
    and save each article to the PostgreSQL store at ``location`` themselves."""
    from accord.api import chunked

    chunks = list(chunked(articles, CHUNK))
    with dask_client(scheduler, workers) as client:
        futures = client.map(
            extract_and_save_chunk, chunks, location=location, timeout=timeout, pure=False
        )
        yield from results_in_order(client, chunks, futures, progress)


_stores: dict[str, Any] = {}  # one open store per worker process and location


def worker_store(location: str, timeout: float) -> Any:
    """The worker's connection to the store, opened on its first task."""
    from accord.store import Store

    if location not in _stores:
        _stores[location] = Store(location, timeout=timeout)
    return _stores[location]


def extract_and_save_chunk(
    articles: list[Article], location: str, timeout: float
) -> list[SavedArticle | Any]:
    """A worker's job with a shared store: extract a chunk, save each article on its own."""
    from accord.api import ExtractionFailure, extract_chunk, source_name
    from accord.errors import StoreError

    store = worker_store(location, timeout)
    results: list[SavedArticle | Any] = []
    for extraction in extract_chunk(articles):
        if isinstance(extraction, ExtractionFailure):
            results.append(extraction)
            continue
        name = source_name(extraction.article)
        try:
            outcome = store.save_extraction(extraction)
        except StoreError as error:
            results.append(ExtractionFailure(name, str(error)))
            continue
        results.append(
            SavedArticle(name, outcome.value, len(extraction.events), len(extraction.quotes))
        )
    return results


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, else of a new local one of ``workers``
    processes; the worker plugin registered either way."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - the extra is in the lock
        raise RuntimeError(
            "the dask engine needs the 'dask' extra: pip install accord[dask]"
        ) from error
    with ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(scheduler))
        client.register_plugin(_worker_plugin())
        yield client


def results_in_order(
    client: Any,
    chunks: list[list[Article]],
    futures: list[Any],
    progress: Callable[[int], None] | None,
) -> Iterator[Any]:
    """Each chunk's results in input order; a failed task's articles reported one by one."""
    from accord.api import ExtractionFailure, source_name

    done = 0
    try:
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                results: list[Any] = future.result()
            except Exception as error:  # a lost worker, a task that raised
                reason = f"the Dask task failed: {type(error).__name__}: {error}"
                results = [ExtractionFailure(source_name(a), reason) for a in chunk]
            done += len(chunk)
            yield from results
            if progress:
                progress(done)
    finally:
        client.cancel(futures)
