"""The written page in headless Chromium: drawn, offline, legible, right to left, inert.

Needs ``/usr/bin/chromium`` (Debian's package; another path can be given in
``DIPLOGRAPH_CHROMIUM``); skipped, saying so, without it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

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
    """Everything the page asks for or complains about."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def open_page(browser, G, tmp_path, name):
    path = write_html(G, tmp_path / f"{name}.html", title=name)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    log = PageLog(page)
    page.goto(path.as_uri())
    page.wait_for_function(
        "n => window.network && network.body.data.nodes.length === n",
        arg=G.number_of_nodes(),
        timeout=15_000,
    )
    page.wait_for_selector("body[data-stabilized]", state="attached", timeout=30_000)
    return page, log, path


def hover_node(page, node_id: str) -> None:
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


def test_page_browser_draws_offline_and_legibly(browser, graph, tmp_path, record_property):
    started = time.perf_counter()
    page, log, path = open_page(browser, graph, tmp_path, "diplograph")
    drawn = time.perf_counter() - started
    record_property("seconds_to_stabilized", round(drawn, 2))

    # Nothing left the page: only the file itself (and inline data: images of vis's CSS).
    assert not [u for u in log.requests if u.startswith(("http:", "https:"))], log.requests
    assert set(log.requests) <= {path.as_uri()} | {u for u in log.requests if u.startswith("data:")}
    assert log.errors == []

    # The legend is visible and names each kind present.
    legend = page.locator("#legend")
    assert legend.is_visible()
    for kind in {k for _, k in graph.nodes(data="kind")}:
        assert legend.locator(f'li[data-kind="{kind}"] .kind').inner_text() == kind

    # An Arabic-only label is laid out right to left.
    arabic = page.locator('#index [lang="ar"]', has_text="ماريا زاخاروفا")
    assert arabic.evaluate("e => getComputedStyle(e).direction") == "rtl"
    russian = page.locator('#index [lang="ru"]', has_text="Сергей Рябков")
    assert russian.evaluate("e => getComputedStyle(e).direction") == "ltr"

    shot = tmp_path / "page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    record_property("screenshot", str(shot))

    # Its tooltip, built as DOM, shows every label and the Arabic quote right to left.
    hover_node(page, "https://w3id.org/diplograph/id/zakharova")
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert "ماريا زاخاروفا" in tooltip.inner_text()
    assert "2022-01-13" in tooltip.inner_text()
    quote = tooltip.locator(".quote span")
    assert quote.evaluate("e => getComputedStyle(e).direction") == "rtl"

    tooltip.screenshot(path=str(tmp_path / "tooltip.png"))
    assert (tmp_path / "tooltip.png").stat().st_size > 1_000
    record_property("seconds_total", round(time.perf_counter() - started, 2))
    page.close()


def test_page_browser_hostile_labels_stay_text(browser, hostile_graph, hostile_labels, tmp_path):
    page, log, _ = open_page(browser, hostile_graph, tmp_path, "hostile")
    page.wait_for_timeout(300)  # give any injected handler a chance to fire
    assert log.dialogs == []
    assert log.errors == []
    assert not [u for u in log.requests if u.startswith(("http:", "https:"))]
    assert page.locator("#index img, #index script, #index b").count() == 0
    index = page.locator("#index").inner_text()
    for label in hostile_labels:
        assert label in index
    labels = page.evaluate("nodes.get().map(n => n.label)")
    assert set(hostile_labels) <= set(labels)
    hover_node(page, "https://w3id.org/diplograph/id/evil")
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert hostile_labels[0] in tooltip.inner_text()
    assert tooltip.locator("script, img").count() == 0
    assert log.dialogs == []
    page.close()
