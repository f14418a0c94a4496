"""site/dedent.py: the theme's templates read without their indentation, so every page is
smaller, while whitespace a browser shows (in <pre>, <textarea>, a script's template string)
and whatever a template prints stay as they are."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import DictLoader, Environment
from trustlist.site.dedent import Dedented, dedented

PAGE = "<ul>\n  <li>{{ a }}</li>\n\t\t<li>b</li>\n    \n</ul>\n"


def test_each_line_loses_its_leading_spaces_and_keeps_its_newline() -> None:
    assert dedented(PAGE) == "<ul>\n<li>{{ a }}</li>\n<li>b</li>\n\n</ul>\n"


def test_a_template_that_keeps_spaces_is_read_as_it_is() -> None:
    for keeps in ("<pre>\n  x\n</pre>", "<TEXTAREA>\n  x</textarea>", "<script>\n  `a\n  b`"):
        assert dedented(f"<div>\n  {keeps}\n</div>") == f"<div>\n  {keeps}\n</div>"


def test_what_a_template_prints_is_never_touched() -> None:
    env = Environment(loader=Dedented(DictLoader({"page.html": PAGE})), autoescape=True)
    assert env.list_templates() == ["page.html"]
    printed = env.get_template("page.html").render(a="  two  spaces\n    and a line")
    assert printed == "<ul>\n<li>  two  spaces\n    and a line</li>\n<li>b</li>\n\n</ul>"


def test_the_built_pages_carry_no_indentation_of_the_theme(sample_site: Path) -> None:
    page = (sample_site / "en" / "healthcare" / "demo-xray-triage" / "index.html").read_text(
        encoding="utf-8"
    )
    head = page[: page.index("</head>")]
    assert "<head>" in head and '<meta name="description"' in head
    assert re.search(r"\n[ \t]+<", head) is None
    # The body's record text and our own templates' output are all still there.
    assert "demo-xray-triage" in page
