"""theme: what the site changes in Material's pages and says on hand-written ones, apart from
the pages it generates: the banners, the language of a hand-written page and its counterparts
in the other languages, and Material's markup that the Nu validator rejects."""

from __future__ import annotations

import posixpath

from ..core.i18n import LANGUAGE_NAMES, t
from .pages import Site, relative


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
    """Hand-written pages mirror each other by path: docs/kk/about.md ↔ docs/ru/about.md."""
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
            }
        )
    return out


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
