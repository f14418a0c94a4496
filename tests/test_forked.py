"""forked.py: the build's files written by a real forked process, its failure reported."""

from __future__ import annotations

import time
from pathlib import Path

from trustlist.speed.forked import Forked, Handed


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


def test_texts_handed_over_arrive_whole_in_any_order_and_once() -> None:
    names = ["a", "b", "c"]
    texts = {name: name * 100_000 + "ş" for name in names}  # together beyond a pipe's buffer
    handed = Handed(names)
    path = Path(handed._path)

    def work() -> None:
        time.sleep(0.3)  # the parent asks first, and waits
        for name in names:
            handed.send(texts[name])
        handed.close()

    writer = Forked(work)
    handed.receive()
    assert handed.take("c") == texts["c"]
    assert not path.exists()  # read once, then removed
    assert handed.take("a") == texts["a"]
    assert handed.take("a") is None  # taken already
    assert handed.take("elsewhere") is None  # never going to be sent
    assert handed.take("b") == texts["b"]
    assert handed.taken == 3
    assert handed._texts is None  # each read when taken, the file closed after the last
    assert writer.join() is None


def test_a_child_that_fails_before_closing_hands_nothing() -> None:
    handed = Handed(["sent", "unsent"])
    path = Path(handed._path)

    def work() -> None:
        handed.send("first")
        raise RuntimeError("stopped")

    writer = Forked(work)
    handed.receive()
    assert handed.take("sent") is None  # the parent renders it itself
    assert handed.take("unsent") is None
    assert handed.taken == 0
    assert writer.join().startswith("RuntimeError: stopped")
    assert not path.exists()


def test_a_failed_build_discards_what_was_handed() -> None:
    handed = Handed(["a"])
    path = Path(handed._path)
    writer = Forked(lambda: (handed.send("x"), handed.close()))
    handed.receive()
    assert writer.join() is None
    handed.discard()
    assert not path.exists()
    assert handed.take("a") is None


def test_nothing_to_hand_over_sends_nothing() -> None:
    handed = Handed([])
    handed.close()
    handed.receive()
    assert handed.take("anything") is None
