"""edit: records changed in place by a command (`new`, `add-document`, `decide`), their
comments, key order and quoting kept, so a reviewer's diff shows only what changed."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from .findings import UsageError
from .validate import SYSTEM_FILE


def round_trip_yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def find_system(registry: Path, system_id: str) -> Path:
    """The record of `system_id`, in whichever sector it is."""
    found = sorted(registry.glob(f"*/{system_id}/{SYSTEM_FILE}"))
    if not found:
        raise UsageError(
            f"{registry}/*/{system_id}/{SYSTEM_FILE}: no such system; create it with "
            f"`trustlist new --sector SECTOR --id {system_id}`"
        )
    return found[0]
