"""Extraction on a Dask cluster (the ``dask`` extra): ``accord ingest --engine dask``.

Without a scheduler address a ``LocalCluster`` is started on 127.0.0.1 (no dashboard), one
worker process per job; with one (``tcp://host:8786``) the same code runs on a real cluster,
whose workers need accord installed. A worker plugin loads the NLP model and the coder once
per worker. Articles go out in small chunks; results come back to the driver in input order
(so the store is the one a single process makes), and a chunk whose task fails is reported
article by article, never dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from typing import Any

from accord.models import Article, Extraction

logger = logging.getLogger("accord.engines")

ENGINES = ("local", "dask")
CHUNK = 4  # articles per task: small, so progress is steady and a failure costs little


class LoadPipeline:
    """Worker plugin: parse model and coder loaded when the worker starts, not per task."""

    name = "accord-pipeline"

    def setup(self, worker: Any) -> None:
        from accord.extract.events.coder import Coder
        from accord.nlp import load_nlp

        load_nlp()
        Coder.default()


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
    from accord.api import ExtractionFailure, chunked, extract_chunk, source_name

    try:
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - the extra is in the lock
        raise RuntimeError(
            "the dask engine needs the 'dask' extra: pip install accord[dask]"
        ) from error
    chunks = list(chunked(articles, CHUNK))
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
        futures = client.map(extract_chunk, chunks, pure=False)
        done = 0
        try:
            for chunk, future in zip(chunks, futures, strict=True):
                try:
                    results: list[Extraction | ExtractionFailure] = future.result()
                except Exception as error:  # a lost worker, a task that raised
                    reason = f"the Dask task failed: {type(error).__name__}: {error}"
                    results = [ExtractionFailure(source_name(a), reason) for a in chunk]
                done += len(chunk)
                yield from results
                if progress:
                    progress(done)
        finally:
            client.cancel(futures)
