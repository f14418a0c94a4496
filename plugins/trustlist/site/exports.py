"""exports step: the machine-readable registry under api/v1/, as JSON and CSV.

The exports are a published contract: each JSON file names its schema (schemas/export-*.json,
published beside it) and the field names are the records' own. Each list is published once in
full, per sector (api/v1/<sector>.json); registry.json is the index of the lists, and the
registry's CSV the one table of them all. Output is deterministic, so a
rebuild of the same commit gives the same bytes.

Each JSON file's `$schema` is where its schema is published on the site itself
(<site>/api/v1/schemas/<name>), so a reader can fetch it from where the data came from; the
schema's `$id` (https://trustlist.kz/schemas/v1/<name>) is its name, the same on every copy,
against which the schemas' `$ref`s to each other resolve.

CSV is for people with spreadsheets: UTF-8 with a byte-order mark and CRLF line ends, which
Excel and LibreOffice both open with Kazakh letters intact; comma-separated (RFC 4180), and a
semicolon-separated copy, <name>.excel.csv, for Excel set to a Russian or Kazakh locale,
whose list separator is the semicolon. A text cell that begins with = + - @ tab or carriage
return gets a leading apostrophe, so a spreadsheet shows it as text and never runs it as a
formula (OWASP's advice on CSV injection); the JSON carries the text as is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date

import orjson

from ..core.models import LANGUAGES, ClosedApplication, Sector, System
from .pages import API_ROOT

SCHEMA_ID = "https://trustlist.kz/schemas/v1/"  # the schemas' $id: a name, not an address
SCHEMAS = f"{API_ROOT}/schemas/"  # where the site publishes them (outputs.schema_file)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _entry(system: System, base: str, as_of: date | None) -> dict:
    """A system as exported: its record exactly as the record schema describes it, whether its
    audit conclusion has expired by the day of the list, where its public documents download
    from, and its pages in each language."""
    folder = f"{base}documents/{system.sector}/{system.id}/"
    return {
        "record": system.model_dump(mode="json", exclude_none=True),
        "audit_expired": system.audit_expired(as_of),
        "downloads": {d.file: folder + d.file for d in system.documents if d.public},
        "pages": {lang: f"{base}{lang}/{system.sector}/{system.id}/" for lang in LANGUAGES},
    }


def schema_url(site_url: str, name: str) -> str:
    """An export's `$schema`: the schema `name` as the site at `site_url` (ending in /)
    publishes it."""
    return f"{site_url}{SCHEMAS}{name}"


# Who reviews and merges a sector's applications is the body's internal matter (GitHub team
# handles): the registry keeps it, the site and its exports never show it.
_INTERNAL = {"reviewers"}


def _sector(sector: Sector) -> dict:
    return sector.model_dump(mode="json", exclude_none=True, exclude=_INTERNAL)


def entry_text(system: System, base: str, as_of: date | None = None) -> str:
    """A system's entry as JSON text: encoded once, then placed in its own file, its sector's
    list and the registry (each entry was dumped and encoded three times: seconds at 10,000)."""
    return dumps(_entry(system, base, as_of)).rstrip("\n")


def system_head(sector: Sector, site_url: str = "/") -> str:
    """What every system file of a sector starts with: made once per sector."""
    schema = schema_url(site_url, "export-system.schema.json")
    return _open({"$schema": schema, "sector": _sector(sector)})


def system_text(head: str, entry: str) -> str:
    """One system, with the list it is on (schema export-system); `head` from system_head."""
    return f"{head},{entry[1:]}\n"


def sector_text(
    sector: Sector,
    entries: list[str],
    counts: dict[str, int] | None = None,
    closed: list[ClosedApplication] = (),
    still_open: dict[str, object] | None = None,
    site_url: str = "/",
) -> str:
    """A sector's list: the sector's record, what became of its applications (the counts,
    each one closed without inclusion, and those still open where the build was told), and
    its systems' entries in list order."""
    schema = schema_url(site_url, "export-sector.schema.json")
    head: dict = {"$schema": schema, "sector": _sector(sector)}
    if counts is not None:
        head["applications"] = {
            "counts": counts,
            "closed": [c.model_dump(mode="json", exclude_none=True) for c in closed],
        }
        if still_open is not None:
            head["applications"]["open"] = still_open
    return with_list(head, "systems", entries) + "\n"


def registry_text(
    lists: list[tuple[Sector, int, dict[str, str]]], tables: dict[str, str], site_url: str = "/"
) -> str:
    """The registry's index: each sector, how many systems its list has and where the list is
    published in full (`lists`: the sector, the count, its files' addresses by kind), and
    where the tables of every list are (`tables`).

    Not every list again: each sector's list is published once in full, as
    api/v1/<sector>.json (what a reader of one list and a body's bundle take), and a
    registry.json repeating them all was 35 MB of the 10,000-system site. A program reading
    every list takes the files the index names; the whole registry in one file is its CSV,
    for people with spreadsheets."""
    sectors = [
        {"sector": _sector(sector), "systems": count, **files} for sector, count, files in lists
    ]
    schema = schema_url(site_url, "export-registry.schema.json")
    return dumps({"$schema": schema, "sectors": sectors, **tables})


def with_list(head: dict, key: str, items: Iterable[str]) -> str:
    """`head` as JSON text with one more member, `key`: the list of the already encoded
    `items`. How large lists are made from entries encoded once and used many times."""
    opened = _open(head)
    return f'{opened}{"," if head else ""}"{key}":[{",".join(items)}]}}'


def with_encoded_list(head: dict, key: str, items: Iterable[bytes]) -> bytes:
    """`with_list` in UTF-8 bytes, for files written as they are made (each revision's list):
    58 MB of them at 2,000 systems, which as text were decoded from orjson's bytes only to be
    encoded again to be written."""
    opened = encoded(head).rstrip(b"\n").removesuffix(b"}")
    return b'%s%s"%s":[%s]}' % (opened, b"," if head else b"", key.encode(), b",".join(items))


def _open(data: dict) -> str:
    """`data` as JSON text without its closing brace, for more members to follow."""
    return dumps(data).rstrip("\n").removesuffix("}")


def dumps(data: object) -> str:
    """`encoded`, as text."""
    return encoded(data).decode("utf-8")


def encoded(data: object) -> bytes:
    """Deterministic JSON in UTF-8: key order as built, letters as themselves, compact, and a
    newline at the end.

    orjson writes the same text as the standard library's compact encoder, several times
    faster (tens of thousands of entries per build). It refuses integers beyond 64 bits, which
    an old version of a record may hold: those go to the standard library."""
    try:
        return orjson.dumps(data, option=_ORJSON)
    except orjson.JSONEncodeError:
        return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


_ORJSON = orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE


# The columns of a list's CSV, in this order (export-sector.schema.json says what each is).
# Columns are only ever added at the end, so a reader that counts them keeps working.
CSV_COLUMNS = (
    "list_number",
    "id",
    "status",
    "status_since",
    "status_reason",
    "name_kk",
    "name_ru",
    "name_en",
    "owner_role",
    "owner_name_kk",
    "owner_name_ru",
    "owner_name_en",
    "owner_bin",
    "owner_website",
    "auditor_bin",
    "audit_report_date",
    "audit_valid_until",
    "copyright_kind",
    "copyright_number",
    "decision_date",
    "decision_reference",
    "documents",
    "public_documents",
    "audit_expired",
    # What a reader needs without opening the record: what the system does and cannot do,
    # who keeps the list, when the entry was published, who uses the system, and its pages.
    *(f"{field}_{lang}" for field in ("purpose", "methods", "limitations") for lang in LANGUAGES),
    *(f"authority_{lang}" for lang in LANGUAGES),
    "decision_published",
    *(f"deployers_{lang}" for lang in LANGUAGES),
    *(f"page_{lang}" for lang in LANGUAGES),
)
DEPLOYERS_SEPARATOR = "; "  # between the names of a system's deployers, in one cell


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(
    system: System, as_of: date | None = None, sector: Sector | None = None, base: str = "/"
) -> list[str]:
    """A system's row in the CSV lists, made once for its sector's list and the registry's;
    `sector`: the list it is on (its body's name), `base`: the site's URL (its pages)."""
    description, deployers = system.description, system.deployers or []
    values = (
        system.list_number,
        system.id,
        system.status.state,
        system.status.since,
        system.status.reason,
        system.name.kk,
        system.name.ru,
        system.name.en,
        system.owner.role,
        system.owner.name.kk,
        system.owner.name.ru,
        system.owner.name.en,
        system.owner.bin,
        system.owner.website,
        system.audit.auditor.bin,
        system.audit.report_date,
        system.audit.valid_until,
        system.copyright.kind,
        system.copyright.number,
        system.decision.date,
        system.decision.reference,
        len(system.documents),
        sum(1 for d in system.documents if d.public),
        "true" if system.audit_expired(as_of) else "false",
        *(
            getattr(text, lang)
            for text in (description.purpose, description.methods, description.limitations)
            for lang in LANGUAGES
        ),
        *(sector.authority.name.get(lang) if sector else None for lang in LANGUAGES),
        system.decision.published,
        *(
            DEPLOYERS_SEPARATOR.join(d.name.get(lang) or d.name.ru for d in deployers) or None
            for lang in LANGUAGES
        ),
        *(f"{base}{lang}/{system.sector}/{system.id}/" for lang in LANGUAGES),
    )
    return [_cell(v) for v in values]


# Excel takes the list separator from the system's locale: a semicolon in Russian and Kazakh
# (where the comma is the decimal mark), a comma in English.
DELIMITERS = {"csv": ",", "excel": ";"}


def _csv(header: list[str], rows: list[list[str]], variant: str = "csv") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITERS[variant], lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def sector_csv(rows: list[list[str]], variant: str = "csv") -> str:
    """A sector's list as CSV, from its systems' `csv_row`s in list order; `variant` "excel":
    separated by semicolons."""
    return _csv(list(CSV_COLUMNS), rows, variant)


def registry_csv(lists: list[tuple[Sector, list[list[str]]]], variant: str = "csv") -> str:
    """Every sector's list in one CSV, a column naming the sector."""
    rows = [[_cell(sector.id), *row] for sector, rows in lists for row in rows]
    return _csv(["sector", *CSV_COLUMNS], rows, variant)
