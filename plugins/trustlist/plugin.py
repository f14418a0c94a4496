"""plugin: the MkDocs adapter, the only module that imports mkdocs.

It sequences MkDocs events and delegates to the core: validate (on_config), declare every
generated page, document and export as a virtual file (on_files), give each language its own
navigation (on_nav), and swap each generated page's body for the HTML our autoescaping
templates render from the record (on_page_markdown / on_page_content / on_page_context).
A registry with errors fails the build before anything is written.

One path, one output: a page, a file in docs/, a theme's file or template and each file
publish.py writes each claim their path (publish.Claims); a second claim fails the build,
naming both. A failed build leaves no site: on_build_error removes the site folder (but its
hidden files, which MkDocs keeps too), whatever failed and whenever, so neither a deploy nor
`trustlist verify` can take a half-written site, or the last build's, for this one's.
manifest.json is written last of the files, when everything else is written; MkDocs' strict
mode fails the build only after that (on_post_build), and then the folder goes with it.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import posixpath
import re
import tempfile
import threading
import time
from collections.abc import Iterable
from functools import cache, partial
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import orjson
from jinja2 import pass_context
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import clean_directory

from .core import report
from .core.history import History, ShallowClone, begin_history
from .core.i18n import LANGUAGE_NAMES, LANGUAGES, t
from .core.validate import Registry, RegistryNotFound, validate_registry, vouched_records
from .site import pages
from .site.manifest import MANIFEST, build_manifest, digest_of
from .site.publish import (
    ASSET,
    MANIFEST_FILE,
    OUTPUTS,
    PAGES,
    SEARCH_INDEX,
    SIGNATURE_FILE,
    Claims,
    Collision,
    Output,
    Published,
    asset,
    copied_files,
    made_files,
    published_files,
    search_index_path,
)
from .site.render import COMPILED, HISTORY_PARTS, environment, history_part, render_page
from .site.search import search_index
from .speed.forked import CAN_FORK, Forked, Handed
from .speed.frames import Frames
from .speed.gcpause import gc_paused
from .speed.incremental import Reuse, Snapshot, changed_systems, snapshot
from .speed.verdicts import RECORDS, records_fingerprint

log = logging.getLogger("mkdocs.plugins.trustlist")
PACKAGE = resources.files("trustlist")
ASSETS = ("trustlist.css", "trustlist.js", "md-scope.js", "md-content.js")
_PLAIN_URL = re.compile(r"([a-z0-9-]+/)+")  # nothing to quote: MkDocs' URL is the path itself
IN_NAV = ("home", "sector", "search")  # the generated pages a language's navigation lists


class TrustlistConfig(base.Config):
    registry = opt.Type(str, default="registry")
    """The registry folder, relative to mkdocs.yml."""

    languages = opt.ListOfItems(opt.Choice(LANGUAGES), default=list(LANGUAGES))
    """Languages to build, each a complete site under /<lang>/."""

    demonstration = opt.Type(bool, default=False)
    """Show a banner on every page saying the registry is demonstration data."""

    source_url = opt.Optional(opt.Type(str))
    """Where the repository's files are browsed, e.g. https://github.com/org/repo/blob/main/."""

    parallel = opt.Type(bool, default=True)
    """Write documents, exports and history in a forked process while the pages are rendered
    (forked.py): at 10,000 systems a third faster on two cores, for about a third more memory
    in all. False: one process. Never under `mkdocs serve`."""

    share_fragments = opt.Type(bool, default=True)
    """Render Material's frame once for a sector's system pages in each language (false:
    every page in full, the reference the tests compare the shared rendering with; the
    bytes are the same)."""


class GeneratedPage(Page):
    """A page whose body our templates render (on_page_context) rather than Markdown.

    MkDocs would build a Markdown converter with every extension for each page (about half a
    millisecond) only to convert an empty string; this page skips straight to that result.
    """

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}

    def _set_canonical_url(self, base: str | None) -> None:
        # urljoin and urlsplit were most of the cost of making a Page (30,000 of them): a
        # generated page's URL is a clean relative folder path, so joining is appending.
        if not base or ".." in self.url or ":" in self.url:
            super()._set_canonical_url(base)
            return
        base = base if base.endswith("/") else base + "/"
        self.canonical_url = base + self.url
        self.abs_url = _path_of(base) + self.url


class PageFile(File):
    """A generated page's file: it knows whether an edit changed its page, which is what
    `mkdocs serve --dirty` asks before building a page again (plain builds build them all)."""

    modified = True

    def is_modified(self) -> bool:
        return self.modified


class TrustlistPlugin(BasePlugin[TrustlistConfig]):
    # What an earlier build of this process left, for `mkdocs serve` to build only what an
    # edit changed (incremental.py). MkDocs keeps a plugin with on_startup across rebuilds.
    def __init__(self) -> None:
        super().__init__()
        self.on_startup(command="build", dirty=False)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        self.built: Snapshot | None = None  # the inputs of the last build that succeeded
        self.previous_history: History | None = None
        self.titles: dict[str, str] = {}  # hand-written pages' titles, for dirty builds
        self.reuse = Reuse()  # search, export and CSV entries of systems an edit left alone
        self.writer: Forked | None = None  # the process writing documents and exports
        self.site_dir: str | None = None  # where this build writes: removed if it fails
        self.claims = Claims()  # who writes each path of the site (publish.Claims)
        self.handed = Handed(())  # pages the writer renders for this process: see on_files
        if self.dirty:
            # MkDocs warns that a dirty build may leave stale pages, and strict mode would
            # make that warning fail every build. Ours are not stale: see incremental.py.
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_warning)

    def on_shutdown(self) -> None:
        # MkDocs calls this last, before the process exits. Python's finalization would then
        # collect everything the build made, more than once (one full collection takes 0.28 s
        # at 2,000 systems); exiting took 1.2 s of a 6 s build. Frozen, the objects are
        # still freed by their reference counts, and the operating system takes the rest.
        gc.freeze()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site_dir = config.site_dir  # first: a failure from here on removes the site
        environment.cache_clear()  # each build (`mkdocs serve`) reads our templates afresh
        if self.serving:
            # What earlier builds left (kept state, and garbage that on_post_build has a
            # thread collect once the page is served) is not scanned again during this one.
            gc.freeze()
        root = Path(config.config_file_path or ".").parent / self.config.registry
        # The code's fingerprint (40 ms: 40 files read) keys the record cache and the history
        # store alike: worked out first, so the time logged for history is history's alone.
        records_fingerprint()
        # The record cache too, which validation reads anyway: read before a forked walk of
        # the history (below) copies this process, the copy finds the work tree's records in
        # it without reading the file again (0.1 s of its 0.45 s at 2,000 systems).
        RECORDS.begin()
        started = time.perf_counter()
        try:
            # Git is asked now and answered after validation: it works on the other core, and
            # so does a forked walk of every commit when there is no stored history to go on
            # from (not under `mkdocs serve`, whose threads make forking unsafe). The stored
            # history read lives for the build (the cyclic GC paused, as below).
            fork = self.config.parallel and not self.serving
            with gc_paused():
                begun = begin_history(
                    root, self.previous_history, partial(vouched_records, root) if fork else None
                )
        except ShallowClone as err:
            raise PluginError(str(err)) from None
        reading = time.perf_counter() - started
        try:
            registry = validate_registry(root, remember=self.serving)
        except RegistryNotFound as err:
            raise PluginError(str(err)) from None
        if registry.errors:
            lines = "\n".join(report.text_line(f) for f in registry.errors)
            raise PluginError(
                f"the registry has {len(registry.errors)} error(s); no site is built:\n{lines}"
            )
        if not self.serving:
            # Kept only to place a finding on its line; a valid registry's site needs none
            # (47 MB at 10,000 systems). `mkdocs serve` keeps them for its next validation.
            for entry in registry.systems:
                entry.loaded.text = None
        self.site = pages.Site(
            registry,
            tuple(self.config.languages),
            self.config.demonstration,
            self.config.source_url,
        )
        self.specs: dict[str, pages.PageSpec] = {}
        for spec in self.site.specs:  # two pages at one URL: one would overwrite the other
            first = self.specs.setdefault(spec.src_uri, spec)
            if first is not spec:
                raise PluginError(
                    str(Collision(f"{spec.url}index.html", PAGES[first.kind], PAGES[spec.kind]))
                )
        known = {
            entry.blob: entry.loaded.data
            for entry in registry.systems
            if entry.blob and isinstance(entry.loaded.data, dict)
        }
        started = time.perf_counter()
        with gc_paused():  # the history, like the models below, lives for the build
            self.site.history = begun.finish(known) if begun is not None else None
        if self.site.history is not None:
            revisions = sum(map(len, self.site.history.revisions.values()))
            log.info(
                "trustlist: history read in %.2f s: %d list revisions, %d commits walked",
                reading + time.perf_counter() - started,
                revisions,
                self.site.history.walked,
            )
        self.site.draft = bool(self.site.history and self.site.history.draft)
        # Every page and export reads the models: made here, with the cyclic GC paused. All
        # of them are kept, so its passes would only find them alive, and at 10,000 systems
        # those passes took three times as long as making the models.
        with gc_paused():
            for sector in self.site.sectors():
                self.site.systems(sector.id)
        self._track_changes(config, registry)
        ours = getattr(self, "epoch_set", False)  # set by an earlier build of `mkdocs serve`
        if (
            self.site.history
            and self.site.history.time
            and (ours or "SOURCE_DATE_EPOCH" not in os.environ)
        ):
            # Reproducible output: MkDocs dates the sitemap and its gzip header by this, so
            # the same commit builds the same bytes at any hour on any machine.
            os.environ["SOURCE_DATE_EPOCH"] = str(self.site.history.time)
            self.epoch_set = True
        # What has expired is said as of the commit's day, never the building machine's clock.
        self.site.as_of = pages.day_of(os.environ.get("SOURCE_DATE_EPOCH"))
        # The registry and its history live until the build ends: the cyclic GC need not
        # scan them again each time the pages, models and exports made from them fill a
        # generation. (After an edit, the last build's garbage waits: see on_post_build.)
        # Frozen without a collection first: reading builds no cycles (gcpause.py), so one
        # found nothing to free and took 0.23 s at 2,000 systems, 0.83 s at 10,000
        # (tests/test_build.py checks there is nothing to find).
        gc.freeze()  # undone in on_post_build or on_build_error
        # Our template overrides sit between the user's custom_dir and Material's own.
        overrides = str(PACKAGE / "overrides")
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, overrides)
        config.extra_css.append("assets/trustlist/trustlist.css")
        config.extra_javascript.append("assets/trustlist/trustlist.js")
        config.extra.setdefault("generator", False)  # no "Made with" link to another host
        # No config.extra.alternate: Material would put <link rel=alternate> in every head
        # and its script would fetch /<lang>/sitemap.xml; our switch is per page instead.
        return config

    def _track_changes(self, config: MkDocsConfig, registry: Registry) -> None:
        """`mkdocs serve --dirty`: which systems changed since the last good build."""
        self.changed: frozenset[str] | None = None  # None: build everything
        if not self.dirty:
            self.reuse.keyed(None)
            return
        self.snapshot = snapshot(
            registry,
            self.site.history,
            # Installed themes change with their version, in the settings; walking Material's
            # thousands of icons on every edit would take longer than building a page.
            [
                Path(path)
                for path in (config.config_file_path, config.docs_dir, config.theme.custom_dir)
                if path
            ]
            + [Path(str(PACKAGE))],
            repr((sorted(self.config.items()), config.site_url, version("mkdocs-material"))),
        )
        self.changed = changed_systems(self.built, self.snapshot)
        if self.changed is not None:
            self.changed_sectors = {
                entry.sector for entry in registry.systems if entry.id in self.changed
            }
        self.built = None  # set again when this build succeeds
        self.reuse.keyed(self.snapshot)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.dirty and self.changed is None:
            # Everything is built again: from an empty folder, so that MkDocs also writes the
            # hand-written pages and theme files it would skip as older than their output.
            clean_directory(config.site_dir)

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):
        # `mkdocs serve` watches docs/ only; records and documents live in the registry.
        server.watch(str(Path(config.config_file_path or ".").parent / self.config.registry))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.site_url = (config.site_url or "/").rstrip("/") + "/"
        # Every file but the pages is written by a forked copy of this process while this one
        # writes the pages (forked.py): forked now, once MkDocs has emptied the site folder
        # and before the pages' objects exist, which the copy does not need. Not under
        # `mkdocs serve`: its server threads make forking unsafe, and an edit writes little.
        site_dir = Path(config.site_dir)
        if self.config.parallel and not self.serving:
            handle, name = tempfile.mkstemp(prefix="trustlist-digests-", suffix=".json")
            os.close(handle)
            self.digests = Path(name)  # outside the site: the writer's report of what it wrote
            copied = copied_files(self.site, self.site_url)
            # The history pages and the system pages' history sections are made from history
            # alone, as the writer's files are: the writer renders them first and hands them
            # over, so this process only takes them.
            self.handed = Handed(
                spec.src_uri
                for spec in self.site.specs
                if CAN_FORK and self.site.history is not None and spec.kind in HISTORY_PARTS
            )
            self.writer = Forked(partial(self._writer, site_dir, copied))
            self.handed.receive()
        self.site.guides = {
            lang: [g for g in pages.GUIDES if files.get_file_from_path(f"{lang}/{g}.md")]
            for lang in self.config.languages
        }
        for spec in self.site.specs:
            # Pages outside every navigation say so: MkDocs would otherwise sort all 30,000
            # into its global navigation (seconds at 10,000 systems), only for on_nav to
            # replace it, and link each system page to its neighbours in path order.
            inclusion = (
                InclusionLevel.UNDEFINED if spec.kind in IN_NAV else InclusionLevel.NOT_IN_NAV
            )
            file = PageFile.generated(config, spec.src_uri, content="", inclusion=inclusion)
            if _PLAIN_URL.fullmatch(spec.url):
                # What MkDocs would work out from the source path, known here (30,000 times).
                file.dest_uri = f"{spec.url}index.html"
                file.url = spec.url if config.use_directory_urls else file.dest_uri
            file.modified = self._modified(spec)
            page = GeneratedPage(None, file, config)  # becomes file.page, which MkDocs uses
            if spec.kind in IN_NAV:
                # Named now, not when MkDocs reads the page: a dirty build reads only pages it
                # builds, and every page's navigation shows these. Data: escaped once, here.
                page.title = escape(pages.title(self.site, spec))
            self._declare(files, file, config)
        for lang in self.config.languages:
            file = File.generated(
                config, search_index_path(lang), content=search_index(self.site, lang, self.reuse)
            )
            self._declare(files, file, config, SEARCH_INDEX)
        for name in ASSETS:
            file = File.generated(
                config, asset(name), content=(PACKAGE / "assets" / name).read_bytes()
            )
            self._declare(files, file, config, ASSET)
        return files

    def _declare(
        self, files: Files, file: File, config: MkDocsConfig, output: Output | None = None
    ) -> None:
        """Add our `file` to MkDocs' files, refusing one whose source path is taken (a page
        in docs/ at a generated page's path): MkDocs would replace that file with ours."""
        first = files.src_uris.get(file.src_uri)
        if first is not None:
            producer = partial(self._producer, config)
            raise PluginError(str(Collision(file.dest_uri, producer(first), producer(file))))
        if output is not None:
            file.trustlist_output = output  # type: ignore[attr-defined] (said if it collides)
        files.append(file)

    def _producer(self, config: MkDocsConfig, owner: object) -> str:
        """Who writes a path, said when two do: an Output, or one of MkDocs' files."""
        if not isinstance(owner, File):
            return str(owner)
        if isinstance(owner, PageFile):
            return str(PAGES[self.specs[owner.src_uri].kind])
        output = getattr(owner, "trustlist_output", None)
        if output is not None:
            return str(output)
        if owner.generated_by:
            return f"{owner.src_uri}, made by the plugin {owner.generated_by}"
        if owner.src_dir and Path(owner.src_dir) == Path(config.docs_dir):
            return f"{Path(config.docs_dir).name}/{owner.src_uri}"
        return f"the theme's {owner.src_uri}"

    def _writer(self, site_dir: Path, copied: Iterable[Published]) -> None:
        """The forked writer's work: the pages' history parts it hands over, then the files."""
        for name in self.handed.names:
            self.handed.send(history_part(self.site, self.specs[name]))
        self.handed.close()
        self._write_files(site_dir, copied, Claims(), self.digests)

    def _modified(self, spec: pages.PageSpec) -> bool:
        """Whether this build changes the page: after an edit, the edited systems' pages,
        their sectors' lists, and the home pages, which show the latest changes."""
        if self.changed is None or spec.kind == "home":
            return True
        if spec.kind == "system":
            return spec.system in self.changed
        return spec.kind == "sector" and spec.sector in self.changed_sectors

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # One navigation per language, holding only that language's home, sectors and
        # hand-written pages: system pages stay out (Material renders the nav into every page).
        self.navs: dict[str, Navigation] = {}
        for lang in self.config.languages:
            items = []
            for spec in self.site.specs:
                if spec.lang == lang and spec.kind in IN_NAV:
                    file = files.get_file_from_path(spec.src_uri)
                    items.append(file.page or Page(None, file, config))
            for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
                if file.src_uri.startswith(f"{lang}/") and file.src_uri not in self.specs:
                    items.append(file.page or Page(None, file, config))
            self.navs[lang] = Navigation(items, [i for i in items if isinstance(i, Page)])
            self.navs[lang].homepage = items[0]  # the language's home: the logo leads there
        return nav

    @event_priority(100)  # before other plugins see the (empty) Markdown of generated pages
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        spec = self.specs.get(page.file.src_uri)
        lang = spec.lang if spec else _language_of(page.file.src_uri, self.config.languages)
        page.meta["trustlist_lang"] = lang
        page.meta["trustlist_site_name"] = t("site_title", lang)
        banners = []
        if self.serving:  # a preview, whatever git says: and no page changes when that does
            banners.append(t("preview", lang))
        elif self.site.draft:
            banners.append(t("draft", lang))
        if self.config.demonstration:
            banners.append(t("demo_banner", lang))
        if banners:
            page.meta["trustlist_demo_banner"] = " ".join(banners)
        if spec is None:
            page.meta["trustlist_alternates"] = _alternates_for_doc(
                page.file.src_uri, lang, self.config.languages
            )
            return markdown
        if spec.kind == "system" and self.config.share_fragments:
            # A sector's system pages in one language share Material's frame (frames.py).
            page.meta["trustlist_frame"] = f"{lang}:{spec.sector}"
            page.meta["template"] = "trustlist-frame.html"
        # Titles are data: escaped once here, printed as-is by our templates.
        page.title = escape(pages.title(self.site, spec))
        page.meta["trustlist_alternates"] = pages.alternates(self.site, spec)
        return ""

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        frames = self.frames = Frames()  # a build's frames; `mkdocs serve` builds anew

        @pass_context
        def trustlist_frame(context, page: Page) -> str:
            """`{{ trustlist_frame(page) }}` in trustlist-frame.html: see frames.py."""
            return frames.render(context, page, page.meta["trustlist_frame"])

        env.globals["trustlist_frame"] = trustlist_frame
        self._claim_mkdocs_files(files, config)
        # A dirty build reads only modified pages, but every page's navigation shows the
        # hand-written ones' titles: those it did not read keep the last build's.
        for file in files.documentation_pages():
            if file.page is not None and file.src_uri not in self.specs:
                if file.page.markdown is None and file.src_uri in self.titles:
                    file.page.title = self.titles[file.src_uri]
                elif file.page.title:
                    self.titles[file.src_uri] = file.page.title
        # MkDocs makes a new environment for every build, so templates cannot change under
        # this one: no need to stat each template file again on each of a page's ~20 includes.
        env.auto_reload = False
        env.bytecode_cache = COMPILED  # `mkdocs serve`: Material's templates compiled once
        # Everything read so far (registry, history, pages) lives until the build ends; the
        # cyclic GC need not scan it again and again while thousands of pages are written.
        if self.changed is None:
            gc.collect()
        gc.freeze()  # undone in on_post_build or on_build_error
        return env

    def _claim_mkdocs_files(self, files: Files, config: MkDocsConfig) -> None:
        """Every path MkDocs writes, claimed before it writes any (on_env): its files as all
        plugins left them (two with one destination are refused here), its theme's
        templates, and the manifest that this plugin writes last. publish.py's files claim
        theirs as they are written, the forked writer's when it is done."""
        self.claims = claims = Claims(partial(self._producer, config))
        written = InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included
        try:
            for file in files:
                if written(file.inclusion):
                    claims.claim(file.dest_uri, file)
            for name in sorted(config.theme.static_templates):
                claims.claim(name, f"MkDocs' template {name}")
                if name == "sitemap.xml":
                    claims.claim(f"{name}.gz", f"MkDocs' template {name}, compressed")
            if not self.serving:
                claims.claim(MANIFEST, MANIFEST_FILE)
                claims.claim(SIGNATURE_FILE.path, SIGNATURE_FILE)
        except Collision as collision:
            raise PluginError(str(collision)) from None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # A generated page's body is rendered just before its template (on_page_context) and
        # dropped once written (on_post_page): MkDocs reads every page before writing any, and
        # 30,000 bodies held at once took 2 GB.
        return "" if page.file.src_uri in self.specs else html

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self.handed.discard()
        if self.writer is not None:
            self.writer.stop()
            self.writer = None
            self.digests.unlink(missing_ok=True)
        if self.site_dir is not None and not self.serving:
            # No site rather than a half-written one, or the last build's (validation fails
            # before MkDocs empties the folder): a deploy would publish it, and its manifest
            # (strict mode fails after on_post_build) would verify. `mkdocs serve` keeps
            # showing the last good build.
            remove_site(self.site_dir)
            self.site_dir = None

    def _write_files(
        self,
        site_dir: Path,
        files: Iterable[Published],
        claims: Claims,
        digests: Path | None = None,
    ) -> dict[str, dict]:
        """Files that are not pages (publish.py), and the digest of each for the manifest,
        hashed from the bytes written (into `digests` as JSON, from a forked writer, with the
        kind of output each is, by its place in publish.OUTPUTS). Written one at a time
        rather than declared as MkDocs files: together they are hundreds of MB at national
        scale, and MkDocs would hold every declared file's content (and a File object for each
        of 50,000 documents) until the build ends. Each claims its path first (`claims`): a
        path already written, or declared to MkDocs, is refused (publish.Collision)."""
        folders: set[str] = set()
        written = {}
        kinds: list[int] = []
        index = {output: at for at, output in enumerate(OUTPUTS)}
        site = str(site_dir)
        claim = claims.claim
        for published in files:
            claim(published.uri, published.by)
            if digests is not None:
                kinds.append(index[published.by])
            # Paths as strings: pathlib parsed and hashed each of thousands of paths again.
            target = f"{site}/{published.uri}"
            folder = target.rpartition("/")[0]
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)  # noqa: PTH103 (a str, as above)
                folders.add(folder)
            if published.source is not None:
                data = _read(published.source)
            elif isinstance(published.content, bytes):
                data = published.content
            else:
                data = str(published.content).encode("utf-8")
            _write(target, data)
            if not self.serving:  # a preview has no manifest
                written[published.uri] = digest_of(data)
        if digests is not None:
            digests.write_bytes(orjson.dumps({"written": written, "by": kinds}))
        return written

    @event_priority(-100)  # last: the manifest lists what every plugin wrote
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._publish(Path(config.site_dir))
        except Collision as collision:
            raise PluginError(str(collision)) from None

    def _publish(self, site_dir: Path) -> None:
        """Every file that is not a page (publish.py), then the manifest of them all."""
        if self.writer is None:
            every = published_files(self.site, self.site_url, self.changed, self.reuse)
            written = self._write_files(site_dir, every, self.claims)
        else:
            made = made_files(self.site, self.site_url, self.changed, self.reuse)
            written = self._write_files(site_dir, made, self.claims)
            error, self.writer = self.writer.join(), None
            if self.handed.names:
                log.info(
                    "trustlist: %d of %d pages' history parts rendered by the writer "
                    "(waited %.2f s for them)",
                    self.handed.taken,
                    len(self.handed.names),
                    self.handed.waited,
                )
            self.handed.discard()
            self.handed = Handed(())
            report = self.digests.read_bytes()
            self.digests.unlink()
            if error:
                raise PluginError(f"the site's documents and lists were not written: {error}")
            report = orjson.loads(report)
            # The writer's files were written while MkDocs wrote its own: a path both wrote
            # fails the build now (and on_build_error takes the site away).
            for uri, kind in zip(report["written"], report["by"], strict=True):
                self.claims.claim(uri, OUTPUTS[kind])
            written.update(report["written"])
        # Last, when every file is written: the manifest lists them all with their hashes
        # (those the writer hashed as it wrote them, about half the bytes, are not read again).
        # Not for `mkdocs serve`: a preview is never published, and attests nothing.
        if not self.serving:
            (site_dir / MANIFEST).write_text(
                build_manifest(site_dir, self.site.history, written), encoding="utf-8"
            )
        # Unfrozen only now: a full collection over everything frozen took seconds at 10,000
        # systems when it fell in the manifest's hashing. (`mkdocs serve` builds again in this
        # process: this build's data must be free to go.)
        gc.unfreeze()
        if self.dirty:
            self.built = self.snapshot
        if self.serving:
            self.previous_history = self.site.history
            # A full collection takes a quarter of a second at 1,000 systems: done while the
            # browser loads the page rather than on the way to it (the next build freezes).
            collector = threading.Timer(1.0, gc.collect)
            collector.daemon = True
            collector.start()

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.specs:
            page.content = ""
        return valid_html(output)

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return valid_html(output)

    def on_template_context(self, context, /, *, template_name: str, config: MkDocsConfig):
        # The 404 page has no language of its own: it shows the first language's navigation
        # rather than MkDocs' global one, which would list every system page.
        context["nav"] = self.navs[self.config.languages[0]]
        return context

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav: Navigation):
        lang = page.meta.get("trustlist_lang")
        if lang in self.navs:
            context["nav"] = self.navs[lang]
        spec = self.specs.get(page.file.src_uri)
        if spec:
            page.content = render_page(self.site, spec, self.handed.take(spec.src_uri))
        return context


def remove_site(site_dir: str) -> None:
    """The site folder emptied as MkDocs empties it (its hidden files stay: MkDocs never
    writes one), and removed once empty."""
    clean_directory(site_dir)
    with contextlib.suppress(OSError):  # missing, or hidden files stay in it
        os.rmdir(site_dir)  # noqa: PTH106 (a str, as MkDocs gives it)


def _read(source: Path) -> bytes:
    """`source.read_bytes()` in plain descriptor calls, as `_write`: a registry's every file is
    copied (8,000 at 2,000 systems)."""
    handle = os.open(source, os.O_RDONLY)
    try:
        want = os.fstat(handle).st_size + 1  # one byte over: a file grown since is read whole
        parts = []
        while chunk := os.read(handle, want):
            parts.append(chunk)
        return b"".join(parts)
    finally:
        os.close(handle)


def _write(target: str, data: bytes) -> None:
    """`target.write_bytes(data)` without a Python file object: tens of thousands of files a
    build, where pathlib's buffered file and path parsing took twice as long (the 4,164
    history files of 2,000 systems: 0.27 s written and hashed, now 0.14 s)."""
    handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:  # a write to a regular file may still stop short (a signal, a full disk)
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


@cache
def _path_of(base: str) -> str:
    return urlsplit(base).path


def _dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


# Material's markup that the Nu validator rejects, as Material writes it: autocomplete on its
# checkbox toggles, and an empty tabindex on section labels of the navigation.
_INVALID_MARKUP = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    (' tabindex="">', ">"),
)


def valid_html(html: str) -> str:
    for old, new in _INVALID_MARKUP:
        html = html.replace(old, new)
    return html


def _language_of(src_uri: str, languages: list[str]) -> str:
    # Pages outside a language folder (docs/rules.md) are the maintainers' English reference.
    first = src_uri.split("/", 1)[0]
    if first in languages:
        return first
    return "en" if "en" in languages else languages[0]


def _alternates_for_doc(src_uri: str, lang: str, languages: list[str]) -> list[dict[str, object]]:
    """Hand-written pages mirror each other by path: docs/kk/about.md ↔ docs/ru/about.md."""
    rest = src_uri.split("/", 1)[1] if "/" in src_uri else src_uri
    here = posixpath.dirname(src_uri) if rest.endswith("index.md") else src_uri.removesuffix(".md")
    out = []
    for other in languages:
        there = (
            here.replace(f"{lang}/", f"{other}/", 1) if here.startswith(f"{lang}/") else f"{other}/"
        )
        out.append(
            {
                "lang": other,
                "name": LANGUAGE_NAMES[other],
                "current": other == lang,
                "url": pages.relative(here + "/", there + "/"),
            }
        )
    return out
