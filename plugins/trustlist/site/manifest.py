"""manifest step: what the site is, file by file, so anyone can verify it.

`manifest.json` names the commit the site was built from, each sector list's revision, and the
SHA-256 and size of every published file. `verify_site` recomputes it; a byte changed, a file
missing or a file added is a finding. The manifest can be signed with an SSH key
(`ssh-keygen -Y sign`, the keys git signs commits with) and the signature checked against the
published allowed-signers file.

Beside the manifest, and derived from it, `files.txt` names every file of the site, one
path a line relative to the site's root (URL-quoted): the manifest, its signature where there
is one, the list itself, then the manifest's files in its order. `wget -i <site>/files.txt`
resolves each line against the list's own address, so it fetches the whole site, pages that no
page links included, wherever the site is served. It is not in the manifest (it names the
signature, which is made after the manifest): `verify_site` checks that it is exactly the list
the manifest makes (VER008), so the manifest's signature covers it too.

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
from urllib.parse import quote, unquote

from ..core.findings import Finding
from ..core.history import History
from . import exports

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"
FILE_LIST = "files.txt"
BESIDE = (MANIFEST, SIGNATURE, FILE_LIST)  # the files a manifest cannot list
NAMESPACE = "trustlist-manifest"  # ssh-keygen -Y signatures are bound to a purpose
SCHEMA_NAME = "export-manifest.schema.json"


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
    """Every file of the site but the manifest, its signature and the file list: POSIX
    name -> path.

    In path order (folder by folder), found with os.scandir and plain strings: Path.rglob,
    a stat per file and sorting Path objects took seconds at 10,000 systems.
    """
    found: list[tuple[str, str]] = []
    _scan(str(site), "", found)
    found.sort(key=lambda item: item[0].split("/"))
    return {name: path for name, path in found if name not in BESIDE}


def _scan(folder: str, prefix: str, found: list[tuple[str, str]]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):  # a link to a folder could loop
                _scan(entry.path, f"{prefix}{entry.name}/", found)
            elif entry.is_file():
                found.append((prefix + entry.name, entry.path))


def schema_reference(site_url: str | None = None) -> str:
    """The manifest's `$schema`: its schema as the site publishes it, at the site's address
    (`site_url`, ending in /) or, without one, relative to the manifest, which is at the
    site's root (a body's bundle's too, which carries the schemas): either way a file of the
    site itself, never an address of a host the site is not on."""
    return exports.schema_url(site_url, SCHEMA_NAME) if site_url else exports.SCHEMAS + SCHEMA_NAME


def build_manifest(
    site: Path,
    history: History | None,
    written: dict[str, dict[str, object]] | None = None,
    site_url: str | None = None,
) -> str:
    """The manifest of the built site in `site` (every file but the manifest and signature).

    `written`: the digests of files the build hashed as it wrote them (name -> `digest_of`),
    taken as they are when the file still has that size; every other file is read.
    `site_url`: the site's address, where its `$schema` is (`schema_reference`)."""
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
        "$schema": schema_reference(site_url),
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


def read_manifest(text: bytes | str) -> tuple[dict | None, list[tuple[tuple[str, ...], str]]]:
    """A manifest's `files` object (None when it is not a manifest) and every key it repeats."""
    try:
        manifest = json.loads(text, object_pairs_hook=_object)
        listed = manifest["files"]
    except (ValueError, KeyError, TypeError):
        return None, []
    if not isinstance(listed, dict):
        return None, []
    return listed, _repeated(manifest)


def verify_site(site: Path, manifest: bytes | None = None, extra: bool = True) -> list[Finding]:
    """Every difference between the site's files and its manifest (or `manifest`, the bytes
    of another: an archived state's), each file named: missing, changed, or (`extra`) present
    but not listed; and a file list (files.txt) that is not the manifest's."""
    manifest_path = site / MANIFEST
    if manifest is None:
        try:
            manifest = manifest_path.read_bytes()
        except OSError:
            manifest = b""
    listed, repeated = read_manifest(manifest)
    if listed is None:
        return [Finding.said(str(manifest_path), 0, 0, "VER001", "site.no_manifest")]
    findings = []
    for path, key in repeated:
        if path == ("files",):
            findings.append(Finding.said(str(site / key), 0, 0, "VER007", "site.listed_twice"))
        else:
            where = ".".join((*path, key))
            findings.append(
                Finding.said(str(manifest_path), 0, 0, "VER007", "site.key_twice", field=where)
            )
    present = _files(site)
    for name, expected in listed.items():
        where = str(site / name)
        if name not in present:
            findings.append(Finding.said(where, 0, 0, "VER002", "site.missing"))
            continue
        actual = _digest(present[name])
        if not isinstance(expected, dict) or actual != expected:
            expected = expected if isinstance(expected, dict) else {}
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
    if extra:
        for name in sorted(present.keys() - listed.keys()):
            findings.append(Finding.said(str(site / name), 0, 0, "VER004", "site.unlisted"))
    findings += verify_file_list(site, manifest)
    return findings


def file_names(manifest: bytes | str, signed: bool) -> list[str]:
    """What files.txt names for a manifest: the manifest, its signature (`signed`), the list
    itself, then every file of the manifest in its order."""
    listed, _ = read_manifest(manifest)
    return [MANIFEST, *([SIGNATURE] if signed else []), FILE_LIST, *(listed or {})]


def file_list(manifest: bytes | str, signed: bool) -> str:
    """files.txt for a manifest: each name URL-quoted, a line each, relative to the site's
    root (wget resolves a line against the list's address)."""
    return "".join(f"{quote(name, safe='/')}\n" for name in file_names(manifest, signed))


def write_file_list(site: Path) -> Path:
    """Write `site`/files.txt from its manifest, naming the signature if there is one."""
    manifest = (site / MANIFEST).read_bytes()
    path = site / FILE_LIST
    path.write_text(file_list(manifest, (site / SIGNATURE).is_file()), encoding="utf-8")
    return path


def verify_file_list(site: Path, manifest: bytes) -> list[Finding]:
    """files.txt, where the site has one, against the list its manifest makes: each name it
    adds or leaves out is named; otherwise the first line out of order."""
    path = site / FILE_LIST
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError):
        lines = ["(unreadable)"]
    expected = file_names(manifest, (site / SIGNATURE).is_file())
    found = [unquote(line) for line in lines]
    named, wanted = set(found), set(expected)
    findings = [
        Finding.said(str(site / name), 0, 0, "VER008", "site.file_list_extra")
        for name in found
        if name not in wanted
    ]
    findings += [
        Finding.said(str(site / name), 0, 0, "VER008", "site.file_list_missing")
        for name in expected
        if name not in named
    ]
    if not findings and found != expected:
        # A name out of place, or given twice (the shorter list ends first).
        pairs = enumerate(zip(found, expected, strict=False))
        line = next((at for at, (a, b) in pairs if a != b), min(len(found), len(expected)))
        findings.append(
            Finding.said(
                str(path),
                line + 1,
                0,
                "VER008",
                "site.file_list",
                line=line + 1,
                found=found[line] if line < len(found) else "(end)",
                expected=expected[line] if line < len(expected) else "(end)",
            )
        )
    return findings


def verify_signature(
    site: Path,
    allowed_signers: Path,
    identity: str,
    manifest: Path | None = None,
    signature: Path | None = None,
) -> list[Finding]:
    """Check manifest.json.sig with `ssh-keygen -Y verify` against an allowed-signers file
    (or `signature` over `manifest`: an archived state's)."""
    signature = signature or site / SIGNATURE
    if not signature.is_file():
        return [Finding.said(str(signature), 0, 0, "VER005", "site.unsigned")]
    with (manifest or site / MANIFEST).open("rb") as signed:
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
            stdin=signed,
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
    """Sign manifest.json with an SSH private key, and write files.txt (which names the
    signature); returns the signature's path."""
    subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-q", "-f", str(key), "-n", NAMESPACE, str(site / MANIFEST)],
        check=True,
        capture_output=True,
    )
    write_file_list(site)
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
