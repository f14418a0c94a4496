"""verify step: a published site checked from outside, against its manifest (manifest.py).

`trustlist verify` takes a folder or a site's address. Given an address it fetches the
manifest, its signature and file list, and every file the manifest names, into a folder
(bounded per file and in all, resumable: a file already there with the listed hash is not
fetched again), then checks the folder. Without the body's key it checks the hashes and says
that the signature was NOT checked (VER011, and an exit code of its own); with it, both.
`as_of` checks a mirror against the state published on a day, as the site's archive keeps
it (archive.py): the manifest of the last deploy made by the end of that day, UTC+5.

Only the standard library's urllib fetches: the command fetches only what the user named.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import TextIO
from urllib.parse import quote, urlsplit

from .. import __version__
from ..core.decisions import KZ_TIME
from ..core.findings import Finding, Severity, UsageError
from ..core.messages import say
from .manifest import (
    BESIDE,
    FILE_LIST,
    MANIFEST,
    SIGNATURE,
    _digest,
    read_manifest,
    verify_signature,
    verify_site,
)
from .outputs import ARCHIVE_INDEX

MAX_FILE = 256 << 20  # no document or page of the site comes near it
MAX_TOTAL = 8 << 30  # the whole site at national scale is about 1 GB
TIMEOUT = 60  # seconds without a byte before a fetch is given up
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\\]")


@dataclass
class Outcome:
    """What `verify` found, and whether the manifest's signature was checked."""

    key: str  # what was checked, as messages/report.py says it (`subject`, `said`)
    values: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    signature_checked: bool = False

    def said(self, lang: str) -> str:
        return say(self.key, lang, **self.values)

    @property
    def subject(self) -> str:
        return self.said("en")

    @property
    def valid(self) -> bool:
        return not any(f.severity == Severity.ERROR for f in self.findings)


class FetchError(Exception):
    """A file the site did not give: `missing` when it answered 404 (not in the site)."""

    def __init__(self, reason: str, missing: bool = False) -> None:
        super().__init__(reason)
        self.missing = missing


def is_address(site: str) -> bool:
    return urlsplit(site).scheme in ("http", "https")


def site_root(address: str) -> str:
    """The site's root address, ending in /, from its address or its manifest's."""
    address = address.removesuffix(MANIFEST)
    return address if address.endswith("/") else address + "/"


def default_folder(address: str) -> Path:
    """Where a site is fetched unless told: a folder named after its host (and port)."""
    return Path(urlsplit(address).netloc.replace(":", "_") or "site")


def parse_size(text: str) -> int:
    """A size in bytes, with an optional K, M or G (powers of 1024)."""
    match = re.fullmatch(r"\s*([0-9]+)\s*([KMG]?)i?B?\s*", text, re.IGNORECASE)
    if not match:
        raise UsageError.said("verify.bad_size", value=text)
    shift = {"": 0, "K": 10, "M": 20, "G": 30}[match[2].upper()]
    return int(match[1]) << shift


def _get(url: str, limit: int) -> bytes:
    """The bytes at `url`, at most `limit` of them."""
    agent = {"User-Agent": f"trustlist/{__version__}"}
    request = urllib.request.Request(url, headers=agent)  # noqa: S310 (http(s): is_address)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            data = response.read(limit + 1)
    except urllib.error.HTTPError as err:
        raise FetchError(f"HTTP {err.code} {err.reason}", missing=err.code in (404, 410)) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", None) or err
        raise FetchError(str(reason)) from None
    if len(data) > limit:
        raise FetchError(f"larger than {limit} bytes")
    return data


def _inside(root: Path, name: str) -> Path | None:
    """Where `name`, a manifest's path, goes under `root`; None for a name that is not a
    plain relative path inside the site (a manifest could name ../../.bashrc)."""
    parts = name.split("/")
    if (
        not name
        or _UNSAFE.search(name)
        or name in BESIDE
        or any(part in ("", ".", "..") for part in parts)
    ):
        return None
    target = root.joinpath(*parts)
    real, top = os.path.realpath(target), os.path.realpath(root)
    return target if real.startswith(top + os.sep) else None


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    try:
        part.write_bytes(data)
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)


class _Progress:
    """One line on stderr, rewritten as files come, when stderr is a terminal."""

    def __init__(self, count: int, stream: TextIO | None) -> None:
        self.count, self.done, self.fetched, self.bytes = count, 0, 0, 0
        self.stream = stream if stream is not None and stream.isatty() else None

    def step(self, size: int = 0, fetched: bool = False) -> None:
        self.done += 1
        self.fetched += fetched
        self.bytes += size
        if self.stream is not None:
            self.stream.write(
                f"\r{self.done}/{self.count} files checked, {self.fetched} fetched "
                f"({self.bytes / 1048576:.1f} MB)"
            )
            self.stream.flush()

    def end(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()


def fetch_site(
    address: str,
    into: Path,
    max_file: int = MAX_FILE,
    max_total: int = MAX_TOTAL,
    progress: TextIO | None = None,
) -> tuple[list[Finding], set[str], bool]:
    """Fetch the site at `address` into the folder `into`: its manifest, signature and file
    list, then each file the manifest names that the folder does not already hold with the
    listed hash. Returns what could not be fetched (VER009), the local paths it concerns
    (a missing file, answered 404, is left for verify_site to call missing), and whether
    there is anything to verify (not when the manifest could not be fetched, nor when the
    files it names are over the limit in all)."""
    root = site_root(address)
    into.mkdir(parents=True, exist_ok=True)
    try:
        # The manifest names every file: bounded by the whole site's limit, not one file's.
        manifest = _get(root + MANIFEST, max_total)
    except FetchError as err:
        where = root + MANIFEST
        found = [Finding.said(where, 0, 0, "VER009", "site.fetch_failed", reason=str(err))]
        return found, set(), False
    _write(into / MANIFEST, manifest)
    findings: list[Finding] = []
    failed: set[str] = set()
    for beside in (SIGNATURE, FILE_LIST):  # each may be absent: an unsigned or older site
        try:
            _write(into / beside, _get(root + beside, max_total))
        except FetchError as err:
            (into / beside).unlink(missing_ok=True)
            if not err.missing:
                findings.append(
                    Finding.said(
                        root + beside, 0, 0, "VER009", "site.fetch_failed", reason=str(err)
                    )
                )
    listed, _ = read_manifest(manifest)
    if listed is None:
        return findings, failed, True  # verify_site says it is not a manifest
    sizes = [e.get("size") for e in listed.values() if isinstance(e, dict)]
    total = sum(s for s in sizes if isinstance(s, int) and s > 0)
    if total > max_total:
        findings.append(
            Finding.said(
                root + MANIFEST, 0, 0, "VER009", "site.total_too_large", size=total, limit=max_total
            )
        )
        return findings, failed, False
    shown = _Progress(len(listed), progress)
    try:
        for name, expected in listed.items():
            target = _inside(into, name)
            url = root + quote(name, safe="/")
            if target is None:
                findings.append(Finding.said(url, 0, 0, "VER009", "site.bad_path"))
                failed.add(str(into / name))
                shown.step()
                continue
            if target.is_file() and _digest(str(target)) == expected:
                shown.step()
                continue  # fetched before (a resumed fetch): not again
            size = expected.get("size") if isinstance(expected, dict) else None
            if isinstance(size, int) and size > max_file:
                findings.append(Finding.said(url, 0, 0, "VER009", "site.too_large", limit=max_file))
                failed.add(str(target))
                shown.step()
                continue
            try:
                data = _get(url, max_file)
            except FetchError as err:
                target.unlink(missing_ok=True)  # a stale copy is not what the site serves
                if not err.missing:
                    findings.append(
                        Finding.said(url, 0, 0, "VER009", "site.fetch_failed", reason=str(err))
                    )
                    failed.add(str(target))
                shown.step()
                continue
            _write(target, data)
            shown.step(len(data), fetched=True)
    finally:
        shown.end()
    return findings, failed, True


@dataclass(frozen=True)
class State:
    """A published state, as the archive keeps it: its manifest's bytes and signature."""

    published: str
    manifest: bytes
    signature: bytes | None
    where: str  # the archived manifest's path or address


def archived_state(
    source: str, day: date, max_file: int = MAX_FILE
) -> tuple[State | None, list[Finding]]:
    """The state `source` (a site's folder or address) had published by the end of `day`
    in Kazakhstan: the last deploy in its archive/index.json made by then."""
    address = is_address(source)
    root = site_root(source) if address else source

    def read(name: str) -> bytes:
        if address:
            return _get(root + quote(name, safe="/"), max_file)
        try:
            return (Path(root) / name).read_bytes()
        except OSError as err:
            raise FetchError(err.strerror or str(err), missing=True) from None

    where = (root + ARCHIVE_INDEX) if address else str(Path(root) / ARCHIVE_INDEX)
    try:
        states = json.loads(read(ARCHIVE_INDEX))["states"]
        published = [(datetime.fromisoformat(s["published"]), s) for s in states]
    except (FetchError, ValueError, KeyError, TypeError):
        return None, [Finding.said(where, 0, 0, "VER010", "site.no_archive")]
    end = datetime.combine(day, time(23, 59, 59), KZ_TIME)
    made = [s for when, s in sorted(published, key=lambda p: p[0]) if when <= end]
    if not made:
        first = min((s["published"] for _, s in published), default="-")
        return None, [
            Finding.said(where, 0, 0, "VER010", "site.before_archive", date=day, first=first)
        ]
    chosen = made[-1]
    name = str(chosen.get("manifest") or "")
    shown = (root + name) if address else str(Path(root) / name)
    if _inside(Path(), name) is None:
        return None, [Finding.said(shown, 0, 0, "VER010", "site.no_archive")]
    try:
        manifest = read(name)
    except FetchError as err:
        return None, [Finding.said(shown, 0, 0, "VER009", "site.fetch_failed", reason=str(err))]
    signature = None
    if chosen.get("signature") and _inside(Path(), str(chosen["signature"])) is not None:
        try:
            signature = read(str(chosen["signature"]))
        except FetchError:
            signature = None
    return State(str(chosen["published"]), manifest, signature, shown), []


def verify(
    site: str,
    *,
    into: Path | None = None,
    as_of: date | None = None,
    archive: str | None = None,
    allowed_signers: Path | None = None,
    identity: str = "trustlist",
    max_file: int = MAX_FILE,
    max_total: int = MAX_TOTAL,
    progress: TextIO | None = sys.stderr,
) -> Outcome:
    """Check a site (a folder, or an address fetched into `into`) against its manifest, or
    (`as_of`) against the state the archive of `archive` (default: the site) kept for that
    day; with `allowed_signers`, the manifest's signature too."""
    if is_address(site):
        if as_of is not None:
            raise UsageError.said("verify.as_of_folder")
        folder = into or default_folder(site)
        outcome = Outcome("report.verify_fetched", {"site": site, "folder": str(folder)})
        fetched, failed, whole = fetch_site(site, folder, max_file, max_total, progress)
        if not whole:
            outcome.findings = fetched
            return outcome
        # Files of the folder the manifest does not name say nothing of the site, which
        # cannot be listed over HTTP: what the site adds shows in its files.txt (VER008).
        found = verify_site(folder, extra=False)
        outcome.findings = fetched + [
            f for f in found if not (f.code in ("VER002", "VER003") and f.path in failed)
        ]
    else:
        folder = Path(site)
        if as_of is None:
            outcome = Outcome("report.verify", {"site": site})
            outcome.findings = verify_site(folder)
        else:
            outcome = Outcome("report.verify_as_of", {"site": site, "day": as_of.isoformat()})
            state, outcome.findings = archived_state(archive or site, as_of, max_file)
            if state is None:
                return outcome
            outcome.key = "report.verify_published"
            outcome.values = {"site": site, "when": state.published, "where": state.where}
            outcome.findings = verify_site(folder, manifest=state.manifest)
            own = folder / MANIFEST
            if own.is_file() and own.read_bytes() != state.manifest:
                outcome.findings.append(
                    Finding.said(
                        str(own),
                        0,
                        0,
                        "VER010",
                        "site.not_as_archived",
                        date=as_of.isoformat(),
                        archived=state.where,
                    )
                )
            if allowed_signers is not None:
                outcome.findings += _archived_signature(state, allowed_signers, identity)
                outcome.signature_checked = True
            else:
                outcome.findings.append(_not_checked(state.where))
            return outcome
    if allowed_signers is not None:
        outcome.findings += verify_signature(folder, allowed_signers, identity)
        outcome.signature_checked = True
    else:
        outcome.findings.append(
            _not_checked(site_root(site) + MANIFEST if is_address(site) else str(folder / MANIFEST))
        )
    return outcome


def _archived_signature(state: State, allowed_signers: Path, identity: str) -> list[Finding]:
    with tempfile.TemporaryDirectory(prefix="trustlist-archived-") as scratch:
        manifest = Path(scratch) / MANIFEST
        manifest.write_bytes(state.manifest)
        signature = Path(scratch) / SIGNATURE
        if state.signature is not None:
            signature.write_bytes(state.signature)
        found = verify_signature(Path(scratch), allowed_signers, identity, manifest, signature)
    where = state.where.removesuffix(MANIFEST) + SIGNATURE
    return [replace(f, path=where) for f in found]


def _not_checked(where: str) -> Finding:
    return Finding.said(
        where, 0, 0, "VER011", "site.signature_not_checked", severity=Severity.WARNING
    )
