"""writer: the site's files that are not pages, written by a forked copy of the build while
this process renders the pages (the build's second core).

Documents and source records, schemas and `history_files` (feeds, revision lists, record
versions, the change log) do not depend on the pages: `ForkedWriter` forks the build once
MkDocs has emptied the site folder and before the 30,000 page objects exist, and the copy
writes `publish.copied_files` and exits. The exports (`publish.made_files`) are written by
the build itself afterwards. The copy hashes its files as it writes them and hands their
digests over in a JSON file outside the site, with the kind of output each is, so that the
build claims their paths (outputs.Claims) and the manifest reads back only the pages.

Before writing, the copy renders what pages show from history alone (the history pages and
each system page's history section) and hands them over (`forked.Handed`): the build's first
page that needs one waits for the copy's word, then takes each page's part instead of
rendering it, and renders it itself if the copy failed before telling.

Switched by the plugin's `parallel` option; never under `mkdocs serve`, whose server threads
make forking unsafe. Without it, build.py writes every file itself: the bytes are the same
(tests/test_site.py).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

import orjson

from ..core.findings import Finding, Stop
from ..site.outputs import OUTPUTS, Claims, Published
from ..site.write import write_files
from .forked import CAN_FORK, Forked, Handed

log = logging.getLogger("mkdocs.plugins.trustlist")


class WriterFailed(Stop):
    """The forked writer did not write every file: the build fails with what went wrong
    (BLD001)."""


class ForkedWriter:
    def __init__(
        self,
        site_dir: Path,
        copied: Iterable[Published],
        parts: list[str],
        render_part: Callable[[str], str],
    ) -> None:
        """Fork now: the copy renders `parts` (pages' src_uri) with `render_part`, hands
        them over, then writes `copied` under `site_dir`."""
        handle, name = tempfile.mkstemp(prefix="trustlist-digests-", suffix=".json")
        os.close(handle)
        self.digests = Path(name)  # outside the site: the copy's report of what it wrote
        self.site_dir = site_dir
        self.handed = Handed(parts if CAN_FORK else ())
        self.forked = Forked(partial(self._work, site_dir, copied, render_part))
        self.handed.receive()

    def _work(
        self, site_dir: Path, copied: Iterable[Published], render_part: Callable[[str], str]
    ) -> None:
        for name in self.handed.names:
            self.handed.send(render_part(name))
        self.handed.close()
        claims, kinds = Claims(), []
        index = {output: at for at, output in enumerate(OUTPUTS)}

        def claim(uri: str, by: object) -> None:
            claims.claim(uri, by)
            kinds.append(index[by])

        written = write_files(site_dir, copied, claim)
        self.digests.write_bytes(orjson.dumps({"written": written, "by": kinds}))

    def take(self, name: str) -> str | None:
        """The page's part the copy rendered, or None: render it here."""
        return self.handed.take(name)

    def join(self, claim: Callable[[str, object], None]) -> dict[str, dict]:
        """Wait for the copy; the digests of what it wrote, each path claimed by its kind."""
        error = self.forked.join()
        if self.handed.names:
            log.info(
                "trustlist: %d of %d pages' history parts rendered by the writer "
                "(waited %.2f s for them)",
                self.handed.taken,
                len(self.handed.names),
                self.handed.waited,
            )
        self.handed.drop()
        report = self.digests.read_bytes()
        self.digests.unlink()
        if error:
            said = Finding.said(
                str(self.site_dir), 0, 0, "BLD001", "build.writer_failed", error=error
            )
            raise WriterFailed(said)
        report = orjson.loads(report)
        # The copy's files were written while MkDocs wrote its own: a path both wrote fails
        # the build now.
        for uri, kind in zip(report["written"], report["by"], strict=True):
            claim(uri, OUTPUTS[kind])
        return report["written"]

    def stop(self) -> None:
        """The build failed elsewhere: the copy ended unfinished, its files forgotten."""
        self.handed.drop()
        self.forked.stop()
        self.digests.unlink(missing_ok=True)
