"""feeds step: Atom 1.0 feeds of list revisions, one per sector and one for the registry.

The Order names no notification of a revised list; a feed is how a citizen, a bank or a
newsroom learns of one without visiting the site. Entries are revisions (newest first), dated
by their commits, so the same history always gives the same bytes. Each says what changed as
the history pages say it (wording.Chronicle): systems by name, fields by label, values in
words. Written through an autoescaping template (templates/feed.atom) like the pages: record
text is data.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.history import History, Revision
from ..core.i18n import t
from .render import environment
from .wording import Chronicle, revision_words

NO_REVISION_YET = "2026-04-26T00:00:00Z"  # the Order's first day: a feed must say `updated`


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One revision as a feed of `lang` shows it: the same in the registry's feed and in its
    sector's, so a language's feeds make it once (`made`)."""

    id: str
    title: str
    updated: str
    link: str
    content: str


def atom_feed(
    history: History,
    lang: str,
    site_url: str,
    sector_names: dict[str, str],
    sector: str | None = None,
    limit: int = 100,
    made: dict[tuple[str, int], FeedEntry] | None = None,
    chronicle: Chronicle | None = None,
) -> bytes:
    """The feed of one sector's revisions, or of all sectors' when `sector` is None. `made`
    (the entries of `lang` made so far, by sector and number) is filled and reused; so is
    `chronicle`, the history told, where given."""
    base = site_url.rstrip("/") + "/"
    revisions: list[Revision] = [
        r for s, rs in history.revisions.items() if sector in (None, s) for r in rs
    ]
    revisions.sort(key=lambda r: (r.time, r.sector, r.number), reverse=True)
    made = {} if made is None else made
    chronicle = chronicle or Chronicle(history)
    entries = []
    for revision in revisions[:limit]:
        key = (revision.sector, revision.number)
        if key not in made:
            made[key] = _entry(revision, lang, base, sector_names, chronicle)
        entries.append(made[key])
    name = f"{lang}/feeds/{sector or 'all'}.atom"
    title = t("site_title", lang) + (f": {sector_names.get(sector, sector)}" if sector else "")
    feed = (
        environment()
        .get_template("feed.atom")
        .render(
            lang=lang,
            id=base + name,
            title=title,
            updated=entries[0].updated if entries else NO_REVISION_YET,
            home=f"{base}{lang}/",
            author=t("site_title", lang),
            entries=entries,
        )
    )
    return feed.encode("utf-8") + b"\n"


def _entry(
    revision: Revision, lang: str, base: str, sector_names: dict[str, str], chronicle: Chronicle
) -> FeedEntry:
    lines = [told.sentence for told in chronicle.told(revision, lang)]
    lines.append(f"{t('revision_date', lang)}: {revision_words(revision, lang)} (UTC+5)")
    lines.append(f"{t('commit', lang)}: {revision.commit}")
    heading = t(
        "revision_title",
        lang,
        sector=sector_names.get(revision.sector, revision.sector),
        number=revision.number,
    )
    page = f"{base}{lang}/{revision.sector}/history/#r{revision.number}"
    return FeedEntry(
        id=f"{base}{revision.sector}/revisions/{revision.number}",
        title=heading,
        updated=revision.issued_text,
        link=page,
        content="\n".join(lines),
    )
