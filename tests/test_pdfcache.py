"""A revision's PDF is printed once and kept: the next build takes the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from trustlist.speed.pdfcache import remembered


def test_a_pdf_is_printed_once_then_taken_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path))
    printed: list[str] = []

    def make(text: str) -> bytes:
        printed.append(text)
        return f"%PDF-1.7 {text}".encode()

    what = ("c0ffee", "health", 3, "ru", None, "body")
    first = remembered(what, lambda: make("a"))
    again = remembered(what, lambda: make("b"))
    assert first == again == b"%PDF-1.7 a" and printed == ["a"]
    other = remembered((*what[:3], "kk", *what[4:]), lambda: make("c"))
    assert other == b"%PDF-1.7 c" and printed == ["a", "c"]  # another language: printed
    assert len(list((tmp_path / "pdfs").glob("*.pdf"))) == 2


def test_without_a_cache_every_pdf_is_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTLIST_CACHE", "off")
    printed = []
    for _ in range(2):
        remembered(("x",), lambda: printed.append(1) or b"%PDF")
    assert printed == [1, 1]
