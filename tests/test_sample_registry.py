"""The sample registry that `make site` publishes: valid, complete as a demo, reproducible."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "registry"
SCHEMAS = ROOT / "schemas"
SECTOR_FILES = sorted(REGISTRY.glob("*/sector.yaml"))
SYSTEM_FILES = sorted(REGISTRY.glob("*/*/system.yaml"))
KAZAKH_LETTERS = set("әіңғүұқөһӘІҢҒҮҰҚӨҺ")


class DatesAsText(yaml.SafeLoader):
    """safe_load without the timestamp resolver: dates stay the strings the schema judges."""


DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=DatesAsText)


@cache
def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def systems() -> list[dict]:
    return [load(path) for path in SYSTEM_FILES]


def has_key(data: object, key: str) -> bool:
    if isinstance(data, dict):
        return key in data or any(has_key(v, key) for v in data.values())
    if isinstance(data, list):
        return any(has_key(v, key) for v in data)
    return False


def bin_is_valid(value: str) -> bool:
    digits = [int(c) for c in value[:11]]
    for weights in (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)):
        check = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        if check != 10:
            return int(value[11]) == check
    return False


def public_documents() -> list[tuple[Path, dict]]:
    return [
        (path.parent, document)
        for path in SYSTEM_FILES
        for document in load(path)["documents"]
        if document["public"] is True
    ]


def test_pdfs_and_hashes_are_what_the_tool_generates():
    result = subprocess.run(
        [sys.executable, "tools/make_sample_pdfs.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", SECTOR_FILES, ids=lambda p: p.parent.name)
def test_sector_matches_the_schema(path: Path):
    errors = [e.message for e in validator("sector").iter_errors(load(path))]
    assert errors == []
    assert load(path)["id"] == path.parent.name
    assert load(path)["demonstration"] is True


@pytest.mark.parametrize("path", SYSTEM_FILES, ids=lambda p: p.parent.name)
def test_system_matches_the_schema(path: Path):
    record = load(path)
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator("system").iter_errors(record)
    ]
    assert errors == []
    assert record["id"] == path.parent.name
    assert record["sector"] == path.parent.parent.name
    assert record["demonstration"] is True
    assert bin_is_valid(record["owner"]["bin"])
    assert bin_is_valid(record["audit"]["auditor"]["bin"])
    assert "2026-04-27" <= record["decision"]["date"] <= "2026-11-20"


def test_the_sample_covers_what_a_demo_must_show():
    records = systems()
    assert len(SECTOR_FILES) >= 5
    assert len(records) >= 15
    assert {r["owner"]["role"] for r in records} == {"owner", "possessor"}
    assert {r["copyright"]["kind"] for r in records} == {"certificate", "agreement"}
    states = [r["status"]["state"] for r in records]
    assert states.count("suspended") == 1
    assert states.count("excluded") == 1
    assert sum(not has_key(r, "en") for r in records) >= 1
    assert {r["synthetic_content"]["produces"] for r in records} == {True, False}
    assert any(r["application"].get("returns") for r in records)
    private = [
        (path.parent, d)
        for path in SYSTEM_FILES
        for d in load(path)["documents"]
        if d["kind"] == "application" and d["public"] is False
    ]
    assert private, "no system has a non-public application"
    for folder, document in private:
        assert not (folder / document["file"]).exists()
        assert document["custodian"] and document["request"]
    per_sector = defaultdict(list)
    for record in records:
        per_sector[record["sector"]].append(record)
    assert all(len(entries) >= 3 for entries in per_sector.values())


def test_list_numbers_run_from_one_in_decision_order():
    per_sector = defaultdict(list)
    for record in systems():
        per_sector[record["sector"]].append(record)
    for sector, records in per_sector.items():
        ordered = sorted(records, key=lambda r: r["list_number"])
        assert [r["list_number"] for r in ordered] == list(range(1, len(records) + 1)), sector
        dates = [r["decision"]["date"] for r in ordered]
        assert dates == sorted(dates), sector


def test_system_folders_hold_only_the_record_and_public_documents():
    for path in SYSTEM_FILES:
        listed = {d["file"] for d in load(path)["documents"] if d["public"] is True}
        present = {p.name for p in path.parent.iterdir()} - {"system.yaml"}
        assert present == listed, path.parent.name


@pytest.mark.parametrize(
    ("folder", "document"),
    public_documents(),
    ids=lambda value: value.name if isinstance(value, Path) else value["file"],
)
def test_public_document_is_the_described_pdf(folder: Path, document: dict):
    data = (folder / document["file"]).read_bytes()
    assert data.startswith(b"%PDF-")
    assert hashlib.sha256(data).hexdigest() == document["sha256"]
    assert len(data) == document["size"]
    reader = PdfReader(folder / document["file"])
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert KAZAKH_LETTERS & set(text), "no Kazakh letters in the extracted text"
    assert "ДЕМОНСТРАЦИЯ" in text
    assert "DEMONSTRATION" in text


def test_the_sample_journals_are_fictional_and_valid():
    # Closed applications are sample data as much as the systems: fictional names, BINs no
    # real organisation can hold (month digits 00), dates after the Order's entry into force.
    journals = sorted(REGISTRY.glob("*/applications.yaml"))
    assert journals, "the sample shows a refused and a withdrawn application"
    outcomes = []
    for path in journals:
        data = load(path)
        assert list(validator("applications").iter_errors(data)) == []
        for entry in data["closed"]:
            outcomes.append(entry["outcome"])
            assert "(демо)" in entry["name"]["ru"]
            assert entry["applicant"]["name"]["ru"].startswith("ТОО «Демо")
            assert bin_is_valid(entry["applicant"]["bin"])
            assert entry["applicant"]["bin"][2:4] == "00"
            assert "2026-04-27" <= entry["application"]["submitted"] <= entry["date"]
    assert sorted(set(outcomes)) == ["refused", "withdrawn"]
