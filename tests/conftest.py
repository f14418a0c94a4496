"""Shared test helpers: fixture registries copied to a temp folder and edited in place."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
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


PROJECT = Path(__file__).parents[1]


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample registry's whole site, built by a real `mkdocs build` from mkdocs.yml."""
    return build_site(PROJECT / "mkdocs.yml", tmp_path_factory.mktemp("sample") / "site")


def build_site(config: Path, site: Path, engine: str = "mkdocs") -> Path:
    """`mkdocs build --strict` of `config` into `site` (or `properdocs build`, the maintained
    drop-in), which must succeed; its log is kept beside the site, in build.log."""
    command = Path(sys.executable).with_name(engine)
    result = subprocess.run(
        [str(command), "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (site.parent / "build.log").write_text(result.stderr, encoding="utf-8")
    return site


def git(root: Path, *args: str, when: str = "2026-06-01T10:00:00+05:00") -> str:
    """Run git in `root` with a fixed author, committer and date and no user configuration."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Applicant",
        "GIT_AUTHOR_EMAIL": "applicant@example.kz",
        "GIT_COMMITTER_NAME": "Applicant",
        "GIT_COMMITTER_EMAIL": "applicant@example.kz",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def commit(root: Path, message: str, when: str = "2026-06-02T10:00:00+05:00") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def pytest_configure(config: pytest.Config) -> None:
    # PDF verdicts are cached by content hash (trustlist/speed/verdicts.py): tests keep theirs in a
    # folder of their own, never in the user's ~/.cache.
    import tempfile

    os.environ["TRUSTLIST_CACHE"] = tempfile.mkdtemp(prefix="trustlist-cache-")
