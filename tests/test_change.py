"""`trustlist check --base`: a pull request judged against its base, in real git repositories
built in temp folders with fixed dates."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import SYSTEM, commit, edit, git
from trustlist import report
from trustlist.change import check_pull_request
from trustlist.gitrepo import GitError
from trustlist.history import Event, history_of

TRUSTLIST = Path(sys.executable).with_name("trustlist")
FOLDER = "registry/health/demo-triage"
NEW = "registry/health/demo-new"


@pytest.fixture
def repo(base: Path) -> Path:
    """The base fixture as a repository whose main branch holds one listed system, with an
    application branch checked out."""
    (base / "Makefile").write_text("all:\n", encoding="utf-8")
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "health list: demo-triage", when="2026-05-19T10:00:00+05:00")
    git(base, "checkout", "-q", "-b", "application")
    return base


def codes(check) -> list[str]:
    return [f.code for f in check.findings]


def add_new_system(root: Path, *, with_audit: bool = True) -> None:
    shutil.copytree(root / FOLDER, root / NEW)
    record = root / NEW / "system.yaml"
    edit(record, "id: demo-triage", "id: demo-new")
    edit(record, "list_number: 1", "list_number: 2")
    edit(record, "  submitted: 2026-05-04", "  submitted: 2026-06-01")
    edit(record, "  date: 2026-05-15\n", "  date: 2026-06-12\n")
    edit(record, "  published: 2026-05-19\n", "")
    if not with_audit:
        text = record.read_text(encoding="utf-8")
        record.write_text(text[: text.index("  - kind: audit_report")], encoding="utf-8")
        (root / NEW / "audit-report.pdf").unlink()


def test_an_unchanged_branch_passes(repo: Path) -> None:
    check = check_pull_request(Path("registry"), "main", today=date(2026, 6, 2))
    assert check.findings == []
    assert check.change.sectors == {}


def test_a_new_system_asks_its_sector_and_starts_the_review_term(repo: Path) -> None:
    add_new_system(repo)
    commit(repo, "apply: demo-new")
    check = check_pull_request(Path("registry"), "main", today=date(2026, 6, 2))
    assert check.findings == []
    assert check.change.sectors == {"health": {"demo-new"}}
    assert check.change.added == {"demo-new"}
    (review,) = check.deadlines["demo-new"]
    # Submitted Monday 1 June 2026: ten working days end on Monday 15 June.
    assert (review.name, review.due, review.state) == ("review", date(2026, 6, 15), "pending")


def test_deleting_a_listed_system_is_refused(repo: Path) -> None:
    shutil.rmtree(repo / FOLDER)
    commit(repo, "remove demo-triage")
    check = check_pull_request(Path("registry"), "main")
    assert "CHG001" in codes(check)
    (finding,) = [f for f in check.findings if f.code == "CHG001"]
    assert finding.path == f"{FOLDER}/system.yaml"
    assert "status.state" in finding.message
    # The deleted documents are named for the reviewers too, as advice.
    assert codes(check).count("CHG004") == 3


def test_renaming_a_system_folder_is_a_deletion(repo: Path) -> None:
    git(repo, "mv", FOLDER, NEW)
    edit(repo / NEW / "system.yaml", "id: demo-triage", "id: demo-new")
    commit(repo, "rename")
    check = check_pull_request(Path("registry"), "main")
    assert "CHG001" in codes(check)


def test_a_list_number_never_changes(repo: Path) -> None:
    edit(repo / SYSTEM, "list_number: 1", "list_number: 7")
    commit(repo, "renumber")
    check = check_pull_request(Path("registry"), "main")
    (finding,) = check.findings
    assert (finding.code, finding.line, finding.column) == ("CHG002", 4, 14)
    assert finding.message == "was 1 in main; a list number never changes once published"


def test_an_application_touches_nothing_but_the_registry(repo: Path) -> None:
    edit(repo / SYSTEM, "tested: true", "tested: false")
    (repo / "Makefile").write_text("all:\n\techo changed\n", encoding="utf-8")
    commit(repo, "apply and change the build")
    check = check_pull_request(Path("registry"), "main")
    assert [(f.code, f.path) for f in check.findings] == [("CHG003", "Makefile")]


def test_code_alone_is_the_maintainers_and_passes(repo: Path) -> None:
    (repo / "Makefile").write_text("all:\n\techo changed\n", encoding="utf-8")
    commit(repo, "build change")
    assert check_pull_request(Path("registry"), "main").findings == []


def test_the_shared_calendar_changes_alone(repo: Path) -> None:
    (repo / "registry/calendar.yaml").write_text(
        'schema_version: "1.0"\ndays_off: []\nworking_days: []\n', encoding="utf-8"
    )
    edit(repo / SYSTEM, "tested: true", "tested: false")
    commit(repo, "calendar and a record")
    check = check_pull_request(Path("registry"), "main")
    assert ("CHG003", "registry/calendar.yaml") in [(f.code, f.path) for f in check.findings]


def test_an_unknown_base_is_a_usage_error(repo: Path) -> None:
    with pytest.raises(GitError, match="'no-such-branch'"):
        check_pull_request(Path("registry"), "no-such-branch")


def test_outside_git_is_a_usage_error(base: Path) -> None:
    with pytest.raises(GitError, match="not inside a git repository"):
        check_pull_request(Path("registry"), "main")


def test_application_missing_its_audit_report_then_fixed_then_merged(repo: Path) -> None:
    """The Order's path: incomplete package → notice → resubmission → inclusion."""
    add_new_system(repo, with_audit=False)
    commit(repo, "apply: demo-new", when="2026-06-01T09:00:00+05:00")
    check = check_pull_request(Path("registry"), "main", today=date(2026, 6, 3))
    notice = report.check_markdown(check, {"health": ["@kz-trustlist/health-reviewers"]})
    assert "Notice of inconsistencies" in notice
    assert "**DOC001** `documents`" in notice
    assert "audit report" in notice
    assert "| health | demo-new (new) | @kz-trustlist/health-reviewers |" in notice

    # The applicant adds the report and records the resubmission date: the re-review term runs.
    shutil.copy(repo / FOLDER / "audit-report.pdf", repo / NEW / "audit-report.pdf")
    block = (repo / SYSTEM).read_text(encoding="utf-8")
    record = repo / NEW / "system.yaml"
    record.write_text(
        record.read_text(encoding="utf-8") + block[block.index("  - kind: audit_report") :],
        encoding="utf-8",
    )
    edit(
        record, "  submitted: 2026-06-01\n", "  submitted: 2026-06-01\n  resubmitted: 2026-06-08\n"
    )
    commit(repo, "add the audit report", when="2026-06-08T09:00:00+05:00")
    check = check_pull_request(Path("registry"), "main", today=date(2026, 6, 9))
    assert check.findings == []
    review, rereview = check.deadlines["demo-new"]
    assert review.state == "met"  # the notice came within the ten days
    assert (rereview.name, rereview.due, rereview.state) == (
        "re-review",
        date(2026, 6, 15),
        "pending",
    )
    assert "Application checked" in report.check_markdown(check, {})

    # The reviewers merge: main now lists the system.
    git(repo, "checkout", "-q", "main")
    git(
        repo,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "include demo-new",
        "application",
        when="2026-06-12T10:00:00+05:00",
    )
    assert (repo / NEW / "system.yaml").is_file()
    assert check_pull_request(Path("registry"), "HEAD~1").change.added == {"demo-new"}
    # The merge issued revision 2 of the health list, which includes the new system.
    history = history_of(Path("registry"))
    latest = history.latest("health")
    assert (latest.number, latest.subject) == (2, "include demo-new")
    assert Event("included", "demo-new") in latest.events
    assert sorted(latest.systems) == ["demo-new", "demo-triage"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TRUSTLIST), *args], capture_output=True, text=True, check=False)


def test_cli_check_annotates_and_fails(repo: Path) -> None:
    edit(repo / SYSTEM, "list_number: 1", "list_number: 7")
    commit(repo, "renumber")
    result = cli("check", "--base", "main", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"::error file={SYSTEM},line=4,col=14,title=CHG002::list_number: was 1 in main; "
        "a list number never changes once published"
    )


def test_cli_check_markdown_is_the_notice(repo: Path) -> None:
    add_new_system(repo, with_audit=False)
    commit(repo, "apply")
    result = cli("check", "--base", "main", "--format", "markdown", "--today", "2026-06-02")
    assert result.returncode == 1
    assert result.stdout.startswith("## Сәйкессіздіктер туралы хабарлама")
    assert "| health | demo-new (new) | @kz-trustlist/health-reviewers |" in result.stdout
    assert "| review | 2026-06-01 | 10 | 2026-06-15 | - | - | pending |" in result.stdout


def test_cli_check_passes_a_clean_application(repo: Path) -> None:
    add_new_system(repo)
    commit(repo, "apply")
    result = cli("check", "--base", "main", "--format", "json", "--today", "2026-06-02")
    assert result.returncode == 0, result.stdout
    payload = json.loads(result.stdout)
    assert payload["valid"] is True
    assert payload["added"] == ["demo-new"]
    assert payload["deadlines"]["demo-new"][0]["due"] == "2026-06-15"


def test_cli_check_unknown_base(repo: Path) -> None:
    result = cli("check", "--base", "origin/nowhere")
    assert result.returncode == 2
    assert result.stderr.startswith("trustlist: 'origin/nowhere' or 'HEAD' is not a revision")
    assert "Traceback" not in result.stderr
