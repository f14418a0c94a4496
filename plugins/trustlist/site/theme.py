"""theme: what the site changes in Material's pages and says on hand-written ones, apart from
the pages it generates: the banners, the language of a hand-written page and its counterparts
in the other languages, every page's footer, description, language alternates and feeds
(`page_meta`, read by overrides/), the 404 page, and Material's markup that the Nu validator
rejects.

What a page's frame shows is the same for every system page of a sector in one language
(speed/frames.py renders it once) but for its holes: the footer and feeds are the sector's; a
system page's description (what the system is for) and its language alternates are its own,
holes of the frame, so they are escaped here and printed as they are.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..core.i18n import LANGUAGE_NAMES, date_words, t
from ..core.models import Sector
from .outputs import feed
from .pages import Site, pick, relative, title

# Who publishes the pages that belong to no sector: the ministry whose Order sets the lists.
OPERATOR_WEBSITE = "https://www.gov.kz/memleket/entities/mdai"
# The licence of the lists' data. Creative Commons has no Kazakh deed: Kazakh pages link the
# Russian one, said to be Russian (hreflang).
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.{lang}"
LICENCE_LANG = {"kk": "ru", "ru": "ru", "en": "en"}
STATEMENT = "accessibility"  # docs/<lang>/accessibility.md, the accessibility statement
DESCRIPTION_LENGTH = 200  # characters of a hand-written page's first paragraph
# Characters of a system page's description, its purpose: about what a search engine shows.
PURPOSE_LENGTH = 160
# A system page's description, escaped once (a hole of its sector's frame, printed as it is).
SYSTEM_DESCRIPTION = "trustlist_description_escaped"
# The kinds of generated page (pages.PageSpec.kind) described in their own words (i18n
# description_<kind>), each the same for all its pages of a language and sector.
DESCRIBED = ("home", "search", "api", "sector", "history")


def banners(site: Site, lang: str, preview: bool) -> str:
    """What every page says above its content: a preview (`mkdocs serve`, whatever git says,
    so that no page changes when that does), a draft (uncommitted registry changes), or
    demonstration data; "" for none."""
    said = []
    if preview:
        said.append(t("preview", lang))
    elif site.draft:
        said.append(t("draft", lang))
    if site.demonstration:
        said.append(t("demo_banner", lang))
    return " ".join(said)


def language_of(src_uri: str, languages: list[str]) -> str:
    # Pages outside a language folder (docs/rules.md) are the maintainers' English reference.
    first = src_uri.split("/", 1)[0]
    if first in languages:
        return first
    return "en" if "en" in languages else languages[0]


def alternates_for_doc(src_uri: str, lang: str, languages: list[str]) -> list[dict[str, object]]:
    """Hand-written pages mirror each other by path: docs/kk/about.md ↔ docs/ru/about.md.
    Each alternate's `url` is its link from the page, its `path` the one from the site's root."""
    rest = src_uri.split("/", 1)[1] if "/" in src_uri else src_uri
    here = posixpath.dirname(src_uri) if rest.endswith("index.md") else src_uri.removesuffix(".md")
    out = []
    for other in languages:
        there = (
            here.replace(f"{lang}/", f"{other}/", 1) if here.startswith(f"{lang}/") else f"{other}/"
        )
        out.append(
            {
                "lang": other,
                "name": LANGUAGE_NAMES[other],
                "current": other == lang,
                "url": relative(here + "/", there + "/"),
                "path": there + "/",
            }
        )
    return out


@dataclass(frozen=True)
class Footer:
    """What every page's footer says (overrides/partials/copyright.html), in one language:
    a sector's pages name its body and its contact, every other page the operator. Paths are
    the site's (the template makes them relative to the page, or absolute on the 404 page)."""

    lang: str
    publisher: str
    publisher_href: str
    operator_note: str  # "each list is kept by its body", on pages of no sector
    email: str | None
    phone: str | None
    phone_href: str | None
    address: str | None
    contact_note: str | None  # where to ask, on pages of no sector
    licence_href: str
    licence_lang: str
    accessibility_path: str | None  # None when docs/<lang>/accessibility.md is missing
    open_data_path: str
    updated: str | None  # the day of the commit the site was built from, in words
    updated_iso: str | None
    t: dict[str, str]  # the footer's labels

    @property
    def licence(self) -> str:
        return LICENCE


_LABELS = (
    "footer_publisher",
    "footer_contact",
    "footer_licence",
    "footer_licence_note",
    "footer_accessibility",
    "footer_updated",
    "footer_open_data",
)


class _Remembered:
    """What is the same for many pages of one build: footers, feeds and descriptions by
    language and sector (a build renders 30,000 pages from a few dozen of each)."""

    def __init__(self, site: Site, docs_dir: Path) -> None:
        self.site, self.docs_dir = site, docs_dir
        self.footers: dict[tuple[str, str | None], Footer] = {}
        self.feeds: dict[tuple[str, str | None], list[dict[str, str]]] = {}
        self.descriptions: dict[tuple[str, str, str | None], str] = {}


_REMEMBERED: list[_Remembered] = []  # the current build's, alone


def _remembered(site: Site, docs_dir: Path) -> _Remembered:
    if not _REMEMBERED or _REMEMBERED[0].site is not site or _REMEMBERED[0].docs_dir != docs_dir:
        _REMEMBERED[:] = [_Remembered(site, docs_dir)]
    return _REMEMBERED[0]


def footer(site: Site, lang: str, sector: Sector | None, docs_dir: Path) -> Footer:
    """The footer of a page in `lang`: of `sector`'s list, or (None) of no sector."""
    contact = sector.contact if sector else None
    phone = contact.phone if contact else None
    address = contact.address.get(lang) if contact and contact.address else None
    statement = (docs_dir / lang / f"{STATEMENT}.md").is_file()
    return Footer(
        lang=lang,
        publisher=sector.authority.name.get(lang) if sector else t("operator_name", lang),
        publisher_href=str(sector.authority.website) if sector else OPERATOR_WEBSITE,
        operator_note="" if sector else t("footer_operator_note", lang),
        email=str(contact.email) if contact else None,
        phone=phone,
        phone_href=f"tel:{re.sub(r'[^0-9+]', '', phone)}" if phone else None,
        address=address,
        contact_note=None if sector else t("footer_contact_lists", lang),
        licence_href=LICENCE_URL.format(lang=LICENCE_LANG[lang]),
        licence_lang=LICENCE_LANG[lang],
        accessibility_path=f"{lang}/{STATEMENT}/" if statement else None,
        open_data_path=f"{lang}/api/",
        updated=date_words(site.as_of, lang) if site.as_of else None,
        updated_iso=site.as_of.isoformat() if site.as_of else None,
        t={key: t(key, lang) for key in _LABELS},
    )


def feeds(site: Site, lang: str, sector: Sector | None) -> list[dict[str, str]]:
    """The feeds a page announces (feed autodiscovery): every list's, and its sector's. None
    without history: the feeds are made from it."""
    if site.history is None:
        return []
    found = [{"title": t("feed_all", lang), "path": feed(lang)}]
    if sector is not None:
        name = sector.name.get(lang)
        found.append({"title": t("feed_sector", lang, sector=name), "path": feed(lang, sector.id)})
    return found


def page_meta(build: Any, src_uri: str, markdown: str) -> dict[str, object]:
    """What the theme's templates show of a page besides its content: its footer, its
    description, its feeds and, for a hand-written page, its counterparts in the other
    languages (a generated page has one in every language: its `trustlist_alternates`).
    `build`: the build (build.Build) the page is of; `markdown`: a hand-written page's."""
    site, docs_dir = build.site, Path(build.options.docs_dir)
    remembered = _remembered(site, docs_dir)
    spec = build.specs.get(src_uri)
    lang = spec.lang if spec else language_of(src_uri, list(site.languages))
    sector_id = spec.sector if spec else None
    sector = site.registry.sectors[sector_id].model if sector_id else None
    key = (lang, sector_id)
    if key not in remembered.footers:
        remembered.footers[key] = footer(site, lang, sector, docs_dir)
        remembered.feeds[key] = feeds(site, lang, sector)
    meta: dict[str, object] = {
        "trustlist_footer": remembered.footers[key],
        "trustlist_feeds": remembered.feeds[key],
    }
    if spec is None:
        meta["trustlist_description"] = _first_paragraph(markdown)
        meta["trustlist_hreflang"] = _counterparts(src_uri, lang, site.languages, docs_dir)
        if meta["trustlist_hreflang"]:
            meta["trustlist_root"] = "./"
        return meta
    meta["trustlist_root"] = "./"  # the site's root: the language choice (hreflang x-default)
    if spec.kind == "system":
        meta[SYSTEM_DESCRIPTION] = system_description(site, spec.system or "", lang)
        return meta
    if spec.kind not in DESCRIBED:
        # A kind of page these words do not know: its title, on the site.
        meta["trustlist_description"] = f"{title(site, spec)} — {t('site_title', lang)}"
        return meta
    described = (spec.kind, lang, sector_id)
    if described not in remembered.descriptions:
        remembered.descriptions[described] = _description(site, spec.kind, lang, sector)
    meta["trustlist_description"] = remembered.descriptions[described]
    return meta


def system_description(site: Site, system_id: str, lang: str) -> str:
    """A system page's description, escaped: what the system is for (its purpose) in `lang`,
    cut at a word to about PURPOSE_LENGTH characters; where the record has no English, the
    Russian text marked as such, as the page shows it."""
    purpose = pick(site.entry(system_id).model.description.purpose, lang)
    mark = f" ({t('shown_in_russian', lang)})" if purpose.fallback else ""
    return str(escape(shortened(purpose.value, PURPOSE_LENGTH - len(mark)) + mark))


def shortened(text: str, length: int) -> str:
    """`text` on one line, cut at a word (and marked …) to at most `length` characters."""
    said = " ".join(text.split())
    if len(said) <= length:
        return said
    cut = said[: length - 1]
    if said[length - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:—– ") + "…"


def _description(site: Site, kind: str, lang: str, sector: Sector | None) -> str:
    """A generated page's description, by its kind."""
    if sector is None:
        if kind == "home":
            listed = sum(
                1
                for s in site.sectors()
                for system in site.systems(s.id)
                if system.status.state == "listed"
            )
            return t("description_home", lang, sectors=len(site.sectors()), listed=listed)
        return t(f"description_{kind}", lang)
    authority, name = sector.authority.name.get(lang), sector.name.get(lang)
    if kind == "sector":
        systems = site.systems(sector.id)
        listed = sum(1 for s in systems if s.status.state == "listed")
        return t(
            "description_sector",
            lang,
            authority=authority,
            sector=name,
            listed=listed,
            delisted=len(systems) - listed,
        )
    revisions = len(site.history.revisions.get(sector.id, [])) if site.history else 0
    return t("description_history", lang, authority=authority, sector=name, revisions=revisions)


_HEADING_OR_BLOCK = re.compile(r"^(#|\||!!!|<|```|~~~|>|[-*+]\s|\d+\.\s)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`]+")


def _first_paragraph(markdown: str) -> str | None:
    """A hand-written page's first paragraph of prose, as plain text, cut at a word."""
    lines: list[str] = []
    for line in markdown.splitlines():
        text = line.strip()
        if not text:
            if lines:
                break
            continue
        if not lines and _HEADING_OR_BLOCK.match(text):
            continue
        lines.append(text)
    if not lines:
        return None
    said = _MARKS.sub("", _LINK.sub(r"\1", " ".join(lines)))
    return shortened(said, DESCRIPTION_LENGTH)


def _counterparts(
    src_uri: str, lang: str, languages: tuple[str, ...], docs_dir: Path
) -> list[dict[str, object]]:
    """A hand-written page's translations that exist, itself included: its hreflang links
    (none for a page in no language's folder, or with no translation)."""
    if not src_uri.startswith(f"{lang}/"):
        return []
    rest = src_uri.split("/", 1)[1]
    found = [
        alt
        for alt in alternates_for_doc(src_uri, lang, list(languages))
        if (docs_dir / str(alt["lang"]) / rest).is_file()
    ]
    return found if len(found) > 1 else []


def not_found(build: Any) -> dict[str, object]:
    """The 404 page, one for every language and every depth: what it says in each language,
    with links to each language's home and search, and each language's footer (site paths,
    made absolute by the template)."""
    site, docs_dir = build.site, Path(build.options.docs_dir)
    return {
        "title": " · ".join(t("not_found", lang) for lang in site.languages),
        "languages": [
            {
                "lang": lang,
                "name": LANGUAGE_NAMES[lang],
                "title": t("not_found", lang),
                "text": t("not_found_text", lang),
                "home": f"{lang}/",
                "home_label": t("not_found_home", lang),
                "search": f"{lang}/search/",
                "search_label": t("not_found_search", lang),
            }
            for lang in site.languages
        ],
        "footers": [footer(site, lang, None, docs_dir) for lang in site.languages],
    }


# Material's markup that the Nu validator rejects, as Material writes it: autocomplete on its
# checkbox toggles, and an empty tabindex on section labels of the navigation.
_INVALID_MARKUP = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    (' tabindex="">', ">"),
)


def valid_html(html: str) -> str:
    for old, new in _INVALID_MARKUP:
        html = html.replace(old, new)
    return html
