"""plugin: the MkDocs adapter (with config.py and structure.py, the only modules importing mkdocs).

It calls build.py's stages from MkDocs' events and translates between the two: our pages and
files become MkDocs `File`s and `Page`s, each language gets its own navigation, and each
generated page's body is the HTML our autoescaping templates render from the record, never
Markdown. A failed build leaves no site (on_build_error). Runs unchanged under ProperDocs.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from jinja2 import pass_context
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from . import __version__, build
from .config import TrustlistConfig, build_options, watched_inputs
from .core.i18n import t
from .site import guides, pages, theme
from .site.outputs import Claims
from .speed import gcpause
from .speed.frames import Frames
from .structure import (
    claim_mkdocs_files,
    declare_generated,
    keep_titles,
    navigations,
    read_theme_once,
    remove_site,
    said,
    use_our_theme,
)

PACKAGE = resources.files("trustlist")
# What Material's <meta name="generator"> names for the engine: the API both MkDocs 1.6 and
# ProperDocs implement, and this plugin, so that either engine builds the same bytes.
ENGINE = f"1.6, trustlist-{__version__}"


class TrustlistPlugin(BasePlugin[TrustlistConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.on_startup(command="build", dirty=False)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps a plugin with on_startup across the rebuilds of `mkdocs serve`.
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        self.session = build.Session()
        self.build: build.Build | None = None
        self.titles: dict[str, str] = {}  # hand-written pages' titles, for dirty builds
        self.site_dir: str | None = None  # where this build writes: removed if it fails
        self.claims = Claims()  # who writes each path of the site
        if self.dirty:
            # MkDocs warns that a dirty build may leave stale pages, and strict mode would
            # make that warning fail every build. Ours are not stale: see incremental.py.
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_warning)

    def on_shutdown(self) -> None:
        gcpause.at_exit()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site_dir = config.site_dir  # first: a failure from here on removes the site
        self.build = None
        if self.serving:
            # What earlier builds left (kept state, and garbage that finish has a thread
            # collect once the page is served) is not scanned again during this one.
            gcpause.hold()
        options = build_options(self.config, config, self.serving, self.dirty)
        watched, settings = watched_inputs(self.config, config, options, PACKAGE)
        with said():
            self.build = build.read_registry(options, self.session, watched, settings)
        use_our_theme(config, PACKAGE)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        changes = self.build.changes
        if changes is not None and changes.systems is None:
            # Everything is built again: from an empty folder, so that MkDocs also writes the
            # hand-written pages and theme files it would skip as older than their output.
            clean_directory(config.site_dir)

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):
        # `mkdocs serve` watches docs/ only; records and documents live in the registry.
        server.watch(str(Path(config.config_file_path or ".").parent / self.config.registry))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        done = self.build
        site_url = (config.site_url or "/").rstrip("/") + "/"
        build.start_writing(done, Path(config.site_dir), site_url)
        declare_generated(files, config, done, PACKAGE)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.navs = navigations(self.config.languages, self.build.specs, files, config)
        return nav

    @event_priority(100)  # before other plugins see the (empty) Markdown of generated pages
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        site, languages = self.build.site, self.config.languages
        spec = self.build.specs.get(page.file.src_uri)
        lang = spec.lang if spec else theme.language_of(page.file.src_uri, languages)
        page.meta["trustlist_lang"] = lang
        page.meta["trustlist_site_name"] = t("site_title", lang)
        page.meta.update(theme.page_meta(self.build, page.file.src_uri, markdown))
        banners = theme.banners(site, lang, preview=self.serving)
        if banners:
            page.meta["trustlist_demo_banner"] = banners
        if spec is None:
            page.meta["trustlist_alternates"] = theme.alternates_for_doc(
                page.file.src_uri, lang, languages
            )
            return guides.filled(markdown, lang, self.config.repository)
        if spec.kind == "system" and self.config.share_fragments:
            # A sector's system pages in one language share Material's frame (frames.py).
            page.meta["trustlist_frame"] = f"{lang}:{spec.sector}"
            page.meta["template"] = "trustlist-frame.html"
        # Titles are data: escaped once here, printed as-is by our templates.
        page.title = escape(pages.title(site, spec))
        page.meta["trustlist_alternates"] = pages.alternates(site, spec)
        return ""

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        self.frames = frames = Frames()  # a build's frames; `mkdocs serve` builds anew

        @pass_context
        def trustlist_frame(context, page: Page) -> str:
            """`{{ trustlist_frame(page) }}` in trustlist-frame.html: see frames.py."""
            return frames.render(context, page, page.meta["trustlist_frame"])

        env.globals["trustlist_frame"] = trustlist_frame
        self.claims = claim_mkdocs_files(files, config, self.build.specs, self.serving)
        keep_titles(files, self.build.specs, self.titles)
        read_theme_once(env)
        changes = self.build.changes
        gcpause.collect_and_hold(full_build=changes is None or changes.systems is None)
        return env

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # A generated page's body is rendered just before its template (on_page_context) and
        # dropped once written (on_post_page): MkDocs reads every page before writing any, and
        # 30,000 bodies held at once took 2 GB.
        return "" if page.file.src_uri in self.build.specs else html

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav: Navigation):
        context["mkdocs_version"] = ENGINE
        lang = page.meta.get("trustlist_lang")
        if lang in self.navs:
            context["nav"] = self.navs[lang]
        spec = self.build.specs.get(page.file.src_uri)
        if spec:
            page.content = build.render(self.build, spec)
        return context

    def on_template_context(self, context, /, *, template_name: str, config: MkDocsConfig):
        # The 404 page has no language of its own: it shows the first language's navigation
        # rather than MkDocs' global one, which would list every system page.
        context["nav"] = self.navs[self.config.languages[0]]
        context["trustlist_not_found"] = theme.not_found(self.build)  # said in every language
        context["mkdocs_version"] = ENGINE
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.build.specs:
            page.content = ""
        return theme.valid_html(output)

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return theme.valid_html(output)

    @event_priority(-100)  # last: the manifest lists what every plugin wrote
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        with said():
            build.finish(self.build, self.session, Path(config.site_dir), self.claims)

    def on_build_error(self, *, error: Exception) -> None:
        build.abandon(self.build)
        if self.site_dir is not None and not self.serving:
            # No site rather than a half-written one, or the last build's (validation fails
            # before MkDocs empties the folder): a deploy would publish it, and its manifest
            # (strict mode fails after on_post_build) would verify. `mkdocs serve` keeps
            # showing the last good build.
            remove_site(self.site_dir)
            self.site_dir = None


def _dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")
