"""Shared test helpers: fixture registries copied to a temp folder and edited in place."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
SYSTEM = "registry/health/demo-triage/system.yaml"
SECTOR = "registry/health/sector.yaml"


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` exactly once, so a fixture edit cannot silently miss."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def replace_document(root: Path, name: str, data: bytes) -> None:
    """Swap a document's bytes and update its declared hash and size, keeping line numbers."""
    path = root / "registry/health/demo-triage" / name
    old = path.read_bytes()
    path.write_bytes(data)
    record = root / SYSTEM
    edit(record, hashlib.sha256(old).hexdigest(), hashlib.sha256(data).hexdigest())
    edit(record, f"size: {len(old)}\n", f"size: {len(data)}\n")


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid one-sector, one-system registry in a temp folder, which is also the cwd."""
    root = tmp_path / "repo"
    shutil.copytree(BASE, root, symlinks=True)
    monkeypatch.chdir(root)
    return root


PROJECT = Path(__file__).parents[1]
sys.path.insert(0, str(PROJECT / "tools"))  # tools/chromium.py: the browser as tools drive it
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample registry's whole site, built by a real `mkdocs build` from mkdocs.yml."""
    return build_site(PROJECT / "mkdocs.yml", tmp_path_factory.mktemp("sample") / "site")


def build_site(
    config: Path, site: Path, engine: str = "mkdocs", env: dict[str, str] | None = None
) -> Path:
    """`mkdocs build --strict` of `config` into `site` (or `properdocs build`, the maintained
    drop-in), which must succeed; its log is kept beside the site, in build.log. `env`: more
    environment variables (speed switches)."""
    command = Path(sys.executable).with_name(engine)
    result = subprocess.run(
        [str(command), "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (site.parent / "build.log").write_text(result.stderr, encoding="utf-8")
    return site


def git(root: Path, *args: str, when: str = "2026-06-01T10:00:00+05:00") -> str:
    """Run git in `root` with a fixed author, committer and date and no user configuration."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Applicant",
        "GIT_AUTHOR_EMAIL": "applicant@example.kz",
        "GIT_COMMITTER_NAME": "Applicant",
        "GIT_COMMITTER_EMAIL": "applicant@example.kz",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def commit(root: Path, message: str, when: str = "2026-06-02T10:00:00+05:00") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def pytest_configure(config: pytest.Config) -> None:
    # PDF verdicts are cached by content hash (trustlist/speed/verdicts.py): tests keep theirs in a
    # folder of their own, never in the user's ~/.cache.
    import tempfile

    os.environ["TRUSTLIST_CACHE"] = tempfile.mkdtemp(prefix="trustlist-cache-")


# --- the browser: Debian's Chromium driven by Playwright, on the built site served locally ---

LANGS = ("kk", "ru", "en")
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def ensure_chromium() -> None:
    """Install Debian's chromium when it is missing (CI runs as root); otherwise skip,
    which CI=true turns into a failure: browser tests are part of the suite there."""
    if CHROMIUM.exists():
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        # Two xdist workers may get here at once: one installs, the other waits.
        with open("/tmp/trustlist-chromium.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not CHROMIUM.exists():
                env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
                install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
                if subprocess.run(install, env=env, check=False).returncode != 0:
                    subprocess.run(["apt-get", "update"], env=env, check=True)
                    subprocess.run(install, env=env, check=True)
        return
    message = f"{CHROMIUM} is missing and cannot be installed without root"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def server(sample_site: Path) -> Iterator[str]:
    handler = partial(QuietHandler, directory=str(sample_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    ensure_chromium()
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """What a page did that it must not: console errors, page errors, foreign requests."""

    def __init__(self, page: object, origin: str) -> None:
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        page.on("request", lambda req: self._request(req.url, origin))
        page.on("response", self._response)

    def _response(self, response: object) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _console(self, message: object) -> None:
        # A failed load is reported with its URL by _response; the console line lacks it.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console: {message.text}")

    def _request(self, url: str, origin: str) -> None:
        if not (url.startswith(origin + "/") or url.startswith(("data:", "blob:"))):
            self.problems.append(f"request to another host: {url}")


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(accept_downloads=True, base_url=server)
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch = Watch(page, server)
    yield page
    context.close()
    assert watch.problems == []


# --- slow tests: real builds, servers and browsers ------------------------------------------

# Modules whose tests build real sites, serve them or drive the browser. `make test` runs
# everything; `make test-fast` (pytest -m "not slow") leaves these out, for seconds-long runs.
SLOW_MODULES = {
    "test_browser", "test_search", "test_status", "test_form", "test_phones",
    "test_accessibility", "test_trust", "test_build", "test_site", "test_site_quality",
    "test_collisions", "test_serve", "test_engines", "test_manifest", "test_verify_remote",
    "test_lifecycle", "test_open_site", "test_frames", "test_material_kk", "test_pr_check",
    "test_listpdf", "test_bundle", "test_size", "test_history_words", "test_dates",
    "test_exports", "test_workflows", "test_timeliness", "test_hostile", "test_benchmark",
    "test_sample_registry", "test_screenshots",
}  # fmt: skip
SLOW_FIXTURES = {"sample_site", "browser", "server", "page"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__ if item.module else ""
        if module in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
