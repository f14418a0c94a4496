"""`make screenshots` (tools/screenshots.py): the pages reviewers look at, photographed in
Debian's Chromium at a desktop's and a phone's width in kk, ru and en."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT, ensure_chromium

SCRIPT = PROJECT / "tools" / "screenshots.py"
PAGES = ("home", "list", "system", "suspended", "search", "history")


def photograph(site: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), "--site", str(site), "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])  # IHDR: width, height


def test_every_page_at_both_widths_in_three_languages(sample_site: Path, tmp_path: Path) -> None:
    ensure_chromium()
    (tmp_path / "kk-old-page-1280.png").write_bytes(b"stale")
    result = photograph(sample_site, tmp_path)
    assert result.returncode == 0, result.stderr
    expected = {f"{lang}-{page}-{width}.png" for lang in ("kk", "ru", "en") for page in PAGES
                for width in (1280, 375)}  # fmt: skip
    assert {p.name for p in tmp_path.glob("*.png")} == expected  # the stale one is gone
    for name in expected:
        width, height = png_size(tmp_path / name)
        assert width == int(name.rsplit("-", 1)[1].removesuffix(".png")), name
        assert height >= 400, name  # the full page, not an empty frame
    assert f"{len(expected)} pages photographed" in result.stdout


def test_without_a_built_site_it_says_what_to_run(tmp_path: Path) -> None:
    result = photograph(tmp_path / "nowhere", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"screenshots: no {tmp_path / 'nowhere'}/index.html: run `make site` first"
    ]
