"""The machine-readable exports: every JSON export of the sample site valid against the schema
it names, CSV that spreadsheets open with Kazakh letters intact and never run as formulas,
no non-public document anywhere, and golden files for the fixture registry."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import BASE, PROJECT
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from trustlist.core.validate import validate_registry
from trustlist.site import exports
from trustlist.site.pages import Site
from trustlist.site.publish import published_files

SCHEMAS = PROJECT / "schemas"
GOLDEN = Path(__file__).parent / "golden" / "base"
SITE_URL = "https://trustlist.example.kz/"


def schema_registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def validator_for(uri: str) -> Draft202012Validator:
    """The schema an export names by its address on the site (<site>/api/v1/schemas/NAME),
    found by its $id (exports.SCHEMA_ID + NAME) among the project's schemas."""
    registry = schema_registry()
    schema = registry.contents(exports.SCHEMA_ID + uri.rsplit("/", 1)[-1])
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def test_every_json_export_is_valid_against_its_schema(sample_site: Path) -> None:
    exported = sorted((sample_site / "api/v1").rglob("*.json"))
    exported = [p for p in exported if "/schemas/" not in p.as_posix()]
    names = {p.relative_to(sample_site / "api/v1").as_posix() for p in exported}
    assert {"registry.json", "healthcare.json", "changes.json"} <= names
    assert "systems/demo-xray-triage.json" in names
    assert "healthcare/revisions/1.json" in names
    for path in exported:
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = [e.message for e in validator_for(data["$schema"]).iter_errors(data)]
        assert errors == [], path


def test_the_published_schemas_are_the_repository_schemas(sample_site: Path) -> None:
    for schema in SCHEMAS.glob("*.schema.json"):
        published = sample_site / "api/v1/schemas" / schema.name
        assert published.read_bytes() == schema.read_bytes()


def test_a_broken_export_fails_its_schema(sample_site: Path) -> None:
    data = json.loads((sample_site / "api/v1/systems/demo-xray-triage.json").read_text("utf-8"))
    data["record"]["owner"]["bin"] = "12"
    data["downloads"]["../secret.pdf"] = "https://trustlist.example.kz/x"
    errors = list(validator_for(data["$schema"]).iter_errors(data))
    assert len(errors) == 2


def test_a_non_public_document_is_never_downloadable(sample_site: Path) -> None:
    data = json.loads(
        (sample_site / "api/v1/systems/demo-enforcement-router.json").read_text("utf-8")
    )
    private = [d["file"] for d in data["record"]["documents"] if not d["public"]]
    assert private, "the sample registry keeps one non-public document"
    for name in private:
        assert name not in data["downloads"]
        assert not (sample_site / "documents/justice/demo-enforcement-router" / name).exists()
        for export in (sample_site / "api/v1").rglob("*.*"):
            data_of = export.read_bytes()  # the revisions' PDFs too, as bytes
            assert f"/demo-enforcement-router/{name}".encode() not in data_of, export
    for url in data["downloads"].values():
        local = sample_site / url.removeprefix(SITE_URL)
        assert local.is_file(), url


def test_csv_opens_in_spreadsheets(sample_site: Path) -> None:
    raw = (sample_site / "api/v1/registry.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel then reads UTF-8
    assert raw.count(b"\r\n") == raw.count(b"\n")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 17
    xray = next(r for r in rows if r["id"] == "demo-xray-triage")
    assert xray["name_kk"] == "Кеуде қуысы рентгенограммаларын сұрыптау жүйесі (демо)"
    assert xray["sector"] == "healthcare"
    sector = list(csv.reader(io.StringIO(
        (sample_site / "api/v1/healthcare.csv").read_bytes().decode("utf-8-sig"), newline=""
    )))  # fmt: skip
    assert sector[0] == list(exports.CSV_COLUMNS)
    assert len(sector) == 1 + 4


def test_csv_never_carries_a_formula() -> None:
    registry = validate_registry(BASE / "registry")
    system = registry.systems[0].model
    hostile = system.model_copy(
        update={"name": system.name.model_copy(update={"kk": '=HYPERLINK("http://x","y")'})}
    )
    rows = list(
        csv.reader(io.StringIO(exports.sector_csv([exports.csv_row(hostile)])[1:], newline=""))
    )
    assert rows[1][exports.CSV_COLUMNS.index("name_kk")] == '\'=HYPERLINK("http://x","y")'
    assert rows[1][exports.CSV_COLUMNS.index("name_ru")] == "Демо-система триажа"


def test_exports_are_deterministic() -> None:
    first = list(published_files(Site(validate_registry(BASE / "registry")), SITE_URL))
    second = list(published_files(Site(validate_registry(BASE / "registry")), SITE_URL))
    assert [(p.uri, p.content) for p in first] == [(p.uri, p.content) for p in second]


def test_golden_exports_of_the_fixture_registry() -> None:
    """Byte for byte; after an intended change, UPDATE_GOLDEN=1 rewrites the files."""
    site = Site(validate_registry(BASE / "registry"))
    exported = {
        p.uri.removeprefix("api/v1/"): p.content
        for p in published_files(site, SITE_URL)
        if p.uri.startswith("api/v1/") and p.content is not None
    }
    assert set(exported) == {
        "registry.json", "registry.csv", "health.json", "health.csv", "systems/demo-triage.json",
        "registry.excel.csv", "health.excel.csv",
    }  # fmt: skip
    for name, content in exported.items():
        golden = GOLDEN / name
        data = content.encode("utf-8") if isinstance(content, str) else content
        if os.environ.get("UPDATE_GOLDEN") == "1":
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(data)
        assert golden.read_bytes() == data, name


@pytest.mark.parametrize("name", ["registry.json", "health.json", "systems/demo-triage.json"])
def test_golden_files_are_valid_too(name: str) -> None:
    data = json.loads((GOLDEN / name).read_text(encoding="utf-8"))
    assert list(validator_for(data["$schema"]).iter_errors(data)) == []


def test_the_manifest_is_valid_against_its_schema(sample_site: Path) -> None:
    data = json.loads((sample_site / "manifest.json").read_text(encoding="utf-8"))
    assert list(validator_for(data["$schema"]).iter_errors(data)) == []
    assert "documents/justice/demo-enforcement-router/system.yaml" in data["files"]


def test_json_is_the_standard_librarys_compact_text_in_bytes_and_text_alike() -> None:
    head = {"$schema": "s", "name": {"kk": "Қазақ"}}
    entries = [exports.dumps({"id": "a", "n": 1}).rstrip("\n"), exports.dumps({"big": 2**70})]
    expected = json.dumps(
        {**head, "systems": [{"id": "a", "n": 1}, {"big": 2**70}]},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    # The integer beyond 64 bits, which orjson refuses, goes to the standard library.
    assert entries[1] == '{"big":1180591620717411303424}\n'
    entries[1] = entries[1].rstrip("\n")
    assert exports.with_list(head, "systems", entries) == expected
    encoded = [entry.encode() for entry in entries]
    assert exports.with_encoded_list(head, "systems", encoded) == expected.encode()
    assert exports.encoded({"big": 2**70}) == entries[1].encode() + b"\n"
    assert exports.with_encoded_list({}, "systems", []) == b'{"systems":[]}'


def test_the_registry_is_an_index_of_lists_published_once(sample_site: Path) -> None:
    """Each list is published in full once, in its sector's file; registry.json names those
    files (each one on the site) and how many systems each holds, and repeats no entry."""
    index = json.loads((sample_site / "api/v1/registry.json").read_text(encoding="utf-8"))
    sectors = {item["sector"]["id"]: item for item in index["sectors"]}
    lists = {
        path.stem
        for path in (sample_site / "api/v1").glob("*.json")
        if "export-sector.schema.json" in json.loads(path.read_text(encoding="utf-8"))["$schema"]
    }
    assert set(sectors) == lists and len(lists) > 1
    assert "record" not in json.dumps(index)
    table = list(csv.DictReader(io.StringIO(
        (sample_site / "api/v1/registry.csv").read_bytes().decode("utf-8-sig"), newline=""
    )))  # fmt: skip
    for sector, item in sectors.items():
        for kind in ("json", "csv", "excel_csv"):
            assert item[kind].startswith(SITE_URL), item[kind]
            assert (sample_site / item[kind].removeprefix(SITE_URL)).is_file(), item[kind]
        listed = json.loads((sample_site / f"api/v1/{sector}.json").read_text(encoding="utf-8"))
        assert item["systems"] == len(listed["systems"])
        assert item["systems"] == sum(1 for row in table if row["sector"] == sector)
    assert (sample_site / index["csv"].removeprefix(SITE_URL)).is_file()
    assert (sample_site / index["excel_csv"].removeprefix(SITE_URL)).is_file()


def test_every_schema_a_published_json_names_is_a_file_of_the_site(sample_site: Path) -> None:
    """Each `$schema` resolves, against the file's own address, to a schema the site itself
    publishes (never to trustlist.kz, which the site is not on), whose $id names the same
    schema. Archived manifests are past deploys' bytes, kept as published."""
    named = 0
    for path in sorted(sample_site.rglob("*.json")):
        relative = path.relative_to(sample_site).as_posix()
        if relative.startswith(("archive/", "api/v1/schemas/")):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "$schema" not in data:
            continue
        address = urljoin(SITE_URL + relative, data["$schema"])
        assert address.startswith(SITE_URL + "api/v1/schemas/"), (relative, data["$schema"])
        schema = sample_site / address.removeprefix(SITE_URL)
        assert schema.is_file(), (relative, address)
        own_id = json.loads(schema.read_text(encoding="utf-8"))["$id"]
        assert own_id == exports.SCHEMA_ID + schema.name
        named += 1
    assert named > 20  # the manifest, the exports, the revisions, the record versions
    manifest = json.loads((sample_site / "manifest.json").read_text(encoding="utf-8"))
    assert urljoin(SITE_URL + "manifest.json", manifest["$schema"]) == (
        SITE_URL + "api/v1/schemas/export-manifest.schema.json"
    )
