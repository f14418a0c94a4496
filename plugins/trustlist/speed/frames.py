"""frames: Material's page frame rendered once for all system pages of a sector and language.

A sector's system pages in one language sit at the same depth, share a navigation, have no
table of contents and no previous/next links: their frame (head, header, sidebars, footer,
scripts) differs only in the title, the canonical URL, the description, the language links
(the switch's, and the head's hreflang alternates from the site's root) and the content. So
the frame is rendered once from a *probe*, a copy of the first page whose own values are
holes, and cut at the holes; every page of the group is then the frame's parts joined with
its own values, which are printed raw by the theme's templates (MkDocs' Jinja environment
does not autoescape; our titles and descriptions are escaped once by the plugin and theme.py).

Three guards keep the bytes those of a full rendering:
- a hole holds `<i>&amp;</i>` and NULs, so a filter applied to it (escape, striptags, url,
  truncate, ...) leaves a stray NUL and the frame is not used;
- the frame must not contain the probe's system id: the first page's own values would leak
  into every other page;
- the first page is rendered in full as well and must equal its filling of the frame; a later
  page is filled only if it has what the probe had (no neighbours, an <h1> of its own, the
  same metadata but for its own values, a description if the probe had one).
A group whose frame fails a guard is rendered in full, page by page.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from jinja2.runtime import Context

TEMPLATE = "main.html"  # the template MkDocs would render each page with
ALTERNATES = "trustlist_alternates"
# An alternate's values that are the page's own: its link from the page (the language switch)
# and its path from the site's root (the head's hreflang, after the site's address).
ALTERNATE_VALUES = ("url", "path")
DESCRIPTION = "trustlist_description_escaped"  # site/theme.py SYSTEM_DESCRIPTION


def _hole(name: str) -> str:
    return f"\0trustlist:{name}<i>&amp;</i>\0"


TITLE, CANONICAL, DESCRIBED = _hole("title"), _hole("canonical"), _hole("description")
# Material writes its own <h1> when the content has none; ours always has one.
CONTENT = _hole("content") + "<h1>"


@dataclass(frozen=True)
class Frame:
    """A page's output cut at its holes: parts[0] hole[0] parts[1] ... parts[-1]."""

    parts: tuple[str, ...]
    # "title", "canonical", "description", "content", or an alternate's "<index>.<value>"
    holes: tuple[str, ...]
    meta: dict[str, Any]  # the probe's metadata but for its own values (`_shared`)
    alternates: int

    def fits(self, page: Any) -> bool:
        """Whether `page` renders like the probe but for the holes."""
        meta = page.meta
        return (
            page.previous_page is None
            and page.next_page is None
            and "<h1" in (page.content or "")
            and len(meta.get(ALTERNATES) or ()) == self.alternates
            and _shared(meta) == self.meta
        )

    def fill(self, page: Any) -> str:
        values = {
            "title": str(page.title),
            "canonical": page.canonical_url,
            "content": page.content,
            "description": page.meta.get(DESCRIPTION),
        }
        for index, alternate in enumerate(page.meta.get(ALTERNATES) or ()):
            for name in ALTERNATE_VALUES:
                values[f"{index}.{name}"] = alternate.get(name)
        out = [self.parts[0]]
        for hole, part in zip(self.holes, self.parts[1:], strict=True):
            out.append(values[hole])
            out.append(part)
        return "".join(out)


class Frames:
    """One build's frames, by group key; None for a group rendered in full."""

    def __init__(self) -> None:
        self.frames: dict[str, Frame | None] = {}
        self.filled = 0  # pages made from a frame, for the tests and the curious

    def render(self, context: Context, page: Any, group: str) -> str:
        if group not in self.frames:
            full = _render(context, page)
            frame = _cut(context, page)
            self.frames[group] = frame if frame is not None and frame.fill(page) == full else None
            return full
        frame = self.frames[group]
        if frame is None or not frame.fits(page):
            return _render(context, page)
        self.filled += 1
        return frame.fill(page)


def _render(context: Context, page: Any) -> str:
    return context.environment.get_template(TEMPLATE).render({**context.get_all(), "page": page})


def _cut(context: Context, page: Any) -> Frame | None:
    alternates = page.meta.get(ALTERNATES) or []
    if (
        page.previous_page is not None
        or page.next_page is not None
        or "<h1" not in (page.content or "")
        or page.canonical_url is None
    ):
        return None
    probe = copy.copy(page)
    probe.title, probe.canonical_url, probe.content = TITLE, CANONICAL, CONTENT
    holes = {TITLE: "title", CANONICAL: "canonical", CONTENT: "content"}
    holed = []
    for index, alternate in enumerate(alternates):
        own = {name: f"{index}.{name}" for name in ALTERNATE_VALUES if name in alternate}
        holed.append({**alternate, **{name: _hole(key) for name, key in own.items()}})
        holes.update({_hole(key): key for key in own.values()})
    probe.meta = {**page.meta, ALTERNATES: holed}
    if page.meta.get(DESCRIPTION) is not None:
        probe.meta[DESCRIPTION] = DESCRIBED
        holes[DESCRIBED] = "description"
    output = _render(context, probe)
    parts, found = _split(output, holes)
    system = page.file.src_uri.split("/")[-2]  # kk/<sector>/<system>/index.md
    if any("\0" in part or system in part for part in parts):
        return None
    return Frame(tuple(parts), tuple(found), _shared(page.meta), len(alternates))


def _split(output: str, holes: dict[str, str]) -> tuple[list[str], list[str]]:
    """Cut `output` at every occurrence of every hole, in order of appearance."""
    parts, found, start = [], [], 0
    while True:
        hits = [(output.find(hole, start), hole) for hole in holes]
        hits = [(at, hole) for at, hole in hits if at >= 0]
        if not hits:
            parts.append(output[start:])
            return parts, found
        at, hole = min(hits)
        parts.append(output[start:at])
        found.append(holes[hole])
        start = at + len(hole)


def _shared(meta: dict[str, Any]) -> dict[str, Any]:
    """A page's metadata but for its own values: its language links and its description
    (whether it has one is shared: the frame prints one or none)."""
    shared = {key: value for key, value in meta.items() if key != ALTERNATES}
    if DESCRIPTION in shared:
        shared[DESCRIPTION] = shared[DESCRIPTION] is not None
    return shared
