"""forked.py: the build's files written by a real forked process, its failure reported."""

from __future__ import annotations

import time
from pathlib import Path

from trustlist.forked import Forked


def test_the_work_is_done_in_another_process(tmp_path: Path) -> None:
    import os

    parent = os.getpid()
    out = tmp_path / "out.txt"
    writer = Forked(lambda: out.write_text(str(os.getpid()), encoding="utf-8"))
    assert writer.join() is None
    assert int(out.read_text(encoding="utf-8")) != parent


def test_a_failure_in_the_work_is_reported_with_where_it_happened(tmp_path: Path) -> None:
    def work() -> None:
        (tmp_path / "missing" / "deep" / "file").read_bytes()

    error = Forked(work).join()
    assert error is not None
    assert error.startswith("FileNotFoundError: ")
    assert "missing/deep/file" in error
    assert "pathlib.py:" in error  # the line that raised, not a traceback


def test_stopping_ends_unfinished_work(tmp_path: Path) -> None:
    done = tmp_path / "done"
    writer = Forked(lambda: (time.sleep(30), done.touch()))
    start = time.monotonic()
    writer.stop()
    assert time.monotonic() - start < 10
    assert not done.exists()
    assert writer.join() is None  # already collected: nothing more to say
