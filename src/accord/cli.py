"""The ``accord`` command: a thin click layer over ``accord.api`` (no SQL, no NLP here)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from accord import api
from accord import export as exports
from accord.console import stderr, stdout
from accord.display import highlight_spans
from accord.errors import AccordError
from accord.models import ActorRef, Event, Quote, to_dict
from accord.store import ActorSummary
from accord.store.database import DEFAULT_LOCK_TIMEOUT, safe_location
from accord.store.postgres import is_postgres_url

OUTPUT_FORMATS = click.Choice(["table", "json", "csv"])
EXPORT_FORMATS = click.Choice(list(exports.FORMATS))
EXIT_INTERRUPTED = 130
LOCK_TIMEOUT = "accord.lock_timeout"  # key in ctx.meta (shared by every command's context)
SPAN_STYLES = {
    "trigger": "bold reverse",
    "source": "bold cyan",
    "target": "bold magenta",
    "date": "bold green",
    "place": "bold yellow",
}


class AccordGroup(click.Group):
    """Show accord's own errors (and bad filter values) as one line, not a traceback; say
    what a Ctrl-C outside an ingest run left (every write is one transaction: nothing)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (AccordError, ValueError) as error:
            raise click.ClickException(str(error)) from error
        except (KeyboardInterrupt, click.Abort):
            click.echo("interrupted: nothing was stored by this command", err=True)
            ctx.exit(EXIT_INTERRUPTED)


class StoreLocation(click.ParamType):
    """A SQLite file path, or a ``postgresql://`` URL kept as written (a Path would fold its
    ``//``)."""

    name = "PATH|URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Path) or is_postgres_url(value):
            return value
        return click.Path(dir_okay=False, path_type=Path).convert(value, param, ctx)


STORE = StoreLocation()


@click.group(cls=AccordGroup)
@click.option(
    "--db",
    "db_path",
    type=STORE,
    default="accord.db",
    envvar="ACCORD_DB",
    show_default=True,
    help="The accord database: a SQLite file, or postgresql://user@host/name (env ACCORD_DB).",
)
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_LOCK_TIMEOUT,
    envvar="ACCORD_LOCK_TIMEOUT",
    show_default=True,
    help="Seconds to wait while another process writes to the database (env ACCORD_LOCK_TIMEOUT).",
)
@click.version_option(package_name="accord")
@click.pass_context
def main(ctx: click.Context, db_path: Path | str, lock_timeout: float) -> None:
    """accord: news about diplomacy and conflict in, a sourced event record out."""
    ctx.obj = db_path
    ctx.meta[LOCK_TIMEOUT] = lock_timeout


def open_db(ctx: click.Context) -> api.Accord:
    """Open the database named by ``--db``; it is closed when the command ends."""
    timeout = ctx.meta.get(LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT)
    return ctx.with_resource(api.open(ctx.find_root().obj, timeout=timeout))


# -- ingest ------------------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes for the NLP step: this one and N-1 workers (with --engine dask: workers "
    "of the local cluster).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the NLP runs: this machine's processes, or a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler (tcp://host:8786); without one, a local cluster on 127.0.0.1.",
)
@click.pass_context
def ingest(
    ctx: click.Context, paths: tuple[str, ...], jobs: int, engine: str, scheduler: str | None
) -> None:
    """Read articles from files, folders, JSON/JSONL, page or feed URLs and .urls lists, and
    store what they report.

    Texts already stored are skipped; failures are listed and the rest goes on (exit code 1).
    """
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    db = open_db(ctx)
    try:
        with progress_bar() as progress:
            report = db.ingest(
                list(paths), jobs=jobs, progress=progress, engine=engine, scheduler=scheduler
            )
    except api.IngestInterrupted as interrupted:
        print_report(interrupted.report)
        click.echo(interrupted_message(interrupted), err=True)
        ctx.exit(EXIT_INTERRUPTED)
    except api.IngestStopped as stopped:
        print_report(stopped.report)
        raise click.ClickException(str(stopped)) from stopped
    print_report(report)
    ctx.exit(0 if report.ok else 1)


DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(ctx: click.Context, param: click.Parameter, value: str) -> float:
    """``90``, ``90s``, ``10m``, ``2h``, ``1d`` in seconds (at least one second)."""
    text = value.strip().lower()
    unit = DURATION_UNITS.get(text[-1:])
    number = text[:-1] if unit else text
    try:
        seconds = float(number) * (unit or 1)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a duration like 90s, 10m or 2h") from None
    if seconds < 1:
        raise click.BadParameter(f"{value!r} is less than a second")
    return seconds


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option(
    "--every",
    default="10m",
    show_default=True,
    callback=parse_duration,
    help="Time between polls: 90s, 10m, 2h.",
)
@click.option("--rounds", type=click.IntRange(min=1), help="Stop after this many polls.")
@click.pass_context
def watch(ctx: click.Context, feeds: tuple[str, ...], every: float, rounds: int | None) -> None:
    """Poll RSS/Atom FEEDS and store their new articles (Ctrl-C stops; what was stored stays).

    Each poll asks with the feed's ETag/Last-Modified (an unchanged feed costs a 304), fetches
    only entries whose URL is not stored, and takes each entry's title and date from the
    feed. Only public addresses are fetched (set ACCORD_ALLOW_PRIVATE_HOSTS=1 to allow others,
    e.g. a test server on 127.0.0.1).
    """
    db = open_db(ctx)

    def show(number: int, reports: list[api.PollReport]) -> None:
        for poll in reports:
            for source, reason in poll.report.failed:
                click.echo(f"error: {source}: {reason}", err=True)
            for source, message in poll.report.warnings:
                click.echo(f"warning: {source}: {message}", err=True)
            line = summary_line(poll.report) if poll.status == "ok" else poll.status
            click.echo(f"poll {number + 1}: {poll.feed}: {line}")

    try:
        db.watch(list(feeds), every=every, rounds=rounds, on_round=show)
    except KeyboardInterrupt:
        click.echo("stopped: the articles stored so far are kept", err=True)
        ctx.exit(EXIT_INTERRUPTED)


@contextmanager
def progress_bar() -> Iterator[api.Progress | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    console = stderr()
    if not console.is_terminal:
        yield None
        return
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("extracting", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def print_report(report: api.IngestReport) -> None:
    """Each failure as ``error: SOURCE: REASON`` and each warning as ``warning: SOURCE:
    MESSAGE`` on stderr, then the summary line."""
    for source, reason in report.failed:
        click.echo(f"error: {source}: {reason}", err=True)
    for source, message in report.warnings:
        click.echo(f"warning: {source}: {message}", err=True)
    click.echo(summary_line(report))


def interrupted_message(interrupted: api.IngestInterrupted) -> str:
    """What Ctrl-C left: the saved articles stay, and what to run to finish."""
    if interrupted.tracking:
        return (
            "interrupted while tracking: every article above is stored; canonical events and "
            "proposals are finished by the next ingest or `accord track update`"
        )
    return (
        "interrupted: the articles counted above are stored; run the same command to finish "
        "(stored texts are skipped)"
    )


def summary_line(report: api.IngestReport) -> str:
    return (
        f"added {report.added}, unchanged {report.unchanged}, replaced {report.replaced}, "
        f"failed {len(report.failed)}; events {report.events}, quotes {report.quotes}"
    )


# -- queries -----------------------------------------------------------------------------------


@main.command()
@click.option("--type", "type_", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--actor", help="Actor id, or part of a name, on either side.")
@click.option("--country", help="Actor or place country (ISO alpha-3 or name).")
@click.option("--since", help="Events dated on or after (YYYY[-MM[-DD]]).")
@click.option("--until", help="Events dated on or before (YYYY[-MM[-DD]]).")
@click.option("--place", help="Part of a place name.")
@click.option("--modality", help="asserted, agreed, proposed, rejected, future, ...")
@click.option("--search", "q", help="Words in the event's sentence.")
@click.option("--article", help="Article id.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
@click.option("--format", "output", type=OUTPUT_FORMATS, default="table", show_default=True)
@click.pass_context
def events(ctx: click.Context, type_: str | None, output: str, **filters: Any) -> None:
    """List events, filtered."""
    db = open_db(ctx)
    filters["type"] = type_
    if output == "csv":
        rows = (exports.flat(row) for row in db.event_rows(**filters))
        exports.write_csv(rows, sys.stdout, list(exports.EVENT_COLUMNS))
        return
    found = db.events(**filters)
    if output == "json":
        echo_json([to_dict(event) for event in found])
    else:
        stdout().print(events_table(found))


@main.command()
@click.option("--speaker", help="Speaker actor id, or part of the speaker's name.")
@click.option("--search", "q", help="Words in the quote.")
@click.option("--article", help="Article id.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many quotes.")
@click.option("--format", "output", type=OUTPUT_FORMATS, default="table", show_default=True)
@click.pass_context
def quotes(ctx: click.Context, output: str, **filters: Any) -> None:
    """List quotes, filtered."""
    found = open_db(ctx).quotes(**filters)
    if output == "json":
        echo_json([to_dict(quote) for quote in found])
    elif output == "csv":
        rows = (exports.quote_row(quote) for quote in found)
        exports.write_csv(rows, sys.stdout, list(exports.QUOTE_COLUMNS))
    else:
        stdout().print(quotes_table(found))


@main.command()
@click.option("--country", help="ISO alpha-3 code or country name.")
@click.option("--sector", help="GOV, MIL, REB, OPP, CVL, IGO, NGO, MED, BUS, ...")
@click.option("--search", "q", help="Id, or part of a name, alias or role.")
@click.option("--article", help="Actors this article mentions.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many actors.")
@click.option("--format", "output", type=OUTPUT_FORMATS, default="table", show_default=True)
@click.pass_context
def actors(ctx: click.Context, output: str, **filters: Any) -> None:
    """List canonical actors with their event and quote counts."""
    found = open_db(ctx).actors(**filters)
    if output == "json":
        echo_json([exports.actor_row(summary) for summary in found])
    elif output == "csv":
        rows = (exports.flat(exports.actor_row(summary)) for summary in found)
        exports.write_csv(rows, sys.stdout, list(exports.ACTOR_COLUMNS))
    else:
        stdout().print(actors_table(found))


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def names(refs: tuple[ActorRef, ...]) -> str:
    """Actor names; one the text does not name (e.g. a place's country) is marked inferred."""
    return ", ".join(f"{ref.name} (inferred)" if ref.inferred else ref.name for ref in refs)


def events_table(found: list[Event]) -> Table:
    table = Table("id", "date", "type", "modality")
    for name in ("source", "target"):
        table.add_column(name, min_width=14, max_width=28)
    table.add_column("place", min_width=10, max_width=16)
    table.add_column("evidence", max_width=48, no_wrap=True, overflow="ellipsis")
    for column in table.columns[:4]:
        column.no_wrap = True  # the id is what ``accord show`` takes: never cut
    for event in found:
        table.add_row(
            event.id,
            event.date.shown() if event.date else "",
            f"{event.type}/{event.mode}" if event.mode else event.type,
            event.modality,
            names(event.sources),
            names(event.targets),
            event.place.name if event.place else "",
            trigger_window(event),
        )
    return table


def trigger_window(event: Event, width: int = 70) -> str:
    """The words around the trigger, so a table row shows why the event was coded."""
    evidence = event.evidence
    sentence = evidence.sentence
    at = max(0, evidence.start - evidence.sentence_start)
    start = max(0, at - width // 3)
    snippet = sentence[start : start + width]
    return ("…" if start else "") + snippet + ("…" if start + width < len(sentence) else "")


def quotes_table(found: list[Quote]) -> Table:
    table = Table("speaker", "kind", expand=True)
    table.add_column("text", ratio=1, min_width=30)
    for quote in found:
        table.add_row(exports.speaker_name(quote) or "", quote.kind, quote.text)
    return table


def actors_table(found: list[ActorSummary]) -> Table:
    table = Table("name", "kind", "country", "sector", "role", "events", "quotes")
    for summary in found:
        actor = summary.actor
        table.add_row(
            actor.name,
            actor.kind,
            actor.country or "",
            actor.sector or "",
            actor.role or "",
            str(summary.events),
            str(summary.quotes),
        )
    return table


# -- show --------------------------------------------------------------------------------------


@main.command()
@click.argument("event_id")
@click.pass_context
def show(ctx: click.Context, event_id: str) -> None:
    """One event: its fields, the sentence that says it (spans highlighted), its article."""
    db = open_db(ctx)
    event = db.event(event_id)
    article = db.article(event.article_id)
    console = stdout()
    console.print(Text(f"{event.id}  {event.type}", style="bold"), event.mode or "", event.modality)
    fields = Table.grid(padding=(0, 2))
    for label, value in event_fields(event):
        fields.add_row(Text(label, style="dim"), value)
    console.print(fields)
    console.print()
    console.print(highlighted_sentence(event), soft_wrap=True)
    console.print(legend())
    console.print()
    console.print(Text.assemble(("article ", "dim"), (article.title or article.id, "bold")))
    for label, value in (
        ("outlet", article.outlet),
        ("published", article.published),
        ("url", article.url),
        ("id", article.id),
    ):
        if value:
            console.print(Text.assemble((f"{label} ", "dim"), value), soft_wrap=True)


def event_fields(event: Event) -> list[tuple[str, str]]:
    """The event's fields worth a line each, as (label, value)."""
    fields = [("sources", names(event.sources) or "-"), ("targets", names(event.targets) or "-")]
    if event.date:
        date = event.date
        shown = date.shown()
        words = f'; "{date.text}"' if date.text and date.text != shown else ""
        fields.append(("date", f"{shown} ({date.precision or 'unresolved'}{words})"))
    if event.place:
        place = event.place
        where = ", ".join(part for part in (place.name, place.country) if part)
        if place.lat is not None and place.lon is not None:
            where += f" ({place.lat:.3f}, {place.lon:.3f})"
        fields.append(("place", f"{where} [{place.precision or '?'}]"))
    counts = [
        f"{kind} {value}" for kind, value in to_dict(event.counts).items() if value is not None
    ]
    if counts:
        fields.append(("counts", ", ".join(counts)))
    if event.contexts:
        fields.append(("contexts", ", ".join(event.contexts)))
    if event.attributed_to:
        fields.append(("according to", event.attributed_to))
    fields.append(("trigger", event.trigger))
    evidence = event.evidence
    fields.append(("why", f"{evidence.why} (confidence {evidence.confidence:.2f})"))
    return fields


def highlighted_sentence(event: Event) -> Text:
    """The evidence sentence with the trigger, actors, date and place styled."""
    sentence = Text(event.evidence.sentence)
    for start, end, kind in highlight_spans(event):
        sentence.stylize(SPAN_STYLES[kind], start, end)
    return sentence


def legend() -> Text:
    parts = [Text(kind, style=style) for kind, style in SPAN_STYLES.items()]
    return Text("  ").join(parts)


# -- export and demo ---------------------------------------------------------------------------


@main.command(name="export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "format_", type=EXPORT_FORMATS, help="Default: from the file extension.")
@click.pass_context
def export_command(ctx: click.Context, path: Path, format_: str | None) -> None:
    """Write every event, one row each, to PATH (JSON Lines, JSON, CSV or Parquet)."""
    count = open_db(ctx).export(path, format=format_)
    click.echo(f"wrote {count} events to {path}")


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--misses", is_flag=True, help="List what was missed (sentence, expected, got).")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True)
def eval_command(gold: tuple[Path, ...], as_json: bool, misses: bool, jobs: int) -> None:
    """Score the pipeline against gold data: a PLOVER gold-standard JSONL file, or golden
    articles (``*.expected.json`` files, or folders of them)."""
    from accord import evaluate, evaluate_coverage, evaluate_notes, plover_gold
    from accord.resolve.actors import load_dictionary

    jsonl_files = [path for path in gold if path.suffix == ".jsonl"]
    notes_files = [path for path in jsonl_files if evaluate_notes.is_notes_file(path)]
    gsr_files = [path for path in jsonl_files if path not in notes_files]
    article_paths = [path for path in gold if path.suffix != ".jsonl"]
    output: dict[str, Any] = {}
    for path in gsr_files:
        report = plover_gold.run_gsr(path, jobs=jobs)
        output[str(path)] = report.to_dict()
        if not as_json:
            click.echo(plover_gold.format_report(report, misses=misses))
    if notes_files:
        notes = evaluate_notes.score_notes(notes_files)
        output["notes"] = notes.to_dict()
        if not as_json:
            click.echo(evaluate_notes.format_notes_report(notes, misses=misses))
    if article_paths:
        readings, extractions = evaluate.extract_corpus(article_paths)
        by_alias = load_dictionary().by_alias
        scores = evaluate.score_readings(readings, extractions, by_alias)
        figures = evaluate.corpus_figures(scores)
        output["articles"] = {name: {"right": r, "checked": c} for name, (r, c) in figures.items()}
        coverage = evaluate_coverage.corpus_coverage(readings, extractions)
        output["coverage"] = coverage.to_dict()
        if not as_json:
            click.echo(evaluate.format_corpus_report(scores, misses=misses))
            click.echo("\n" + evaluate_coverage.format_coverage(coverage, misses=misses))
    if as_json:
        click.echo(json.dumps(output, indent=2, default=str))


@main.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Ingest the bundled example article and show what accord made of it."""
    db = open_db(ctx)
    article = api.example_article()
    report = db.ingest_article(article)
    print_report(report)
    if not report.ok:
        ctx.exit(1)
    found_events = db.events(article=article.id)
    found_quotes = db.quotes(article=article.id)
    found_actors = db.actors(article=article.id)
    console = stdout()
    console.print()
    console.print(Text(article.title or article.id, style="bold"), f"({article.published})")
    console.print(
        f"{len(found_events)} events, {len(found_quotes)} quotes, {len(found_actors)} actors "
        f"stored in {safe_location(ctx.find_root().obj)}"
    )
    print_section(console, "Events", events_table(found_events) if found_events else None)
    quote_lines = [quote_line(quote) for quote in found_quotes]
    print_section(console, "Quotes", Text("\n").join(quote_lines) if quote_lines else None)
    print_section(console, "Actors", actors_table(found_actors) if found_actors else None)


def print_section(console: Console, title: str, body: Table | Text | None) -> None:
    console.print()
    console.print(Text(title, style="bold underline"))
    console.print(body if body is not None else Text("(none)", style="dim"))


def quote_line(quote: Quote) -> Text:
    """``speaker: text``."""
    speaker = exports.speaker_name(quote) or "unknown"
    return Text.assemble((f"{speaker}: ", "bold"), quote.text)


# -- serve -------------------------------------------------------------------------------------


def ingest_token_option(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """The ingest token, refused before the server starts when too short to resist guessing."""
    from accord.serve.ingest import check_ingest_token

    try:
        return check_ingest_token(value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from error


@main.command()
@click.argument("source", type=STORE)
@click.argument("destination", type=STORE)
@click.pass_context
def copy(ctx: click.Context, source: Path | str, destination: Path | str) -> None:
    """Copy the store SOURCE into the empty store DESTINATION, row for row (SQLite files and
    postgresql:// URLs, either way round)."""
    from accord.store.copy import copy_store

    timeout = ctx.meta.get(LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT)
    with api.open(source, timeout=timeout) as read, api.open(destination, timeout=timeout) as out:
        report = copy_store(read, out)
    click.echo(
        f"copied {report.total} rows ({report.rows['articles']} articles, "
        f"{report.rows['events']} events, {report.rows['canonical_events']} canonical events, "
        f"{report.rows['proposals']} proposals) from {safe_location(source)} "
        f"to {safe_location(destination)}"
    )


@main.command()
@click.argument("database", type=STORE)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option(
    "--ingest-token",
    envvar="ACCORD_INGEST_TOKEN",
    callback=ingest_token_option,
    help="Turns on POST /api/articles for requests bearing it (env ACCORD_INGEST_TOKEN; "
    "at least 16 characters).",
)
@click.pass_context
def serve(
    ctx: click.Context, database: Path | str, host: str, port: int, ingest_token: str | None
) -> None:
    """Serve DATABASE: the HTTP API (/api, /docs) and the web UI (/), on loopback by default.

    Page cursors are signed with ACCORD_CURSOR_KEY (at least 16 characters) when it is set,
    else with a random key: set it for cursors that outlive a restart."""
    import uvicorn

    from accord.serve import create_app

    click.echo(f"accord: serving {safe_location(database)} at http://{host}:{port}/", err=True)
    timeout = ctx.meta.get(LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT)
    app = create_app(database, ingest_token=ingest_token, lock_timeout=timeout)
    uvicorn.run(app, host=host, port=port)


from accord.track import cli as track_cli  # noqa: E402  (tracking commands)

track_cli.register(main)

if __name__ == "__main__":  # pragma: no cover
    main()
