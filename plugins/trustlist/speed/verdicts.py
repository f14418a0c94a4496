"""Verdicts remembered by content hash: a file is judged once per version of its judge.

Hashing a file costs microseconds; checking a PDF (pypdf's parse and the object walk) about a
millisecond, and loading a record (strict YAML, JSON Schema, models) about as much. A registry
of 10,000 systems holds 10,000 records and 30,000 documents that rarely change, and they are
validated again and again: `make site` validates in the CLI and again in the build, and
`mkdocs serve` on every edit. A verdict is a function of the bytes alone, so it is kept under
the file's SHA-256 beside a fingerprint of the judge (its source and its libraries' versions):
a new rule or a new library judges everything afresh.

Two stores: PDF_VERDICTS (a document's problems) and RECORDS (the data of a record that, in its
folder, passes every stage that reads only the record: loader, schema, models, rules; records
with any finding are never stored, so their findings are always found, worded and located
afresh; documents and the checks across records always run).

Kept in memory for the process and in JSON files in $TRUSTLIST_CACHE, else
$XDG_CACHE_HOME/trustlist, else ~/.cache/trustlist. TRUSTLIST_CACHE=off keeps them in memory
only. A missing, unreadable or foreign file is an empty cache, never an error; CI starts empty.
What a cache drops (a file it cannot read, write or use, judging it could not hand over) it
says on the "trustlist" logger: at WARNING when something is wrong with the file or the
machine, at INFO when the file is only another version's.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import cache, partial
from importlib.metadata import version
from pathlib import Path

import orjson

from ..core.findings import Finding
from ..core.memory import Memory, record_key

FILE_NAME = "pdf-verdicts.json"
RECORDS_FILE_NAME = "records.json"
# Below this many unjudged documents, starting worker processes (~0.3 s) costs more than it saves.
PARALLEL_FROM = 200
Reader = Callable[[str], bytes | None]
PACKAGE = Path(__file__).parents[1]  # trustlist/
log = logging.getLogger("trustlist")


def _digest(parts: list[bytes]) -> str:
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


@cache
def fingerprint() -> str:
    """The PDF checker's version: its source and pypdf's."""
    return _digest([(PACKAGE / "core" / "pdfcheck.py").read_bytes(), version("pypdf").encode()])


@cache
def records_fingerprint() -> str:
    """The record judge's version: all of trustlist's code, the schemas, the libraries used.

    All the code, not only the stages' modules: a record's verdict follows from whatever they
    import, and a changed line anywhere only costs one validation from scratch.
    """
    from ..core.schema import SCHEMA_DIR

    sources = sorted(PACKAGE.rglob("*.py")) + sorted(SCHEMA_DIR.glob("*.json"))
    libraries = [f"{name} {version(name)}" for name in ("PyYAML", "pydantic", "jsonschema-rs")]
    return _digest([p.read_bytes() for p in sources] + [lib.encode() for lib in libraries])


def cache_folder() -> Path | None:
    configured = os.environ.get("TRUSTLIST_CACHE")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "trustlist"


def write_cache_file(path: Path, data: bytes) -> bool:
    """Write a cache file, beside it and renamed over it, so a reader never sees half a file.
    False when it cannot be written: a cache that is not kept only costs time next run."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            handle.write(data)
        Path(handle.name).replace(path)
    except OSError as error:
        log.warning("cache %s not written (%s): the next run works it out again", path, error)
        return False
    return True


class _Store:
    """Values under content hashes in one JSON file, valid for one fingerprint of the judge.

    `begin()` (once per validation) reads the file the environment names; lookups between two
    `begin()`s touch no file system.
    """

    file_name = ""
    keep_unused = True  # False: saving drops what this process did not use (edited records)

    def __init__(self) -> None:
        self._known: dict[str, object] = {}
        self._used: set[str] = set()
        self._loaded_from: Path | None = None
        self._begun = False
        self._dirty = False

    def fingerprint(self) -> str:
        raise NotImplementedError

    def decode(self, stored: object) -> object:
        return stored

    def encode(self, value: object) -> object:
        return value

    def begin(self) -> None:
        self._begun = True
        folder = cache_folder()
        path = folder / self.file_name if folder else None
        if path is None or path == self._loaded_from:
            return
        self._loaded_from = path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return  # no cache yet: nothing is dropped
        except OSError as error:
            log.warning("cache %s not read (%s): judging every file afresh", path, error.strerror)
            return
        try:
            stored = orjson.loads(raw)
            if not isinstance(stored["checker"], str):
                raise TypeError("its checker is not a fingerprint")
            if stored["checker"] != self.fingerprint():
                log.info("cache %s is another version's: judging every file afresh", path)
                return
            read = {digest: self.decode(value) for digest, value in stored["verdicts"].items()}
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            # Damaged, or a shape this version does not know: none of it is used (a part
            # read before the damage may be wrong as well).
            reason = f"{type(error).__name__}: {error}"[:200]
            log.warning(
                "cache %s dropped, unreadable (%s): judging every file afresh", path, reason
            )
            return
        for digest, value in read.items():
            self._known.setdefault(digest, value)

    def get(self, key: str) -> object | None:
        found = self._known.get(key)
        if found is not None and not self.keep_unused:
            self._used.add(key)
        return found

    def put(self, key: str, value: object) -> None:
        self._known[key] = value
        self._used.add(key)
        self._dirty = True

    def let_go(self) -> None:
        """Forget what was read and judged, once saved: a build validates once, and what
        the next process needs it reads from the file again. At 10,000 systems the record
        texts held 54 MB, which a forked writer shared with the build for nothing."""
        self._known, self._used = {}, set()
        self._loaded_from, self._begun, self._dirty = None, False, False

    def save(self) -> None:
        """Write new verdicts; a cache that cannot be written only costs time next run."""
        shrinks = not self.keep_unused and len(self._used) < len(self._known)
        if self._loaded_from is None or not (self._dirty or shrinks):
            return
        kept = sorted(self._known.items())
        if not self.keep_unused:
            kept = [(key, value) for key, value in kept if key in self._used]
            self._known = dict(kept)
        stored = {
            "checker": self.fingerprint(),
            "verdicts": {key: self.encode(value) for key, value in kept},
        }
        if write_cache_file(self._loaded_from, orjson.dumps(stored)):
            self._dirty = False


class PdfVerdicts(_Store):
    file_name = FILE_NAME

    def fingerprint(self) -> str:
        return fingerprint()

    # A finding of the bytes (pdfcheck's, at no path) is kept as its code, its message's key
    # and its values but the file's name (in their order, which the message needs: see
    # pdfcheck.Where), so it is said in any language, of any file with these bytes, and in the
    # words messages/files.py has when it is read back.
    def decode(self, stored: object) -> list[Finding]:
        return [
            Finding.said("", 0, 0, code, key, name="", **dict(values))
            for code, key, values in stored  # type: ignore[union-attr]
        ]

    def encode(self, value: object) -> list[list[object]]:
        return [
            [f.code, f.key, [list(pair) for pair in f.values if pair[0] != "name"]]
            for f in value  # type: ignore[union-attr]
        ]

    def problems(self, sha256: str, data: bytes) -> list[Finding]:
        """The checker's findings for these bytes, whose SHA-256 the caller computed: at no
        path and naming no file (documents.py says them of the file that has them)."""
        if not self._begun:
            self.begin()
        known = self._known.get(sha256)
        if known is None:
            known = check_pdf(data)
            self.put(sha256, known)
        return known  # type: ignore[return-value]

    def prefetch(self, systems: int, list_paths: Callable[[], list[str]], read: Reader) -> None:
        """Judge the documents of `systems` system folders, listed by `list_paths`, on every
        core before the sequential walk asks for them.

        Worth it when most verdicts are unknown (a fresh CI machine): each worker reads,
        hashes and checks its files, so the parent only collects verdicts. With a filled
        cache the walk's own lookups are cheaper than starting workers, and than listing the
        folders to count their documents (0.24 s at 10,000 systems): more verdicts known than
        there are systems (a third of their documents, at three each) means a filled cache.
        """
        self.begin()
        cores = os.cpu_count() or 1
        if cores < 2 or len(self._known) > systems:
            return
        paths = list_paths()
        if len(paths) < PARALLEL_FROM or len(self._known) > len(paths) // 2:
            return
        try:
            context = multiprocessing.get_context("forkserver")  # safe beside serve's threads
            with ProcessPoolExecutor(min(cores, 8), mp_context=context) as pool:
                judged = pool.map(partial(_judge, read), paths, chunksize=64)
                for result in judged:
                    if result is not None and result[0] not in self._known:
                        self.put(*result)
        except Exception as error:  # an optimisation only: the walk checks whatever is left
            log.warning(
                "judging %d documents on %d cores failed (%s: %s): they are judged one by one",
                len(paths),
                min(cores, 8),
                type(error).__name__,
                error,
            )


class RecordVerdicts(_Store):
    """The data of records known to pass, in their place, the loader, schema, models and rules.

    Stored as JSON text, which holds the loader's output exactly (it makes only strings,
    integers, booleans, null, lists and string-keyed maps) and gives every lookup its own copy.
    """

    file_name = RECORDS_FILE_NAME
    keep_unused = False

    def fingerprint(self) -> str:
        return records_fingerprint()

    key = staticmethod(record_key)

    def data(self, key: str) -> object | None:
        """The data of the record under `key` when known to be valid."""
        stored = self.get(key)
        return orjson.loads(stored) if isinstance(stored, str) else None  # type: ignore[arg-type]

    def remember(self, key: str, data: object) -> None:
        try:
            text = orjson.dumps(data).decode("utf-8")
        except orjson.JSONEncodeError:  # integers beyond 64 bits: judged afresh each time
            return
        if orjson.loads(text) == data:  # anything JSON would change is simply not kept
            self.put(key, text)


def check_pdf(data: bytes) -> list[Finding]:
    # Imported on first use: with every verdict known, validation never loads pypdf.
    from ..core.pdfcheck import check_pdf as check

    return check(data)


def _judge(read: Reader, path: str) -> tuple[str, list[Finding]] | None:
    """In a worker: one file's SHA-256 and verdict (None when it cannot be read)."""
    data = read(path)
    if data is None:
        return None
    return hashlib.sha256(data).hexdigest(), check_pdf(data)


PDF_VERDICTS = PdfVerdicts()
RECORDS = RecordVerdicts()
# What a process remembers of its judgments, handed to validation by the build and the
# commands (core/memory.py): the caches above, and the models and folders kept in memory.
MEMORY = Memory(RECORDS, PDF_VERDICTS)
