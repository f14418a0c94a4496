"""Accessibility (issue 25): axe-core finds no WCAG 2.1 AA violation on any page type of the
sample site (home, a sector's list, a system listed, suspended and excluded, a system and a
list with text shown in Russian, a sector's history, the changes by month and one month, search
with results and without, the API page, hand-written guides (applying, auditing, the
accessibility statement), the application form, the 404 page), in kk, ru and en, at 1280 and 375 px, in real
Chromium (Playwright), with every shortened hash opened; the text shown in Russian on English
pages ("(in Russian)", `h1 > small`) is judged by axe's contrast rule and passes it; a keyboard
user's focus never lands out of sight (Material's closed drawer slides in when reached).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import LANGS, WCAG_21_AA, QuietHandler, Watch
from playwright.sync_api import TimeoutError as PlaywrightTimeout

WIDTHS = (1280, 375)
PAGES = {
    "home": "",
    "list": "healthcare/",
    "list-in-russian": "education/",  # names and owners shown in Russian on the English list
    "system": "healthcare/demo-xray-triage/",
    "suspended": "healthcare/demo-derma-check/",
    "excluded": "finance/demo-aml-monitoring/",
    "system-in-russian": "education/demo-essay-scoring/",  # its English name is missing
    "history": "healthcare/history/",
    "changes": "changes/",
    "month": "changes/2026-11/",  # the sample registry's history: this repository's commits
    "search-results": "search/?q=demo-derma-check",
    "search-empty": "search/?q=zzqxw",
    "api": "api/",
    "guide": "apply/",
    "form": "apply/form/",
    "auditors": "auditors/",
    "accessibility-statement": "accessibility/",
    "404": "no-such-page/",
}


class PagesHandler(QuietHandler):
    """A missing path answers 404 with the site's 404 page, as GitHub Pages does: the
    language's own (<lang>/404.html) where the site has one, else the root's."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        root = Path(self.directory)
        lang = self.path.strip("/").split("/", 1)[0]
        page = next((p for p in (root / lang / "404.html", root / "404.html") if p.is_file()), None)
        if code != 404 or page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server(sample_site: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(PagesHandler, directory=str(sample_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def visit(browser: object, server: str) -> Iterator[object]:
    """A page in a fresh context, watched for console errors and foreign requests; only the
    404 page's own answer may be an error."""
    context = browser.new_context(base_url=server)
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch = Watch(page, server)
    yield page
    context.close()
    assert [p for p in watch.problems if not p.startswith("HTTP 404: ") or "no-such" not in p] == []


def settle(page: object, kind: str) -> None:
    """Wait until the page shows what axe must judge: results, the empty state, open hashes."""
    if kind == "search-results":
        page.locator(".tl-search-results li").first.wait_for()
    elif kind == "search-empty":
        page.locator(".tl-search-empty").wait_for()
    for summary in page.locator("details.tl-hash > summary").all():
        summary.click()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_21_aa_violation(visit: object, kind: str, lang: str, width: int) -> None:
    visit.set_viewport_size({"width": width, "height": 900})
    response = visit.goto(f"/{lang}/{PAGES[kind]}")
    assert response.status == (404 if kind == "404" else 200)
    settle(visit, kind)
    if kind != "404":
        assert visit.locator("html").get_attribute("lang") == lang
    results = Axe().run(visit, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}
# For each mark of text shown in Russian: whether one of these axe targets is it or inside it.
AMONG = """targets => Array.from(document.querySelectorAll("main .tl-fallback"), mark =>
  targets.some(t => { const n = document.querySelector(t); return n && mark.contains(n); }))"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "path", ["education/demo-essay-scoring/", "education/"], ids=["system", "list"]
)
def test_text_shown_in_russian_passes_the_contrast_rule(
    visit: object, width: int, path: str
) -> None:
    visit.set_viewport_size({"width": width, "height": 900})
    visit.goto(f"/en/{path}")
    marks = visit.locator("main .tl-fallback")
    assert marks.count() >= 1
    if path.endswith("scoring/"):
        assert visit.locator("main h1 > small.tl-fallback").inner_text() == "(in Russian)"
    response = Axe().run(visit, options=CONTRAST).response
    targets = {
        kind: [n["target"][-1] for rule in response[kind] for n in rule["nodes"]]
        for kind in ("passes", "incomplete", "violations")
    }
    # Each judged and passed: not a violation, and not left undecided either.
    assert all(visit.evaluate(AMONG, targets["passes"]))
    assert not any(visit.evaluate(AMONG, targets["incomplete"]))
    assert targets["violations"] == []


# Whether the focused element lies within the screen's width and at least partly in its height.
FOCUS_IN_SIGHT = """() => { const r = document.activeElement.getBoundingClientRect();
  return r.width > 0 && r.left >= -1 && r.right <= innerWidth + 1
    && r.bottom > 0 && r.top < innerHeight; }"""
FOCUSED = """() => { const e = document.activeElement;
  return e === document.body ? null : `${e.tagName}.${e.className}: ${e.textContent.trim().slice(0, 40)}`; }"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["healthcare/", "healthcare/demo-xray-triage/"])
def test_keyboard_focus_stays_in_sight(visit: object, lang: str, width: int, path: str) -> None:
    visit.set_viewport_size({"width": width, "height": 900})
    visit.goto(f"/{lang}/{path}")
    reached = []
    for _ in range(200):
        visit.keyboard.press("Tab")
        focused = visit.evaluate(FOCUSED)
        if focused is None or focused in reached[:1]:
            break  # through the page and back out of it
        try:
            visit.wait_for_function(FOCUS_IN_SIGHT, timeout=2_000)  # a drawer slides in 0.25 s
        except PlaywrightTimeout:
            pytest.fail(f"focus out of sight at {width} px: {focused}")
        reached.append(focused)
    navigation = [f for f in reached if "md-nav__link" in f]
    assert len(navigation) >= 8  # the drawer's links are reached, and seen, on a phone too
    assert any(f.startswith("SUMMARY") for f in reached) == ("demo-" in path)
