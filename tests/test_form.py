"""The application form (/<lang>/apply/form/) in a real browser, as an applicant who is not a
programmer uses it: filled in Russian with three real PDFs, it gives back a zip whose folder,
unzipped into a copy of the sample registry in a git repository, passes `trustlist validate` and
the pull request's `trustlist check`; a wrong BIN, a missing field, a taken id or an invisible
character is said beside its field in the page's language and gives no zip. Every request the
page makes is recorded: none leaves 127.0.0.1, and the schema comes from the site itself.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import LANGS, PROJECT, WCAG_21_AA, git
from helpers import build, run
from pdf_fixtures import clean_pdf
from trustlist.core.i18n import t
from trustlist.core.identifiers import bin_problem
from trustlist.core.load import load_yaml

pytest.importorskip("playwright.sync_api")
from axe_playwright_python.sync_playwright import Axe

SYSTEM_ID = "form-chest-triage"
FOLDER = f"registry/healthcare/{SYSTEM_ID}"
OWNER_BIN, AUDITOR_BIN, DEPLOYER_BIN = "230540123456", "190840001112", "061140002220"
# A purpose with what a hand-written YAML value would trip over: a colon, quotes, a hash, a
# backslash, a second line, and Kazakh letters.
PURPOSE_RU = 'Сортировка снимков: «срочно» и "планово" # не комментарий\\n\nвторая строка'

# Each field by its id in the page, and what the applicant types there.
TYPED = {
    "tl-f-id": SYSTEM_ID,
    "tl-f-name-kk": "Кеуде суреттерін сұрыптау (нысан)",
    "tl-f-name-ru": "Сортировка снимков грудной клетки (форма)",
    "tl-f-owner-name-kk": "«Нысан Клиника» ЖШС",
    "tl-f-owner-name-ru": "ТОО «Клиника Форма»",
    "tl-f-owner-bin": OWNER_BIN,
    "tl-f-owner-website": "https://form-clinic.example.kz",
    "tl-f-description-purpose-kk": "Рентгенограммаларды шұғылдығы бойынша сұрыптау.",
    "tl-f-description-purpose-ru": PURPOSE_RU,
    "tl-f-description-methods-kk": "Қатпарлы нейрондық желі.",
    "tl-f-description-methods-ru": "Свёрточная нейронная сеть.",
    "tl-f-description-limitations-kk": "Диагноз қоймайды.",
    "tl-f-description-limitations-ru": "Не ставит диагноз.",
    "tl-f-synthetic_content-marking-kk": "Әр есепте «ЖИ жасаған» белгісі бар.",
    "tl-f-synthetic_content-marking-ru": "Каждый отчёт помечен «создано ИИ» в метаданных.",
    "tl-f-users_rights-notification-kk": "Пациентке жазбаша хабарланады.",
    "tl-f-users_rights-notification-ru": "Пациента уведомляют письменно.",
    "tl-f-users_rights-objection-kk": "Пациент бас тарта алады.",
    "tl-f-users_rights-objection-ru": "Пациент может отказаться от автоматической сортировки.",
    "tl-f-users_rights-contact-email": "rights@form-clinic.example.kz",
    "tl-f-users_rights-contact-phone": "+7 7172 00 00 02",
    "tl-f-users_rights-terms_of_use": "https://form-clinic.example.kz/terms",
    "tl-f-application-reference": "APP-2026-100",
    "tl-f-application-submitted": "2026-06-01",
    "tl-f-copyright-number": "AGR-2025-77",
    "tl-f-copyright-date": "2025-12-01",
    "tl-f-audit-auditor-name-kk": "«Нысан Аудит» ЖШС",
    "tl-f-audit-auditor-name-ru": "ТОО «Форма Аудит»",
    "tl-f-audit-auditor-bin": AUDITOR_BIN,
    "tl-f-audit-report_date": "2026-05-10",
    "tl-f-audit-valid_until": "2027-05-09",
}
TICKED = [
    "#tl-f-owner-role-owner",
    "#tl-f-national_ai_platform-tested",
    "#tl-f-synthetic_content-produces",
    "#tl-f-copyright-kind-agreement",
    "#tl-f-audit-conclusion",
    "#tl-f-file-application-kk",
    "#tl-f-file-application-ru",
    "#tl-f-file-copyright-ru",
    "#tl-f-file-audit_report-ru",
    "#tl-f-file-audit_report-en",
]
# The PDFs as an applicant's computer names them: the form names them as the registry wants.
PDFS = {
    "application": ("Заявление.pdf", "application.pdf"),
    "copyright": ("Авторский договор (подписан).pdf", "copyright-agreement.pdf"),
    "audit_report": ("audit report FINAL.pdf", "audit-report.pdf"),
}


def test_the_sample_values_are_valid_bins() -> None:
    # The values above are the applicant's real data, not what the form must refuse.
    assert [bin_problem(b) for b in (OWNER_BIN, AUDITOR_BIN, DEPLOYER_BIN)] == [None] * 3


FORM_JS = PROJECT / "plugins/trustlist/assets/trustlist-form.js"


def form_texts() -> dict[str, list[str]]:
    """The form's table of texts, read from its script: a JavaScript object literal of
    `key: [kk, ru, en]` lines, JSON but for its comments, bare keys and trailing commas."""
    source = FORM_JS.read_text(encoding="utf-8")
    start = source.index("var TEXTS = {") + len("var TEXTS = ")
    body = source[start : source.index("\n  };\n", start) + 4]
    body = re.sub(r"^\s*//.*$", "", body, flags=re.MULTILINE)
    body = re.sub(r"^(\s*)([a-z_]+): ", r'\1"\2": ', body, flags=re.MULTILINE)
    return json.loads(re.sub(r",(\s*[\]}])", r"\1", body))


def test_every_text_of_the_form_is_in_kk_ru_and_en() -> None:
    texts = form_texts()
    assert len(texts) > 100
    for key, said in texts.items():
        assert len(said) == 3 and all(text.strip() for text in said), key
        kk, ru, en = said
        if key != "col_hash":  # SHA-256 is SHA-256 in every language
            assert re.search("[а-яәғқңөұүһі]", kk, re.IGNORECASE), key
            assert re.search("[а-яё]", ru, re.IGNORECASE), key
            assert not re.search("[а-яё]", en, re.IGNORECASE), key
        # The same placeholders in each language.
        assert len({tuple(sorted(re.findall(r"{\w+}", text))) for text in said}) == 1, key


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_page_sits_beside_the_guide_and_loads_only_its_own_files(
    sample_site: Path, lang: str
) -> None:
    guide = (sample_site / lang / "apply/index.html").read_text(encoding="utf-8")
    form = (sample_site / lang / "apply/form/index.html").read_text(encoding="utf-8")
    assert 'href="form/"' in guide  # the guide leads to the form
    assert f'<div id="tl-form" class="tl-form" data-lang="{lang}">' in form
    assert '<script src="../../../assets/trustlist/trustlist-form.js"></script>' in form
    for asset in ("trustlist-form.js", "trustlist-form.css"):
        assert (sample_site / "assets/trustlist" / asset).is_file()
    # No script of its own in the page: the content security policy forbids inline scripts.
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", form)
    assert inline == []
    # The language switch leads to the same form in the other languages.
    for other in LANGS:
        href = "./" if other == lang else f"../../../{other}/apply/form/"
        assert f'<a href="{href}" hreflang="{other}" lang="{other}"' in form


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_leads_applicants_to_the_form_and_journalists_to_the_months(
    page: object, lang: str
) -> None:
    """An applicant reaches the form from the home page, in the page's language; a journalist
    reaches the changes by month, and from there a month's page and its table."""
    page.goto(f"/{lang}/")
    form = page.locator("#tl-home-form")
    assert form.inner_text() == t("home_form", lang)
    form.click()
    page.wait_for_url(f"**/{lang}/apply/form/")
    assert page.locator("html").get_attribute("lang") == lang
    page.locator("select#tl-f-sector").wait_for()
    page.goto(f"/{lang}/")
    months = page.locator("#tl-home-months")
    assert months.inner_text() == t("home_months", lang)
    months.click()
    page.wait_for_url(f"**/{lang}/changes/")
    assert page.locator("h1").inner_text() == t("changes_title", lang)
    month = page.locator("table.tl-months tbody th a").first
    name = month.inner_text()
    month.click()
    page.wait_for_url(re.compile(rf".*/{lang}/changes/\d{{4}}-\d{{2}}/$"))
    assert name.lower() in page.locator("h1").inner_text().lower()
    assert page.locator("a[download][href$='.csv']").count() >= 1


def test_a_home_page_without_the_form_links_no_form(base: Path) -> None:
    """A site whose docs/ has no form page (the base registry's) links none from home."""
    result = build(base)
    assert result.returncode == 0, result.stderr
    home = (base / "site/kk/index.html").read_text(encoding="utf-8")
    assert 'id="tl-home-form"' not in home
    assert '<a href="changes/" id="tl-home-months">' in home


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_offers_the_sectors_of_the_sectors_file_in_its_language(
    page: object, sample_site: Path, lang: str
) -> None:
    """The form reads api/v1/sectors.json, the site's sectors as data, never a page's markup:
    each sector by its id, named in the page's language, in the file's order."""
    published = json.loads((sample_site / "api/v1/sectors.json").read_text(encoding="utf-8"))
    registry = sorted(path.parent.name for path in (PROJECT / "registry").glob("*/sector.yaml"))
    assert [sector["id"] for sector in published["sectors"]] == registry
    for sector in published["sectors"]:
        assert sector["pages"][lang] == f"https://trustlist.example.kz/{lang}/{sector['id']}/"
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_form(page, lang)
    options = page.locator("#tl-f-sector option")
    offered = [(o.get_attribute("value"), o.inner_text()) for o in options.all()][1:]
    assert offered == [(s["id"], s["name"][lang]) for s in published["sectors"]]
    assert any(url.endswith("/api/v1/sectors.json") for url in asked)
    assert not any(url.endswith(f"/{lang}/") for url in asked)  # the home page is not read


class Recorded:
    """Every request a page made, its errors, and the downloads it offered."""

    def __init__(self, page: object) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.downloads: list[object] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda err: self.errors.append(f"page error: {err}"))
        page.on("console", self._console)
        page.on("download", lambda download: self.downloads.append(download))

    def _console(self, message: object) -> None:
        # A published system's id is looked up with HEAD api/v1/systems/<id>.json: a free id
        # answers 404, which Chromium logs as a failed load.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(f"console: {message.text}")

    def foreign(self, origin: str) -> list[str]:
        return [
            url
            for url in self.requests
            if not (url.startswith(origin + "/") or url.startswith(("blob:", "data:")))
        ]


@pytest.fixture
def recorded(browser: object, server: str) -> Iterator[tuple[object, Recorded]]:
    context = browser.new_context(accept_downloads=True, base_url=server)
    context.set_default_timeout(15_000)
    page = context.new_page()
    record = Recorded(page)
    yield page, record
    context.close()
    assert record.foreign(server) == []
    assert record.errors == []


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("applicant")
    made = {}
    for slot, (name, _) in PDFS.items():
        made[slot] = folder / name
        made[slot].write_bytes(clean_pdf(f"{slot}: form-chest-triage"))
    return made


def open_form(page: object, lang: str) -> None:
    page.goto(f"/{lang}/apply/form/")
    assert page.locator("html").get_attribute("lang") == lang
    # The sectors come from api/v1/sectors.json: the list is there once it is a <select>.
    page.locator("select#tl-f-sector").wait_for()


ADD = {"kk": "Ұйым қосу", "ru": "Добавить организацию", "en": "Add an organisation"}


def fill_in(page: object, pdfs: dict[str, Path], lang: str = "ru", **changes: str) -> None:
    """Every field as the applicant fills it in; `changes` overrides a field (by id)."""
    for field, value in {**TYPED, **changes}.items():
        page.locator(f"#{field}").fill(value)
    page.locator("#tl-f-sector").select_option("healthcare")
    for box in TICKED:
        page.locator(box).check()
    page.get_by_role("button", name=ADD[lang]).click()
    page.locator("#tl-f-deployers-0-name-kk").fill("№ 7 қалалық аурухана")
    page.locator("#tl-f-deployers-0-name-ru").fill("Городская больница № 7")
    page.locator("#tl-f-deployers-0-bin").fill(DEPLOYER_BIN)
    for slot, path in pdfs.items():
        page.locator(f"#tl-f-file-{slot}").set_input_files(str(path))


def submit(page: object) -> None:
    page.locator("form.tl-form-form button[type=submit]").click()
    page.locator("form.tl-form-form button[type=submit]:not([disabled])").wait_for()


def sample_repository(root: Path) -> str:
    """A git repository holding a copy of the sample registry, committed on a fixed date; its
    commit is the base an application's pull request is judged against."""
    shutil.copytree(PROJECT / "registry", root / "registry")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "registry")
    git(root, "commit", "-q", "-m", "The sample registry")
    return git(root, "rev-parse", "HEAD").strip()


def test_a_russian_application_becomes_a_record_the_check_accepts(
    recorded: tuple[object, Recorded], server: str, pdfs: dict[str, Path], tmp_path: Path
) -> None:
    page, record = recorded
    open_form(page, "ru")
    assert page.get_by_label("Идентификатор системы").count() == 1
    # The sectors, named in the page's language, as api/v1/sectors.json names them.
    sectors = page.locator("#tl-f-sector option").all_inner_texts()
    assert sectors[1:] == [
        "Образование",
        "Финансовый рынок",
        "Здравоохранение",
        "Юстиция",
        "Транспорт",
    ]
    # A BIN written in groups of digits is kept as its twelve digits.
    fill_in(page, pdfs, **{"tl-f-owner-bin": "2305 4012 3456"})
    # A second organisation, then the first removed: the second takes its place, as typed.
    page.get_by_role("button", name="Добавить организацию").click()
    page.locator("#tl-f-deployers-1-name-kk").fill("Екінші аурухана")
    page.locator("#tl-f-deployers-1-name-ru").fill("Вторая больница")
    page.locator("#tl-f-deployers-1-bin").fill(DEPLOYER_BIN)
    page.get_by_role("button", name="Удалить организацию № 1").click()
    assert page.locator("#tl-f-deployers-0-name-ru").input_value() == "Вторая больница"
    assert page.locator("#tl-f-deployers-1-name-ru").count() == 0
    submit(page)
    result = page.locator("section.tl-form-result")
    assert result.is_visible()
    assert page.locator("#tl-form-result-title").inner_text() == "Ваше заявление готово"
    # The page says each file's hash as it computed it.
    for slot, path in pdfs.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() in result.inner_text(), slot
    link = result.get_by_role("link", name=f"Скачать {SYSTEM_ID}.zip")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == f"{SYSTEM_ID}.zip"
    archive = tmp_path / download.suggested_filename
    download.save_as(archive)

    with zipfile.ZipFile(archive) as opened:
        assert opened.testzip() is None  # every CRC-32 right
        names = opened.namelist()
        assert names == [
            f"{FOLDER}/system.yaml",
            *(f"{FOLDER}/{kept}" for _, kept in PDFS.values()),
        ]
        root = tmp_path / "repo"
        base = sample_repository(root)
        opened.extractall(root)
    for slot, (_, kept) in PDFS.items():
        assert (root / FOLDER / kept).read_bytes() == pdfs[slot].read_bytes()

    text = (root / FOLDER / "system.yaml").read_text(encoding="utf-8")
    for bodys_field in ("list_number:", "decision:", "status:"):
        assert f"\n{bodys_field}" not in text
    assert "\n    languages: [kk, ru]\n" in text  # as trustlist add-document writes them
    loaded = load_yaml(root / FOLDER / "system.yaml", f"{FOLDER}/system.yaml")
    assert loaded.findings == []
    data = loaded.data
    assert data["description"]["purpose"]["ru"] == PURPOSE_RU  # every character as typed
    assert data["owner"] == {
        "role": "owner",
        "name": {"kk": "«Нысан Клиника» ЖШС", "ru": "ТОО «Клиника Форма»"},
        "bin": OWNER_BIN,
        "website": "https://form-clinic.example.kz",
    }
    assert data["deployers"] == [
        {
            "name": {"kk": "Екінші аурухана", "ru": "Вторая больница"},
            "bin": DEPLOYER_BIN,
        }
    ]
    assert data["national_ai_platform"] == {"developed": False, "tested": True}
    assert data["users_rights"]["contact"]["phone"] == "+7 7172 00 00 02"
    assert [(d["kind"], d["file"], d["languages"], d["public"]) for d in data["documents"]] == [
        ("application", "application.pdf", ["kk", "ru"], True),
        ("copyright_agreement", "copyright-agreement.pdf", ["ru"], True),
        ("audit_report", "audit-report.pdf", ["ru", "en"], True),
    ]

    validated = run("validate", "registry", cwd=root)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    # Committed as GitHub's upload commits it, the pull request passes the application's check.
    git(root, "checkout", "-q", "-b", "apply")
    git(root, "add", "registry")
    git(root, "commit", "-q", "-m", "Application", when="2026-06-01T12:00:00+05:00")
    checked = run("check", "--base", base, "--today", "2026-06-01", cwd=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    # What the page fetched: its own files, the schema and the sectors' file, all here; no
    # page's markup.
    assert f"{server}/api/v1/schemas/system.schema.json" in record.requests
    assert f"{server}/api/v1/sectors.json" in record.requests
    assert f"{server}/ru/" not in record.requests


# What a wrong BIN and an empty field say, in each language, beside the field.
WRONG_BIN = OWNER_BIN[:-1] + "7"
SAID = {
    "kk": (
        "БСН-нің бақылау цифры 6 болуы керек, берілгені 7: нөмірді тексеріңіз",
        "Осы өрісті толтырыңыз",
    ),
    "ru": ("Контрольная цифра БИН должна быть 6, указано 7: проверьте номер", "Заполните это поле"),
    "en": ("The BIN's check digit must be 6, got 7: check the number", "Fill in this field"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_bin_and_a_missing_field_are_said_beside_them_and_give_no_zip(
    recorded: tuple[object, Recorded], pdfs: dict[str, Path], lang: str
) -> None:
    page, record = recorded
    open_form(page, lang)
    fill_in(page, pdfs, lang, **{"tl-f-owner-bin": WRONG_BIN, "tl-f-name-ru": ""})
    submit(page)
    wrong_bin, empty = SAID[lang]
    bin_error = page.locator("#tl-f-owner-bin-error")
    assert bin_error.inner_text() == wrong_bin
    # Beside the field: in its label's block, and read out with it.
    field = page.locator("#tl-f-owner-bin")
    assert field.get_attribute("aria-invalid") == "true"
    assert "tl-f-owner-bin-error" in field.get_attribute("aria-describedby").split()
    assert page.locator("#tl-f-name-ru-error").inner_text() == empty
    assert page.locator("#tl-f-name-ru").get_attribute("aria-invalid") == "true"
    # The summary says both and takes the focus; nothing else is wrong.
    summary = page.locator(".tl-form-summary")
    assert summary.evaluate("node => node === document.activeElement")
    assert summary.locator("li").count() == 2
    # No archive: nothing to download, and nothing was.
    assert page.locator("section.tl-form-result").is_hidden()
    assert page.locator("a[download]").count() == 0
    assert record.downloads == []


def test_a_published_id_an_invisible_character_and_a_foreign_file_are_refused(
    recorded: tuple[object, Recorded], pdfs: dict[str, Path], tmp_path: Path
) -> None:
    page, record = recorded
    open_form(page, "ru")
    not_pdf = tmp_path / "audit.pdf"
    not_pdf.write_bytes(b"PK\x03\x04 a zip renamed")
    fill_in(
        page,
        {**pdfs, "audit_report": not_pdf},
        **{"tl-f-id": "demo-xray-triage", "tl-f-owner-name-ru": "ТОО\u200b «Клиника»"},
    )
    submit(page)
    taken = "Идентификатор 'demo-xray-triage' уже у опубликованной системы; выберите другой"
    assert page.locator("#tl-f-id-error").inner_text() == taken
    assert "(U+200B)" in page.locator("#tl-f-owner-name-ru-error").inner_text()
    assert "не начинается с «%PDF-»" in page.locator("#tl-f-file-audit_report-error").inner_text()
    assert page.locator(".tl-form-summary li").count() == 3
    assert record.downloads == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [1280, 375])
def test_the_form_is_accessible_and_fits_a_phone(
    browser: object, server: str, pdfs: dict[str, Path], lang: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, base_url=server)
    page = context.new_page()
    record = Recorded(page)
    try:
        open_form(page, lang)
        # As it opens, with every problem of an empty form shown, and with its result.
        for step in ("open", "problems", "result"):
            if step == "problems":
                submit(page)
                assert page.locator(".tl-form-summary").is_visible()
            if step == "result":
                fill_in(page, pdfs, lang)
                submit(page)
                assert page.locator("section.tl-form-result a[download]").is_visible()
            # Focus moved to the summary or the result scrolls the page, and Material's header
            # fades its title in: axe reads colours once every transition has ended.
            page.wait_for_function(
                "() => document.getAnimations().every(a => a.playState !== 'running')"
            )
            report = Axe().run(page, options=WCAG_21_AA)
            assert report.violations_count == 0, f"{step}: {report.generate_report()}"
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, step
        assert record.errors == []
        assert record.foreign(server) == []
    finally:
        context.close()
