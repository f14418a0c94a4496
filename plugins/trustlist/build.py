"""build: how the public site is made, stage by stage. Read top to bottom.

MkDocs (or ProperDocs) runs the build; plugin.py calls these stages from its events and
nothing else decides anything:

    read_registry     on_config       the registry validated (any error stops the build
                                      before anything is written), its history read, the
                                      models made once, and the `Site` built, not changed
                                      after: everything every page and file is made from
    plan              on_files        the pages (site/pages.py's PageSpec), one search index
                                      per language, our assets
    start_writing     on_files        every file that is not a page, written by a forked copy
                                      of the build while the pages are rendered
    render            on_page_context a generated page's HTML (site/render.py), from the Site
    finish            on_post_build   the exports written, the writer joined, and the
                                      manifest (every file's SHA-256) written last

What only makes it faster is handed in from speed/ (the record and PDF verdict caches, the
history store, the forked writer, the shared frame, incremental rebuilds, the GC's pauses);
each has one switch, and the bytes of the site are the same without it (tests/test_site.py).
`Session` is what `mkdocs serve` keeps between builds.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .core.findings import Finding
from .core.history import History
from .core.history_read import begin_history
from .core.open_applications import OpenApplications, load_open_applications
from .core.report import text_line
from .core.validate import Registry, display_root, validate_registry, vouched_records
from .site import pages
from .site.manifest import MANIFEST, build_manifest, write_file_list
from .site.outputs import PAGES, Claims, Collision, search_index_path
from .site.pages import PageSpec, Site
from .site.publish import copied_files, made_files, published_files
from .site.render import HISTORY_PARTS, environment, history_part, render_page
from .site.search import search_index
from .site.write import write_files
from .speed import gcpause
from .speed.forked import Forked
from .speed.gcpause import gc_paused
from .speed.historystore import Store
from .speed.incremental import Changes, Reuse, Snapshot, track_changes
from .speed.verdicts import MEMORY, RECORDS, records_fingerprint
from .speed.writer import ForkedWriter

log = logging.getLogger("mkdocs.plugins.trustlist")


class BuildError(Exception):
    """The build stops here, and says why in one message (the findings, one line each)."""


@dataclass(frozen=True)
class Options:
    """What a build is asked for: the plugin's settings and how MkDocs runs it."""

    registry: Path
    docs_dir: Path
    languages: tuple[str, ...]
    demonstration: bool = False
    source_url: str | None = None
    open_applications: Path | None = None  # `trustlist applications --out`, if any
    parallel: bool = True  # the forked writer and the forked walk of history
    serving: bool = False  # `mkdocs serve`: a preview, never published
    dirty: bool = False  # `mkdocs serve --dirty`: only what an edit changed is built again


@dataclass
class Session:
    """What one process keeps from build to build: `mkdocs serve` builds again on each edit."""

    previous_history: History | None = None  # kept while HEAD has not moved
    built: Snapshot | None = None  # the inputs of the last build that succeeded
    reuse: Reuse = field(default_factory=Reuse)  # entries of the systems an edit left alone
    epoch_set: bool = False  # SOURCE_DATE_EPOCH is ours, from an earlier build


@dataclass
class Build:
    """One build's state from stage to stage."""

    options: Options
    site: Site
    specs: dict[str, PageSpec]  # every generated page, by its source path
    changes: Changes | None = None  # None: everything is built
    reuse: Reuse = field(default_factory=Reuse)  # the session's (incremental.py)
    writer: ForkedWriter | None = None
    site_url: str = "/"


# 1. read_registry (on_config)


def read_registry(options: Options, session: Session, watched: list[Path], settings: str) -> Build:
    """Validate, read the history, make the models, and build the Site once.
    `watched` and `settings` are what every page depends on besides the registry (for
    `mkdocs serve --dirty`: speed/incremental.py)."""
    environment.cache_clear()  # each build (`mkdocs serve`) reads our templates afresh
    root = options.registry
    # The code's fingerprint (40 ms: 40 files read) keys the record cache and the history
    # store alike: worked out first, so the time logged for history is history's alone.
    records_fingerprint()
    # The record cache too, which validation reads anyway: read before a forked walk of the
    # history (below) copies this process, the copy finds the work tree's records in it
    # without reading the file again (0.1 s of its 0.45 s at 2,000 systems).
    RECORDS.begin()
    started = time.perf_counter()
    # Git is asked now and answered after validation: it works on the other core, and so
    # does a forked walk of every commit when there is no stored history to go on from (not
    # under `mkdocs serve`, whose threads make forking unsafe). The stored history read
    # lives for the build (the cyclic GC paused, as below).
    fork = options.parallel and not options.serving
    with gc_paused():
        begun = begin_history(
            root,
            session.previous_history,
            partial(vouched_records, root, RECORDS) if fork else None,
            store=Store,
            fork=Forked,
        )
    reading = time.perf_counter() - started
    registry = validate(options)
    history = None
    if begun is not None:
        started = time.perf_counter()
        with gc_paused():  # the history, like the models below, lives for the build
            history = begun.finish(_known(registry))
        log.info(
            "trustlist: history read in %.2f s: %d list revisions, %d commits walked",
            reading + time.perf_counter() - started,
            sum(map(len, history.revisions.values())),
            history.walked,
        )
    if not options.serving:  # `mkdocs serve` validates again after each edit
        RECORDS.let_go()  # saved by the validation; the history has what it needed of it
    _reproducible(history, session)
    still_open = _open_applications(options, registry)
    site = Site(
        registry,
        options.languages,
        options.demonstration,
        options.source_url,
        guides=_guides(options),
        history=history,
        draft=bool(history and history.draft),
        # What has expired is said as of the commit's day, never the building machine's.
        as_of=pages.day_of(os.environ.get("SOURCE_DATE_EPOCH")),
        open_applications=still_open,
    )
    specs = _specs(site)
    # Every page and export reads the models: made here, with the cyclic GC paused. All of
    # them are kept, so its passes would only find them alive, and at 10,000 systems those
    # passes took three times as long as making the models.
    with gc_paused():
        for sector in site.sectors():
            site.systems(sector.id)
    changes = None
    if options.dirty:
        changes = track_changes(registry, history, session.built, watched, settings)
        session.built = None  # set again when this build succeeds
    session.reuse.keyed(changes.snapshot if changes else None)
    gcpause.hold()  # undone in finish or abandon
    return Build(options, site, specs, changes, session.reuse)


def validate(options: Options) -> Registry:
    """Every record judged; any error stops the build, before anything is written."""
    with gc_paused():  # all of it lives for the build: the GC's passes would find it alive
        registry = validate_registry(options.registry, options.serving, MEMORY)
    if registry.errors:
        raise BuildError(_findings(registry.errors))
    if not options.serving:
        # Kept only to place a finding on its line; a valid registry's site needs none (47 MB
        # at 10,000 systems). `mkdocs serve` keeps them for its next validation.
        for entry in registry.systems:
            entry.loaded.text = None
    return registry


def _open_applications(options: Options, registry: Registry) -> OpenApplications | None:
    """The applications still open, where the build is given them and the file exists (the
    deploy job writes it); judged like a record: an invalid one stops the build."""
    path = options.open_applications
    if path is None or not path.exists():
        return None
    found, findings = load_open_applications(path, display_root(path), set(registry.sectors))
    if findings:
        raise BuildError(_findings(findings, "the open applications file"))
    return found


def _findings(errors: list[Finding], subject: str = "the registry") -> str:
    lines = "\n".join(text_line(f) for f in errors)
    return f"{subject} has {len(errors)} error(s); no site is built:\n{lines}"


def _known(registry: Registry) -> dict[str, dict]:
    """The work tree's records by git blob id: history takes them instead of parsing again."""
    return {
        entry.blob: entry.loaded.data
        for entry in registry.systems
        if entry.blob and isinstance(entry.loaded.data, dict)
    }


def _reproducible(history: History | None, session: Session) -> None:
    """MkDocs dates the sitemap and its gzip header by SOURCE_DATE_EPOCH: set to the commit's
    time (unless the caller set it), the same commit builds the same bytes at any hour on
    any machine."""
    if history and history.time and (session.epoch_set or "SOURCE_DATE_EPOCH" not in os.environ):
        os.environ["SOURCE_DATE_EPOCH"] = str(history.time)
        session.epoch_set = True


def _guides(options: Options) -> dict[str, list[str]]:
    """The hand-written guides each language has (docs/<lang>/<guide>.md)."""
    return {
        lang: [g for g in pages.GUIDES if (options.docs_dir / lang / f"{g}.md").is_file()]
        for lang in options.languages
    }


def _specs(site: Site) -> dict[str, PageSpec]:
    specs: dict[str, PageSpec] = {}
    for spec in site.specs:  # two pages at one URL: one would overwrite the other
        first = specs.setdefault(spec.src_uri, spec)
        if first is not spec:
            raise Collision(f"{spec.url}index.html", PAGES[first.kind], PAGES[spec.kind])
    return specs


# 2. plan (on_files): the pages are build.specs; besides them, the search indexes


def search_indexes(build: Build) -> Iterator[tuple[str, str]]:
    """One search index per language: (path in the site, content)."""
    for lang in build.options.languages:
        yield search_index_path(lang), search_index(build.site, lang, build.reuse)


# 3. start_writing (on_files)


def start_writing(build: Build, site_dir: Path, site_url: str) -> None:
    """Fork the writer of every file that is not a page (speed/writer.py), once MkDocs has
    emptied the site folder and before the pages' objects exist. Without `parallel`, or under
    `mkdocs serve`, `finish` writes them all instead."""
    build.site_url = site_url
    options = build.options
    if not options.parallel or options.serving:
        return
    site = build.site
    # The history pages and the system pages' history sections are made from history alone,
    # as the writer's files are: the writer renders them first and hands them over.
    parts = [
        spec.src_uri
        for spec in site.specs
        if site.history is not None and spec.kind in HISTORY_PARTS
    ]
    build.writer = ForkedWriter(
        site_dir,
        copied_files(site, site_url),
        parts,
        lambda name: history_part(site, build.specs[name]),
    )


# 4. render (on_page_context)


def render(build: Build, spec: PageSpec) -> str:
    """A generated page's body, its history part taken from the writer when it made it."""
    part = build.writer.take(spec.src_uri) if build.writer else None
    return render_page(build.site, spec, part)


# 5. finish (on_post_build)


def finish(build: Build, session: Session, site_dir: Path, claims: Claims) -> None:
    """Every file that is not a page, then the manifest of them all."""
    site, only, reuse = build.site, _only(build), build.reuse
    hashed = not build.options.serving  # a preview has no manifest
    if build.writer is None:
        every = published_files(site, build.site_url, only, reuse)
        written = write_files(site_dir, every, claims.claim, hashed)
    else:
        made = made_files(site, build.site_url, only, reuse)
        written = write_files(site_dir, made, claims.claim, hashed)
        writer, build.writer = build.writer, None
        written.update(writer.join(claims.claim))
    # Last, when every file is written: the manifest lists them all with their hashes (those
    # the writers hashed as they wrote them are not read again). Not for `mkdocs serve`: a
    # preview is never published, and attests nothing.
    if hashed:
        (site_dir / MANIFEST).write_text(
            build_manifest(site_dir, site.history, written), encoding="utf-8"
        )
        write_file_list(site_dir)  # what `wget -i` fetches: the manifest's files, and it
    gcpause.release()
    if build.changes is not None:
        session.built = build.changes.snapshot
    if build.options.serving:
        session.previous_history = site.history
        gcpause.collect_soon()


def abandon(build: Build | None) -> None:
    """The build failed: the writer stopped, the data free to go."""
    gcpause.release()
    if build is not None and build.writer is not None:
        build.writer.stop()
        build.writer = None


def _only(build: Build) -> frozenset[str] | None:
    return build.changes.systems if build.changes is not None else None
