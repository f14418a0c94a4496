"""change step: what a pull request may change, judged against its base.

A pull request is an application; its merge is the body's decision. So the registry's history
must stay trustworthy: a listed system is never deleted (exclusion is a status change), its id
and list number never change, and an application touches only the registry, so that the
sector's reviewers never approve code or workflow changes hidden inside one. Pure: the caller
passes the changed paths and a reader for the base's files (gitrepo.py reads git).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import gitrepo
from .deadlines import Deadline, WorkingCalendar, compute_deadlines
from .findings import Finding, Severity
from .gitrepo import Change
from .load import parse_yaml
from .validate import SYSTEM_FILE, Registry, display_root, validate_registry

# Registry files only the maintainers change, alone (CODEOWNERS gives them to maintainers).
SHARED_FILES = ("calendar.yaml", "README.md")


@dataclass
class ChangeReport:
    """The check of one pull request: findings plus who must review which systems."""

    findings: list[Finding] = field(default_factory=list)
    sectors: dict[str, set[str]] = field(default_factory=dict)  # sector -> changed system ids
    added: set[str] = field(default_factory=set)  # system ids new in this change


def _system_of(path: str, prefix: str) -> tuple[str, str] | None:
    """(sector, system-or-file) for a path inside a sector folder of the registry."""
    parts = path.removeprefix(prefix).split("/")
    if path.startswith(prefix) and len(parts) >= 2:
        return parts[0], parts[1]
    return None


def check_change(
    changes: tuple[Change, ...],
    registry: Registry,
    read_base: Callable[[str], bytes | None],
    base_name: str,
    registry_prefix: str = "registry/",
) -> ChangeReport:
    out = ChangeReport()
    registry_paths = [c for c in changes if c.path.startswith(registry_prefix)]
    other_paths = [c for c in changes if not c.path.startswith(registry_prefix)]
    if registry_paths and other_paths:
        for c in other_paths:
            out.findings.append(
                Finding(
                    c.path,
                    0,
                    0,
                    "CHG003",
                    "an application changes only registry/: move this change to its own pull "
                    "request for the maintainers",
                )
            )
    shared_paths = {registry_prefix + name for name in SHARED_FILES}
    shared = [c for c in registry_paths if c.path in shared_paths]
    if shared and len(shared) != len(registry_paths):
        for c in shared:
            out.findings.append(
                Finding(
                    c.path,
                    0,
                    0,
                    "CHG003",
                    "this file is the maintainers': change it in its own pull request",
                )
            )
    for c in registry_paths:
        where = _system_of(c.path, registry_prefix)
        if where is None:
            continue
        sector, system = where
        out.sectors.setdefault(sector, set())
        if system == "sector.yaml":
            continue
        out.sectors[sector].add(system)
        if c.path == f"{registry_prefix}{sector}/{system}/{SYSTEM_FILE}":
            out.findings += _record_change(c, sector, system, registry, read_base, base_name, out)
        elif c.status == "D":
            out.findings.append(
                Finding(
                    c.path,
                    0,
                    0,
                    "CHG004",
                    "a published document is removed; its earlier version stays in the git "
                    "history, and the record must no longer list it",
                    severity=Severity.WARNING,
                )
            )
    return out


def _list_number(raw: bytes | None, display: str) -> int | None:
    if raw is None:
        return None
    data = parse_yaml(raw, display).data
    value = data.get("list_number") if isinstance(data, dict) else None
    return value if isinstance(value, int) else None


def _record_change(
    c: Change,
    sector: str,
    system: str,
    registry: Registry,
    read_base: Callable[[str], bytes | None],
    base_name: str,
    out: ChangeReport,
) -> list[Finding]:
    if c.status == "A":
        out.added.add(system)
        return []
    before = _list_number(read_base(c.path), f"{c.path}@{base_name}")
    if c.status == "D":
        return [
            Finding(
                c.path,
                0,
                0,
                "CHG001",
                f"the record of '{system}' is deleted; a listed system is never removed: set "
                "status.state to suspended or excluded, with since and reason",
            )
        ]
    entry = next((e for e in registry.systems if e.id == system and e.sector == sector), None)
    if entry is None or entry.model is None or before is None:
        return []  # the validator already reports a record it cannot read
    if entry.model.list_number != before:
        line, column = entry.loaded.locate(("list_number",))
        return [
            Finding(
                c.path,
                line,
                column,
                "CHG002",
                f"was {before} in {base_name}; a list number never changes once published",
                "list_number",
            )
        ]
    return []


@dataclass
class PullRequestCheck:
    """Everything `trustlist check` reports: the registry at HEAD and the change against base."""

    registry: Registry
    change: ChangeReport
    base: str
    deadlines: dict[str, list[Deadline]] = field(default_factory=dict)  # system id -> terms

    @property
    def findings(self) -> list[Finding]:
        return sorted(self.registry.findings + self.change.findings)


def check_pull_request(
    registry_dir: Path, base: str, today: date | None = None
) -> PullRequestCheck:
    """Validate the registry as it is now and judge the commits since `base` (gitrepo.GitError
    when git cannot answer)."""
    repo = gitrepo.open_repo(registry_dir)
    comparison = gitrepo.compare(repo, base)
    registry = validate_registry(registry_dir)
    # Paths in git are relative to the repository; the registry folder may sit below it.
    prefix = Path(registry_dir).resolve().relative_to(Path(repo.working_dir).resolve())
    display = display_root(Path(registry_dir)).rstrip("/") + "/"
    changes = tuple(
        gitrepo.Change(c.status, display + c.path.removeprefix(f"{prefix.as_posix()}/"))
        if c.path.startswith(f"{prefix.as_posix()}/")
        else c
        for c in comparison.changes
    )
    report = check_change(
        changes,
        registry,
        lambda path: gitrepo.read_at(
            repo, comparison.base, f"{prefix.as_posix()}/{path.removeprefix(display)}"
        ),
        base,
        registry_prefix=display,
    )
    calendar = WorkingCalendar(registry.calendar)
    result = PullRequestCheck(registry, report, base)
    for system_id in sorted(report.added | {s for ids in report.sectors.values() for s in ids}):
        entry = next((e for e in registry.systems if e.id == system_id), None)
        if entry is None or entry.model is None:
            continue
        application = entry.model.application
        result.deadlines[system_id] = compute_deadlines(
            calendar, application.submitted, application.resubmitted, today=today
        )
    return result
