"""Shared test helpers: fixture registries copied to a temp folder and edited in place."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
SYSTEM = "registry/health/demo-triage/system.yaml"
SECTOR = "registry/health/sector.yaml"


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` exactly once, so a fixture edit cannot silently miss."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def replace_document(root: Path, name: str, data: bytes) -> None:
    """Swap a document's bytes and update its declared hash and size, keeping line numbers."""
    path = root / "registry/health/demo-triage" / name
    old = path.read_bytes()
    path.write_bytes(data)
    record = root / SYSTEM
    edit(record, hashlib.sha256(old).hexdigest(), hashlib.sha256(data).hexdigest())
    edit(record, f"size: {len(old)}\n", f"size: {len(data)}\n")


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid one-sector, one-system registry in a temp folder, which is also the cwd."""
    root = tmp_path / "repo"
    shutil.copytree(BASE, root, symlinks=True)
    monkeypatch.chdir(root)
    return root
