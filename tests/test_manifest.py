"""A verifiable site: the story repository built by real MkDocs gives the same bytes in any
time zone, locale, path or umask; its manifest catches one changed byte, a missing and an extra
file; its SSH signature verifies; a rebuild from the source matches; a shallow clone stops
the build and uncommitted changes mark a draft."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SYSTEM, edit, git
from helpers import CONFIG, story

TRUSTLIST = Path(sys.executable).with_name("trustlist")
MKDOCS = Path(sys.executable).with_name("mkdocs")


def build(root: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-d", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**clean, "NO_MKDOCS_2_WARNING": "1", **env},
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import BASE

    root = tmp_path_factory.mktemp("story") / "repo"
    shutil.copytree(BASE, root)
    (root / "mkdocs.yml").write_text(
        CONFIG.replace("site_name: Test register", "site_name: Test register\nsite_url: "
                       "https://trustlist.example.kz/"), encoding="utf-8"
    )  # fmt: skip
    (root / "docs").mkdir()
    (root / "docs/.keep").write_text("", encoding="utf-8")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    story(root)
    return root


@pytest.fixture(scope="module")
def site(repository: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "site"
    result = build(repository, out)
    assert result.returncode == 0, result.stderr
    return out


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_same_commit_same_bytes_anywhere(repository: Path, site: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "another" / "checkout path"
    subprocess.run(["git", "clone", "-q", str(repository), str(elsewhere)], check=True)
    shutil.copy(repository / "mkdocs.yml", elsewhere / "mkdocs.yml")
    (elsewhere / "docs").mkdir(exist_ok=True)
    out = tmp_path / "rebuilt"
    old = os.umask(0o077)
    try:
        result = build(elsewhere, out, TZ="America/New_York", LC_ALL="C", LANG="C")
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    first, second = files(site), files(out)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    assert "sitemap.xml.gz" in first


def test_history_is_on_the_site(site: Path) -> None:
    history = (site / "en/health/history/index.html").read_text(encoding="utf-8")
    for number in range(1, 7):
        assert f'id="r{number}"' in history
    assert "excluded from the list since 1 August 2026" in history
    assert '<time datetime="2026-08-01T10:00:00+05:00">1 August 2026, 10:00</time> (UTC+5)' in (
        history
    )
    system = (site / "ru/health/demo-new/index.html").read_text(encoding="utf-8")
    assert "История системы" in system and "Восстановлена в списке." in system
    as_of = json.loads((site / "api/v1/health/revisions/5.json").read_text(encoding="utf-8"))
    states = {s["id"]: s["state"] for s in as_of["systems"]}
    assert states == {"demo-new": "excluded", "demo-triage": "listed"}
    # Each entry links its record as it stood then, published once per version.
    excluded = next(s for s in as_of["systems"] if s["id"] == "demo-new")
    version = json.loads(
        (site / excluded["record"].removeprefix("https://trustlist.example.kz/")).read_text("utf-8")
    )
    assert version["record"]["status"] == {
        "state": "excluded", "since": "2026-08-01", "reason": "audit_withdrawn",
    }  # fmt: skip
    changes = json.loads((site / "api/v1/changes.json").read_text(encoding="utf-8"))
    assert [r["revision"] for r in changes["revisions"]] == [1, 2, 3, 4, 5, 6]
    assert (site / "kk/feeds/health.atom").is_file() and (site / "en/feeds/all.atom").is_file()
    sector = (site / "kk/health/index.html").read_text(encoding="utf-8")
    assert "Ағымдағы редакция" in sector and "#r6" in sector


def test_manifest_lists_every_file_with_its_hash(repository: Path, site: Path) -> None:
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    head = git(repository, "rev-parse", "HEAD").strip()
    assert manifest["source"] == {"commit": head, "draft": False}
    assert manifest["lists"]["health"]["revision"] == 6
    # files.txt is made from the manifest, and names it: the one file beside it.
    assert set(manifest["files"]) == set(files(site)) - {"manifest.json", "files.txt"}
    result = subprocess.run([str(TRUSTLIST), "verify", str(site)], capture_output=True, text=True)
    # Every file as listed, but no key given: said in words and by exit code 3, never "valid".
    assert result.returncode == 3, result.stdout
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (
        f"{site / 'manifest.json'}: warning[VER011] signature NOT checked: no --allowed-signers "
        "key was given, so the files were checked only against a manifest that anyone able to "
        "change the site can rewrite"
    )
    assert "valid" not in result.stdout.lower().replace("invalid", "")


def test_verify_catches_a_changed_byte_a_missing_and_an_extra_file(
    site: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    pdf = copy / "documents/health/demo-triage/application.pdf"
    data = bytearray(pdf.read_bytes())
    data[100] ^= 1
    pdf.write_bytes(bytes(data))
    (copy / "en/search/index.json").unlink()
    (copy / "extra.html").write_text("<p>not published</p>", encoding="utf-8")
    result = subprocess.run([str(TRUSTLIST), "verify", str(copy)], capture_output=True, text=True)
    assert result.returncode == 1
    codes = [line.split("[")[1].split("]")[0] for line in result.stdout.splitlines()[:-1]]
    assert sorted(codes) == ["VER002", "VER003", "VER004", "VER011"]
    assert f"{copy / 'en/search/index.json'}: error[VER002] is in the manifest" in result.stdout
    assert f"{copy / 'extra.html'}: error[VER004] is in the site but not" in result.stdout
    assert f"{pdf}: error[VER003] differs from the manifest" in result.stdout


def test_signed_manifest_verifies_and_a_tampered_one_does_not(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    key = tmp_path / "deploy_key"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "deploy", "-f", str(key)],
        check=True,
    )
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(f"trustlist {(tmp_path / 'deploy_key.pub').read_text()}", encoding="utf-8")
    signed = subprocess.run(
        [str(TRUSTLIST), "sign", str(copy), "--key", str(key)], capture_output=True, text=True
    )
    assert signed.returncode == 0, signed.stderr
    args = [str(TRUSTLIST), "verify", str(copy), "--allowed-signers", str(allowed)]
    ok = subprocess.run(args, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    wrong = subprocess.run([*args, "--identity", "someone"], capture_output=True, text=True)
    assert wrong.returncode == 1 and "VER005" in wrong.stdout
    manifest = copy / "manifest.json"
    text = manifest.read_text(encoding="utf-8")
    assert '"draft":false' in text
    manifest.write_text(text.replace('"draft":false', '"draft":true'), encoding="utf-8")
    tampered = subprocess.run(args, capture_output=True, text=True)
    assert tampered.returncode == 1 and "VER005" in tampered.stdout


def test_verify_against_a_rebuild_from_the_source(repository: Path, site: Path) -> None:
    result = subprocess.run(
        [str(TRUSTLIST), "verify", str(site), "--source", str(repository)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 3, result.stdout + result.stderr  # no key: not checked
    assert [line.split()[1] for line in result.stdout.splitlines()[:-1]] == ["warning[VER011]"]


def test_a_shallow_clone_stops_the_build(repository: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(shallow)], check=True
    )
    shutil.copy(repository / "mkdocs.yml", shallow / "mkdocs.yml")
    (shallow / "docs").mkdir(exist_ok=True)
    result = build(shallow, tmp_path / "out")
    assert result.returncode == 1
    assert "is a shallow clone: the lists' revisions need the whole history" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_uncommitted_changes_are_built_as_a_draft(repository: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(repository), str(work)], check=True)
    shutil.copy(repository / "mkdocs.yml", work / "mkdocs.yml")
    (work / "docs").mkdir(exist_ok=True)
    edit(work / SYSTEM, "tested: true", "tested: false")
    result = build(work, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/en/index.html").read_text(encoding="utf-8")
    assert "Draft: the registry has changes that are not yet committed." in page
    manifest = json.loads((tmp_path / "out/manifest.json").read_text(encoding="utf-8"))
    assert manifest["source"]["draft"] is True


def test_a_build_from_the_history_store_gives_the_same_bytes(
    repository: Path, site: Path, tmp_path: Path
) -> None:
    """The first build walks the history and keeps it (historystore.py); the second reads it
    and walks no commit; the third, its store gone but its records known to the record cache,
    walks every commit again, in a forked copy of the build (test_historystore.py shows the
    build itself then walks none). All three sites are the one built before, byte for byte."""
    cache = tmp_path / "cache"
    walked = []
    for out in ("first", "second", "third"):
        if out == "third":
            for stored in cache.glob("history-*.json"):
                stored.unlink()
        result = build(repository, tmp_path / out, TRUSTLIST_CACHE=str(cache))
        assert result.returncode == 0, result.stderr
        said = re.search(
            r"history read in [0-9.]+ s: (\d+) list revisions, (\d+) commits", result.stderr
        )
        assert said, result.stderr
        walked.append((int(said[1]), int(said[2])))
    assert walked == [(6, 6), (6, 0), (6, 6)]
    assert len(list(cache.glob("history-*.json"))) == 1  # the copy's, the third build read
    built = [files(tmp_path / out) for out in ("first", "second", "third")]
    assert built[0] == built[1] == built[2] == files(site)


def test_the_manifest_names_its_schema_on_the_site_itself(site: Path) -> None:
    """At the site's address when the build gives it, else relative to the manifest: either
    way the schema the site publishes, as the bundle's manifest (relative) names it too."""
    from trustlist.site.manifest import build_manifest

    relative = json.loads(build_manifest(site, None))["$schema"]
    assert relative == "api/v1/schemas/export-manifest.schema.json"
    assert (site / relative).is_file()
    at = json.loads(build_manifest(site, None, site_url="https://list.example.kz/a/"))["$schema"]
    assert at == "https://list.example.kz/a/api/v1/schemas/export-manifest.schema.json"
