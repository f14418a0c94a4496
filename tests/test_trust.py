"""Trust and reuse (issue 25): what the site says of itself and how its data can be taken away.
Every page's footer (publisher, contact, the data's licence, the accessibility statement, the
last update) in its language; one title and a description of its own per page; its language
alternates and feeds announced in its head, each resolving to a file of the site; a 404 page in
every language at once; exports whose $schema is a file of the same site; CSV tables with what a
journalist needs, comma- and semicolon-separated; and no reviewer's handle anywhere.

The sample site is a real `mkdocs build`; its pages are parsed with lxml, and the 404 page and
the accessibility statements are also visited in Chromium (Playwright) and checked with axe.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from conftest import BASE, LANGS, PROJECT, WCAG_21_AA
from helpers import CONFIG, build
from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree, html
from referencing import Registry, Resource
from trustlist.core.decisions import KZ_TIME
from trustlist.core.i18n import date_words, t
from trustlist.core.validate import validate_registry
from trustlist.site import exports, theme

SITE_URL = "https://trustlist.example.kz/"  # mkdocs.yml's site_url
SYSTEM = "healthcare/demo-xray-triage"
ATOM = "{http://www.w3.org/2005/Atom}feed"
# rel is a set of space-separated tokens: a link is an alternate when one of them is.
ALTERNATE = "//head/link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"
# Every kind of page, in each language: generated ones and hand-written ones.
KINDS = {
    "home": "",
    "search": "search/",
    "api": "api/",
    "sector": "healthcare/",
    "history": "healthcare/history/",
    "system": f"{SYSTEM}/",
    "guide": "about/",
    "statement": "accessibility/",
}


def sectors() -> dict[str, dict]:
    return {
        path.parent.name: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((PROJECT / "registry").glob("*/sector.yaml"))
    }


def parsed(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


def pages(site: Path) -> list[Path]:
    """Every page of the site but the root, which only sends a browser on to a language."""
    return [p for p in sorted(site.rglob("*.html")) if p != site / "index.html"]


def target(site: Path, page: Path, href: str) -> Path:
    """The file a link on `page` leads to: relative, or absolute on the site."""
    if href.startswith(SITE_URL):
        href = "/" + href.removeprefix(SITE_URL)
    if href.startswith("/"):
        path = href.lstrip("/")
    else:
        path = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), href))
    found = site / path
    return found / "index.html" if found.is_dir() or href.endswith("/") else found


def built_on(site: Path) -> datetime:
    """The time of the commit the site was built from (its manifest names it)."""
    commit = json.loads((site / "manifest.json").read_text("utf-8"))["source"]["commit"]
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct", commit],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return datetime.fromtimestamp(int(epoch), KZ_TIME)


# --- the footer --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_footer_says_who_publishes_how_to_reach_them_the_licence_and_the_update(
    sample_site: Path, lang: str, kind: str
) -> None:
    path = sample_site / lang / KINDS[kind] / "index.html"
    footer = parsed(path).find(".//footer")
    parts = footer.find_class("tl-footer__part")
    assert [p.get("lang") for p in parts] == [lang]
    part, text = parts[0], parts[0].text_content()
    links = {a.text_content().strip(): a.get("href") for a in part.iter("a")}
    if kind in ("sector", "history", "system"):
        healthcare = sectors()["healthcare"]
        body = healthcare["authority"]["name"][lang]
        assert links[body] == healthcare["authority"]["website"]
        assert links[healthcare["contact"]["email"]] == f"mailto:{healthcare['contact']['email']}"
        assert links[healthcare["contact"]["phone"]] == "tel:+77172000001"
    else:
        assert links[t("operator_name", lang)] == theme.OPERATOR_WEBSITE
        assert t("footer_contact_lists", lang) in text
        assert "mailto:" not in html.tostring(part, encoding="unicode")
    licence = part.xpath(".//a[@rel='license noopener']")[0]
    assert licence.text_content() == "CC BY 4.0"
    assert licence.get("href").startswith("https://creativecommons.org/licenses/by/4.0/deed.")
    assert t("footer_licence", lang) in text
    statement = links[t("footer_accessibility", lang)]
    assert target(sample_site, path, statement) == sample_site / lang / "accessibility/index.html"
    assert target(sample_site, path, links[t("footer_open_data", lang)]).is_file()
    built = built_on(sample_site)
    time = part.find(".//time")
    assert time.get("datetime") == built.date().isoformat()
    assert time.text_content() == date_words(built.date(), lang)
    assert f"{t('footer_updated', lang)}: {time.text_content()}" in " ".join(text.split())


def test_every_page_has_the_footer_of_its_language(sample_site: Path) -> None:
    for path in pages(sample_site):
        document = parsed(path)
        langs = [p.get("lang") for p in document.find_class("tl-footer__part")]
        if path.name == "404.html":
            assert langs == list(LANGS)
        else:
            assert langs == [document.get("lang")], path


def test_a_site_outside_git_says_no_update_and_links_no_statement_it_lacks(base: Path) -> None:
    """The base registry is no git repository and its docs/ has no accessibility statement:
    the footer names the body and its contact, and says nothing it does not know."""
    result = build(base)
    assert result.returncode == 0, result.stderr
    page = base / "site/kk/health/demo-triage/index.html"
    part = parsed(page).find_class("tl-footer__part")[0]
    assert "ai-list@health.example.kz" in part.text_content()
    assert part.find(".//time") is None
    assert t("footer_accessibility", "kk") not in part.text_content()
    assert parsed(page).xpath(f"{ALTERNATE}[@type='application/atom+xml']") == []  # no history


# --- the head: title, description, alternates, feeds ----------------------------------------


def test_each_page_has_one_title_and_a_home_page_says_the_site_name_once(
    sample_site: Path,
) -> None:
    for path in pages(sample_site):
        titles = parsed(path).xpath("//title[not(ancestor::*[local-name()='svg'])]")
        assert len(titles) == 1, path
        assert titles[0].getparent().tag == "head"
        parts = [part.strip() for part in titles[0].text_content().split("–")]
        assert len(parts) == len(set(parts)), (path, parts)
    for lang in LANGS:
        title = parsed(sample_site / lang / "index.html").xpath("//head/title")[0].text_content()
        assert title.strip() == t("site_title", lang)


def test_each_page_has_a_description_of_its_own(sample_site: Path) -> None:
    described: dict[str, Path] = {}
    for path in pages(sample_site):
        found = parsed(path).xpath("//head/meta[@name='description']/@content")
        assert len(found) == 1, path
        assert found[0] not in described, (path, described.get(found[0]))
        described[found[0]] = path
    sector = parsed(sample_site / "en/healthcare/index.html")
    said = sector.xpath("//head/meta[@name='description']/@content")[0]
    listed = len(sector.xpath("//*[@id='tl-listed']//tbody/tr"))
    assert f"Ministry of Healthcare of the Republic of Kazakhstan: {listed} listed" in said
    guide = parsed(sample_site / "kk/about/index.html")
    said = guide.xpath("//head/meta[@name='description']/@content")[0]
    assert said.startswith("2026 жылғы 26 сәуірден")  # its first paragraph, as text


def described(path: Path) -> str:
    """A page's description, as a search engine reads it (entities unescaped)."""
    found = parsed(path).xpath("//head/meta[@name='description']/@content")
    assert len(found) == 1, path
    return found[0]


@pytest.mark.parametrize("lang", LANGS)
def test_a_system_page_is_described_by_what_the_system_is_for(sample_site: Path, lang: str) -> None:
    """Two system pages of one sector share Material's frame (speed/frames.py), yet each is
    described by its own purpose, in the page's language, cut at a word."""
    said = {}
    for system in ("demo-xray-triage", "demo-ecg-screening", "demo-derma-check"):
        record = yaml.safe_load(
            (PROJECT / "registry/healthcare" / system / "system.yaml").read_text("utf-8")
        )
        purpose = " ".join(record["description"]["purpose"][lang].split())
        said[system] = described(sample_site / lang / "healthcare" / system / "index.html")
        assert len(said[system]) <= theme.PURPOSE_LENGTH
        if len(purpose) <= theme.PURPOSE_LENGTH:
            assert said[system] == purpose
        else:  # cut after a whole word of it, and marked as cut
            assert said[system].endswith("…")
            kept = said[system].removesuffix("…")
            assert purpose.startswith(kept) and purpose[len(kept)] in " ,;:—", (kept, purpose)
    assert len(set(said.values())) == len(said)


def test_a_system_page_without_english_is_described_in_russian_marked_so(
    sample_site: Path,
) -> None:
    # The sample's essay-scoring record has no English: its page shows the Russian text.
    english = described(sample_site / "en/education/demo-essay-scoring/index.html")
    russian = described(sample_site / "ru/education/demo-essay-scoring/index.html")
    assert english.endswith(f" ({t('shown_in_russian', 'en')})")
    assert len(english) <= theme.PURPOSE_LENGTH
    assert english.startswith("Помощь учителю в проверке письменных работ")
    assert russian.startswith("Помощь учителю в проверке письменных работ")
    assert russian != english


def test_a_purpose_is_cut_at_a_word() -> None:
    assert theme.shortened("short enough", 20) == "short enough"
    assert theme.shortened("one two  three\nfour", 40) == "one two three four"
    assert theme.shortened("one two three four", 12) == "one two…"
    assert theme.shortened("one two, three four", 13) == "one two…"
    assert theme.shortened("one two three", 8) == "one two…"  # a word that ends at the cut
    assert theme.shortened("abcdefghijklmnop", 8) == "abcdefg…"  # one word: cut inside it
    assert 150 < len(theme.shortened("слово " * 100, 160)) <= 160


# A purpose that means markup, quotes and entities: text, escaped once wherever it is printed.
MARKUP = 'Сортировка <b>"срочных"</b> & «прочих» пациентов &amp; <script>x()</script>'


def test_record_text_in_a_description_is_escaped_once_with_a_shared_frame_or_without(
    base: Path,
) -> None:
    """Two systems of one sector, the second's purpose full of markup: the site built with
    system pages filled from one frame and built with every page in full are the same bytes,
    each description is the purpose as text, and without a site_url the hreflang links are
    relative and still lead to each language's page."""
    twin = base / "registry/health/demo-twin"
    shutil.copytree(base / "registry/health/demo-triage", twin)
    record = twin / "system.yaml"
    text = record.read_text("utf-8").replace("id: demo-triage", "id: demo-twin")
    text = text.replace("list_number: 1", "list_number: 2").replace("триаж", "егіз")
    text = text.replace("триажа", "близнеца").replace("Demo triage", "Demo twin")
    purposes = {"kk": "Шұғыл <i>бөлім</i> & «сұрыптау»", "ru": MARKUP}
    text = text.replace(
        "    kk: Шұғыл бөлімдегі пациенттерді сұрыптау.\n", f"    kk: '{purposes['kk']}'\n"
    )
    text = text.replace(
        "    ru: Сортировка пациентов в приёмном отделении.\n", f"    ru: '{MARKUP}'\n"
    )
    record.write_text(text, "utf-8")
    sites = {}
    for shared in ("true", "false"):
        config = CONFIG.replace(
            "      registry: registry\n",
            f"      registry: registry\n      share_fragments: {shared}\n",
        )
        result = build(base, config=config)
        assert result.returncode == 0, result.stderr
        sites[shared] = base / f"site-{shared}"
        (base / "site").rename(sites[shared])
    on, off = sites["true"], sites["false"]
    files = sorted(p.relative_to(on) for p in on.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(off) for p in off.rglob("*") if p.is_file())
    for name in files:
        if name.name != "manifest.json":  # the manifest hashes the bytes compared here
            assert (on / name).read_bytes() == (off / name).read_bytes(), name
    for lang in ("kk", "ru"):
        page = on / lang / "health/demo-twin/index.html"
        assert described(page) == purposes[lang]
        assert described(on / lang / "health/demo-triage/index.html") != purposes[lang]
        assert "<script>x()" not in page.read_text("utf-8")
    english = described(on / "en/health/demo-twin/index.html")
    assert english == f"{MARKUP} ({t('shown_in_russian', 'en')})"
    page = on / "ru/health/demo-twin/index.html"
    hrefs = {
        link.get("hreflang"): link.get("href")
        for link in parsed(page).xpath(f"{ALTERNATE}[@hreflang]")
    }
    assert hrefs == {
        "kk": "../../../kk/health/demo-twin/",
        "ru": "./",
        "en": "../../../en/health/demo-twin/",
        "x-default": "../../../",
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_hreflang_alternates_lead_to_the_same_page_in_each_language(
    sample_site: Path, lang: str, kind: str
) -> None:
    """Fully-qualified, as search engines require, since the site has an address."""
    path = sample_site / lang / KINDS[kind] / "index.html"
    links = parsed(path).xpath(f"{ALTERNATE}[@hreflang]")
    hrefs = {link.get("hreflang"): link.get("href") for link in links}
    assert set(hrefs) == {*LANGS, "x-default"}
    for other in LANGS:
        assert hrefs[other] == f"{SITE_URL}{other}/{KINDS[kind]}"
        there = target(sample_site, path, hrefs[other])
        assert there == sample_site / other / KINDS[kind] / "index.html"
        assert parsed(there).get("lang") == other
    assert hrefs["x-default"] == SITE_URL
    assert target(sample_site, path, hrefs["x-default"]) == sample_site / "index.html"


def test_a_page_without_translations_announces_none(sample_site: Path) -> None:
    rules = parsed(sample_site / "rules/index.html")
    assert rules.xpath("//head/link[@hreflang]") == []


@pytest.mark.parametrize("lang", LANGS)
def test_feeds_are_announced_and_resolve(sample_site: Path, lang: str) -> None:
    for kind, at in KINDS.items():
        path = sample_site / lang / at / "index.html"
        links = parsed(path).xpath(f"{ALTERNATE}[@type='application/atom+xml']")
        feeds = {target(sample_site, path, link.get("href")) for link in links}
        expected = {sample_site / lang / "feeds/all.atom"}
        if kind in ("sector", "history", "system"):
            expected.add(sample_site / lang / "feeds/healthcare.atom")
        assert feeds == expected, path
        for feed in feeds:
            assert etree.parse(str(feed)).getroot().tag == ATOM
        assert all(link.get("title") for link in links)


# --- the 404 page ------------------------------------------------------------------------------


def test_the_404_page_speaks_every_language_and_leads_to_each_home_and_search(
    sample_site: Path,
) -> None:
    page = sample_site / "404.html"
    document = parsed(page)
    title = document.xpath("//title")[0].text_content()
    for lang in LANGS:
        assert t("not_found", lang) in title
        section = document.xpath(f"//main//section[@lang='{lang}']")[0]
        assert t("not_found_text", lang) in section.text_content()
        hrefs = section.xpath(".//a/@href")
        # Absolute: the page is served for a missing address at any depth.
        assert hrefs == [f"/{lang}/", f"/{lang}/search/"]
        for href in hrefs:
            assert target(sample_site, page, href).is_file()
    # Not one language's navigation beside the three languages' words.
    assert document.find_class("md-nav--primary") == []


def test_the_alternates_are_alternates_to_the_browser_and_ask_for_nothing(
    browser: object, server: str
) -> None:
    """Material's script asks the folder of each link[rel=alternate] for a sitemap.xml: ours
    are alternates to every reader of rel, and no page asks for one."""
    context = browser.new_context(base_url=server)
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for path in ("/kk/", f"/ru/{SYSTEM}/", "/en/about/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        found = page.evaluate(
            "[...document.querySelectorAll('head link')]"
            ".filter(link => link.relList.contains('alternate')).length"
        )
        assert found >= 5  # three languages, the language choice, a feed
    context.close()
    assert [url for url in asked if url.endswith("sitemap.xml")] == []


def test_the_404_page_in_the_browser(page: object, server: str) -> None:
    page.goto("/404.html")
    page.locator("section[lang=ru]").get_by_role("link", name=t("not_found_home", "ru")).click()
    page.wait_for_url(f"{server}/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"


@pytest.mark.parametrize("path", ["/404.html", *(f"/{lang}/accessibility/" for lang in LANGS)])
def test_the_404_page_and_the_accessibility_statements_pass_axe(page: object, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(path)
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()


def test_the_footer_is_reached_by_keyboard(page: object, server: str) -> None:
    page.goto("/kk/healthcare/")
    statement = page.locator("footer").get_by_role("link", name=t("footer_accessibility", "kk"))
    for _ in range(200):
        page.keyboard.press("Tab")
        if statement.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("the accessibility statement's link is never focused by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/kk/accessibility/")


# --- the exports -------------------------------------------------------------------------------


def published_schemas(site: Path) -> Registry:
    """The schemas as the site publishes them, known by their $id (never fetched)."""
    resources = []
    for path in (site / "api/v1/schemas").glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def test_every_schema_named_by_an_export_is_a_file_of_the_site(sample_site: Path) -> None:
    registry = published_schemas(sample_site)
    exported = [p for p in (sample_site / "api/v1").rglob("*.json") if "schemas" not in p.parts]
    assert len(exported) > 20
    for path in exported:
        data = json.loads(path.read_text(encoding="utf-8"))
        address = data["$schema"]
        assert address.startswith(f"{SITE_URL}api/v1/schemas/"), path
        published = target(sample_site, path, address)
        assert published.is_file(), address
        schema = json.loads(published.read_text(encoding="utf-8"))
        # The file at the address is the schema whose $id names it, and the export is valid.
        assert schema["$id"] == exports.SCHEMA_ID + published.name
        validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
        assert [e.message for e in validator.iter_errors(data)] == [], path


def csv_rows(raw: bytes, delimiter: str) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads it as UTF-8
    assert raw.count(b"\r\n") == raw.count(b"\n")
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_the_csv_has_what_a_journalist_needs_and_a_copy_for_excel(sample_site: Path) -> None:
    api = sample_site / "api/v1"
    comma = csv_rows((api / "registry.csv").read_bytes(), ",")
    semicolon = csv_rows((api / "registry.excel.csv").read_bytes(), ";")
    assert comma == semicolon
    assert list(comma[0]) == ["sector", *exports.CSV_COLUMNS]
    assert (api / "registry.excel.csv").read_bytes().split(b"\r\n")[0].count(b";") == len(
        exports.CSV_COLUMNS
    )
    row = next(r for r in comma if r["id"] == "demo-xray-triage")
    record = yaml.safe_load((PROJECT / "registry" / SYSTEM / "system.yaml").read_text("utf-8"))
    for field in ("purpose", "methods", "limitations"):
        for lang in LANGS:
            assert row[f"{field}_{lang}"] == record["description"][field].get(lang, "")
    healthcare = sectors()["healthcare"]
    for lang in LANGS:
        assert row[f"authority_{lang}"] == healthcare["authority"]["name"][lang]
        page = row[f"page_{lang}"]
        assert page == f"{SITE_URL}{lang}/{SYSTEM}/"
        assert target(sample_site, api / "registry.csv", page).is_file()
    assert row["decision_published"] == str(record["decision"]["published"])
    deployers = [d["name"]["ru"] for d in record["deployers"]]
    assert row["deployers_ru"].split(exports.DEPLOYERS_SEPARATOR) == deployers
    for sector in sectors():
        listed = csv_rows((api / f"{sector}.csv").read_bytes(), ",")
        assert csv_rows((api / f"{sector}.excel.csv").read_bytes(), ";") == listed
        assert [r["id"] for r in listed] == [r["id"] for r in comma if r["sector"] == sector]


def test_the_csv_columns_are_described_by_the_sector_schema() -> None:
    schema = json.loads((PROJECT / "schemas/export-sector.schema.json").read_text("utf-8"))
    assert tuple(schema["x-csv-columns"]) == exports.CSV_COLUMNS


def test_a_semicolon_or_a_line_break_in_a_text_stays_in_its_cell() -> None:
    system = validate_registry(BASE / "registry").systems[0].model
    purpose = system.description.purpose.model_copy(update={"ru": "Сортировка; триаж\nи ещё"})
    odd = system.model_copy(
        update={"description": system.description.model_copy(update={"purpose": purpose})}
    )
    text = exports.sector_csv([exports.csv_row(odd)], "excel").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][exports.CSV_COLUMNS.index("purpose_ru")] == "Сортировка; триаж\nи ещё"


# --- nothing internal --------------------------------------------------------------------------


def test_no_reviewer_handle_is_published(sample_site: Path) -> None:
    handles = {h for sector in sectors().values() for h in sector["reviewers"]}
    assert handles
    # The handle with and without its @: a team named in any form.
    needles = [n for h in handles for n in (h, h.removeprefix("@"))]
    for path in sample_site.rglob("*"):
        if not path.is_file() or path.suffix in (".pdf", ".png", ".gz", ".woff2", ".ico"):
            continue
        content = path.read_bytes().decode("utf-8", errors="replace")
        for needle in needles:
            assert needle not in content, (path, needle)
