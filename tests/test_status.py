"""Status first (issue 25), in a real browser: a suspended, excluded or audit-expired system
says so before anything else, on its page (a named region with the date and the reason in
words), in its list row and in search results, in kk, ru and en; the facts' definition lists
pair every label with its one value; no "conclusion: positive" beside a withdrawn conclusion.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from functools import partial
from http.server import ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import LANGS, PROJECT, WCAG_21_AA, QuietHandler, Watch, build_site

DERMA, AML, XRAY = (
    "healthcare/demo-derma-check",
    "finance/demo-aml-monitoring",
    "healthcare/demo-xray-triage",
)

# (title of the notice, its sentence) per language: the suspended and the excluded sample.
SUSPENDED = {
    "kk": (
        "Жүйе тоқтатылған",
        "2026 жылғы 2 қарашадан бастап тоқтатылды. Себебі: аудит қорытындысы кері қайтарылды.",
    ),
    "ru": (
        "Система приостановлена",
        "Приостановлена с 2 ноября 2026 года. Причина: аудиторское заключение отозвано.",
    ),
    "en": (
        "This system is suspended",
        "Suspended since 2 November 2026. Reason: the audit conclusion was withdrawn.",
    ),
}
EXCLUDED = {
    "kk": (
        "Жүйе тізімнен алынып тасталған",
        "2026 жылғы 30 қазаннан бастап тізімнен алынып тасталды. Себебі: жүйеге құқықтар "
        "тоқтатылды.",
    ),
    "ru": (
        "Система исключена из списка",
        "Исключена из списка с 30 октября 2026 года. Причина: права на систему прекращены.",
    ),
    "en": (
        "This system has been excluded from the list",
        "Excluded from the list since 30 October 2026. Reason: the rights to the system ended.",
    ),
}


LABEL = {
    DERMA: {"kk": "Тоқтатылды", "ru": "Приостановлена", "en": "Suspended"},
    AML: {"kk": "Тізімнен алынып тасталды", "ru": "Исключена из списка", "en": "Excluded"},
}


def facts_pairs(page: object) -> list[list[str]]:
    """Each facts list's children as tag names: a label and its one value, alternating."""
    return page.locator("main dl.tl-facts").evaluate_all(
        "dls => dls.map(dl => Array.from(dl.children, c => c.tagName))"
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("system", "said"), [(DERMA, SUSPENDED), (AML, EXCLUDED)], ids=["suspended", "excluded"]
)
def test_a_delisted_system_says_so_first(page: object, lang: str, system: str, said: dict) -> None:
    title, sentence = said[lang]
    page.goto(f"/{lang}/{system}/")
    notice = page.get_by_role("region", name=title)
    assert notice.is_visible()
    assert sentence in notice.inner_text()
    # Right under the name, before the facts.
    assert page.locator("main h1 + section.tl-notice").count() == 1
    for children in facts_pairs(page):
        assert children == ["DT", "DD"] * (len(children) // 2)
    # The status's value is the state alone: its date and reason have labels of their own.
    status = page.locator("main dl.tl-facts").first.locator("dd").first.inner_text()
    assert status == LABEL[system][lang]
    assert " ," not in page.locator("main").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_labels_and_values_stay_side_by_side(page: object, lang: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/{lang}/{DERMA}/")
    rows = page.locator("main dl.tl-facts").first.evaluate(
        """dl => Array.from(dl.querySelectorAll('dt')).map(dt => {
             const dd = dt.nextElementSibling;
             return [dt.textContent, dd.tagName, Math.round(dt.getBoundingClientRect().top),
                     Math.round(dd.getBoundingClientRect().top)];
           })"""
    )
    assert len(rows) == 6  # status, since, reason, list number, sector, risk level
    assert [(label, tag, top) for label, tag, top, _ in rows] == [
        (label, "DD", value_top) for label, _, _, value_top in rows
    ]
    number = page.locator("main dl.tl-facts dt").nth(3)
    assert number.evaluate("dt => dt.nextElementSibling.textContent") == "4"


CONCLUSION = {
    "kk": "қорытынды: оң (кейін аудитор кері қайтарып алды)",
    "ru": "заключение: положительное (впоследствии отозвано аудитором)",
    "en": "conclusion: positive (later withdrawn by the auditor)",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_withdrawn_conclusion_is_not_called_positive_alone(page: object, lang: str) -> None:
    page.goto(f"/{lang}/{DERMA}/")
    assert CONCLUSION[lang] in page.locator("#basis + dl").inner_text()
    page.goto(f"/{lang}/{XRAY}/")  # in good standing: no notice, no remark
    assert page.locator("section.tl-notice").count() == 0
    assert CONCLUSION[lang].split(" (")[0] + ";" in page.locator("#basis + dl").inner_text()


ROW = {
    "kk": ("Тізімнен алынып тасталды", "2026 жылғы 30 қазан", "жүйеге құқықтар тоқтатылды"),
    "ru": ("Исключена из списка", "30 октября 2026 года", "права на систему прекращены"),
    "en": ("Excluded", "30 October 2026", "the rights to the system ended"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_row_says_the_status_with_its_date_and_reason(page: object, lang: str) -> None:
    page.goto(f"/{lang}/finance/")
    row = page.locator("#delisted + .tl-scroll tbody tr")
    assert row.count() == 1
    cells = row.locator("td").all_inner_texts()
    assert cells[2:] == list(ROW[lang])
    assert row.locator(".tl-badge--excluded").count() == 1
    assert row.locator("time").get_attribute("datetime") == "2026-10-30"


@pytest.mark.parametrize("lang", LANGS)
def test_a_search_result_carries_the_notice(page: object, lang: str) -> None:
    page.goto(f"/{lang}/search/?q=demo-derma-check")
    result = page.locator(".tl-search-results li").first
    result.wait_for()
    assert result.locator(".tl-result-notice").inner_text() == SUSPENDED[lang][1]
    page.goto(f"/{lang}/search/?q=demo-aml-monitoring")
    notice = page.locator(".tl-search-results li .tl-result-notice")
    assert notice.inner_text() == EXCLUDED[lang][1]


@pytest.mark.parametrize("lang", LANGS)
def test_the_notice_pages_pass_axe(page: object, lang: str) -> None:
    for system in (DERMA, AML):
        page.goto(f"/{lang}/{system}/")
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()


# --- An expired audit conclusion: the sample as of 15 April 2027, when the chest X-ray
# system's conclusion (valid until 9 April 2027) has expired and nothing else has.
APRIL_2027 = datetime(2027, 4, 15, 12, tzinfo=timezone(timedelta(hours=5)))


@pytest.fixture(scope="module")
def expired_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(APRIL_2027.timestamp())))
        site = build_site(PROJECT / "mkdocs.yml", tmp_path_factory.mktemp("expired") / "site")
    handler = partial(QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


EXPIRED = {
    "kk": (
        "Аудит қорытындысының мерзімі өтті",
        "Аудит қорытындысы 2027 жылғы 9 сәуірге дейін жарамды болды.",
        "жарамдылық мерзімі 2027 жылғы 9 сәуір",
    ),
    "ru": (
        "Срок заключения аудита истёк",
        "Заключение аудита действовало до 9 апреля 2027 года.",
        "действительно до 9 апреля 2027 года",
    ),
    "en": (
        "Audit conclusion expired",
        "The audit conclusion was valid until 9 April 2027.",
        "valid until 9 April 2027",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_an_expired_audit_is_said_on_the_page_the_row_and_the_result(
    browser: object, expired_server: str, lang: str
) -> None:
    title, sentence, until = EXPIRED[lang]
    context = browser.new_context(base_url=expired_server)
    page = context.new_page()
    watch = Watch(page, expired_server)
    page.goto(f"/{lang}/{XRAY}/")
    notice = page.get_by_role("region", name=title)
    assert sentence in notice.inner_text()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    page.goto(f"/{lang}/healthcare/")
    row = page.locator("#tl-listed tbody tr", has=page.locator("a[href='demo-xray-triage/']"))
    assert row.locator(".tl-badge--expired").inner_text() == title
    assert until in row.inner_text()
    assert page.locator("#tl-listed .tl-badge--expired").count() == 1
    page.goto(f"/{lang}/search/?q=demo-xray-triage")
    result = page.locator(".tl-search-results li").first
    result.wait_for()
    assert result.locator(".tl-badge--expired").inner_text() == title
    assert sentence in result.locator(".tl-result-notice").inner_text()
    context.close()
    assert watch.problems == []
