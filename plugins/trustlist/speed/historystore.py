"""history store: the last build's history kept on disk, so a build walks only newer commits.

A list revision never changes once issued, so the history as of one commit holds for every
later one. The store keeps it as of the last commit built (JSON in the cache folder, one file
per repository and registry folder). A build at HEAD uses it when that commit is HEAD, or
continues it when that commit is on HEAD's first-parent line: only the commits since are
walked (history.build_history resumes from the stored state). Anything else (another branch,
a rewritten history, other code: the file names the judge's fingerprint) walks all of
history, as a build without a cache does, and both give the same history
(tests/test_historystore.py).

A revision is stored as what its commit changed. Records are kept by git blob id, and only
the versions that are not the work tree's: validation has just read those (`known`), so the
store stays small (the past versions only) and the current lists are held in memory once.
A version found in neither (a record edited since the store was written) is read from git.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

import orjson

from ..core.history import Event, History, Revision, parse_record
from .verdicts import cache_folder, records_fingerprint, write_cache_file

FORMAT = 2
log = logging.getLogger("trustlist")


class Store:
    def __init__(self, repository: str | os.PathLike, prefix: str) -> None:
        folder = cache_folder()
        self.prefix = prefix
        name = hashlib.sha256(f"{Path(repository).resolve()}\0{prefix}".encode()).hexdigest()
        self.path = folder / f"history-{name[:24]}.json" if folder else None

    def read(self) -> dict | None:
        """The store's contents (for `decode`), or None where there is none this code can
        use."""
        if self.path is None:
            return None
        try:
            stored = orjson.loads(self.path.read_bytes())
            if (stored["format"], stored["judge"], stored["prefix"]) != (
                FORMAT,
                records_fingerprint(),
                self.prefix,
            ):
                return None
            if not isinstance(stored["commit"], str):
                return None
            return stored
        except FileNotFoundError:
            return None  # no store yet: walk everything
        except (OSError, ValueError, KeyError, TypeError) as err:
            # One this version cannot read: walk everything, and say why it was dropped.
            log.info(
                "trustlist: history store %s not used (%s: %s)", self.path, type(err).__name__, err
            )
            return None

    def restore(
        self, stored: dict, known: dict[str, dict], read_blob: Callable[[str], bytes]
    ) -> History | None:
        """The history `read` gave, or None if it is damaged (then everything is walked)."""
        return restore(stored, known, read_blob)

    def save(self, history: History, known: dict[str, dict]) -> None:
        """Keep `history` for the next build. One that JSON cannot hold exactly (some value
        in an old version of a record) is not kept, nor anything when the cache cannot be
        written: that only costs the next build a full walk."""
        if self.path is None or history.commit is None:
            return
        stored = encode(history, self.prefix, known)
        stored["walked"] = history.walked  # for the log of a build that forked the walk
        try:
            text = orjson.dumps(stored)
        except orjson.JSONEncodeError as err:
            log.info("trustlist: history not stored (%s)", err)
            return
        if orjson.loads(text) == stored:
            write_cache_file(self.path, text)
        else:
            log.info("trustlist: history not stored (a value JSON cannot hold exactly)")


def encode(history: History, prefix: str, known: dict[str, dict]) -> dict[str, object]:
    revisions = {
        sector: [
            [r.number, r.commit, r.time, r.subject, [_event(e) for e in r.events], r.changes]
            for r in listed
        ]
        for sector, listed in history.revisions.items()
    }
    return {
        "format": FORMAT,
        "judge": records_fingerprint(),
        "prefix": prefix,
        "commit": history.commit,
        "records": {blob: data for blob, data in history.records.items() if blob not in known},
        "revisions": revisions,
    }


def _event(event: Event) -> list[object]:
    return [event.kind, event.system, event.field, event.old, event.new]


def restore(
    stored: dict, known: dict[str, dict], read_blob: Callable[[str], bytes]
) -> History | None:
    """The history `Store.read` gave, or None if it is damaged (then everything is walked)."""
    try:
        return decode(stored, known, read_blob)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as err:
        log.info("trustlist: stored history damaged, every commit walked (%r)", err)
        return None


def decode(stored: dict, known: dict[str, dict], read_blob: Callable[[str], bytes]) -> History:
    history = History(commit=stored["commit"], records=stored["records"])
    records = history.records
    for sector, listed in stored["revisions"].items():
        revisions: list[Revision] = []
        for number, commit, time, subject, events, changes in listed:
            for blob in changes.values():
                if blob in known:
                    records[blob] = known[blob]
                elif blob is not None and blob not in records:
                    records[blob] = parse_record(read_blob, blob)
            previous = revisions[-1] if revisions else None
            revision = Revision(sector, number, commit, time, subject, [], changes, previous)
            revision.events = [Event(*event) for event in events]
            revision.records = records
            revisions.append(revision)
        history.revisions[sector] = revisions
    return history
