"""One invalid fixture per rule: each case edits the valid base registry and names the exact
finding (code, file, field, line) the validator must report, and nothing outside `also`."""

from __future__ import annotations

from pathlib import Path

import pytest
from cases import CASES, FOLDER
from conftest import SYSTEM, edit
from trustlist.core.rules import RULES
from trustlist.core.validate import validate_registry


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
