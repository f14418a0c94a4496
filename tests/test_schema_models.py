"""The JSON Schema (the published contract) and the pydantic models judge every fixture alike."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from cases import SECTOR_VARIANTS, SYSTEM_VARIANTS, base_record, verdicts
from conftest import SECTOR, SYSTEM
from jsonschema import Draft202012Validator
from trustlist.core.load import load_yaml
from trustlist.core.models import Sector, System
from trustlist.core.schema import SCHEMA_DIR

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize("name", SYSTEM_VARIANTS)
def test_system_schema_and_model_agree(name: str) -> None:
    data = copy.deepcopy(base_record(SYSTEM))
    SYSTEM_VARIANTS[name](data)
    schema_ok, model_ok = verdicts("system", System, data)
    assert schema_ok == model_ok, f"schema says {schema_ok}, model says {model_ok}"


@pytest.mark.parametrize("name", SECTOR_VARIANTS)
def test_sector_schema_and_model_agree(name: str) -> None:
    data = copy.deepcopy(base_record(SECTOR))
    SECTOR_VARIANTS[name](data)
    schema_ok, model_ok = verdicts("sector", Sector, data)
    assert schema_ok == model_ok, f"schema says {schema_ok}, model says {model_ok}"


def test_variants_include_both_verdicts() -> None:
    # Agreement is only meaningful if some variants pass and some fail.
    schema_says = set()
    for change in SYSTEM_VARIANTS.values():
        data = copy.deepcopy(base_record(SYSTEM))
        change(data)
        schema_says.add(verdicts("system", System, data)[0])
    assert schema_says == {True, False}


@pytest.mark.parametrize("path", sorted((ROOT / "registry").glob("*/*/system.yaml")), ids=str)
def test_sample_records_agree(path: Path) -> None:
    data = load_yaml(path, str(path)).data
    assert verdicts("system", System, data) == (True, True)


@pytest.mark.parametrize("name", ["system", "sector"])
def test_schemas_are_valid_draft_2020_12_with_ids(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/{name}.schema.json")
    assert schema["title"] and schema["description"]
    assert schema["properties"]["schema_version"]["const"] == "1.0"
    assert schema["properties"]["id"]["examples"]
