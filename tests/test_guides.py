"""The hand-written guides given the site's settings: with `repository` set (mkdocs.yml), the
auditors' page in kk, ru and en gives the real `git clone` and `gh attestation verify --repo`
commands, never through Material's repo_url (whose widget asks api.github.com); unset, the
placeholders stay; an address that is not one stops the build in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BASE, PROJECT
from trustlist.site.guides import PLACEHOLDERS, filled, github_name

GITHUB = "https://github.com/example-kz/trustlist"  # mkdocs.yml's, for the sample
LANGS = ("kk", "ru", "en")


def guide(lang: str, name: str = "auditors") -> str:
    return (PROJECT / "docs" / lang / f"{name}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_auditors_commands_name_the_repository(lang: str) -> None:
    address, owner_and_name = PLACEHOLDERS[lang]
    written = guide(lang)
    assert f"git clone {address} trustlist" in written
    assert f"--repo {owner_and_name}" in written
    page = filled(written, lang, GITHUB)
    assert f"git clone {GITHUB} trustlist && cd trustlist" in page
    assert "gh attestation verify manifest.json --repo example-kz/trustlist" in page
    assert address not in page


@pytest.mark.parametrize("lang", LANGS)
def test_another_host_fills_the_clone_and_leaves_githubs_command(lang: str) -> None:
    owner_and_name = PLACEHOLDERS[lang][1]
    page = filled(guide(lang), lang, "https://git.example.kz/registry.git")
    assert "git clone https://git.example.kz/registry.git trustlist" in page
    assert f"--repo {owner_and_name}" in page


@pytest.mark.parametrize("lang", LANGS)
def test_unset_the_guides_are_as_written(lang: str) -> None:
    for name in ("auditors", "apply", "about"):
        assert filled(guide(lang, name), lang, None) == guide(lang, name)
    # apply.md's `cd <repository>` is the applicant's own fork: never filled.
    assert filled(guide(lang, "apply"), lang, GITHUB) == guide(lang, "apply")


def test_github_names() -> None:
    assert github_name("https://github.com/a-b/c.d") == "a-b/c.d"
    assert github_name("https://github.com/a/c.git") == "a/c"
    assert github_name("https://github.com/a/c/") == "a/c"
    assert github_name("https://github.com/a") is None
    assert github_name("https://gitlab.com/a/c") is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_built_auditors_page_gives_the_clone_command(sample_site: Path, lang: str) -> None:
    page = (sample_site / lang / "auditors" / "index.html").read_text(encoding="utf-8")
    assert f"git clone {GITHUB} trustlist" in page
    assert "--repo example-kz/trustlist" in page


def test_no_page_asks_github(sample_site: Path) -> None:
    """The repository is named as text: no page loads Material's repository widget."""
    for page in sample_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "api.github.com" not in text, page
        assert 'class="md-source"' not in text, page


def test_an_address_that_is_not_one_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "registry").symlink_to(BASE / "registry")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme:\n  name: material\nplugins:\n  - trustlist:\n"
        "      repository: not an address\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "-q", "-d", str(tmp_path / "s")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "repository" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "s").exists()
