"""The Python API: ``accord.open(path)`` gives an ``Accord``, the one object every view calls.

An ``Accord`` is the store (all its reads: ``events``, ``event``, ``quotes``, ``actors``,
``articles``) plus the work that fills it and gets data out: ``ingest`` runs sources through the
pipeline, skipping texts already stored before any NLP, and saves each article in its own
transaction; ``export`` writes the event table to a file.

    with accord.open("news.db") as db:
        report = db.ingest(["articles/"], jobs=2)
        for event in db.events(type="ASSAULT", country="UKR", since="2025-05"):
            print(event.evidence.sentence)
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, suppress
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from accord import export as exports
from accord.errors import IngestError, StoreError, StoreLockedError
from accord.models import Article, Extraction
from accord.store import SaveOutcome, Store
from accord.store.database import DEFAULT_LOCK_TIMEOUT

if TYPE_CHECKING:
    from accord.ingest import Fetcher

BATCH = 16  # articles per nlp.pipe batch in one process
PARALLEL_CHUNK = 4  # articles per task sent to a worker (small: steady progress, quick stops)
EXAMPLES = "data/examples"

Progress = Callable[[int, int], None]  # (articles done, articles to extract)


@dataclass(frozen=True)
class IngestReport:
    """What an ingest run did; ``failed`` lists (source, reason) for each failure and
    ``warnings`` (source, message) for what was stored but looks wrong."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    events: int = 0  # events stored by this run (added and replaced articles)
    quotes: int = 0
    warnings: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failed


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during ingest: what was committed stays; ``report`` says what that was.

    ``tracking`` is True when the articles were all saved and the interrupt came while
    tracking was being brought up to date (the next ingest or ``accord track update`` does it).
    """

    def __init__(self, report: IngestReport, *, tracking: bool = False) -> None:
        super().__init__("ingest interrupted")
        self.report = report
        self.tracking = tracking


class IngestStopped(StoreLockedError):
    """Another writer kept the store locked past the wait: the run stopped, what it saved is
    kept, and ``report`` says what that was."""

    def __init__(self, report: IngestReport, message: str) -> None:
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class PollReport:
    """One feed's part of a polling round: 'ok', 'not modified' or the error, and what was
    stored from it."""

    feed: str
    status: str
    report: IngestReport


@dataclass(frozen=True)
class ExtractionFailure:
    """An article the pipeline could not process (a value, so it can cross processes)."""

    source: str
    reason: str


@dataclass
class Tally:
    """The counts of a run in progress, frozen into an ``IngestReport`` at the end."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    quotes: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def saved(self, outcome: SaveOutcome, extraction: Extraction) -> None:
        self.counted(outcome, len(extraction.events), len(extraction.quotes))

    def counted(self, outcome: SaveOutcome, events: int, quotes: int) -> None:
        """An article saved (here or by a worker) with ``events`` events and ``quotes``."""
        if outcome is SaveOutcome.UNCHANGED:
            self.unchanged += 1
            return
        if outcome is SaveOutcome.REPLACED:
            self.replaced += 1
        else:
            self.added += 1
        self.events += events
        self.quotes += quotes

    def warn_about(self, article: Article) -> None:
        """Note what looks wrong in an article about to be stored (it is stored all the same)."""
        from accord.ingest import publication_warnings

        name = source_name(article)
        self.warnings.extend((name, message) for message in publication_warnings(article))

    def report(self) -> IngestReport:
        return IngestReport(
            added=self.added,
            unchanged=self.unchanged,
            replaced=self.replaced,
            failed=tuple(self.failed),
            events=self.events,
            quotes=self.quotes,
            warnings=tuple(self.warnings),
        )


def open(path: str | Path = "accord.db", *, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Accord:
    """Open (creating and migrating as needed) the accord database at ``path``, a SQLite file
    or a ``postgresql://`` URL; a write waits up to ``timeout`` seconds for another process
    writing to it."""
    return Accord(path, timeout=timeout)


class Accord(Store):
    """An accord database: the store's reads, plus ingest and export."""

    def ingest(
        self,
        paths: str | Path | Iterable[str | Path],
        *,
        jobs: int = 1,
        progress: Progress | None = None,
        fetcher: Fetcher | None = None,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> IngestReport:
        """Read sources, extract the articles not stored yet, and save each one on its own.

        Sources are files, folders, page or feed URLs and ``.urls`` lists (URLs are fetched
        with ``fetcher``: public addresses only, by default). ``jobs > 1`` runs the pipeline in
        that many processes (this one alone writes). A source or article that fails is listed
        in the report and the run goes on. On Ctrl-C the committed articles stay and
        ``IngestInterrupted`` (a ``KeyboardInterrupt``) carries the report so far; running
        again finishes the job. ``engine="dask"`` extracts on a Dask cluster (``scheduler``:
        its address; none: a local cluster of ``jobs`` workers on 127.0.0.1), results coming
        back here to be saved in order (on a PostgreSQL store the workers save each article
        themselves, and tracking runs here once after the map).
        """
        from accord.ingest import read_sources

        sources = read_sources(paths, fetcher=fetcher, known_url=self.has_url)
        return self._ingest_results(sources, jobs, progress, engine, scheduler)

    def poll(
        self, feeds: Sequence[str], *, fetcher: Fetcher | None = None, jobs: int = 1
    ) -> list[PollReport]:
        """One round over RSS/Atom feeds: each is asked with the validators of its last answer
        (unchanged: a 304, nothing fetched); new entries' pages are fetched, extracted and
        saved, with the entry's title and date; a feed or entry that fails costs itself."""
        from accord.ingest import Fetcher, entry_articles, fetch_feed, screened

        fetcher = fetcher or Fetcher()
        rounds = []
        for url in feeds:
            state = self.feed_state(url) or {}
            try:
                feed = fetch_feed(
                    fetcher, url, etag=state.get("etag"), last_modified=state.get("last_modified")
                )
            except IngestError as error:
                self.save_feed_state(url, status=f"error: {error.reason}")
                failed = IngestReport(failed=((url, error.reason),))
                rounds.append(PollReport(url, f"error: {error.reason}", failed))
                continue
            if feed.not_modified:
                self.save_feed_state(url, status="not modified")
                rounds.append(PollReport(url, "not modified", IngestReport()))
                continue
            entries = screened(entry_articles(feed, fetcher, self.has_url))
            report = self._ingest_results(entries, jobs, None)
            self.save_feed_state(
                url,
                status="ok",
                title=feed.title,
                etag=feed.etag,
                last_modified=feed.last_modified,
                added=report.added + report.replaced,
            )
            rounds.append(PollReport(url, "ok", report))
        return rounds

    def watch(
        self,
        feeds: Sequence[str],
        *,
        every: float = 600.0,
        rounds: int | None = None,
        on_round: Callable[[int, list[PollReport]], None] | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        """Poll the feeds every ``every`` seconds (``rounds`` times, or until Ctrl-C);
        ``on_round(number, reports)`` after each round."""
        from accord.ingest import Fetcher

        fetcher = fetcher or Fetcher()
        done = 0
        while rounds is None or done < rounds:
            reports = self.poll(feeds, fetcher=fetcher)
            if on_round:
                on_round(done, reports)
            done += 1
            if rounds is None or done < rounds:
                time.sleep(every)

    def _ingest_results(
        self,
        sources: Iterable[Article | IngestError],
        jobs: int,
        progress: Progress | None,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> IngestReport:
        tally = Tally()
        try:
            # with jobs, the workers start (and load the model) once a second new article is
            # read, while the rest of the sources are read and checked
            early = engine == "local" and jobs > 1
            articles = self._articles_to_extract(
                sources, tally, on_second=(lambda: start_workers(jobs)) if early else None
            )
            if progress:
                progress(0, len(articles))
            if engine == "dask" and self.dialect == "postgresql" and articles:
                self._ingest_on_dask_workers(articles, jobs, scheduler, progress, tally)
            else:
                with closing(extract_all(articles, jobs, engine, scheduler)) as extractions:
                    for done, extraction in enumerate(extractions, start=1):
                        self._save(extraction, tally)
                        if progress:
                            progress(done, len(articles))
        except KeyboardInterrupt as interrupt:
            drop_pool(jobs - 1)  # nobody waits for workers still loading after Ctrl-C
            raise IngestInterrupted(tally.report()) from interrupt
        except StoreLockedError as locked:
            raise IngestStopped(tally.report(), str(locked)) from locked
        report = tally.report()
        try:
            self._track(idle_pool(jobs - 1) if engine == "local" and jobs > 1 else None)
        except KeyboardInterrupt as interrupt:
            raise IngestInterrupted(report, tracking=True) from interrupt
        return report

    def _ingest_on_dask_workers(
        self,
        articles: Sequence[Article],
        jobs: int,
        scheduler: str | None,
        progress: Progress | None,
        tally: Tally,
    ) -> None:
        """Dask workers extract and save straight to this PostgreSQL store; only what each
        save did comes back (tracking stays with the caller, once after the map)."""
        from accord.engines import SavedArticle, ingest_on_dask

        outcomes = ingest_on_dask(
            articles,
            str(self.path),
            scheduler=scheduler,
            workers=max(1, jobs),
            timeout=self.timeout,
        )
        with closing(outcomes):
            for done, result in enumerate(outcomes, start=1):
                if isinstance(result, SavedArticle):
                    tally.counted(SaveOutcome(result.outcome), result.events, result.quotes)
                else:
                    tally.failed.append((result.source, result.reason))
                if progress:
                    progress(done, len(articles))

    def ingest_article(self, article: Article, *, track: bool = True) -> IngestReport:
        """Extract and save one article (nothing to do when its text is already stored).
        ``track=False`` leaves tracking pending for the caller to bring up to date later (the
        server does it in the background, once for many articles)."""
        tally = Tally()
        if self.has_content_hash(article.content_hash):
            tally.unchanged += 1
        else:
            tally.warn_about(article)
            self._save(extract_one(article), tally)
        if track:
            self._track()
        return tally.report()

    def _track(self, helper: ProcessPoolExecutor | None = None) -> None:
        """Bring canonical events and proposals up to date with everything stored, this run's
        articles and any an interrupted run left untracked (only new events are compared; a
        rebuild gives the same result). ``helper``: the run's workers, idle by now."""
        from accord import track

        track.update_if_pending(self, helper)

    def _articles_to_extract(
        self,
        sources: Iterable[Article | IngestError],
        tally: Tally,
        on_second: Callable[[], None] | None = None,
    ) -> list[Article]:
        """New articles only: unreadable sources are failures, stored texts are unchanged.
        ``on_second`` is called once, when a second new article is found (there is work for
        a pool)."""
        articles, seen = [], set()
        for item in sources:
            if isinstance(item, IngestError):
                tally.failed.append((item.source, item.reason))
            elif item.content_hash in seen or self.has_content_hash(item.content_hash):
                tally.unchanged += 1
            else:
                seen.add(item.content_hash)
                articles.append(item)
                tally.warn_about(item)
                if on_second is not None and len(articles) == 2:
                    on_second()
        return articles

    def _save(self, extraction: Extraction | ExtractionFailure, tally: Tally) -> None:
        if isinstance(extraction, ExtractionFailure):
            tally.failed.append((extraction.source, extraction.reason))
            return
        try:
            outcome = self.save_extraction(extraction)
        except StoreLockedError:
            raise  # the run stops: every article after this one would wait and fail too
        except StoreError as error:
            tally.failed.append((source_name(extraction.article), str(error)))
            return
        tally.saved(outcome, extraction)

    def event_rows(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Export rows, one per event with its article's title, URL and outlet.

        Takes the filters of ``events``; each article is read once.
        """
        articles: dict[str, Article] = {}
        for event in self.iter_events(**filters):
            if event.article_id not in articles:
                articles[event.article_id] = self.article(event.article_id)
            yield exports.event_row(event, articles[event.article_id])

    def export(self, path: str | Path, format: str | None = None, **filters: Any) -> int:
        """Write the events (all, or those matching ``events`` filters) to a file.

        The format is ``jsonl``, ``json``, ``csv`` or ``parquet``, from ``format`` or the file
        extension. Returns the number of events written.
        """
        with self.snapshot():
            return exports.write_events(self.event_rows(**filters), path, format)


def source_name(article: Article) -> str:
    """How reports name an article: where it was read from, else its URL, else its id."""
    return article.source or article.url or article.id


def extract_all(
    articles: Sequence[Article],
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[Extraction | ExtractionFailure]:
    """Extract articles in order: in this process, alone or with ``jobs - 1`` workers (``local``),
    or on a Dask cluster (``dask``: at ``scheduler``, else a local one of ``jobs`` workers)."""
    if engine == "dask":
        from accord.engines import extract_on_dask

        if articles:
            yield from extract_on_dask(articles, scheduler=scheduler, workers=max(1, jobs))
        return
    if engine != "local":
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if jobs <= 1 or len(articles) <= 1:
        for chunk in chunked(articles, BATCH):
            yield from extract_safely(chunk)
        return
    size = max(1, min(PARALLEL_CHUNK, math.ceil(len(articles) / jobs)))
    yield from extract_in_processes(list(chunked(articles, size)), jobs)


def extract_in_processes(
    chunks: list[list[Article]], jobs: int
) -> Iterator[Extraction | ExtractionFailure]:
    """Extract chunks in ``jobs`` processes, results in order: this one and ``jobs - 1``
    workers (``worker_pool``).

    This process is one of the jobs: whenever the next result in order is not back yet, it
    extracts a chunk itself, the first one no worker has taken, rather than wait (so it works
    while the workers start, and one model load is saved). The pool is kept after a run that
    went through; a run cut short (Ctrl-C, the caller stopping) ends its workers now. If a
    worker dies (killed, out of memory), the articles it had not sent back are reported as
    failures.
    """
    schedule = Schedule(worker_pool(jobs - 1), chunks, ahead=2 * (jobs - 1))
    finished = False
    try:
        for index in range(len(chunks)):
            yield from schedule.results_of(index)
        finished = True
    finally:
        if not finished or schedule.broken:
            drop_pool(jobs - 1)


class Schedule:
    """Which chunk runs where: the workers take chunks from the front (``ahead`` of them
    queued at a time), and so does this process, the first chunk no worker has taken; results
    are kept until asked for. Taken from the front, this process's chunks come due soon after
    it extracts them and are saved during the map; taken from the back, they all came due after
    the map, and their saves (half of the run's) ran alone while the workers were idle."""

    def __init__(self, pool: ProcessPoolExecutor, chunks: list[list[Article]], ahead: int):
        self.pool, self.chunks, self.ahead = pool, chunks, max(1, ahead)
        self.waiting = deque(range(len(chunks)))  # chunk indexes no process has taken
        self.futures: dict[int, Any] = {}  # chunk index -> future, for the workers' chunks
        self.done: dict[int, list[Extraction | ExtractionFailure]] = {}
        self.broken: str | None = None  # why the pool broke, once it has
        self._top_up()

    def results_of(self, index: int) -> list[Extraction | ExtractionFailure]:
        """The results of chunk ``index``, extracting others here while they are not back."""
        while index not in self.done:
            self._top_up()  # keep the workers busy while this process works too
            future = self.futures.get(index)
            if future is not None and future.done():
                self._collect(index)
            elif future is None or self.waiting:
                self._extract_here(self.waiting.popleft())  # the first nobody has taken
            elif future.cancel():  # still queued (a worker still starting): do it here
                del self.futures[index]
                self._extract_here(index)
            else:
                self._collect(index)  # nothing left to do here: wait for it
        return self.done.pop(index)

    def _top_up(self) -> None:
        """Queue chunks from the front for the workers, keeping the last one for here."""
        in_flight = sum(not future.done() for future in self.futures.values())
        while not self.broken and len(self.waiting) > 1 and in_flight < self.ahead:
            index = self.waiting.popleft()
            try:
                self.futures[index] = self.pool.submit(extract_chunk, self.chunks[index])
            except BrokenProcessPool as error:
                self.waiting.appendleft(index)
                self.broken = f"a worker process ended abruptly ({error})"
                return
            in_flight += 1

    def _collect(self, index: int) -> None:
        future = self.futures.pop(index)
        try:
            self.done[index] = future.result()
            _warm_pools.add(self.pool)
        except BrokenProcessPool as error:
            self.broken = self.broken or f"a worker process ended abruptly ({error})"
            self.done[index] = [
                ExtractionFailure(source_name(article), self.broken)
                for article in self.chunks[index]
            ]

    def _extract_here(self, index: int) -> None:
        self.done[index] = extract_chunk(self.chunks[index])


_pools: dict[int, ProcessPoolExecutor] = {}  # this process's worker pools, by size
_warm_pools: WeakSet[Any] = WeakSet()  # pools a worker of which has sent a chunk back


def idle_pool(workers: int) -> ProcessPoolExecutor | None:
    """The pool of ``workers`` processes once a worker of it has sent a chunk back (its model
    loaded), for work after the map; None while none has: a task would wait for the worker
    to finish loading, longer than this process takes to do it."""
    pool = _pools.get(workers)
    return pool if pool is not None and pool in _warm_pools else None


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """The pool of ``workers`` processes, started on first use and kept for the life of this
    process: each worker loads the model once, not once per ingest, poll or eval.

    Workers are spawned (not forked: the parent may hold threads and a database).
    """
    if workers not in _pools:
        _pools[workers] = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(os.getpid(),),
        )
    return _pools[workers]


def start_workers(jobs: int) -> None:
    """Start the ``jobs - 1`` workers of a run with ``jobs`` now (they load the model while
    this process reads the sources); one no-op task each, as the pool spawns a worker per
    task it has no idle one for."""
    pool = worker_pool(jobs - 1)
    for _ in range(jobs - 1):
        pool.submit(os.getpid)


def stop_workers() -> None:
    """End every kept worker pool (they end with this process anyway)."""
    for workers in list(_pools):
        drop_pool(workers)


def drop_pool(workers: int) -> None:
    """End the pool of ``workers`` processes, if there is one (the next call starts anew)."""
    pool = _pools.pop(workers, None)
    if pool is not None:
        stop_pool(pool)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Drop queued work and end the workers now: after Ctrl-C nobody waits for their chunks."""
    terminate_workers = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate_workers is not None:
        terminate_workers()
        return
    workers = list((pool._processes or {}).values())  # no public way before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join()


def start_worker(parent_pid: int) -> None:
    """Load the NLP model, the coder (its dictionary, gazetteer and learned model) and the
    tables built on first use once per worker (``pipeline.warm_up``); Ctrl-C is the parent's
    to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=exit_with_parent, args=(parent_pid,), daemon=True).start()
    from accord.pipeline import warm_up

    # A load failure is not cached: each article retries and reports it, as in a serial run.
    with suppress(Exception):
        warm_up()


def exit_with_parent(parent_pid: int) -> None:
    """End this worker when the parent is gone (kill -9 leaves no one to stop it)."""
    while os.getppid() == parent_pid:
        time.sleep(1)
    os._exit(1)


def extract_chunk(articles: list[Article]) -> list[Extraction | ExtractionFailure]:
    """A worker's job: a chunk of articles in, their extractions (or failures) out."""
    return list(extract_safely(articles))


def extract_safely(articles: list[Article]) -> Iterator[Extraction | ExtractionFailure]:
    """Batch-extract; if the batch fails, redo the rest one by one to isolate the culprit."""
    from accord.pipeline import extract_many

    done = 0
    try:
        for extraction in extract_many(articles, batch_size=BATCH):
            done += 1
            yield extraction
    except Exception:
        for article in articles[done:]:
            yield extract_one(article)


def extract_one(article: Article) -> Extraction | ExtractionFailure:
    """Extract one article, turning any error into a failure that names its source."""
    from accord.pipeline import extract_article

    try:
        return extract_article(article)
    except Exception as error:
        return ExtractionFailure(source_name(article), f"{type(error).__name__}: {error}")


def chunked(articles: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(articles), size):
        yield list(articles[start : start + size])


def example_article(name: str = "istanbul-talks") -> Article:
    """A bundled example article, with the metadata of its ``.meta.json`` sidecar."""
    from accord.ingest import make_article

    folder = files("accord").joinpath(EXAMPLES)
    text = folder.joinpath(f"{name}.txt").read_text(encoding="utf-8")
    sidecar = folder.joinpath(f"{name}.meta.json")
    meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
    return make_article(
        text,
        title=meta.get("title"),
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        source=f"accord/{EXAMPLES}/{name}.txt",
    )
