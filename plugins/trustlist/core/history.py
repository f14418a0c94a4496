"""history step: numbered list revisions and per-system events, from one walk of git.

Each commit on the published branch's first-parent line that changes a sector's folder issues
a new revision of that sector's list (1, 2, 3 …), dated by the commit. What changed is said
semantically, from the records before and after: included, suspended, excluded, restored, a
field's old and new value, a document added, replaced (old and new SHA-256) or removed.
Pure: the commits and a blob reader come from gitrepo.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .findings import json_path_text
from .gitrepo import Commit
from .load import parse_yaml

RECORD = "system.yaml"
SECTOR_RECORD = "sector.yaml"


@dataclass(frozen=True)
class Event:
    """One change to one list: kind is included | suspended | excluded | restored | changed |
    document_added | document_replaced | document_removed | removed | sector_created |
    sector_changed."""

    kind: str
    system: str | None  # None for a change to the sector's own record
    field: str = ""
    old: object = None
    new: object = None

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "system": self.system,
            "field": self.field or None,
            "old": self.old,
            "new": self.new,
        }


@dataclass
class Revision:
    """One issue of a sector's list. It holds what its commit changed (`changes`); the whole
    list as it stood (`blobs`, `systems`) is made from the revisions before it when asked.
    Storing every revision's whole list meant 2,460 pairs of maps of about 1,000 entries at
    10,000 systems (about 200 MB by count); the history now takes 12 MB."""

    sector: str
    number: int
    commit: str
    time: int  # epoch seconds of the commit
    subject: str
    events: list[Event] = field(default_factory=list)
    changes: dict[str, str | None] = field(default_factory=dict)  # system -> record blob now
    previous: Revision | None = field(default=None, repr=False, compare=False)
    records: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)

    @property
    def issued(self) -> datetime:
        return datetime.fromtimestamp(self.time, UTC)

    @property
    def issued_text(self) -> str:
        """The issue time as the exports, the manifest and the feeds write it (UTC, ISO 8601)."""
        return self.issued.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def blobs(self) -> dict[str, str]:
        """The list as of this revision: system -> its record's git blob, by system id."""
        chain = []
        revision: Revision | None = self
        while revision is not None:
            chain.append(revision)
            revision = revision.previous
        listed: dict[str, str] = {}
        for revision in reversed(chain):
            listed = apply(listed, revision.changes)
        return listed

    @property
    def systems(self) -> dict[str, dict]:
        """The list as of this revision: system -> its record's data, by system id."""
        return {system: self.records[blob] for system, blob in self.blobs.items()}

    def as_dict(self, events: list[Event] | None = None) -> dict[str, object]:
        """The revision as exported (api/v1/changes.json, `trustlist log --format json`)."""
        return {
            "sector": self.sector,
            "revision": self.number,
            "commit": self.commit,
            "issued": self.issued_text,
            "subject": self.subject,
            "events": [e.as_dict() for e in (self.events if events is None else events)],
        }


def apply(listed: dict[str, str], changes: dict[str, str | None]) -> dict[str, str]:
    """A list (system -> blob, by system id) with a revision's changes made: a new dict when
    a system comes or goes, else `listed` itself, changed in place."""
    if any(changes.get(system) is None or system not in listed for system in changes):
        listed = dict(listed)
        for system, blob in changes.items():
            if blob is None:
                listed.pop(system, None)
            else:
                listed[system] = blob
        return dict(sorted(listed.items()))
    listed.update(changes)  # type: ignore[arg-type]
    return listed


@dataclass
class History:
    revisions: dict[str, list[Revision]] = field(default_factory=dict)  # sector -> oldest first
    records: dict[str, dict] = field(default_factory=dict)  # blob -> data: every listed version
    commit: str | None = None  # the commit the site is built from (HEAD)
    time: int | None = None  # its committer time: the build's only clock (SOURCE_DATE_EPOCH)
    draft: bool = False  # the work tree has registry changes that are not committed
    walked: int = 0  # commits read from git for this history (the rest came from the store)
    _by_system: dict[str, list[tuple[Revision, Event]]] | None = field(default=None, repr=False)

    def of_system(self, system: str) -> list[tuple[Revision, Event]]:
        """Every event of one system, oldest first (indexed once, on first use)."""
        if self._by_system is None:
            self._by_system = {}
            for revisions in self.revisions.values():
                for revision in revisions:
                    for event in revision.events:
                        if event.system is not None:
                            self._by_system.setdefault(event.system, []).append((revision, event))
        return self._by_system.get(system, [])

    def latest(self, sector: str) -> Revision | None:
        revisions = self.revisions.get(sector)
        return revisions[-1] if revisions else None


def build_history(
    commits: list[Commit],
    read_blob: Callable[[str], bytes],
    prefix: str = "registry/",
    known: dict[str, dict] | None = None,
    start: History | None = None,
) -> History:
    """Revisions of every sector's list from `commits` (oldest first). `known` maps blob ids
    to records already parsed (the work tree's, by validation), which are not parsed again.
    `start` is the history up to the commit before `commits` (historystore.py): its revisions
    are continued, numbered on from its last ones."""
    history = History()
    if start is not None:
        history.revisions = {
            sector: list(revisions) for sector, revisions in start.revisions.items()
        }
        history.records = start.records
    parsed = dict(known or {})

    def data(blob: str | None) -> dict | None:
        if blob is None:
            return None
        if blob not in parsed:
            parsed[blob] = parse_record(read_blob, blob)
        return parsed[blob]

    # sector -> system -> record data, as of the commit being read
    current: dict[str, dict[str, dict]] = {
        sector: revisions[-1].systems
        for sector, revisions in history.revisions.items()
        if revisions
    }
    for commit in commits:
        touched: dict[str, list[Event]] = {}
        changed: dict[str, dict[str, str | None]] = {}
        for change in commit.changes:
            parts = change.path.removeprefix(prefix).split("/")
            if not change.path.startswith(prefix) or len(parts) < 2:
                continue
            sector = parts[0]
            if len(parts) == 3 and parts[2] == RECORD:
                system, listed = parts[1], current.setdefault(sector, {})
                old = listed.get(system)
                new = on_list(data(change.new_blob))
                if old is None and new is None:
                    continue  # an application awaiting the body's decision is on no list
            events = touched.setdefault(sector, [])
            if parts[1] == SECTOR_RECORD and len(parts) == 2:
                old = data(change.old_blob)
                new = data(change.new_blob)
                if old is None:
                    events.append(Event("sector_created", None))
                else:
                    events += [
                        Event("sector_changed", None, path, a, b)
                        for path, a, b in _fields(old, new)
                    ]
            elif len(parts) == 3 and parts[2] == RECORD:
                if new is None:
                    listed.pop(system, None)
                    changed.setdefault(sector, {})[system] = None
                else:
                    listed[system] = history.records[change.new_blob] = new  # type: ignore[index]
                    changed.setdefault(sector, {})[system] = change.new_blob
                events += _record_events(system, old, new, change.status)
        for sector, events in sorted(touched.items()):
            revisions = history.revisions.setdefault(sector, [])
            revisions.append(
                Revision(
                    sector,
                    len(revisions) + 1,
                    commit.sha,
                    commit.time,
                    commit.subject,
                    events,
                    changed.get(sector, {}),
                    revisions[-1] if revisions else None,
                    history.records,
                )
            )
    return history


def parse_record(read_blob: Callable[[str], bytes], blob: str | None) -> dict | None:
    """A record version from git, parsed (None where it is not a mapping)."""
    if blob is None:
        return None
    data = parse_yaml(read_blob(blob), blob).data
    return data if isinstance(data, dict) else None


def on_list(record: dict | None) -> dict | None:
    """The record when it is on its list: an application without the body's decision is not."""
    return record if record is not None and "decision" in record else None


def _state(record: dict | None) -> str | None:
    status = record.get("status") if record else None
    return status.get("state") if isinstance(status, dict) else None


def _record_events(system: str, old: dict | None, new: dict | None, status: str) -> list[Event]:
    if new is None:
        return [Event("removed", system)]
    if old is None:
        return [Event("included" if _state(new) == "listed" else str(_state(new)), system)]
    events = []
    before, after = _state(old), _state(new)
    if before != after:
        events.append(Event("restored" if after == "listed" else str(after), system))
    events += _document_events(system, old.get("documents"), new.get("documents"))
    # Status fields (state, since, reason) are listed too, after the event they explain.
    events += [
        Event("changed", system, p, a, b) for p, a, b in _fields(_without(old), _without(new))
    ]
    return events


def _without(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "documents"}


def _document_events(system: str, old: object, new: object) -> list[Event]:
    def by_file(docs: object) -> dict[str, dict]:
        if not isinstance(docs, list):
            return {}
        return {
            d["file"]: d for d in docs if isinstance(d, dict) and isinstance(d.get("file"), str)
        }

    before, after = by_file(old), by_file(new)
    events = []
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name), after.get(name)
        if a is None:
            events.append(Event("document_added", system, name, None, b.get("sha256")))
        elif b is None:
            events.append(Event("document_removed", system, name, a.get("sha256"), None))
        elif a.get("sha256") != b.get("sha256"):
            events.append(
                Event("document_replaced", system, name, a.get("sha256"), b.get("sha256"))
            )
    return events


def _flatten(value: object, parts: tuple = ()) -> Iterator[tuple[str, object]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, (*parts, key))
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for index, item in enumerate(value):
            yield from _flatten(item, (*parts, index))
    else:
        yield json_path_text(parts), value


def _fields(old: dict | None, new: dict | None) -> list[tuple[str, object, object]]:
    """Each leaf field that differs: (json path, old value, new value)."""
    a, b = dict(_flatten(old or {})), dict(_flatten(new or {}))
    return [
        (path, a.get(path), b.get(path)) for path in _ordered(a, b) if a.get(path) != b.get(path)
    ]


def _ordered(a: dict, b: dict) -> list[str]:
    seen = dict.fromkeys(a)
    seen.update(dict.fromkeys(b))
    return list(seen)


Records = dict[tuple[str, str], dict]  # (sector, system) -> record data


def records_from(files: dict[str, str], read_blob: Callable[[str], bytes], prefix: str) -> Records:
    """The system records among `files` (path -> blob), parsed."""
    out: Records = {}
    for path, blob in files.items():
        parts = path.removeprefix(prefix).split("/")
        if path.startswith(prefix) and len(parts) == 3 and parts[2] == RECORD:
            data = on_list(parse_record(read_blob, blob))
            if data is not None:
                out[(parts[0], parts[1])] = data
    return out


def diff_records(before: Records, after: Records) -> list[tuple[str, Event]]:
    """What changed between two states of the registry, per sector, in history's words."""
    out = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        status = "A" if old is None else "D" if new is None else "M"
        out += [(key[0], event) for event in _record_events(key[1], old, new, status)]
    return out
