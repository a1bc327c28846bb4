"""The Python API: ingest (serial, parallel, failures, interrupts), reads, and exports."""

from __future__ import annotations

import csv
import json
import shutil
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from importlib.resources import files
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import accord
from accord import api
from accord.api import Accord, IngestInterrupted, IngestReport
from accord.export import EVENT_COLUMNS
from accord.models import Article, Event, Evidence, Extraction
from records import make_article, talks_extraction

EXAMPLES = files("accord").joinpath("data/examples")


def fake_extraction(article: Article) -> Extraction:
    """One CONSULT event on the first line; BOOM fails, STOP is Ctrl-C."""
    if "BOOM" in article.text:
        raise RuntimeError("the extractor choked")
    if "STOP" in article.text:
        raise KeyboardInterrupt
    sentence = article.text.splitlines()[0]
    evidence = Evidence(0, 0, len(sentence), sentence, why="fake")
    event = Event(f"{article.id}-e1", article.id, "CONSULT", None, "asserted", "met", evidence)
    return Extraction(article=article, actors=(), events=(event,), quotes=())


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the NLP pipeline with ``fake_extraction``; returns the texts it was given."""
    import accord.pipeline

    seen: list[str] = []

    def extract_article(article: Article) -> Extraction:
        seen.append(article.text)
        return fake_extraction(article)

    def extract_many(articles, batch_size: int = 16):
        for article in articles:
            yield extract_article(article)

    monkeypatch.setattr(accord.pipeline, "extract_article", extract_article)
    monkeypatch.setattr(accord.pipeline, "extract_many", extract_many)
    return seen


@pytest.fixture
def db(backend_location: Path | str):
    """A new store, once a SQLite file and once a PostgreSQL database."""
    with accord.open(backend_location) as opened:
        yield opened


def write_articles(folder: Path, texts: dict[str, str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def copy_example(folder: Path) -> Path:
    """The bundled Istanbul article and its metadata sidecar, copied into ``folder``."""
    for name in ("istanbul-talks.txt", "istanbul-talks.meta.json"):
        with (EXAMPLES / name).open("rb") as source, (folder / name).open("wb") as target:
            shutil.copyfileobj(source, target)
    return folder / "istanbul-talks.txt"


# -- ingest -------------------------------------------------------------------------------------


def test_open_is_exported_and_gives_a_context_manager(tmp_path: Path):
    with accord.open(tmp_path / "x.db") as db:
        assert isinstance(db, Accord)
        assert db.totals().articles == 0


def test_ingest_stores_each_article_and_reports(db: Accord, tmp_path: Path, fake_pipeline):
    paths = write_articles(tmp_path / "in", {"a.txt": "Alpha met Beta.", "b.txt": "Gamma met."})
    progress: list[tuple[int, int]] = []
    report = db.ingest(paths, progress=lambda done, total: progress.append((done, total)))
    assert report == IngestReport(added=2, events=2)
    assert report.ok
    assert progress == [(0, 2), (1, 2), (2, 2)]
    assert sorted(article.source for article in db.articles()) == sorted(map(str, paths))
    assert {event.evidence.sentence for event in db.events()} == {"Alpha met Beta.", "Gamma met."}


def test_known_texts_are_skipped_before_extraction(db: Accord, tmp_path: Path, fake_pipeline):
    folder = tmp_path / "in"
    write_articles(folder, {"a.txt": "Alpha met Beta.", "copy.txt": "Alpha met Beta."})
    assert db.ingest(folder) == IngestReport(added=1, unchanged=1, events=1)
    fake_pipeline.clear()
    write_articles(folder, {"c.txt": "Delta met."})
    assert db.ingest(folder) == IngestReport(added=1, unchanged=2, events=1)
    assert fake_pipeline == ["Delta met."]  # only the new text went through the pipeline


def test_failures_are_reported_and_the_run_goes_on(db: Accord, tmp_path: Path, fake_pipeline):
    good, bad, empty = write_articles(
        tmp_path / "in", {"good.txt": "Alpha met.", "bad.txt": "BOOM", "empty.txt": ""}
    )
    report = db.ingest([bad, empty, good, tmp_path / "missing.txt"])
    assert (report.added, report.events) == (1, 1)
    failed = dict(report.failed)
    assert failed[str(bad)] == "RuntimeError: the extractor choked"
    assert failed[str(empty)] == "empty file"
    assert str(tmp_path / "missing.txt") in failed
    assert not report.ok
    assert [article.source for article in db.articles()] == [str(good)]


def test_ctrl_c_keeps_what_was_committed_and_a_rerun_finishes(
    db: Accord, tmp_path: Path, fake_pipeline
):
    paths = write_articles(tmp_path / "in", {"1.txt": "One met.", "2.txt": "STOP", "3.txt": "3."})
    with pytest.raises(IngestInterrupted) as interrupted:
        db.ingest(paths)
    assert isinstance(interrupted.value, KeyboardInterrupt)
    assert interrupted.value.report == IngestReport(added=1, events=1)
    assert db.totals().articles == 1

    paths[1].write_text("Two met.", encoding="utf-8")  # the user fixes the cause and reruns
    assert db.ingest(paths) == IngestReport(added=2, unchanged=1, events=2)


def test_a_batch_failure_is_narrowed_to_the_article_that_caused_it(
    db: Accord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import accord.pipeline

    def extract_many(articles, batch_size: int = 16):
        raise RuntimeError("the batch failed")

    def extract_article(article: Article) -> Extraction:
        return fake_extraction(article)

    monkeypatch.setattr(accord.pipeline, "extract_many", extract_many)
    monkeypatch.setattr(accord.pipeline, "extract_article", extract_article)
    paths = write_articles(tmp_path / "in", {"a.txt": "A met.", "b.txt": "BOOM", "c.txt": "C."})
    report = db.ingest(paths)
    assert report.added == 2
    assert [source for source, _ in report.failed] == [str(paths[1])]


def test_ingest_article_saves_one_article(db: Accord, fake_pipeline):
    article = make_article("Alpha met Beta.")
    assert db.ingest_article(article) == IngestReport(added=1, events=1)
    assert db.ingest_article(article) == IngestReport(unchanged=1)
    changed = make_article("Alpha met Beta again.")  # same URL, new text
    assert db.ingest_article(changed) == IngestReport(replaced=1, events=1)
    assert db.articles() == [changed]


def test_the_real_pipeline_on_the_istanbul_example(db: Accord, tmp_path: Path):
    path = copy_example(tmp_path)
    report = db.ingest([path])
    assert report.failed == ()
    assert (report.added, report.unchanged) == (1, 0)
    [article] = db.articles()
    assert article.title.startswith("Russia and Ukraine agree prisoner swap")
    assert article.published == "2025-05-16"
    assert article.source == str(path)
    assert len(db.events()) == report.events
    assert len(db.quotes()) == report.quotes
    for event in db.events():
        assert db.event(event.id) == event
        assert event.evidence.sentence in article.text
    assert db.ingest([path]) == IngestReport(unchanged=1)


def test_parallel_ingest_stores_what_a_serial_one_does(tmp_path: Path):
    texts = {
        f"{index}.txt": f"Russia and Ukraine held talks in Istanbul on day {index}.\n"
        for index in range(5)
    }
    paths = write_articles(tmp_path / "in", texts)
    with accord.open(tmp_path / "serial.db") as serial:
        serial_report = serial.ingest(paths)
        serial_events = serial.events()
    with accord.open(tmp_path / "parallel.db") as parallel:
        parallel_report = parallel.ingest(paths, jobs=2)
        assert parallel_report == serial_report
        assert parallel_report.added == 5
        assert parallel.events() == serial_events
        assert len(parallel.articles()) == 5


def test_parallel_ingests_keep_their_workers(tmp_path: Path):
    """The second ingest with jobs finds the workers (and their loaded model) of the first."""
    first = write_articles(tmp_path / "a", {"a0.txt": "Talks in Doha.\n", "a1.txt": "Talks.\n"})
    second = write_articles(tmp_path / "b", {"b0.txt": "A truce.\n", "b1.txt": "A deal.\n"})
    with accord.open(tmp_path / "kept.db") as db:
        assert db.ingest(first, jobs=2).added == 2
        workers = set(api.worker_pool(1)._processes)  # this process is the second job
        assert workers
        assert db.ingest(second, jobs=2).added == 2
        assert set(api.worker_pool(1)._processes) == workers
    api.stop_workers()
    assert not api._pools


class BrokenPool:
    """A pool whose worker dies: the two chunks sent to it fail, then it takes no more."""

    def __init__(self) -> None:
        self.taken = 0

    def submit(self, *args: object) -> Future:
        self.taken += 1
        if self.taken > 2:
            raise BrokenProcessPool("the pool is broken")
        future: Future = Future()
        future.set_exception(BrokenProcessPool("killed"))
        return future


def test_the_schedule_shares_chunks_and_keeps_their_order(monkeypatch: pytest.MonkeyPatch):
    here: list[int] = []

    def extract_chunk(chunk: list[int]) -> list[int]:
        if threading.current_thread() is threading.main_thread():
            here.append(chunk[0])
        return [n * 10 for n in chunk]

    monkeypatch.setattr(api, "extract_chunk", extract_chunk)
    chunks = [[n] for n in range(8)]
    with ThreadPoolExecutor(max_workers=1) as pool:
        schedule = api.Schedule(pool, chunks, ahead=2)  # type: ignore[arg-type]
        results = [result for i in range(8) for result in schedule.results_of(i)]
    assert results == [n * 10 for n in range(8)]
    assert 7 in here  # this process took the last chunk, the workers the first
    assert 0 not in here


class StartingPool:
    """A pool whose worker is still starting: what is sent to it stays queued (cancellable)."""

    def submit(self, *args: object) -> Future:
        return Future()


def test_this_process_takes_the_first_chunk_no_worker_has_taken(monkeypatch: pytest.MonkeyPatch):
    """Its chunks come due soon after it extracts them, so they are saved during the map, not
    all after it while the workers sit idle (from the back it took 7, 6, 5 ... 2)."""
    here: list[int] = []

    def extract_chunk(chunk: list[int]) -> list[int]:
        here.append(chunk[0])
        return [n * 10 for n in chunk]

    monkeypatch.setattr(api, "extract_chunk", extract_chunk)
    schedule = api.Schedule(StartingPool(), [[n] for n in range(8)], ahead=2)  # type: ignore[arg-type]
    assert schedule.results_of(0) == [0]
    assert here == [2, 3, 4, 5, 6, 7, 0]  # then the queued chunk it needs, taken back
    results = [result for i in range(1, 8) for result in schedule.results_of(i)]
    assert results == [n * 10 for n in range(1, 8)]
    assert here == [2, 3, 4, 5, 6, 7, 0, 1]


def test_only_a_pool_that_has_sent_a_chunk_back_is_asked_for_work_after_the_map(
    monkeypatch: pytest.MonkeyPatch,
):
    """Work sent to a worker still loading its model would wait for the load (seconds): the
    tracking update asks a pool for help only once a worker of it has sent a chunk back."""
    monkeypatch.setattr(api, "extract_chunk", lambda chunk: list(chunk))
    starting = StartingPool()
    schedule = api.Schedule(starting, [[n] for n in range(3)], ahead=2)  # type: ignore[arg-type]
    assert [result for i in range(3) for result in schedule.results_of(i)] == [0, 1, 2]
    monkeypatch.setattr(api, "_pools", {1: starting})
    assert api.idle_pool(1) is None  # every chunk was taken back and done here
    with ThreadPoolExecutor(max_workers=1) as pool:
        schedule = api.Schedule(pool, [[n] for n in range(8)], ahead=2)  # type: ignore[arg-type]
        assert [result for i in range(8) for result in schedule.results_of(i)] == list(range(8))
        monkeypatch.setattr(api, "_pools", {1: pool})
        assert api.idle_pool(1) is pool
    assert api.idle_pool(2) is None


def test_the_schedule_reports_a_dead_workers_chunks_and_does_the_rest_here(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setattr(api, "extract_chunk", lambda chunk: [f"ok {a.id}" for a in chunk])
    chunks = [[make_article(f"Talks in Doha on day {n}.")] for n in range(5)]
    schedule = api.Schedule(BrokenPool(), chunks, ahead=2)  # type: ignore[arg-type]
    results = [result for i in range(5) for result in schedule.results_of(i)]
    failed = [r for r in results if isinstance(r, api.ExtractionFailure)]
    assert len(failed) == 2 and all("ended abruptly" in f.reason for f in failed)
    assert results[2:] == [f"ok {chunk[0].id}" for chunk in chunks[2:]]
    assert schedule.broken


def test_example_article_has_the_sidecar_metadata():
    article = api.example_article()
    assert article.published == "2025-05-16"
    assert article.title and "Istanbul" in article.title
    assert article.text.startswith("The first direct peace talks")


# -- export -------------------------------------------------------------------------------------


@pytest.fixture
def filled(db: Accord) -> Accord:
    db.save_extraction(talks_extraction())
    return db


def test_event_rows_join_the_article(filled: Accord):
    rows = {row["id"].rsplit("-", 1)[-1]: row for row in filled.event_rows()}
    talks = rows["e1"]
    assert list(talks) == list(EVENT_COLUMNS)
    assert talks["article_title"] == "Russia and Ukraine agree prisoner swap"
    assert talks["outlet"] == "Example Wire"
    assert talks["sources"] == ["Russia", "Ukraine"]
    assert talks["source_countries"] == ["RUS", "UKR"]
    assert talks["source_sectors"] == ["GOV"]  # distinct values
    assert (talks["place"], talks["lat"], talks["date"]) == ("Istanbul", 41.01384, "2025-05-16")
    assert rows["e3"]["killed"] == 1 and rows["e3"]["attributed_to"] == "the regional governor"
    bound = rows["e2"]  # no date in its sentence: the publication date as a bound, no day
    assert (bound["date"], bound["date_precision"], bound["date_by"]) == (
        None,
        "reported",
        "2025-05-16",
    )
    assert [row["id"][-2:] for row in filled.event_rows(type="ASSAULT")] == ["e3"]


def test_export_jsonl_keeps_lists(filled: Accord, tmp_path: Path):
    path = tmp_path / "events.jsonl"
    assert filled.export(path) == 4
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows == list(filled.event_rows())


def test_export_json_is_one_array(filled: Accord, tmp_path: Path):
    path = tmp_path / "events.json"
    assert filled.export(path) == 4
    assert json.loads(path.read_text(encoding="utf-8")) == list(filled.event_rows())
    empty = tmp_path / "none.json"
    assert filled.export(empty, type="PROTEST") == 0
    assert json.loads(empty.read_text(encoding="utf-8")) == []


def test_export_csv_is_flat(filled: Accord, tmp_path: Path):
    path = tmp_path / "events.csv"
    assert filled.export(path) == 4
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == list(EVENT_COLUMNS)
        rows = {row["id"][-2:]: row for row in reader}
    assert rows["e1"]["sources"] == "Russia; Ukraine"
    assert rows["e1"]["lat"] == "41.01384"
    assert rows["e3"]["killed"] == "1"
    assert rows["e1"]["killed"] == ""
    assert rows["e2"]["prisoners"] == "1000"


def test_export_parquet_has_explicit_types(filled: Accord, tmp_path: Path):
    path = tmp_path / "events.parquet"
    assert filled.export(path) == 4
    table = pq.read_table(path)
    assert table.schema.names == list(EVENT_COLUMNS)
    assert table.schema.field("killed").type == pa.int64()
    assert table.schema.field("lat").type == pa.float64()
    assert table.schema.field("sources").type == pa.string()
    rows = {row["id"][-2:]: row for row in table.to_pylist()}
    assert rows["e1"]["sources"] == "Russia; Ukraine"
    assert rows["e3"]["killed"] == 1 and rows["e1"]["killed"] is None
    assert rows["e1"]["lon"] == 28.94966


def test_export_format_can_be_given_or_is_refused(filled: Accord, tmp_path: Path):
    path = tmp_path / "events.txt"
    with pytest.raises(ValueError, match="cannot tell the export format"):
        filled.export(path)
    assert not path.exists()
    assert filled.export(path, format="csv") == 4
    assert path.read_text(encoding="utf-8").startswith("id,article_id,")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
