"""revlists step: each revision's list as it is published, in full or as its changes, and
any revision's list made again from those files.

Every revision of every list stays published (api/v1/<sector>/revisions/<n>.json), but a
list written out in full at each revision grows as revisions × systems: 341 MB of the 1.3 GB
three-language site at 10,000 systems and 300 commits, over the 1 GB GitHub Pages accepts.
So a revision's file holds either the whole list (`systems`) or only what changed since the
revision before (`changed`: the entries added or changed, whole; `removed`: the ids gone),
with `previous` (n − 1) and `full` (the revision whose file, in full, the changes build on).

A revision is published in full (`in_full`) when it is the list's first, when `FULL_EVERY`
revisions have passed since the last full one (so a list is rebuilt from at most that many
files), or when the changes since the last full one, its own included, number at least half
the list (a short list is always in full: its changes would save nothing). Which it is
depends only on the revisions up to it, so a published file never changes at a later deploy.

To make revision n's list again (`rebuild`, or by hand: docs/*/auditors.md): read n.json; if
it has `systems`, that is the list; else read `full`.json, then each file after it up to n,
and for each: replace or add every entry of `changed` (by `id`), drop every id of `removed`.
The list is in order of the systems' ids, as a full file gives it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..core.history import Revision, apply

FULL_EVERY = 50  # at most this many revisions from one full list to the next (10.8 MB of lists
# at 10,000 systems and 300 commits; 20.9 MB at 20, 341 MB when every revision was in full)


@dataclass(frozen=True)
class Written:
    """How one revision's list is written: its list as it stood (system -> blob), and, when
    not in full, what changed since the revision before and the full revision it builds on."""

    revision: Revision
    listed: dict[str, str]
    full: int  # the revision written in full that this one builds on (itself when in full)
    changed: dict[str, str]  # system -> blob: added or changed since the revision before
    removed: list[str]  # systems gone since the revision before

    @property
    def in_full(self) -> bool:
        return self.full == self.revision.number


def written(revisions: Iterable[Revision], every: int = FULL_EVERY) -> Iterator[Written]:
    """Each revision of one list (oldest first) as it is written: in full, or its changes."""
    listed: dict[str, str] = {}
    full, since = 0, 0  # the last revision in full; entries changed since it
    for revision in revisions:
        listed = apply(listed, revision.changes)
        changes = revision.changes
        since += len(changes)
        if full == 0 or revision.number - full >= every or 2 * since >= len(listed):
            full, since = revision.number, 0
            yield Written(revision, listed, full, {}, [])
            continue
        changed = {s: b for s, b in sorted(changes.items()) if b is not None}
        removed = sorted(s for s, b in changes.items() if b is None)
        yield Written(revision, listed, full, changed, removed)  # type: ignore[arg-type]


def rebuild(files: Iterable[dict]) -> list[dict]:
    """A revision's list from its published files, oldest first: a file in full, then each
    file of changes after it up to the revision (each file as read from its JSON)."""
    listed: dict[str, dict] = {}
    for data in files:
        if "systems" in data:
            listed = {entry["id"]: entry for entry in data["systems"]}
            continue
        for entry in data["changed"]:
            listed[entry["id"]] = entry
        for system in data["removed"]:
            listed.pop(system, None)
    return [listed[system] for system in sorted(listed)]


def files_of(number: int, read: Callable[[int], dict]) -> list[dict]:
    """The files `rebuild` needs for revision `number` of a list, read with `read` (the
    revision's number -> its file's JSON): the revision's own, and from its `full` on."""
    last = read(number)
    if "systems" in last:
        return [last]
    return [read(n) for n in range(last["full"], number)] + [last]
