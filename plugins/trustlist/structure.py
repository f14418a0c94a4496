"""structure: the MkDocs objects the adapter makes (part of it, with plugin.py and config.py:
the only modules that import mkdocs). Generated pages and their files, one navigation per
language, and the claim of every path MkDocs writes, so that two outputs never share one.

One path, one output: a page, a file in docs/, a theme's file or template and each file
build.py writes each claim their path (outputs.Claims); a second claim fails the build,
naming both. A failed build leaves no site: the plugin's on_build_error removes the site
folder (but its hidden files, which MkDocs keeps too), whatever failed and whenever, so
neither a deploy nor `trustlist verify` can take a half-written site, or the last build's,
for this one's. manifest.json is written last of the files; MkDocs' strict mode fails the
build only after that (on_post_build), and then the folder goes with it."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from functools import cache, partial
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import clean_directory

from .build import Build, BuildError, search_indexes
from .core.findings import UsageError
from .site import pages, sectors_api
from .site.dedent import Dedented
from .site.manifest import FILE_LIST, MANIFEST
from .site.outputs import (
    ASSET,
    FILE_LIST_FILE,
    MANIFEST_FILE,
    PAGES,
    SEARCH_INDEX,
    SECTORS_LIST,
    SIGNATURE_FILE,
    Claims,
    Collision,
    Output,
    asset,
)
from .site.pages import PageSpec
from .speed.templates import COMPILED
from .speed.writer import WriterFailed

# The generated pages a language's navigation lists, in its order: the lists, then the changes
# by month (one item: the index of the months, each month a page of it, however many there are).
IN_NAV = ("home", "search", "sector", "changes")
ASSETS = (
    "trustlist.css",
    "trustlist.js",
    "md-scope.js",
    "md-content.js",
    "trustlist-form.js",  # the application form, loaded only by docs/<lang>/apply/form.md
    "trustlist-form.css",
)
_PLAIN_URL = re.compile(r"([a-z0-9-]+/)+")  # nothing to quote: MkDocs' URL is the path itself


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


def declare_generated(
    files: Files, config: MkDocsConfig, done: Build, package: Traversable
) -> None:
    """Our pages (build.specs), search indexes, the sectors' file and assets, as MkDocs
    files."""
    site, specs = done.site, done.specs
    for spec in site.specs:
        # Pages outside every navigation say so: MkDocs would otherwise sort all 30,000
        # into its global navigation (seconds at 10,000 systems), only for on_nav to
        # replace it, and link each system page to its neighbours in path order.
        inclusion = InclusionLevel.UNDEFINED if spec.kind in IN_NAV else InclusionLevel.NOT_IN_NAV
        file = PageFile.generated(config, spec.src_uri, content="", inclusion=inclusion)
        if _PLAIN_URL.fullmatch(spec.url):
            # What MkDocs would work out from the source path, known here (30,000 times).
            file.dest_uri = f"{spec.url}index.html"
            file.url = spec.url if config.use_directory_urls else file.dest_uri
        if done.changes is not None:
            file.modified = done.changes.modified(spec.kind, spec.sector, spec.system)
        page = GeneratedPage(None, file, config)  # becomes file.page, which MkDocs uses
        if spec.kind in IN_NAV:
            # Named now, not when MkDocs reads the page: a dirty build reads only pages it
            # builds, and every page's navigation shows these. Data: escaped once, here.
            page.title = escape(pages.title(site, spec))
        declare(files, file, config, specs)
    for path, content in search_indexes(done):
        declare(files, File.generated(config, path, content=content), config, specs, SEARCH_INDEX)
    # The sectors as data, for the application form; addresses after the site's (on_files).
    sectors = File.generated(
        config, sectors_api.PATH, content=sectors_api.sectors_json(site, done.site_url)
    )
    declare(files, sectors, config, specs, SECTORS_LIST)
    for name in ASSETS:
        content = (package / "assets" / name).read_bytes()
        declare(files, File.generated(config, asset(name), content=content), config, specs, ASSET)


def use_our_theme(config: MkDocsConfig, package: Traversable) -> None:
    """Our template overrides between the user's custom_dir and Material's own, our CSS and
    script, and no "Made with" link to another host. No config.extra.alternate: Material would
    put <link rel=alternate> in every head and its script would fetch /<lang>/sitemap.xml; our
    language switch is per page instead."""
    position = 1 if config.theme.custom_dir else 0
    config.theme.dirs.insert(position, str(package / "overrides"))
    config.extra_css.append("assets/trustlist/trustlist.css")
    config.extra_javascript.append("assets/trustlist/trustlist.js")
    config.extra.setdefault("generator", False)


def read_theme_once(env: Environment) -> None:
    """How the theme's templates are read for a build: MkDocs makes a new environment for
    every build, so templates cannot change under this one (no need to stat each template
    file again on each of a page's ~20 includes); compiled once (speed/templates.py); read
    without their indentation (site/dedent.py)."""
    env.auto_reload = False
    env.bytecode_cache = COMPILED
    env.loader = Dedented(env.loader)


def keep_titles(files: Files, specs: dict[str, PageSpec], titles: dict[str, str]) -> None:
    """A dirty build reads only modified pages, but every page's navigation shows the
    hand-written ones' titles: those it did not read keep the last build's (`titles`)."""
    for file in files.documentation_pages():
        if file.page is not None and file.src_uri not in specs:
            if file.page.markdown is None and file.src_uri in titles:
                file.page.title = titles[file.src_uri]
            elif file.page.title:
                titles[file.src_uri] = file.page.title


def declare(
    files: Files,
    file: File,
    config: MkDocsConfig,
    specs: dict[str, PageSpec],
    output: Output | None = None,
) -> None:
    """Add our `file` to MkDocs' files, refusing one whose source path is taken (a page in
    docs/ at a generated page's path): MkDocs would replace that file with ours."""
    first = files.src_uris.get(file.src_uri)
    if first is not None:
        said = partial(producer, config, specs)
        raise PluginError(str(Collision(file.dest_uri, said(first), said(file))))
    if output is not None:
        file.trustlist_output = output  # type: ignore[attr-defined] (said if it collides)
    files.append(file)


def producer(config: MkDocsConfig, specs: dict[str, PageSpec], owner: object) -> str:
    """Who writes a path, said when two do: an Output, or one of MkDocs' files."""
    if not isinstance(owner, File):
        return str(owner)
    if isinstance(owner, PageFile):
        return str(PAGES[specs[owner.src_uri].kind])
    output = getattr(owner, "trustlist_output", None)
    if output is not None:
        return str(output)
    if owner.generated_by:
        return f"{owner.src_uri}, made by the plugin {owner.generated_by}"
    if owner.src_dir and Path(owner.src_dir) == Path(config.docs_dir):
        return f"{Path(config.docs_dir).name}/{owner.src_uri}"
    return f"the theme's {owner.src_uri}"


def navigations(
    languages: list[str], specs: dict[str, PageSpec], files: Files, config: MkDocsConfig
) -> dict[str, Navigation]:
    """One navigation per language, holding only that language's home, search, sectors, the
    index of the months' changes and hand-written pages: system and month pages stay out
    (Material renders the nav into every page, so 2,000 systems in it cost 73 s and 1.2 GB
    instead of 6.7 s and 45 MB)."""
    navs: dict[str, Navigation] = {}
    for lang in languages:
        items = []
        listed = [s for s in specs.values() if s.lang == lang and s.kind in IN_NAV]
        for spec in sorted(listed, key=lambda s: IN_NAV.index(s.kind)):  # stable: sectors by id
            file = files.get_file_from_path(spec.src_uri)
            items.append(file.page or Page(None, file, config))
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            if file.src_uri.startswith(f"{lang}/") and file.src_uri not in specs:
                items.append(file.page or Page(None, file, config))
        navs[lang] = Navigation(items, [i for i in items if isinstance(i, Page)])
        navs[lang].homepage = items[0]  # the language's home: the logo leads there
    return navs


def claim_mkdocs_files(
    files: Files, config: MkDocsConfig, specs: dict[str, PageSpec], serving: bool
) -> Claims:
    """Every path MkDocs writes, claimed before it writes any (on_env): its files as all
    plugins left them (two with one destination are refused here), its theme's templates, and
    the manifest that build.finish writes last. The files build.py writes claim theirs as
    they are written, the forked writer's when it is done."""
    claims = Claims(partial(producer, config, specs))
    written = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
    try:
        for file in files:
            if written(file.inclusion):
                claims.claim(file.dest_uri, file)
        for name in sorted(config.theme.static_templates):
            claims.claim(name, f"MkDocs' template {name}")
            if name == "sitemap.xml":
                claims.claim(f"{name}.gz", f"MkDocs' template {name}, compressed")
        if not serving:
            claims.claim(MANIFEST, MANIFEST_FILE)
            claims.claim(SIGNATURE_FILE.path, SIGNATURE_FILE)
            claims.claim(FILE_LIST, FILE_LIST_FILE)
    except Collision as collision:
        raise PluginError(str(collision)) from None
    return claims


def remove_site(site_dir: str) -> None:
    """The site folder emptied as MkDocs empties it (its hidden files stay: MkDocs never
    writes one), and removed once empty."""
    clean_directory(site_dir)
    with contextlib.suppress(OSError):  # missing, or hidden files stay in it
        os.rmdir(site_dir)  # noqa: PTH106 (a str, as MkDocs gives it)


@cache
def _path_of(base: str) -> str:
    return urlsplit(base).path


@contextlib.contextmanager
def said() -> Iterator[None]:
    """The build's stops (its findings, a collision, a command's usage error, a failed
    writer), said as MkDocs says a plugin's: one message, no traceback."""
    try:
        yield
    except (BuildError, Collision, UsageError, WriterFailed) as stop:
        raise PluginError(str(stop)) from None
