"""The web UI in headless Chromium against a real ``accord serve`` process.

Needs Debian's chromium at /usr/bin/chromium (``scripts/ensure_chromium.sh`` installs it);
skipped when it is missing. Screenshots of each view go to ``test-output/screenshots/``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import accord
from serving import build_corpus_db, hostile_article, running_server

CHROMIUM = Path("/usr/bin/chromium")
TRACKING = Path(__file__).parent / "corpus_tracking"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
LAPTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium: run scripts/ensure_chromium.sh"
)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_corpus_db(tmp_path_factory.mktemp("serve-browser") / "corpus.db")
    with accord.open(path) as db:
        assert db.ingest_article(hostile_article()).added == 1
    return path


@pytest.fixture(scope="module")
def hostile_event_id(db_path: Path) -> str:
    with accord.open(db_path) as db:
        events = db.events(article=hostile_article().id)
    return next(event.id for event in events if "<script>" in event.evidence.sentence)


@pytest.fixture(scope="module")
def base_url(db_path: Path) -> Iterator[str]:
    with running_server(db_path) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


class Watch:
    """What a page did that it must not: dialogs (a script ran), page errors, CSP reports."""

    def __init__(self, page) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self.on_dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self.on_console)

    def on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def assert_clean(self) -> None:
        assert self.dialogs == []
        assert self.errors == []


@pytest.fixture
def page(browser, base_url: str):
    context = browser.new_context(viewport=LAPTOP, base_url=base_url)
    opened = context.new_page()
    opened.watch = Watch(opened)
    yield opened
    context.close()


def open_ui(page, path: str = "/") -> None:
    page.goto(path)
    page.wait_for_selector("body[data-ready]")
    page.wait_for_selector("body:not([data-busy])")


def shot(page, name: str, selector: str | None = None) -> None:
    target = page.locator(selector) if selector else page
    target.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def table_dates(page) -> list[str]:
    """The first day of each row's date (the cell shows it at its precision, "May 2025")."""
    cells = page.locator("#event-table tbody tr.row td[data-label=Date]")
    return [cells.nth(index).get_attribute("data-date") for index in range(cells.count())]


def test_every_view_draws_the_corpus(page):
    open_ui(page)
    assert page.locator("#timeline-chart .bar").count() > 3
    assert page.locator("#timeline-legend li").count() > 3
    assert page.locator("#network-chart .node").count() > 5
    assert page.locator("#network-chart .edge.conflict").count() > 0
    assert page.locator("#network-chart .edge.cooperation").count() > 0
    assert page.locator("#map-chart path.land").count() == 1
    assert page.locator("#map-chart .marker").count() > 3
    assert page.locator("#event-table tbody tr.row").count() == 50
    page.locator("#more").click()
    page.wait_for_function("() => document.querySelectorAll('#event-table tr.row').length > 50")
    total = re.search(r"of (\d+) real events", page.locator("#table-note").inner_text())
    assert total and page.locator("#event-table tr.row").count() == int(total.group(1))
    assert "events" in page.locator("#summary").inner_text()
    for view in ("timeline", "network", "map", "events"):
        shot(page, f"laptop-{view}", f"#{view}")
    page.screenshot(path=str(SCREENSHOTS / "laptop-page.png"), full_page=True)
    page.watch.assert_clean()


def test_timeline_bar_filters_the_views_and_leads_to_evidence(page):
    open_ui(page)
    bar = page.locator("#timeline-chart .bar").last
    start, end = bar.get_attribute("data-start"), bar.get_attribute("data-end")
    bar.click()
    page.wait_for_function("() => document.querySelector('#filters [name=since]').value !== ''")
    page.wait_for_selector("body:not([data-busy])")
    assert page.locator("#filters [name=since]").input_value() == start
    assert page.locator("#filters [name=until]").input_value() == end
    dates = table_dates(page)
    assert dates and all(start <= day <= end for day in dates)
    assert page.locator("#timeline-chart .brush").count() == 1
    page.locator("#event-table tbody tr.row").first.click()
    page.locator("#event-table tr.reports button[data-event]").first.click()
    sentence = page.locator("#detail:not([hidden]) .sentence-box")
    sentence.wait_for()
    assert page.locator("#detail .sentence-box mark.trigger").count() == 1
    assert page.locator("#detail .article-title").inner_text()
    shot(page, "laptop-timeline-selected", "#timeline")
    shot(page, "laptop-evidence")
    page.watch.assert_clean()


def test_dragging_on_the_timeline_selects_a_date_range(page):
    open_ui(page)
    chart = page.locator("#timeline-chart").bounding_box()
    y = chart["y"] + chart["height"] / 2
    page.mouse.move(chart["x"] + chart["width"] * 0.35, y)
    page.mouse.down()
    page.mouse.move(chart["x"] + chart["width"] * 0.6, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.querySelector('#filters [name=until]').value !== ''")
    page.wait_for_selector("body:not([data-busy])")
    since = page.locator("#filters [name=since]").input_value()
    until = page.locator("#filters [name=until]").input_value()
    assert since < until
    assert all(since <= day <= until for day in table_dates(page))
    page.locator("#all-dates").click()
    page.wait_for_function("() => document.querySelector('#filters [name=since]').value === ''")
    page.watch.assert_clean()


def test_clicking_an_actor_shows_its_events_and_quotes(page):
    open_ui(page)
    page.locator('#network-chart .node[data-actor="ukr"]').click()
    page.locator("#detail:not([hidden]) .actor-title").wait_for()
    assert page.locator("#detail .actor-title").inner_text() == "Ukraine"
    assert page.locator("#detail .actor-events li").count() > 0
    shot(page, "laptop-actor")
    page.locator("#detail .actor-events li button").first.click()
    page.locator("#detail .sentence-box").wait_for()
    page.watch.assert_clean()


def test_clicking_a_place_lists_its_events(page):
    open_ui(page)
    page.locator('#map-chart .marker[data-place="Tbilisi"]').click()
    page.locator("#detail:not([hidden]) .list li").first.wait_for()
    assert "Tbilisi" in page.locator("#detail h2").inner_text()
    page.watch.assert_clean()


def test_filters_narrow_the_table(page):
    open_ui(page)
    page.select_option("#filters [name=type]", "PROTEST")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_function("() => document.querySelectorAll('#event-table tbody tr').length < 10")
    types = page.locator("#event-table tbody td[data-label=Type]").all_inner_texts()
    assert types and all(text.startswith("PROTEST") for text in types)
    page.fill("#filters [name=since]", "May 2025")
    page.locator("#filters button[type=submit]").click()
    assert page.locator("#filters [name=since]").evaluate("input => input.matches(':invalid')")
    assert page.locator("#event-table tbody tr").count() == len(types)  # nothing was sent
    page.watch.assert_clean()


def test_hostile_article_shows_markup_as_text(page, hostile_event_id: str):
    open_ui(page, f"/#event={hostile_event_id}")
    sentence = page.locator("#detail:not([hidden]) .sentence-box")
    sentence.wait_for()
    assert "<script>alert(1)</script>" in sentence.inner_text()
    title = page.locator("#detail .article-title").inner_text()
    assert title == "<script>alert(1)</script> Kharkiv shelled"
    assert page.locator("#detail a.source-link").count() == 0  # javascript: URL is not a link
    page.locator("#detail button[data-article]").click()
    text = page.locator("#detail .article-text")
    text.wait_for()
    assert "<img src=x onerror=alert(1)>" in text.inner_text()
    shot(page, "laptop-hostile-article")
    assert page.locator("img").count() == 0
    assert page.evaluate("document.scripts.length") == 1
    page.keyboard.press("Escape")
    page.wait_for_selector("#detail", state="hidden")
    page.fill("#filters [name=q]", "Kharkiv")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#event-table td.sentence')]"
        ".some(cell => cell.textContent.includes('<script>alert(1)</script>'))"
    )
    page.wait_for_timeout(300)
    page.watch.assert_clean()


def test_phone_width_has_no_horizontal_overflow(browser, base_url: str, hostile_event_id: str):
    context = browser.new_context(viewport=PHONE, base_url=base_url, is_mobile=True)
    phone = context.new_page()
    watch = Watch(phone)
    try:
        open_ui(phone)
        overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert phone.evaluate(overflow) <= 0
        for view in ("timeline", "network", "map", "events"):
            box = phone.locator(f"#{view}").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
            shot(phone, f"phone-{view}", f"#{view}")
        phone.screenshot(path=str(SCREENSHOTS / "phone-top.png"))
        phone.goto(f"/#event={hostile_event_id}")
        phone.locator("#detail:not([hidden]) .sentence-box").wait_for()
        assert phone.evaluate(overflow) <= 0
        panel = phone.locator("#detail").bounding_box()
        assert panel["width"] <= PHONE["width"]
        shot(phone, "phone-evidence")
        watch.assert_clean()
    finally:
        context.close()


def test_docs_page_lists_the_endpoints(page):
    page.goto("/docs")
    page.wait_for_selector("body[data-ready]")
    assert page.locator(".endpoint").count() >= 10
    assert "GET /api/events" in page.locator(".endpoint h2").all_inner_texts()
    shot(page, "laptop-docs")
    page.watch.assert_clean()


# -- the analyst's workbench over the tracking corpus (issue 12) ---------------------------------


@pytest.fixture(scope="module")
def tracking_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the tracking corpus: events that several outlets report, and proposals."""
    path = tmp_path_factory.mktemp("serve-browser-tracking") / "tracking.db"
    with accord.open(path) as db:
        assert db.ingest(sorted(str(item) for item in TRACKING.glob("*.txt"))).ok
    with running_server(path) as url:
        yield url


@pytest.fixture
def bench(browser, tracking_url: str):
    context = browser.new_context(viewport=LAPTOP, base_url=tracking_url, accept_downloads=True)
    opened = context.new_page()
    opened.watch = Watch(opened)
    yield opened
    context.close()


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def row_types(page) -> list[str]:
    return page.locator("#event-table tr.row td[data-label=Type]").all_inner_texts()


def test_a_link_with_filters_opens_the_filtered_view(bench):
    open_ui(bench, "/?type=ASSAULT&country=UKR&sort=reports")
    assert bench.locator("#filters [name=type]").input_value() == "ASSAULT"
    assert bench.locator("#filters [name=country]").input_value() == "UKR"
    assert bench.locator("#sort").input_value() == "reports"
    types = row_types(bench)
    assert types and all(text.startswith("ASSAULT") for text in types)
    assert "real events" in bench.locator("#summary").inner_text()
    bench.watch.assert_clean()


def test_a_filter_goes_into_the_url_and_back_restores_the_view(bench):
    open_ui(bench)
    every = len(row_types(bench))
    bench.select_option("#filters [name=type]", "AGREE")
    bench.locator("#filters button[type=submit]").click()
    bench.wait_for_function("() => location.search.includes('type=AGREE')")
    bench.wait_for_selector("body:not([data-busy])")
    agreed = row_types(bench)
    assert agreed and all(text.startswith("AGREE") for text in agreed) and len(agreed) < every
    bench.locator("input[name=unit][value=events]").check()
    bench.wait_for_function("() => location.search.includes('unit=events')")
    bench.go_back()
    bench.wait_for_function("() => !location.search.includes('unit=events')")
    bench.wait_for_selector("body:not([data-busy])")
    assert bench.locator("#events-title").inner_text() == "Real events"
    bench.go_back()
    bench.wait_for_function("() => location.search === ''")
    bench.wait_for_selector("body:not([data-busy])")
    assert bench.locator("#filters [name=type]").input_value() == ""
    rows = "document.querySelectorAll('#event-table tr.row').length"
    bench.wait_for_function(f"() => {rows} === {every}")
    bench.go_forward()
    bench.wait_for_function("() => location.search.includes('type=AGREE')")
    assert bench.locator("#filters [name=type]").input_value() == "AGREE"
    bench.watch.assert_clean()


def test_a_canonical_event_shows_its_range_and_expands_to_its_reports(bench):
    open_ui(bench, "/?type=ASSAULT&sort=reports")
    row = bench.locator("#event-table tr.row").first
    figures = row.locator("td.figures").inner_text()
    found = re.match(r"(\d+)-(\d+) killed, .*?(\d+) reports, (\d+) outlets", figures)
    assert found, figures
    reports = int(found.group(3))
    row.focus()
    bench.keyboard.press("Enter")
    items = bench.locator("#event-table tr.reports li.report")
    items.first.wait_for()
    assert row.get_attribute("aria-expanded") == "true"
    assert items.count() >= reports  # a report can say it twice: each mention is listed
    outlets = set(items.locator(".outlet").all_inner_texts())
    assert len(outlets) == int(found.group(4))
    link = items.first.locator("a.source-link")
    assert link.get_attribute("href").startswith("https://")
    assert items.first.locator(".report-sentence").inner_text()
    assert "June 2025" in items.first.locator(".report-head").inner_text()
    shot(bench, "laptop-clusters-expanded", "#events")
    bench.locator("#event-table tr.reports button", has_text="Canonical event").click()
    bench.locator("#detail:not([hidden]) .cluster-title").wait_for()
    assert "open=cluster" in bench.url
    assert bench.locator("#detail .claims li").count() >= 1
    bench.go_back()
    bench.wait_for_selector("#detail", state="hidden")
    row.focus()
    bench.keyboard.press(" ")
    bench.wait_for_function("() => !document.querySelector('#event-table tr.reports')")
    bench.watch.assert_clean()


def test_names_in_the_table_open_the_actor_and_the_exact_id_filters(bench):
    open_ui(bench)
    bench.locator('#event-table tr.row button[data-actor="ukr"]').first.click()
    bench.locator("#detail:not([hidden]) .actor-title").wait_for()
    assert "open=actor%3Aukr" in bench.url or "open=actor:ukr" in bench.url
    assert bench.locator("#event-table tr.reports").count() == 0  # the row did not expand
    assert bench.locator("#detail .actor-events li").count() > 0
    bench.locator("#detail button", has_text="Filter all views by this actor").click()
    bench.wait_for_function("() => location.search.includes('actor_id=ukr')")
    bench.wait_for_selector("body:not([data-busy])")
    assert bench.locator("#filters [name=actor_id]").input_value() == "ukr"
    shot(bench, "laptop-actor-panel")
    bench.keyboard.press("Escape")
    bench.wait_for_selector("#detail", state="hidden")
    bench.watch.assert_clean()


def test_the_proposals_view_lists_each_step_with_its_evidence(bench):
    open_ui(bench)
    bench.locator("#tab-events").focus()
    bench.keyboard.press("ArrowRight")
    bench.wait_for_function("() => location.search.includes('tab=proposals')")
    bench.locator("#proposal-list li.proposal").first.wait_for()
    assert bench.locator("#overview").is_hidden()
    ceasefire = bench.locator("#proposal-list li.proposal", has_text="30-day ceasefire").first
    assert "declined" in ceasefire.locator(".badge.status").inner_text()
    steps = ceasefire.locator("ol.steps > li")
    statuses = [steps.nth(index).get_attribute("class") for index in range(steps.count())]
    assert [status.split()[1] for status in statuses][:3] == ["proposed", "considered", "accepted"]
    first = steps.first
    assert "Kellogg" in first.locator(".step-sentence").inner_text()
    assert first.locator(".step-source .outlet").inner_text()
    assert "9 June 2025" in first.locator(".step-head").inner_text()
    assert "parties" in ceasefire.locator("dl").inner_text()
    bench.screenshot(path=str(SCREENSHOTS / "laptop-proposals.png"), full_page=True)
    first.locator("button[data-event]").click()
    bench.locator("#detail:not([hidden]) .sentence-box").wait_for()
    bench.reload()
    bench.wait_for_selector("body[data-ready]")
    bench.locator("#detail:not([hidden]) .sentence-box").wait_for()  # the link keeps the panel
    assert bench.locator("#proposals").is_visible()
    bench.watch.assert_clean()


def test_the_export_links_carry_the_view_and_download_it(bench):
    open_ui(bench, "/?type=ASSAULT&unit=events&sort=-date")
    for fmt in ("csv", "json", "parquet"):
        href = bench.locator(f"a[data-format={fmt}]").get_attribute("href")
        query = query_of(href)
        assert href.startswith("/api/export?")
        assert query["format"] == [fmt] and query["type"] == ["ASSAULT"]
        assert query["unit"] == ["events"] and query["sort"] == ["-date"]
    with bench.expect_download() as download:
        bench.locator("a[data-format=csv]").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {row["type"] for row in rows} == {"ASSAULT"}
    assert len(rows) == bench.locator("#event-table tr.row").count()
    bench.watch.assert_clean()


def test_an_impossible_or_reversed_date_is_refused_with_a_message(bench):
    open_ui(bench)
    before = bench.url
    bench.fill("#filters [name=since]", "2025-02-30")
    bench.locator("#filters button[type=submit]").click()
    status = bench.locator("#status")
    status.wait_for()
    assert "since" in status.inner_text() and "calendar" in status.inner_text()
    assert bench.locator("#filters [name=since]").get_attribute("aria-invalid") == "true"
    assert bench.url == before  # nothing was sent
    bench.fill("#filters [name=since]", "2025-06-12")
    bench.fill("#filters [name=until]", "2025-06-01")
    bench.locator("#filters button[type=submit]").click()
    bench.wait_for_function("() => document.querySelector('#status').textContent > 'until'")
    shot(bench, "laptop-date-refused", "#filters")
    open_ui(bench, "/?since=2025-13")  # a link: the server's 400 names the parameter
    status.wait_for()
    assert status.inner_text().startswith("since")
    bench.watch.errors = [error for error in bench.watch.errors if "400" not in error]
    bench.watch.assert_clean()


def test_dates_show_their_precision_and_the_timeline_counts_by_month(bench):
    open_ui(bench, "/?sort=-date")
    shown = bench.locator("#event-table tr.row td[data-label=Date]").all_inner_texts()
    assert "June 2025" in shown[0] and not re.search(r"\d{4}-\d{2}-\d{2}", " ".join(shown))
    starts = table_dates(bench)
    dated = [start for start in starts if start]
    assert starts == dated + [""] * (len(starts) - len(dated)) and dated  # undated last
    assert shown[-1] == "undated" or shown[-1].startswith("by ")  # only the report bounds it
    for path in ("/?unit=events", "/?unit=events&sort=-date"):  # the reports too
        open_ui(bench, path)
        starts = table_dates(bench)
        dated = [start for start in starts if start]
        assert starts == dated + [""] * (len(starts) - len(dated)) and dated
    open_ui(bench, "/?sort=-date")
    bench.locator(".segmented label", has_text="month").click()
    bench.wait_for_function("() => location.search.includes('granularity=month')")
    bench.wait_for_selector("body:not([data-busy])")
    bars = bench.locator("#timeline-chart .bar").all()
    assert bars and all(bar.get_attribute("data-start").endswith("-01") for bar in bars)
    bench.go_back()
    bench.wait_for_function("() => !location.search.includes('granularity')")
    bench.watch.assert_clean()


def test_phone_workbench_views_fit(browser, tracking_url: str):
    context = browser.new_context(viewport=PHONE, base_url=tracking_url, is_mobile=True)
    phone = context.new_page()
    watch = Watch(phone)
    try:
        open_ui(phone, "/?type=ASSAULT&sort=reports")
        phone.screenshot(path=str(SCREENSHOTS / "phone-workbench-top.png"))
        phone.locator("#event-table tr.row").first.click()
        phone.locator("#event-table tr.reports li").first.wait_for()
        overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert phone.evaluate(overflow) <= 0
        shot(phone, "phone-clusters-expanded", "#events")
        open_ui(phone, "/?tab=proposals")
        phone.locator("#proposal-list li.proposal").first.wait_for()
        assert phone.evaluate(overflow) <= 0
        phone.screenshot(path=str(SCREENSHOTS / "phone-proposals.png"), full_page=True)
        watch.assert_clean()
    finally:
        context.close()


def test_every_control_has_a_name_and_focus_shows(bench):
    open_ui(bench)
    unnamed = bench.evaluate(
        """() => [...document.querySelectorAll('input:not([type=date]), select, button, a')]
        .filter(node => node.offsetParent !== null)
        .filter(node => !(node.labels && node.labels.length) && !node.getAttribute('aria-label')
                        && !node.textContent.trim())
        .map(node => node.outerHTML)"""
    )
    assert unnamed == []
    row = bench.locator("#event-table tr.row").first
    row.focus()
    bench.keyboard.press("Tab")  # from the row to the first name in it
    bench.keyboard.press("Shift+Tab")
    outline = row.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline != "none"
    bench.watch.assert_clean()


# -- accessibility: axe-core (from npm, `npm ci` in `make test`) ---------------------------------

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it stands, one line each."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map(n => n.target)}))"
    )
    return [f"{v['id']} ({v['impact']}): {v['where']}" for v in found if v["impact"] in SERIOUS]


SERIOUS = ("serious", "critical")


@pytest.mark.skipif(not AXE.exists(), reason="needs node_modules/axe-core: run npm ci")
@pytest.mark.parametrize("viewport", ["laptop", "phone"])
def test_no_serious_accessibility_violations(browser, tracking_url: str, viewport: str):
    """The landing view, an expanded canonical event, an event's evidence and the proposals
    tab, checked by axe-core (the page's CSP is bypassed in this context only, to load it)."""
    size = LAPTOP if viewport == "laptop" else PHONE
    context = browser.new_context(
        viewport=size, base_url=tracking_url, bypass_csp=True, is_mobile=viewport == "phone"
    )
    page = context.new_page()
    try:
        open_ui(page)
        assert serious_violations(page) == []
        page.locator("#event-table tr.row").first.click()
        page.wait_for_selector("body:not([data-busy])")
        assert serious_violations(page) == []
        open_ui(page, "/?tab=proposals")
        page.locator("#proposal-list li.proposal").first.wait_for()
        assert serious_violations(page) == []
    finally:
        context.close()


def test_a_place_counts_each_real_event_once_with_its_best_figure(bench, tracking_url: str):
    """Four outlets report the Kharkiv strike (12 to 14 killed): the place panel counts it
    once with its best figure and range, not the sum of its reports."""
    import httpx

    key = "Kharkiv|UKR"
    clusters = httpx.get(f"{tracking_url}/api/places/{key}/clusters", params={"limit": 100})
    killed = [
        item["counts"]["killed"] for item in clusters.json()["items"] if "killed" in item["counts"]
    ]
    reports = httpx.get(f"{tracking_url}/api/events", params={"place": key, "limit": 200}).json()
    report_sum = sum(event["counts"].get("killed") or 0 for event in reports["items"])
    best = sum(figure["best"] for figure in killed)
    low, high = sum(figure["low"] for figure in killed), sum(figure["high"] for figure in killed)
    assert report_sum > high, "the reports of one strike add up past its highest figure"
    open_ui(bench, f"/?open=place:{key}")
    panel = bench.locator("dl.fields").filter(has_text="real events")
    shown = panel.locator("dt", has_text="killed").locator("xpath=following-sibling::dd[1]")
    expected = str(best) if low == high else f"{low}-{high} (best {best})"
    assert shown.inner_text() == expected
    shot(bench, "laptop-place-best-figures", "#detail")
