"""The benchmark: every figure measured in one run on one machine, printed as one table.

    python benchmarks/run.py [--systems 1000] [--sectors 10] [--commits 100] [--work DIR]
                             [--runs 2] [--out DIR] [--ours-only] [--instructions]
                             [--results PATH | --no-results]

Generates a registry (benchmarks/generate.py), then times, each in a fresh process with its
peak memory (in MB: GNU time's maximum resident set size of the largest process, and the peak
of all its processes' proportional set sizes together, sampled twice a second) and CPU time
(user + system, its git and worker processes included), builds as the best of --runs runs:
  - `trustlist validate`, with an empty PDF verdict cache (as in CI) and a filled one;
  - the trustlist site for one language and for all three, with history (a git repository)
    and without it (the same files outside git), giving history's share of the build (by wall
    time and, steadier on a shared machine, by CPU time); with history, once as a fresh
    clone builds it (no history store: every commit walked) and then as any later build
    does (the store read, no commit walked since); and the seconds the build itself logs for
    reading the history (git, the store and the semantic diffs, without the pages and files
    made from it), a figure steadier than a difference between two builds. The builds
    compared for history's share take turns run by run, so the machine's drift falls on them
    alike, and the share is given from the best run of each and as the median of the turns'
    shares (each turn's builds met the same minute);
  - at any other size than 1,000 systems, the 1-language site of a 1,000-system registry
    generated alike: how the cost grows with size;
  - the 3-language site built in one process (`parallel: false`), for the time and memory
    the forked writer trades;
  - `mkdocs serve --dirty` (`make serve`) on 1,000 systems in three languages: seconds from
    saving an edited record to the served page showing it, five edits a second apart;
  - plain MkDocs + Material on the same content as hand-written Markdown, with the system
    pages out of the nav as ours are; the same with mkdocs-git-revision-date-localized (the
    peer that dates pages from git); Hugo on the same Markdown where `hugo` is installed;
  - the size of the three-language site, in bytes and files and by kind of file, judged
    against the 1 GB GitHub Pages publishes (every revision of every list included);
  - with --instructions, the instructions the builds with and without history execute, in
    the build's own process (its forked writer beside it) and all its work (the same build in
    one process), by valgrind's cachegrind: a count that is the same on every run, for a
    share smaller than the machine's drift.

Every build writes into an empty folder, emptied before its clock starts (as a CI runner's
is), and by default in RAM (/dev/shm): this machine's disk (ext4 with online discard) took
0.1 to 1 ms to create a file depending on what had been deleted before, which made one build
vary by half and charged each tool for its number of files rather than its work. `--out`
puts the sites on a disk of your choice to measure that as well.

At the end the table is printed and written, with the command, the machine, the date and the
project's commit, to benchmarks/RESULTS.md (`--results PATH` elsewhere, `--no-results` not at
all): that file is the benchmark's output, never edited by hand.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from importlib import metadata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

BIN = Path(sys.executable).parent
PROJECT = Path(__file__).resolve().parents[1]
RESULTS = PROJECT / "benchmarks" / "RESULTS.md"
VALIDATE_FILLED = "trustlist validate, filled caches"
SMALL = 1000  # the size growth is measured from, and `mkdocs serve` at
CONFIG = """site_name: benchmark
site_url: https://bench.example.kz/
theme:
  name: material
  font: false
plugins:
  - trustlist:
      languages: {languages}
      parallel: {parallel}
"""


@dataclass
class Measure:
    what: str
    seconds: float
    peak_mb: float
    stopped: bool = False  # ran out of its time limit: seconds is a lower bound
    cpu: float | None = None  # user + system seconds, git and worker processes included
    total_mb: float | None = None  # peak of all its processes' memory together (PSS)
    history_read: float | None = None  # seconds reading history, as the build logged them
    turns: list[float] = field(default_factory=list)  # each run's seconds (timed_in_turn)

    def row(self) -> str:
        seconds = f"> {self.seconds:.0f}" if self.stopped else f"{self.seconds:.2f}"
        peak = "stopped" if self.stopped else f"{self.peak_mb:.0f}"
        cpu = "" if self.cpu is None else f"{self.cpu:.2f}"
        total = "" if self.total_mb is None else f"{self.total_mb:.0f}"
        return f"| {self.what:<48} | {seconds:>8} | {cpu:>8} | {peak:>8} | {total:>8} |"


def timed(
    what: str,
    command: list[str],
    cwd: Path,
    cache: Path,
    runs: int = 1,
    limit: float | None = None,
    output: Path | None = None,
) -> Measure:
    """Run `command` under GNU time `runs` times; the best wall seconds and its peak RSS.

    The best of several runs, since on a shared machine noise only ever adds time. A step
    that outlives `limit` seconds is stopped and reported as taking more than that.
    """
    best = min(
        (_timed_once(what, command, cwd, cache, limit, output) for _ in range(runs)), key=_seconds
    )
    # Progress on stderr, so a long run shows where it is and a killed one keeps its figures.
    print(best.row(), file=sys.stderr, flush=True)
    return best


@dataclass
class Step:
    what: str
    command: list[str]
    cwd: Path
    before: Callable[[], None] | None = None  # run before each run, off the clock


def turn_order(steps: list[Step], turn: int) -> list[Step]:
    """The steps of one turn: forward, then backward the next (a, b, c, c, b, a, …), so a
    drift that slows the machine through a turn falls on each step as much before its
    partner as after it, instead of always on the last."""
    return steps if turn % 2 == 0 else steps[::-1]


def timed_in_turn(steps: list[Step], cache: Path, runs: int) -> list[Measure]:
    """Each step `runs` times, taking turns (`turn_order`), and the best of each. The
    steps compared with one another (history's share is a difference of two builds) then
    meet the machine's drift alike, where run one after the other each caught another
    minute: identical builds differed by 15% within minutes on this machine."""
    tried: dict[str, list[Measure]] = {step.what: [] for step in steps}
    for turn in range(runs):
        for step in turn_order(steps, turn):
            if step.before is not None:
                step.before()
            output = Path(step.command[step.command.index("-d") + 1])
            tried[step.what].append(
                _timed_once(step.what, step.command, step.cwd, cache, None, output)
            )
    best = [min(tried[step.what], key=_seconds) for step in steps]
    for measure in best:
        measure.turns = [run.seconds for run in tried[measure.what]]
        print(measure.row(), file=sys.stderr, flush=True)
    return best


@dataclass
class Counted:
    """Instructions a build executed (valgrind's cachegrind): `own`, those of the build's own
    process while its forked writer works beside it (the pages: the build's critical path);
    `total`, all of its work, counted from the same build run in one process (`parallel:
    false`). Not the forked build's processes summed: a forked child's count starts from its
    parent's at the fork, so the sum counts everything before the fork twice (at 2,000
    systems it came to 27.8 billion where the build in one process does 23.1 billion). Git's
    commands are other programs and are not followed."""

    what: str
    own: int
    total: int

    def row(self) -> str:
        return f"| {self.what:<48} | {self.own:>15,} | {self.total:>15,} |"


def counted(what: str, root: Path, languages: str, out: Path, cache: Path) -> Counted:
    """The build of `root` in `languages`, counted twice: forked (its own process) and in one
    process (all its work)."""
    own = _instructions(what, site_build(root, languages, out), root, cache)
    total = _instructions(what, site_build(root, languages, out, parallel=False), root, cache)
    write_config(root, languages)  # the registry's config left forked, as the other builds do
    measure = Counted(what, own, total)
    print(measure.row(), file=sys.stderr)
    return measure


def _instructions(what: str, command: list[str], cwd: Path, cache: Path) -> int:
    """The instructions of the process `command` starts (cachegrind, no cache simulation: it
    only counts), without the processes it forks.

    Unlike seconds, the count hardly changes from run to run (0.1% in three; hash seed fixed),
    so a share of a few percent can be told on a machine whose speed drifts by more. A build
    takes about eight times as long under it. Under valgrind, SHA-256 runs without the CPU's
    SHA instructions (about 28 instructions a byte): hashing counts for far more than the
    43 ms that 66 MB takes natively."""
    shutil.rmtree(Path(command[command.index("-d") + 1]), ignore_errors=True)
    env = {**_build_env(cache), "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as folder:
        valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
        process = subprocess.Popen(
            [*valgrind, f"--cachegrind-out-file={folder}/%p", *command],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        _, stderr = process.communicate()
        if process.returncode != 0:
            sys.exit(f"benchmark step failed: {what}\n{stderr[-3000:]}")
        return _summary(Path(folder) / str(process.pid))


def _summary(path: Path) -> int:
    """The instructions a cachegrind output file counts (0 for a process that exec'd at once)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    return 0


def count_history(work: Path, cache: Path, out: Path) -> list[Counted]:
    """The builds with history (the store read) and without, counted."""
    repo, nogit = work / "registry-repo", work / "no-git"
    # The 1,000-system registry built since shares the record cache and has replaced this
    # registry's records in it: one build first, or the first build counted would judge
    # them again (the no-git copy's records are the same bytes in the same places).
    warm = site_build(repo, "[kk]", out / "a")
    shutil.rmtree(out / "a", ignore_errors=True)
    subprocess.run(warm, cwd=repo, env=_build_env(cache), check=True, capture_output=True)
    counts = []
    for label, languages in (("1 language", "[kk]"), ("3 languages", "[kk, ru, en]")):
        counts.append(counted(label, repo, languages, out / "a", cache))
        counts.append(counted(f"{label}, no git history", nogit, languages, out / "b", cache))
    return counts


def _build_env(cache: Path) -> dict[str, str]:
    """A build's environment: the given cache, and dates from the commits, never the caller."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TRUSTLIST_CACHE": str(cache)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def _forget_history(cache: Path) -> None:
    for stored in cache.glob("history-*.json"):
        stored.unlink()


def _seconds(measure: Measure) -> float:
    return measure.seconds


def serve_edits(root: Path, cache: Path, edits: int = 5) -> list[Measure]:
    """`mkdocs serve --dirty` (what `make serve` runs) on `root`, all three languages: the
    seconds from saving an edited record to the served page showing it, over `edits` edits
    a second apart, as a person makes them: the median and the slowest."""
    write_config(root, "[kk, ru, en]")
    record = sorted((root / "registry").glob("*/*/system.yaml"))[0]
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    name = data["name"]["en"]
    original = record.read_text(encoding="utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    page = f"http://127.0.0.1:{port}/en/{data['sector']}/{data['id']}/"
    env = _build_env(cache)
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    waits = []
    try:
        if not _until_shown(page, name, 1800):
            sys.exit("benchmark step failed: mkdocs serve never served the page")
        for edit in range(edits):
            time.sleep(1)
            shown = f"{name} edit {edit}"
            record.write_text(original.replace(f"  en: {name}\n", f"  en: {shown}\n", 1), "utf-8")
            start = time.monotonic()
            if not _until_shown(page, shown, 120):
                sys.exit("benchmark step failed: an edit never reached the served page")
            waits.append(time.monotonic() - start)
        peak = _peak_mb(server.pid)
    finally:
        record.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    systems = len(list((root / "registry").glob("*/*/system.yaml")))
    label = f"mkdocs serve --dirty, {systems} systems, 3 languages"
    measures = [
        Measure(f"{label}: edit to page, median", statistics.median(waits), peak),
        Measure(f"{label}: edit to page, slowest", max(waits), peak),
    ]
    for measure in measures:
        print(measure.row(), file=sys.stderr, flush=True)
    return measures


def _until_shown(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass  # not serving yet
        time.sleep(0.02)
    return False


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _timed_once(
    what: str, command: list[str], cwd: Path, cache: Path, limit: float | None, output: Path | None
) -> Measure:
    if output is not None:
        shutil.rmtree(output, ignore_errors=True)  # every build starts from an empty folder
    env = _build_env(cache)
    process = subprocess.Popen(
        ["/usr/bin/time", "-f", "@@ %e %M %U %S", *command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so a stopped step takes its git and worker processes along
    )
    sampler = _TotalMemory(process.pid)
    try:
        stdout, stderr = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return Measure(what, float(limit or 0), 0.0, stopped=True)
    finally:
        sampler.stop()
    marker = [line for line in stderr.splitlines() if line.startswith("@@ ")]
    if process.returncode != 0 or not marker:
        sys.exit(f"benchmark step failed: {what}\n{stdout}\n{stderr[-3000:]}")
    seconds, kilobytes, user, system = marker[-1].split()[1:]
    cpu = float(user) + float(system)
    measure = Measure(what, float(seconds), int(kilobytes) / 1024, cpu=cpu, total_mb=sampler.peak)
    read = re.search(r"trustlist: history read in ([0-9.]+) s", stderr)
    measure.history_read = float(read.group(1)) if read else None
    return measure


class _TotalMemory:
    """The peak, sampled twice a second, of the summed proportional set size (PSS) of a
    process and all its descendants. GNU time's figure is the largest single process; a
    build that forks a writer (forked.py) shares most pages with it, and PSS counts each
    shared page once in all, where adding RSS would count it twice."""

    def __init__(self, pid: int) -> None:
        self.peak = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(pid,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self, pid: int) -> None:
        while not self._done.wait(0.5):
            self.peak = max(self.peak, sum(_pss_mb(p) for p in _tree(pid)))


def _tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children = (task / "children").read_text().split()
            for child in children:
                found += _tree(int(child))
    except OSError:
        pass  # ended while we looked
    return found


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


GITHUB_PAGES_LIMIT = 10**9  # bytes: "published GitHub Pages sites may be no larger than 1 GB"


@dataclass
class SiteSize:
    """A built site's size: its bytes and files, and its bytes by kind of file (`_part`)."""

    bytes: int
    files: int
    parts: dict[str, int]


def site_size(site: Path) -> SiteSize:
    """Every file of `site` counted (the size GitHub Pages counts: the files' bytes)."""
    parts: dict[str, int] = {}
    total = files = 0
    for folder, _, names in os.walk(site):
        relative = Path(folder).relative_to(site).parts
        for name in names:
            size = os.stat(os.path.join(folder, name)).st_size  # noqa: PTH116, PTH118
            part = _part(relative, name)
            parts[part] = parts.get(part, 0) + size
            total += size
            files += 1
    return SiteSize(total, files, parts)


def _part(folder: tuple[str, ...], name: str) -> str:
    """What kind of file a site's file is, for the size table."""
    if folder[:2] == ("api", "v1") and len(folder) == 4 and folder[3] == "revisions":
        return f"api/v1/<sector>/revisions/*.{name.rsplit('.', 1)[-1]}"
    if folder[:2] == ("api", "v1") and len(folder) > 2 and folder[2] in ("records", "systems"):
        return f"api/v1/{folder[2]}"
    if folder[:2] == ("api", "v1"):
        return "api/v1, lists, tables, schemas"
    if folder and folder[0] == "documents":
        return "documents"
    if folder and len(folder[0]) == 2:  # kk, ru, en: the pages, feeds and search indexes
        return "<lang>/, pages, feeds, search"
    return "the rest: assets, manifest, sitemap, archive"


def size_lines(size: SiteSize, label: str) -> list[str]:
    """The size table and its verdict against GitHub Pages' limit."""
    under = size.bytes <= GITHUB_PAGES_LIMIT
    lines = [
        "",
        f"size of the {label} site: {size.bytes / 1e6:.1f} MB in {size.files} files, "
        f"{'under' if under else 'NOT under'} GitHub Pages' 1 GB "
        f"({size.bytes / GITHUB_PAGES_LIMIT:.1%} of it; {size.bytes / 2**30:.1%} of 1 GiB)",
    ]
    for part, count in sorted(size.parts.items(), key=lambda item: -item[1]):
        lines.append(f"  {part:<46} {count / 1e6:>9.1f} MB")
    return lines


def site_build(root: Path, languages: str, out: Path, parallel: bool = True) -> list[str]:
    write_config(root, languages, parallel)
    # Not -q: the build's log says how long reading the history took.
    return [str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)]


def write_config(root: Path, languages: str, parallel: bool = True) -> None:
    config = CONFIG.format(languages=languages, parallel=str(parallel).lower())
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)


SIZES: dict[str, SiteSize] = {}  # what `run` measured of the sites' size, by their label


def run(
    systems: int,
    sectors: int,
    commits: int,
    work: Path,
    runs: int,
    baselines: bool = True,
    peer_limit: float | None = None,
    out: Path | None = None,
) -> list[Measure]:
    repo = work / "registry-repo"
    generate(repo, systems, sectors, commits, seed=1)
    nogit = work / "no-git"
    shutil.rmtree(nogit, ignore_errors=True)
    shutil.copytree(repo, nogit, ignore=shutil.ignore_patterns(".git", "plain"))
    out = out or work / "out"
    # Verdicts on PDFs and records are cached by content (trustlist/verdicts.py): the first
    # validation starts with empty caches, as CI does; the second and the builds find them
    # filled, as `make site` (validate, then build) and `mkdocs serve` do.
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    validate = [str(BIN / "trustlist"), "validate", "registry"]
    measures = [
        timed("trustlist validate, empty caches", validate, repo, cache),
        timed(VALIDATE_FILLED, validate, repo, cache),
    ]
    # History as a fresh clone builds it (the deploy job keeps no cache): every commit walked;
    # as every later build does (the history store read, no commit walked); and not at all.
    forget = partial(_forget_history, cache)
    for label, languages in (("1 language", "[kk]"), ("3 languages", "[kk, ru, en]")):
        # One build first, not timed: the revisions' PDFs in these languages printed and kept
        # (speed/pdfcache.py) as for any later build. Else the run that prints them, on the
        # writer's core, may be the one timed, and its memory the one reported.
        warm = site_build(repo, languages, out / "a")
        subprocess.run(warm, cwd=repo, env=_build_env(cache), check=True, capture_output=True)
        steps = [
            Step(f"trustlist site, {label}", site_build(repo, languages, out / "a"), repo),
            Step(
                f"trustlist site, {label}, no git history",
                site_build(nogit, languages, out / "b"),
                nogit,
            ),
        ]
        if label == "1 language":
            full = Step(f"trustlist site, {label}, history walked in full", steps[0].command, repo)
            full.before = forget
            steps.insert(0, full)
        measures += timed_in_turn(steps, cache, runs)
    # The documents and exports written by a forked process (the default) or in the build's
    # own: the time saved and the memory it costs.
    measures.append(
        timed(
            "trustlist site, 3 languages, one process",
            site_build(repo, "[kk, ru, en]", out / "a", parallel=False),
            repo,
            cache,
            runs,
            output=out / "a",
        )
    )
    # The three-language site just built, every revision of every list in it: its size.
    SIZES["3 languages"] = site_size(out / "a")
    print("\n".join(size_lines(SIZES["3 languages"], "3 languages")), file=sys.stderr)
    # Growth and `mkdocs serve` are judged at 1,000 systems: a registry of that size, unless
    # this is one, generated with the same sectors and history length.
    small = repo
    if systems != SMALL:
        small = work / "registry-small"
        generate(small, SMALL, sectors, commits, seed=1)
        measures.append(
            timed(
                f"trustlist site, 1 language, {SMALL} systems",
                site_build(small, "[kk]", out / "f"),
                small,
                cache,
                runs,
                output=out / "f",
            )
        )
    measures += serve_edits(small, cache)
    if not baselines:
        return measures
    plain = repo / "plain"
    mkdocs = str(BIN / "mkdocs")
    measures.append(
        timed(
            "plain MkDocs + Material",
            [mkdocs, "build", "-q", "-d", str(out / "c")],
            plain,
            cache,
            runs,
            output=out / "c",
        )
    )
    measures.append(
        timed(
            "plain + git-revision-date-localized",
            [mkdocs, "build", "-q", "-f", "mkdocs-git.yml", "-d", str(out / "d")],
            plain,
            cache,
            limit=peer_limit,
            output=out / "d",
        )
    )
    hugo = hugo_binary()
    if hugo:
        site = work / "hugo"
        shutil.rmtree(site, ignore_errors=True)  # a kept --work folder holds the last run's
        shutil.copytree(plain / "docs", site / "content")
        for index in sorted((site / "content").rglob("index.md")):
            # Hugo's name for a section's own page; index.md would make a folder one page.
            index.rename(index.with_name("_index.md"))
        (site / "hugo.toml").write_text('baseURL = "https://bench.example.kz/"\n', "utf-8")
        for name in ("single", "list"):
            layout = site / "layouts" / "_default" / f"{name}.html"
            layout.parent.mkdir(parents=True, exist_ok=True)
            layout.write_text(HUGO_LAYOUT, "utf-8")
        measures.append(
            timed(
                "Hugo, minimal theme",
                [hugo, "--quiet", "-d", str(out / "e")],
                site,
                cache,
                runs,
                output=out / "e",
            )
        )
    return measures


# A minimal theme: every page as a title, a list of the section's pages and the content.
HUGO_LAYOUT = """<!doctype html><html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body><nav><a href="{{ .Site.Home.RelPermalink }}">Home</a>
{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<main>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
</li>{{ end }}</ul></main></body></html>
"""


def hugo_binary() -> str | None:
    """Debian's hugo; installed with apt-get when missing and we may (as the browser tests
    install chromium), else the Hugo row is left out and the table says so."""
    found = shutil.which("hugo")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "hugo"],
        capture_output=True,
        check=False,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    return shutil.which("hugo")


def table(
    measures: list[Measure],
    systems: int,
    sectors: int,
    commits: int,
    out: Path,
    instructions: list[Counted] | None = None,
    sizes: dict[str, SiteSize] | None = None,
) -> str:
    by = {m.what: m for m in measures}
    lines = [
        f"trustlist benchmark: {systems} systems, {sectors} sectors, {commits} commits, "
        f"{3 * systems} PDFs",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; sites written to {out} (emptied before each build)",
        "",
        f"| {'step':<48} | {'seconds':>8} | {'CPU s':>8} | {'max RSS':>8} | {'sum PSS':>8} |",
        f"|{'-' * 50}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 10}|",
    ]
    lines += [m.row() for m in measures]
    # The spread behind each best run, so a reader can see how much of a share is the drift.
    turned = [m for m in measures if len(m.turns) > 1]
    if turned:
        lines += ["", "seconds of each turn, in the order run:"]
        lines += [f"{m.what}: {' '.join(f'{t:.2f}' for t in m.turns)}" for m in turned]
    one = by["trustlist site, 1 language"]
    ratios = []
    shares: dict[str, list[float]] = {}  # history's share by each measure, for the verdicts
    full = by["trustlist site, 1 language, history walked in full"]
    for languages, how, git in (
        ("1 language", "from the store", one),
        ("1 language", "walked in full", full),
        ("3 languages", "from the store", by["trustlist site, 3 languages"]),
    ):
        nogit = by[f"trustlist site, {languages}, no git history"]
        label = f"history's share of the build, {languages}, {how}"
        found = [("best runs", 1 - nogit.seconds / git.seconds)]
        if len(git.turns) > 1:
            found.append(("median of turns", _paired(git, nogit)))
        if git.cpu and nogit.cpu:  # CPU time, the writer's and git's included
            found.append(("CPU", 1 - nogit.cpu / git.cpu))
        for measure, share in found:
            ratios.append((f"{label}, {measure}", share))
            shares.setdefault(measure, []).append(share)
    # Reading the history alone (git, the store, the semantic diffs), as the build logged it:
    # steadier than a difference of two builds, and what a git-dating plugin does per file.
    for build in (one, full):
        if build.history_read is not None:
            label = "walked in full" if build is full else "from the store"
            ratios.append(
                (
                    f"history read's share of the 1 language build, {label}",
                    build.history_read / build.seconds,
                )
            )
    if instructions:
        lines += [
            "",
            f"| {'instructions (cachegrind)':<48} | {'own process':>15} | {'all work':>15} |",
            f"|{'-' * 50}|{'-' * 17}|{'-' * 17}|",
            *(c.row() for c in instructions),
        ]
        counts = {c.what: c for c in instructions}
        for label in ("1 language", "3 languages"):
            git, nogit = counts[label], counts[f"{label}, no git history"]
            share = f"history's share of the {label} build, instructions"
            for measure, value in (
                ("own process", 1 - nogit.own / git.own),
                ("all work", 1 - nogit.total / git.total),
            ):
                ratios.append((f"{share}, {measure}", value))
                shares.setdefault(f"instructions, {measure}", []).append(value)
    small = by.get(f"trustlist site, 1 language, {SMALL} systems")
    if small is not None:
        growth = one.seconds / small.seconds
        ratios.append((f"ours, 1 language, {systems} / {SMALL} systems (growth)", growth))
    for label, size in (sizes or {}).items():
        lines += size_lines(size, label)
    if "plain MkDocs + Material" not in by:  # --ours-only
        lines += ["", *(f"{name}: {value:.2f}" for name, value in ratios)]
        lines += verdicts(by, shares, systems, commits)
        return "\n".join(lines)
    plain = by["plain MkDocs + Material"]
    peer = by["plain + git-revision-date-localized"]
    ratios.append(("ours, 1 language / plain MkDocs", one.seconds / plain.seconds))
    notes = []
    if peer.stopped and peer.seconds <= plain.seconds:
        # Stopped before it could even match plain: no lower bound on its cost to report.
        notes.append(
            f"git-revision-date-localized's cost over plain: not measured (stopped at "
            f"{peer.seconds:.0f} s; raise --peer-limit above plain's {plain.seconds:.0f} s)"
        )
    elif peer.stopped:
        notes.append(
            f"git-revision-date-localized's cost over plain: more than "
            f"{peer.seconds / plain.seconds - 1:.2f} (stopped)"
        )
    else:
        ratios.append(
            ("git-revision-date-localized's cost over plain", peer.seconds / plain.seconds - 1)
        )
    if "Hugo, minimal theme" in by:
        ratios.append(("ours, 1 language / Hugo", one.seconds / by["Hugo, minimal theme"].seconds))
    lines += ["", *(f"{name}: {value:.2f}" for name, value in ratios), *notes]
    if "Hugo, minimal theme" not in by:
        lines.append("Hugo: not installed (apt-get install hugo), so no Hugo row")
    lines += verdicts(by, shares, systems, commits)
    return "\n".join(lines)


FULL_SIZE = 10_000  # the size issue 6's targets name, but for history's
HISTORY_SIZE = (2_000, 300)  # systems and commits of history's target
HISTORY_LIMIT = 0.05


def verdicts(
    by: dict[str, Measure], shares: dict[str, list[float]], systems: int, commits: int
) -> list[str]:
    """Issue 6's targets that this run's size can judge, each met or not: the ratios and
    seconds at 10,000 systems, history's share at 2,000 systems and 300 commits (by each of
    its measures, the largest of its cases), `mkdocs serve` at every size."""
    checks: list[tuple[str, float | None, float]] = []  # what, value (None: not run), limit
    if systems == FULL_SIZE:
        one = by["trustlist site, 1 language"]
        plain = by.get("plain MkDocs + Material")
        three = by["trustlist site, 3 languages"]
        small = by.get(f"trustlist site, 1 language, {SMALL} systems")
        checks += [
            (
                "one language / plain MkDocs + Material",
                one.seconds / plain.seconds if plain else None,
                0.5,
            ),
            (
                f"growth, {SMALL} to {systems} systems",
                one.seconds / small.seconds if small else None,
                11,
            ),
            ("three languages, seconds", three.seconds, 60),
            ("three languages, peak MB of all processes", three.total_mb or three.peak_mb, 1000),
            ("validation with filled caches, seconds", by[VALIDATE_FILLED].seconds, 5),
        ]
    serve = by.get(f"mkdocs serve --dirty, {SMALL} systems, 3 languages: edit to page, slowest")
    if serve is not None:
        checks.append(("mkdocs serve, edit to page, slowest, seconds", serve.seconds, 2))
    if (systems, commits) == HISTORY_SIZE:
        for measure, found in shares.items():
            checks.append(
                (f"history's share by {measure}, largest case", max(found), HISTORY_LIMIT)
            )
    if not checks:
        return []
    lines = ["", f"issue 6's targets at {systems} systems and {commits} commits:"]
    for what, value, limit in checks:
        if value is None:
            lines.append(f"{what} (at most {limit:g}): not measured in this run")
        else:
            verdict = "met" if value <= limit else "NOT MET"
            shown = f"{value:.3f}" if limit < 1 else f"{value:.2f}"  # a share: 0.049 or 0.051
            lines.append(f"{what} (at most {limit:g}): {shown}, {verdict}")
    return lines


def _paired(git: Measure, nogit: Measure) -> float:
    """History's share turn by turn (each build with history beside the one without it, run
    next to it), the median of the turns: where the best of each can come from different
    minutes of a drifting machine, a turn's two builds met the same minute."""
    return statistics.median(1 - b / a for a, b in zip(git.turns, nogit.turns, strict=True))


# What each row of the table means, for RESULTS.md: the module docstring, briefly.
ROWS = """\
What the rows mean. Every build writes into an empty folder (in RAM, /dev/shm, unless `--out`)
and counts as the best of `--runs` runs, each in a fresh process. *seconds* is wall time,
*CPU s* user + system time with its git and worker processes, *max RSS* (MB) GNU time's
largest single process, *sum PSS* (MB) the peak of all the build's processes together,
sampled twice a second (shared pages counted once).

- `trustlist validate`: the registry checked with empty caches (as in CI) and filled ones.
- `trustlist site`: the site in one language and in three; "history walked in full" as a fresh
  clone builds it (every commit read, no history store), plain rows as any later build does
  (the store read); "no git history" the same files outside git, for history's share of the
  build. These builds take turns, forward then backward, so the machine's drift falls on them
  alike; the seconds of each turn are listed below the table. One build of each language set
  runs first, untimed, so that the revisions' PDFs are printed before (speed/pdfcache.py).
- "one process": the three-language site with `parallel: false`, without the forked writer.
- size: that three-language site's files, every revision of every list in it, by kind of
  file, judged against the 1 GB (10^9 bytes) that GitHub Pages publishes.
- "1000 systems": a 1,000-system registry generated alike, for how the cost grows with size.
- `mkdocs serve --dirty` (`make serve`): seconds from saving an edited record to the served
  page showing it, five edits a second apart, the median and the slowest.
- plain MkDocs + Material: the same content as hand-written Markdown; the same with
  mkdocs-git-revision-date-localized (the peer that dates pages from git); Hugo with a
  minimal theme on the same Markdown, where `hugo` is installed.
- With `--instructions`, valgrind's count of the instructions the builds with and without
  history execute: the same on every run, for a share smaller than the machine's drift.

The ratios below the table are computed from these rows; the verdicts judge issue 6's
targets that this run's size can judge (most are set at 10,000 systems: `make bench
SIZE=10000`).
"""


def machine() -> list[str]:
    """The machine the run measured, as lines for RESULTS.md."""
    cpu = _first(Path("/proc/cpuinfo"), "model name") or platform.processor() or "unknown"
    memory = _first(Path("/proc/meminfo"), "MemTotal")
    ram = f"{int(memory.split()[0]) / 1024**2:.1f} GiB" if memory else "unknown"
    system = _first(Path("/etc/os-release"), "PRETTY_NAME").strip('"') or platform.system()
    versions = [f"Python {platform.python_version()}"]
    for package in ("mkdocs", "mkdocs-material", "mkdocs-git-revision-date-localized-plugin"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} not installed")
    hugo = shutil.which("hugo")
    if hugo:
        found = subprocess.run([hugo, "version"], capture_output=True, text=True, check=False)
        versions.append(found.stdout.strip() or "hugo (version unknown)")
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores ({platform.machine()})",
        f"RAM: {ram}",
        f"OS: {system}, {platform.system()} {platform.release()}",
        f"Software: {', '.join(versions)}",
    ]


def _first(path: Path, key: str) -> str:
    """The value of the first `key: value` or `key=value` line of `path`, or ""."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    for line in lines:
        name, sep, value = line.partition(":" if ":" in line else "=")
        if sep and name.strip() == key:
            return value.strip()
    return ""


def project_commit() -> str:
    """The project's commit, and whether its tracked files differed from it."""
    git = ["git", "-C", str(PROJECT)]
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        return "unknown (not a git checkout)"
    changed = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
    ).stdout.split("\n")
    changed = [line[3:] for line in changed if line.strip()]
    if not changed:
        return head.stdout.strip()
    shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    return (
        f"{head.stdout.strip()}, with uncommitted changes to {len(changed)} tracked files ({shown})"
    )


def results(
    table_text: str, command: list[str], started: datetime, finished: datetime, commit: str
) -> str:
    """RESULTS.md: what was run, where, when and on which code, then the table."""
    minutes = (finished - started).total_seconds() / 60
    lines = [
        "# Benchmark results",
        "",
        "Written by `benchmarks/run.py` at the end of its run (`make bench`); do not edit by "
        "hand, run it again.",
        "",
        f"- Command: `{shlex.join(command)}`",
        *(f"- {line}" for line in machine()),
        f"- Date: {started.isoformat(timespec='seconds')} to "
        f"{finished.isoformat(timespec='seconds')} ({minutes:.0f} min)",
        f"- Commit: {commit}",
        "",
        "```text",
        table_text,
        "```",
        "",
        ROWS,
    ]
    return "\n".join(lines)


def write_results(
    path: Path, table_text: str, command: list[str], started: datetime, commit: str
) -> None:
    """Write (or overwrite) RESULTS.md at `path`, dated from `started` to now."""
    text = results(table_text, command, started, datetime.now(UTC), commit)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"results written to {path}", file=sys.stderr)


def command_line() -> list[str]:
    """The command as run: the interpreter (relative to here when inside it) and the args."""
    python = Path(sys.executable)
    if python.is_relative_to(Path.cwd()):
        python = python.relative_to(Path.cwd())
    return [str(python), *sys.argv]


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the trustlist benchmark.")
    parser.add_argument("--systems", type=int, default=1000)
    parser.add_argument("--sectors", type=int, default=10)
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--work", type=Path, help="keep the generated files here")
    parser.add_argument(
        "--out", type=Path, help="write the sites here (default: in RAM, /dev/shm, when present)"
    )
    parser.add_argument(
        "--runs", type=int, default=2, help="runs of each build, the best counts (default 2)"
    )
    parser.add_argument(
        "--ours-only", action="store_true", help="skip the baselines (to compare our own changes)"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions of the builds with and without history (valgrind; "
        "a share steadier than seconds, about 8 times the builds' time)",
    )
    parser.add_argument(
        "--peer-limit",
        type=float,
        default=900,
        help="stop the git-date peer after this many seconds (default 900)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=RESULTS,
        help="write the command, machine, date, commit and table here "
        "(default benchmarks/RESULTS.md)",
    )
    parser.add_argument(
        "--no-results", action="store_true", help="only print the table, write no results file"
    )
    args = parser.parse_args()
    started = datetime.now(UTC)
    commit = project_commit()  # the code as it was when the run started
    size = (args.systems, args.sectors, args.commits)
    ram = Path("/dev/shm")
    with (
        tempfile.TemporaryDirectory() as scratch,
        tempfile.TemporaryDirectory(dir=ram if ram.is_dir() else None) as sites,
    ):
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        out = args.out or Path(sites)
        options = (args.runs, not args.ours_only, args.peer_limit, out)
        measures = run(*size, work, *options)
        counts = None
        if args.instructions:
            if shutil.which("valgrind") is None:
                sys.exit("--instructions needs valgrind (apt-get install valgrind)")
            counts = count_history(work, work / "cache", out)
    printed = table(measures, args.systems, args.sectors, args.commits, out, counts, SIZES)
    print(printed)
    if not args.no_results:
        write_results(args.results, printed, command_line(), started, commit)


if __name__ == "__main__":
    main()
