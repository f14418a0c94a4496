"""render step: page views → HTML fragments through autoescaping Jinja templates.

Record text is data: it is escaped here and never passes through Markdown.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .pages import PageSpec, Site, view


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("trustlist", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["kb"] = _size
    return env


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / 1024 / 1024:.1f} MiB"


def render_page(site: Site, spec: PageSpec) -> str:
    """The HTML body of a generated page (the theme wraps it)."""
    template = environment().get_template(f"{spec.kind}.html")
    return template.render(view(site, spec))
