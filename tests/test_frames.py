"""frames.py: Material's frame rendered once per sector and language gives the bytes of a full
rendering, and is refused whenever a template treats a page's own values in a way the frame
cannot repeat. The byte-for-byte comparison of whole sites is in test_site.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import PROJECT
from jinja2 import DictLoader, Environment, pass_context
from trustlist.speed.frames import Frames

FRAME = """<head><title>{{ page.title }} – site</title><link href="{{ page.canonical_url }}">
<meta name="description" content="{{ page.meta.trustlist_description_escaped }}">
{% for alt in page.meta.trustlist_alternates %}<link hreflang="{{ alt.lang }}" href="https://x.kz/{{ alt.path }}">{% endfor %}</head>
<ul>{% for alt in page.meta.trustlist_alternates %}<li><a href="{{ alt.url }}">{{ alt.lang }}</a></li>{% endfor %}</ul>
<span>{{ page.title }}</span>{% if "<h1" not in page.content %}<h1>{{ page.title }}</h1>{% endif %}
<main>{{ page.content }}</main><footer>{{ shared }}</footer>"""


@dataclass
class _File:
    src_uri: str


@dataclass
class _Page:
    """The attributes of an MkDocs page that frames.py reads."""

    system: str
    title: str = ""
    content: str = ""
    canonical_url: str | None = None
    previous_page: object = None
    next_page: object = None
    meta: dict = field(default_factory=dict)
    file: _File = field(init=False)

    def __post_init__(self) -> None:
        self.file = _File(f"kk/health/{self.system}/index.md")
        self.title = self.title or f"System &amp; {self.system}"
        self.content = self.content or f"<h1>{self.system}</h1><p>body of {self.system}</p>"
        self.canonical_url = f"https://x.kz/kk/health/{self.system}/"
        self.meta = {
            "trustlist_lang": "kk",
            "trustlist_alternates": [
                {
                    "lang": lang,
                    "url": f"../../../{lang}/health/{self.system}/",
                    "path": f"{lang}/health/{self.system}/",
                }
                for lang in ("ru", "en")
            ],
            "trustlist_description_escaped": f"What {self.system} is for &amp; why",
        }


def _render_all(main: str, pages: list[_Page]) -> tuple[Frames, list[str], list[str]]:
    """Every page through the frame, and every page rendered in full, as the plugin would."""
    env = Environment(loader=DictLoader({"main.html": main, "frame.html": "{{ frame(page) }}"}))
    frames = Frames()

    @pass_context
    def frame(context, page):
        return frames.render(context, page, "kk:health")

    env.globals["frame"] = frame
    env.globals["shared"] = "the same for every page"
    framed = [env.get_template("frame.html").render(page=page) for page in pages]
    full = [env.get_template("main.html").render(page=page) for page in pages]
    return frames, framed, full


def _pages() -> list[_Page]:
    return [_Page(f"sys-{n}") for n in range(1, 6)]


def test_pages_filled_from_one_frame_equal_their_full_rendering() -> None:
    frames, framed, full = _render_all(FRAME, _pages())
    assert framed == full
    assert frames.filled == 4  # the first page is rendered in full to check the frame
    assert "sys-3" in framed[2] and "sys-3" not in framed[3]
    # Each page's own description and language links, from the site's root.
    assert '<meta name="description" content="What sys-3 is for &amp; why">' in framed[2]
    assert '<link hreflang="en" href="https://x.kz/en/health/sys-3/">' in framed[2]
    assert "What sys-2 is for" not in framed[2] and "x.kz/en/health/sys-2/" not in framed[2]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ("{{ page.title }} – site", "{{ page.title | e }} – site"),  # escaped once more
        ("{{ page.title }} – site", "{{ page.title | striptags }} – site"),  # unescaped
        ("{{ page.title }} – site", "{{ page.title | truncate(12) }} – site"),
        ("<footer>", '<footer><a href="{{ page.file.src_uri }}">src</a>'),  # the page's own path
        (  # a description escaped twice
            "{{ page.meta.trustlist_description_escaped }}",
            "{{ page.meta.trustlist_description_escaped | e }}",
        ),
        ("https://x.kz/{{ alt.path }}", "{{ alt.path | upper }}"),  # a language link changed
    ],
)
def test_a_frame_that_cannot_repeat_a_page_is_refused(change: str, why: str) -> None:
    frames, framed, full = _render_all(FRAME.replace(change, why, 1), _pages())
    assert frames.frames == {"kk:health": None}
    assert frames.filled == 0
    assert framed == full


def test_a_page_unlike_the_probe_is_rendered_in_full() -> None:
    pages = _pages()
    pages[2].content = "<p>no heading of its own</p>"  # Material would add an <h1>
    pages[3].next_page = pages[4]  # neighbours: links the frame does not have
    pages[4].meta["trustlist_demo_banner"] = "demo"
    pages.append(_Page("sys-6"))
    pages[5].meta["trustlist_description_escaped"] = None  # none, where the frame has one
    frames, framed, full = _render_all(
        FRAME
        + "{% if page.next_page %}<a rel=next></a>{% endif %}{{ page.meta.trustlist_demo_banner }}",
        pages,
    )
    assert framed == full
    assert frames.filled == 1  # only sys-2
    assert "<h1>System &amp; sys-3</h1>" in framed[2]


def test_the_sample_site_fills_every_system_page_but_the_first_of_each_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    # The plugin sets SOURCE_DATE_EPOCH from the registry's last commit; undone afterwards,
    # or later builds in this test process would date their sitemaps by the sample registry.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.chdir(PROJECT)
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    plugin = config.plugins["trustlist"]
    system_pages = [
        p
        for p in (tmp_path / "site").glob("*/*/*/index.html")
        if p.parts[-2] != "history" and p.parts[-3] not in ("changes", "apply")  # same depth
    ]
    groups = plugin.frames.frames
    assert groups and all(frame is not None for frame in groups.values()), groups
    assert plugin.frames.filled == len(system_pages) - len(groups) > 0
