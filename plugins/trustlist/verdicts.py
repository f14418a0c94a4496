"""PDF verdicts remembered by content hash: a document is parsed once per version of the checker.

Hashing a document costs microseconds, checking it (pypdf's parse and the object walk) about a
millisecond. A registry of 10,000 systems holds 30,000 documents that rarely change, and they
are validated again and again: `make site` validates in the CLI and again in the build, and
`mkdocs serve` on every edit. The verdict is a function of the bytes alone, so it is kept under
the file's SHA-256 beside a fingerprint of the checker (pdfcheck.py's source and pypdf's
version): a new rule or a new pypdf re-checks everything.

Kept in memory for the process and in one JSON file in $TRUSTLIST_CACHE, else
$XDG_CACHE_HOME/trustlist, else ~/.cache/trustlist. TRUSTLIST_CACHE=off keeps it in memory
only. A missing, unreadable or foreign file is an empty cache, never an error; CI starts empty.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import cache, partial
from pathlib import Path

import pypdf

from . import pdfcheck
from .pdfcheck import PdfProblem, check_pdf

FILE_NAME = "pdf-verdicts.json"
# Below this many unjudged documents, starting worker processes (~0.3 s) costs more than it saves.
PARALLEL_FROM = 200
Reader = Callable[[Path], bytes | None]


@cache
def fingerprint() -> str:
    source = Path(pdfcheck.__file__).read_bytes()
    return hashlib.sha256(source + pypdf.__version__.encode()).hexdigest()


def cache_file() -> Path | None:
    configured = os.environ.get("TRUSTLIST_CACHE")
    if configured == "off":
        return None
    if configured:
        return Path(configured) / FILE_NAME
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "trustlist" / FILE_NAME


class PdfVerdicts:
    def __init__(self) -> None:
        self._known: dict[str, list[PdfProblem]] = {}
        self._loaded_from: Path | None = None
        self._dirty = False

    def problems(self, sha256: str, data: bytes) -> list[PdfProblem]:
        """The checker's problems for these bytes, whose SHA-256 the caller computed."""
        self._load()
        if sha256 not in self._known:
            self._known[sha256] = check_pdf(data)
            self._dirty = True
        return self._known[sha256]

    def prefetch(self, paths: list[Path], read: Reader) -> None:
        """Judge documents on every core before the sequential walk asks for them.

        Worth it when most verdicts are unknown (a fresh CI machine): each worker reads,
        hashes and checks its files, so the parent only collects verdicts. With a filled
        cache the walk's own lookups are cheaper than starting workers.
        """
        self._load()
        cores = os.cpu_count() or 1
        if cores < 2 or len(paths) < PARALLEL_FROM or len(self._known) > len(paths) // 2:
            return
        try:
            context = multiprocessing.get_context("forkserver")  # safe beside serve's threads
            with ProcessPoolExecutor(min(cores, 8), mp_context=context) as pool:
                judged = pool.map(partial(_judge, read), paths, chunksize=64)
                for result in judged:
                    if result is not None:
                        self._known.setdefault(*result)
                        self._dirty = True
        except Exception:  # an optimisation only: the walk checks whatever is left
            return

    def _load(self) -> None:
        path = cache_file()
        if path is None or path == self._loaded_from:
            return
        self._loaded_from = path
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored["checker"] != fingerprint():
                return
            for digest, problems in stored["verdicts"].items():
                self._known.setdefault(digest, [PdfProblem(c, m) for c, m in problems])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return  # no cache yet, or one this version cannot use: check afresh

    def save(self) -> None:
        """Write new verdicts; a cache that cannot be written only costs time next run."""
        path = cache_file()
        if path is None or not self._dirty:
            return
        stored = {
            "checker": fingerprint(),
            "verdicts": {
                digest: [[p.code, p.message] for p in problems]
                for digest, problems in sorted(self._known.items())
            },
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written beside and renamed over: a reader never sees half a file.
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
            ) as handle:
                json.dump(stored, handle, ensure_ascii=False, separators=(",", ":"))
            Path(handle.name).replace(path)
            self._dirty = False
        except OSError:
            return


def _judge(read: Reader, path: Path) -> tuple[str, list[PdfProblem]] | None:
    """In a worker: one file's SHA-256 and verdict (None when it cannot be read)."""
    data = read(path)
    if data is None:
        return None
    return hashlib.sha256(data).hexdigest(), check_pdf(data)


PDF_VERDICTS = PdfVerdicts()
