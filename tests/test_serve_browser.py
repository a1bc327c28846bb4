"""The web UI in headless Chromium against a real ``accord serve`` process.

Needs Debian's chromium at /usr/bin/chromium (``scripts/ensure_chromium.sh`` installs it);
skipped when it is missing. Screenshots of each view go to ``test-output/screenshots/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import accord
from serving import build_corpus_db, hostile_article, running_server

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
LAPTOP = {"width": 1280, "height": 800}
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
    return page.locator("#event-table tbody td[data-label=Date]").all_inner_texts()


def test_every_view_draws_the_corpus(page):
    open_ui(page)
    assert page.locator("#timeline-chart .bar").count() > 3
    assert page.locator("#timeline-legend li").count() > 3
    assert page.locator("#network-chart .node").count() > 5
    assert page.locator("#network-chart .edge.conflict").count() > 0
    assert page.locator("#network-chart .edge.cooperation").count() > 0
    assert page.locator("#map-chart path.land").count() == 1
    assert page.locator("#map-chart .marker").count() > 3
    assert page.locator("#event-table tbody tr").count() == 50
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
    page.locator("#event-table tbody tr").first.click()
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
