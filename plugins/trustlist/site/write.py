"""write: the published files that are not pages, written one at a time and hashed as written.

Together they are hundreds of MB at national scale (documents, exports, revision lists,
record versions): declared to MkDocs as files, every one would be held in memory, with 50,000
`File` objects, until the build ends. Each claims its path first (`outputs.Claims`): a path
already written, or declared to MkDocs, is refused (outputs.Collision). The digest of each
file is taken from the bytes written, so the manifest need not read them back.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .manifest import digest_of
from .outputs import Published

Claim = Callable[[str, object], None]


def write_files(
    site_dir: Path, files: Iterable[Published], claim: Claim, hashed: bool = True
) -> dict[str, dict]:
    """Write `files` under `site_dir`; the digest of each (`hashed`: a preview has no
    manifest and needs none), by its path in the site."""
    folders: set[str] = set()
    written = {}
    site = str(site_dir)
    for published in files:
        claim(published.uri, published.by)
        # Paths as strings: pathlib parsed and hashed each of thousands of paths again.
        target = f"{site}/{published.uri}"
        folder = target.rpartition("/")[0]
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)  # noqa: PTH103 (a str, as above)
            folders.add(folder)
        if published.source is not None:
            data = _read(published.source)
        elif isinstance(published.content, bytes):
            data = published.content
        else:
            data = str(published.content).encode("utf-8")
        _write(target, data)
        if hashed:
            written[published.uri] = digest_of(data)
    return written


def _read(source: Path) -> bytes:
    """`source.read_bytes()` in plain descriptor calls, as `_write`: a registry's every file is
    copied (8,000 at 2,000 systems)."""
    handle = os.open(source, os.O_RDONLY)
    try:
        want = os.fstat(handle).st_size + 1  # one byte over: a file grown since is read whole
        parts = []
        while chunk := os.read(handle, want):
            parts.append(chunk)
        return b"".join(parts)
    finally:
        os.close(handle)


def _write(target: str, data: bytes) -> None:
    """`target.write_bytes(data)` without a Python file object: tens of thousands of files a
    build, where pathlib's buffered file and path parsing took twice as long (the 4,164
    history files of 2,000 systems: 0.27 s written and hashed, now 0.14 s)."""
    handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:  # a write to a regular file may still stop short (a signal, a full disk)
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)
