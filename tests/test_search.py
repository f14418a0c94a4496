"""Search that understands Kazakh, Russian and English, in a real browser (Playwright driving
Debian's Chromium) on the sample site: a table of inflected word forms that must each find
their record, е/ё and case folding, the Russian stemmer word for word against lunr-languages'
(the copy Material ships), the Kazakh stemmer's suffix table, the home page's search box, the
status and sector of each result, the empty state, the query kept across a language switch,
and the organisations that deploy a system, shown and found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import material
import pytest
from conftest import LANGS

# The browser, the server of the sample site and a watched page, as test_browser has them.

LUNR = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
XRAY, ECG = "healthcare/demo-xray-triage", "healthcare/demo-ecg-screening"
DERMA, AML = "healthcare/demo-derma-check", "finance/demo-aml-monitoring"
FATIGUE = "transport/demo-driver-fatigue"

# (language, what a person types, the system it must find). Each query is a form that the
# record does not contain as typed: only stemming (or folding) finds it.
INFLECTED = [
    ("kk", "рентгенограммаға", XRAY),  # record: рентгенограммаларын
    ("kk", "жүректің", ECG),  # record: жүрек
    ("kk", "жүргізушілерге", FATIGUE),  # record: жүргізушілерінің, жүргізушіге
    ("kk", "ауруханада", XRAY),  # a deployer: ... көпбейінді ауруханасы
    ("kk", "РЕНТГЕНОГРАММАЛАРҒА", XRAY),  # capitals, plural and dative
    ("ru", "рентгенограммы", XRAY),  # record: рентгенограмм
    ("ru", "водитель", FATIGUE),  # record: водителей
    ("ru", "усталость", FATIGUE),  # record: усталости
    ("ru", "больнице", XRAY),  # a deployer: ... больница № 1
    ("ru", "сверточная", XRAY),  # record: Свёрточная (е for ё)
    ("ru", "СВЁРТОЧНОЙ", XRAY),  # capital Ё, another case
    ("en", "radiologists", XRAY),  # record: a radiologist
    ("en", "hospitals", XRAY),  # a deployer: ... Hospital No. 1
    ("en", "Dispatchers", FATIGUE),  # record: the dispatcher
]


def results(page: object) -> list[str]:
    """The hrefs of the results shown, once the search has answered."""
    page.locator(".tl-search-status").filter(has_text=re.compile(r"\S")).wait_for()
    return [a.get_attribute("href") for a in page.locator(".tl-search-results li > a").all()]


@pytest.mark.parametrize(("lang", "query", "system"), INFLECTED, ids=lambda v: str(v))
def test_an_inflected_form_finds_its_record(
    page: object, sample_site: Path, lang: str, query: str, system: str
) -> None:
    index = json.loads((sample_site / lang / "search/index.json").read_text("utf-8"))
    entry = next(e for e in index if e["url"] == f"../{system}/")
    assert query.lower() not in entry["text"]  # a search for the letters as typed misses it
    page.goto(f"/{lang}/search/?q={quote(query)}")
    assert f"../{system}/" in results(page)


def test_yo_and_ye_find_the_same_records(page: object) -> None:
    found = []
    for query in ("свёрточная нейронная", "сверточная нейронная", "СВЕРТОЧНАЯ НЕЙРОННАЯ"):
        page.goto(f"/ru/search/?q={quote(query)}")
        found.append(results(page))
    assert found[0] == found[1] == found[2]
    assert f"../{XRAY}/" in found[0] and f"../{ECG}/" in found[0]


def test_russian_stemmer_agrees_with_lunr_languages(page: object, server: str) -> None:
    """Every Russian word of the sample's index, and forms of every ending class, stemmed by
    our script and by lunr-languages' lunr.ru (served from this origin, as our CSP wants)."""
    # lunr.ru needs only these of lunr itself to define its stemmer.
    shim = (
        "window.lunr = {Pipeline: {registerFunction: function () {}},"
        " generateStopWordFilter: function () { return function () {}; }};"
    )
    bodies = {"shim.js": shim}
    for name in ("lunr.stemmer.support.min.js", "lunr.ru.min.js"):
        bodies[name] = (LUNR / name).read_text(encoding="utf-8")
    page.route(
        "**/__lunr/*",
        lambda route: route.fulfill(
            body=bodies[route.request.url.rsplit("/", 1)[1]], content_type="text/javascript"
        ),
    )
    page.goto("/ru/search/")
    for name in bodies:
        page.add_script_tag(url=f"{server}/__lunr/{name}")
    index = page.evaluate("fetch('index.json').then(r => r.text())")
    sample = set(re.findall(r"[а-я]+", index.lower().replace("ё", "е")))
    assert len(sample) > 300
    endings = (
        "прочитавши прочитавшись умывшись сделав играющий читаемые красивейшая красивейше "
        "длиннейший длинный длинного старинной бегает бегали бегайте строила стоимость "
        "ленивость ответственности организациях организациями синего синими сыновья конь "
        "кони одевшийся смеялась смеются учащихся приостановлена исключённой"
    )
    words = sorted(sample | set(endings.replace("ё", "е").split()))
    pairs = page.evaluate(
        "ws => ws.map(w => [w, lunr.ru.stemmer(w), window.trustlistSearch.stemRussian(w)])", words
    )
    differ = [(word, lunr, ours) for word, lunr, ours in pairs if lunr != ours]
    assert differ == []
    assert {w: ours for w, _, ours in pairs if w in ("водителей", "усталости")} == {
        "водителей": "водител",
        "усталости": "устал",
    }


# Kazakh: each pair's words must share a form; the last pairs must not.
KAZAKH_PAIRS = [
    ("жүйелер", "жүйе"),  # plural after a vowel
    ("адамдар", "адам"),  # after a voiced consonant
    ("құжаттар", "құжат"),  # after a voiceless one
    ("мектептер", "мектеп"),
    ("жүйенің", "жүйе"),  # genitive
    ("адамның", "адам"),
    ("гүлдің", "гүл"),
    ("мектептің", "мектеп"),
    ("жүйеге", "жүйе"),  # dative
    ("адамға", "адам"),
    ("құжатқа", "құжат"),
    ("мектепке", "мектеп"),
    ("жүйесіне", "жүйе"),  # third-person possessive, then dative
    ("құжатыма", "құжат"),  # first-person possessive, then dative
    ("жүйеде", "жүйе"),  # locative
    ("құжатта", "құжат"),
    ("мектепте", "мектеп"),
    ("жүйесінде", "жүйе"),
    ("жүйедегі", "жүйе"),
    ("жүйеден", "жүйе"),  # ablative
    ("құжаттан", "құжат"),
    ("адамнан", "адам"),
    ("мектептен", "мектеп"),
    ("жүйені", "жүйе"),  # accusative
    ("адамды", "адам"),
    ("құжатты", "құжат"),
    ("жүйесін", "жүйе"),
    ("жүйемен", "жүйе"),  # instrumental
    ("көзбен", "көз"),
    ("құжатпен", "құжат"),
    ("құжатым", "құжат"),  # possessive
    ("құжатың", "құжат"),
    ("құжаты", "құжат"),
    ("жүйесі", "жүйе"),
    ("құжаттарымыз", "құжат"),
    ("жүйеміз", "жүйе"),
    ("жүрегі", "жүрек"),  # a voiced final consonant before a vowel
    ("кітабы", "кітап"),
    ("құлағы", "құлақ"),
    ("рентгенограммаларын", "рентгенограммаға"),
    ("жүректің", "жүрек"),
]
KAZAKH_APART = [("жүйе", "жүрек"), ("ана", "ата"), ("мектеп", "құжат")]


def test_kazakh_suffixes_come_off_in_every_harmony_variant(page: object) -> None:
    page.goto("/kk/search/")
    shared = page.evaluate(
        """pairs => pairs.map(([a, b]) => {
             const s = window.trustlistSearch;
             const other = new Set(s.forms(s.fold(b), 'kk'));
             return s.forms(s.fold(a), 'kk').some(f => other.has(f));
           })""",
        KAZAKH_PAIRS + KAZAKH_APART,
    )
    apart = len(KAZAKH_APART)
    assert [pair for pair, ok in zip(KAZAKH_PAIRS, shared[:-apart], strict=True) if not ok] == []
    assert [pair for pair, ok in zip(KAZAKH_APART, shared[-apart:], strict=True) if ok] == []


HOME_QUERIES = {"kk": "кеуде қуысы", "ru": "грудной клетки", "en": "chest"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_search_box_leads_to_the_results(
    page: object, server: str, lang: str
) -> None:
    page.goto(f"/{lang}/")
    box = page.locator("main form[role=search]")
    box.get_by_role("searchbox").fill(HOME_QUERIES[lang])
    box.get_by_role("button").click()
    page.wait_for_url(re.compile(rf"{re.escape(server)}/{lang}/search/\?q="))
    assert page.get_by_role("searchbox").input_value() == HOME_QUERIES[lang]
    assert results(page)[0] == f"../{XRAY}/"


STATES = {
    "kk": ("Тоқтатылды", "Тізімнен алынып тасталды", "Тізімге енгізілді", "Денсаулық сақтау"),
    "ru": ("Приостановлена", "Исключена из списка", "Включена в список", "Здравоохранение"),
    "en": ("Suspended", "Excluded", "Listed", "Healthcare"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_results_show_status_and_sector(page: object, lang: str) -> None:
    page.goto(f"/{lang}/search/?q=demo")  # every system's id says demo
    assert len(results(page)) == 17
    suspended, excluded, listed, healthcare = STATES[lang]
    derma = page.locator(f".tl-search-results li:has(a[href='../{DERMA}/'])")
    assert derma.locator(".tl-badge--suspended").inner_text() == suspended
    assert healthcare in derma.inner_text()
    aml = page.locator(f".tl-search-results li:has(a[href='../{AML}/'])")
    assert aml.locator(".tl-badge--excluded").inner_text() == excluded
    xray = page.locator(f".tl-search-results li:has(a[href='../{XRAY}/'])")
    assert xray.locator(".tl-badge--listed").inner_text() == listed


EMPTY = {
    "kk": ("«қарбыз» бойынша ештеңе табылмады.", "салалардың тізімдерін қараңыз"),
    "ru": ("По запросу «қарбыз» ничего не найдено.", "просмотреть списки отраслей"),
    "en": ("Nothing found for “қарбыз”.", "browse the lists of the sectors"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_empty_state_says_what_was_searched_and_what_to_try(
    page: object, server: str, lang: str
) -> None:
    page.goto(f"/{lang}/search/?q={quote('қарбыз')}")
    said, lists = EMPTY[lang]
    page.locator(".tl-search-status").filter(has_text=said).wait_for()
    assert results(page) == []
    empty = page.locator(".tl-search-empty")
    assert empty.is_visible()
    others = empty.locator(".tl-search-elsewhere a")
    assert sorted(others.evaluate_all("as => as.map(a => a.hreflang)")) == sorted(
        set(LANGS) - {lang}
    )
    for href in others.evaluate_all("as => as.map(a => a.href)"):
        assert href.endswith(f"/search/?q={quote('қарбыз')}")
    empty.get_by_role("link", name=lists).click()
    page.wait_for_url(f"{server}/{lang}/#sectors")


def test_the_query_is_kept_when_switching_language(page: object, server: str) -> None:
    page.goto("/kk/search/")
    page.get_by_role("searchbox").fill("ЭКГ 240040312080")  # typed, not submitted
    assert results(page) == [f"../{ECG}/"]
    page.locator(".md-header .md-select").hover()
    page.locator(".md-select__link[hreflang=ru]").click()
    page.wait_for_url(f"{server}/ru/search/?q={quote('ЭКГ 240040312080')}")
    assert page.get_by_role("searchbox").input_value() == "ЭКГ 240040312080"
    assert results(page) == [f"../{ECG}/"]
    page.get_by_role("searchbox").fill("240040312080")  # the owner's BIN, in every language
    page.locator(".md-header .md-select").hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(f"{server}/en/search/?q=240040312080")
    assert results(page) == [f"../{ECG}/"]


DEPLOYER = {
    "kk": ("Жүйені қолданатын ұйымдар", "Демо қалалық № 1 көпбейінді ауруханасы"),
    "ru": ("Организации, применяющие систему", "Демо городская многопрофильная больница № 1"),
    "en": ("Organisations using the system", "Demo City Multidisciplinary Hospital No. 1"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_system_page_names_the_organisations_that_deploy_it(page: object, lang: str) -> None:
    heading, hospital = DEPLOYER[lang]
    page.goto(f"/{lang}/{XRAY}/")
    assert page.locator("h2#deployers").inner_text() == heading
    deployers = page.locator("ul.tl-deployers li").all_inner_texts()
    bin_label = {"kk": "БСН", "ru": "БИН", "en": "BIN"}[lang]
    assert deployers[0] == f"{hospital} ({bin_label} 050240001231)"
    assert len(deployers) == 2
    page.goto(f"/{lang}/{ECG}/")  # a record that names none has no such section
    assert page.locator("h2#deployers").count() == 0
    page.goto(f"/{lang}/search/?q={quote('050240001231')}")  # a deployer's BIN finds it
    assert results(page) == [f"../{XRAY}/"]
