"""Verdicts kept by content hash and judge version (PDFs, records): a bad cache costs only time."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SECTOR, edit
from pdf_fixtures import clean_pdf, rewrite
from pypdf.actions import JavaScript, PageTrigger
from trustlist.core.documents import read_document
from trustlist.core.validate import validate_registry
from trustlist.speed import verdicts
from trustlist.speed.verdicts import (
    FILE_NAME,
    MEMORY,
    RECORDS_FILE_NAME,
    PdfVerdicts,
    fingerprint,
    records_fingerprint,
)

TRUSTLIST = Path(sys.executable).with_name("trustlist")
DOCUMENT = "registry/health/demo-triage/application.pdf"


def validate(root: Path, cache: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(TRUSTLIST), "validate", "registry"],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "TRUSTLIST_CACHE": cache},
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_verdicts_are_stored_under_the_hash_and_checker(base: Path, tmp_path: Path) -> None:
    assert validate(base, str(tmp_path)).returncode == 0
    stored = json.loads((tmp_path / FILE_NAME).read_text("utf-8"))
    assert stored["checker"] == fingerprint()
    digest = hashlib.sha256((base / DOCUMENT).read_bytes()).hexdigest()
    assert stored["verdicts"][digest] == []
    assert len(stored["verdicts"]) == len(list(base.glob("registry/*/*/*.pdf")))


def test_a_stored_verdict_is_used_and_a_foreign_checkers_is_not(base: Path, tmp_path: Path) -> None:
    validate(base, str(tmp_path))
    cache = tmp_path / FILE_NAME
    stored = json.loads(cache.read_text("utf-8"))
    digest = hashlib.sha256((base / DOCUMENT).read_bytes()).hexdigest()
    # A problem is stored as its code, its message's key and the values it is said with.
    values = [["found", "/JS"], ["place", "@pdf.place.object"], ["num", "99"]]
    stored["verdicts"][digest] = [["PDF004", "pdf.javascript", values]]
    cache.write_text(json.dumps(stored), "utf-8")
    used = validate(base, str(tmp_path))
    assert used.returncode == 1
    assert (
        "error[PDF004] documents[0].file: 'application.pdf' contains JavaScript (/JS in object 99)"
        in used.stdout
    )
    stored["checker"] = "another version of pdfcheck"
    cache.write_text(json.dumps(stored), "utf-8")
    assert validate(base, str(tmp_path)).returncode == 0
    assert json.loads(cache.read_text("utf-8"))["checker"] == fingerprint()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("not json", "JSONDecodeError"),
        ('{"checker": 1}', "its checker is not a fingerprint"),
        ("[]", "TypeError"),
        ('{"checker": "x", "verdicts": 3}', ""),  # another version's: said at INFO only
    ],
)
def test_a_damaged_cache_is_rebuilt(base: Path, tmp_path: Path, content: str, said: str) -> None:
    (tmp_path / FILE_NAME).write_text(content, "utf-8")
    result = validate(base, str(tmp_path))
    assert result.returncode == 0
    assert result.stdout.endswith(": valid\n")
    if said:  # a warning on stderr, naming the file and why
        assert f"cache {tmp_path / FILE_NAME} dropped, unreadable (" in result.stderr
        assert said in result.stderr
    else:
        assert result.stderr == ""
    assert json.loads((tmp_path / FILE_NAME).read_text("utf-8"))["checker"] == fingerprint()


def test_a_damaged_cache_is_logged_and_validation_still_succeeds(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    pdfs, records = tmp_path / FILE_NAME, tmp_path / RECORDS_FILE_NAME
    pdfs.write_bytes(b"\x00 not json")
    # The right judge, but verdicts of a shape no version writes: none of it is used.
    records.write_text(json.dumps({"checker": records_fingerprint(), "verdicts": []}), "utf-8")
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path))
    caplog.set_level(logging.INFO, logger="trustlist")
    registry = validate_registry(base / "registry", memory=MEMORY)
    assert registry.findings == []
    dropped = {r.getMessage(): r.levelno for r in caplog.records if r.name == "trustlist"}
    assert set(dropped.values()) == {logging.WARNING}
    assert any(f"cache {pdfs} dropped" in m and "JSONDecodeError" in m for m in dropped)
    assert any(f"cache {records} dropped" in m and "AttributeError" in m for m in dropped)


def test_another_versions_cache_is_said_at_info(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / FILE_NAME).write_text('{"checker": "old", "verdicts": {}}', "utf-8")
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path))
    caplog.set_level(logging.INFO, logger="trustlist")
    PdfVerdicts().begin()
    [record] = [r for r in caplog.records if r.name == "trustlist"]
    assert record.levelno == logging.INFO
    assert record.getMessage() == (
        f"cache {tmp_path / FILE_NAME} is another version's: judging every file afresh"
    )


def test_a_missing_cache_is_no_news(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path / "nothing yet"))
    caplog.set_level(logging.DEBUG, logger="trustlist")
    PdfVerdicts().begin()
    assert [r for r in caplog.records if r.name == "trustlist"] == []


def test_off_keeps_nothing_on_disk(base: Path, tmp_path: Path) -> None:
    assert validate(base, "off").returncode == 0
    assert list(tmp_path.rglob(FILE_NAME)) == []


def test_an_unwritable_cache_only_costs_time(base: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be", "utf-8")
    result = validate(base, str(blocker / "cache"))
    assert result.returncode == 0
    # Said, naming the file: nothing on disk will spare the next run its work.
    for name in (FILE_NAME, RECORDS_FILE_NAME):
        assert f"cache {blocker / 'cache' / name} not written (" in result.stderr


def test_a_changed_document_is_checked_afresh(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path))
    good = clean_pdf()
    bad = rewrite(
        good, lambda w: w.pages[0].add_action(PageTrigger.OPEN, JavaScript("app.alert(1)"))
    )
    verdicts = PdfVerdicts()
    assert verdicts.problems(hashlib.sha256(good).hexdigest(), good) == []
    found = verdicts.problems(hashlib.sha256(bad).hexdigest(), bad)
    assert [p.code for p in found] == ["PDF004"]
    verdicts.save()
    again = PdfVerdicts()
    assert again.problems(hashlib.sha256(bad).hexdigest(), b"") == found  # bytes not re-read


@pytest.fixture
def prefetching(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A cache of the test's own, and documents judged on every core from the first one."""
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(verdicts, "PARALLEL_FROM", 1)


@pytest.mark.usefixtures("prefetching")
def test_unknown_documents_are_judged_on_every_core(tmp_path: Path) -> None:
    good = clean_pdf()
    bad = rewrite(
        good, lambda w: w.pages[0].add_action(PageTrigger.OPEN, JavaScript("app.alert(1)"))
    )
    files = {"good.pdf": good, "bad.pdf": bad, "fake.pdf": b"PK\x03\x04 a zip"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "link.pdf").symlink_to(tmp_path / "bad.pdf")
    judged = PdfVerdicts()
    judged.prefetch(len(files), lambda: sorted(map(str, tmp_path.glob("*.pdf"))), read_document)
    # Known now, judged in the workers: looking them up again needs no bytes.
    for name, data in files.items():
        expected = verdicts.check_pdf(data)
        assert judged.problems(hashlib.sha256(data).hexdigest(), b"") == expected, name
    assert [p.code for p in judged.problems(hashlib.sha256(bad).hexdigest(), b"")] == ["PDF004"]


@pytest.mark.usefixtures("prefetching")
def test_a_filled_cache_is_not_prefetched_nor_are_the_folders_listed() -> None:
    known = PdfVerdicts()
    for data in (clean_pdf("a"), clean_pdf("b")):
        known.problems(hashlib.sha256(data).hexdigest(), data)
    known.save()
    listed = []

    def list_paths() -> list[str]:
        listed.append(True)
        return []

    # Two verdicts known for one system's three documents: more than one a system.
    PdfVerdicts().prefetch(1, list_paths, read_document)
    assert listed == []
    # For three systems the same two are a cache to fill: the folders are listed.
    PdfVerdicts().prefetch(3, list_paths, read_document)
    assert listed == [True]


# Records: the data of a record that passed every stage reading only the record and its place.

SYSTEM_RECORD = "registry/health/demo-triage/system.yaml"


def stored_records(cache: Path) -> dict[str, str]:
    stored = json.loads((cache / RECORDS_FILE_NAME).read_text("utf-8"))
    assert stored["checker"] == records_fingerprint()
    return stored["verdicts"]


def record_key(root: Path, place: str = "health/demo-triage True") -> str:
    digest = hashlib.sha256((root / SYSTEM_RECORD).read_bytes()).hexdigest()
    return f"system {place} {digest}"


def test_a_valid_record_is_stored_under_its_place_and_bytes(base: Path, tmp_path: Path) -> None:
    assert validate(base, str(tmp_path)).returncode == 0
    stored = stored_records(tmp_path)
    assert set(stored) == {
        record_key(base),
        "sector health " + hashlib.sha256((base / SECTOR).read_bytes()).hexdigest(),
    }
    assert json.loads(stored[record_key(base)])["id"] == "demo-triage"


def test_a_stored_record_is_used_and_its_documents_still_checked(
    base: Path, tmp_path: Path
) -> None:
    validate(base, str(tmp_path))
    cache = tmp_path / RECORDS_FILE_NAME
    stored = json.loads(cache.read_text("utf-8"))
    data = json.loads(stored["verdicts"][record_key(base)])
    data["documents"][0]["file"] = "stored.pdf"  # what only the stored data says
    stored["verdicts"][record_key(base)] = json.dumps(data)
    cache.write_text(json.dumps(stored), "utf-8")
    used = validate(base, str(tmp_path))
    assert used.returncode == 1
    assert "error[DOC005] documents[0].file: 'stored.pdf' is not in the system folder" in (
        used.stdout
    )
    stored["checker"] = "another version of trustlist"
    cache.write_text(json.dumps(stored), "utf-8")
    assert validate(base, str(tmp_path)).returncode == 0


def test_an_invalid_record_is_never_stored(base: Path, tmp_path: Path) -> None:
    edit(base / SYSTEM_RECORD, "list_number: 1", "list_number: one")
    for _ in range(2):  # found, worded and located afresh each time
        result = validate(base, str(tmp_path))
        assert result.returncode == 1
        assert f"{SYSTEM_RECORD}:4:14: error[SCH003]" in result.stdout
    assert not any(key.startswith("system ") for key in stored_records(tmp_path))


def test_the_same_bytes_in_another_place_are_judged_afresh(base: Path, tmp_path: Path) -> None:
    validate(base, str(tmp_path))
    moved = base / "registry/health/demo-moved"
    (base / "registry/health/demo-triage").rename(moved)
    result = validate(base, str(tmp_path))
    assert result.returncode == 1
    assert "error[REG001] id: must equal the folder name 'demo-moved'" in result.stdout


def test_records_no_longer_in_the_registry_are_dropped(base: Path, tmp_path: Path) -> None:
    validate(base, str(tmp_path))
    before = record_key(base)
    edit(base / SYSTEM_RECORD, "kk: Градиенттік бустинг.", "kk: Градиенттік бустинг әдісі.")
    assert validate(base, str(tmp_path)).returncode == 0
    stored = stored_records(tmp_path)
    assert record_key(base) in stored
    assert before not in stored


def test_a_store_let_go_holds_nothing_and_reads_its_file_again(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build lets the record cache go once it has validated (build.read_registry): what it
    held is in its file, which a later validation reads again."""
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path))
    store = verdicts.RecordVerdicts()
    store.begin()
    store.remember("record a", {"id": "a"})
    store.save()
    store.let_go()
    assert store.get("record a") is None  # nothing held
    store.begin()
    assert store.data("record a") == {"id": "a"}  # the file read again
