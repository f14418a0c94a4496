"""validate step 2: JSON Schema (draft 2020-12, formats checked), findings located in the YAML."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import jsonschema_rs

from .findings import Finding, json_path_text
from .load import Loaded

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
KINDS = ("system", "sector")

# Stable codes by what went wrong, so fixtures and CI annotations can rely on them.
_CODES = {
    "required": "SCH001",
    "additionalProperties": "SCH002",
    "type": "SCH003",
    "enum": "SCH004",
    "const": "SCH004",
    "pattern": "SCH005",
    "format": "SCH005",
    "minLength": "SCH005",
    "maxLength": "SCH005",
    "minimum": "SCH005",
    "maximum": "SCH005",
}
OTHER_CODE = "SCH006"

_TYPE_WORDS = {
    "boolean": "true or false",
    "integer": "a whole number",
    "string": "a text",
    "object": "a group of fields",
    "array": "a list",
}


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


@cache
def schema(kind: str) -> dict:
    with schema_path(kind).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def validator(kind: str) -> Draft202012Validator:
    # Imported when a record is invalid: a valid registry is judged by jsonschema-rs alone.
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(schema(kind), format_checker=FormatChecker())


@cache
def fast_validator(kind: str) -> jsonschema_rs.Draft202012Validator:
    # The verdict for a valid record, 20× faster than python-jsonschema, which still gives
    # every message (with its path and our wording) when a record is invalid. Both judge every
    # fixture variant alike: tests/test_schema_models.py.
    return jsonschema_rs.validator_for(schema(kind), validate_formats=True)


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _message(error: ValidationError) -> tuple[str, tuple[str | int, ...], bool]:
    """A plain-words message, the json path it concerns, and whether to point at the key."""
    path = tuple(error.absolute_path)
    keyword = error.validator
    if keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        return f"is required but missing: add '{missing}'", (*path, missing), False
    if keyword == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(error.schema.get("properties", {}))
        name = extra[0] if extra else "?"
        return f"is not a known field (allowed here: {allowed})", (*path, name), True
    if keyword == "type":
        wanted = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        return f"must be {wanted}, got {_show(error.instance)}", path, False
    if keyword == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"must be one of: {allowed}; got {_show(error.instance)}", path, False
    if keyword == "const":
        return f"must be {_show(error.validator_value)}, got {_show(error.instance)}", path, False
    if keyword == "format":
        return f"{_show(error.instance)} is not a valid {error.validator_value}", path, False
    if keyword == "pattern":
        rule = str(error.schema.get("description") or f"text matching {error.validator_value}")
        rule = rule.rstrip(".")
        if rule[1:2].islower():  # "An https link" reads on after "must be"; "SHA-256" stays
            rule = rule[:1].lower() + rule[1:]
        return f"must be {rule}; got {_show(error.instance)}", path, False
    if keyword == "not" and "description" in error.schema:
        return str(error.schema["description"]), path, False
    return error.message, path, False


def check_schema(loaded: Loaded, kind: str) -> list[Finding]:
    """Every schema violation of one loaded record, located at its YAML node."""
    if fast_validator(kind).is_valid(loaded.data):
        return []
    findings = []
    for error in validator(kind).iter_errors(loaded.data):
        message, where, at_key = _message(error)
        if error.validator == "required":
            line, col = loaded.locate(where[:-1])
        else:
            line, col = loaded.locate(where, key=at_key)
        # A definition may name its own rule (x-code), e.g. https-only links are LINK001.
        own = error.schema.get("x-code") if isinstance(error.schema, dict) else None
        code = own or _CODES.get(str(error.validator), OTHER_CODE)
        findings.append(Finding(loaded.path, line, col, code, message, json_path_text(where)))
    return sorted(findings)
