"""Tracking commands (``accord clusters``, ``proposals``, ``timeline``, ``merge``, ``split``,
``track rebuild|update``, ``cluster-eval``): a thin click layer over ``accord.track``."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from accord import api, track
from accord.console import stdout
from accord.track.proposal_failures import failure_lines, failure_totals
from accord.track.summary import CanonicalEvent, Claim, CountRange


def open_db(ctx: click.Context) -> api.Accord:
    """The database of ``--db``, opened as every command opens it (``--lock-timeout`` too)."""
    from accord.cli import open_db as open_main_db  # accord.cli imports this module

    return open_main_db(ctx)


@click.group(name="track")
def track_group() -> None:
    """Keep canonical events and proposals up to date (run after ingest)."""


@track_group.command()
@click.pass_context
def update(ctx: click.Context) -> None:
    """Track the events stored since the last run (only the blocks they touch)."""
    report = track.update_if_pending(open_db(ctx))
    click.echo("tracking is up to date" if report is None else report_line(report))


@track_group.command()
@click.pass_context
def rebuild(ctx: click.Context) -> None:
    """Recompute all tracking from the stored events (manual merges and splits are kept)."""
    click.echo(report_line(track.rebuild(open_db(ctx))))


def report_line(report: track.TrackReport) -> str:
    return (
        f"tracked {report.events} new events, {report.links} links, "
        f"{report.regrouped} regrouped; {report.clusters} canonical events"
    )


@click.command()
@click.option(
    "--min-sources",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Only canonical events reported by at least this many articles.",
)
@click.option("--type", "type_", help="PLOVER event type.")
@click.option("--actor", help="Actor id, country code, or part of a name.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many.")
@click.pass_context
def clusters(
    ctx: click.Context, min_sources: int, type_: str | None, actor: str | None, limit: int | None
) -> None:
    """List canonical events: sources, outlets, counts (low/best/high) and conflicts."""
    found = track.canonical_events(
        open_db(ctx), min_articles=min_sources, type=type_, actor=actor, limit=limit
    )
    table = Table("id", "date", "type", "actors", "sources", "outlets", "counts", "conflicts")
    table.columns[0].no_wrap = True
    for event in found:
        table.add_row(
            event.id,
            event.date or "",
            f"{event.type}/{event.mode}" if event.mode else event.type,
            actors_text(event),
            str(event.articles),
            str(len(event.outlets)),
            "; ".join(range_text(count) for count in event.counts),
            "; ".join(conflict_text(count) for count in event.conflicts),
        )
    stdout().print(table)


def actors_text(event: CanonicalEvent) -> str:
    whom = f" -> {', '.join(event.targets)}" if event.targets else ""
    return f"{', '.join(event.sources) or '?'}{whom}"


def range_text(count: CountRange) -> str:
    return f"{count.kind} {count.low}/{count.best}/{count.high}"


def conflict_text(count: CountRange) -> str:
    """Each report's figure once (the highest it states, as the range counts it)."""
    per_report: dict[str, Claim] = {}
    for claim in count.claims:
        kept = per_report.get(claim.article_id)
        if kept is None or claim.value > kept.value:
            per_report[claim.article_id] = claim
    claims = ", ".join(
        f"{claim.outlet or claim.article_id}: {claim.qualifier + ' ' if claim.qualifier else ''}"
        f"{claim.value}"
        for claim in per_report.values()
    )
    return f"{count.kind}: {claims}"


@click.command()
@click.argument("first")
@click.argument("second")
@click.option("--note", help="Why (kept with the decision).")
@click.pass_context
def merge(ctx: click.Context, first: str, second: str, note: str | None) -> None:
    """Join two canonical events (ids, or ids of events in them); kept across rebuilds."""
    merged = track.merge(open_db(ctx), first, second, note)
    click.echo(f"merged into {merged}")


@click.command()
@click.argument("cluster")
@click.argument("event_id")
@click.option("--note", help="Why (kept with the decision).")
@click.pass_context
def split(ctx: click.Context, cluster: str, event_id: str, note: str | None) -> None:
    """Take EVENT_ID out of canonical event CLUSTER; kept across rebuilds."""
    moved = track.split(open_db(ctx), cluster, event_id, note)
    click.echo(f"{event_id} is now in {moved}")


@click.command()
@click.option("--status", help="Current status: proposed, accepted, declined, agreed, ...")
@click.option("--actor", help="Participant country code, or part of an actor's name.")
@click.pass_context
def proposals(ctx: click.Context, status: str | None, actor: str | None) -> None:
    """List proposals and agreements with their current status."""
    table = Table("id", "subject", "proposer", "status", "since", "steps")
    table.columns[0].no_wrap = True
    for item in track.proposals(open_db(ctx), status=status, actor=actor):
        last = item.steps[-1] if item.steps else None
        table.add_row(
            item.id,
            item.title,
            ", ".join(item.proposer),
            last.text() if last else item.status,
            last.date or "" if last else "",
            " > ".join(step.status for step in item.steps),
        )
    stdout().print(table)


@click.command()
@click.option("--actor", help="Actor id, country code, or part of a name.")
@click.option("--pair", nargs=2, help="Two actors: what involves both.")
@click.option("--proposal", "proposal_id", help="One proposal's status history.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True)
@click.pass_context
def timeline(
    ctx: click.Context,
    actor: str | None,
    pair: tuple[str, str] | None,
    proposal_id: str | None,
    min_sources: int,
) -> None:
    """What happened day by day: canonical events and proposal steps."""
    entries = track.timeline(
        open_db(ctx),
        actor=actor,
        pair=pair or None,
        proposal_id=proposal_id,
        min_articles=min_sources,
    )
    day = None
    for entry in entries:
        if entry.date != day:
            day = entry.date
            click.echo(day)
        sources = f" [{entry.articles} sources]" if entry.articles > 1 else ""
        click.echo(f"  {entry.id}  {entry.text}{sources}")


@click.command(name="cluster-eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--proposals",
    "proposals_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Expected proposal histories (expected_proposals.json) to check as well.",
)
@click.option("--totals", is_flag=True, help="Totals only: no line per event, no misses.")
@click.pass_context
def cluster_eval(ctx: click.Context, gold: Path, proposals_path: Path | None, totals: bool) -> None:
    """Score the canonical events against a golden grouping: pairwise precision, recall and F1,
    splits and wrong merges per event, count ranges and proposal histories."""
    report = track.evaluate_tracking(open_db(ctx), gold, proposals_path)
    score = report.pairwise
    click.echo(
        f"pairwise precision {score.precision:.3f}  recall {score.recall:.3f}  "
        f"F1 {score.f1:.3f}  ({score.true_pairs} of {score.predicted_pairs} predicted pairs, "
        f"{score.gold_pairs} golden pairs, {score.found} items found)"
    )
    if not totals:
        for line in event_lines(report):
            click.echo(line)
    for line in total_lines(report):
        click.echo(line)
    if not totals:
        for file, substring, type_ in score.missing:
            click.echo(f"not extracted: {file}: {type_ or ''} {substring!r}", err=True)


def event_lines(report: track.TrackingReport) -> list[str]:
    lines = []
    for event in report.events:
        if not event.found:
            continue
        outcome = "held" if event.held else f"split in {event.pieces}"
        if event.merged_with:
            outcome += "; merged with " + "; ".join(event.merged_with)
        lines.append(
            f"  {event.found}/{event.members} found, {event.outlets} outlets: {outcome}"
            f"  [{event.name}]"
        )
    for count in report.counts:
        shown = "/".join(map(str, count.shown)) if count.shown else "none"
        mark = "right" if count.right else "WRONG"
        want = "/".join(map(str, count.expected))
        lines.append(f"  {count.kind} {shown} (expected {want}) {mark}  [{count.event}]")
    for item in report.proposals:
        if not item.checked:
            continue
        mark = "right" if item.right else "WRONG"
        lines.append(f"  proposal {mark} in {item.proposals} proposal(s)  [{item.name}]")
        lines.append("    expected: " + steps_text(item.expected))
        lines.append("    shown:    " + steps_text(item.shown))
    return lines


def steps_text(steps: tuple[track.StepOutcome, ...]) -> str:
    return " > ".join(f"{step.status} {step.date or '?'}" for step in steps) or "-"


def total_lines(report: track.TrackingReport) -> list[str]:
    lines = [
        f"events: {sum(e.found > 0 for e in report.events)} with found members, "
        f"{report.split} split, {report.wrong_merges} wrong merges; multi-outlet events held "
        f"in one canonical event {report.multi_outlet_held} of {report.multi_outlet}"
    ]
    if report.counts:
        right, checked = report.count_events
        lines.append(f"count ranges right: {right} of {checked} events")
    if report.proposals:
        right, checked = report.proposal_histories
        lines.append(f"proposal histories right: {right} of {checked}")
        lines.extend(failure_lines(failure_totals(report.proposals)))
    return lines


def register(main: click.Group) -> None:
    """Add the tracking commands to the ``accord`` command group."""
    for command in (track_group, clusters, merge, split, proposals, timeline, cluster_eval):
        main.add_command(command)
