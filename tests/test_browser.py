"""The sample site in a real browser (Playwright driving Debian's Chromium), as a person uses it:
home → sector → system → download; the language switch; Kazakh search; filtering and sorting;
axe-core on every page type in every language; a phone-width screen. Every page visited is
also checked for console errors and for requests to any host but the local server.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import LANGS, PROJECT, WCAG_21_AA, QuietHandler, Watch  # noqa: F401

playwright_api = pytest.importorskip("playwright.sync_api")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402

SYSTEM = "healthcare/demo-xray-triage"


def test_journey_home_sector_system_download(page: object, server: str) -> None:
    page.goto("/")
    page.wait_for_url(f"{server}/kk/")  # the root sends a visitor on to the Kazakh site
    assert page.locator("html").get_attribute("lang") == "kk"
    page.locator("main").get_by_role("link", name="Денсаулық сақтау", exact=False).first.click()
    page.wait_for_url(f"{server}/kk/healthcare/")
    page.locator("#tl-listed").get_by_role("link", name=re.compile("Кеуде қуысы")).click()
    page.wait_for_url(f"{server}/kk/{SYSTEM}/")
    link = page.locator("table.tl-documents a[download]").first
    with page.expect_download() as info:
        link.click()
    download = info.value
    saved = Path(download.path()).read_bytes()
    original = (PROJECT / "registry" / SYSTEM / download.suggested_filename).read_bytes()
    assert hashlib.sha256(saved).hexdigest() == hashlib.sha256(original).hexdigest()
    # The page states the same hash the file has: shortened, the whole of it a click away.
    row = page.locator("table.tl-documents tbody tr").first
    row.locator("details.tl-hash summary").click()
    assert row.locator(".tl-hash-full").inner_text() == hashlib.sha256(saved).hexdigest()


def test_language_switch_lands_on_the_same_system(page: object, server: str) -> None:
    page.goto(f"/kk/{SYSTEM}/")
    page.locator(".md-header .md-select").hover()
    page.locator(".md-select__link[hreflang=ru]").click()
    page.wait_for_url(f"{server}/ru/{SYSTEM}/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Система сортировки рентгенограмм" in page.locator("h1").inner_text()


def test_kazakh_word_finds_its_system(page: object, server: str) -> None:
    page.goto("/kk/search/")
    # A Kazakh word with Kazakh letters, typed in capitals: the search folds case.
    page.get_by_role("searchbox").fill("РЕНТГЕНОЛОГ ҚАРАҒАНҒА")
    result = page.locator(".tl-search-results a").first
    result.wait_for()
    assert page.locator(".tl-search-results li").count() == 1
    assert "Кеуде қуысы" in result.inner_text()
    result.click()
    page.wait_for_url(f"{server}/kk/{SYSTEM}/")


def test_russian_query_in_the_address_runs_the_search(page: object) -> None:
    page.goto("/ru/search/?q=новообразований")
    page.locator(".tl-search-results a").first.wait_for()
    assert page.locator(".tl-search-results li").count() == 1
    assert "новообразований кожи" in page.locator(".tl-search-results").inner_text()


def test_filter_and_sort_the_list(page: object) -> None:
    page.goto("/ru/healthcare/")
    rows = page.locator("#tl-listed tbody tr")
    total = rows.count()
    assert total >= 3
    page.get_by_label("Фильтр списка").fill("кардио")
    assert page.locator("#tl-listed tbody tr:visible").count() == 1
    assert "1 / " in page.locator(".tl-filter-count").inner_text()
    page.get_by_label("Фильтр списка").fill("")
    assert page.locator("#tl-listed tbody tr:visible").count() == total
    header = page.locator("#tl-listed thead th").first
    header.get_by_role("button").click()
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    numbers = [int(n) for n in page.locator("#tl-listed tbody tr td:first-child").all_inner_texts()]
    assert numbers == sorted(numbers, reverse=True)


PAGE_TYPES = {"home": "", "sector": "healthcare/", "system": f"{SYSTEM}/", "search": "search/"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_no_wcag_21_aa_violation(page: object, lang: str, kind: str) -> None:
    page.goto(f"/{lang}/{PAGE_TYPES[kind]}")
    assert page.locator("html").get_attribute("lang") == lang
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


# The last has a non-public document and long texts.
PHONE_PAGES = ["/kk/", "/ru/healthcare/", f"/en/{SYSTEM}/", "/ru/justice/demo-enforcement-router/"]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_usable_at_phone_width(browser: object, server: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=server)
    page = context.new_page()
    watch = Watch(page, server)
    page.goto(path)
    # Nothing wider than the screen: wide tables scroll inside their own region.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0
    assert watch.problems == []
