"""validate step 2: JSON Schema (draft 2020-12, formats checked), findings located in the YAML."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import jsonschema_rs

from .findings import Finding, json_path_text
from .load import Loaded
from .messages import MESSAGES, say

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"
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

# Words said inside messages: a type's name (schema.type.<type> in messages/schema.py) and a
# format's (schema.format.<format>); other types and formats are named as the schema does.
_TYPE_WORDS = {"boolean", "integer", "string", "object", "array"}
_FORMAT_WORDS = {"date", "uri", "email"}


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


@cache
def schema(kind: str) -> dict:
    with schema_path(kind).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _local() -> dict[str, dict]:
    """Every schema of ours by its $id: a $ref to another of them (system.schema.json#/$defs/
    slug) is resolved here, never fetched from the address it names."""
    found = {}
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
        found[data["$id"]] = data
    return found


def _refuse(uri: str) -> dict:
    raise ValueError(f"{uri}: not one of trustlist's schemas (schemas are never fetched)")


@cache
def validator(kind: str) -> Draft202012Validator:
    # Imported when a record is invalid: a valid registry is judged by jsonschema-rs alone.
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource

    def retrieve(uri: str) -> Resource:
        return Resource.from_contents(_local().get(uri) or _refuse(uri))

    return Draft202012Validator(
        schema(kind), format_checker=FormatChecker(), registry=Registry(retrieve=retrieve)
    )


@cache
def fast_validator(kind: str) -> jsonschema_rs.Draft202012Validator:
    # The verdict for a valid record, 20× faster than python-jsonschema, which still gives
    # every message (with its path and our wording) when a record is invalid. Both judge every
    # fixture variant alike: tests/test_schema_models.py.
    return jsonschema_rs.validator_for(
        schema(kind),
        validate_formats=True,
        registry=jsonschema_rs.Registry(list(_local().items())),
        retriever=_refuse,
    )


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _rule_words(description: str) -> str:
    """A pattern's description as it reads after "must be": "An https link." → "an https link"."""
    rule = description.rstrip(".")
    if rule[1:2].islower():  # "An https link" reads on after "must be"; "SHA-256" stays
        rule = rule[:1].lower() + rule[1:]
    return rule


@cache
def _described() -> dict[str, str]:
    """The entries that say a schema's descriptions in three languages, by their English:
    schema.rule.* (a pattern's, as `_rule_words` gives it) and schema.only.* (a `not`'s). A
    description changed in a schema no longer finds its entry (said then in English inside
    the message; tests/test_messages.py names it), so no translation is left stale."""
    return {
        texts[2]: key
        for key, texts in MESSAGES.items()
        if key.startswith(("schema.rule.", "schema.only."))
    }


def _limit(error: ValidationError) -> tuple[str, dict[str, object]] | None:
    """The message of a length, size, range or uniqueness keyword, in the words
    python-jsonschema gives it (kept only when they are the same, word for word)."""
    keyword, limit = str(error.validator), error.validator_value
    values: dict[str, object] = {"value": repr(error.instance)}
    if keyword in ("minLength", "minItems"):
        what = "text" if keyword == "minLength" else "list"
        key = f"schema.{what}_empty" if limit == 1 else f"schema.{what}_short"
    elif keyword in ("maxLength", "maxItems"):
        what = "text" if keyword == "maxLength" else "list"
        key = f"schema.{what}_must_be_empty" if limit == 0 else f"schema.{what}_long"
    elif keyword in ("minimum", "maximum"):
        key = "schema.below_minimum" if keyword == "minimum" else "schema.above_maximum"
        values["limit"] = repr(limit)
    elif keyword == "uniqueItems":
        key = "schema.not_unique"
    else:
        return None
    if say(key, "en", **{name: str(value) for name, value in values.items()}) != error.message:
        return None  # another version of python-jsonschema words it otherwise
    return key, values


def _message(
    error: ValidationError,
) -> tuple[str, dict[str, object], tuple[str | int, ...], bool]:
    """A plain-words message (its key in messages/schema.py and values), the json path it
    concerns, and whether to point at the key."""
    path = tuple(error.absolute_path)
    keyword = error.validator
    if keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        return "schema.required", {"field": missing}, (*path, missing), False
    if keyword == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(error.schema.get("properties", {}))
        name = extra[0] if extra else "?"
        return "schema.unknown_field", {"allowed": allowed}, (*path, name), True
    shown = _show(error.instance)
    if keyword == "type":
        wanted = str(error.validator_value)
        if wanted in _TYPE_WORDS:
            wanted = f"@schema.type.{wanted}"
        return "schema.type", {"wanted": wanted, "value": shown}, path, False
    if keyword == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return "schema.enum", {"allowed": allowed, "value": shown}, path, False
    if keyword == "const":
        expected = _show(error.validator_value)
        return "schema.const", {"expected": expected, "value": shown}, path, False
    if keyword == "format":
        name = str(error.validator_value)
        if name in _FORMAT_WORDS:
            return (
                "schema.format",
                {"value": shown, "format": f"@schema.format.{name}"},
                path,
                False,
            )
        return "schema.format_other", {"value": shown, "format": name}, path, False
    if keyword == "pattern":
        description = error.schema.get("description")
        if not description:
            values = {"pattern": error.validator_value, "value": shown}
            return "schema.pattern_regex", values, path, False
        rule = _rule_words(str(description))
        rule = f"@{_described()[rule]}" if rule in _described() else rule
        return "schema.pattern", {"rule": rule, "value": shown}, path, False
    if keyword == "not" and "description" in error.schema:
        rule = str(error.schema["description"])
        if rule in _described():
            return _described()[rule], {}, path, False
        return "schema.not_untranslated", {"rule": rule}, path, False
    limit = _limit(error)
    if limit is not None:
        return *limit, path, False
    return "schema.other", {"detail": error.message}, path, False


def check_schema(loaded: Loaded, kind: str) -> list[Finding]:
    """Every schema violation of one loaded record, located at its YAML node."""
    if fast_validator(kind).is_valid(loaded.data):
        return []
    findings = []
    for error in validator(kind).iter_errors(loaded.data):
        key, values, where, at_key = _message(error)
        if error.validator == "required":
            line, col = loaded.locate(where[:-1])
        else:
            line, col = loaded.locate(where, key=at_key)
        # A definition may name its own rule (x-code), e.g. https-only links are LINK001.
        own = error.schema.get("x-code") if isinstance(error.schema, dict) else None
        code = own or _CODES.get(str(error.validator), OTHER_CODE)
        findings.append(
            Finding.said(loaded.path, line, col, code, key, json_path_text(where), **values)
        )
    return sorted(findings)
