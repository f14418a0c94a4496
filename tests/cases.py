"""Invalid inputs several test modules share: one fixture per rule (test_rules), variants of
records for the schema and the models (test_schema_models, test_deployers) and bad calendars
(test_deadlines); test_messages checks that every finding they produce is said in kk, ru and
en. Bad PDFs are pdf_fixtures.py's."""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import BASE, SECTOR, SYSTEM, edit, replace_document
from pdf_fixtures import PNG, raw_pdf
from pydantic import ValidationError
from trustlist.core.load import load_yaml
from trustlist.core.schema import fast_validator, validator

# --- one fixture per rule (test_rules) -----------------------------------------------------

FOLDER = "registry/health/demo-triage"


@dataclass
class Case:
    code: str
    change: Callable[[Path], None]
    path: str = SYSTEM
    json_path: str = ""
    line: int = 0
    also: tuple[str, ...] = ()


def on(rel: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root / rel, old, new)


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        for change in changes:
            change(root)

    return run


def in_place_of_audit(make: Callable[[Path], object]) -> Callable[[Path], None]:
    """The system's audit report replaced by whatever `make` puts at its path."""
    return both(
        remove(f"{FOLDER}/audit-report.pdf"), lambda root: make(root / FOLDER / "audit-report.pdf")
    )


def remove(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).unlink()


def write(rel: str, data: bytes) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)

    return run


def copy_system(target: str, sector_id: str | None = None) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        shutil.copytree(root / FOLDER, root / "registry" / target)
        if sector_id:
            sector_dir = root / "registry" / sector_id
            shutil.copy(root / SECTOR, sector_dir / "sector.yaml")
            edit(sector_dir / "sector.yaml", "id: health", f"id: {sector_id}")
            edit(
                root / "registry" / target / "system.yaml", "sector: health", f"sector: {sector_id}"
            )

    return run


def swap_pdf(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda root: replace_document(root, name, data)


JS_PDF = raw_pdf(
    b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
    catalog=b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
)
PRIVATE = (
    "    public: false\n    custodian:\n      kk: Клиника\n      ru: Клиника\n"
    "    request:\n      kk: Хат жазыңыз\n      ru: Напишите письмо\n"
)

CASES = {
    "REG001 sector": Case("REG001", on(SECTOR, "id: health", "id: healthcare"), SECTOR, "id", 2),
    "REG001 system": Case(
        "REG001", on(SYSTEM, "id: demo-triage", "id: demo-other"), json_path="id", line=2
    ),
    "REG002": Case(
        "REG002", on(SYSTEM, "sector: health", "sector: finance"), json_path="sector", line=3
    ),
    "REG003": Case("REG003", remove(SECTOR), json_path="sector", line=3),
    "REG004": Case("REG004", copy_system("edu/demo-triage", "edu"), json_path="id", line=2),
    "REG005": Case(
        "REG005",
        both(
            copy_system("health/demo-triage-2"),
            on("registry/health/demo-triage-2/system.yaml", "id: demo-triage", "id: demo-triage-2"),
        ),
        "registry/health/demo-triage-2/system.yaml",
        "list_number",
        4,
        also=("REG009",),  # a copy under a new id is also a look-alike
    ),
    "REG009": Case(
        "REG009",
        both(
            copy_system("health/demo-triage-2"),
            on("registry/health/demo-triage-2/system.yaml", "id: demo-triage", "id: demo-triage-2"),
            on("registry/health/demo-triage-2/system.yaml", "list_number: 1", "list_number: 2"),
        ),
        json_path="id",
        line=2,
    ),
    "REG008": Case(
        "REG008",
        both(
            copy_system("health/history"),
            on("registry/health/history/system.yaml", "id: demo-triage", "id: history"),
            on("registry/health/history/system.yaml", "list_number: 1", "list_number: 2"),
        ),
        "registry/health/history/system.yaml",
        "id",
        2,
        also=("REG009",),  # a copy under a new id is also a look-alike
    ),
    "REG006": Case("REG006", write("registry/health/notes.txt", b"x"), "registry/health/notes.txt"),
    "REG006 root": Case("REG006", write("registry/index.html", b"x"), "registry/index.html"),
    "REG007": Case(
        "REG007", write("registry/health/empty-one/.keep", b""), "registry/health/empty-one"
    ),
    "CAL001": Case(
        "CAL001",
        write(
            "registry/calendar.yaml",
            b'schema_version: "1.0"\ndays_off:\n'
            b"  - date: 2026-05-08\n    reason: decree 1\n"
            b"  - date: 2026-05-08\n    reason: decree 2\nworking_days: []\n",
        ),
        "registry/calendar.yaml",
        "days_off[1].date",
        5,
    ),
    "BIN001 owner": Case(
        "BIN001", on(SYSTEM, '"260540001236"', '"260540001237"'), json_path="owner.bin", line=15
    ),
    "BIN001 auditor": Case(
        "BIN001",
        on(SYSTEM, '"191140004560"', '"191140004561"'),
        json_path="audit.auditor.bin",
        line=55,
    ),
    "BIN002 deployer": Case(
        "BIN002",
        on(
            SYSTEM,
            "risk_level: high\n",
            "risk_level: high\ndeployers:\n  - name:\n      kk: Аурухана\n"
            '      ru: Больница\n    bin: "050240001232"\n',
        ),
        json_path="deployers[0].bin",
        line=32,
    ),
    "DOC001": Case(
        "DOC001",
        both(
            on(SYSTEM, "  - kind: audit_report\n", "  - kind: other\n"),
            remove(f"{FOLDER}/audit-report.pdf"),
            on(SYSTEM, "    file: audit-report.pdf\n", "    file: other.pdf\n"),
            write(
                f"{FOLDER}/other.pdf",
                (
                    Path(__file__).parent / "fixtures/base" / FOLDER / "audit-report.pdf"
                ).read_bytes(),
            ),
        ),
        json_path="documents",
        line=66,
    ),
    "DOC002": Case(
        "DOC002",
        on(SYSTEM, "kind: certificate", "kind: agreement"),
        json_path="documents[1].kind",
        line=75,
        also=("DOC001",),
    ),
    "DOC003": Case(
        "DOC003",
        on(SYSTEM, "dc78a6b9b3a3d8ac0daa", "dc78a6b9b3a3d8ac0dab"),
        json_path="documents[1].sha256",
        line=77,
    ),
    "DOC004": Case(
        "DOC004", on(SYSTEM, "size: 1035", "size: 1036"), json_path="documents[1].size", line=78
    ),
    "DOC005": Case(
        "DOC005",
        remove(f"{FOLDER}/copyright-certificate.pdf"),
        json_path="documents[1].file",
        line=76,
    ),
    "DOC006": Case(
        "DOC006",
        on(SYSTEM, "    languages: [kk]\n    public: true\n", "    languages: [kk]\n" + PRIVATE),
        json_path="documents[0].file",
        line=67,
    ),
    "DOC007": Case(
        "DOC007",
        both(on(SYSTEM, "file: application.pdf", "file: ../application.pdf")),
        json_path="documents[0].file",
        line=67,
        also=("SCH005", "DOC009"),
    ),
    "DOC007 absolute": Case(
        "DOC007",
        on(SYSTEM, "file: application.pdf", "file: /etc/passwd"),
        json_path="documents[0].file",
        line=67,
        also=("SCH005", "DOC009"),
    ),
    # A symlink in a document's place: to a registry file, outside the registry, to nothing.
    **{
        name: Case(
            "DOC008",
            in_place_of_audit(lambda path, to=to: os.symlink(to, path)),
            json_path="documents[2].file",
            line=85,
        )
        for name, to in (
            ("DOC008", "application.pdf"),
            ("DOC008 outside", "/etc/passwd"),
            ("DOC008 dangling", "gone.pdf"),
        )
    },
    "DOC008 folder": Case(
        "DOC008", in_place_of_audit(Path.mkdir), json_path="documents[2].file", line=85
    ),
    # A FIFO is answered at once (the open does not wait for a writer) and refused.
    "DOC008 fifo": Case(
        "DOC008", in_place_of_audit(os.mkfifo), json_path="documents[2].file", line=85
    ),
    "DOC009": Case("DOC009", write(f"{FOLDER}/notes.pdf", b"%PDF-1.4"), f"{FOLDER}/notes.pdf"),
    "DOC010": Case(
        "DOC010",
        both(
            on(SYSTEM, "file: audit-report.pdf", "file: application.pdf"),
            remove(f"{FOLDER}/audit-report.pdf"),
        ),
        json_path="documents[2].file",
        line=85,
    ),
    "PDF001": Case(
        "PDF001", swap_pdf("audit-report.pdf", PNG), json_path="documents[2].file", line=85
    ),
    "PDF004": Case(
        "PDF004", swap_pdf("audit-report.pdf", JS_PDF), json_path="documents[2].file", line=85
    ),
    "PLH001": Case(
        "PLH001",
        on(SYSTEM, "  reference: APP-2026-001", '  reference: "<fill in: application reference>"'),
        json_path="application.reference",
        line=44,
    ),
    "AUD001": Case(
        "AUD001",
        on(SYSTEM, "conclusion: positive", "conclusion: negative"),
        json_path="audit.conclusion",
        line=57,
    ),
    "AUD002": Case(
        "AUD002",
        on(SYSTEM, "valid_until: 2027-04-20", "valid_until: 2026-05-01"),
        json_path="audit.valid_until",
        line=58,
    ),
    "DATE001": Case(
        "DATE001",
        on(SYSTEM, "submitted: 2026-05-04", "submitted: 2026-06-01"),
        json_path="decision.date",
        line=60,
    ),
    "DATE001 return": Case(
        "DATE001",
        on(
            SYSTEM,
            "  submitted: 2026-05-04\n",
            "  submitted: 2026-05-04\n  returns:\n    - notice: 2026-05-11\n"
            "      resubmitted: 2026-05-08\n",
        ),
        json_path="application.returns[0].resubmitted",
        line=48,
    ),
    "DATE001 decided before the resubmission": Case(
        "DATE001",
        on(
            SYSTEM,
            "  submitted: 2026-05-04\n",
            "  submitted: 2026-05-04\n  returns:\n    - notice: 2026-05-11\n"
            "      resubmitted: 2026-05-18\n",
        ),
        json_path="decision.date",
        line=63,
    ),
    "APP001": Case(
        "APP001",
        on(
            SYSTEM,
            "  submitted: 2026-05-04\n",
            "  submitted: 2026-05-04\n  returns:\n    - notice: 2026-05-11\n",
        ),
        json_path="application.returns[0].notice",
        line=47,
    ),
    "LINK001": Case(
        "LINK001",
        on(SYSTEM, "website: https://clinic", "website: http://clinic"),
        json_path="owner.website",
        line=16,
    ),
    "LINK001 javascript": Case(
        "LINK001",
        on(
            SYSTEM,
            "terms_of_use: https://clinic.example.kz/terms",
            "terms_of_use: javascript:alert(1)",
        ),
        json_path="users_rights.terms_of_use",
        line=42,
    ),
    "SCH001": Case("SCH001", on(SYSTEM, "risk_level: high\n", ""), json_path="risk_level", line=1),
    "SCH002": Case(
        "SCH002",
        on(SYSTEM, "demonstration: true\n", "demonstration: true\nnickname: x\n"),
        json_path="nickname",
        line=6,
    ),
    "SCH003": Case(
        "SCH003",
        on(SYSTEM, "    languages: [kk]\n    public: true", "    languages: [kk]\n    public: yes"),
        json_path="documents[0].public",
        line=74,
    ),
    "SCH004": Case(
        "SCH004",
        on(SYSTEM, "risk_level: high", "risk_level: medium"),
        json_path="risk_level",
        line=27,
    ),
    "SCH005": Case(
        "SCH005",
        on(SYSTEM, "submitted: 2026-05-04", "submitted: 2026-02-30"),
        json_path="application.submitted",
        line=45,
    ),
    "SCH006": Case(
        "SCH006",
        on(SYSTEM, "languages: [kk]", "languages: [kk, kk]"),
        json_path="documents[0].languages",
        line=73,
    ),
    "YAML001": Case(
        "YAML001", on(SYSTEM, "  kk: Демо триаж жүйесі", "  kk: [Демо триаж жүйесі"), line=8
    ),
    "YAML002": Case(
        "YAML002", on(SYSTEM, "list_number: 1\n", "list_number: 1\nid: again\n"), line=5
    ),
    "YAML003": Case(
        "YAML003", on(SYSTEM, "  ru: Демо-система триажа", "  ru: &n Демо-система триажа"), line=8
    ),
    "YAML004": Case(
        "YAML004",
        lambda root: (root / SYSTEM).write_bytes(
            (root / SYSTEM).read_bytes().replace("Демо триаж".encode(), b"\xd0\xd0")
        ),
        line=7,
    ),
    "YAML005": Case(
        "YAML005", on(SYSTEM, "risk_level: high\n", "risk_level: high\n" + "#" * 300_000 + "\n")
    ),
    "YAML006": Case(
        "YAML006",
        on(SYSTEM, "Шұғыл бөлімдегі", "Шұғыл\u202eбөлімдегі"),
        json_path="description.purpose.kk",
        line=19,
    ),
    "YAML007": Case(
        "YAML007",
        on(SYSTEM, "Демо-система триажа", unicodedata.normalize("NFD", "Демо-система триажа ё")),
        json_path="name.ru",
        line=8,
    ),
    "YAML008": Case(
        "YAML008", lambda root: (root / SYSTEM).write_text("- just\n- a list\n"), line=1
    ),
    "YAML009": Case("YAML009", on(SYSTEM, "list_number: 1", "list_number: !!str 1"), line=4),
    "YAML010": Case("YAML010", on(SYSTEM, "schema_version:", "x: 1\n---\nschema_version:"), line=2),
    "FILE002": Case(
        "FILE002",
        both(
            lambda root: (root / SYSTEM).rename(root / "elsewhere.yaml"),
            lambda root: os.symlink(root / "elsewhere.yaml", root / SYSTEM),
        ),
    ),
}


# --- variants of records for the schema and the models -------------------------------------


def base_record(rel: str) -> dict:
    loaded = load_yaml(BASE / rel, rel)
    assert loaded.findings == []
    return loaded.data


def setter(*path: str | int, value: object) -> Callable[[dict], None]:
    def run(data: dict) -> None:
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return run


def deleter(*path: str | int) -> Callable[[dict], None]:
    def run(data: dict) -> None:
        node = data
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]

    return run


TEXT = {"kk": "мәтін", "ru": "текст"}
SYSTEM_VARIANTS: dict[str, Callable[[dict], None]] = {
    "unchanged": lambda d: None,
    "english name": setter("name", "en", value="Name"),
    "empty name": setter("name", "kk", value=""),
    "blank name": setter("name", "kk", value="   "),
    "name too long": setter("name", "kk", value="я" * 5001),
    "french name": setter("name", "fr", value="Nom"),
    "no kazakh": deleter("name", "kk"),
    "list number zero": setter("list_number", value=0),
    "list number text": setter("list_number", value="1"),
    "list number bool": setter("list_number", value=True),
    "id upper": setter("id", value="Demo"),
    "id trailing hyphen": setter("id", value="demo-"),
    "role other": setter("owner", "role", value="user"),
    "possessor": setter("owner", "role", value="possessor"),
    "bin short": setter("owner", "bin", value="12345"),
    "bin arabic digits": setter("owner", "bin", value="٢٦٠٥٤٠٠٠١٢٣٦"),
    "http website": setter("owner", "website", value="http://x.kz"),
    "website with space": setter("owner", "website", value="https://x.kz/a b"),
    "synthetic without marking": setter("synthetic_content", "produces", value=True),
    "synthetic with marking": lambda d: d["synthetic_content"].update(produces=True, marking=TEXT),
    "marking without synthetic": setter("synthetic_content", "marking", value=TEXT),
    "platform text": setter("national_ai_platform", "developed", value="yes"),
    "date slashes": setter("application", "submitted", value="2026/05/04"),
    "date impossible": setter("application", "submitted", value="2026-02-30"),
    "date compact": setter("application", "submitted", value="20260504"),
    "date with time": setter("application", "submitted", value="2026-05-04T10:00"),
    "date in 2099": setter("application", "submitted", value="2099-12-31"),
    "date in 2100": setter("application", "submitted", value="2100-01-01"),
    "date in 1989": setter("copyright", "date", value="1989-12-31"),
    "date in 9999": setter("audit", "valid_until", value="9999-12-31"),
    "resubmitted (replaced by returns)": setter("application", "resubmitted", value="2026-05-10"),
    "returned and resubmitted": setter(
        "application", "returns", value=[{"notice": "2026-05-06", "resubmitted": "2026-05-10"}]
    ),
    "returned, unanswered": setter("application", "returns", value=[{"notice": "2026-05-06"}]),
    "return without notice": setter(
        "application", "returns", value=[{"resubmitted": "2026-05-10"}]
    ),
    "return with a note": setter(
        "application", "returns", value=[{"notice": "2026-05-06", "why": "x"}]
    ),
    "application awaiting decision": lambda d: [
        d.pop(k) for k in ("list_number", "decision", "status")
    ],
    "application with a list number": lambda d: [d.pop(k) for k in ("decision", "status")],
    "application with a status": lambda d: [d.pop(k) for k in ("decision", "list_number")],
    "decision without a status": deleter("status"),
    "decision without a list number": deleter("list_number"),
    "signed decision": setter(
        "decision",
        "signature",
        value="-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ==\n-----END SSH SIGNATURE-----\n",
    ),
    "signature not armoured": setter("decision", "signature", value="signed by me"),
    "reference padded": setter("decision", "reference", value=" No. 1"),
    "copyright kind other": setter("copyright", "kind", value="licence"),
    "conclusion negative": setter("audit", "conclusion", value="negative"),
    "suspended without reason": setter("status", "state", value="suspended"),
    "suspended": setter(
        "status", value={"state": "suspended", "since": "2026-06-01", "reason": "audit_expired"}
    ),
    "excluded with note": setter(
        "status",
        value={"state": "excluded", "since": "2026-06-01", "reason": "other", "note": TEXT},
    ),
    "listed with since": setter("status", "since", value="2026-06-01"),
    "unknown reason": setter(
        "status", value={"state": "excluded", "since": "2026-06-01", "reason": "whim"}
    ),
    "no documents": setter("documents", value=[]),
    "document kind unknown": setter("documents", 0, "kind", value="passport"),
    "document hash upper": setter("documents", 0, "sha256", value="A" * 64),
    "document size zero": setter("documents", 0, "size", value=0),
    "document too big": setter("documents", 0, "size", value=26_214_401),
    "document no language": setter("documents", 0, "languages", value=[]),
    "document language de": setter("documents", 0, "languages", value=["de"]),
    "document duplicate language": setter("documents", 0, "languages", value=["kk", "kk"]),
    "document not pdf": setter("documents", 0, "file", value="application.docx"),
    "private without custodian": setter("documents", 0, "public", value=False),
    "private": lambda d: d["documents"][0].update(public=False, custodian=TEXT, request=TEXT),
    "public with custodian": setter("documents", 0, "custodian", value=TEXT),
    "contact phone": setter("users_rights", "contact", "phone", value="+7 7172 123456"),
    "contact phone local": setter("users_rights", "contact", "phone", value="8 7172 123456"),
    "contact bad email": setter("users_rights", "contact", "email", value="not-an-address"),
    "contact person": setter("users_rights", "contact", "name", value="Aigerim"),
    "schema version 2": setter("schema_version", value="2.0"),
    "risk medium": setter("risk_level", value="medium"),
    "null purpose": setter("description", "purpose", value=None),
    "demonstration text": setter("demonstration", value="true"),
}

SECTOR_VARIANTS: dict[str, Callable[[dict], None]] = {
    "unchanged": lambda d: None,
    "no english": deleter("name", "en"),
    "no reviewers": setter("reviewers", value=[]),
    "duplicate reviewers": setter("reviewers", value=["@a", "@a"]),
    "reviewer without at": setter("reviewers", value=["kz/team"]),
    "team reviewer": setter("reviewers", value=["@kz-gov/ai-team", "@someone"]),
    "address": setter("contact", "address", value={"kk": "a", "ru": "b", "en": "c"}),
    "address without english": setter("contact", "address", value={"kk": "a", "ru": "b"}),
    "http authority": setter("authority", "website", value="http://gov.kz"),
    "extra field": setter("budget", value=1),
    "decision key": setter(
        "decision_keys", value=["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI reviewer"]
    ),
    "decision key without comment": setter("decision_keys", value=["ssh-ed25519 AAAAC3Nza"]),
    "decision key twice": setter("decision_keys", value=["ssh-ed25519 AAAA", "ssh-ed25519 AAAA"]),
    "decision key of unknown type": setter("decision_keys", value=["ssh-dss AAAA x"]),
    "decision key on two lines": setter("decision_keys", value=["ssh-ed25519 AAAA x\ny"]),
}


def verdicts(kind: str, model: type, data: dict) -> tuple[bool, bool]:
    schema_ok = not list(validator(kind).iter_errors(data))
    # The fast validator decides validity in builds; python-jsonschema words the findings.
    assert fast_validator(kind).is_valid(data) == schema_ok, "the two schema validators differ"
    try:
        model.model_validate(data)
        model_ok = True
    except ValidationError:
        model_ok = False
    return schema_ok, model_ok


# --- calendars --------------------------------------------------------------------------------


def calendar_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "calendar.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_CALENDAR = """\
schema_version: "1.0"
days_off:
  - date: "2026-05-08"
    reason: "hypothetical decree: day off moved from Saturday 16 May 2026"
working_days:
  - date: 2026-05-16
    reason: "hypothetical decree: Saturday made working"
"""


BAD_CALENDARS = [  # (what, replaced by, what the finding says)
    (
        '"2026-05-08"',
        '"2026-02-30"',
        'error[SCH005] days_off[0].date: "2026-02-30" is not a valid date',
    ),
    ('"2026-05-08"', '"8 May 2026"', "error[SCH005] days_off[0].date: must be"),
    (
        "  - date: 2026-05-16\n",
        "  - day: 2026-05-16\n",
        "error[SCH001] working_days[0].date: is required but missing",
    ),
    (
        'schema_version: "1.0"',
        'schema_version: "2.0"',
        'error[SCH004] schema_version: must be "1.0", got "2.0"',
    ),
    ('"hypothetical decree: Saturday made working"', '""', "working_days[0].reason: '' "),
    (
        "2026-05-16",
        "2026-05-08",
        "error[CAL001] working_days[0].date: 2026-05-08 is also in days_off",
    ),
    ("working_days:", "working_dayz:", "error[SCH001] working_days: is required but missing"),
    ("days_off:\n", "days_off: [\n", "error[YAML001] is not valid YAML"),
]
