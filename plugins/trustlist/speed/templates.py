"""Compiled templates kept by the checksum of their source: in memory, and in the cache folder.

Every build compiles about forty Jinja templates (Material's and ours, one of ours per
language): a third of a second of a 1,000-system build, spent again by every `mkdocs build`
on the same templates, and by `mkdocs serve` on every edit (MkDocs makes a new Jinja
environment for each build). Jinja checks each compiled template against the checksum of its
source and compiles again when they differ, so a stored one is never used for an edited
template; a file written by another Python or Jinja fails its header check the same way.

Kept in $TRUSTLIST_CACHE/templates (speed/verdicts.cache_folder); TRUSTLIST_CACHE=off keeps
them in memory only. A file that cannot be read or written only costs compiling again, and is
said on the "trustlist" logger (verdicts.write_cache_file).
"""

from __future__ import annotations

import logging

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from .verdicts import cache_folder, write_cache_file

log = logging.getLogger("trustlist")


class CompiledTemplates(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None:
            code = self._read(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # a changed source's checksum discards it

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._code[bucket.key] = code
        folder = cache_folder()
        if folder is not None:
            write_cache_file(folder / "templates" / bucket.key, code)

    def _read(self, key: str) -> bytes | None:
        folder = cache_folder()
        if folder is None:
            return None
        try:
            return (folder / "templates" / key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("compiled template %s not read (%s): compiled again", key, error)
            return None


COMPILED = CompiledTemplates()  # for the process: ours (site/render.py) and the theme's
