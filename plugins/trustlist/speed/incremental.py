"""serve step: what an edit changed since the previous build of `mkdocs serve --dirty`.

MkDocs' dirty build writes only the pages whose file says it is modified. A build's inputs are
summed up in a `Snapshot`: one key for what every page shows (the configuration, hand-written
pages, templates, sector records and journals, calendar, the commit history is read from,
which system folders exist) and one key per system (its record's bytes and its documents'
hashes, which the validator has just computed). If the shared key is unchanged, only the
systems whose own key changed need their pages, documents and exports again; otherwise
everything is built.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..core.history import History
from ..core.journal import JOURNAL_FILE
from ..core.validate import CALENDAR_FILE, SECTOR_FILE, Registry

T = TypeVar("T")


@dataclass(frozen=True)
class Snapshot:
    shared: str
    systems: dict[str, str]  # system id -> key of its record and documents


def snapshot(
    registry: Registry, history: History | None, watched: Iterable[Path], settings: str
) -> Snapshot:
    """The keys of this build's inputs. `watched`: files and folders every page depends on
    (compared by size and modification time); `settings`: the configuration, as text."""
    shared = hashlib.sha256(settings.encode())
    shared.update(f"\0{history.commit if history else None}\0".encode())
    for path in watched:
        shared.update(_stats_key(path))
    for sector in sorted(registry.sectors.values(), key=lambda s: s.id):
        shared.update(_stats_key(sector.folder / SECTOR_FILE))
        shared.update(_stats_key(sector.folder / JOURNAL_FILE))  # the sector page counts it
    shared.update(_stats_key(registry.root / CALENDAR_FILE))
    systems = {}
    for entry in registry.systems:
        # Which systems exist, and where, is shared: a new or moved system changes lists.
        shared.update(f"{entry.sector}/{entry.id}\0".encode())
        key = hashlib.sha256(str(entry.key).encode())  # its bytes' hash, from the validator
        for name, facts in sorted(entry.files.items()):
            key.update(f"\0{name}\0{facts.sha256}".encode())
        systems[entry.id] = key.hexdigest()
    return Snapshot(shared.hexdigest(), systems)


def changed_systems(before: Snapshot | None, after: Snapshot) -> frozenset[str] | None:
    """The systems whose pages and files must be built again; None: everything."""
    if before is None or before.shared != after.shared:
        return None
    return frozenset(s for s, key in after.systems.items() if before.systems.get(s) != key)


@dataclass(frozen=True)
class Changes:
    """What a dirty build builds again: the systems an edit changed (None: everything) and
    their sectors."""

    snapshot: Snapshot  # this build's inputs, the next build's `built` once this one succeeds
    systems: frozenset[str] | None
    sectors: frozenset[str]

    def modified(self, kind: str, sector: str | None, system: str | None) -> bool:
        """Whether this build changes a page: after an edit, the edited systems' pages, their
        sectors' lists, and the home pages, which show the latest changes."""
        if self.systems is None or kind == "home":
            return True
        if kind == "system":
            return system in self.systems
        return kind == "sector" and sector in self.sectors


def track_changes(
    registry: Registry,
    history: History | None,
    built: Snapshot | None,
    watched: Iterable[Path],
    settings: str,
) -> Changes:
    """Which systems changed since the last good build (`built`)."""
    now = snapshot(registry, history, watched, settings)
    systems = changed_systems(built, now)
    sectors = frozenset(
        entry.sector for entry in registry.systems if systems is not None and entry.id in systems
    )
    return Changes(now, systems, sectors)


class Reuse:
    """What is made from one system alone (its search entry, export entry, CSV row), kept from
    one build of `mkdocs serve --dirty` to the next while neither the shared key nor the
    system's key changes. Until `keyed` gives it a snapshot (any other build) it keeps nothing.
    """

    def __init__(self) -> None:
        self._snapshot: Snapshot | None = None
        self._made: dict[tuple[str, str], tuple[str, Any]] = {}  # (kind, id) -> (key, value)

    def keyed(self, snapshot: Snapshot | None) -> None:
        if snapshot is None or self._snapshot is None or snapshot.shared != self._snapshot.shared:
            self._made.clear()
        self._snapshot = snapshot

    def get(self, kind: str, system: str, make: Callable[[], T]) -> T:
        if self._snapshot is None:
            return make()
        key = self._snapshot.systems.get(system)
        kept = self._made.get((kind, system))
        if kept is not None and key is not None and kept[0] == key:
            return kept[1]
        value = make()
        if key is not None:
            self._made[(kind, system)] = (key, value)
        return value


NO_REUSE = Reuse()  # never keyed: makes every text afresh


def _stats(path: Path) -> Iterable[tuple[str, int, int]]:
    if path.is_file():
        info = path.stat()
        yield str(path), info.st_size, info.st_mtime_ns
        return
    for folder, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            full = Path(folder, name)
            try:
                info = full.stat()
            except OSError:
                continue  # removed while walking: the next build sees it gone
            yield str(full), info.st_size, info.st_mtime_ns


def _stats_key(path: Path) -> bytes:
    return "".join(f"{n}\0{s}\0{m}\0" for n, s, m in _stats(path)).encode()
