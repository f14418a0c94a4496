"""config: the plugin's settings in mkdocs.yml (`plugins: - trustlist: ...`)."""

from __future__ import annotations

from importlib.metadata import version
from importlib.resources.abc import Traversable
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig

from .build import Options
from .core.i18n import LANGUAGES


class TrustlistConfig(base.Config):
    registry = opt.Type(str, default="registry")
    """The registry folder, relative to mkdocs.yml."""

    languages = opt.ListOfItems(opt.Choice(LANGUAGES), default=list(LANGUAGES))
    """Languages to build, each a complete site under /<lang>/."""

    demonstration = opt.Type(bool, default=False)
    """Show a banner on every page saying the registry is demonstration data."""

    source_url = opt.Optional(opt.Type(str))
    """Where the repository's files are browsed, e.g. https://github.com/org/repo/blob/main/."""

    repository = opt.Optional(opt.URL())
    """The registry's repository, as git clones it, e.g. https://github.com/OWNER/NAME: the
    auditors' page then gives the real `git clone` (and, on GitHub, `gh attestation verify
    --repo OWNER/NAME`) instead of a placeholder. Not Material's `repo_url`, whose header
    widget has every visitor's browser ask api.github.com: the site loads nothing from
    third-party hosts. Unset: the placeholders stay."""

    open_applications = opt.Optional(opt.Type(str))
    """The open applications as `trustlist applications --out FILE` wrote them (relative to
    mkdocs.yml): counted on each sector's page and in its export, with the time they were
    read. Missing file: nothing is said of open applications. An invalid one stops the build."""

    parallel = opt.Type(bool, default=True)
    """Write documents, exports and history in a forked process while the pages are rendered
    (speed/writer.py): at 10,000 systems a third faster on two cores, for about a third more
    memory in all. False: one process. Never under `mkdocs serve`."""

    share_fragments = opt.Type(bool, default=True)
    """Render Material's frame once for a sector's system pages in each language (false:
    every page in full, the reference the tests compare the shared rendering with; the
    bytes are the same)."""


def build_options(
    ours: TrustlistConfig, config: MkDocsConfig, serving: bool, dirty: bool
) -> Options:
    """What build.py is asked for, from our settings and MkDocs' (paths from mkdocs.yml)."""
    here = Path(config.config_file_path or ".").parent
    return Options(
        registry=here / ours.registry,
        docs_dir=Path(config.docs_dir),
        languages=tuple(ours.languages),
        demonstration=ours.demonstration,
        source_url=ours.source_url,
        open_applications=here / ours.open_applications if ours.open_applications else None,
        parallel=ours.parallel,
        serving=serving,
        dirty=dirty,
    )


def watched_inputs(
    ours: TrustlistConfig, config: MkDocsConfig, options: Options, package: Traversable
) -> tuple[list[Path], str]:
    """What every page depends on besides the registry, for `mkdocs serve --dirty`: files and
    folders (compared by size and time) and the settings as text. Installed themes change with
    their version, in the settings: walking Material's thousands of icons on every edit would
    take longer than building a page."""
    watched = [
        Path(path)
        for path in (config.config_file_path, config.docs_dir, config.theme.custom_dir)
        if path
    ] + [Path(str(package))]
    if options.open_applications is not None:
        watched.append(options.open_applications)
    settings = repr((sorted(ours.items()), config.site_url, version("mkdocs-material")))
    return watched, settings
