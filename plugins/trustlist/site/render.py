"""render step: page views → HTML fragments through autoescaping Jinja templates.

Record text is data: it is escaped here and never passes through Markdown.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import (
    BaseLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from ..core.i18n import labels
from ..speed.templates import COMPILED
from .pages import PageSpec, Site, history_view, view

# `{{ t.key }}`: a label, the same on every page of a language.
_LABEL = re.compile(r"\{\{ t\.([a-z0-9_]+) \}\}")


class _LabelledLoader(BaseLoader):
    """ "system.html@kk" is system.html with each `{{ t.key }}` written in as its Kazakh text,
    escaped here once: 30,000 pages then skip ~50 lookups and escapes each."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: Environment, template: str):
        name, _, lang = template.partition("@")
        source, filename, uptodate = self.inner.get_source(environment, name)
        if lang:
            words = labels(lang)

            def written(match: re.Match[str]) -> str:
                text = str(escape(words[match[1]]))
                # Text that Jinja would read as syntax stays a lookup.
                return match[0] if any(c in text for c in "{}#%") else text

            source = _LABEL.sub(written, source)
        return source, filename, uptodate


@cache
def environment() -> Environment:
    env = Environment(
        bytecode_cache=COMPILED,
        loader=_LabelledLoader(PackageLoader("trustlist", "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # read once per build: plugin.on_config clears this cache
    )
    env.filters["kb"] = _size
    return env


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / 1024 / 1024:.1f} MiB"


HISTORY_PARTS = ("history", "system")  # the kinds of page with a part made from history alone


def history_part(site: Site, spec: PageSpec) -> str:
    """What a page shows made from history alone (a history page whole, a system page's
    history section): a forked writer renders these ahead of the pages (plugin.on_files)."""
    if spec.kind == "history":
        return _render(f"history.html@{spec.lang}", view(site, spec))
    if site.history is None:
        return ""  # what system-history.html renders with no revisions, without rendering it
    return _render(f"system-history.html@{spec.lang}", history_view(site, spec))


def render_page(site: Site, spec: PageSpec, part: str | None = None) -> str:
    """The HTML body of a generated page (the theme wraps it). `part`: its `history_part`,
    if already rendered."""
    if spec.kind == "history":
        return part if part is not None else history_part(site, spec)
    context = view(site, spec)
    if spec.kind == "system":
        # Our own autoescaping template's output (here or in the writer): escaped already.
        section = part if part is not None else history_part(site, spec)
        context["history_section"] = Markup(section)  # noqa: S704
    return _render(f"{spec.kind}.html@{spec.lang}", context)


def _render(template: str, context: dict[str, object]) -> str:
    return environment().get_template(template).render(context)
