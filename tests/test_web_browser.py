"""Browser tests: Playwright driving Debian's Chromium against `kartoteka serve`'s app on a free local port.

Skipped (with the reason) when the playwright package or /usr/bin/chromium is missing; `.ci/run` installs
Chromium. Each main page is screenshot (into $KARTOTEKA_SCREENSHOTS, else a temporary folder) and checked
not blank; any Content-Security-Policy violation in the console fails the test.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed: pip install playwright")

from test_web import NUMBER, web_store  # noqa: E402, F401  (the shared fixture store)

CHROMIUM = os.environ.get("KARTOTEKA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_store):  # noqa: F811
    import uvicorn

    from kartoteka.web import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.csp_errors = []
    pg.on("console", lambda m: pg.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    pg.on("pageerror", lambda e: pg.csp_errors.append(f"page error: {e}"))
    pg.base = server
    yield pg
    errors = list(pg.csp_errors)
    context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("KARTOTEKA_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


_COUNT_JS = """async (data) => {
  const img = new Image();
  img.src = "data:image/png;base64," + data;
  await img.decode();
  const c = document.createElement("canvas");
  c.width = img.width; c.height = img.height;
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, c.width, c.height).data;
  const bg = [px[px.length - 4], px[px.length - 3], px[px.length - 2]];
  let busy = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (Math.abs(px[i] - bg[0]) + Math.abs(px[i + 1] - bg[1]) + Math.abs(px[i + 2] - bg[2]) > 24) { busy++; }
  }
  return busy / (px.length / 4);
}"""


def not_blank(pg, png: bytes) -> float:
    """Share of the screenshot's pixels that differ from the page background (decoded by the browser)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return pg.evaluate(_COUNT_JS, base64.b64encode(png).decode())


def snap(pg, shots: Path, name: str) -> None:
    png = pg.screenshot(path=str(shots / f"{name}.png"), full_page=False)
    share = not_blank(pg, png)
    assert share > 0.005, f"{name}: screenshot looks blank ({share:.4f} of pixels differ from the background)"


def test_read_follow_person_and_evidence(page, shots):
    page.goto(page.base + "/")
    snap(page, shots, "reports")
    page.click(f"a.report-link:text('{NUMBER}')")
    page.wait_for_selector("article.reader")
    assert "The Depot at Perm" in page.inner_text("h1.page-title")
    snap(page, shots, "reader")
    page.click("a.person:text('Nikolay Fedorovich Rybakov')")
    page.wait_for_selector("h1.person-name")
    assert page.inner_text("h1.person-name") == "Nikolay Fedorovich Rybakov"
    assert "Николай" in page.inner_text("dl.props") or "Рыбаков" in page.inner_text("dl.props")
    snap(page, shots, "person")
    link = page.locator("tr.fact:has(.t-shot) a.evidence-link").first
    link.click()
    page.wait_for_selector("mark#hl")
    assert re.search(r"hl=\d+-\d+", page.url)
    mark = page.locator("mark#hl")
    assert "shot in 1938" in page.locator("mark.hl").all_inner_texts()[-1] or "shot" in mark.inner_text()
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the highlighted span is scrolled into view"
    snap(page, shots, "evidence")


def test_search_in_another_spelling(page, shots):
    page.goto(page.base + "/")
    page.fill("form.search input[name=q]", "Ezhov")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_selector("section.people-first")
    first = page.locator("section.people-first a.person-card-link").first
    assert first.inner_text() == "Yezhov"
    assert page.locator("ol.hits mark").count() >= 1
    snap(page, shots, "search")
    first.click()
    page.wait_for_selector("h1.person-name")
    assert page.inner_text("h1.person-name") == "Yezhov"


def test_filter_facts(page, shots):
    page.goto(page.base + "/facts")
    total = int(page.inner_text("#fact-total"))
    page.select_option("select[name=type]", "shot")
    page.click("#apply-filters")
    page.wait_for_url(re.compile(r"type=shot"))
    assert int(page.inner_text("#fact-total")) < total
    types = page.locator("tr.fact .type").all_inner_texts()
    assert types and set(types) == {"shot"}
    snap(page, shots, "facts")


def test_toggle_original_and_repaired(page, shots):
    page.goto(page.base + "/api/reports/JPRS-UPA-90-017")
    keys = [p["key"] for p in __import__("json").loads(page.inner_text("body"))["pages"]]
    for key in keys:
        page.goto(page.base + f"/reports/JPRS-UPA-90-017/d/{key}")
        if page.locator("ins.corr").count():
            break
    else:
        pytest.fail("no corrected word in the essay fixture")
    corr = page.locator("ins.corr").first
    repaired = corr.inner_text()
    title = corr.get_attribute("title")
    assert "original OCR" in title and "confidence" in title
    corr.focus()
    snap(page, shots, "repaired")
    page.click("#toggle-view")
    page.wait_for_url(re.compile(r"view=original"))
    orig = page.locator("span.corr.orig").first
    assert orig.inner_text() != repaired and repaired in orig.get_attribute("title")
    snap(page, shots, "original")
    page.click("#toggle-view")
    page.wait_for_url(re.compile(r"view=repaired"))
    assert page.locator("ins.corr").count() >= 1


def test_sankey_band_and_charts(page, shots):
    page.goto(page.base + "/trajectories")
    page.wait_for_selector("#chart .sankey-link", timeout=15000)
    snap(page, shots, "trajectories")
    links = page.locator("#chart .sankey-link")
    assert links.count() >= 2
    target = None
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        if box and box["width"] > 5 and box["height"] > 3:
            target = box
            break
    assert target is not None
    page.mouse.click(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
    page.wait_for_url(re.compile(r"/trajectories/band\?"), timeout=10000)
    page.wait_for_selector("h1.band-title")
    assert page.locator("section.band-person").count() >= 1
    assert page.locator("a.evidence-link").count() >= 1
    snap(page, shots, "band")
    page.goto(page.base + "/timeline")
    page.wait_for_selector("#chart .main-svg", timeout=15000)
    snap(page, shots, "timeline")
    page.goto(page.base + "/network?n=10")
    assert page.locator("svg.network circle").count() >= 2
    snap(page, shots, "network")
    page.goto(page.base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    snap(page, shots, "docs")
