"""The JSON Schema (the published contract) and the pydantic models judge every fixture alike."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BASE, SECTOR, SYSTEM
from jsonschema import Draft202012Validator
from pydantic import ValidationError
from trustlist.core.load import load_yaml
from trustlist.core.models import Sector, System
from trustlist.core.schema import SCHEMA_DIR, fast_validator, validator

ROOT = Path(__file__).parents[1]


def _base(rel: str) -> dict:
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


def _verdicts(kind: str, model: type, data: dict) -> tuple[bool, bool]:
    schema_ok = not list(validator(kind).iter_errors(data))
    # The fast validator decides validity in builds; python-jsonschema words the findings.
    assert fast_validator(kind).is_valid(data) == schema_ok, "the two schema validators differ"
    try:
        model.model_validate(data)
        model_ok = True
    except ValidationError:
        model_ok = False
    return schema_ok, model_ok


@pytest.mark.parametrize("name", SYSTEM_VARIANTS)
def test_system_schema_and_model_agree(name: str) -> None:
    data = copy.deepcopy(_base(SYSTEM))
    SYSTEM_VARIANTS[name](data)
    schema_ok, model_ok = _verdicts("system", System, data)
    assert schema_ok == model_ok, f"schema says {schema_ok}, model says {model_ok}"


@pytest.mark.parametrize("name", SECTOR_VARIANTS)
def test_sector_schema_and_model_agree(name: str) -> None:
    data = copy.deepcopy(_base(SECTOR))
    SECTOR_VARIANTS[name](data)
    schema_ok, model_ok = _verdicts("sector", Sector, data)
    assert schema_ok == model_ok, f"schema says {schema_ok}, model says {model_ok}"


def test_variants_include_both_verdicts() -> None:
    # Agreement is only meaningful if some variants pass and some fail.
    verdicts = set()
    for change in SYSTEM_VARIANTS.values():
        data = copy.deepcopy(_base(SYSTEM))
        change(data)
        verdicts.add(_verdicts("system", System, data)[0])
    assert verdicts == {True, False}


@pytest.mark.parametrize("path", sorted((ROOT / "registry").glob("*/*/system.yaml")), ids=str)
def test_sample_records_agree(path: Path) -> None:
    data = load_yaml(path, str(path)).data
    assert _verdicts("system", System, data) == (True, True)


@pytest.mark.parametrize("name", ["system", "sector"])
def test_schemas_are_valid_draft_2020_12_with_ids(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/{name}.schema.json")
    assert schema["title"] and schema["description"]
    assert schema["properties"]["schema_version"]["const"] == "1.0"
    assert schema["properties"]["id"]["examples"]
