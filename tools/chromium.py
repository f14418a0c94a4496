"""Debian's Chromium as the tests (tests/conftest.py) and `make screenshots` drive it.

Without these switches Chromium calls Google's hosts at start (updates, sync, field trials),
which a closed network refuses and which a register's review should not make; the site itself
loads nothing foreign."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
