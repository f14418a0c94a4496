"""memory: what validation may take from earlier judgments, handed in by whoever validates.

A record's verdict follows from its bytes, its place and the code; a document's from its
bytes and the checker. speed/verdicts.py keeps both between runs (`verdicts.MEMORY`), and the
build and the commands hand that in. Without it (`Memory()`, the default) every record and
document is judged afresh, with the same findings: tests/test_verdicts.py compares the two.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from .findings import Finding

Reader = Callable[[str], bytes | None]


def record_key(kind: str, place: str, raw: bytes) -> str:
    """A record's key: its kind, its place (the folders its rules read) and its bytes."""
    return f"{kind} {place} {hashlib.sha256(raw).hexdigest()}"


class RecordMemory(Protocol):
    def begin(self) -> None: ...
    def key(self, kind: str, place: str, raw: bytes) -> str: ...
    def data(self, key: str) -> object | None: ...
    def remember(self, key: str, data: object) -> None: ...
    def get(self, key: str) -> object | None: ...
    def save(self) -> None: ...


class PdfMemory(Protocol):
    def problems(self, sha256: str, data: bytes) -> list[Finding]: ...
    def prefetch(self, systems: int, list_paths: Callable[[], list[str]], read: Reader) -> None: ...
    def save(self) -> None: ...


class NoRecords:
    """Remembers no record: each is judged in full."""

    key = staticmethod(record_key)

    def begin(self) -> None:
        pass

    def data(self, key: str) -> object | None:
        return None

    def remember(self, key: str, data: object) -> None:
        pass

    def get(self, key: str) -> object | None:
        return None

    def save(self) -> None:
        pass


class NoPdfs:
    """Remembers no document: each is checked as it is read."""

    def problems(self, sha256: str, data: bytes) -> list[Finding]:
        from .pdfcheck import check_pdf  # imported on first use, as the cache does

        return check_pdf(data)

    def prefetch(self, systems: int, list_paths: Callable[[], list[str]], read: Reader) -> None:
        pass

    def save(self) -> None:
        pass


@dataclass
class Memory:
    records: RecordMemory = field(default_factory=NoRecords)
    pdfs: PdfMemory = field(default_factory=NoPdfs)
    # Models of vouched records, made once per process: `mkdocs serve` validates the
    # registry after every edit, and 1,000 models took a quarter of a second.
    models: dict[str, object] = field(default_factory=dict)
    # System folders that passed every check, by path: (stamp, entry), for `remember`.
    folders: dict[str, tuple] = field(default_factory=dict)
