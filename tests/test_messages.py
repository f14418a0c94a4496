"""Every finding in Kazakhstan's three languages (trustlist/messages/): each entry is written in
kk, ru and en with the same placeholders, each rule's code has its line, and the findings the
project's invalid inputs produce (the fixtures and variants of test_rules, test_schema_models,
test_pdfcheck, test_deadlines, and a site against its manifest) all name an entry and read in
Kazakh and Russian with every placeholder filled."""

from __future__ import annotations

import copy
import json
import os
import random
import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from cases import (
    BAD_CALENDARS,
    CASES,
    FOLDER,
    GOOD_CALENDAR,
    SECTOR_VARIANTS,
    SYSTEM_VARIANTS,
    calendar_file,
    on,
    write,
)
from conftest import BASE, SECTOR, SYSTEM, edit, replace_document
from helpers import assert_said, unsaid
from pdf_fixtures import (
    DISGUISED,
    JS_ACTION,
    clean_pdf,
    incremental_update,
    object_stream,
    raw_pdf,
    rewrite,
    stream,
    with_catalog,
)
from trustlist.core import documents, pdfcheck
from trustlist.core.deadlines import load_calendar_overrides
from trustlist.core.findings import Finding
from trustlist.core.load import Loaded, load_yaml
from trustlist.core.messages import MESSAGES, codes
from trustlist.core.models import System
from trustlist.core.rules import RULES
from trustlist.core.schema import SCHEMA_DIR, _described, _rule_words, check_schema
from trustlist.core.validate import _model, validate_registry
from trustlist.site import manifest
from trustlist.speed.verdicts import PDF_VERDICTS

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
CYRILLIC = re.compile("[а-яёәғқңөұүһі]", re.IGNORECASE)


# --- the catalogue ------------------------------------------------------------------------


def test_every_entry_is_said_in_kk_ru_and_en_with_the_same_placeholders() -> None:
    wrong = []
    for key, texts in MESSAGES.items():
        kk, ru, en = texts
        names = [sorted(set(PLACEHOLDER.findall(text))) for text in texts]
        if not (kk.strip() and ru.strip() and en.strip()):
            wrong.append(f"{key}: a text is empty")
        elif names[0] != names[2] or names[1] != names[2]:
            wrong.append(f"{key}: placeholders kk {names[0]}, ru {names[1]}, en {names[2]}")
        elif kk == en or ru == en:
            wrong.append(f"{key}: the kk or ru text is the English one")
        elif not (CYRILLIC.search(kk) and CYRILLIC.search(ru)):
            wrong.append(f"{key}: the kk or ru text has no Cyrillic letter")
    assert not wrong, "\n".join(wrong)


def test_every_rule_code_has_its_line_in_three_languages() -> None:
    assert set(RULES) - set(codes.MESSAGES) == set()
    assert {code: codes.MESSAGES[code][2] for code in RULES} == RULES


def test_every_description_a_schema_message_quotes_has_an_entry() -> None:
    # A pattern's message says its description ("must be <description>"), a `not` says its
    # description whole: schema.rule.* and schema.only.* say them in kk and ru.
    missing = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            described = node.get("description")
            if "pattern" in node and described and _rule_words(described) not in _described():
                missing.append(f"{where}: pattern, '{_rule_words(described)}'")
            if "not" in node and described and described not in _described():
                missing.append(f"{where}: not, '{described}'")
            for name, child in node.items():
                walk(child, f"{where}/{name}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, f"{where}/{index}")

    for kind in ("system", "sector", "calendar", "applications"):
        walk(json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text("utf-8")), kind)
    assert not missing, "add to messages/schema.py:\n" + "\n".join(missing)


def test_pdf_messages_begin_with_the_file_name() -> None:
    # pdfcheck.check_pdf names the file by its path, documents.py by the record's entry.
    said = [key for key in MESSAGES if key.startswith("pdf.") and key.count(".") == 1]
    assert said
    for key in said:
        assert MESSAGES[key][2].startswith("'{name}' "), key


# --- the findings the project's invalid inputs produce --------------------------------------


@pytest.fixture
def own_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFs judged afresh in this test and kept nowhere: the checker itself speaks."""
    monkeypatch.setenv("TRUSTLIST_CACHE", "off")
    monkeypatch.setattr(PDF_VERDICTS, "_known", {})
    monkeypatch.setattr(PDF_VERDICTS, "_loaded_from", None)


def findings_of(root: Path) -> list[Finding]:
    return validate_registry(root / "registry").findings


@pytest.mark.parametrize("name", CASES)
def test_findings_of_each_rule_case_are_said(base: Path, own_verdicts: None, name: str) -> None:
    CASES[name].change(base)
    assert_said(findings_of(base))


NFD_KEY = unicodedata.normalize("NFD", "risk_levé")
MORE_CASES: dict[str, Callable[[Path], None]] = {
    "symlink in the registry root": lambda root: os.symlink(
        root / "registry/health", root / "registry/link"
    ),
    "symlink in a sector folder": lambda root: os.symlink(
        root / FOLDER, root / "registry/health/link"
    ),
    "invisible character in a field name": on(SYSTEM, "risk_level:", "risk\u200b_level:"),
    "field name not in NFC": on(SYSTEM, "risk_level:", f"{NFD_KEY}:"),
    "nested too deep": on(SYSTEM, "risk_level: high", "risk_level: " + "[" * 40 + "]" * 40),
    "too many values": on(SYSTEM, "risk_level: high", f"risk_level: [{', '.join('1' * 20_001)}]"),
    "a list as a key": on(SYSTEM, "risk_level: high\n", "risk_level: high\n? [a]\n: b\n"),
    "an alias": on(SYSTEM, "risk_level: high", "risk_level: *n"),
    "an empty file name": on(SYSTEM, "file: application.pdf", 'file: ""'),
    "a dot for a file name": on(SYSTEM, "file: application.pdf", 'file: "."'),
    "a hidden file": on(SYSTEM, "file: application.pdf", "file: .application.pdf"),
    "an invisible character in a file name": on(
        SYSTEM, "file: application.pdf", 'file: "applica\\u200btion.pdf"'
    ),
    "a folder in a system folder": lambda root: (root / FOLDER / "drafts").mkdir(),
    "a missing calendar entry's reason": write(
        "registry/calendar.yaml",
        b'schema_version: "1.0"\ndays_off:\n  - date: "2026-05-08"\nworking_days: []\n',
    ),
}


@pytest.mark.parametrize("name", MORE_CASES)
def test_findings_of_the_loader_and_the_folders_are_said(base: Path, name: str) -> None:
    MORE_CASES[name](base)
    assert_said(findings_of(base))


def test_a_document_over_the_size_limit_is_said(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 500)
    findings = findings_of(base)
    assert "DOC004" in {f.code for f in findings}
    assert_said(findings)


def test_a_model_that_rejects_what_the_schema_accepted_is_said() -> None:
    _, findings = _model(Loaded(SYSTEM, data={"id": 1}), System)
    assert {f.code for f in findings} == {"MOD001"}
    assert_said(findings)


JS = JS_ACTION
BAD_PDFS: dict[str, bytes | Callable[[], bytes]] = {
    **{f"disguised {kind}": data for data, kind in DISGUISED},
    "RTF": b"{\\rtf1 report}",
    "Linux program": b"\x7fELF\x02\x01",
    "old Office file": b"\xd0\xcf\x11\xe0\xa1\xb1",
    "JPEG": b"\xff\xd8\xff\xe0",
    "braces at the start": b"{x: 1} not a pdf",
    "junk after the header": b"%PDF-1.7\n" + random.Random(7).randbytes(4096),
    "truncated": lambda: clean_pdf()[:300],
    "no pages": raw_pdf().replace(b"/Kids [3 0 R] /Count 1", b"/Kids [] /Count 0     "),
    "cyclic page tree": raw_pdf().replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]"),
    "encrypted": lambda: rewrite(clean_pdf(), lambda w: w.encrypt("x", None, algorithm="RC4-128")),
    "script in an object": raw_pdf(JS),
    "script in the trailer": raw_pdf(trailer=b"/JS (app.alert(1)) "),
    "script packed in an object stream": raw_pdf(object_stream({9: JS})),
    "script in an older revision": incremental_update(
        with_catalog(b"/OpenAction 4 0 R", JS), 4, b"<< /S /URI /URI (https://gov.kz) >>"
    ),
    "script packed in an older revision": incremental_update(
        raw_pdf(object_stream({9: JS})), 4, b"<< /N 1 >>"
    ),
    "launch action": with_catalog(b"/OpenAction 4 0 R", b"<< /S /Launch /F (cmd.exe) >>"),
    "XFA form": with_catalog(b"/AcroForm << /Fields [] /XFA 4 0 R >>", stream(b"<xdp:xdp/>")),
    "attachment": lambda: rewrite(clean_pdf(), lambda w: w.add_attachment("a.exe", b"MZ")),
    "every problem together": with_catalog(
        b"/OpenAction 4 0 R /Names << /EmbeddedFiles << /Names [] >> >>",
        b"<< /S /JavaScript /JS (x) /Next << /S /Launch /F (a.exe) >> >>",
    ),
}


@pytest.mark.parametrize("name", BAD_PDFS)
def test_findings_of_bad_pdfs_are_said(base: Path, own_verdicts: None, name: str) -> None:
    data = BAD_PDFS[name]
    replace_document(base, "audit-report.pdf", data() if callable(data) else data)
    findings = findings_of(base)
    assert {f.code for f in findings} & set(pdfcheck.RULES), findings
    assert_said(findings)


def test_a_pdf_too_complex_to_check_is_said(
    base: Path, own_verdicts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdfcheck, "MAX_OBJECTS", 20)
    replace_document(base, "audit-report.pdf", raw_pdf(*[b"<< /N %d >>" % n for n in range(30)]))
    findings = findings_of(base)
    assert any("too complex" in f.message for f in findings)
    assert_said(findings)


def test_a_stored_verdict_is_said_in_every_language(base: Path, own_verdicts: None) -> None:
    # The cache keeps a finding's code, key and values (not the file's name), and gives back
    # the same finding, said in each language and of whichever file has these bytes.
    problems = pdfcheck.check_pdf(raw_pdf(object_stream({9: JS})))
    stored = json.loads(json.dumps(PDF_VERDICTS.encode(problems)))
    assert stored == [
        [
            "PDF004",
            "pdf.javascript",
            [["found", "/JS"], ["place", "@pdf.place.packed_object"], ["num", "4"]],
        ]
    ]
    read = PDF_VERDICTS.decode(stored)
    assert read == problems
    assert [(f.key, f.values) for f in read] == [(f.key, f.values) for f in problems]
    assert [f.text("ru") for f in read] == [
        "'' содержит JavaScript (/JS в объекте, упакованном в объект 4); "
        "опубликуйте PDF без скриптов"
    ]
    [named] = pdfcheck.check_pdf(raw_pdf(object_stream({9: JS})), "registry/x/y/a.pdf")
    assert named.text("kk").startswith("'a.pdf' ")


def _variants(kind: str, rel: str, changes: dict[str, Callable[[dict], None]]) -> list:
    return [
        pytest.param(kind, rel, change, id=f"{kind}: {name}") for name, change in changes.items()
    ]


@pytest.mark.parametrize(
    ("kind", "rel", "change"),
    _variants("system", SYSTEM, SYSTEM_VARIANTS) + _variants("sector", SECTOR, SECTOR_VARIANTS),
)
def test_schema_findings_of_every_variant_are_said(
    kind: str, rel: str, change: Callable[[dict], None]
) -> None:
    data = copy.deepcopy(load_yaml(BASE / rel, rel).data)
    change(data)
    findings = check_schema(Loaded(rel, data=data), kind)
    assert unsaid(findings) == []


CALENDAR_VARIANTS = [
    pytest.param(old, new, id=f"{old.strip()} -> {new.strip()}") for old, new, _ in BAD_CALENDARS
]


@pytest.mark.parametrize(("old", "new"), CALENDAR_VARIANTS)
def test_findings_of_bad_calendars_are_said(tmp_path: Path, old: str, new: str) -> None:
    path = calendar_file(tmp_path, GOOD_CALENDAR.replace(old, new))
    assert_said(load_calendar_overrides(path)[1])


def test_a_missing_calendar_is_said(tmp_path: Path) -> None:
    assert_said(load_calendar_overrides(tmp_path / "calendar.yaml")[1])


def site_of(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_findings_of_a_site_against_its_manifest_are_said(tmp_path: Path) -> None:
    files = {"index.html": b"<p>lists</p>", "en/index.html": b"<p>en</p>", "a.pdf": b"%PDF-"}
    site = site_of(tmp_path / "site", files)
    (site / manifest.MANIFEST).write_text(manifest.build_manifest(site, None), "utf-8")
    rebuilt = site_of(tmp_path / "rebuilt", {**files, "a.pdf": b"%PDF-1.7", "new.html": b""})
    (rebuilt / "en/index.html").unlink()
    (site / "index.html").write_bytes(b"<p>changed</p>")
    (site / "a.pdf").unlink()
    (site / "extra.html").write_bytes(b"")
    findings = manifest.verify_site(site) + manifest.compare_sites(site, rebuilt)
    findings += manifest.verify_site(tmp_path / "rebuilt")  # no manifest at all
    assert {f.code for f in findings} == {"VER001", "VER002", "VER003", "VER004", "VER006"}
    assert_said(findings)


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen")
def test_findings_of_a_site_signature_are_said(tmp_path: Path) -> None:
    site = site_of(tmp_path / "site", {"index.html": b"<p>lists</p>"})
    (site / manifest.MANIFEST).write_text(manifest.build_manifest(site, None), "utf-8")
    allowed = tmp_path / "allowed_signers"
    allowed.write_text("trustlist ssh-ed25519 AAAA\n", "utf-8")
    findings = manifest.verify_signature(site, allowed, "trustlist")  # not signed
    (site / manifest.SIGNATURE).write_text("not a signature", "utf-8")
    findings += manifest.verify_signature(site, allowed, "trustlist")  # does not verify
    assert [f.code for f in findings] == ["VER005", "VER005"]
    assert_said(findings)


def test_a_finding_reads_in_each_language(base: Path) -> None:
    # One finding in the three languages, as a notice would give it.
    edit(base / SYSTEM, "size: 1035", "size: 1036")
    (finding,) = findings_of(base)
    name = "'copyright-certificate.pdf'"
    assert (finding.code, finding.key) == ("DOC004", "document.size")
    assert finding.message == f"is 1036 but {name} has 1035 bytes"
    assert finding.text("en") == finding.message
    assert finding.text("ru") == f"указано 1036, но размер {name} составляет 1035 байт"
    assert finding.text("kk") == f"1036 деп көрсетілген, бірақ {name} көлемі 1035 байт"
