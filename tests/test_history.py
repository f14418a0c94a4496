"""List revisions and system histories from one walk of a real git repository that tells a
story with fixed dates: a sector created, two systems included, one given a new audit report,
one excluded and then restored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import git as gitpython
import pytest
from helpers import story
from trustlist.core import gitrepo
from trustlist.core.history import Event, build_history

SECTOR = "registry/health/sector.yaml"


@pytest.fixture
def history(base: Path):
    repo = gitpython.Repo(story(base))
    commits = gitrepo.walk(repo, "registry")
    return build_history(commits, lambda blob: gitrepo.read_blob(repo, blob))


def test_every_change_of_the_list_is_a_numbered_dated_revision(history) -> None:
    revisions = history.revisions["health"]
    assert [r.number for r in revisions] == [1, 2, 3, 4, 5, 6]
    assert [r.issued.date().isoformat() for r in revisions] == [
        "2026-05-01", "2026-05-19", "2026-06-12", "2026-07-01", "2026-08-01", "2026-09-01",
    ]  # fmt: skip
    assert revisions[1].subject == "health: include demo-triage"
    assert len(revisions[1].commit) == 40


def test_revision_events(history) -> None:
    first, triage, new, audit, excluded, restored = history.revisions["health"]
    assert first.events == [Event("sector_created", None)]
    assert triage.events == [Event("included", "demo-triage")]
    assert new.events == [Event("included", "demo-new")]
    old_hash = "fc57c0c647653d774f910b94d0632488b8c7203ece94e003c82ae9074d11ac0e"
    replaced, *changed = audit.events
    assert replaced.kind == "document_replaced"
    assert (replaced.field, replaced.old) == ("audit-report.pdf", old_hash)
    assert len(replaced.new) == 64 and replaced.new != old_hash
    assert [(e.field, e.old, e.new) for e in changed] == [
        ("audit.report_date", "2026-04-20", "2026-06-20"),
        ("decision.date", "2026-05-15", "2026-06-30"),
        ("decision.published", "2026-05-19", "2026-07-01"),
    ]
    assert excluded.events == [
        Event("excluded", "demo-new"),
        Event("changed", "demo-new", "status.state", "listed", "excluded"),
        Event("changed", "demo-new", "status.since", None, "2026-08-01"),
        Event("changed", "demo-new", "status.reason", None, "audit_withdrawn"),
    ]
    assert restored.events[0] == Event("restored", "demo-new")


def test_the_list_as_of_each_revision(history) -> None:
    revisions = history.revisions["health"]
    assert [sorted(r.systems) for r in revisions] == [
        [], ["demo-triage"], ["demo-new", "demo-triage"], ["demo-new", "demo-triage"],
        ["demo-new", "demo-triage"], ["demo-new", "demo-triage"],
    ]  # fmt: skip
    assert revisions[4].systems["demo-new"]["status"]["state"] == "excluded"
    assert revisions[5].systems["demo-new"]["status"]["state"] == "listed"


def test_a_system_history(history) -> None:
    kinds = [(r.number, e.kind) for r, e in history.of_system("demo-new")]
    assert kinds == [(3, "included"), (5, "excluded"), (5, "changed"), (5, "changed"),
                     (5, "changed"), (6, "restored"), (6, "changed"), (6, "changed"),
                     (6, "changed")]  # fmt: skip


def test_one_git_log_for_the_whole_history(base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = gitpython.Repo(story(base))
    calls = []
    original = gitpython.cmd.Git.execute

    def counting(self, command, *args, **kwargs):
        calls.append(command[1] if len(command) > 1 else command[0])
        return original(self, command, *args, **kwargs)

    monkeypatch.setattr(gitpython.cmd.Git, "execute", counting)
    asked = gitrepo.Asked.__init__

    def counting_asked(self, repo, args, parse):
        calls.append(args[0])
        asked(self, repo, args, parse)

    monkeypatch.setattr(gitrepo.Asked, "__init__", counting_asked)
    commits = gitrepo.walk(repo, "registry")
    build_history(commits, lambda blob: gitrepo.read_blob(repo, blob))
    # One log, and blobs through one persistent `git cat-file --batch`, not a process per file.
    assert calls == ["log", "cat-file"]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_feeds_are_valid_atom_a_reader_parses(history, lang: str) -> None:
    import feedparser
    from trustlist.site.feeds import atom_feed

    names = {"health": "Денсаулық"}
    data = atom_feed(history, lang, "https://trustlist.example.kz/", names, "health")
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == 6
    newest = parsed.entries[0]
    assert newest.link == f"https://trustlist.example.kz/{lang}/health/history/#r6"
    assert newest.updated == "2026-09-01T05:00:00Z"
    restored = {"kk": "тізімге қайта енгізілді", "ru": "восстановлена в списке", "en": "restored"}
    assert restored[lang] in newest.summary.lower()
    assert parsed.feed.updated == newest.updated
    # The same history gives the same bytes.
    assert data == atom_feed(history, lang, "https://trustlist.example.kz/", names, "health")


def test_feed_text_is_escaped_data(history) -> None:
    """A sector's name (record text) with markup in it reaches a reader as the same text."""
    import feedparser
    from trustlist.site.feeds import atom_feed

    name = "A & B <i>\"x\"</i> 'y'"
    data = atom_feed(history, "en", "https://x.example/", {"health": name}, "health")
    assert b"<i>" not in data
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.title.endswith(name)
    assert name in parsed.entries[0].title


def test_the_feed_says_what_changed_in_words(history) -> None:
    from trustlist.site.feeds import atom_feed

    text = atom_feed(history, "en", "https://x.example/", {}, None).decode()
    # The system by its name, the field by its label, values and dates in words.
    assert "excluded from the list since 1 August 2026" in text
    assert "the audit conclusion was withdrawn" in text
    assert "report date changed from 20 April 2026 to 20 June 2026" in text
    assert "audit.report_date" not in text and "demo-triage:" not in text


def run(*args: str) -> subprocess.CompletedProcess[str]:
    cli = Path(sys.executable).with_name("trustlist")
    return subprocess.run([str(cli), *args], capture_output=True, text=True, check=False)


@pytest.fixture
def told(base: Path) -> Path:
    return story(base)


def test_log_of_a_system(told: Path) -> None:
    result = run("log", "demo-new")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("health revision 3  2026-06-12 05:00:00Z  ")
    assert lines[0].endswith("health: include demo-new")
    assert "    demo-new: excluded from the list" in lines
    assert "demo-triage" not in result.stdout


def test_log_as_json(told: Path) -> None:
    entries = json.loads(run("log", "--sector", "health", "--format", "json").stdout)
    assert [e["revision"] for e in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[4]["events"][0] == {
        "kind": "excluded", "system": "demo-new", "field": None, "old": None, "new": None,
    }  # fmt: skip


def test_diff_between_dates_lists_every_revision_in_the_window(told: Path) -> None:
    result = run("diff", "2026-06-30", "2026-08-10", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [(r["sector"], r["revision"]) for r in payload["revisions"]] == [
        ("health", 4),
        ("health", 5),
    ]
    kinds = [(c["revision"], c["system"], c["kind"], c["field"]) for c in payload["changes"]]
    assert kinds == [
        (4, "demo-triage", "document_replaced", "audit-report.pdf"),
        (4, "demo-triage", "changed", "audit.report_date"),
        (4, "demo-triage", "changed", "decision.date"),
        (4, "demo-triage", "changed", "decision.published"),
        (5, "demo-new", "excluded", None),
        (5, "demo-new", "changed", "status.state"),
        (5, "demo-new", "changed", "status.since"),
        (5, "demo-new", "changed", "status.reason"),
    ]


def test_diff_shows_an_inclusion_and_exclusion_inside_the_window(told: Path) -> None:
    """demo-new is included on 12 June and excluded on 1 August: both are said, though the
    lists at either end of the window hold neither."""
    result = run("diff", "2026-06-01", "2026-08-10", "--lang", "ru")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  health: редакция списка № 3 от 2026-06-12" in lines
    assert "    demo-new: включена в список" in lines
    assert "  health: редакция списка № 5 от 2026-08-01" in lines
    assert "    demo-new: исключена из списка" in lines


def test_diff_from_before_the_history_starts_from_nothing(told: Path) -> None:
    result = run("diff", "2020-01-01", "2026-05-20", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["from"]["commit"] is None
    assert [(r["revision"], r["subject"]) for r in payload["revisions"]] == [
        (1, "health: the list is opened"),
        (2, "health: include demo-triage"),
    ]


def test_diff_between_commits_in_text(told: Path) -> None:
    result = run("diff", "HEAD~2", "HEAD")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  health: list revision 6 of 2026-09-01" in lines
    assert "    demo-new: restored to the list" in lines


def test_show_the_list_as_of_a_date(told: Path) -> None:
    result = run("show", "--as-of", "2026-08-10")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  health: list revision 5 of 2026-08-01" in lines
    assert any(line.startswith("       1  demo-triage  [Listed]  ") for line in lines)
    excluded = next(line for line in lines if "demo-new" in line)
    assert "[Excluded, since 2026-08-01: the audit conclusion was withdrawn]" in excluded
    data = json.loads(run("show", "--as-of", "2026-08-10", "--format", "json").stdout)
    assert data["lists"] == [
        {
            "sector": "health",
            "revision": 5,
            "issued": "2026-08-01T05:00:00Z",
            "commit": data["lists"][0]["commit"],
        }
    ]
    assert [s["id"] for s in data["systems"]] == ["demo-triage", "demo-new"]


def test_show_before_the_history_says_so(told: Path) -> None:
    result = run("show", "--as-of", "2020-01-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "no list had been published by 2020-01-01; the registry's history begins with "
        "health: list revision 1 of 2026-05-01\n"
    )
    data = json.loads(run("show", "--as-of", "2026-05-10", "--format", "json").stdout)
    assert data["systems"] == []
    assert data["lists"] == [
        {
            "sector": "health",
            "revision": 1,
            "issued": "2026-05-01T04:00:00Z",
            "commit": data["lists"][0]["commit"],
        }
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", "nope", "HEAD"), "'nope' is neither a revision of this repository nor a date"),
        (
            ("show", "--as-of", "2026-13-01"),
            "'2026-13-01' is not a date: write a real day as YYYY-MM-DD",
        ),
    ],
)
def test_bad_revisions_are_usage_errors(told: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr == f"trustlist: {message}\n"


def test_a_shallow_clone_is_refused_by_every_command_that_reads_history(
    told: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shallow clone has lost the commits that number the revisions: `log` would silently
    number them from 1 again. Every command that reads history stops, as the build does."""
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{told}", str(shallow)], check=True
    )
    monkeypatch.chdir(shallow)
    for args in (("log",), ("show", "--as-of", "2026-08-10"), ("diff", "HEAD", "HEAD")):
        result = run(*args)
        assert result.returncode == 2, (args, result.stdout)
        assert result.stderr.count("\n") == 1, result.stderr
        assert ": error[GIT001] is a shallow clone" in result.stderr
        assert "git fetch --unshallow" in result.stderr
        assert "Traceback" not in result.stderr


def test_work_tree_records_are_not_parsed_again(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustlist.core import history as history_module
    from trustlist.core.history_read import read_history
    from trustlist.core.validate import validate_registry

    story(base)
    monkeypatch.setenv("TRUSTLIST_CACHE", "off")  # every call walks (historystore.py aside)
    parsed = []
    original = history_module.parse_record
    monkeypatch.setattr(
        history_module,
        "parse_record",
        lambda read, blob: parsed.append(blob) or original(read, blob),
    )
    plain = read_history(Path("registry"))
    # Each distinct version once: the sector, two of demo-triage, two of demo-new (restoring
    # it brought back the first version's very bytes).
    assert len(parsed) == 5
    parsed.clear()
    registry = validate_registry(Path("registry"))
    known = {e.blob: e.loaded.data for e in registry.systems}
    reused = read_history(Path("registry"), known)
    assert len(parsed) == 3  # the work tree's two records came from validation
    assert [r.events for r in reused.revisions["health"]] == [
        r.events for r in plain.revisions["health"]
    ]
