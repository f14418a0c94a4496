"""A bundle per body (issue 26): `trustlist bundle --sector S --out DIR` writes what a body's
webmaster uploads to its own site, cut from a real build of the whole site. Served alone on
127.0.0.1 it has no broken link (every href, src and action of every page fetched), holds the
sector's files and no other sector's, keeps every file but the pages byte for byte, and
verifies with the same manifest tools: exit 3 without the key, 0 with it, 1 once changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from conftest import PROJECT, QuietHandler
from helpers import TRUSTLIST, run

SECTOR = "healthcare"
OTHERS = ("education", "finance", "justice", "transport")


def keys(folder: Path) -> tuple[Path, Path]:
    """An SSH key pair made here, and the allowed-signers file naming it as `trustlist`."""
    key = folder / "body"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "body", "-f", str(key)], check=True
    )
    signers = folder / "allowed_signers"
    signers.write_text(f"trustlist {key.with_suffix('.pub').read_text()}", encoding="utf-8")
    return key, signers


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The healthcare bundle, the site built by the command itself from mkdocs.yml, signed
    with a key made here: (the bundle, the allowed-signers file, what the command said)."""
    folder = tmp_path_factory.mktemp("bundle")
    key, signers = keys(folder)
    out = folder / "healthcare"
    command = [str(TRUSTLIST), "bundle", "--sector", SECTOR, "--out", str(out)]
    config = ["--config", str(PROJECT / "mkdocs.yml"), "--lang", "ru"]
    result = subprocess.run(
        [*command, "--key", str(key), *config],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out, signers, result.stdout


@pytest.fixture(scope="module")
def served(signed: tuple[Path, Path, str]) -> Iterator[str]:
    """The bundle alone, served on 127.0.0.1."""
    handler = partial(QuietHandler, directory=str(signed[0]))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class Links(HTMLParser):
    """Every href, src and action of a page, as an HTML parser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v for k, v in attrs if k in ("href", "src", "action") and v]


def crawl(start: str) -> tuple[dict[str, int], dict[str, list[str]], set[str]]:
    """Every address under `start` that a page links, fetched: (status by address, the pages
    linking each broken one, the addresses elsewhere that pages link)."""
    origin = urlsplit(start).netloc
    status: dict[str, int] = {}
    broken: dict[str, list[str]] = {}
    elsewhere: set[str] = set()
    queue, linked_from = [start], {start: "(start)"}
    while queue:
        url = queue.pop()
        if url in status:
            continue
        try:
            with urlopen(url, timeout=10) as response:
                status[url] = response.status
                body = response.read()
                kind = response.headers.get("Content-Type", "")
        except HTTPError as err:
            status[url] = err.code
            broken.setdefault(url, []).append(linked_from[url])
            continue
        if not kind.startswith("text/html"):
            continue
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.found:
            target = urljoin(url, link).split("#", 1)[0]
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                elsewhere.add(target)
                continue
            if target not in status:
                linked_from.setdefault(target, url)
                queue.append(target)
    return status, broken, elsewhere


def test_the_bundle_served_alone_has_no_broken_link(signed, served: str) -> None:
    status, broken, elsewhere = crawl(served)
    assert broken == {}
    fetched = {urlsplit(url).path for url in status}
    for lang in ("kk", "ru", "en"):
        assert f"/{lang}/{SECTOR}/" in fetched and f"/{lang}/{SECTOR}/history/" in fetched
        assert f"/{lang}/{SECTOR}/demo-xray-triage/" in fetched
        assert f"/{lang}/feeds/{SECTOR}.atom" in fetched
        assert any(p.endswith(f".{lang}.pdf") for p in fetched)  # the revisions' PDFs
    assert f"/api/v1/{SECTOR}.json" in fetched and f"/api/v1/{SECTOR}.csv" in fetched
    assert any(p.startswith(f"/documents/{SECTOR}/") for p in fetched)
    assert any(p.startswith(f"/api/v1/{SECTOR}/revisions/") for p in fetched)
    assert len(fetched) > 60
    # What leaves the bundle leads to the national site: its home, the other lists, guides.
    assert "https://trustlist.example.kz/kk/" in elsewhere
    assert {f"https://trustlist.example.kz/kk/{other}/" for other in OTHERS} <= elsewhere


def test_the_bundle_verifies_with_the_key_and_not_once_changed(signed, tmp_path: Path) -> None:
    bundle, signers, said = signed
    assert f"отрасли «{SECTOR}»" in said and "манифест подписан" in said
    unchecked = run("verify", str(bundle))
    assert unchecked.returncode == 3, unchecked.stdout
    assert "VER011" in unchecked.stdout and "0 error(s)" in unchecked.stdout
    checked = run("verify", str(bundle), "--allowed-signers", str(signers))
    assert checked.returncode == 0, checked.stdout
    changed = tmp_path / "changed"
    shutil.copytree(bundle, changed)
    csv = changed / f"api/v1/{SECTOR}.csv"
    csv.write_bytes(csv.read_bytes() + b" ")
    result = run("verify", str(changed), "--allowed-signers", str(signers))
    assert result.returncode == 1 and f"api/v1/{SECTOR}.csv" in result.stdout
    assert "VER003" in result.stdout


def test_the_bundle_keeps_the_sites_bytes_and_only_its_sectors(
    sample_site: Path, tmp_path: Path
) -> None:
    """Cut from the sample site already built (--site): every file but the pages has the
    bytes, and so the hash, the national manifest gives it; no other sector's file is in it;
    its manifest names the site's commit and this sector's revision alone."""
    out = tmp_path / "b"
    result = run("bundle", "--sector", SECTOR, "--out", str(out), "--site", str(sample_site))
    assert result.returncode == 0, result.stderr
    assert "the manifest is not signed: trustlist sign" in result.stdout
    national = json.loads((sample_site / "manifest.json").read_text(encoding="utf-8"))
    own = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert own["source"] == national["source"]
    assert own["lists"] == {SECTOR: national["lists"][SECTOR]}
    names = set(own["files"])
    for name, digest in own["files"].items():
        if not name.endswith(".html"):
            assert national["files"][name] == digest, name
        assert not any(f"/{other}/" in f"/{name}" for other in OTHERS), name
        assert not name.startswith(("kk/search/", "kk/changes/", "archive/")), name
    sector = json.loads((out / f"api/v1/{SECTOR}.json").read_text(encoding="utf-8"))
    systems = [s["record"]["id"] for s in sector["systems"]]
    assert {f"api/v1/systems/{s}.json" for s in systems} <= names
    assert {f"documents/{SECTOR}/{s}/system.yaml" for s in systems} <= names
    records = [n for n in names if n.startswith("api/v1/records/")]
    assert records and all(national["files"][n] for n in records)
    assert "index.html" in names and f"kk/{SECTOR}/history/index.html" in names
    entry = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="kk/{SECTOR}/"' in entry and "Денсаулық сақтау" in entry
    page = (out / f"ru/{SECTOR}/index.html").read_text(encoding="utf-8")
    assert 'href="https://trustlist.example.kz/ru/education/"' in page
    assert 'href="../../api/v1/healthcare.json"' in page  # inside the bundle: as built


def test_the_commands_mistakes_said_in_one_line(sample_site: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "x").write_text("x", encoding="utf-8")
    cases = {
        ("--sector", "space", "--out", str(tmp_path / "a"), "--site", str(sample_site)): (
            "на сайте нет отрасли «space»"
        ),
        ("--sector", SECTOR, "--out", str(full), "--site", str(sample_site)): (f"{full} не пуст"),
        ("--sector", SECTOR, "--out", str(tmp_path / "b"), "--site", str(tmp_path)): (
            "не собранный сайт"
        ),
        (
            "--sector",
            SECTOR,
            "--out",
            str(tmp_path / "c"),
            "--site",
            str(sample_site),
            "--key",
            str(tmp_path / "missing"),
        ): "не удалось подписать ключом",
    }
    for args, said in cases.items():
        result = run("bundle", *args, "--lang", "ru")
        assert result.returncode == 2, (args, result.stdout)
        assert said in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
    english = run("bundle", "--sector", "space", "--out", str(tmp_path / "d"), "--site", ".")
    assert english.returncode == 2 and "is not a built site" in english.stderr
