"""History for people (issue 25): a real git history of the fixture registry, built by real
MkDocs, read as a citizen or a journalist reads it. Each change is a sentence with the
system's name, the field's label and the value in words, in Kazakh, Russian and English; the
list's revision, the body's decision and the publication are three dates, each named; a page
per month lists its changes and gives them as a CSV table; and nothing internal (a commit's
subject, a reviewers' team) is published, while each revision's commit is."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import BASE, SECTOR, SYSTEM, WCAG_21_AA, commit, edit, git, replace_document
from helpers import CONFIG, build
from pdf_fixtures import clean_pdf
from trustlist.core.i18n import t

SITE_URL = "https://trustlist.example.kz/"
TRIAGE = "registry/health/demo-triage"
NEW = "registry/health/demo-new"
# Every commit subject says something only the maintainers should read.
SUBJECTS = {
    "opened": "INTERNAL-1 open the list, ticket OPS-11",
    "triage": "INTERNAL-2 include demo-triage after call with Aigerim",
    "new": "INTERNAL-3 include demo-new (fast track)",
    "audit": "INTERNAL-4 renewed audit, see chat",
    "excluded": "INTERNAL-5 exclude demo-new per legal",
    "rota": "INTERNAL-6 reviewers rota",
    "restored": "INTERNAL-7 restore demo-new",
}
TEAM = "@kz-trustlist/night-shift-reviewers"
DEPLOYER = """\
deployers:
  - name:
      kk: Демо аурухана
      ru: Демо-больница
      en: Demo hospital
"""
POLYCLINIC = """\
deployers:
  - name:
      kk: № 3 қалалық емхана
      ru: Городская поликлиника № 3
    bin: "050240001231"
"""
NEW_NAMES = {"kk": "Жаңа демо сканер", "ru": "Новый демо-сканер", "en": "New demo scanner"}


def told_story(root: Path) -> None:
    """A list opened in May 2026; demo-triage included in May, demo-new in June; demo-triage's
    audit renewed in July; demo-new excluded in August, when the reviewers also change; and
    restored in September. Times are Kazakhstan's (UTC+5)."""
    git(root, "init", "-q", "-b", "main")
    shutil.move(root / TRIAGE, root / "held")
    commit(root, SUBJECTS["opened"], when="2026-05-01T09:00:00+05:00")
    shutil.move(root / "held", root / TRIAGE)
    commit(root, SUBJECTS["triage"], when="2026-05-19T10:00:00+05:00")
    shutil.copytree(root / TRIAGE, root / NEW)
    record = root / NEW / "system.yaml"
    edit(record, "id: demo-triage", "id: demo-new")
    edit(record, "list_number: 1", "list_number: 2")
    edit(record, "  kk: Демо триаж жүйесі\n", f"  kk: {NEW_NAMES['kk']}\n")
    edit(record, "  ru: Демо-система триажа\n", f"  ru: {NEW_NAMES['ru']}\n")
    edit(record, "  en: Demo triage system\n", f"  en: {NEW_NAMES['en']}\n")
    edit(record, "  date: 2026-05-15\n", "  date: 2026-06-08\n")
    edit(record, "  published: 2026-05-19\n", "  published: 2026-06-12\n")
    commit(root, SUBJECTS["new"], when="2026-06-12T10:00:00+05:00")
    replace_document(root, "audit-report.pdf", clean_pdf("Renewed audit report"))
    edit(root / SYSTEM, "report_date: 2026-04-20", "report_date: 2026-06-20")
    edit(root / SYSTEM, "  date: 2026-05-15\n", "  date: 2026-06-30\n")
    edit(root / SYSTEM, "  published: 2026-05-19\n", "  published: 2026-07-01\n")
    edit(
        root / SYSTEM,
        "website: https://clinic.example.kz\n",
        "website: https://clinic.example.kz/ai\n",
    )
    edit(root / SYSTEM, "risk_level: high\n", "risk_level: high\n" + DEPLOYER)
    commit(root, SUBJECTS["audit"], when="2026-07-01T10:00:00+05:00")
    edit(
        record,
        "state: listed\n",
        "state: excluded\n  since: 2026-08-01\n  reason: audit_withdrawn\n",
    )
    commit(root, SUBJECTS["excluded"], when="2026-08-01T10:00:00+05:00")
    edit(root / SECTOR, '"@kz-trustlist/health-reviewers"', f'"{TEAM}"')
    commit(root, SUBJECTS["rota"], when="2026-08-20T10:00:00+05:00")
    edit(
        record,
        "state: excluded\n  since: 2026-08-01\n  reason: audit_withdrawn\n",
        "state: listed\n",
    )
    # demo-triage's hospital gives way to a polyclinic, named with its BIN.
    edit(root / SYSTEM, DEPLOYER, POLYCLINIC)
    commit(root, SUBJECTS["restored"], when="2026-09-01T10:00:00+05:00")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("told") / "repo"
    shutil.copytree(BASE, root)
    (root / ".gitignore").write_text("site/\nmkdocs.yml\ndocs/\n", encoding="utf-8")
    told_story(root)
    config = CONFIG.replace(
        "site_name: Test register", f"site_name: Test register\nsite_url: {SITE_URL}"
    )
    result = build(root, config=config)
    assert result.returncode == 0, result.stderr
    return root / "site"


INLINE = re.compile(r"</?(?:a|span|time|strong|small|code|abbr)\b[^>]*>")


def page(site: Path, path: str) -> str:
    """A page's text as a reader sees it: inline tags dropped, the rest a space."""
    markup = INLINE.sub("", (site / path / "index.html").read_text(encoding="utf-8"))
    return " ".join(re.sub(r"<[^>]+>", " ", markup).split())


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_russian_history_page_reads_in_words(site: Path) -> None:
    text = page(site, "ru/health/history")
    assert (
        "Система «Новый демо-сканер»: включена в список под № 2; решение органа от "
        "8 июня 2026 года (No. 1-ИИ), опубликовано 12 июня 2026 года." in text
    )
    assert (
        "Система «Новый демо-сканер»: исключена из списка с 1 августа 2026 года, причина: "
        "аудиторское заключение отозвано." in text
    )
    assert "Система «Новый демо-сканер»: восстановлена в списке." in text
    # Fields by the system page's labels, dates in words, documents by their titles.
    assert (
        "изменено «Аудит: дата отчёта»: было 20 апреля 2026 года, стало 20 июня 2026 года" in text
    )
    assert "изменено «Дата решения органа»: было 15 мая 2026 года, стало 30 июня 2026 года" in text
    assert "изменено «Дата опубликования»: было 19 мая 2026 года, стало 1 июля 2026 года" in text
    assert "(audit-report.pdf)" in text and "заменён новой версией" in text
    assert (
        "изменено «Собственник или владелец: веб-сайт»: было «https://clinic.example.kz», "
        "стало «https://clinic.example.kz/ai»" in text
    )
    # An organisation using the system, by its name in the page's language (not by its
    # position in the record); one replaced by another: the one added, the one removed.
    assert (
        "стало 1 июля 2026 года; указано «Организации, применяющие систему»: «Демо-больница»."
        in text
    )
    assert (
        "Система «Демо-система триажа»: указано «Организации, применяющие систему»: "
        "«Городская поликлиника № 3» (БИН 050240001231); удалено «Организации, применяющие "
        "систему» (было: «Демо-больница»)." in text
    )
    assert "Демо аурухана" not in text and "на казахском" not in text
    assert "наименование»" not in text  # no field of an organisation by its position
    assert "Список открыт." in text
    assert "Редакция № 6 Дата редакции списка 20 августа 2026 года, 10:00 (UTC+5)" in text
    assert "Записи не изменились." in text  # the reviewers changed: no entry did
    # The three dates, each named; the revision's date in words with its time.
    assert "Дата редакции списка 1 августа 2026 года, 10:00 (UTC+5)" in text
    assert "дата решения органа — когда уполномоченный орган принял решение" in text
    # What developers wrote is not what a reader reads.
    for raw in ("status.reason", "audit_withdrawn", "audit.report_date", "demo-new:", "«—»"):
        assert raw not in text, raw
    # Each name is a link to its system's page.
    assert '<a href="../demo-new/">Новый демо-сканер</a>' in html(site, "ru/health/history")


def test_the_kazakh_history_page_reads_in_words(site: Path) -> None:
    text = page(site, "kk/health/history")
    assert (
        "«Жаңа демо сканер»: тізімге № 2 болып енгізілді; органның шешімі: "
        "2026 жылғы 8 маусым (No. 1-ИИ), жарияланған күні: 2026 жылғы 12 маусым." in text
    )
    assert (
        "«Жаңа демо сканер»: 2026 жылғы 1 тамыздан бастап тізімнен алынып тасталды, "
        "себебі: аудит қорытындысы кері қайтарылды." in text
    )
    assert (
        "«Аудит: есеп күні» өзгерді: бұрын 2026 жылғы 20 сәуір, енді 2026 жылғы 20 маусым" in text
    )
    assert "Тізім редакциясының күні 2026 жылғы 1 тамыз, 10:00 (UTC+5)" in text
    assert "Тізім ашылды." in text
    for raw in ("status.reason", "audit_withdrawn", "excluded", "demo-new:", "Система"):
        assert raw not in text, raw
    assert (
        "«Жүйені қолданатын ұйымдар» көрсетілді: «№ 3 қалалық емхана» (БСН 050240001231); "
        "«Жүйені қолданатын ұйымдар» алынып тасталды (бұрын: «Демо аурухана»)." in text
    )


def test_the_english_history_page_reads_in_words(site: Path) -> None:
    text = page(site, "en/health/history")
    assert (
        "“New demo scanner”: excluded from the list since 1 August 2026, reason: the audit "
        "conclusion was withdrawn." in text
    )
    assert "Audit: report date changed from 20 April 2026 to 20 June 2026" in text
    assert "Organisations using the system given: “Demo hospital”" in text
    # The polyclinic has no English name: its Russian one, as the system page shows it.
    assert (
        "Organisations using the system given: “Городская поликлиника № 3” (BIN 050240001231); "
        "Organisations using the system removed (was: “Demo hospital”)." in text
    )


def test_a_system_page_tells_its_own_history(site: Path) -> None:
    text = page(site, "ru/health/demo-new")
    assert "История системы" in text
    assert (
        "Редакция № 5, 1 августа 2026 года, 10:00: Исключена из списка с 1 августа 2026 "
        "года, причина: аудиторское заключение отозвано." in text
    )
    assert "Редакция № 3, 12 июня 2026 года, 10:00: Включена в список под № 2" in text
    assert "demo-new:" not in text and "status.state" not in text


def test_a_month_of_changes_in_russian_and_kazakh(site: Path) -> None:
    text = page(site, "ru/changes/2026-08")
    assert "Изменения в списках: август 2026 года" in text
    assert "1 августа 2026 года, 10:00" in text
    assert "Здравоохранение" in text and "Редакция № 5" in text
    assert "Исключена из списка с 1 августа 2026 года" in text
    assert (
        "Предыдущий месяц: июль 2026 года" in text and "Следующий месяц: сентябрь 2026 года" in text
    )
    month = html(site, "ru/changes/2026-08")
    assert 'href="changes-2026-08-ru.csv"' in month
    assert '<a href="../../health/demo-new/">Новый демо-сканер</a>' in month
    kk = page(site, "kk/changes/2026-06")
    assert "Тізімдердегі өзгерістер: 2026 жылғы маусым" in kk
    assert "Жаңа демо сканер" in kk and "Тізімге № 2 болып енгізілді" in kk
    index = page(site, "ru/changes")
    for month_name in ("Сентябрь 2026 года", "Август 2026 года", "Июнь 2026 года", "Май 2026 года"):
        assert month_name in index, month_name
    assert index.index("Сентябрь") < index.index("Май")  # newest first


def test_the_months_table_opens_in_a_spreadsheet(site: Path) -> None:
    raw = (site / "ru/changes/2026-05/changes-2026-05-ru.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the Cyrillic
    assert raw.count(b"\r\n") == raw.count(b"\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
        "Дата редакции списка",
        "Отрасль",
        "Редакция списка",
        "Идентификатор системы",
        "Наименование системы",
        "Что изменилось",
        "Адрес страницы",
    ]
    assert rows[1] == [
        "2026-05-01", "Здравоохранение", "1", "", "", "Список открыт.",
        f"{SITE_URL}ru/health/history/#r1",
    ]  # fmt: skip
    assert rows[2] == [
        "2026-05-19", "Здравоохранение", "2", "demo-triage", "Демо-система триажа",
        "Включена в список под № 1; решение органа от 15 мая 2026 года (No. 1-ИИ), "
        "опубликовано 19 мая 2026 года.",
        f"{SITE_URL}ru/health/demo-triage/",
    ]  # fmt: skip
    assert len(rows) == 3
    kk = list(csv.DictReader(io.StringIO(
        (site / "kk/changes/2026-08/changes-2026-08-kk.csv").read_text("utf-8-sig"), newline=""
    )))  # fmt: skip
    assert [(r["Жүйенің идентификаторы"], r["Жүйенің атауы"]) for r in kk] == [
        ("demo-new", NEW_NAMES["kk"])
    ]  # the reviewers' change of 20 August is not the public's
    assert kk[0]["Не өзгерді"].startswith("2026 жылғы 1 тамыздан бастап тізімнен алынып тасталды")


def test_nothing_internal_is_published(site: Path) -> None:
    changes = json.loads((site / "api/v1/changes.json").read_text("utf-8"))
    revisions = changes["revisions"]
    assert [r["revision"] for r in revisions] == [1, 2, 3, 4, 5, 6, 7]
    assert all("subject" not in r and re.fullmatch(r"[0-9a-f]{40}", r["commit"]) for r in revisions)
    assert revisions[5]["events"] == []  # the reviewers changed: nothing the public reads
    published = [
        p
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".json", ".atom", ".html", ".csv", ".xml", ".txt")
    ]
    assert len(published) > 50
    for path in published:
        text = path.read_text("utf-8", errors="replace")
        assert "INTERNAL-" not in text, path
        assert TEAM not in text, path


def test_the_feed_says_it_in_words(site: Path) -> None:
    feed = (site / "ru/feeds/health.atom").read_text("utf-8")
    assert "Система «Новый демо-сканер»: восстановлена в списке." in feed
    assert "Дата редакции списка: 1 сентября 2026 года, 10:00 (UTC+5)" in feed
    assert "demo-new:" not in feed and "status.state" not in feed
    commits = json.loads((site / "api/v1/changes.json").read_text("utf-8"))["revisions"]
    assert f"Коммит: {commits[-1]['commit']}" in feed  # auditors find it in the repository


NAV_LINK = "//nav[contains(@class, 'md-nav--primary')]//a[contains(@class, 'md-nav__link')]"


def nav_links(path: Path) -> list[tuple[str, str, bool]]:
    """A page's navigation: each link's text, its target from the site's root, and whether it
    is marked as the page itself."""
    from lxml import html as lxml_html

    document = lxml_html.fromstring(path.read_bytes())
    here = path.parent
    found = []
    for link in document.xpath(NAV_LINK):
        target = (here / link.get("href")).resolve()
        found.append(
            (link.text_content().strip(), target, "md-nav__link--active" in link.get("class"))
        )
    return found


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_months_are_in_every_navigation_as_one_item(sample_site: Path, lang: str) -> None:
    """The changes by month are one item of each language's navigation, after the lists: the
    months' index, which leads to each month; the months themselves add nothing to it, so a
    navigation stays the same size whatever the number of months."""
    months = sorted(p.parent for p in (sample_site / lang / "changes").glob("*/index.html"))
    assert len(months) >= 2
    index = (sample_site / lang / "changes").resolve()
    sectors = [p.parent.parent.resolve() for p in (sample_site / lang).glob("*/history/index.html")]
    for path in [sample_site / lang / "index.html", index / "index.html", months[0] / "index.html"]:
        links = nav_links(path)
        targets = [target for _, target, _ in links]
        assert targets.count(index) == 1, path
        assert not set(targets) & {m.resolve() for m in months}, path
        at = targets.index(index)
        assert all(targets.index(s) < at for s in sectors), path  # after the lists
        assert links[at][0] == t("changes_title", lang)
    assert [active for _, target, active in nav_links(index / "index.html") if target == index] == [
        True
    ]
    # Every navigation of the language is as long, on its home and on each month.
    assert len({len(nav_links(m / "index.html")) for m in months}) == 1
    assert len(nav_links(months[0] / "index.html")) == len(
        nav_links(sample_site / lang / "index.html")
    )
    # From the index, each month is a link away.
    text = (index / "index.html").read_text("utf-8")
    for month in months:
        assert f'href="{month.name}/"' in text


# --- the sample site in a real browser (Playwright driving Debian's Chromium) ---------------


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_journalist_reads_a_month_and_downloads_its_table(page: object, lang: str) -> None:
    page.goto(f"/{lang}/changes/")
    assert page.locator("html").get_attribute("lang") == lang
    assert Axe().run(page, options=WCAG_21_AA).violations_count == 0
    months = page.locator("table.tl-months tbody th a")
    assert months.count() >= 1
    newest = months.first.inner_text()
    months.first.click()
    assert newest.lower() in page.locator("h1").inner_text().lower()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    rows = page.locator("table.tl-changes tbody tr")
    shown = [rows.nth(i).locator("td").last.inner_text() for i in range(rows.count())]
    assert shown and all(text.endswith(".") for text in shown)
    with page.expect_download() as info:
        page.locator("a[download][type='text/csv']").click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row[5] for row in table[1:]] == shown  # the table says what the page says
    # Each row's page is on the site; a system's name leads to it.
    for row in table[1:]:
        assert row[6].startswith(("https://", "/"))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_history_page_reads_in_words_and_passes_axe(page: object, lang: str) -> None:
    page.goto(f"/{lang}/healthcare/history/")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    text = page.locator("article").inner_text()
    assert not re.search(r"\b[a-z_]+\.[a-z_]+(\[\d+\])?\b: «", text)  # no raw field path
    names = page.locator("section.tl-revision li a")
    assert names.count() >= 1
    names.first.click()  # a system's name leads to its page
    assert page.locator("#history").count() == 1
