"""Work done by a forked copy of this process while this one goes on (the build's second core).

A build writes two things that do not depend on each other: the pages (MkDocs, one at a time)
and every other file (documents, exports, feeds, revision lists: publish.py). A forked child
starts with the registry and history already read, in memory shared copy-on-write (frozen out
of the cyclic GC first, so collecting does not copy it), writes the files and exits, while the
parent renders the pages. Where there is no fork (Windows) the work runs in place.
"""

from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Callable

MESSAGE_BYTES = 4000  # under a pipe's buffer: the child never blocks on its own report


class Forked:
    """`work` running in a child process; `join` says how it ended."""

    def __init__(self, work: Callable[[], None]) -> None:
        self.pid: int | None = None
        self.error: str | None = None
        if not hasattr(os, "fork"):
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


def _run(work: Callable[[], None]) -> str | None:
    try:
        work()
    except BaseException as error:  # reported to the parent, which fails the build with it
        where = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__}: {error} ({where.filename}:{where.lineno})"
    return None
