"""`mkdocs serve` rebuilds when a record changes: the preview a reviewer or applicant uses."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import BASE, SYSTEM, edit
from test_build import CONFIG

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
