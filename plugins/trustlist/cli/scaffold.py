"""scaffold: the applicant's two helpers, `trustlist new` and `trustlist add-document`.

Applicants are rarely programmers. `new` writes a complete record to fill in, every field
commented in the three languages; its placeholders fail validation (PLH001) until replaced, so
an unfinished record can never be merged. `add-document` copies a PDF in and writes its
SHA-256 and size into the record through a round-trip YAML editor that keeps the record's
comments, order and quoting: the pull request's diff shows only what was added.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..core.edit import find_system, round_trip_yaml
from ..core.findings import UsageError
from ..core.i18n import t
from ..core.pdfcheck import check_pdf
from ..core.rules import PLACEHOLDER, RESERVED_SYSTEM_IDS
from ..core.validate import SECTOR_FILE, SYSTEM_FILE

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
FILE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.pdf$")
KINDS = ("application", "copyright_certificate", "copyright_agreement", "audit_report", "other")
LANGUAGE_CODES = ("kk", "ru", "en")


class ScaffoldError(UsageError):
    """What the applicant must change, in one line naming the file."""


def _fill(what: str) -> str:
    return f"{PLACEHOLDER}: {what}>"


def _template(sector: str, system_id: str) -> str:
    f = _fill
    return f"""\
# A record of the list of trusted high-risk AI systems. Replace every "{PLACEHOLDER}…>" value;
# `trustlist validate` names each one still left. Field meanings: schemas/system.schema.json.
# Жазба: әр "{PLACEHOLDER}…>" мәнін ауыстырыңыз. Запись: замените каждое значение "{PLACEHOLDER}…>".
schema_version: "1.0"
id: {system_id}
sector: {sector}
# No list_number, decision or status: the sector's body adds them when it decides
# (trustlist decide). Тізімдегі нөмірді, шешімді және мәртебені орган жазады.
# Номер в списке, решение и статус вносит орган.

# The system's name / Жүйенің атауы / Наименование системы (en is optional).
name:
  kk: "{f("атауы қазақша")}"
  ru: "{f("наименование по-русски")}"
  en: "{f("name in English, or delete this line")}"

# The applicant: the system's owner or possessor (role: owner or possessor).
# Меншік иесі немесе иеленуші / Собственник или владелец.
owner:
  role: owner
  name:
    kk: "{f("ұйымның атауы")}"
    ru: "{f("наименование организации")}"
  bin: "{f("12 digits")}"
  website: "{f("https://…")}"

# What the Law requires a developer to document, in plain words.
# Мақсаты, әдістері, шектеулері / Назначение, методы, ограничения.
description:
  purpose:
    kk: "{f("мақсаты")}"
    ru: "{f("назначение")}"
  methods:
    kk: "{f("әдістері")}"
    ru: "{f("методы")}"
  limitations:
    kk: "{f("шектеулері")}"
    ru: "{f("ограничения")}"
risk_level: high

# Use of the state National AI Platform (true or false).
national_ai_platform:
  developed: false
  tested: false

# Does the system generate content? If true, add `marking:` with kk and ru saying how it is marked.
synthetic_content:
  produces: false

# Users' rights: how people are told of automated processing and how they object.
# An organisational contact only, never a named person's.
users_rights:
  notification:
    kk: "{f("адамдарға қалай хабарланады")}"
    ru: "{f("как уведомляют людей")}"
  objection:
    kk: "{f("қалай қарсылық білдіруге болады")}"
    ru: "{f("как возразить")}"
  contact:
    email: "{f("rights@organisation.kz")}"
  terms_of_use: "{f("https://…")}"

# The application: its reference and the day it was submitted (YYYY-MM-DD).
application:
  reference: "{f("application reference")}"
  submitted: "{f("YYYY-MM-DD")}"

# Copyright: kind is certificate (State Register entry) or agreement.
copyright:
  kind: certificate
  number: "{f("register entry or agreement number")}"
  date: "{f("YYYY-MM-DD")}"

# The audit: auditor, report date, conclusion (positive) and validity.
audit:
  auditor:
    name:
      kk: "{f("аудитордың атауы")}"
      ru: "{f("наименование аудитора")}"
    bin: "{f("12 digits")}"
  report_date: "{f("YYYY-MM-DD")}"
  conclusion: positive
  valid_until: "{f("YYYY-MM-DD")}"

# If the body returns the package with a notice of inconsistencies, record each return here:
#   returns:
#     - notice: YYYY-MM-DD        (the date of the body's notice)
#       resubmitted: YYYY-MM-DD   (the day you resubmit the corrected package)

# Add each PDF with: trustlist add-document FILE --system {system_id} --kind KIND --languages kk,ru
documents: []
"""


def new_system(registry: Path, sector: str, system_id: str) -> Path:
    """A new record of the applicant's stage to fill in; returns its path."""
    sector_file = registry / sector / SECTOR_FILE
    if not sector_file.is_file():
        known = sorted(p.parent.name for p in registry.glob(f"*/{SECTOR_FILE}"))
        raise ScaffoldError(
            f"{sector_file}: no such sector; the sectors are: {', '.join(known) or 'none'}"
        )
    folder = registry / sector / system_id
    if not ID_PATTERN.match(system_id) or system_id in RESERVED_SYSTEM_IDS:
        raise ScaffoldError(
            f"{folder}: '{system_id}' is not a usable id: lower-case letters, digits and "
            "hyphens, 1 to 64 characters, not starting or ending with a hyphen, and not "
            f"one of {', '.join(sorted(RESERVED_SYSTEM_IDS))}"
        )
    if folder.exists():
        raise ScaffoldError(f"{folder}: already exists")
    folder.mkdir()
    path = folder / SYSTEM_FILE
    path.write_text(_template(sector, system_id), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Added:
    record: Path
    file: str
    sha256: str
    size: int
    copied: bool
    updated: bool  # an existing entry got the new hash and size


def add_document(
    registry: Path,
    system_id: str,
    source: Path,
    kind: str,
    languages: list[str],
    *,
    public: bool = True,
    titles: dict[str, str] | None = None,
) -> Added:
    record = find_system(registry, system_id)
    if kind not in KINDS:
        raise ScaffoldError(f"{source}: kind must be one of {', '.join(KINDS)}, got '{kind}'")
    bad = [lang for lang in languages if lang not in LANGUAGE_CODES]
    if not languages or bad or len(set(languages)) != len(languages):
        raise ScaffoldError(f"{source}: --languages is a list of kk, ru, en, got {languages}")
    if not FILE_PATTERN.match(source.name):
        raise ScaffoldError(
            f"{source}: a document's file name is Latin letters, digits, '.', '_' or '-', "
            "ending in .pdf, at most 104 characters: rename the file"
        )
    try:
        data = source.read_bytes()
    except OSError as err:
        raise ScaffoldError(f"{source}: cannot be read: {err.strerror}") from None
    problems = check_pdf(data, str(source))
    if problems:
        raise ScaffoldError(
            "; ".join(f"{source}: [{p.code}] {p.message}" for p in problems)
            + " (fix the PDF and try again)"
        )
    sha256, size = hashlib.sha256(data).hexdigest(), len(data)
    yaml = round_trip_yaml()
    document = yaml.load(record.read_text(encoding="utf-8"))
    documents = document.get("documents")
    if not isinstance(documents, list):
        documents = CommentedSeq()
        document["documents"] = documents
    existing = next((d for d in documents if d.get("file") == source.name), None)
    target = record.parent / source.name
    if public and target.exists() and existing is None:
        raise ScaffoldError(f"{target}: a file of that name is already in the folder")
    if existing is not None:
        existing["sha256"], existing["size"] = sha256, size
    else:
        documents.append(_entry(source.name, kind, languages, sha256, size, public, titles))
    if public and target.resolve() != source.resolve():
        shutil.copyfile(source, target)
    with record.open("w", encoding="utf-8") as handle:
        yaml.dump(document, handle)
    return Added(record, source.name, sha256, size, public, existing is not None)


def _entry(
    name: str,
    kind: str,
    languages: list[str],
    sha256: str,
    size: int,
    public: bool,
    titles: dict[str, str] | None,
) -> CommentedMap:
    title = CommentedMap()
    for lang in LANGUAGE_CODES:
        text = (titles or {}).get(lang) or (
            t(f"kind_{kind}", lang).capitalize() if lang != "en" else None
        )
        if text:
            title[lang] = text
    entry = CommentedMap()
    entry["kind"] = kind
    entry["file"] = name
    entry["sha256"] = sha256
    entry["size"] = size
    entry["title"] = title
    entry["languages"] = CommentedSeq(languages)
    entry["languages"].fa.set_flow_style()
    entry["public"] = public
    if not public:
        # The body keeps the file; the record says who and how to ask for it.
        entry["custodian"] = CommentedMap(
            kk=DoubleQuotedScalarString(_fill("құжатты кім сақтайды")),
            ru=DoubleQuotedScalarString(_fill("кто хранит документ")),
        )
        entry["request"] = CommentedMap(
            kk=DoubleQuotedScalarString(_fill("қалай сұрауға болады")),
            ru=DoubleQuotedScalarString(_fill("как запросить")),
        )
    return entry
