"""exports step: the machine-readable registry under api/v1/, as JSON and CSV.

The exports are a published contract: each JSON file names its schema (schemas/export-*.json,
published beside it) and the field names are the records' own. Output is deterministic, so a
rebuild of the same commit gives the same bytes.

CSV is for people with spreadsheets: UTF-8 with a byte-order mark and CRLF line ends, which
Excel and LibreOffice both open with Kazakh letters intact. A text cell that begins with
= + - @ tab or carriage return gets a leading apostrophe, so a spreadsheet shows it as text and
never runs it as a formula (OWASP's advice on CSV injection); the JSON carries the text as is.
"""

from __future__ import annotations

import csv
import io
import json

from .models import Sector, System

SCHEMA_BASE = "https://trustlist.kz/schemas/v1/"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _document(doc: dict, sector: str, system: str, documents_base: str) -> dict:
    url = f"{documents_base}/{sector}/{system}/{doc['file']}" if doc["public"] else None
    return {**doc, "url": url}


def _system(system: System, documents_base: str) -> dict:
    data = system.model_dump(mode="json", exclude_none=True)
    data["documents"] = [
        _document(d, system.sector, system.id, documents_base) for d in data["documents"]
    ]
    return data


def _sector(sector: Sector) -> dict:
    return sector.model_dump(mode="json", exclude_none=True)


def system_json(system: System, sector: Sector, documents_base: str) -> dict:
    """One system's public record, with each public document's download URL."""
    summary = {
        "id": sector.id,
        "name": sector.name.model_dump(mode="json"),
        "authority": sector.authority.model_dump(mode="json"),
    }
    return {
        "$schema": f"{SCHEMA_BASE}export-system.schema.json",
        "sector": summary,
        "system": _system(system, documents_base),
    }


def sector_json(sector: Sector, systems: list[System], documents_base: str) -> dict:
    """A sector's list: the sector's public record and its systems in list order."""
    return {
        "$schema": f"{SCHEMA_BASE}export-sector.schema.json",
        **_sector(sector),
        "systems": [_system(s, documents_base) for s in systems],
    }


def registry_json(sectors: list[Sector], systems: list[System], documents_base: str) -> dict:
    """Every sector with its systems."""
    return {
        "$schema": f"{SCHEMA_BASE}export-registry.schema.json",
        "sectors": [
            {
                **_sector(sector),
                "systems": [_system(s, documents_base) for s in systems if s.sector == sector.id],
            }
            for sector in sectors
        ],
    }


def dumps(data: object) -> str:
    """Deterministic JSON text: key order as built, UTF-8 letters as themselves."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(system: System) -> list[str]:
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
    )
    return [_cell(v) for v in values]


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def sector_csv(sector: Sector, systems: list[System]) -> str:
    return _csv(list(CSV_COLUMNS), [_row(s) for s in systems])


def registry_csv(sectors: list[Sector], systems: list[System]) -> str:
    rows = [
        [_cell(sector.id), *_row(s)] for sector in sectors for s in systems if s.sector == sector.id
    ]
    return _csv(["sector", *CSV_COLUMNS], rows)
