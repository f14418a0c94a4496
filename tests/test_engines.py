"""The register outlives MkDocs 1.x: ProperDocs, the maintained drop-in, builds the same site.

MkDocs 1.x is unmaintained and MkDocs 2.0 drops plugins; ProperDocs runs MkDocs plugins and
Material unchanged. Both are pinned (requirements.lock), and `make site ENGINE=properdocs`
builds with it. The sample registry's site must come out byte for byte the same.
"""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT, build_site


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_properdocs_builds_the_same_bytes_as_mkdocs(sample_site: Path, tmp_path: Path) -> None:
    proper = build_site(PROJECT / "mkdocs.yml", tmp_path / "site", engine="properdocs")
    log = (tmp_path / "build.log").read_text(encoding="utf-8")
    ours, theirs = files_of(sample_site), files_of(proper)
    assert "en/healthcare/index.html" in theirs  # our plugin ran under ProperDocs
    assert "manifest.json" in theirs
    assert sorted(theirs) == sorted(ours)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing == [], f"differ under ProperDocs: {differing[:10]}\n{log}"
    # The page names the engine family and this plugin, never which of the two built it.
    assert b'content="mkdocs-1.6, trustlist-' in theirs["en/index.html"]
    assert b"ProperDocs" not in theirs["en/index.html"]
