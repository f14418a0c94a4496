"""Real MkDocs builds of the fixture registry: the exact set of published files, byte-identical
documents, no private file, escaped record text, a language per page and language switches
that lead to the same page."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from conftest import BASE, PROJECT, SYSTEM, build_site, edit
from helpers import build
from trustlist.structure import ASSETS

FOLDER = "registry/health/demo-triage"
PAGES = {
    f"{lang}/{page}index.html"
    for lang in ("kk", "ru", "en")
    for page in ("", "search/", "api/", "health/", "health/history/", "health/demo-triage/")
}
EXPECTED = (
    PAGES
    | {
        "index.html",
        "404.html",
        "manifest.json",
        "files.txt",  # the manifest's files, for `wget -i`
        "sitemap.xml",
        "sitemap.xml.gz",
        "kk/search/index.json",
        "ru/search/index.json",
        "en/search/index.json",
        "documents/health/demo-triage/system.yaml",
        "documents/health/demo-triage/application.pdf",
        "documents/health/demo-triage/copyright-certificate.pdf",
        "documents/health/demo-triage/audit-report.pdf",
        "api/v1/registry.json",  # the index of the lists
        "api/v1/sectors.json",  # the sectors, their names and pages (the form reads it)
        "api/v1/registry.csv",
        "api/v1/health.json",
        "api/v1/health.csv",
        "api/v1/systems/demo-triage.json",
        "api/v1/registry.excel.csv",  # the same CSVs for Excel: semicolons, a BOM
        "api/v1/health.excel.csv",
    }
    | {f"{lang}/changes/index.html" for lang in ("kk", "ru", "en")}  # the months' changes
    | {
        f"api/v1/schemas/{p.name}"
        for p in (Path(__file__).parents[1] / "schemas").glob("*.schema.json")
    }
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site") / "repo"
    shutil.copytree(BASE, root, symlinks=True)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def is_system_page(page: Path) -> bool:
    """<lang>/<sector>/<system>/index.html, not a sector's history, a month of changes or the
    application form (pages at the same depth)."""
    return page.parent.name != "history" and page.parts[-3] not in ("changes", "apply")


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_exact_set_of_files(site: Path) -> None:
    published = {f for f in files_of(site) if not f.startswith("assets/")}
    assert published == EXPECTED


def test_assets_are_material_and_ours_only(site: Path) -> None:
    import material

    theme = Path(material.__file__).parent / "templates"
    ours = {f"assets/trustlist/{n}" for n in ASSETS}
    for asset in files_of(site):
        if asset.startswith("assets/") and asset not in ours:
            assert (theme / asset).is_file(), asset


def test_documents_are_byte_identical(site: Path) -> None:
    for name in ("application.pdf", "copyright-certificate.pdf", "audit-report.pdf", "system.yaml"):
        source = (BASE / FOLDER / name).read_bytes()
        assert (site / "documents/health/demo-triage" / name).read_bytes() == source


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_html_lang_on_every_page(site: Path, lang: str) -> None:
    for page in sorted(p for p in PAGES if p.startswith(f"{lang}/")):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{lang}"', html), page


def test_language_switch_leads_to_the_same_system(site: Path) -> None:
    html = (site / "kk/health/demo-triage/index.html").read_text(encoding="utf-8")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"', html))
    resolved = {
        lang: (site / "kk/health/demo-triage" / href / "index.html").resolve()
        for href, lang in links.items()
    }
    assert resolved == {
        lang: (site / f"{lang}/health/demo-triage/index.html").resolve()
        for lang in ("kk", "ru", "en")
    }


def test_system_page_shows_the_record(site: Path) -> None:
    html = (site / "ru/health/demo-triage/index.html").read_text(encoding="utf-8")
    for expected in (
        "Демо-система триажа",
        "260540001236",
        "Сортировка пациентов в приёмном отделении.",
        "fc57c0c647653d774f910b94d0632488b8c7203ece94e003c82ae9074d11ac0e",
        "../../../documents/health/demo-triage/audit-report.pdf",
        "2027-04-20",
        "No. 1-ИИ",
    ):
        assert expected in html, expected


def test_missing_english_is_marked_and_russian_shown(site: Path) -> None:
    html = (site / "en/health/demo-triage/index.html").read_text(encoding="utf-8")
    assert '<span lang="ru">ТОО «Демо Клиника»</span>' in html
    assert '<div class="tl-text" lang="ru">' in html


def test_system_pages_are_not_in_the_navigation(site: Path) -> None:
    sector = (site / "kk/health/index.html").read_text(encoding="utf-8")
    nav = sector[
        sector.index('<nav class="md-nav md-nav--primary"') : sector.index(
            "</nav>", sector.index("md-nav--primary")
        )
    ]
    assert "demo-triage" not in nav
    assert "health/" in nav or 'href="./"' in nav


def test_no_third_party_hosts_in_pages(site: Path) -> None:
    for page in PAGES:
        html = (site / page).read_text(encoding="utf-8")
        hosts = set(re.findall(r'(?:src|href)="https?://([^/"]+)', html))
        # Only record data (owner and terms links, the authority's site) may point elsewhere,
        # and only as links, never as loaded resources.
        assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html), page
        # The footer links the data's licence (a link, nothing loaded from it).
        allowed = {"clinic.example.kz", "www.gov.kz", "trustlist.example.kz", "creativecommons.org"}
        assert hosts <= allowed, hosts


@pytest.fixture
def hostile_site(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root, symlinks=True)
    edit(
        root / SYSTEM, "  ru: Демо-система триажа", '  ru: </title><script>alert(1)</script> & "x"'
    )
    edit(
        root / SYSTEM,
        "    kk: Шұғыл бөлімдегі пациенттерді сұрыптау.",
        "    kk: '**bold** [link](javascript:alert(1)) <img src=x onerror=alert(2)>'",
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_record_text_is_escaped_never_markup(hostile_site: Path) -> None:
    for lang in ("kk", "ru", "en"):
        html = (hostile_site / lang / "health/demo-triage/index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert "<strong>bold</strong>" not in html
    ru = (hostile_site / "ru/health/demo-triage/index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34; – " in ru
    kk = (hostile_site / "kk/health/demo-triage/index.html").read_text(encoding="utf-8")
    assert "**bold** [link](javascript:alert(1)) &lt;img src=x onerror=alert(2)&gt;" in kk
    index = (hostile_site / "ru/search/index.json").read_text(encoding="utf-8")
    assert "</title><script>" in index  # JSON data; the script inserts it with textContent


def test_private_document_is_never_published(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root, symlinks=True)
    edit(
        root / SYSTEM,
        "    languages: [kk]\n    public: true\n",
        "    languages: [kk]\n    public: false\n    custodian:\n      kk: Клиника\n      ru: Клиника\n"
        "    request:\n      kk: Хат жазыңыз\n      ru: Напишите письмо\n",
    )
    (root / FOLDER / "application.pdf").unlink()
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (site / "documents/health/demo-triage/application.pdf").exists()
    digest = hashlib.sha256((BASE / FOLDER / "application.pdf").read_bytes()).hexdigest()
    assert all(
        hashlib.sha256(p.read_bytes()).hexdigest() != digest for p in site.rglob("*") if p.is_file()
    )
    html = (site / "ru/health/demo-triage/index.html").read_text(encoding="utf-8")
    assert "Министерство здравоохранения Республики Казахстан" in html
    assert "Напишите письмо" in html


def test_relative_links_are_what_posixpath_computes() -> None:
    # pages.relative avoids relpath's per-call getcwd; it must give the same answers.
    import itertools
    import posixpath

    from trustlist.site.pages import relative

    paths = ["", "kk/", "kk/health/", "kk/health/demo/", "ru/health/demo/", "kk/healthcare/"]
    files = ["api/v1/registry.json", "kk/health/demo/application.pdf", "kk/feeds/all.atom"]
    for here, there in itertools.product(paths, paths + files):
        expected = posixpath.relpath(there or ".", here.rstrip("/") or ".")
        if there.endswith("/") and not expected.endswith("/"):
            expected += "/"
        assert relative(here, there) == expected, (here, there)


def _nav_targets(site: Path, page: Path) -> list[str]:
    """Where the primary navigation's links of a built page lead, as site paths."""
    import posixpath

    html = page.read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary"')
    nav = html[start : html.index("</nav>", start)]
    here = posixpath.dirname(page.relative_to(site).as_posix())
    return [posixpath.normpath(posixpath.join(here, h)) for h in re.findall(r'href="([^"]+)"', nav)]


def test_system_pages_share_a_correct_navigation(sample_site: Path) -> None:
    # The nav of system pages is rendered once per language and sector (trustlist_nav_key):
    # on every system page each link must lead where the language's home page's links lead.
    pages = 0
    for lang in ("kk", "ru", "en"):
        home = _nav_targets(sample_site, sample_site / lang / "index.html")
        assert len(home) > 5
        for page in sample_site.glob(f"{lang}/*/*/index.html"):
            if page.parent.name != "history":
                pages += 1
                assert _nav_targets(sample_site, page) == home, page
    assert pages >= 3 * 17


def test_the_writer_renders_every_history_part_ahead_of_the_pages(sample_site: Path) -> None:
    # Each history page, and each system page's history section, is rendered by the forked
    # writer and taken by the build (the next test shows the bytes are those of a build that
    # renders them itself).
    history = list(sample_site.glob("*/*/history/index.html"))
    systems = [p for p in sample_site.glob("*/*/*/index.html") if is_system_page(p)]
    parts = len(history) + len(systems)
    assert len(history) >= 3 * 5
    log = (sample_site.parent / "build.log").read_text("utf-8")
    assert f"trustlist: {parts} of {parts} pages' history parts rendered by the writer (" in log


def test_shared_fragments_give_the_bytes_of_pages_rendered_in_full(
    sample_site: Path, tmp_path: Path
) -> None:
    # System pages of a sector share parts of Material's frame, rendered once
    # (share_fragments), a forked process writes the documents and exports (parallel), caches
    # keep verdicts, PDFs and compiled templates, the GC pauses: the reference, every speed
    # switch off (ARCHITECTURE.md), renders every page in full in one process, keeps nothing
    # and must match byte for byte.
    config = (PROJECT / "mkdocs.yml").read_text("utf-8")
    assert config.count("      registry: registry\n") == 1
    config = config.replace(
        "      registry: registry\n",
        f"      registry: {PROJECT / 'registry'}\n      share_fragments: false\n"
        "      parallel: false\n",
    ).replace("docs_dir: docs\n", f"docs_dir: {PROJECT / 'docs'}\n")
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    every_switch_off = {"TRUSTLIST_CACHE": "off", "TRUSTLIST_GC_PAUSE": "off"}
    reference = build_site(tmp_path / "mkdocs.yml", tmp_path / "site", env=every_switch_off)
    shared = sorted(p.relative_to(sample_site) for p in sample_site.rglob("*") if p.is_file())
    full = sorted(p.relative_to(reference) for p in reference.rglob("*") if p.is_file())
    assert shared == full
    system_pages = [p for p in shared if p.match("*/*/*/index.html") and p.parts[2] != "history"]
    assert len(system_pages) >= 3 * 17
    differing = [
        p for p in shared if (sample_site / p).read_bytes() != (reference / p).read_bytes()
    ]
    assert differing == []
