"""validate: walk registry/, run the four stages on every record, return the typed registry.

YAML → JSON Schema → models → semantic rules. Every finding is collected and no stage
stops the others: a record that fails the schema still has its files and rules checked.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pydantic import ValidationError

from . import documents, rules
from .deadlines import Overrides, load_calendar_overrides
from .findings import Finding, Severity, UsageError, json_path_text
from .journal import JOURNAL_FILE, JournalEntry, load_journal
from .load import Loaded, blob_id, decode_text, parse_yaml, read_record
from .memory import Memory, RecordMemory
from .models import Sector, System
from .schema import check_schema

SECTOR_FILE = "sector.yaml"
CALENDAR_FILE = "calendar.yaml"
SYSTEM_FILE = documents.RECORD_FILE
# Files the registry root may hold besides sector folders.
ROOT_FILES = {CALENDAR_FILE, "README.md"}


class RegistryNotFound(UsageError):
    """The registry folder itself is missing: a usage error, not a finding."""


class _Modelled:
    """An entry whose model is built when first asked for when the record cache vouched for it.

    A record whose bytes passed every stage before needs no model to be validated again;
    the site asks for the models and builds each once.
    """

    loaded: Loaded
    checked: object  # the model, None for an invalid record, or Vouched

    @property
    def model(self):
        if isinstance(self.checked, Vouched):
            key, models = self.checked.key, self.checked.models
            if key not in models:
                models[key] = self.model_class.model_validate(self.loaded.data)
            self.checked = models[key]
        return self.checked


@dataclass(frozen=True)
class Vouched:
    """A record the cache vouched for, by its key there (its kind, place and bytes), and
    where its model is kept once made (`Memory.models`)."""

    key: str
    models: dict[str, object] = field(compare=False, repr=False)


@dataclass
class SectorEntry(_Modelled):
    id: str
    folder: Path
    loaded: Loaded
    checked: object = None
    model_class = Sector


@dataclass
class SystemEntry(_Modelled):
    id: str
    sector: str
    folder: Path
    loaded: Loaded
    checked: object = None
    files: dict[str, documents.FileFacts] = field(default_factory=dict)  # by file name
    key: str | None = None  # the record cache's key: its bytes' hash, in its place
    blob: str | None = None  # git's id for the record's bytes (history.py knows them by it)
    model_class = System


@dataclass
class Registry:
    """The validated registry: typed entries plus every finding."""

    root: Path
    sectors: dict[str, SectorEntry] = field(default_factory=dict)
    systems: list[SystemEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    calendar: Overrides | None = None  # registry/calendar.yaml: decree transfers of working days
    # registry/<sector>/applications.yaml: each sector's applications closed without inclusion
    journals: dict[str, JournalEntry] = field(default_factory=dict)
    remember: bool = False  # keep valid system folders for this process's next validation
    memory: Memory = field(default_factory=Memory, repr=False)  # what it may take from before

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    def systems_of(self, sector: str) -> list[SystemEntry]:
        return [s for s in self.systems if s.sector == sector]  # once per sector and build


def display_root(root: Path) -> str:
    """How paths are shown: relative to the working directory when inside it (as CI expects)."""
    absolute = root.resolve()
    try:
        rel = absolute.relative_to(Path.cwd().resolve())
        return rel.as_posix() if str(rel) != "." else "."
    except ValueError:
        return absolute.as_posix()


def _model(loaded: Loaded, cls: type[Sector] | type[System]) -> tuple[object, list[Finding]]:
    try:
        return cls.model_validate(loaded.data), []
    except ValidationError as err:
        found = []
        for problem in err.errors():
            where = tuple(problem["loc"])
            line, col = loaded.locate(where)
            found.append(
                Finding.said(
                    loaded.path,
                    line,
                    col,
                    "MOD001",
                    "model.rejected",
                    json_path_text(where),
                    reason=problem["msg"],
                )
            )
        return None, found


def _check_record(
    loaded: Loaded, kind: str, cls: type[Sector] | type[System]
) -> tuple[object, list[Finding]]:
    """Stages 2 and 3 for one parsed record."""
    if loaded.data is None:
        return None, []
    found = check_schema(loaded, kind)
    if found:
        return None, found
    return _model(loaded, cls)


def one_per_problem(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding. A value still a placeholder (PLH001) is that and nothing
    more: the schema's words on the same field go. A format's bare verdict ("is not a valid
    date") goes where the schema also says what the field must be (its pattern or type)."""
    schema = [f for f in findings if f.key.startswith("schema.")]
    if not schema:
        return findings
    placeholders = {f.json_path for f in findings if f.code == "PLH001"}
    explained = {f.json_path for f in schema if not f.key.startswith("schema.format")}
    return [
        f
        for f in findings
        if not f.key.startswith("schema.")
        or (
            f.json_path not in placeholders
            and not (f.key.startswith("schema.format") and f.json_path in explained)
        )
    ]


def _judge_record(
    memory: Memory,
    read: tuple[bytes | None, Loaded],
    kind: str,
    place: str,
    own_rules: Callable[[Loaded], Iterable[Finding]],
) -> tuple[Loaded, object, list[Finding], str | None]:
    """Every stage that reads only the record and its place (`place`: the folders and whatever
    else `own_rules` is told): the record, its model (or Vouched), every finding, and its key
    in the record cache (None when it could not be read)."""
    raw, loaded = read
    if raw is None:
        return loaded, None, loaded.findings, None
    records = memory.records
    key = records.key(kind, place, raw)
    data = records.data(key)
    if data is not None:  # these very bytes, in this place, passed every stage before
        loaded.data = data
        loaded.text = decode_text(raw)
        return loaded, Vouched(key, memory.models), [], key
    loaded = parse_yaml(raw, loaded.path, loaded)
    model, found = _check_record(loaded, kind, System if kind == "system" else Sector)
    found = loaded.findings + found
    if loaded.data is not None:
        found = one_per_problem(found + list(own_rules(loaded)))
    if model is not None and not found:  # warnings too: a record with any is judged afresh
        records.remember(key, loaded.data)
    return loaded, model, found, key


def _entries(folder: Path | str) -> list[os.DirEntry]:
    return sorted(os.scandir(folder), key=lambda e: e.name)


def _system_folders(root: Path) -> list[str]:
    # Unreadable folders are left out here: the walk reports them.
    folders = []
    for sector in _entries(root):
        if sector.is_dir(follow_symlinks=False):
            try:
                folders += [e.path for e in _entries(sector.path)]
            except OSError:
                continue
    return folders


def validate_registry(root: Path, remember: bool = False, memory: Memory | None = None) -> Registry:
    """Validate every sector and system under `root`. `memory`: what earlier judgments may
    give (speed/verdicts.py's caches; none by default). `remember` (`mkdocs serve`, which
    validates after every edit): folders unchanged since `memory` last saw them valid are not
    read again (`Memory.folders`)."""
    if not root.is_dir():
        raise RegistryNotFound(f"{root}: no such registry folder")
    memory = memory if memory is not None else Memory()
    registry = Registry(root, remember=remember, memory=memory)
    shown = display_root(root)
    memory.records.begin()
    folders = _system_folders(root)
    memory.pdfs.prefetch(
        len(folders), partial(documents.document_files, folders), documents.read_document
    )
    for entry in _entries(root):
        path, display = Path(entry.path), f"{shown}/{entry.name}"
        if entry.is_symlink():
            registry.findings.append(Finding.said(display, 0, 0, "FILE002", "file.symlink"))
        elif entry.is_dir():
            _sector(registry, path, display)
        elif entry.name == CALENDAR_FILE:
            registry.calendar, found = load_calendar_overrides(path, display)
            registry.findings += found
        elif entry.name not in ROOT_FILES:
            registry.findings.append(Finding.said(display, 0, 0, "REG006", "registry.root_extra"))
    registry.findings.extend(_cross_record(registry))
    registry.findings.sort()
    memory.pdfs.save()
    memory.records.save()
    return registry


def _sector(registry: Registry, folder: Path, display: str) -> None:
    record = folder / SECTOR_FILE
    exists = record.exists() or record.is_symlink()
    if exists:
        read = read_record(record, f"{display}/{SECTOR_FILE}")
        rules_here = partial(rules.check_sector, folder=folder.name)
        loaded, model, found, _ = _judge_record(
            registry.memory, read, "sector", folder.name, rules_here
        )
        registry.findings += found
        registry.sectors[folder.name] = SectorEntry(folder.name, folder, loaded, model)
    for entry in _entries(folder):
        child, child_display = Path(entry.path), f"{display}/{entry.name}"
        if entry.name == SECTOR_FILE:
            continue
        if entry.is_symlink():
            registry.findings.append(Finding.said(child_display, 0, 0, "FILE002", "file.symlink"))
        elif entry.is_dir():
            _system(registry, child, child_display, folder.name, exists)
        elif entry.name == JOURNAL_FILE:
            registry.journals[folder.name], found = load_journal(child, child_display)
            registry.findings += found
        else:
            registry.findings.append(
                Finding.said(child_display, 0, 0, "REG006", "registry.sector_extra")
            )


def _place(sector: str, folder: str, sector_exists: bool) -> str:
    """A system record's place, as the record cache keys it: its rules read the folders."""
    return f"{sector}/{folder} {sector_exists}"


def vouched_records(root: Path, records: RecordMemory) -> dict[str, dict] | None:
    """The data of the system records under `root` that the record cache knows to pass every
    stage, by git blob id: read and looked up, not judged. What a history walked in a forked
    process needs of the work tree (history.begin_history) while the build validates it.
    None when the cache knows fewer than half of them (a new checkout, new code): the walk
    would parse every record a second time beside validation, which already keeps both cores
    busy with the documents then."""
    records.begin()
    known = {}
    folders = _system_folders(root)
    for folder in map(Path, folders):
        raw, _ = read_record(folder / SYSTEM_FILE, SYSTEM_FILE)
        if raw is None:
            continue
        data = records.data(
            records.key("system", _place(folder.parent.name, folder.name, True), raw)
        )
        if isinstance(data, dict):
            known[blob_id(raw)] = data
    return known if 2 * len(known) >= len(folders) else None


def _system(
    registry: Registry, folder: Path, display: str, sector: str, sector_exists: bool
) -> None:
    place = _place(sector, folder.name, sector_exists)
    stamp = _folder_stamp(folder, place) if registry.remember else None
    memory = registry.memory
    kept = memory.folders.get(str(folder))
    if stamp is not None and kept is not None and kept[0] == stamp:
        memory.records.get(kept[1].key)  # still in use: the cache keeps it
        registry.systems.append(kept[1])
        return
    record = folder / SYSTEM_FILE
    raw, loaded = read_record(record, f"{display}/{SYSTEM_FILE}")
    if raw is None and not (record.exists() or record.is_symlink()):
        registry.findings.append(
            Finding.said(display, 0, 0, "REG007", "registry.no_record", file=SYSTEM_FILE)
        )
        return
    before = len(registry.findings)
    loaded, model, found, key = _judge_record(
        memory,
        (raw, loaded),
        "system",
        place,
        partial(
            rules.check_system,
            sector_folder=sector,
            folder=folder.name,
            sector_exists=sector_exists,
        ),
    )
    registry.findings += found
    entry = SystemEntry(folder.name, sector, folder, loaded, model, key=key)
    if raw is not None:
        entry.blob = blob_id(raw)
    if loaded.data is not None:
        registry.findings += documents.check_folder(
            loaded, folder, display, entry.files, memory.pdfs
        )
    registry.systems.append(entry)
    if key is not None and stamp is not None and len(registry.findings) == before:
        # `mkdocs serve` validates after every edit; a folder whose files all keep their size,
        # times and inode (an edit always moves the change time) is the same folder, and its
        # entry is used again without reading anything. Only checks across records run again.
        memory.folders[str(folder)] = (stamp, entry)


def _folder_stamp(folder: Path, place: str) -> tuple | None:
    try:
        with os.scandir(folder) as entries:
            stats = [(e.name, e.stat(follow_symlinks=False)) for e in entries]
    except OSError:
        return None
    return (
        place,
        *sorted((n, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino) for n, s in stats),
    )


def _cross_record(registry: Registry) -> Iterator[Finding]:
    by_id: dict[str, list[SystemEntry]] = defaultdict(list)
    by_number: dict[tuple[str, int], list[SystemEntry]] = defaultdict(list)
    for system in registry.systems:
        by_id[system.id].append(system)
        number = rules.get(system.loaded.data, "list_number")
        if isinstance(number, int) and not isinstance(number, bool):
            by_number[(system.sector, number)].append(system)
    for system_id, same in by_id.items():
        for later in same[1:]:
            yield rules.said(
                later.loaded,
                "REG004",
                ("id",),
                "registry.id_taken",
                id=system_id,
                record=same[0].loaded.path,
            )
    for (sector, number), same in by_number.items():
        for later in same[1:]:
            yield rules.said(
                later.loaded,
                "REG005",
                ("list_number",),
                "registry.number_taken",
                number=number,
                sector=sector,
                record=same[0].loaded.path,
            )
    yield from _look_alikes(registry.systems)


def _look_alikes(systems: list[SystemEntry]) -> Iterator[Finding]:
    """REG009, a warning: a system whose owner BIN and set of document SHA-256s are another's,
    and whose name in some language is that one's too, under a different id: a copy of a listed
    system passing for a new one (or for the old one, in a search or a link). Each of the two
    is warned, naming the other (the first in registry order), since either may be the copy;
    a pull request adding the copy sees it on its own record."""
    by_owner_and_documents: dict[tuple[str, frozenset[str]], list[SystemEntry]] = defaultdict(list)
    for system in systems:
        key = _owner_and_documents(system.loaded.data)
        if key is not None:
            by_owner_and_documents[key].append(system)
    for same in by_owner_and_documents.values():
        if len(same) < 2:
            continue
        names = [_names(system.loaded.data) for system in same]
        for index, system in enumerate(same):
            other = next(
                (
                    same[j]
                    for j in range(len(same))
                    if j != index and same[j].id != system.id and names[j] & names[index]
                ),
                None,
            )
            if other is not None:
                yield rules.said(
                    system.loaded,
                    "REG009",
                    ("id",),
                    "registry.look_alike",
                    Severity.WARNING,
                    other=other.id,
                    record=other.loaded.path,
                )


def _owner_and_documents(data: object) -> tuple[str, frozenset[str]] | None:
    """A record's owner BIN and the SHA-256s of its documents, when it has both."""
    owner = rules.get(data, "owner", "bin")
    documents_ = rules.get(data, "documents")
    if not isinstance(owner, str) or not isinstance(documents_, list):
        return None
    hashes = frozenset(
        digest.lower()
        for document in documents_
        if isinstance(digest := rules.get(document, "sha256"), str)
    )
    return (owner.strip(), hashes) if hashes else None


def _names(data: object) -> set[str]:
    """A record's names in every language, compared without case and runs of spaces."""
    name = rules.get(data, "name")
    if not isinstance(name, dict):
        return set()
    return {" ".join(text.split()).casefold() for text in name.values() if isinstance(text, str)}
