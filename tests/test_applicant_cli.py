"""`trustlist new` and `trustlist add-document`, as an applicant uses them: a record to fill in
that cannot pass until filled, documents added with their hash and size, comments kept."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SYSTEM
from pdf_fixtures import clean_pdf

TRUSTLIST = Path(sys.executable).with_name("trustlist")
FOLDER = "registry/health/demo-triage"
NEW = "registry/health/my-system/system.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TRUSTLIST), *args], capture_output=True, text=True, check=False)


def test_new_record_is_complete_but_fails_until_filled(base: Path) -> None:
    result = run("new", "--sector", "health", "--id", "my-system")
    assert result.returncode == 0, result.stderr
    assert f"created {NEW}\n" in result.stdout
    text = (base / NEW).read_text(encoding="utf-8")
    assert "# The applicant: the system's owner or possessor" in text
    # The applicant's stage: the body's fields are left to the body.
    assert "\nlist_number:" not in text
    assert "\ndecision:" not in text
    assert "\nstatus:" not in text
    check = run("validate", "registry")
    assert check.returncode == 1
    lines = check.stdout.splitlines()
    assert f"{NEW}:13:7: error[PLH001] name.kk: still says '<fill in: атауы қазақша>': write " \
        "the real value" in lines  # fmt: skip
    assert any(
        "[DOC001] documents: a document of kind audit_report is missing" in line for line in lines
    )


def fill_in(base: Path) -> None:
    """Replace the placeholders with the fixture record's values, as an applicant would."""
    source = (base / SYSTEM).read_text(encoding="utf-8")
    head = source[: source.index("decision:")]
    record = base / NEW
    record.write_text(
        head.replace("id: demo-triage", "id: my-system").replace("list_number: 1\n", "")
        + "# Documents, added with trustlist add-document.\ndocuments: []\n",
        encoding="utf-8",
    )


def test_add_documents_then_the_record_validates(base: Path, tmp_path: Path) -> None:
    assert run("new", "--sector", "health", "--id", "my-system").returncode == 0
    fill_in(base)
    before = (base / NEW).read_text(encoding="utf-8")
    for name, kind, langs in (
        ("application.pdf", "application", "kk"),
        ("copyright-certificate.pdf", "copyright_certificate", "ru"),
        ("audit-report.pdf", "audit_report", "ru,kk"),
    ):
        result = run(
            "add-document", f"{FOLDER}/{name}", "--system", "my-system", "--kind", kind,
            "--languages", langs,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert (base / "registry/health/my-system" / name).read_bytes() == (
            base / FOLDER / name
        ).read_bytes()
    result = run("validate", "registry")
    assert result.returncode == 0, result.stdout
    after = (base / NEW).read_text(encoding="utf-8")
    # Only lines were added: every comment and value of the record is where it was.
    removed = [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line.startswith("- ")
    ]  # fmt: skip
    assert removed == ["- documents: []"]
    assert "# Documents, added with trustlist add-document." in after
    assert "    languages: [ru, kk]\n" in after


def test_a_private_document_is_hashed_not_copied(base: Path, tmp_path: Path) -> None:
    contract = tmp_path / "licence.pdf"
    contract.write_bytes(clean_pdf("Licence agreement"))
    result = run(
        "add-document", str(contract), "--system", "demo-triage", "--kind", "other",
        "--languages", "ru", "--private",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "not copied" in result.stdout
    assert not (base / FOLDER / "licence.pdf").exists()
    text = (base / SYSTEM).read_text(encoding="utf-8")
    assert "file: licence.pdf" in text and "public: false" in text
    check = run("validate", "registry")
    assert check.returncode == 1  # until custodian and request are filled in
    assert "PLH001" in check.stdout and "custodian.kk" in check.stdout


def test_re_adding_a_fixed_document_updates_hash_and_size(base: Path, tmp_path: Path) -> None:
    fixed = tmp_path / "audit-report.pdf"
    fixed.write_bytes(clean_pdf("Audit report, corrected"))
    result = run(
        "add-document", str(fixed), "--system", "demo-triage", "--kind", "audit_report",
        "--languages", "ru,kk",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("updated audit-report.pdf")
    assert run("validate", "registry").returncode == 0
    assert (base / SYSTEM).read_text(encoding="utf-8").count("file: audit-report.pdf") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("new", "--sector", "nope", "--id", "x"), "registry/nope/sector.yaml: no such sector"),
        (("new", "--sector", "health", "--id", "Bad_Id"), "'Bad_Id' is not a usable id"),
        (("new", "--sector", "health", "--id", "history"), "'history' is not a usable id"),
        (("new", "--sector", "health", "--id", "demo-triage"), "demo-triage: already exists"),
        (
            ("add-document", "registry/health/demo-triage/system.yaml", "--system", "demo-triage",
             "--kind", "other", "--languages", "ru"),
            "a document's file name is Latin letters",
        ),
        (
            ("add-document", "missing.pdf", "--system", "demo-triage", "--kind", "other",
             "--languages", "ru"),
            "missing.pdf: cannot be read: No such file or directory",
        ),
        (
            ("add-document", f"{FOLDER}/application.pdf", "--system", "nope", "--kind", "other",
             "--languages", "ru"),
            "registry/*/nope/system.yaml: no such system",
        ),
        (
            ("add-document", f"{FOLDER}/application.pdf", "--system", "demo-triage", "--kind",
             "other", "--languages", "de"),
            "--languages is a list of kk, ru, en",
        ),
    ],
)  # fmt: skip
def test_errors_name_the_file_and_write_nothing(
    base: Path, args: tuple[str, ...], message: str
) -> None:
    before = {p: p.read_bytes() for p in base.rglob("*") if p.is_file()}
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert {p: p.read_bytes() for p in base.rglob("*") if p.is_file()} == before


def test_a_disguised_file_is_refused(base: Path, tmp_path: Path) -> None:
    fake = tmp_path / "report.pdf"
    fake.write_bytes(b"PK\x03\x04 not a pdf")
    result = run(
        "add-document", str(fake), "--system", "demo-triage", "--kind", "other",
        "--languages", "ru",
    )  # fmt: skip
    assert result.returncode == 2
    assert "[PDF001]" in result.stderr
    assert f"{fake}: [PDF001] 'report.pdf' is not a PDF" in result.stderr
    assert not (base / FOLDER / "report.pdf").exists()
