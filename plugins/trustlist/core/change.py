"""change step: what a pull request may change, judged against its base.

A pull request is an application; its merge is the body's decision. So the registry's history
must stay trustworthy: a listed system is never deleted (exclusion is a status change), its id,
list number and published decision never change, the body's fields change only with the
signature of one of the sector's decision keys (decisions.py), and an application touches only
the registry, so that the sector's reviewers never approve code or workflow changes hidden
inside one. `check_change` is pure: the caller passes the changed paths and a reader for the
base's files (gitrepo.py reads git).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import decisions, gitrepo
from .deadlines import Deadline, WorkingCalendar, application_deadlines
from .findings import Finding, Severity
from .gitrepo import Change
from .journal import JOURNAL_FILE
from .load import Loaded, parse_yaml
from .memory import Memory
from .rules import said
from .validate import (
    SECTOR_FILE,
    SYSTEM_FILE,
    Registry,
    SystemEntry,
    display_root,
    validate_registry,
)

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
            out.findings.append(Finding.said(c.path, 0, 0, "CHG003", "chg.not_registry"))
    shared_paths = {registry_prefix + name for name in SHARED_FILES}
    # A sector's record names its reviewers and decision keys: it changes alone, too.
    shared = [
        c for c in registry_paths if c.path in shared_paths or c.path.endswith(f"/{SECTOR_FILE}")
    ]
    if shared and len(shared) != len(registry_paths):
        for c in shared:
            out.findings.append(Finding.said(c.path, 0, 0, "CHG003", "chg.shared_file"))
    keys: dict[str, list[str]] = {}  # sector -> its decision keys in the base
    for c in registry_paths:
        where = _system_of(c.path, registry_prefix)
        if where is None:
            continue
        sector, system = where
        out.sectors.setdefault(sector, set())
        if system == SECTOR_FILE:
            continue
        if system == JOURNAL_FILE:
            if sector not in keys:
                keys[sector] = _decision_keys(read_base(f"{registry_prefix}{sector}/{SECTOR_FILE}"))
            base = _data(read_base(c.path), f"{c.path}@{base_name}") or {}
            out.findings += _journal_change(c, sector, registry, base, base_name, keys[sector])
            continue
        out.sectors[sector].add(system)
        if c.path == f"{registry_prefix}{sector}/{system}/{SYSTEM_FILE}":
            if c.status == "A":
                out.added.add(system)
            if sector not in keys:
                keys[sector] = _decision_keys(read_base(f"{registry_prefix}{sector}/{SECTOR_FILE}"))
            entry = next((e for e in registry.systems if (e.sector, e.id) == where), None)
            before = _data(read_base(c.path), f"{c.path}@{base_name}") or {}
            out.findings += _record_change(c, system, entry, before, base_name)
            out.findings += _body_change(c, sector, entry, before, base_name, keys[sector])
        elif c.status == "D":
            out.findings.append(
                Finding.said(c.path, 0, 0, "CHG004", "chg.document_removed", "", WARNING)
            )
    return out


WARNING = Severity.WARNING


def _data(raw: bytes | None, display: str) -> dict | None:
    if raw is None:
        return None
    data = parse_yaml(raw, display).data
    return data if isinstance(data, dict) else None


def _decision_keys(raw: bytes | None) -> list[str]:
    """The base's decision keys of a sector: a pull request cannot bring its own."""
    data = _data(raw, SECTOR_FILE) or {}
    keys = data.get("decision_keys")
    return [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []


def _record_change(
    c: Change, system: str, entry: SystemEntry | None, before: dict, base_name: str
) -> list[Finding]:
    """A listed system is never deleted, and its list number never changes."""
    if c.status == "D":
        return [Finding.said(c.path, 0, 0, "CHG001", "chg.record_deleted", system=system)]
    number = before.get("list_number")
    if entry is None or entry.model is None or not isinstance(number, int):
        return []  # a new record, or one the validator already reports it cannot read
    if entry.model.list_number != number:
        return [
            said(
                entry.loaded,
                "CHG002",
                ("list_number",),
                "chg.list_number",
                before=number,
                base=base_name,
            )
        ]
    return []


def _body_change(
    c: Change,
    sector: str,
    entry: SystemEntry | None,
    before: dict,
    base_name: str,
    keys: list[str],
) -> list[Finding]:
    """The body's fields: a published decision never changes (DEC002), and any change of
    them carries a valid signature of one of the sector's decision keys (DEC001)."""
    after = entry.loaded.data if entry is not None else None
    if c.status == "D" or not isinstance(after, dict):
        return []
    found = []
    published = before.get("decision")
    if isinstance(published, dict):
        now = after.get("decision") if isinstance(after.get("decision"), dict) else {}
        for field in ("date", "reference"):
            if now.get(field) != published.get(field):
                where = ("decision", field) if field in now else ("decision",)
                found.append(
                    said(
                        entry.loaded,
                        "DEC002",
                        where,
                        "dec.published",
                        field=field,
                        value=published.get(field),
                        base=base_name,
                    )
                )
    changed = decisions.body_part(before) != decisions.body_part(after)
    if not (changed or _signature(before) != _signature(after)):
        return found
    if not decisions.body_part(after):
        return found  # the body's fields removed: a published decision, caught above
    verdict = decisions.verify(after, keys, _signature(before))
    if not verdict.valid:
        signed = _signature(after) is not None
        found.append(_unsigned(entry.loaded, ("decision",), signed, verdict, sector))
    return found


def _unsigned(
    loaded: Loaded, where: tuple[str | int, ...], signed: bool, verdict, sector: str
) -> Finding:
    """DEC001 at the signature, or at what lacks one: why it does not make a decision."""
    at = (*where, "signature") if signed else where
    return said(loaded, "DEC001", at, f"dec.{verdict.signer}", sector=sector)


def _journal_change(
    c: Change, sector: str, registry: Registry, before: dict, base_name: str, keys: list[str]
) -> list[Finding]:
    """A sector's journal of closed applications only grows: each published entry stays as it
    was (DEC002), and each new one carries the signature of one of the sector's decision keys
    over it (DEC001)."""
    if c.status == "D":
        return [Finding.said(c.path, 0, 0, "DEC002", "dec.journal_removed", base=base_name)]
    journal = registry.journals.get(sector)
    if journal is None:
        return []
    loaded = journal.loaded
    old = before.get("closed") if isinstance(before.get("closed"), list) else []
    new = loaded.data.get("closed") if isinstance(loaded.data, dict) else None
    new = new if isinstance(new, list) else []
    found = []
    for index, entry in enumerate(old):
        if index >= len(new) or new[index] != entry:
            where = ("closed", index) if index < len(new) else ("closed",)
            found.append(
                said(loaded, "DEC002", where, "dec.closed_changed", index=index + 1, base=base_name)
            )
    for index in range(len(old), len(new)):
        entry = new[index]
        if not isinstance(entry, dict):
            continue  # the validator reports it
        text = decisions.closed_text(sector, index, entry)
        verdict = decisions.verify_text(text, entry.get("signature"), keys)
        if not verdict.valid:
            signed = entry.get("signature") is not None
            found.append(_unsigned(loaded, ("closed", index), signed, verdict, sector))
    return found


def _signature(data: dict) -> object:
    decision = data.get("decision")
    return decision.get("signature") if isinstance(decision, dict) else None


@dataclass
class PullRequestCheck:
    """Everything `trustlist check` reports: the registry as committed at the head and the
    change against base."""

    registry: Registry
    change: ChangeReport
    base: str
    head: str = ""  # the commit judged
    uncommitted: bool = False  # the work tree differs from it: those changes are not judged
    deadlines: dict[str, list[Deadline]] = field(default_factory=dict)  # system id -> terms
    awaiting: set[str] = field(default_factory=set)  # applications without the body's decision

    @property
    def findings(self) -> list[Finding]:
        return sorted(self.registry.findings + self.change.findings)


def check_pull_request(
    registry_dir: Path,
    base: str,
    today: date | None = None,
    head: str = "HEAD",
    memory: Memory | None = None,
) -> PullRequestCheck:
    """Validate the registry as committed at `head` and judge its commits since `base`
    (gitrepo.GitError when git cannot answer). A file never committed is not in the
    application, whatever the work tree holds. `memory`: as validate_registry's."""
    repo = gitrepo.open_repo(registry_dir)
    comparison = gitrepo.compare(repo, base, head)
    # Paths in git are relative to the repository; the registry folder may sit below it.
    prefix = Path(registry_dir).resolve().relative_to(Path(repo.working_dir).resolve())
    display = display_root(Path(registry_dir)).rstrip("/") + "/"
    with tempfile.TemporaryDirectory() as scratch:
        committed = gitrepo.export_tree(repo, comparison.head, prefix.as_posix(), Path(scratch))
        validated = validate_registry(committed, memory=memory)
        registry = _relocated(validated, display_root(committed) + "/", display)
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
    # Only the work tree's own commit can have changes left out of it.
    uncommitted = head == "HEAD" and gitrepo.has_uncommitted(repo, prefix.as_posix())
    result = PullRequestCheck(registry, report, base, comparison.head, uncommitted)
    calendar = WorkingCalendar(registry.calendar)
    for system_id in sorted(report.added | {s for ids in report.sectors.values() for s in ids}):
        entry = next((e for e in registry.systems if e.id == system_id), None)
        if entry is None or entry.model is None:
            continue
        result.deadlines[system_id] = application_deadlines(calendar, entry.model, today)
        if not entry.model.decided:
            result.awaiting.add(system_id)
    return result


def _relocated(registry: Registry, old: str, new: str) -> Registry:
    """The registry validated in a scratch folder, its paths said as the user's own."""
    registry.findings = [
        replace(f, path=new + f.path.removeprefix(old)) if f.path.startswith(old) else f
        for f in registry.findings
    ]
    for entry in [*registry.systems, *registry.sectors.values()]:
        entry.loaded.path = new + entry.loaded.path.removeprefix(old)
    return registry
