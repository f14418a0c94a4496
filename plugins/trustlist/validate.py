"""validate: walk registry/, run the four stages on every record, return the typed registry.

YAML → JSON Schema → models → semantic rules. Every finding is collected and no stage
stops the others: a record that fails the schema still has its files and rules checked.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import documents, rules
from .deadlines import Overrides, load_calendar_overrides
from .findings import Finding, json_path_text
from .load import Loaded, load_yaml
from .models import Sector, System
from .schema import check_schema
from .verdicts import PDF_VERDICTS

SECTOR_FILE = "sector.yaml"
CALENDAR_FILE = "calendar.yaml"
SYSTEM_FILE = documents.RECORD_FILE
# Files the registry root may hold besides sector folders.
ROOT_FILES = {CALENDAR_FILE, "README.md"}


class RegistryNotFound(Exception):
    """The registry folder itself is missing: a usage error, not a finding."""


@dataclass
class SectorEntry:
    id: str
    folder: Path
    loaded: Loaded
    model: Sector | None = None


@dataclass
class SystemEntry:
    id: str
    sector: str
    folder: Path
    loaded: Loaded
    model: System | None = None
    files: dict[Path, documents.FileFacts] = field(default_factory=dict)


@dataclass
class Registry:
    """The validated registry: typed entries plus every finding."""

    root: Path
    sectors: dict[str, SectorEntry] = field(default_factory=dict)
    systems: list[SystemEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    calendar: Overrides | None = None  # registry/calendar.yaml: decree transfers of working days

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
                Finding(loaded.path, line, col, "MOD001", problem["msg"], json_path_text(where))
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


def _entries(folder: Path | str) -> list[os.DirEntry]:
    return sorted(os.scandir(folder), key=lambda e: e.name)


def _system_folders(root: Path) -> list[Path]:
    # Unreadable folders are left out here: the walk reports them.
    folders = []
    for sector in _entries(root):
        if sector.is_dir(follow_symlinks=False):
            try:
                folders += [Path(e.path) for e in _entries(sector.path)]
            except OSError:
                continue
    return folders


def validate_registry(root: Path) -> Registry:
    """Validate every sector and system under `root`."""
    if not root.is_dir():
        raise RegistryNotFound(f"{root}: no such registry folder")
    registry = Registry(root)
    shown = display_root(root)
    PDF_VERDICTS.prefetch(documents.document_files(_system_folders(root)), documents.read_document)
    for entry in _entries(root):
        path, display = Path(entry.path), f"{shown}/{entry.name}"
        if entry.is_symlink():
            registry.findings.append(Finding(display, 0, 0, "FILE002", "must not be a symlink"))
        elif entry.is_dir():
            _sector(registry, path, display)
        elif entry.name == CALENDAR_FILE:
            registry.calendar, found = load_calendar_overrides(path, display)
            registry.findings += found
        elif entry.name not in ROOT_FILES:
            registry.findings.append(
                Finding(
                    display,
                    0,
                    0,
                    "REG006",
                    "the registry root holds only sector folders, calendar.yaml and README.md",
                )
            )
    registry.findings.extend(_cross_record(registry))
    registry.findings.sort()
    PDF_VERDICTS.save()
    return registry


def _sector(registry: Registry, folder: Path, display: str) -> None:
    record = folder / SECTOR_FILE
    exists = record.exists() or record.is_symlink()
    if exists:
        loaded = load_yaml(record, f"{display}/{SECTOR_FILE}")
        model, found = _check_record(loaded, "sector", Sector)
        registry.findings += loaded.findings + found
        if loaded.data is not None:
            registry.findings += rules.check_sector(loaded, folder.name)
        registry.sectors[folder.name] = SectorEntry(folder.name, folder, loaded, model)
    for entry in _entries(folder):
        child, child_display = Path(entry.path), f"{display}/{entry.name}"
        if entry.name == SECTOR_FILE:
            continue
        if entry.is_symlink():
            registry.findings.append(
                Finding(child_display, 0, 0, "FILE002", "must not be a symlink")
            )
        elif entry.is_dir():
            _system(registry, child, child_display, folder.name, exists)
        else:
            registry.findings.append(
                Finding(
                    child_display,
                    0,
                    0,
                    "REG006",
                    "a sector folder holds only sector.yaml and system folders",
                )
            )


def _system(
    registry: Registry, folder: Path, display: str, sector: str, sector_exists: bool
) -> None:
    record = folder / SYSTEM_FILE
    if not (record.exists() or record.is_symlink()):
        registry.findings.append(
            Finding(display, 0, 0, "REG007", f"this system folder has no {SYSTEM_FILE}")
        )
        return
    loaded = load_yaml(record, f"{display}/{SYSTEM_FILE}")
    model, found = _check_record(loaded, "system", System)
    registry.findings += loaded.findings + found
    entry = SystemEntry(folder.name, sector, folder, loaded, model)
    if loaded.data is not None:
        registry.findings += rules.check_system(loaded, sector, folder.name, sector_exists)
        registry.findings += documents.check_folder(loaded, folder, display, entry.files)
    registry.systems.append(entry)


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
            yield rules.finding(
                later.loaded,
                "REG004",
                ("id",),
                f"'{system_id}' is already used by {same[0].loaded.path}",
            )
    for (sector, number), same in by_number.items():
        for later in same[1:]:
            yield rules.finding(
                later.loaded,
                "REG005",
                ("list_number",),
                f"{number} is already used in the {sector} list by {same[0].loaded.path}",
            )
