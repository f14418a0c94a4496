"""Size at national scale (issue 26): every revision of every list stays published, each
revision's list in full or as its changes since the one before (site/revlists.py), so the
lists no longer grow as revisions × systems; any revision's list is made again from the
published files, by revlists.rebuild and by the jq recipe the auditors' guide gives; the
benchmark measures the site's size and judges it against GitHub Pages' 1 GB."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, build_site
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from trustlist.core.history import History, Revision, apply
from trustlist.site import revlists
from trustlist.site.outputs import REVISION_CHANGES, REVISION_LIST
from trustlist.site.publish import revision_entries, revision_lists

sys.path.insert(0, str(PROJECT / "benchmarks"))
from generate import generate
from run import GITHUB_PAGES_LIMIT, Measure, site_size, size_lines

URL = "https://lists.example.kz/"


def validator_for(schema: str) -> Draft202012Validator:
    """The validator of the schema a file names in `$schema` (its address on the site that
    published it), the repository's schemas resolving each other's $refs by their $id."""
    schemas = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in (PROJECT / "schemas").glob("*.schema.json")
    ]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    name = schema.rsplit("/", 1)[-1]
    return Draft202012Validator(
        next(s for s in schemas if s["$id"].endswith(f"/{name}")), registry=registry
    )


def blob(text: str) -> str:
    """A git blob id, made up."""
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


def story(revisions: int = 70) -> History:
    """One list's history: opened empty, then systems included a few at a time, some
    changed, one taken off the list entirely and one put back, and once half the list
    changed at one go."""
    history, made, listed = History(), [], {}
    previous = None
    for number in range(1, revisions + 1):
        changes: dict[str, str | None] = {}
        if number > 1:
            for k in range(3):
                system = f"sys-{(number * 3 + k):04d}"
                changes[system] = blob(f"{number}/{k}")
        if number % 7 == 0 and listed:
            first = sorted(listed)[number % len(listed)]
            changes[first] = blob(f"{number}/changed")
        if number == 30:
            changes["sys-0100"] = None  # taken off the list (a withdrawn application)
        if number == 31:
            changes["sys-0100"] = blob("back")
        if number == 50:  # a mass change: half the list at once
            changes |= {s: blob(f"{number}/{s}") for s in sorted(listed)[::2]}
        revision = Revision("health", number, f"{number:040x}", 1_780_000_000 + number * 86400, "")
        revision.changes, revision.previous = changes, previous
        made.append(revision)
        listed = apply(listed, changes)
        for system, version in changes.items():
            if version is not None:
                history.records[version] = {
                    "list_number": int(system[4:]),
                    "name": {"kk": f"Жүйе {system}", "ru": f"Система {system}"},
                    "status": {"state": "listed"},
                }
        previous = revision
    history.revisions["health"] = made
    return history


def published(history: History) -> dict[int, dict]:
    entries = revision_entries(history, URL)
    files = {}
    for p in revision_lists(history, entries, URL):
        number = int(p.uri.rsplit("/", 1)[1].removesuffix(".json"))
        data = json.loads(p.content)
        assert p.by is (REVISION_LIST if "systems" in data else REVISION_CHANGES)
        files[number] = data
    return files


def test_every_revision_is_made_again_from_the_published_files() -> None:
    history = story()
    files = published(history)
    assert sorted(files) == list(range(1, 71))
    listed: dict[str, str] = {}
    for revision in history.revisions["health"]:
        listed = apply(listed, revision.changes)
        rebuilt = revlists.rebuild(revlists.files_of(revision.number, files.__getitem__))
        assert [e["id"] for e in rebuilt] == sorted(listed), revision.number
        assert [e["record"] for e in rebuilt] == [
            f"{URL}api/v1/records/{listed[s]}.json" for s in sorted(listed)
        ]
    # Which are in full: the first, at least every FULL_EVERY, and after a change of half
    # the list; the rest give their changes and where they build from.
    full = [n for n, data in files.items() if "systems" in data]
    assert full[0] == 1 and 50 in full
    assert all(b - a <= revlists.FULL_EVERY for a, b in zip(full, [*full[1:], 71], strict=True))
    assert len(full) < 15  # of 70
    taken = files[30]
    assert taken["removed"] == ["sys-0100"] and taken["previous"] == 29
    assert taken["full"] == max(n for n in full if n < 30)
    ids = {
        n: {e["id"] for e in revlists.rebuild(revlists.files_of(n, files.get))} for n in (30, 31)
    }
    assert "sys-0100" not in ids[30] and "sys-0100" in ids[31]
    for data in files.values():
        errors = [e.message for e in validator_for(data["$schema"]).iter_errors(data)]
        assert errors == []


def test_a_file_both_whole_and_changes_fails_its_schema() -> None:
    files = published(story(25))
    changes = next(data for data in files.values() if "changed" in data)
    validator = validator_for(changes["$schema"])
    assert not list(validator.iter_errors(changes))
    assert list(validator.iter_errors({**changes, "systems": []}))
    assert list(validator.iter_errors({k: v for k, v in changes.items() if k != "full"}))


def test_the_lists_grow_with_the_changes_not_revisions_times_systems() -> None:
    history = story(200)
    entries = revision_entries(history, URL)
    written = sum(len(p.content) for p in revision_lists(history, entries, URL))
    whole = 0
    for w in revlists.written(history.revisions["health"]):
        whole += sum(len(entries[b]) + 1 for b in w.listed.values())
    assert written * 8 < whole, (written, whole)
    # In full: the first; while the list is short, as often as half of it changed (2, 3, 5,
    # 9, 17, 31, and 95); the mass change at 50; and FULL_EVERY (50) after the last (145, 195).
    full = [w.revision.number for w in revlists.written(history.revisions["health"]) if w.in_full]
    assert revlists.FULL_EVERY == 50
    assert full == [1, 2, 3, 5, 9, 17, 31, 50, 95, 145, 195]


def test_a_published_file_never_changes_when_revisions_follow() -> None:
    early, later = published(story(40)), published(story(70))
    assert all(later[n] == data for n, data in early.items())


JQ_RECIPE = re.compile(r"```sh\n(jq -s [^\n]*)\n```")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A registry generated as the benchmark generates one (3 sectors, 90 systems, 60
    commits), built by a real `mkdocs build` in three languages."""
    root = tmp_path_factory.mktemp("generated") / "repo"
    generate(root, 90, 3, 60, seed=1)
    (root / "docs").mkdir()
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: t\nsite_url: https://bench.example.kz/\ntheme:\n  name: material\n"
        "  font: false\nplugins:\n  - trustlist:\n      languages: [kk, ru, en]\n",
        encoding="utf-8",
    )
    return build_site(config, root.parent / "site")


def test_the_auditors_recipe_makes_the_list_again(generated: Path) -> None:
    """The jq command docs/en/auditors.md gives, run on the built site's files, gives each
    revision's list as revlists.rebuild does; every file is valid against its schema."""
    if shutil.which("jq") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("jq is needed: apt-get install jq")
        pytest.skip("jq is not installed")
    guide = (PROJECT / "docs/en/auditors.md").read_text(encoding="utf-8")
    recipe = JQ_RECIPE.search(guide)
    assert recipe, "auditors.md gives the jq recipe"
    folder = generated / "api/v1/sector-01/revisions"
    numbers = sorted(int(p.name.removesuffix(".json")) for p in folder.glob("*[0-9].json"))
    assert len(numbers) > 30

    def read(n: int) -> dict:
        return json.loads((folder / f"{n}.json").read_text(encoding="utf-8"))

    kinds = {"systems" in read(n) for n in numbers}
    assert kinds == {True, False}  # both forms are published
    for number in (numbers[-1], numbers[len(numbers) // 2], 2):
        files = revlists.files_of(number, read)
        rebuilt = revlists.rebuild(files)
        for data in files:
            assert not list(validator_for(data["$schema"]).iter_errors(data))
        start = files[0]["revision"]
        paths = [str(folder / f"{n}.json") for n in range(start, number + 1)]
        program = shlex.split(recipe.group(1))[2]
        result = subprocess.run(
            ["jq", "-s", program, *paths], capture_output=True, text=True, check=True
        )
        assert json.loads(result.stdout) == rebuilt, number


def test_the_benchmark_measures_the_site_and_judges_it(generated: Path) -> None:
    size = site_size(generated)
    total = sum(p.stat().st_size for p in generated.rglob("*") if p.is_file())
    assert size.bytes == total and size.files > 1000
    assert size.parts["api/v1/<sector>/revisions/*.json"] > 0
    assert size.parts["api/v1/<sector>/revisions/*.pdf"] > 0
    assert sum(size.parts.values()) == total
    lines = size_lines(size, "3 languages")
    assert any(f"{total / 1e6:.1f} MB" in line and "under" in line for line in lines)
    big = site_size(generated)
    big.bytes = GITHUB_PAGES_LIMIT + 1
    assert any("NOT under" in line for line in size_lines(big, "3 languages"))
    assert Measure("x", 1.0, 1.0).row()  # the table's rows are unchanged
