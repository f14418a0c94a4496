"""speed/templates.py: compiled templates kept in the cache folder are used by a later process,
never for an edited template, and a damaged or foreign file only costs compiling again."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader
from trustlist.speed.templates import CompiledTemplates


class CountingEnvironment(Environment):
    """A real Jinja environment that counts the templates it had to compile."""

    compiled = 0

    def compile(self, *args, **kwargs):
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def render(folder: Path, **context: object) -> tuple[str, int]:
    """`page.html` rendered as a new build does: a new environment and a new process's cache."""
    CountingEnvironment.compiled = 0
    env = CountingEnvironment(loader=FileSystemLoader(folder), bytecode_cache=CompiledTemplates())
    return env.get_template("page.html").render(context), CountingEnvironment.compiled


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    return folder


def test_a_later_build_takes_the_compiled_template(templates: Path, tmp_path: Path) -> None:
    assert render(templates, name="Сарапшы") == ("<p>Сарапшы</p>", 1)
    assert len(list((tmp_path / "cache" / "templates").iterdir())) == 1
    assert render(templates, name="Диагност") == ("<p>Диагност</p>", 0)


def test_an_edited_template_is_compiled_again(templates: Path) -> None:
    render(templates, name="x")
    (templates / "page.html").write_text("<h1>{{ name }}</h1>", encoding="utf-8")
    assert render(templates, name="x") == ("<h1>x</h1>", 1)
    assert render(templates, name="y") == ("<h1>y</h1>", 0)


def test_a_damaged_file_is_compiled_again(templates: Path, tmp_path: Path) -> None:
    render(templates, name="x")
    (stored,) = (tmp_path / "cache" / "templates").iterdir()
    stored.write_bytes(b"not a compiled template")
    assert render(templates, name="x") == ("<p>x</p>", 1)
    assert render(templates, name="x") == ("<p>x</p>", 0)  # and written whole again


def test_off_keeps_nothing_on_disk(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTLIST_CACHE", "off")
    assert render(templates, name="x") == ("<p>x</p>", 1)
    assert render(templates, name="x") == ("<p>x</p>", 1)
    assert not (tmp_path / "cache").exists()
