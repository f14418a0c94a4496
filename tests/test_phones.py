"""Phones (issue 25), in a real browser (Playwright driving Debian's Chromium) at 375 and 1280 px,
in kk, ru and en: no page scrolls sideways; the list tables become cards of label and value on
a phone and stay tables, whole, on a desktop; names (Kazakh sector and system names too) break
between words, never inside one; each SHA-256 is shortened, the full value a click away and
selected whole by one click.
"""

from __future__ import annotations

import hashlib
import re

import pytest
import yaml
from conftest import LANGS, PROJECT

PHONE, DESKTOP = 375, 1280
WIDTHS = (PHONE, DESKTOP)
XRAY = "healthcare/demo-xray-triage"
# A page of each kind whose tables or long words could widen it. The justice system has a
# document that is not public (no link, a request note) and long texts.
PAGES = {
    "home": "",
    "list": "healthcare/",  # listed, suspended, closed applications, timeliness: four tables
    "list-finance": "finance/",  # an excluded system
    "list-transport": "transport/",  # the longest Russian word in a name
    "system": f"{XRAY}/",
    "suspended": "healthcare/demo-derma-check/",
    "excluded": "finance/demo-aml-monitoring/",
    "private-document": "justice/demo-enforcement-router/",
    "history": "healthcare/history/",
    "search": "search/?q=demo-derma-check",
    "api": "api/",
    "guide": "apply/",
}
LISTS = ("healthcare/", "finance/", "transport/", "education/", "justice/")

# Each word of an element's text (hyphens and slashes may break, as they should), with the
# number of lines its letters lie on: more than one is a word broken inside.
BROKEN_WORDS = """els => {
  const broken = [];
  for (const el of els) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[^\\s\\-\\u2010\\u2011\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects())
          .filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

# Whether an element lets a word break anywhere (Material's links do: word-break: break-word).
BREAKS_ANYWHERE = """el => {
  const s = getComputedStyle(el);
  return ["break-all", "break-word"].includes(s.wordBreak) || s.overflowWrap === "anywhere";
}"""


@pytest.fixture
def sized(page: object, request: pytest.FixtureRequest) -> object:
    """The watched page at the width the test is parametrized with."""
    page.set_viewport_size({"width": request.node.callspec.params["width"], "height": 900})
    return page


def overflow(page: object) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_scrolls_sideways(sized: object, lang: str, width: int, kind: str) -> None:
    sized.goto(f"/{lang}/{PAGES[kind]}")
    if kind == "search":
        sized.locator(".tl-search-results li").first.wait_for()
    assert overflow(sized) <= 0


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", *LISTS, f"{XRAY}/"])  # "": the home page's sectors
def test_tables_show_every_column_cards_on_a_phone(
    sized: object, lang: str, width: int, path: str
) -> None:
    sized.goto(f"/{lang}/{path}")
    tables = sized.locator("main table.tl-cards")
    assert tables.count() >= 1
    for table in tables.all():
        region = table.locator("xpath=..")
        # Nothing cut off: the table is no wider than its region, so the region never scrolls.
        assert region.evaluate("r => r.scrollWidth <= r.clientWidth"), table.inner_text()[:80]
        rows = table.locator("tbody > tr")
        display = rows.first.evaluate("tr => getComputedStyle(tr).display")
        assert display == ("table-row" if width == DESKTOP else "table")  # a row, or a card
        headings = table.locator("thead th").all_text_contents()
        for row in rows.all():
            cells = row.locator("td")
            # Each value carries its column's heading as its label, in the page's language.
            assert cells.evaluate_all("cs => cs.map(c => c.dataset.label)") == [
                h.strip() for h in headings
            ]
            if width == PHONE:
                labels = cells.evaluate_all(
                    "cs => cs.map(c => getComputedStyle(c, '::before').display)"
                )
                assert set(labels) == {"table-cell"}  # shown beside its value
                inside = row.evaluate(
                    """tr => { const box = tr.getBoundingClientRect();
                       return Array.from(tr.cells).every(c => {
                         const r = document.createRange(); r.selectNodeContents(c);
                         const b = r.getBoundingClientRect();
                         return b.left >= box.left && b.right <= box.right + 0.5; }); }"""
                )
                assert inside, row.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_is_still_a_table_to_a_screen_reader(page: object, lang: str) -> None:
    page.set_viewport_size({"width": PHONE, "height": 900})
    page.goto(f"/{lang}/healthcare/")
    table = page.locator("#tl-listed")
    assert table.locator("thead").bounding_box()["width"] <= 1  # headings out of sight
    # Yet read as column headings and cells, the label shown beside a value not read again.
    assert table.get_by_role("columnheader").count() == 6
    bin_cell = table.get_by_role("cell", name="210040104577", exact=True)
    assert bin_cell.count() == 1
    label = bin_cell.evaluate("c => getComputedStyle(c, '::before').content")
    assert label == f'"{bin_cell.get_attribute("data-label")}" / ""'  # its alternative text: none
    # A keyboard user reaching the sort buttons sees them.
    button = table.locator("thead button").first
    button.focus()
    box = button.bounding_box()
    assert box["width"] > 20 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE
    button.press("Enter")
    assert table.locator("thead th").first.get_attribute("aria-sort") == "ascending"


@pytest.mark.parametrize("width", [320, 414, 700, 768])
def test_other_widths_fit_as_well(page: object, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for lang in LANGS:
        for path in ("healthcare/", "transport/", f"{XRAY}/"):
            page.goto(f"/{lang}/{path}")
            assert overflow(page) <= 0
            regions = page.locator("main .tl-scroll:has(table.tl-cards)")
            assert regions.count() >= 1
            assert regions.evaluate_all("rs => rs.every(r => r.scrollWidth <= r.clientWidth)")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_names_break_between_words_only(sized: object, lang: str, width: int) -> None:
    checked = 0
    for path in ("", *LISTS, f"{XRAY}/", "transport/demo-baggage-screening/"):
        sized.goto(f"/{lang}/{path}")
        names = sized.locator(
            "main h1, main .tl-breadcrumb a, main table.tl-cards td.tl-name, "
            "main #sectors + .tl-scroll td:first-child"
        )
        assert names.count() >= 1
        assert names.evaluate_all(BROKEN_WORDS) == [], path
        links = sized.locator("main .tl-table a")
        assert links.evaluate_all(f"ls => ls.filter({BREAKS_ANYWHERE}).length") == 0
        checked += names.count()
    assert checked > 20


@pytest.mark.parametrize("width", WIDTHS)
def test_kazakh_sector_names_keep_their_words(sized: object, width: int) -> None:
    sized.goto("/kk/")
    sectors = sized.locator("main #sectors + .tl-scroll td:first-child a")
    names = sectors.all_inner_texts()
    assert "Денсаулық сақтау" in names and len(names) == 5
    assert sectors.evaluate_all(BROKEN_WORDS) == []
    # Each link is at least as wide as its longest word: no column squeezed to a letter.
    narrowest = sectors.evaluate_all(
        """ls => ls.map(a => { const r = document.createRange(); r.selectNodeContents(a);
             return Math.min(...Array.from(r.getClientRects()).map(b => b.width)); })"""
    )
    assert min(narrowest) > 40
    sized.goto("/kk/healthcare/")
    assert sized.locator("main h1").evaluate_all(BROKEN_WORDS) == []
    assert sized.locator("main h1").inner_text() == "Денсаулық сақтау"


def documents_of(system: str) -> dict[str, str]:
    """A record's documents: file name → the SHA-256 it declares."""
    record = yaml.safe_load((PROJECT / "registry" / system / "system.yaml").read_text("utf-8"))
    return {d["file"]: d["sha256"] for d in record["documents"]}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("system", [XRAY, "justice/demo-enforcement-router"])
def test_a_hash_is_shortened_the_full_value_a_click_away(
    sized: object, lang: str, width: int, system: str
) -> None:
    declared = documents_of(system)
    sized.goto(f"/{lang}/{system}/")
    hashes = sized.locator("table.tl-documents details.tl-hash")
    assert hashes.count() == len(declared)
    shown = set()
    for details in hashes.all():
        summary, full = details.locator("summary"), details.locator(".tl-hash-full")
        short = summary.inner_text()
        assert re.fullmatch(r"[▸▾]?\s*[0-9a-f]{12}…", short), short
        assert not full.is_visible()
        # One line, not ten.
        assert summary.evaluate(
            "s => s.offsetHeight < 2 * parseFloat(getComputedStyle(s).lineHeight)"
        )
        summary.click()
        assert full.is_visible()
        value = full.inner_text()
        assert re.fullmatch(r"[0-9a-f]{64}", value) and value.startswith(short[-13:-1])
        # Inside the card or column, wrapping inside itself only.
        cell = details.locator("xpath=ancestor::td").bounding_box()
        box = full.bounding_box()
        assert box["x"] + box["width"] <= cell["x"] + cell["width"] + 0.5
        assert overflow(sized) <= 0
        # One click on it selects it whole, ready to copy.
        full.click()
        assert sized.evaluate("getSelection().toString().trim()") == value
        shown.add(value)
        # The keyboard opens and closes it too.
        summary.focus()
        sized.keyboard.press("Enter")
        assert not full.is_visible()
    assert shown == set(declared.values())


def test_a_public_documents_hash_is_its_files(page: object) -> None:
    page.goto(f"/en/{XRAY}/")
    for row in page.locator("table.tl-documents tbody tr").all():
        href = row.locator("a[download]").get_attribute("href")
        data = (PROJECT / "registry" / XRAY / href.rsplit("/", 1)[1]).read_bytes()
        row.locator("details.tl-hash summary").click()
        assert row.locator(".tl-hash-full").inner_text() == hashlib.sha256(data).hexdigest()
