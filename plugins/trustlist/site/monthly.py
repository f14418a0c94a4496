"""monthly step: the lists' changes month by month, for a journalist as for anyone: a page per
language and month (/<lang>/changes/2026-06/), their index (/<lang>/changes/), and each
month's table to download.

A change belongs to the month of its list's revision, on Kazakhstan's clock (UTC+5): the
revision is when the list changed in the register. Every row is one system's (or the list's
own) changes in one revision, told as the history pages tell them (wording.Chronicle).

The table is for spreadsheets, as the lists' CSV are (exports.py): UTF-8 with a byte-order
mark so Excel reads Kazakh and Russian letters, CRLF line ends, and a text cell that begins
with = + - @ tab or carriage return led by an apostrophe so it is never run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from ..core.history import History, Revision
from ..core.i18n import month_words, t
from .wording import Chronicle, Told, revision_moment

CHANGES = "changes"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "revision_date",
    "sector",
    "list_revision",
    "system_id",
    "system_name",
    "what_changed",
    "page_url",
)


def months_url(lang: str) -> str:
    """The index of the months with changes, in `lang`."""
    return f"{lang}/{CHANGES}/"


def month_url(lang: str, month: str) -> str:
    """A month's changes page; `month` is written 2026-06."""
    return f"{lang}/{CHANGES}/{month}/"


def month_csv(lang: str, month: str) -> str:
    """A month's changes as a table, beside its page (named so that two downloads differ)."""
    return f"{month_url(lang, month)}changes-{month}-{lang}.csv"


def month_of(revision: Revision) -> str:
    return f"{revision_moment(revision):%Y-%m}"


def month_name(month: str, lang: str) -> str:
    """'2026-06' in words: 2026 жылғы маусым, июнь 2026 года, June 2026."""
    year, number = month.split("-")
    return month_words(int(year), int(number), lang)


def by_month(chronicle: Chronicle) -> dict[str, list[Revision]]:
    """Every revision, by the month it was issued in, oldest month and revision first."""
    months: dict[str, list[Revision]] = {}
    for revision in chronicle.revisions():
        months.setdefault(month_of(revision), []).append(revision)
    return months


@dataclass(frozen=True, slots=True)
class Change:
    """One row of a month: what one revision changed for one system (or for its list)."""

    revision: Revision
    told: Told


def changes(chronicle: Chronicle, revisions: list[Revision], lang: str) -> list[Change]:
    return [Change(r, told) for r in revisions for told in chronicle.told(r, lang)]


def page_of(chronicle: Chronicle, change: Change, lang: str) -> str:
    """Where a change is best read: its system's page while the system is on a list, else
    its revision on the sector's history page."""
    sector, system = change.revision.sector, change.told.system
    if system is not None and (sector, system) in chronicle.present:
        return f"{lang}/{sector}/{system}/"
    return f"{lang}/{sector}/history/#r{change.revision.number}"


def month_table(
    chronicle: Chronicle,
    revisions: list[Revision],
    lang: str,
    site_url: str,
    sector_names: dict[str, str],
) -> str:
    """A month's changes as CSV, its header in `lang`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(column, lang) for column in COLUMNS])
    for change in changes(chronicle, revisions, lang):
        revision, told = change.revision, change.told
        writer.writerow(
            _cell(value)
            for value in (
                f"{revision_moment(revision):%Y-%m-%d}",
                sector_names.get(revision.sector, revision.sector),
                revision.number,
                told.system or "",
                told.name,
                told.what,
                site_url + page_of(chronicle, change, lang),
            )
        )
    return "\ufeff" + buffer.getvalue()


def month_tables(
    history: History,
    site_url: str,
    names: dict[str, dict[str, str]],
    chronicle: Chronicle | None = None,
) -> Iterator[tuple[str, str]]:
    """Each month's table in each language of `names` (lang -> sector -> name): (path, CSV)."""
    chronicle = chronicle or Chronicle(history)
    months = by_month(chronicle)
    for lang, sector_names in names.items():
        for month, revisions in months.items():
            table = month_table(chronicle, revisions, lang, site_url, sector_names)
            yield month_csv(lang, month), table


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
