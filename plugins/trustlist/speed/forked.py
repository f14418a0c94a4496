"""Work done by a forked copy of this process while this one goes on (the build's second core).

A build writes two things that do not depend on each other: the pages (MkDocs, one at a time)
and every other file (documents, exports, feeds, revision lists: publish.py). A forked child
starts with the registry and history already read, in memory shared copy-on-write (frozen out
of the cyclic GC first, so collecting does not copy it), writes the files and exits, while the
parent renders the pages. Where there is no fork (Windows) the work runs in place.

The child can also render parts of the parent's pages for it (`Handed`), ahead of them: the
parent takes those instead of rendering them itself.
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

import orjson

CAN_FORK = hasattr(os, "fork")
MESSAGE_BYTES = 4000  # under a pipe's buffer: the child never blocks on its own report


class Said(Exception):
    """An error whose message says all there is to say (publish.Collision): the child reports
    it as it is, without its type or the line that raised it."""


class Forked:
    """`work` running in a child process; `join` says how it ended."""

    def __init__(self, work: Callable[[], None]) -> None:
        self.pid: int | None = None
        self.error: str | None = None
        if not CAN_FORK:
            self.error = _run(work)
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: do the work, report, and leave without the parent's cleanup
            os.close(read)
            error = _run(work)
            if error:
                os.write(write, error.encode("utf-8", "replace")[:MESSAGE_BYTES])
            os._exit(1 if error else 0)
        os.close(write)
        self.pid, self._read = pid, read

    def join(self) -> str | None:
        """Wait for the work: None if it succeeded, else what went wrong."""
        if self.pid is None:
            return self.error
        with os.fdopen(self._read, "rb") as report:
            message = report.read().decode("utf-8", "replace")
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        code = os.waitstatus_to_exitcode(status)
        if code == 0:
            return None
        return message or f"the process writing the files ended with status {code}"

    def stop(self) -> None:
        """The build failed elsewhere: end the work unfinished."""
        if self.pid is None:
            return
        os.kill(self.pid, signal.SIGTERM)
        self.join()


class Handed:
    """Texts a forked child makes for its parent, one per name, before the parent needs them.

    Made before the fork. The child calls `send` for each name in turn, then `close`, which
    writes them all to a file and tells the parent through a pipe; the parent calls `receive`
    once the child is forked, and its first `take` waits for the child's word. (Sent through
    the pipe itself, the texts would fill its buffer after a few dozen, and the child would
    then wait on the parent, which takes them one page at a time.) A name the child did not
    send, because it failed or the name is not one of `names`, gives None: the parent makes
    that text itself.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(names)
        self.taken = 0  # texts the parent took
        self.waited = 0.0  # seconds the parent waited for the child's word
        self._lengths: list[int] = []  # in the child: the bytes of each text written so far
        self._file: BinaryIO | None = None  # in the child: where they are written
        self._spans: dict[str, tuple[int, int]] | None = None if self.names else {}
        self._texts: int | None = None  # in the parent: the file, open, its name removed
        self._path: str | None = None
        self._ready: int | None = None
        self._told: int | None = None
        if self.names:
            handle, self._path = tempfile.mkstemp(prefix="trustlist-handed-")
            os.close(handle)
            self._ready, self._told = os.pipe()

    def send(self, text: str) -> None:
        """In the child: the text for the next name, written as it comes (not held: at
        10,000 systems in three languages they are 30,000 texts)."""
        data = text.encode("utf-8")
        self._output().write(data)
        self._lengths.append(len(data))

    def close(self) -> None:
        """In the child: every text is sent; the parent may read them."""
        if self._told is None:
            return
        with self._output() as file:  # after the texts, their lengths, then the lengths' size
            lengths = orjson.dumps(self._lengths)
            file.write(lengths + len(lengths).to_bytes(8, "big"))
        os.write(self._told, b".")

    def _output(self) -> BinaryIO:
        """In the child: the file the texts go to, opened by the first to go there."""
        if self._file is None:
            self._file = open(self._path, "wb")  # noqa: PTH123, SIM115 (closed by close())
        return self._file

    def receive(self) -> None:
        """In the parent, after the fork: only the child tells."""
        if self._told is not None:
            os.close(self._told)
            self._told = None

    def take(self, name: str) -> str | None:
        """The child's text for `name` (once), or None."""
        if self._spans is None:
            self._load()
        span = self._spans.pop(name, None)
        if span is None:
            return None
        self.taken += 1
        # Read when taken, not held: at 10,000 systems in three languages the texts are some
        # 45 MB, which the build held while the child still wrote its files.
        text = os.pread(self._texts, span[1] - span[0], span[0]).decode("utf-8")
        if not self._spans:
            self._close_texts()  # all taken
        return text

    def _load(self) -> None:
        started = time.perf_counter()
        told = os.read(self._ready, 1)  # b"" when the child ended without telling
        self.waited = time.perf_counter() - started
        self._spans = {}
        if told:
            self._texts = os.open(self._path, os.O_RDONLY)
            end = os.fstat(self._texts).st_size
            size = int.from_bytes(os.pread(self._texts, 8, end - 8), "big")
            lengths = orjson.loads(os.pread(self._texts, size, end - 8 - size))
            offset = 0
            for name, length in zip(self.names, lengths, strict=False):
                self._spans[name] = (offset, offset + length)
                offset += length
        self.discard()

    def discard(self) -> None:
        """The file's name and the pipe's ends, once the file is open or when the build fails
        (the texts are read from the open file until all are taken, or the build ends)."""
        if self._spans is None:
            self._spans = {}  # nothing more will be read: every take gives None
        for end in (self._ready, self._told):
            if end is not None:
                os.close(end)
        self._ready = self._told = None
        if self._path is not None:
            Path(self._path).unlink(missing_ok=True)
            self._path = None

    def drop(self) -> None:
        """The build is done with the texts, taken or not."""
        self.discard()
        self._spans = {}
        self._close_texts()

    def _close_texts(self) -> None:
        if self._texts is not None:
            os.close(self._texts)
            self._texts = None


def _run(work: Callable[[], None]) -> str | None:
    try:
        work()
    except Said as error:
        return str(error)
    except BaseException as error:  # reported to the parent, which fails the build with it
        where = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__}: {error} ({where.filename}:{where.lineno})"
    return None
