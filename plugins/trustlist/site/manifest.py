"""manifest step: what the site is, file by file, so anyone can verify it.

`manifest.json` names the commit the site was built from, each sector list's revision, and the
SHA-256 and size of every published file. `verify_site` recomputes it; a byte changed, a file
missing or a file added is a finding. The manifest can be signed with an SSH key
(`ssh-keygen -Y sign`, the keys git signs commits with) and the signature checked against the
published allowed-signers file.

The build writes the manifest last, once every other file is written, and a failed build
leaves no site folder at all (plugin.on_build_error): a site with a manifest is a whole one.
A manifest that names one path twice (JSON lets a key repeat; a reader keeps one of them) is a
finding of its own (VER007), as is any other key given twice in it.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections import Counter
from pathlib import Path

from . import exports
from ..core.findings import Finding
from ..core.history import History

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"
NAMESPACE = "trustlist-manifest"  # ssh-keygen -Y signatures are bound to a purpose
SCHEMA = "https://trustlist.kz/schemas/v1/export-manifest.schema.json"


def digest_of(data: bytes) -> dict[str, object]:
    """A file's entry in the manifest, from the bytes written to it."""
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _known(digest: dict[str, object] | None, path: str) -> dict[str, object]:
    if digest is not None and digest["size"] == os.stat(path).st_size:  # noqa: PTH116 (a str)
        return digest
    return _digest(path)


def _digest(path: str) -> dict[str, object]:
    sha = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:  # noqa: PTH123 (a str from os.scandir)
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
            size += len(chunk)
    return {"sha256": sha.hexdigest(), "size": size}


def _files(site: Path) -> dict[str, str]:
    """Every file of the site but the manifest and its signature: POSIX name -> path.

    In path order (folder by folder), found with os.scandir and plain strings: Path.rglob,
    a stat per file and sorting Path objects took seconds at 10,000 systems.
    """
    found: list[tuple[str, str]] = []
    _scan(str(site), "", found)
    found.sort(key=lambda item: item[0].split("/"))
    return {name: path for name, path in found if name not in (MANIFEST, SIGNATURE)}


def _scan(folder: str, prefix: str, found: list[tuple[str, str]]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):  # a link to a folder could loop
                _scan(entry.path, f"{prefix}{entry.name}/", found)
            elif entry.is_file():
                found.append((prefix + entry.name, entry.path))


def build_manifest(
    site: Path, history: History | None, written: dict[str, dict[str, object]] | None = None
) -> str:
    """The manifest of the built site in `site` (every file but the manifest and signature).

    `written`: the digests of files the build hashed as it wrote them (name -> `digest_of`),
    taken as they are when the file still has that size; every other file is read."""
    written = written or {}
    lists = {}
    if history is not None:
        for sector, revisions in sorted(history.revisions.items()):
            latest = revisions[-1]
            lists[sector] = {
                "revision": latest.number,
                "commit": latest.commit,
                "issued": latest.issued_text,
            }
    data = {
        "$schema": SCHEMA,
        "source": {
            "commit": history.commit if history else None,
            "draft": bool(history and history.draft),
        },
        "lists": lists,
        "files": {name: _known(written.get(name), path) for name, path in _files(site).items()},
    }
    return exports.dumps(data)


class _Object(dict):
    """A JSON object as read, with the keys it gave more than once (json.loads keeps the last
    value of a repeated key and says nothing)."""

    twice: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, object]]) -> _Object:
    read = _Object(pairs)
    if len(read) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        read.twice = tuple(key for key, count in counts.items() if count > 1)
    return read


def _repeated(value: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """Every key repeated in `value`, read by `_object`, as (the object's path, the key)."""
    found = []
    if isinstance(value, _Object):
        found += [(path, key) for key in value.twice]
        for key, item in value.items():
            found += _repeated(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _repeated(item, (*path, str(index)))
    return found


def verify_site(site: Path) -> list[Finding]:
    """Every difference between the site's files and its manifest."""
    manifest_path = site / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"), object_pairs_hook=_object)
        listed = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        listed = None
    if not isinstance(listed, dict):
        return [Finding.said(str(manifest_path), 0, 0, "VER001", "site.no_manifest")]
    findings = []
    for path, key in _repeated(manifest):
        if path == ("files",):
            findings.append(Finding.said(str(site / key), 0, 0, "VER007", "site.listed_twice"))
        else:
            where = ".".join((*path, key))
            findings.append(
                Finding.said(str(manifest_path), 0, 0, "VER007", "site.key_twice", field=where)
            )
    present = _files(site)
    for name, expected in sorted(listed.items()):
        where = str(site / name)
        if name not in present:
            findings.append(Finding.said(where, 0, 0, "VER002", "site.missing"))
            continue
        actual = _digest(present[name])
        if actual != expected:
            findings.append(
                Finding.said(
                    where,
                    0,
                    0,
                    "VER003",
                    "site.differs",
                    sha256=actual["sha256"],
                    size=actual["size"],
                    listed_sha256=expected.get("sha256"),
                    listed_size=expected.get("size"),
                )
            )
    for name in sorted(present.keys() - listed.keys()):
        findings.append(Finding.said(str(site / name), 0, 0, "VER004", "site.unlisted"))
    return findings


def verify_signature(site: Path, allowed_signers: Path, identity: str) -> list[Finding]:
    """Check manifest.json.sig with `ssh-keygen -Y verify` against an allowed-signers file."""
    signature = site / SIGNATURE
    if not signature.is_file():
        return [Finding.said(str(signature), 0, 0, "VER005", "site.unsigned")]
    with (site / MANIFEST).open("rb") as manifest:
        result = subprocess.run(
            [
                "ssh-keygen",
                "-Y",
                "verify",
                "-f",
                str(allowed_signers),
                "-I",
                identity,
                "-n",
                NAMESPACE,
                "-s",
                str(signature),
            ],
            stdin=manifest,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        why = (result.stderr or result.stdout).strip().splitlines()
        if not why:
            return [
                Finding.said(
                    str(signature), 0, 0, "VER005", "site.signature_failed", identity=identity
                )
            ]
        return [
            Finding.said(
                str(signature),
                0,
                0,
                "VER005",
                "site.signature_invalid",
                identity=identity,
                reason=why[-1],
            )
        ]
    return []


def sign_manifest(site: Path, key: Path) -> Path:
    """Sign manifest.json with an SSH private key; returns the signature's path."""
    subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-q", "-f", str(key), "-n", NAMESPACE, str(site / MANIFEST)],
        check=True,
        capture_output=True,
    )
    return site / SIGNATURE


def compare_sites(built: Path, rebuilt: Path) -> list[Finding]:
    """Files of a published site that a rebuild from the source does not reproduce."""
    a = json.loads(build_manifest(built, None))["files"]
    b = json.loads(build_manifest(rebuilt, None))["files"]
    findings = []
    for name in sorted(a.keys() | b.keys()):
        if a.get(name) != b.get(name):
            state = (
                "not_rebuilt" if name not in b else "only_rebuilt" if name not in a else "rebuilt"
            )
            findings.append(Finding.said(str(built / name), 0, 0, "VER006", f"site.{state}"))
    return findings
