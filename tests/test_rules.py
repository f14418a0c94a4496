"""One invalid fixture per rule: each case edits the valid base registry and names the exact
finding (code, file, field, line) the validator must report, and nothing outside `also`."""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SECTOR, SYSTEM, edit, replace_document
from pdf_fixtures import PNG, raw_pdf
from trustlist.core.rules import RULES
from trustlist.core.validate import validate_registry

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


@pytest.mark.parametrize("name", CASES)
def test_rule(base: Path, name: str) -> None:
    case = CASES[name]
    case.change(base)
    findings = validate_registry(Path("registry")).findings
    matching = [f for f in findings if f.code == case.code and f.path == case.path]
    assert matching, f"expected {case.code} at {case.path}, got:\n" + "\n".join(map(str, findings))
    first = matching[0]
    assert (first.json_path, first.line) == (case.json_path, case.line), first
    unexpected = {f.code for f in findings} - {case.code, *case.also}
    assert not unexpected, findings


def test_base_fixture_is_valid(base: Path) -> None:
    registry = validate_registry(Path("registry"))
    assert registry.findings == []
    assert [s.id for s in registry.systems] == ["demo-triage"]
    assert registry.systems[0].model is not None
    assert len(registry.systems[0].files) == 3


def test_every_rule_has_a_case_or_a_reason() -> None:
    # MOD001 fires only if schema and models disagree, which test_schema_models rules out;
    # FILE001 needs an unreadable file, which root (CI) can always read.
    covered = {case.code for case in CASES.values()} | {"MOD001", "FILE001"}
    # tests/test_pdfcheck.py; PDF007 in tests/test_hostile.py
    pdf_rules = {"PDF002", "PDF003", "PDF005", "PDF006", "PDF007"}
    # tests/test_change.py and tests/test_manifest.py
    # tests/test_governance.py too, for GOV; tests/test_open_site.py for OPN
    change_rules = {
        code for code in RULES if code.startswith(("CHG", "VER", "DEC", "GOV", "OPN", "GIT", "BLD"))
    }  # GIT: tests/test_history.py; BLD: tests/test_collisions.py
    assert set(RULES) - covered - pdf_rules - change_rules == set()


def test_a_renewed_audit_after_the_decision_is_an_update_not_an_error(base: Path) -> None:
    # A listed entry renews its audit (and may replace its copyright document) long after the
    # decision: the new report's date comes after the decision's, and that is valid.
    edit(base / SYSTEM, "report_date: 2026-04-20", "report_date: 2026-11-20")
    edit(base / SYSTEM, "valid_until: 2027-04-20", "valid_until: 2027-11-20")
    edit(base / SYSTEM, "  date: 2026-03-02", "  date: 2026-10-01")
    assert validate_registry(Path("registry")).findings == []


def test_an_application_awaiting_the_decision_is_valid(base: Path) -> None:
    # The applicant's stage alone: no list number, decision or status; the body adds them.
    text = (base / SYSTEM).read_text(encoding="utf-8")
    start, end = text.index("decision:"), text.index("documents:")
    text = text[:start] + text[end:]
    (base / SYSTEM).write_text(text.replace("list_number: 1\n", ""), encoding="utf-8")
    registry = validate_registry(Path("registry"))
    assert registry.findings == []
    assert not registry.systems[0].model.decided


def test_an_application_cannot_write_the_bodys_fields(base: Path) -> None:
    # list_number and status without a decision: the body's stage comes whole, with it.
    text = (base / SYSTEM).read_text(encoding="utf-8")
    start, end = text.index("decision:"), text.index("status:")
    (base / SYSTEM).write_text(text[:start] + text[end:], encoding="utf-8")
    findings = validate_registry(Path("registry")).findings
    assert [(f.code, f.line) for f in findings] == [("SCH006", 1)]
    assert "they come with its decision" in findings[0].message


def test_all_findings_collected_across_stages(base: Path) -> None:
    # A schema error in one record does not hide rule or file findings in it or its neighbours.
    edit(base / SYSTEM, "risk_level: high", "risk_level: medium")
    edit(base / SYSTEM, '"260540001236"', '"260540001237"')
    (base / FOLDER / "notes.pdf").write_bytes(b"%PDF-1.4")
    codes = sorted(f.code for f in validate_registry(Path("registry")).findings)
    assert codes == ["BIN001", "DOC009", "SCH004"]


def test_one_problem_gives_one_finding(base: Path) -> None:
    # A placeholder date is a placeholder, not also a bad pattern and a bad format; a link that
    # is neither https nor a link says the rule once.
    edit(base / SYSTEM, "  submitted: 2026-05-04", '  submitted: "<fill in: YYYY-MM-DD>"')
    edit(base / SYSTEM, "website: https://clinic.example.kz", 'website: "http://clinic example"')
    findings = validate_registry(Path("registry")).findings
    assert [(f.code, f.json_path) for f in findings] == [
        ("LINK001", "owner.website"),
        ("PLH001", "application.submitted"),
    ]
    assert findings[0].message.startswith("must be an absolute https: link")


def test_a_format_alone_still_speaks(base: Path) -> None:
    # 30 February has the form of a date and is none: the format's verdict is the only one.
    edit(base / SYSTEM, "  submitted: 2026-05-04", "  submitted: 2026-02-30")
    findings = validate_registry(Path("registry")).findings
    assert [(f.code, f.json_path) for f in findings] == [("SCH005", "application.submitted")]
    assert "is not a valid date" in findings[0].message


def test_a_sectors_journal_of_closed_applications_is_judged(base: Path) -> None:
    journal = base / "registry/health/applications.yaml"
    journal.write_text(
        'schema_version: "1.0"\nclosed:\n  - system: demo-refused\n    name:\n      kk: А\n'
        "      ru: А\n    applicant:\n      name:\n        kk: Б\n        ru: Б\n"
        '      bin: "260540001237"\n    application:\n      reference: X-1\n'
        "      submitted: 2026-06-01\n      returns:\n        - notice: 2026-06-05\n"
        "    outcome: refused\n    date: 2026-05-20\n    reasons:\n      kk: В\n      ru: В\n",
        encoding="utf-8",
    )
    findings = validate_registry(Path("registry")).findings
    assert [(f.code, f.json_path, f.line) for f in findings] == [
        ("BIN001", "closed[0].applicant.bin", 11),
        ("DATE001", "closed[0].date", 18),
        ("DATE001", "closed[0].date", 18),
    ]
    # A last notice left unanswered is how many applications end: not an error here.
    edit(journal, "date: 2026-05-20", "date: 2026-06-20")
    edit(journal, '"260540001237"', '"260540001236"')
    assert validate_registry(Path("registry")).findings == []
