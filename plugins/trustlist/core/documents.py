"""validate step 4b: a system folder's files against the record's document list.

Public documents must be in the folder byte for byte as described, and be real, passive
PDFs; non-public ones must not be in the repository at all, because anything pushed in a
pull request is public forever.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .findings import Finding
from .load import OPEN_FLAGS, Loaded, forbidden_character, read_capped
from .memory import PdfMemory
from .rules import get, said

RECORD_FILE = "system.yaml"
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class FileFacts:
    """What was read from one public document, for the site to reuse without re-reading."""

    sha256: str
    size: int


@lru_cache(maxsize=1024)  # most records name the same few files
def _unsafe_name(name: str) -> tuple[str, str] | None:
    """Why `name` may not name a document: its message's key and the character it concerns."""
    if not name or name in (".", ".."):
        return "document.not_a_name", ""
    if "/" in name or "\\" in name or ".." in name:  # so no absolute path gets further either
        return "document.not_plain", ""
    if name.startswith("."):
        return "document.hidden", ""
    bad = forbidden_character(name)
    if bad:
        return "document.invisible", bad
    return None


def check_folder(
    loaded: Loaded,
    folder: Path,
    display_folder: str,
    facts: dict[str, FileFacts],
    pdfs: PdfMemory,
) -> Iterator[Finding]:
    """Check every listed document and every file present; record facts of good files.
    `pdfs` judges a PDF's bytes (or recalls its verdict)."""
    documents = get(loaded.data, "documents")
    listed: set[str] = set()
    if isinstance(documents, list):
        for index, document in enumerate(documents):
            name = get(document, "file")
            if not isinstance(name, str):
                continue
            problem = _unsafe_name(name)
            if problem:
                key, char = problem
                values = {"char": char} if char else {}
                yield said(loaded, "DOC007", ("documents", index, "file"), key, **values)
                continue
            if name in listed:
                yield said(
                    loaded, "DOC010", ("documents", index, "file"), "document.twice", name=name
                )
                continue
            listed.add(name)
            yield from _check_document(loaded, folder, index, document, facts, pdfs)
    yield from _unlisted(folder, display_folder, listed)


def _check_document(
    loaded: Loaded,
    folder: Path,
    index: int,
    document: dict,
    facts: dict[str, FileFacts],
    pdfs: PdfMemory,
) -> Iterator[Finding]:
    name, public = document["file"], get(document, "public")
    where = ("documents", index)
    path = f"{folder}/{name}"  # a string, not a Path: 30,000 of them per validation
    if public is False:
        if os.path.lexists(path):
            yield said(loaded, "DOC006", (*where, "file"), "document.not_public", name=name)
        return
    if public is not True:
        return

    # One open that refuses symlinks, then fstat and read on the same descriptor: the checks
    # and the bytes concern one file, in four system calls per document.
    def unreadable(err: OSError) -> Finding:
        at = (*where, "file")
        return said(loaded, "FILE001", at, "document.unreadable", name=name, reason=err.strerror)

    try:
        fd = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        yield said(loaded, "DOC005", (*where, "file"), "document.missing", name=name)
        return
    except OSError as err:
        if err.errno == errno.ELOOP:  # a symlink
            yield said(loaded, "DOC008", (*where, "file"), "document.not_regular", name=name)
        else:
            yield unreadable(err)
        return
    try:
        info = os.fstat(fd)
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size <= MAX_DOCUMENT_BYTES:
            data = read_capped(fd, MAX_DOCUMENT_BYTES, info)
    except OSError as err:
        yield unreadable(err)
        return
    finally:
        os.close(fd)
    if not regular:
        yield said(loaded, "DOC008", (*where, "file"), "document.not_regular", name=name)
        return
    declared_size = get(document, "size")
    if info.st_size > MAX_DOCUMENT_BYTES:
        yield said(
            loaded,
            "DOC004",
            (*where, "size"),
            "document.too_large",
            name=name,
            size=info.st_size,
        )
        return
    digest = hashlib.sha256(data).hexdigest()
    if isinstance(declared_size, int) and declared_size != len(data):
        yield said(
            loaded,
            "DOC004",
            (*where, "size"),
            "document.size",
            declared=declared_size,
            name=name,
            size=len(data),
        )
    declared_hash = get(document, "sha256")
    if isinstance(declared_hash, str) and declared_hash != digest:
        yield said(
            loaded,
            "DOC003",
            (*where, "sha256"),
            "document.sha256",
            name=name,
            sha256=digest,
        )
    for problem in pdfs.problems(digest, data):
        # A finding of the bytes, said again at the line that lists the file, naming it.
        values = {**dict(problem.values), "name": name}
        yield said(loaded, problem.code, (*where, "file"), problem.key, **values)
    facts[name] = FileFacts(digest, len(data))


def read_document(path: Path | str) -> bytes | None:
    """A document's bytes, up to one byte over the cap; None for anything but a file."""
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError:
        return None
    try:
        return read_capped(fd, MAX_DOCUMENT_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)


def document_files(system_folders: list[str]) -> list[str]:
    """Every file in the system folders that may be a document: what verdicts.prefetch judges."""
    found = []
    for folder in system_folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        found += [
            e.path for e in entries if e.name != RECORD_FILE and e.is_file(follow_symlinks=False)
        ]
    return found


def _unlisted(folder: Path, display_folder: str, listed: set[str]) -> Iterator[Finding]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name == RECORD_FILE or entry.name in listed:
            continue
        kind = "folder" if entry.is_dir(follow_symlinks=False) else "file"
        # A name with hidden characters is shown escaped so the terminal shows what is there.
        shown = ascii(entry.name) if forbidden_character(entry.name) else entry.name
        yield Finding.said(
            f"{display_folder}/{shown}",
            0,
            0,
            "DOC009",
            f"document.unlisted_{kind}",
            file=RECORD_FILE,
        )
