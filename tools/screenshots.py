"""Photograph the built site for review (`make screenshots`, issue 25).

Serves a built site (site/ by default, as `make site` leaves it) on 127.0.0.1 and drives
Debian's Chromium through Playwright, with Chromium's own calls home switched off: the home,
a sector's list, a system (listed and suspended), search with results and a sector's history,
in kk, ru and en, at a desktop's width (1280 px) and a phone's (375 px), each as one
full-page PNG named <lang>-<page>-<width>.png in the output folder (screenshots/ by default).

    python tools/screenshots.py [--site site] [--out screenshots]

Exit 0 when every page was photographed; 2, with one line saying why, when the site, the
browser or a page is not as expected.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

from chromium import CHROMIUM, CHROMIUM_ARGS

LANGS = ("kk", "ru", "en")
WIDTHS = (1280, 375)
# What each language's search is shown with: a word form the sample records hold only inflected.
SEARCH = {"kk": "рентгенограммаға", "ru": "рентгенограммы", "en": "radiologists"}
PAGES = {
    "home": "",
    "list": "healthcare/",
    "system": "healthcare/demo-xray-triage/",
    "suspended": "healthcare/demo-derma-check/",
    "search": "search/?q={query}",
    "history": "healthcare/history/",
}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site on 127.0.0.1, on a free port, for as long as the block runs."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def photograph(site: Path, out: Path) -> list[Path]:
    """Every page at every width in every language; the files written, in order."""
    from playwright.sync_api import sync_playwright

    written: list[Path] = []
    with serve(site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for width in WIDTHS:
                context = browser.new_context(
                    base_url=origin, viewport={"width": width, "height": 900}
                )
                context.set_default_timeout(15_000)
                # Only the site's own files: anything else is refused, never fetched.
                context.route(
                    "**/*",
                    lambda route: (
                        route.continue_()
                        if route.request.url.startswith(origin + "/")
                        else route.abort()
                    ),
                )
                page = context.new_page()
                for lang in LANGS:
                    for name, path in PAGES.items():
                        url = f"/{lang}/{path.format(query=quote(SEARCH[lang]))}"
                        response = page.goto(url)
                        if response is None or response.status != 200:
                            status = response.status if response else "no answer"
                            raise LookupError(f"{url}: HTTP {status}")
                        if name == "search":
                            page.locator(".tl-search-results li, .tl-search-empty").first.wait_for()
                        target = out / f"{lang}-{name}-{width}.png"
                        page.screenshot(path=str(target), full_page=True)
                        written.append(target)
                context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="where PNGs go")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"screenshots: no {args.site}/index.html: run `make site` first", file=sys.stderr)
        return 2
    if not CHROMIUM.exists():
        print(f"screenshots: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()  # a page no longer photographed leaves no stale picture behind
    from playwright.sync_api import Error as BrowserError

    try:
        written = photograph(args.site, args.out)
    except (LookupError, BrowserError) as error:
        print(f"screenshots: {str(error).splitlines()[0]}", file=sys.stderr)
        return 2
    print(f"screenshots: {len(written)} pages photographed into {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
