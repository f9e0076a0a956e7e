"""The pages in headless Chromium: drawn, offline, searchable in any script, evidence on
hover, settled, right to left in Arabic, and inert whatever the news text holds.

Every request that does not read the page's own file is aborted and recorded. Needs
``/usr/bin/chromium`` (Debian's package; another path can be given in
``DIPLOGRAPH_CHROMIUM``); skipped, saying so, without it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diplograph.view.build import build_page
from diplograph.view.network import actor_network
from diplograph.view.page import write_html

CHROMIUM = Path(os.environ.get("DIPLOGRAPH_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ID = "https://w3id.org/diplograph/id/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class PageLog:
    """Everything the page asks for (aborted unless it is the page itself) or complains of."""

    def __init__(self, page, own: str) -> None:
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", lambda route: self._route(route, own))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

    def _route(self, route, own: str) -> None:
        url = route.request.url
        if url == own or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def open_html(browser, path: Path, ready: str = "body[data-stabilized]"):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    log = PageLog(page, path.as_uri())
    page.goto(path.as_uri())
    page.wait_for_selector(ready, state="attached", timeout=60_000)
    return page, log


def write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return path


def hover(page, node_id: str) -> None:
    """Move the mouse onto ``node_id``'s place on the canvas."""
    point = page.evaluate(
        """id => {
            const p = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
        node_id,
    )
    page.mouse.move(point["x"] - 40, point["y"] - 40)
    page.mouse.move(point["x"], point["y"], steps=5)


def test_network_page_draws_the_actor_network_offline(
    browser, samples_graph, tmp_path, record_property
):
    G = samples_graph
    path = write(tmp_path, "network", build_page(G))
    page, log = open_html(browser, path)
    linked = [n for n, degree in actor_network(G).degree() if degree > 0]
    assert page.evaluate("nodesView.length") == len(linked)
    assert page.evaluate("graphData.nodes.length") == len(linked)
    assert log.outside == [] and log.errors == []

    # The layout settles and stays: physics is off and nothing moves afterwards.
    before = page.evaluate("network.getPositions()")
    page.wait_for_timeout(1_500)
    assert page.evaluate("network.getPositions()") == before
    assert page.evaluate("network.physics.options.enabled") is False

    page.screenshot(path=str(tmp_path / "network.png"))
    record_property("screenshot", str(tmp_path / "network.png"))
    page.close()


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [("غروشكو", "person/alexander-grushko"), ("ГРУШКО", "person/alexander-grushko")],
)
def test_network_page_search_finds_a_name_in_any_script(
    browser, samples_graph, tmp_path, typed, wanted
):
    path = write(tmp_path, "search", build_page(samples_graph))
    page, _ = open_html(browser, path)
    page.fill("#search", typed)
    assert ID + wanted in page.evaluate("network.getSelectedNodes()")
    assert page.locator("#found").inner_text() != ""
    # the details of a single match are shown
    assert page.locator("#info .head").count() >= 1
    page.close()


def test_network_page_hover_shows_the_evidence_sentence(browser, samples_graph, tmp_path):
    G = samples_graph
    grushko = ID + "person/alexander-grushko"
    said = G.nodes[grushko]["statements"][0]["evidence"][0]
    path = write(tmp_path, "hover", build_page(G))
    page, log = open_html(browser, path)
    hover(page, grushko)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert said["sentence"] in tooltip.inner_text()
    quote = tooltip.locator(".quote span", has_text=said["sentence"][:20]).first
    direction = "rtl" if said["lang"] == "ar" else "ltr"
    assert quote.evaluate("e => getComputedStyle(e).direction") == direction
    # the article it came from
    assert said["headline"] in tooltip.inner_text()
    tooltip.screenshot(path=str(tmp_path / "tooltip.png"))
    # a click shows the same in the side panel, with a link to the article
    page.mouse.down()
    page.mouse.up()
    assert said["sentence"] in page.locator("#info").inner_text()
    if said.get("url"):
        assert page.locator("#info a").first.get_attribute("href") == said["url"]
    assert log.errors == []
    page.close()


def test_network_page_in_arabic_reads_right_to_left(browser, samples_store, tmp_path):
    from diplograph import api

    path = api.view(store=samples_store, output=tmp_path / "ar.html", lang="ar")
    page, log = open_html(browser, path)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.get_attribute("#search", "placeholder").startswith("ابحث")
    labels = page.evaluate("nodesView.get().map(n => n.label)")
    assert "روسيا" in labels
    assert log.outside == [] and log.errors == []
    page.screenshot(path=str(tmp_path / "arabic.png"))
    page.close()


def test_network_page_filters_by_kind_and_date(browser, samples_graph, tmp_path):
    path = write(tmp_path, "filters", build_page(samples_graph))
    page, _ = open_html(browser, path)
    everyone = page.evaluate("nodesView.length")
    page.uncheck('#kinds input[value="person"]')
    persons = page.evaluate("nodes.get({filter: n => n.kind === 'person'}).length")
    assert page.evaluate("nodesView.length") == everyone - persons
    page.check('#kinds input[value="person"]')
    page.fill("#from", "2022-01-12")
    page.fill("#to", "2022-01-12")
    page.dispatch_event("#to", "change")
    window = page.evaluate("nodesView.length")
    assert 0 < window < everyone
    page.click("#reset")
    assert page.evaluate("nodesView.length") == everyone
    page.close()


def test_event_page_shows_one_meeting(browser, samples_graph, tmp_path):
    path = write(tmp_path, "event", build_page(samples_graph, event="2022-01-12"))
    page, log = open_html(browser, path)
    kinds = page.evaluate("nodesView.get().map(n => n.kind)")
    assert kinds.count("meeting") == 1 and "place" in kinds
    meeting = page.evaluate("nodesView.get({filter: n => n.kind === 'meeting'})[0].id")
    sentence = samples_graph.nodes[meeting]["evidence"][0]["sentence"]
    hover(page, meeting)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert sentence in tooltip.inner_text()
    assert log.outside == [] and log.errors == []
    page.close()


def test_timeline_page_filters_and_links_evidence(browser, samples_graph, tmp_path):
    path = write(tmp_path, "timeline", build_page(samples_graph, page="timeline"))
    page, log = open_html(browser, path, ready="body[data-drawn]")
    everything = int(page.evaluate("document.body.dataset.drawn"))
    assert everything == page.evaluate("timelineData.items.length") > 10
    page.select_option("#actor", ID + "person/alexander-grushko")
    some = int(page.evaluate("document.body.dataset.drawn"))
    assert 0 < some < everything
    page.select_option("#actor", "")
    page.select_option("#stance", "meeting")
    meetings = int(page.evaluate("document.body.dataset.drawn"))
    assert 0 < meetings < everything
    first = page.locator("article.event details").first
    first.locator("summary").click()
    assert first.locator(".quote span").first.inner_text().strip() != ""
    assert log.outside == [] and log.errors == []
    page.screenshot(path=str(tmp_path / "timeline.png"))
    page.close()


def test_hostile_text_runs_nothing(browser, hostile_graph, hostile_labels, tmp_path):
    pages = {
        "network": build_page(hostile_graph, title="<img src=x onerror=alert(9)>"),
        "graph": build_page(hostile_graph, page="graph"),
        "timeline": build_page(hostile_graph, page="timeline"),
    }
    for name, html in pages.items():
        ready = "body[data-drawn]" if name == "timeline" else "body[data-stabilized]"
        page, log = open_html(browser, write(tmp_path, name, html), ready=ready)
        if name == "timeline":
            page.locator("article.event details summary").first.click()
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        else:
            page.evaluate(
                "nodes.get().forEach(n => showInfo(n)); showInfo(nodes.get('%s'))" % (ID + "evil")
            )
            text = page.locator("#info").inner_text()
            assert hostile_labels[0] in text
        page.wait_for_timeout(300)  # give any injected handler a chance to fire
        assert page.locator("main img, main script, main svg, main b").count() == 0, name
        assert page.locator("a[href^='javascript']").count() == 0, name
        assert log.dialogs == [] and log.errors == [] and log.outside == [], name
        page.close()


def test_projection_page_still_draws_every_node(browser, graph, tmp_path):
    path = write_html(graph, tmp_path / "projection.html")
    page, log = open_html(browser, path)
    assert page.evaluate("nodesView.length") == graph.number_of_nodes()
    assert log.outside == [] and log.errors == []
    page.close()
