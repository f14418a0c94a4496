"""One path, one output (issue 23): no sector or system id takes a name of the site's own
files (REG008, its names worked out from the paths the site writes); a build that would write
two outputs to one path fails, naming both, whatever let them meet; `trustlist verify` says
when a manifest names one path twice (VER007); and a failed build leaves no site."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BASE, SYSTEM, commit, edit, git
from helpers import CONFIG, assert_said, build, build_hooked, story
from trustlist.core import rules
from trustlist.core.validate import validate_registry
from trustlist.site import outputs
from trustlist.site.manifest import MANIFEST, build_manifest, verify_site

TRUSTLIST = Path(sys.executable).with_name("trustlist")
FOLDER = "registry/health/demo-triage"
# The reserved ids emptied inside the build, so that colliding ids reach the writers.
NO_RULE = (
    "import trustlist.core.rules as rules\n"
    "rules.RESERVED_SECTOR_IDS = rules.RESERVED_SYSTEM_IDS = frozenset()\n"
)


# --- the rule: REG008 ------------------------------------------------------------------------


def test_the_reserved_names_are_those_of_the_paths_the_site_writes() -> None:
    assert outputs.reserved_ids() == (rules.SITE_SECTOR_NAMES, rules.SITE_SYSTEM_NAMES)
    assert rules.SITE_SECTOR_NAMES <= rules.RESERVED_SECTOR_IDS
    assert rules.SITE_SYSTEM_NAMES <= rules.RESERVED_SYSTEM_IDS
    # The ones the attack used, each of which overwrote a file of the site's own.
    assert {"registry", "changes", "all", "systems", "schemas", "records", "search"} <= (
        rules.SITE_SECTOR_NAMES
    )
    assert {"history", "index"} <= rules.SITE_SYSTEM_NAMES


def test_a_new_output_beside_an_id_reserves_its_name() -> None:
    # An output added where sector ids name files (api/v1/<sector>.json) reserves its stem.
    extra = outputs.Output("a new export", "api/v1/statistics.json")
    try:
        sectors, systems = outputs.reserved_ids()
    finally:
        outputs.OUTPUTS.remove(extra)
    assert sectors == rules.SITE_SECTOR_NAMES | {"statistics"}
    assert systems == rules.SITE_SYSTEM_NAMES


def test_an_output_named_by_something_else_beside_an_id_cannot_be_reserved() -> None:
    other = outputs.Output("a file named by something else", "api/v1/<other>.json")
    try:
        with pytest.raises(ValueError, match="may be the name of a <sector> id"):
            outputs.reserved_ids()
    finally:
        outputs.OUTPUTS.remove(other)


def test_every_reserved_id_is_refused(base: Path) -> None:
    sector_yaml = (base / "registry/health/sector.yaml").read_text(encoding="utf-8")
    for sector in sorted(rules.RESERVED_SECTOR_IDS):
        folder = base / "registry" / sector
        folder.mkdir()
        text = sector_yaml.replace("id: health\n", f"id: {sector}\n")
        (folder / "sector.yaml").write_text(text, encoding="utf-8")
    for number, system in enumerate(sorted(rules.RESERVED_SYSTEM_IDS), start=2):
        shutil.copytree(base / FOLDER, base / "registry/health" / system)
        record = base / "registry/health" / system / "system.yaml"
        edit(record, "id: demo-triage", f"id: {system}")
        edit(record, "list_number: 1", f"list_number: {number}")
    found = validate_registry(Path("registry")).findings
    assert {f.code for f in found if f.is_error} == {"REG008"}, found
    findings = [f for f in found if f.code == "REG008"]  # (the copies are look-alikes too)
    expected = {f"registry/{sector}/sector.yaml" for sector in rules.RESERVED_SECTOR_IDS}
    expected |= {f"registry/health/{system}/system.yaml" for system in rules.RESERVED_SYSTEM_IDS}
    assert {f.path for f in findings} == expected
    assert all((f.json_path, f.line) == ("id", 2) for f in findings)
    assert_said(findings)


def test_a_built_site_has_no_name_of_its_own_beside_an_id(tmp_path: Path) -> None:
    """Every file of a real site, its history and guides included: wherever a sector's or a
    system's id names a file or folder, every other name in that folder is reserved. An
    output no Output describes (MkDocs', Material's, a new one) would show here."""
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    for lang in ("kk", "ru", "en"):
        for guide in ("about", "apply", "review", "auditors"):
            (root / "docs" / lang).mkdir(parents=True, exist_ok=True)
            (root / "docs" / lang / f"{guide}.md").write_text(f"# {guide}\n", encoding="utf-8")
    story(root)  # two systems, six revisions: feeds, revision lists, record versions
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    files = [p.relative_to(site).parts for p in site.rglob("*") if p.is_file()]
    for ids, reserved in (
        ({"health"}, rules.SITE_SECTOR_NAMES),
        ({"demo-triage", "demo-new"}, rules.SITE_SYSTEM_NAMES),
    ):
        folders = {
            parts[:at] for parts in files for at, name in enumerate(parts) if stem(name) in ids
        }
        assert folders, ids
        beside = {
            stem(entry.name) for folder in folders for entry in site.joinpath(*folder).iterdir()
        }
        assert beside - ids <= reserved, sorted(beside - ids - reserved)
    # The site's own names beside a sector's export, each of which it overwrote.
    assert {"changes", "registry", "systems", "records", "schemas"} <= {
        stem(entry.name) for entry in (site / "api/v1").iterdir()
    }


def stem(name: str) -> str:
    return name.split(".", 1)[0]


# --- the writer: two outputs to one path fail the build ---------------------------------------


def registry_with(root: Path, sector: str = "health", system: str = "demo-triage") -> Path:
    """The base registry with its sector and system renamed, committed (so it has history:
    feeds, the change log, revision lists)."""
    shutil.copytree(BASE, root)
    if system != "demo-triage":
        (root / FOLDER).rename(root / "registry/health" / system)
        edit(root / "registry/health" / system / "system.yaml", "id: demo-triage", f"id: {system}")
    if sector != "health":
        (root / "registry/health").rename(root / "registry" / sector)
        edit(root / "registry" / sector / "sector.yaml", "id: health\n", f"id: {sector}\n")
        record = root / "registry" / sector / system / "system.yaml"
        edit(record, "sector: health\n", f"sector: {sector}\n")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, "the list")
    return root


def failed(result: subprocess.CompletedProcess[str], root: Path) -> str:
    """The one line a failed build says, having checked it failed cleanly and left no site."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    return line


# sector or system id -> the path both outputs would take, and the two, in the order claimed
COLLIDING = {
    # both exports are made by the build's own process
    "sector registry": (
        "api/v1/registry.json",
        "a sector's export (api/v1/<sector>.json), "
        "and the registry's export (api/v1/registry.json)",
    ),
    # a sector named as the months' changes: its list page meets their index first
    "sector changes": (
        "kk/changes/index.html",
        "a language's index of the months' changes (<lang>/changes/index.html), "
        "and a sector's list page (<lang>/<sector>/index.html)",
    ),
    # two feeds, both written by the forked writer
    "sector all": (
        "kk/feeds/all.atom",
        "the feed of every sector (<lang>/feeds/all.atom), "
        "and a sector's feed (<lang>/feeds/<sector>.atom)",
    ),
    # two pages
    "sector search": (
        "kk/search/index.html",
        "a language's search page (<lang>/search/index.html), "
        "and a sector's list page (<lang>/<sector>/index.html)",
    ),
    "system history": (
        "kk/health/history/index.html",
        "a sector's history page (<lang>/<sector>/history/index.html), "
        "and a system's page (<lang>/<sector>/<system>/index.html)",
    ),
}


@pytest.mark.parametrize("case", sorted(COLLIDING))
def test_ids_the_rule_does_not_see_cannot_overwrite_the_sites_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    # Validated without REG008, the records must not go to the record cache as vouched.
    monkeypatch.setenv("TRUSTLIST_CACHE", "off")
    kind, name = case.split()
    root = registry_with(tmp_path / "repo", **{kind: name})
    path, both = COLLIDING[case]
    line = failed(build_hooked(root, NO_RULE), root)
    assert line.endswith(f"two outputs to one path, {path}: {both}; the site is not built")
    # The rule, when it is there, stops the same registry before anything is written.
    result = build(root)
    assert "no site is built" in failed(result, root)
    assert "error[REG008] id: " in result.stderr


def test_without_the_forked_writer_two_outputs_to_one_path_fail_as_well(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`parallel: false`: every file is written by the build's own process."""
    monkeypatch.setenv("TRUSTLIST_CACHE", "off")
    root = registry_with(tmp_path / "repo", sector="all")
    (root / "one.yml").write_text(CONFIG + "      parallel: false\n", encoding="utf-8")
    cli = "from mkdocs.__main__ import cli\ncli(['build', '--strict', '-f', 'one.yml'])\n"
    line = failed(build(root, [sys.executable, "-c", NO_RULE + cli]), root)
    assert line.endswith(
        "two outputs to one path, kk/feeds/all.atom: the feed of every sector "
        "(<lang>/feeds/all.atom), and a sector's feed (<lang>/feeds/<sector>.atom); "
        "the site is not built"
    )


# a file in docs/ -> the site's own output it would stand in for
DOCS = {
    "en/health.md": ("en/health/index.html", "a sector's list page"),
    "en/search/index.md": ("en/search/index.html", "a language's search page"),
    "index.md": ("index.html", "the language choice"),
    "api/v1/registry.json": ("api/v1/registry.json", "the registry's export"),
    "en/feeds/all.atom": ("en/feeds/all.atom", "the feed of every sector"),
    "manifest.json": ("manifest.json", "the manifest"),
    "404.html": ("404.html", "MkDocs' template 404.html"),
}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_a_file_in_docs_cannot_stand_where_the_site_writes_its_own(
    tmp_path: Path, name: str
) -> None:
    root = registry_with(tmp_path / "repo")
    (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / name).write_text("# mine\n", encoding="utf-8")
    line = failed(build(root), root)
    path, output = DOCS[name]
    assert f"two outputs to one path, {path}: docs/{name}, and {output}" in line


# --- verify: a manifest that names one path twice ---------------------------------------------


def test_a_manifest_that_names_a_path_twice_is_a_finding(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b"<p>lists</p>")
    (site / "a.json").write_bytes(b"{}")
    text = build_manifest(site, None)
    (site / MANIFEST).write_text(text, encoding="utf-8")
    assert verify_site(site) == []
    # The same path twice: a reader keeps one entry (json.loads the last) and says nothing.
    doubled = text.replace('"files":{', '"files":{"index.html":{"sha256":"0","size":1},')
    assert doubled.count('"index.html"') == 2
    assert json.loads(doubled)["files"] == json.loads(text)["files"]
    (site / MANIFEST).write_text(doubled, encoding="utf-8")
    findings = verify_site(site)
    assert [(f.code, f.path) for f in findings] == [("VER007", str(site / "index.html"))]
    assert findings[0].message == (
        "is listed in the manifest more than once; a reader keeps only one of the entries"
    )
    # A key other than a file's, given twice: the whole list of files, say.
    (site / MANIFEST).write_text(
        text.replace('"files":{', '"files":{},"files":{'), encoding="utf-8"
    )
    findings = verify_site(site)
    assert [(f.code, f.path) for f in findings] == [("VER007", str(site / MANIFEST))]
    assert (
        findings[0].message
        == "gives the key files more than once; a reader keeps only one of the values"
    )
    assert_said(findings)
    result = subprocess.run(
        [str(TRUSTLIST), "verify", str(site)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "VER007" in result.stdout


# --- a failed build leaves no site -------------------------------------------------------------


def verified(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TRUSTLIST), "verify", str(site)], capture_output=True, text=True, check=False
    )


def test_a_build_that_fails_late_leaves_no_site(tmp_path: Path) -> None:
    """MkDocs' strict mode fails the build after every plugin's on_post_build, when the
    manifest is written: the site it leaves used to verify as valid."""
    root = registry_with(tmp_path / "repo")
    assert build(root).returncode == 0
    assert verified(root / "site").returncode == 3  # every file as listed; no key given
    (root / "docs/broken.md").write_text("# x\n\n[a link](nowhere.md)\n", encoding="utf-8")
    result = build(root)
    assert "Aborted with 1 warnings in strict mode!" in result.stdout
    assert result.returncode == 1
    assert not (root / "site").exists()
    assert verified(root / "site").returncode == 1


def test_a_build_that_fails_validation_leaves_not_even_the_last_site(tmp_path: Path) -> None:
    root = registry_with(tmp_path / "repo")
    assert build(root).returncode == 0
    (root / "site/.kept").write_text("hidden files are MkDocs' to keep", encoding="utf-8")
    edit(root / SYSTEM, '"260540001236"', '"260540001237"')
    result = build(root)
    assert result.returncode == 1
    assert "BIN001" in result.stderr
    assert sorted(p.name for p in (root / "site").iterdir()) == [".kept"]


def test_a_failed_writer_leaves_no_site(tmp_path: Path) -> None:
    root = registry_with(tmp_path / "repo")
    hook = (
        "import trustlist.site.publish as publish\n"
        "def failing(*args, **kwargs):\n"
        "    raise OSError('the disk is full')\n"
        "    yield\n"
        "publish.record_versions = failing\n"
    )
    result = build_hooked(root, hook)
    assert result.returncode == 1
    assert (
        "error[BLD001] the site's documents and lists were not written: OSError: the disk is full"
        in (result.stderr)
    )
    assert not (root / "site").exists()
