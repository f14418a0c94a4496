"""The history store (historystore.py): a build keeps its history, the next build at the same
commit reads it instead of walking git, a build after new commits walks only those, and in
every case the history is the one a full walk gives. On the story repository of
test_history.py, a real git repository with fixed dates."""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path

import pytest
from conftest import commit, edit, git
from helpers import NEW, story
from trustlist.core import gitrepo, history, history_read
from trustlist.core.memory import Memory
from trustlist.core.validate import validate_registry, vouched_records
from trustlist.speed.forked import Forked
from trustlist.speed.historystore import Store, encode
from trustlist.speed.verdicts import MEMORY, RECORDS, RecordVerdicts

REGISTRY = Path("registry")


def read(registry: Path, known: dict | None = None) -> history.History | None:
    """The history as a build reads it: through the store."""
    return history_read.read_history(registry, known, store=Store)


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str | None]:
    """The `after` of every walk of git (None: the whole history), in a cache of its own."""
    monkeypatch.setenv("TRUSTLIST_CACHE", str(tmp_path / "cache"))
    seen: list[str | None] = []
    start_walk = gitrepo.start_walk

    def counted(repo, path, ref="HEAD", after=None):
        seen.append(after)
        return start_walk(repo, path, ref, after)

    monkeypatch.setattr(gitrepo, "start_walk", counted)
    return seen


def full_walk(monkeypatch: pytest.MonkeyPatch) -> history.History:
    with monkeypatch.context() as m:
        m.setenv("TRUSTLIST_CACHE", "off")
        return read(REGISTRY)


def as_json(h: history.History) -> str:
    """Everything a history holds, records included, as one text to compare."""
    return json.dumps(encode(h, "registry", {}), sort_keys=True)


def work_tree() -> dict[str, dict]:
    """The work tree's records by git blob id, as validation gives them to history."""
    registry = validate_registry(REGISTRY, memory=MEMORY)
    return {e.blob: e.loaded.data for e in registry.systems}


def test_the_same_commit_is_read_from_the_store(base, walks, monkeypatch) -> None:
    story(base)
    first = read(REGISTRY)
    assert walks == [None]
    parsed = work_tree()
    again = read(REGISTRY, parsed)
    assert walks == [None]  # no second walk
    assert as_json(again) == as_json(first) == as_json(full_walk(monkeypatch))
    assert (again.commit, again.time, again.draft) == (first.commit, first.time, False)
    # The current lists hold validation's own records, not copies of them.
    last = again.revisions["health"][-1]
    assert last.systems["demo-new"] is parsed[last.blobs["demo-new"]]


def test_new_commits_are_walked_alone_and_numbered_on(base, walks, monkeypatch) -> None:
    story(base)
    main = git(base, "rev-parse", "HEAD").strip()
    earlier = git(base, "rev-list", "--first-parent", "--skip=3", "-1", "HEAD").strip()
    git(base, "checkout", "-q", earlier)
    then = work_tree()
    before = read(REGISTRY, then)
    assert len(before.revisions["health"]) == 4  # up to the renewed audit
    # The store keeps past versions only: the work tree's are validation's to give.
    kept = json.loads(Store(base, "registry").path.read_text(encoding="utf-8"))["records"]
    assert kept and not kept.keys() & then.keys()
    git(base, "checkout", "-q", "main")
    edit(base / NEW / "system.yaml", "list_number: 2", "list_number: 3")
    commit(base, "health: demo-new renumbered", when="2026-10-01T10:00:00+05:00")
    # Versions current then and past now are read from git; the new commits are walked.
    resumed = read(REGISTRY, work_tree())
    assert walks == [None, earlier]  # then only the commits after the stored one
    assert as_json(resumed) == as_json(full_walk(monkeypatch))
    assert [r.number for r in resumed.revisions["health"]] == [1, 2, 3, 4, 5, 6, 7]
    assert resumed.revisions["health"][-1].events == [
        history.Event("changed", "demo-new", "list_number", 2, 3)
    ]
    assert main != resumed.commit


def test_a_store_from_another_branch_is_not_continued(base, walks, monkeypatch) -> None:
    story(base)
    git(base, "checkout", "-q", "-b", "proposal")
    edit(base / NEW / "system.yaml", "list_number: 2", "list_number: 9")
    commit(base, "a proposal never merged", when="2026-10-01T10:00:00+05:00")
    proposal = read(REGISTRY)
    git(base, "checkout", "-q", "main")
    on_main = read(REGISTRY)
    assert walks == [None, None]  # the proposal's commit is not main's: all of main walked
    assert len(on_main.revisions["health"]) == len(proposal.revisions["health"]) - 1
    assert as_json(on_main) == as_json(full_walk(monkeypatch))


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: re.sub('"format":[0-9]+', '"format":0', text),  # another version's
        lambda text: text.replace('"judge":"', '"judge":"0'),  # other code's
        lambda text: text.replace('"revisions":{"health":[[1,', '"revisions":{"health":[['),
    ],
)
def test_a_damaged_store_costs_a_walk_and_nothing_else(base, walks, monkeypatch, damage) -> None:
    story(base)
    read(REGISTRY)
    store = Store(base, "registry")
    assert store.path is not None and store.path.exists()
    store.path.write_text(damage(store.path.read_text(encoding="utf-8")), encoding="utf-8")
    again = read(REGISTRY)
    assert walks == [None, None]
    assert as_json(again) == as_json(full_walk(monkeypatch))


def test_a_value_json_would_change_is_not_stored(base, walks, monkeypatch) -> None:
    story(base)
    # A version of a record with an integer beyond 64 bits, which orjson will not write:
    # history shows it as read, so the store keeps nothing rather than something else.
    edit(base / NEW / "system.yaml", "list_number: 2", "list_number: 123456789012345678901234")
    commit(base, "a broken record, later fixed", when="2026-10-01T10:00:00+05:00")
    first = read(REGISTRY)
    assert not Store(base, "registry").path.exists()
    assert as_json(read(REGISTRY)) == as_json(first)
    assert walks == [None, None]


def test_a_damaged_store_behind_head_is_not_continued(base, walks, monkeypatch) -> None:
    """The store's commit is on HEAD's line, so the build asks git for the commits since; the
    store then proves damaged, and the build walks everything instead."""
    story(base)
    read(REGISTRY)
    stored = git(base, "rev-parse", "HEAD").strip()
    store = Store(base, "registry")
    text = store.path.read_text(encoding="utf-8")
    store.path.write_text(text.replace('"revisions":{"health":[[1,', '"revisions":{"health":[['))
    edit(base / NEW / "system.yaml", "list_number: 2", "list_number: 3")
    commit(base, "health: demo-new renumbered", when="2026-10-01T10:00:00+05:00")
    again = read(REGISTRY)
    assert walks == [None, stored, None]
    assert again.walked == 7  # every commit that touched the registry
    assert as_json(again) == as_json(full_walk(monkeypatch))


def test_with_no_store_a_forked_copy_walks_the_history(base, walks, monkeypatch) -> None:
    """A build with no stored history to go on from has a forked copy of itself walk every
    commit into the store while it validates, and reads the history from there."""
    story(base)
    validate_registry(REGISTRY, memory=MEMORY)  # the record cache now knows the work tree's records
    begun = history_read.begin_history(
        REGISTRY, None, partial(vouched_records, REGISTRY, RECORDS), store=Store, fork=Forked
    )
    assert begun.maker is not None and begun.walk is None
    made = begun.finish(work_tree())
    assert walks == []  # this process walked nothing: the copy's walk is the copy's
    assert made.walked == 6  # as the copy counted them, for the build's log
    assert Store(base, "registry").read()["commit"] == made.commit
    assert as_json(made) == as_json(full_walk(monkeypatch))


@pytest.mark.parametrize(
    "vouched",
    [lambda: None, lambda: 1 // 0],
    ids=["the record cache knows too few records", "the forked walk fails"],
)
def test_a_forked_walk_that_leaves_no_store_is_done_here(base, walks, monkeypatch, vouched):
    story(base)
    begun = history_read.begin_history(REGISTRY, None, vouched, store=Store, fork=Forked)
    assert begun.maker is not None
    made = begun.finish(work_tree())
    assert walks == [None]  # the build walked every commit itself
    assert made.walked == 6
    assert as_json(made) == as_json(full_walk(monkeypatch))


def test_records_are_vouched_for_only_by_a_cache_that_knows_most(base, monkeypatch) -> None:
    monkeypatch.setenv("TRUSTLIST_CACHE", str(base.parent / "cache"))
    records = RecordVerdicts()  # a process that knows none yet
    assert vouched_records(REGISTRY, records) is None
    registry = validate_registry(REGISTRY, memory=Memory(records=records))  # fills the cache
    validated = {e.blob: e.loaded.data for e in registry.systems}
    assert vouched_records(REGISTRY, records) == validated and len(validated) == 1
