"""`mkdocs serve` rebuilds when a record changes: the preview a reviewer or applicant uses.

With --dirty (`make serve`) a rebuild writes only what an edit changed (incremental.py): the
in-process test compares that with a full build of the same state, byte for byte."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import BASE, PROJECT, SYSTEM, commit, edit, git
from helpers import CONFIG

MKDOCS = Path(sys.executable).with_name("mkdocs")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.25)
    return False


def test_serve_rebuilds_when_a_record_changes(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs").mkdir()
    port = free_port()
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = f"http://127.0.0.1:{port}/ru/health/demo-triage/"
        assert wait_for(page, "Демо-система триажа", 60), "the preview never came up"
        edit(root / SYSTEM, "  ru: Демо-система триажа", "  ru: Переименованная система")
        assert wait_for(page, "Переименованная система", 30), "the record change was not rebuilt"
    finally:
        server.terminate()
        server.wait(timeout=30)


CREDIT = "registry/finance/demo-credit-scoring/system.yaml"
TUTOR = "registry/education/demo-tutor-assistant/system.yaml"


def sample_project(root: Path) -> Path:
    """The sample registry, pages and configuration in a git repository of their own."""
    root.mkdir()
    for part in ("registry", "docs"):
        shutil.copytree(PROJECT / part, root / part)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    git(root, "init", "-q", "-b", "main")
    commit(root, "sample registry")
    return root


def serve(root: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "-a", f"127.0.0.1:{port}", *args],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return server, f"http://127.0.0.1:{port}/"


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_dirty_serve_shows_an_edit_everywhere_it_appears(tmp_path: Path) -> None:
    root = sample_project(tmp_path / "repo")
    server, site = serve(root, "--dirty")
    try:
        page = f"{site}en/finance/demo-credit-scoring/"
        assert wait_for(page, "Microloan credit scoring (demo)", 120), "no preview came up"
        assert "Preview (mkdocs serve)" in fetch(page)
        # A preview is never published: it carries no manifest to verify.
        assert status_of(f"{site}manifest.json") == 404
        edit(root / CREDIT, "  en: Microloan credit scoring (demo)", "  en: Renamed scoring")
        assert wait_for(page, "Renamed scoring", 30), "the edited system's page is stale"
        assert "Renamed scoring" in fetch(f"{site}en/finance/")
        assert "Renamed scoring" in fetch(f"{site}api/v1/finance.json")
        assert "Renamed scoring" in fetch(f"{site}api/v1/registry.csv")
        assert "renamed scoring" in fetch(f"{site}en/search/index.json")
        # A broken record stops that build (MkDocs holds requests until one succeeds), and
        # the build after the fix compares with the last good one.
        edit(root / CREDIT, "list_number: 1\n", "list_number: one\n")
        time.sleep(3)
        edit(root / CREDIT, "list_number: one\n", "list_number: 1\n")
        edit(root / CREDIT, "  en: Renamed scoring", "  en: Scoring again")
        assert wait_for(page, "Scoring again", 30), "the preview did not recover from an error"
        # A sector's name is on every page of the sector: the whole site is built again.
        edit(root / "registry/finance/sector.yaml", "  en: Financial market", "  en: Money market")
        other = f"{site}en/finance/demo-aml-monitoring/"
        assert wait_for(other, "Money market", 60), "a system page kept the old sector name"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Traceback" not in errors
    assert "list_number" in errors  # the broken record's finding, named
    assert errors.count("Aborted") == 1, errors  # that build only: strict, and dirty builds warn


def _serve_build(root: Path, site: Path, dirty: bool) -> None:
    """One build as `mkdocs serve` runs it, in this process (the plugin is kept between)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.site_url = "http://127.0.0.1:8000/"
    build(config, serve_url=config.site_url, dirty=dirty)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_dirty_rebuilds_equal_a_full_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config

    root = sample_project(tmp_path / "repo")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the plugin sets it from HEAD: undone after
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.chdir(root)
    plugin = load_config(str(root / "mkdocs.yml")).plugins["trustlist"]
    plugin.on_startup(command="serve", dirty=True)
    preview = tmp_path / "preview"
    _serve_build(root, preview, dirty=True)
    untouched = preview / "en/education/demo-essay-scoring/index.html"
    written = untouched.stat().st_mtime_ns

    # One system renamed, another's audit report replaced by a different real PDF.
    edit(root / CREDIT, "  en: Microloan credit scoring (demo)", "  en: Renamed scoring")
    tutor = root / TUTOR
    report = tutor.parent / "audit-report.pdf"
    old, new = report.read_bytes(), (root / CREDIT).with_name("audit-report.pdf").read_bytes()
    report.write_bytes(new)
    edit(tutor, hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest())
    edit(tutor, f"size: {len(old)}\n", f"size: {len(new)}\n")
    _serve_build(root, preview, dirty=True)
    assert untouched.stat().st_mtime_ns == written, "a page the edits do not touch was rebuilt"
    assert "Renamed scoring" in (preview / "en/finance/demo-credit-scoring/index.html").read_text()
    assert (
        preview / "documents/education/demo-tutor-assistant/audit-report.pdf"
    ).read_bytes() == new

    plugin.on_startup(command="serve", dirty=True)  # a new session: everything from scratch
    full = tmp_path / "full"
    _serve_build(root, full, dirty=True)
    preview_files, full_files = _files(preview), _files(full)
    assert sorted(preview_files) == sorted(full_files)
    differing = [name for name in full_files if preview_files[name] != full_files[name]]
    assert differing == []
