"""feeds step: Atom 1.0 feeds of list revisions, one per sector and one for the registry.

The Order names no notification of a revised list; a feed is how a citizen, a bank or a
newsroom learns of one without visiting the site. Entries are revisions (newest first), dated
by their commits, so the same history always gives the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from .history import History, Revision
from .i18n import t
from .wording import describe

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(
    history: History,
    lang: str,
    site_url: str,
    sector_names: dict[str, str],
    sector: str | None = None,
    limit: int = 100,
) -> bytes:
    """The feed of one sector's revisions, or of all sectors' when `sector` is None."""
    base = site_url.rstrip("/") + "/"
    revisions: list[Revision] = [
        r for s, rs in history.revisions.items() if sector in (None, s) for r in rs
    ]
    revisions.sort(key=lambda r: (r.time, r.sector, r.number), reverse=True)
    name = f"{lang}/feeds/{sector or 'all'}.atom"
    title = t("site_title", lang) + (f": {sector_names.get(sector, sector)}" if sector else "")
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    _el(feed, "id", base + name)
    _el(feed, "title", title)
    _el(feed, "updated", _iso(revisions[0].time) if revisions else "2026-04-26T00:00:00Z")
    _el(feed, "link", rel="self", type="application/atom+xml", href=base + name)
    _el(feed, "link", rel="alternate", type="text/html", href=base + f"{lang}/")
    author = _el(feed, "author")
    _el(author, "name", t("site_title", lang))
    for revision in revisions[:limit]:
        page = f"{base}{lang}/{revision.sector}/history/"
        entry = _el(feed, "entry")
        _el(entry, "id", f"{base}{revision.sector}/revisions/{revision.number}")
        heading = t(
            "revision_title",
            lang,
            sector=sector_names.get(revision.sector, revision.sector),
            number=revision.number,
        )
        _el(entry, "title", heading)
        _el(entry, "updated", _iso(revision.time))
        _el(entry, "link", rel="alternate", type="text/html", href=f"{page}#r{revision.number}")
        lines = [describe(event, lang) for event in revision.events]
        lines.append(f"{t('commit', lang)}: {revision.commit}")
        _el(entry, "content", "\n".join(lines), type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
