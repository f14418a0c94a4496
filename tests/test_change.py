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
from conftest import PROJECT, SECTOR, SYSTEM, commit, edit, git
from trustlist.core.change import check_pull_request
from trustlist.core.decisions import decide
from trustlist.core.findings import UsageError
from trustlist.core.gitrepo import GitError
from trustlist.core.history import Event
from trustlist.core.history_read import read_history
from trustlist.core.notice import as_markdown, make_notice
from trustlist.core.validate import validate_registry

TRUSTLIST = Path(sys.executable).with_name("trustlist")
FOLDER = "registry/health/demo-triage"
NEW = "registry/health/demo-new"


@pytest.fixture
def reviewer_key(tmp_path: Path) -> Path:
    """A sector reviewer's SSH key, outside the repository."""
    key = tmp_path / "keys" / "reviewer"
    key.parent.mkdir()
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "reviewer@health", "-f", str(key)],
        check=True,
    )
    return key


@pytest.fixture
def repo(base: Path, reviewer_key: Path) -> Path:
    """The base fixture as a repository whose main branch holds one listed system and the
    health sector's decision key, with an application branch checked out."""
    (base / "Makefile").write_text("all:\n", encoding="utf-8")
    public = reviewer_key.with_suffix(".pub").read_text(encoding="utf-8").strip()
    edit(base / SECTOR, "contact:\n", f"decision_keys:\n  - {public}\ncontact:\n")
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "health list: demo-triage", when="2026-05-19T10:00:00+05:00")
    git(base, "checkout", "-q", "-b", "application")
    return base


def codes(check) -> list[str]:
    return [f.code for f in check.findings]


def applicant_stage(record: Path) -> None:
    """Leave only what an applicant writes: no list number, decision or status."""
    text = record.read_text(encoding="utf-8").replace("list_number: 1\n", "")
    start, end = text.index("decision:\n"), text.index("documents:\n")
    record.write_text(text[:start] + text[end:], encoding="utf-8")


def own_names(record: Path) -> None:
    """A new system's names of its own: with demo-triage's names, BIN and documents it would
    be a look-alike copy of it (REG009)."""
    edit(record, "  kk: Демо триаж жүйесі", "  kk: Демо жаңа жүйе")
    edit(record, "  ru: Демо-система триажа", "  ru: Новая демо-система")
    edit(record, "  en: Demo triage system", "  en: New demo system")


def add_new_system(root: Path, *, with_audit: bool = True) -> None:
    shutil.copytree(root / FOLDER, root / NEW)
    record = root / NEW / "system.yaml"
    edit(record, "id: demo-triage", "id: demo-new")
    own_names(record)
    edit(record, "  submitted: 2026-05-04", "  submitted: 2026-06-01")
    applicant_stage(record)
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
    finding, unsigned = check.findings
    assert (finding.code, finding.line, finding.column) == ("CHG002", 4, 14)
    assert finding.message == "was 1 in main; a list number never changes once published"
    # The list number is the body's: changed without the body's signature, that is said too.
    assert (unsigned.code, unsigned.json_path) == ("DEC001", "decision")


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


def test_application_missing_its_audit_report_then_fixed_then_merged(
    repo: Path, reviewer_key: Path
) -> None:
    """The Order's path: incomplete package → notice → resubmission → inclusion."""
    add_new_system(repo, with_audit=False)
    commit(repo, "apply: demo-new", when="2026-06-01T09:00:00+05:00")
    check = check_pull_request(Path("registry"), "main", today=date(2026, 6, 3))
    notice = as_markdown(make_notice(check, "en", date(2026, 6, 3)))
    assert notice.startswith("## Notice of inconsistencies")
    assert "field `documents` (rule DOC001)" in notice
    assert "a document of kind audit_report is missing" in notice
    assert "**Reviewers:** `@kz-trustlist/health-reviewers`" in notice

    # The applicant adds the report and records the resubmission date: the re-review term runs.
    shutil.copy(repo / FOLDER / "audit-report.pdf", repo / NEW / "audit-report.pdf")
    block = (repo / SYSTEM).read_text(encoding="utf-8")
    record = repo / NEW / "system.yaml"
    record.write_text(
        record.read_text(encoding="utf-8") + block[block.index("  - kind: audit_report") :],
        encoding="utf-8",
    )
    edit(
        record,
        "  submitted: 2026-06-01\n",
        "  submitted: 2026-06-01\n  returns:\n    - notice: 2026-06-03\n"
        "      resubmitted: 2026-06-08\n",
    )
    commit(repo, "add the audit report", when="2026-06-08T09:00:00+05:00")
    check = check_pull_request(Path("registry"), "main", today=date(2026, 6, 9))
    assert check.findings == []
    review, rereview = check.deadlines["demo-new"]
    assert (review.actual, review.state) == (date(2026, 6, 3), "met")  # noticed in 2 days
    assert (rereview.name, rereview.due, rereview.state) == (
        "re-review",
        date(2026, 6, 15),
        "pending",
    )
    notice = as_markdown(make_notice(check, "en", date(2026, 6, 9)))
    assert notice.startswith("## Result of the application check: no inconsistencies")
    assert "The application awaits the body's decision" in notice

    # The body decides: a reviewer signs the decision on the branch, then it is merged.
    decide(Path("registry"), "demo-new", reviewer_key, reference="No. 2-ИИ", on=date(2026, 6, 12))
    commit(repo, "decision: include demo-new", when="2026-06-12T09:00:00+05:00")
    check = check_pull_request(Path("registry"), "main", today=date(2026, 6, 12))
    assert check.findings == []
    assert [d.name for d in check.deadlines["demo-new"]] == ["review", "re-review", "publication"]
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
    history = read_history(Path("registry"))
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
    result = cli(
        "check", "--base", "main", "--format", "markdown", "--lang", "kk", "--today", "2026-06-02"
    )
    assert result.returncode == 1
    assert result.stdout.startswith("## Сәйкессіздіктер туралы хабарлама\n")
    assert "**Қарайтындар:** `@kz-trustlist/health-reviewers`" in result.stdout
    assert "| қарау | 2026-06-01 | 10 | 2026-06-15 | - | жүріп жатыр |" in result.stdout


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


def test_an_applicant_cannot_write_the_decision(repo: Path, tmp_path: Path) -> None:
    # The applicant writes list_number, decision and status by hand, or signs them with a key
    # of their own: neither is the body's signature.
    shutil.copytree(repo / FOLDER, repo / NEW)
    record = repo / NEW / "system.yaml"
    edit(record, "id: demo-triage", "id: demo-new")
    own_names(record)
    edit(record, "list_number: 1", "list_number: 2")
    commit(repo, "apply, decided by myself")
    check = check_pull_request(Path("registry"), "main")
    (finding,) = check.findings
    assert (finding.code, finding.json_path, finding.line) == ("DEC001", "decision", 60)
    assert "only `trustlist decide`" in finding.message

    own = tmp_path / "own"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(own)], check=True)
    edit(record, "list_number: 2\n", "")
    applicant_stage(record)
    decide(Path("registry"), "demo-new", own, reference="forged", on=date(2026, 6, 2))
    commit(repo, "signed by myself")
    (finding,) = check_pull_request(Path("registry"), "main").findings
    assert (finding.code, finding.json_path) == ("DEC001", "decision.signature")
    assert "is not made with one of sector 'health''s decision keys" in finding.message


def test_a_decision_signed_then_changed_by_the_applicant_is_refused(
    repo: Path, reviewer_key: Path
) -> None:
    add_new_system(repo)
    commit(repo, "apply")
    decide(Path("registry"), "demo-new", reviewer_key, reference="No. 2-ИИ", on=date(2026, 6, 5))
    commit(repo, "decision")
    assert check_pull_request(Path("registry"), "main").findings == []
    # After the signature the applicant swaps a fact the body decided on.
    edit(repo / NEW / "system.yaml", "tested: true", "tested: false")
    commit(repo, "one more change")
    (finding,) = check_pull_request(Path("registry"), "main").findings
    assert (finding.code, finding.json_path) == ("DEC001", "decision.signature")
    assert finding.message.startswith("does not match the record")


def test_a_published_decision_is_never_rewritten(repo: Path, reviewer_key: Path) -> None:
    # Even signed by the body, a published decision's date and reference stay as published.
    edit(repo / SYSTEM, "  date: 2026-05-15\n", "  date: 2026-05-14\n")
    commit(repo, "rewrite the decision date")
    found = {(f.code, f.json_path) for f in check_pull_request(Path("registry"), "main").findings}
    assert found == {("DEC002", "decision.date"), ("DEC001", "decision")}
    with pytest.raises(UsageError, match="its date never changes"):
        decide(Path("registry"), "demo-triage", reviewer_key, on=date(2026, 5, 13))
    text = (repo / SYSTEM).read_text(encoding="utf-8")
    (repo / SYSTEM).write_text(text.replace("2026-05-14", "2026-05-15"), encoding="utf-8")
    edit(repo / SYSTEM, '  reference: "No. 1-ИИ"\n', '  reference: "No. 1-ИИ (corrected)"\n')
    commit(repo, "rewrite the reference instead")
    check = check_pull_request(Path("registry"), "main")
    found = {(f.code, f.json_path): f.message for f in check.findings}
    assert found.keys() == {("DEC002", "decision.reference"), ("DEC001", "decision")}
    assert "was 'No. 1-ИИ' in main" in found["DEC002", "decision.reference"]


def test_the_body_suspends_with_its_signature(repo: Path, reviewer_key: Path) -> None:
    decide(
        Path("registry"),
        "demo-triage",
        reviewer_key,
        status=("suspended", "audit_withdrawn", date(2026, 6, 20)),
    )
    commit(repo, "suspend demo-triage")
    check = check_pull_request(Path("registry"), "main")
    assert check.findings == []
    assert "state: suspended" in (repo / SYSTEM).read_text(encoding="utf-8")


def test_the_check_judges_what_is_committed(repo: Path) -> None:
    # The record names its audit report, but the PDF was never committed: it is not part of
    # the application, whatever lies in the work tree.
    add_new_system(repo)
    git(repo, "add", "registry/health/demo-new/system.yaml")
    git(repo, "add", "registry/health/demo-new/application.pdf")
    git(repo, "add", "registry/health/demo-new/copyright-certificate.pdf")
    git(repo, "commit", "-q", "-m", "apply, forgetting a file")
    check = check_pull_request(Path("registry"), "main")
    assert [(f.code, f.path) for f in check.findings] == [
        ("DOC005", "registry/health/demo-new/system.yaml")
    ]
    assert check.uncommitted
    result = cli("check", "--base", "main")
    assert "not committed" in result.stdout


def test_a_decided_application_is_not_overdue(repo: Path, reviewer_key: Path) -> None:
    add_new_system(repo)
    commit(repo, "apply")
    decide(Path("registry"), "demo-new", reviewer_key, reference="No. 2-ИИ", on=date(2026, 6, 5))
    commit(repo, "decision")
    terms = check_pull_request(Path("registry"), "main", today=date(2026, 9, 1)).deadlines
    review, publication = terms["demo-new"]
    assert (review.actual, review.state) == (date(2026, 6, 5), "met")
    assert (publication.name, publication.state) == ("publication", "overdue")


def test_a_refusal_is_recorded_signed_and_kept(repo: Path, reviewer_key: Path) -> None:
    # The body refuses: the application goes to the sector's journal with its reasons, signed,
    # and its folder leaves the pull request.
    add_new_system(repo)
    commit(repo, "apply")
    result = cli(
        "decide", "demo-new", "--key", str(reviewer_key), "--refuse", "--reference", "No. 9-ИИ",
        "--date", "2026-06-10", "--reasons-kk", "Аудит есебі жүйеге қатысты емес.",
        "--reasons-ru", "Отчёт об аудите не относится к системе.",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert not (repo / NEW).exists()
    journal = repo / "registry/health/applications.yaml"
    text = journal.read_text(encoding="utf-8")
    assert "outcome: refused" in text and "Отчёт об аудите не относится к системе." in text
    commit(repo, "refuse demo-new")
    check = check_pull_request(Path("registry"), "main")
    assert check.findings == []
    assert validate_registry(Path("registry")).journals["health"].model.closed[0].outcome == (
        "refused"
    )
    # Merged, the entry is published: a later pull request cannot soften its reasons.
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--squash", "application", when="2026-06-11T10:00:00+05:00")
    git(repo, "commit", "-q", "-m", "refuse demo-new", when="2026-06-11T10:00:00+05:00")
    git(repo, "checkout", "-q", "-b", "soften")
    edit(journal, "Отчёт об аудите не относится к системе.", "Отказано.")
    commit(repo, "soften")
    (finding,) = check_pull_request(Path("registry"), "main").findings
    assert (finding.code, finding.json_path) == ("DEC002", "closed[0]")


def test_an_applicant_cannot_write_a_closed_application(repo: Path) -> None:
    (repo / "registry/health/applications.yaml").write_text(
        'schema_version: "1.0"\nclosed:\n  - system: demo-other\n    name:\n      kk: А\n'
        "      ru: А\n    applicant:\n      name:\n        kk: Б\n        ru: Б\n"
        '      bin: "260540001236"\n    application:\n      reference: X-1\n'
        "      submitted: 2026-06-01\n    outcome: withdrawn\n    date: 2026-06-02\n"
        "    reasons:\n      kk: В\n      ru: В\n",
        encoding="utf-8",
    )
    commit(repo, "a withdrawal written by hand")
    (finding,) = check_pull_request(Path("registry"), "main").findings
    assert (finding.code, finding.json_path, finding.line) == ("DEC001", "closed[0]", 3)


def test_decide_says_what_is_missing_in_one_line(repo: Path, tmp_path: Path) -> None:
    add_new_system(repo)
    no_reference = cli("decide", "demo-new", "--key", str(tmp_path / "keys" / "reviewer"))
    assert no_reference.returncode == 2
    assert no_reference.stderr == (
        "trustlist: registry/health/demo-new/system.yaml: an application awaits its decision: "
        "give --reference\n"
    )
    no_key = cli("decide", "demo-new", "--key", str(tmp_path / "nowhere"), "--reference", "R-1")
    assert no_key.returncode == 2
    assert no_key.stderr.startswith(f"trustlist: {tmp_path / 'nowhere'}: cannot sign: ")
    assert "Traceback" not in no_key.stderr
    # Nothing was written when the signature could not be made.
    assert "decision:" not in (repo / NEW / "system.yaml").read_text(encoding="utf-8")
    no_reasons = cli("decide", "demo-new", "--key", str(tmp_path / "nowhere"), "--refuse")
    assert no_reasons.returncode == 2
    assert "--refuse and --withdrawn need --reasons-kk and --reasons-ru" in no_reasons.stderr


def test_an_old_signed_state_cannot_be_put_back(repo: Path, reviewer_key: Path) -> None:
    # The body includes demo-new, then excludes it; the applicant puts back the record as it
    # was when listed, old signature and all. Its signature names another predecessor.
    add_new_system(repo)
    decide(Path("registry"), "demo-new", reviewer_key, reference="No. 2-ИИ", on=date(2026, 6, 5))
    commit(repo, "include demo-new")
    listed = (repo / NEW / "system.yaml").read_text(encoding="utf-8")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--squash", "application", when="2026-06-06T10:00:00+05:00")
    git(repo, "commit", "-q", "-m", "include demo-new", when="2026-06-06T10:00:00+05:00")
    exclusion = ("excluded", "false_information", date(2026, 7, 1))
    decide(Path("registry"), "demo-new", reviewer_key, status=exclusion)
    git(repo, "commit", "-q", "-am", "exclude demo-new", when="2026-07-01T10:00:00+05:00")
    assert check_pull_request(Path("registry"), "HEAD~1").findings == []
    git(repo, "checkout", "-q", "-b", "put-back")
    (repo / NEW / "system.yaml").write_text(listed, encoding="utf-8")
    commit(repo, "listed again, as it was")
    (finding,) = check_pull_request(Path("registry"), "main").findings
    assert (finding.code, finding.json_path) == ("DEC001", "decision.signature")
    assert finding.message.startswith("does not match the record")


def test_a_closed_application_copied_to_another_place_does_not_verify(
    repo: Path, reviewer_key: Path
) -> None:
    add_new_system(repo)
    decide_refusal = (
        "decide", "demo-new", "--key", str(reviewer_key), "--withdrawn",
        "--reasons-kk", "Кері алынды.", "--reasons-ru", "Отозвано.",
    )  # fmt: skip
    assert cli(*decide_refusal).returncode == 0
    commit(repo, "withdrawn")
    assert check_pull_request(Path("registry"), "main").findings == []
    journal = repo / "registry/health/applications.yaml"
    text = journal.read_text(encoding="utf-8")
    entry = text[text.index("  - system:") :]
    journal.write_text(text + entry, encoding="utf-8")
    commit(repo, "counted twice")
    (finding,) = check_pull_request(Path("registry"), "main").findings
    assert (finding.code, finding.json_path) == ("DEC001", "closed[1].signature")


def test_a_sectors_keys_change_alone_and_the_maintainers_own_them(
    repo: Path, tmp_path: Path
) -> None:
    # An application that also adds a decision key of its own to the sector: the key would
    # not count for it (keys are read from the base), and the sector's record changes alone.
    add_new_system(repo)
    own = tmp_path / "own"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(own)], check=True)
    key = own.with_suffix(".pub").read_text(encoding="utf-8").strip()
    edit(repo / SECTOR, "decision_keys:\n", f"decision_keys:\n  - {key}\n")
    commit(repo, "apply, and trust my key")
    found = [(f.code, f.path) for f in check_pull_request(Path("registry"), "main").findings]
    assert found == [("CHG003", SECTOR)]
    assert "/registry/*/sector.yaml  @kz-trustlist/maintainers" in (
        PROJECT / ".github/CODEOWNERS"
    ).read_text(encoding="utf-8")


def test_a_pull_request_of_code_alone_is_no_application(repo: Path) -> None:
    (repo / "Makefile").write_text("all:\n\techo changed\n", encoding="utf-8")
    commit(repo, "build change")
    check = check_pull_request(Path("registry"), "main")
    for lang, words in (
        ("en", "it is not an application"),
        ("ru", "это не заявление"),
        ("kk", "бұл өтініш емес"),
    ):
        notice = as_markdown(make_notice(check, lang, date(2026, 6, 3)))
        assert words in notice
