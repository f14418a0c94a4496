"""validate step: a sector's journal of the applications closed without inclusion.

An application the body refuses, or one its applicant withdraws, never becomes an entry of
the list; the Order still counts it as a decision, and the public is owed the count. So each
sector keeps `registry/<sector>/applications.yaml`: one entry per closed application, with
the applicant, the application's dates and returns, the outcome, its date and the reasons.
The body writes it with `trustlist decide --refuse` or `--withdrawn` (decisions.py), signed
like a decision; change.py keeps every published entry as it was published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .findings import Finding
from .load import Loaded, load_yaml
from .models import Journal
from .rules import check_closed, get
from .schema import check_schema

JOURNAL_FILE = "applications.yaml"


@dataclass
class JournalEntry:
    """A sector's journal as read: its text's positions for findings, and its model."""

    loaded: Loaded
    model: Journal | None


def load_journal(path: Path, display: str) -> tuple[JournalEntry, list[Finding]]:
    """Read and judge one journal: the registry's strict loader, its schema, and each entry's
    rules (BIN, dates in order)."""
    loaded = load_yaml(path, display)
    if loaded.data is None:
        return JournalEntry(loaded, None), loaded.findings
    findings = loaded.findings + check_schema(loaded, "applications")
    entries = get(loaded.data, "closed")
    if isinstance(entries, list):
        for index in range(len(entries)):
            findings += check_closed(loaded, ("closed", index))
    if findings:
        return JournalEntry(loaded, None), findings
    return JournalEntry(loaded, Journal.model_validate(loaded.data)), []
