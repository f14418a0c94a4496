"""Verification from outside (issue 26): a site built by real MkDocs from the story repository,
signed with a key made here and served on 127.0.0.1, is fetched with `trustlist verify URL`
and with the documented `wget -i <site>/files.txt -x -nH`, and each comes out valid; one
changed byte, one removed file and one added file each come out invalid naming the file; a
rewritten manifest fails the signature, and without the key the command says that the
signature was NOT checked, with exit code 3. Every deploy's signed manifest, kept on the
branch published-manifests, is published under archive/, and `--as-of` checks a mirror
against the state of that date."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from conftest import BASE, commit, git
from helpers import CONFIG, story
from trustlist.site.manifest import file_list

TRUSTLIST = Path(sys.executable).with_name("trustlist")
MKDOCS = Path(sys.executable).with_name("mkdocs")
DOCUMENT = "documents/health/demo-triage/application.pdf"
FIRST, SECOND = "2026-09-05T12:00:00+05:00", "2026-09-12T12:00:00+05:00"


def build(root: Path, out: Path) -> Path:
    clean = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-d", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**clean, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def trustlist(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TRUSTLIST), *args], capture_output=True, text=True, cwd=cwd, timeout=300, check=False
    )


def archive(root: Path, sites: list[tuple[str, Path]]) -> str:
    """The branch published-manifests as the deploy workflow's archive job leaves it: one
    commit a deploy, dated when it was made, adding <date>-<commit>/manifest.json and .sig."""
    parent: list[str] = []
    folders: list[str] = []
    for when, site in sites:
        commit_sha = json.loads((site / "manifest.json").read_bytes())["source"]["commit"]
        folder = f"{when[:10]}-{commit_sha[:12]}"
        blobs = {
            name: git(root, "hash-object", "-w", str(site / name)).strip()
            for name in ("manifest.json", "manifest.json.sig")
        }
        entries = "".join(f"100644 blob {sha}\t{name}\n" for name, sha in blobs.items())
        subtree = _mktree(root, entries)
        folders.append(f"040000 tree {subtree}\t{folder}\n")
        tree = _mktree(root, "".join(folders))
        made = git(root, "commit-tree", tree, *parent, "-m", f"published {folder}", when=when)
        parent = ["-p", made.strip()]
    git(root, "update-ref", "refs/heads/published-manifests", parent[1])
    return parent[1]


def _mktree(root: Path, entries: str) -> str:
    result = subprocess.run(
        ["git", "mktree"], cwd=root, input=entries, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    """The story repository, then the body's key committed; a site deployed at each of the
    two commits (archived on 5 and 12 September), and the site built after them, with the
    archive: all signed with the body's key."""
    work = tmp_path_factory.mktemp("published")
    root = work / "repo"
    shutil.copytree(BASE, root)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs/.keep").write_text("", encoding="utf-8")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    story(root)
    key = work / "body_key"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "body", "-f", str(key)], check=True
    )
    allowed = f'trustlist namespaces="trustlist-manifest" {(work / "body_key.pub").read_text()}'
    sites = {"story": build(root, work / "story-site")}
    (root / "keys").mkdir()
    (root / "keys/allowed_signers").write_text(allowed, encoding="utf-8")
    commit(root, "the body's manifest key", when="2026-09-10T10:00:00+05:00")
    sites["keyed"] = build(root, work / "keyed-site")
    for site in sites.values():
        assert trustlist("sign", str(site), "--key", str(key)).returncode == 0
    branch = archive(root, [(FIRST, sites["story"]), (SECOND, sites["keyed"])])
    current = build(root, work / "site")
    assert trustlist("sign", str(current), "--key", str(key)).returncode == 0
    return {
        "root": root,
        "site": current,
        "allowed": root / "keys/allowed_signers",
        "key": key,
        "branch": branch,
        **sites,
    }


class Recording(SimpleHTTPRequestHandler):
    """A plain static server, as GitHub Pages is, that notes each path asked for."""

    def do_GET(self) -> None:
        self.server.asked.append(unquote(self.path))  # type: ignore[attr-defined]
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[tuple[str, list[str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Recording, directory=str(folder)))
    server.asked = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", server.asked  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def copy(published: dict, tmp_path: Path) -> Path:
    """The current signed site, copied to be served (and tampered with)."""
    return Path(shutil.copytree(published["site"], tmp_path / "served"))


def codes(stdout: str) -> list[str]:
    return sorted(line.split("[")[1].split("]")[0] for line in stdout.splitlines() if "[" in line)


# --- fetched from its address -------------------------------------------------------------


def test_a_served_site_fetched_by_address_is_valid_and_a_second_fetch_resumes(
    published: dict, copy: Path, tmp_path: Path
) -> None:
    mirror = tmp_path / "mirror"
    with served(copy) as (url, asked):
        args = [
            "verify",
            url,
            "--into",
            str(mirror),
            "--allowed-signers",
            str(published["allowed"]),
        ]
        first = trustlist(*args)
        assert first.returncode == 0, first.stdout + first.stderr
        assert first.stdout.strip().splitlines() == [
            f"{url} (fetched into {mirror}) against its manifest: valid"
        ]
        listed = json.loads((copy / "manifest.json").read_bytes())["files"]
        assert len(asked) == len(listed) + 3  # every file, the manifest, .sig, files.txt
        assert first.stderr == ""  # no progress line when stderr is not a terminal
        asked.clear()
        again = trustlist(*args)
        assert again.returncode == 0, again.stdout
        assert asked == ["/manifest.json", "/manifest.json.sig", "/files.txt"]
    # What was fetched is the site, byte for byte.
    for name in listed:
        assert (mirror / name).read_bytes() == (copy / name).read_bytes()


def test_without_the_key_the_signature_is_said_not_checked(copy: Path, tmp_path: Path) -> None:
    with served(copy) as (url, _):
        result = trustlist("verify", url, "--into", str(tmp_path / "m"))
    assert result.returncode == 3, result.stdout
    assert f"{url}manifest.json: warning[VER011] signature NOT checked" in result.stdout
    assert result.stdout.strip().splitlines()[-1].endswith("0 error(s), 1 warning(s)")


def test_the_progress_line_shows_on_a_terminal(copy: Path, tmp_path: Path) -> None:
    main, terminal = pty.openpty()
    with served(copy) as (url, _):
        result = subprocess.run(
            [str(TRUSTLIST), "verify", url, "--into", str(tmp_path / "m")],
            stdout=subprocess.PIPE,
            stderr=terminal,
            timeout=300,
            check=False,
        )
    os.close(terminal)
    said = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        said += chunk
    os.close(main)
    assert result.returncode == 3
    count = len(json.loads((copy / "manifest.json").read_bytes())["files"])
    assert f"\r{count}/{count} files checked, {count} fetched".encode() in said


def test_the_documented_wget_fetches_the_whole_site(published: dict, copy: Path, tmp_path: Path):
    """docs/*/auditors.md: `wget -i <site>/files.txt -x -nH`, then verify the folder."""
    mirror = tmp_path / "wget"
    mirror.mkdir()
    wget = shutil.which("wget")
    with served(copy) as (url, _):
        if wget is not None:
            fetched = subprocess.run(
                [wget, "-q", "-i", f"{url}files.txt", "-x", "-nH"],
                cwd=mirror,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            assert fetched.returncode == 0, fetched.stderr
        elif os.environ.get("CI") == "true":
            pytest.fail("wget is not installed (apt-get install wget): the documented way")
        else:  # what wget does with the list: each line against the list's own address
            names = urllib.request.urlopen(f"{url}files.txt").read().decode().splitlines()
            for line in names:
                target = mirror / unquote(line)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(urllib.request.urlopen(urljoin(f"{url}files.txt", line)).read())
    result = trustlist("verify", str(mirror), "--allowed-signers", str(published["allowed"]))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == f"{mirror} against its manifest: valid"
    assert (mirror / "files.txt").read_bytes() == (copy / "files.txt").read_bytes()


def test_one_changed_byte_one_removed_and_one_added_file_are_named(
    published: dict, copy: Path, tmp_path: Path
) -> None:
    pdf = copy / DOCUMENT
    data = bytearray(pdf.read_bytes())
    data[100] ^= 1
    pdf.write_bytes(bytes(data))
    (copy / "en/search/index.json").unlink()
    (copy / "extra.html").write_text("<p>not published</p>", encoding="utf-8")
    with (copy / "files.txt").open("a", encoding="utf-8") as listed:
        listed.write("extra.html\n")  # what wget -i would fetch with the rest
    mirror = tmp_path / "mirror"
    with served(copy) as (url, _):
        args = [
            "verify",
            url,
            "--into",
            str(mirror),
            "--allowed-signers",
            str(published["allowed"]),
        ]
        result = trustlist(*args)
    assert result.returncode == 1, result.stdout
    assert codes(result.stdout) == ["VER002", "VER003", "VER008"]
    assert f"{mirror / DOCUMENT}: error[VER003] differs from the manifest" in result.stdout
    assert f"{mirror / 'en/search/index.json'}: error[VER002] is in the manifest" in result.stdout
    assert f"{mirror / 'extra.html'}: error[VER008] is in files.txt but not in the manifest" in (
        result.stdout
    )
    # The same site fetched with wget: each named the same way, the added file as extra.
    if shutil.which("wget"):
        got = tmp_path / "wget"
        got.mkdir()
        with served(copy) as (url, _):
            subprocess.run(
                ["wget", "-q", "-i", f"{url}files.txt", "-x", "-nH"], cwd=got, check=False
            )
        folder = trustlist("verify", str(got), "--allowed-signers", str(published["allowed"]))
        assert folder.returncode == 1
        assert codes(folder.stdout) == ["VER002", "VER003", "VER004", "VER008"]
        assert f"{got / 'extra.html'}: error[VER004] is in the site but not" in folder.stdout


def test_a_rewritten_manifest_fails_the_signature_and_passes_without_the_key(
    published: dict, copy: Path, tmp_path: Path
) -> None:
    """The issue's case: the CSV and the manifest both rewritten. The hashes agree; only the
    signature tells, and without the key the command says it did not check it."""
    csv = copy / "api/v1/registry.csv"
    csv.write_bytes(csv.read_bytes().replace(b"demo-triage", b"demo-forged", 1))
    import hashlib

    manifest = json.loads((copy / "manifest.json").read_bytes())
    manifest["files"]["api/v1/registry.csv"] = {
        "sha256": hashlib.sha256(csv.read_bytes()).hexdigest(),
        "size": csv.stat().st_size,
    }
    text = json.dumps(manifest, separators=(",", ":"), ensure_ascii=False) + "\n"
    (copy / "manifest.json").write_text(text, encoding="utf-8")
    with served(copy) as (url, _):
        keyed = trustlist(
            "verify", url, "--into", str(tmp_path / "a"),
            "--allowed-signers", str(published["allowed"]),
        )  # fmt: skip
        unkeyed = trustlist("verify", url, "--into", str(tmp_path / "b"))
    assert keyed.returncode == 1
    assert codes(keyed.stdout) == ["VER005"]
    assert f"{tmp_path / 'a/manifest.json.sig'}: error[VER005] does not verify" in keyed.stdout
    assert unkeyed.returncode == 3
    assert codes(unkeyed.stdout) == ["VER011"]
    assert "signature NOT checked" in unkeyed.stdout


def test_a_manifest_naming_a_path_outside_the_site_is_refused(copy: Path, tmp_path: Path):
    manifest = json.loads((copy / "manifest.json").read_bytes())
    manifest["files"]["../outside.txt"] = {"sha256": "0" * 64, "size": 1}
    (copy.parent / "outside.txt").write_text("x", encoding="utf-8")
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    mirror = tmp_path / "deep" / "mirror"
    with served(copy) as (url, asked):
        result = trustlist("verify", url, "--into", str(mirror))
    assert result.returncode == 1
    assert f"{url}../outside.txt: error[VER009] is not a path inside the site" in result.stdout
    assert not (tmp_path / "deep/outside.txt").exists()
    assert "/outside.txt" not in asked and "/../outside.txt" not in asked


def test_fetching_is_bounded(copy: Path, tmp_path: Path) -> None:
    # A limit over the manifest's own size (it is fetched whole) and under the site's.
    limit = 2 * (copy / "manifest.json").stat().st_size
    listed = json.loads((copy / "manifest.json").read_bytes())["files"].values()
    assert sum(entry["size"] for entry in listed) > limit
    with served(copy) as (url, _):
        one = trustlist("verify", url, "--into", str(tmp_path / "a"), "--max-file-size", "1K")
        total = trustlist(
            "verify", url, "--into", str(tmp_path / "b"), "--max-total-size", str(limit)
        )
        bad = trustlist("verify", url, "--max-file-size", "lots")
    assert one.returncode == 1
    assert (copy / DOCUMENT).stat().st_size > 1024
    pdf = f"{url}{DOCUMENT}: error[VER009] is larger than 1024 bytes, the limit for one file"
    assert pdf in one.stdout
    assert not (tmp_path / "a" / DOCUMENT).exists()
    assert total.returncode == 1
    assert codes(total.stdout) == ["VER009"]
    assert f"over the limit of {limit} (--max-total-size)" in total.stdout
    assert not (tmp_path / "b" / DOCUMENT).exists()
    assert bad.returncode == 2 and "'lots' is not a size" in bad.stderr
    assert "Traceback" not in one.stderr + total.stderr + bad.stderr


def test_an_address_that_serves_no_site(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with served(empty) as (url, _):
        result = trustlist("verify", url, "--into", str(tmp_path / "m"))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{url}manifest.json: error[VER009] could not be fetched")
    assert "HTTP 404" in result.stdout


# --- the key, the file list, the archive ------------------------------------------------------


def test_the_key_and_the_archive_are_published(published: dict) -> None:
    site = published["site"]
    assert (site / "keys/allowed_signers").read_bytes() == published["allowed"].read_bytes()
    index = json.loads((site / "archive/index.json").read_bytes())
    story_commit = json.loads((published["story"] / "manifest.json").read_bytes())["source"]
    keyed_commit = json.loads((published["keyed"] / "manifest.json").read_bytes())["source"]
    assert index["branch"] == "published-manifests" and index["commit"] == published["branch"]
    assert index["states"] == [
        {
            "published": FIRST,
            "commit": story_commit["commit"],
            "manifest": f"archive/2026-09-05-{story_commit['commit'][:12]}/manifest.json",
            "signature": f"archive/2026-09-05-{story_commit['commit'][:12]}/manifest.json.sig",
        },
        {
            "published": SECOND,
            "commit": keyed_commit["commit"],
            "manifest": f"archive/2026-09-12-{keyed_commit['commit'][:12]}/manifest.json",
            "signature": f"archive/2026-09-12-{keyed_commit['commit'][:12]}/manifest.json.sig",
        },
    ]
    for state, built in zip(index["states"], ("story", "keyed"), strict=True):
        for name in ("manifest", "signature"):
            kept = (site / state[name]).read_bytes()
            assert kept == (published[built] / state[name].rsplit("/", 1)[1]).read_bytes()
    # The current manifest lists the archive and the key; files.txt lists all of it.
    listed = json.loads((site / "manifest.json").read_bytes())["files"]
    assert {"archive/index.json", "keys/allowed_signers", index["states"][0]["manifest"]} <= set(
        listed
    )
    names = (site / "files.txt").read_text(encoding="utf-8").splitlines()
    assert names[:3] == ["manifest.json", "manifest.json.sig", "files.txt"]
    assert names[3:] == list(listed)
    assert (site / "files.txt").read_text() == file_list(
        (site / "manifest.json").read_bytes(), True
    )


def test_as_of_checks_a_mirror_against_the_state_of_that_date(
    published: dict, copy: Path, tmp_path: Path
) -> None:
    allowed = str(published["allowed"])
    story_mirror = Path(shutil.copytree(published["story"], tmp_path / "june"))
    keyed_mirror = Path(shutil.copytree(published["keyed"], tmp_path / "september"))
    with served(copy) as (url, _):

        def as_of(mirror: Path, day: str, *more: str) -> subprocess.CompletedProcess[str]:
            return trustlist("verify", str(mirror), "--as-of", day, "--archive", url, *more)

        first = as_of(story_mirror, "2026-09-11", "--allowed-signers", allowed)
        wrong = as_of(keyed_mirror, "2026-09-11", "--allowed-signers", allowed)
        second = as_of(keyed_mirror, "2026-09-12", "--allowed-signers", allowed)
        unkeyed = as_of(keyed_mirror, "2026-12-31")
        before = as_of(story_mirror, "2026-09-04")
        address = trustlist("verify", url, "--as-of", "2026-09-12")
    source = json.loads((story_mirror / "manifest.json").read_bytes())["source"]
    state = f"archive/2026-09-05-{source['commit'][:12]}"
    assert first.returncode == 0, first.stdout
    assert first.stdout.strip() == (
        f"{story_mirror} against the state published {FIRST} ({url}{state}/manifest.json): valid"
    )
    # The September mirror is not what was served on 11 September: its key file is extra, its
    # pages (dated by another commit) differ, and its manifest is not the one archived.
    assert wrong.returncode == 1
    assert set(codes(wrong.stdout)) == {"VER003", "VER004", "VER008", "VER010"}
    assert f"{keyed_mirror / 'keys/allowed_signers'}: error[VER004]" in wrong.stdout
    assert f"{keyed_mirror / 'manifest.json'}: error[VER010] is not the manifest" in wrong.stdout
    assert second.returncode == 0, second.stdout
    assert unkeyed.returncode == 3 and codes(unkeyed.stdout) == ["VER011"]
    assert before.returncode == 1
    assert codes(before.stdout) == ["VER010"]
    assert (
        f"{url}archive/index.json: error[VER010] holds no state published by the end of "
        f"2026-09-04; the first was published {FIRST}" in before.stdout
    )
    assert address.returncode == 2 and "--as-of checks a mirror (a folder)" in address.stderr
    # The archive read from the mirror's own folder (the current site's copy) works the same.
    folder = trustlist("verify", str(story_mirror), "--as-of", "2026-09-11", "--archive", str(copy))
    assert folder.returncode == 3, folder.stdout


def test_a_rebuild_reads_the_archive_the_site_names(published: dict, tmp_path: Path) -> None:
    """`verify --source` rebuilds with the archive branch's commit the site was built with,
    whatever the clone's branch holds since."""
    root = published["root"]
    head = git(root, "rev-parse", "published-manifests").strip()
    later = git(root, "commit-tree", f"{head}^{{tree}}", "-p", head, "-m", "a later deploy",
                when="2026-10-01T10:00:00+05:00").strip()  # fmt: skip
    git(root, "update-ref", "refs/heads/published-manifests", later)
    try:
        result = trustlist("verify", str(published["site"]), "--source", str(root))
    finally:
        git(root, "update-ref", "refs/heads/published-manifests", head)
    assert result.returncode == 3, result.stdout + result.stderr
    assert codes(result.stdout) == ["VER011"]


# --- the deploy workflow and the documentation say the same ------------------------------------

PROJECT = Path(__file__).parents[1]


def test_the_sign_jobs_file_list_is_the_one_trustlist_makes(published: dict, tmp_path: Path):
    """deploy.yml writes files.txt with jq (its sign job runs no project code): run here on
    the signed site, it writes what `trustlist sign` wrote, byte for byte."""
    import yaml

    jobs = yaml.safe_load((PROJECT / ".github/workflows/deploy.yml").read_text("utf-8"))["jobs"]
    (step,) = [s for s in jobs["sign"]["steps"] if s.get("name") == "the site's file list"]
    site = Path(shutil.copytree(published["site"], tmp_path / "site"))
    made = (site / "files.txt").read_bytes()
    (site / "files.txt").unlink()
    if shutil.which("jq") is None and os.environ.get("CI") != "true":
        pytest.skip("jq is not installed (the GitHub runner has it)")
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=site, check=True)
    assert (site / "files.txt").read_bytes() == made


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_auditors_page_gives_the_tested_commands(lang: str) -> None:
    page = (PROJECT / "docs" / lang / "auditors.md").read_text(encoding="utf-8")
    assert "wget -i https://trustlist.example.kz/files.txt -x -nH" in page
    assert "verify https://trustlist.example.kz/ --allowed-signers allowed_signers" in page
    assert "/keys/allowed_signers" in page and "--as-of 2026-06-01" in page
    assert "archive/<" in page and "actions/attest-build-provenance" in page
    assert "| 3 |" in page and "VER011" in page
