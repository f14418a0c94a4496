"""The agency's commands as a reviewer runs them: deadlines in working days, CODEOWNERS sync."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SECTOR, edit
from helpers import run

ROOT = Path(__file__).parents[1]


def test_domain_example_across_nauryz() -> None:
    result = run("deadlines", "--submitted", "2026-03-18", "--today", "2026-04-01", cwd=ROOT)
    assert result.returncode == 0
    assert "review  2026-03-18   10            2026-04-06  -       -      pending" in result.stdout


def test_missed_terms_exit_1_and_json_names_them() -> None:
    result = run(
        "deadlines",
        "--submitted",
        "2026-03-18",
        "--returned",
        "2026-03-30",
        "--resubmitted",
        "2026-04-02",
        "--decided",
        "2026-04-10",
        "--published",
        "2026-04-20",
        "--format",
        "json",
        cwd=ROOT,
    )
    assert result.returncode == 1
    terms = {d["term"]: d for d in json.loads(result.stdout)}
    assert terms["review"]["state"] == "met"
    assert terms["re-review"] == {
        "term": "re-review",
        "counts_from": "2026-04-02",
        "working_days": 5,
        "due": "2026-04-09",
        "actual": "2026-04-10",
        "taken": 6,
        "state": "missed",
    }
    assert terms["publication"]["due"] == "2026-04-17"


def test_a_resubmission_without_its_notice_is_a_usage_error() -> None:
    result = run("deadlines", "--submitted", "2026-03-18", "--resubmitted", "2026-04-02", cwd=ROOT)
    assert result.returncode == 2
    assert "each --resubmitted answers a --returned notice" in result.stderr


def test_calendar_override_moves_a_due_date(tmp_path: Path) -> None:
    calendar = tmp_path / "calendar.yaml"
    calendar.write_text(
        'schema_version: "1.0"\ndays_off:\n  - date: 2026-04-06\n    reason: decree\n'
        "working_days: []\n",
        encoding="utf-8",
    )
    result = run(
        "deadlines",
        "--submitted",
        "2026-03-18",
        "--today",
        "2026-03-20",
        "--calendar",
        str(calendar),
        "--format",
        "json",
    )
    assert json.loads(result.stdout)[0]["due"] == "2026-04-07"


def test_bad_date_is_a_usage_error() -> None:
    result = run("deadlines", "--submitted", "18.03.2026")
    assert result.returncode == 2
    assert "'18.03.2026' is not a date written YYYY-MM-DD" in result.stderr


def test_codeowners_in_sync_with_the_sample_registry() -> None:
    result = run("codeowners", "--check", cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_codeowners_follows_reviewer_changes(base: Path) -> None:
    assert run("codeowners", cwd=base).returncode == 0
    owners = (base / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/registry/health/  @kz-trustlist/health-reviewers\n" in owners
    # The maintainers come last, so they win: a sector record is theirs, not its reviewers'.
    assert owners.rstrip().endswith("/registry/*/sector.yaml  @kz-trustlist/maintainers")
    edit(
        base / SECTOR,
        '"@kz-trustlist/health-reviewers"',
        '"@kz-trustlist/health-reviewers"\n  - "@moh-kz"',
    )
    stale = run("codeowners", "--check", cwd=base)
    assert stale.returncode == 1
    assert "out of date" in stale.stdout
    assert run("codeowners", cwd=base).returncode == 0
    assert "/registry/health/  @kz-trustlist/health-reviewers @moh-kz\n" in (
        base / ".github/CODEOWNERS"
    ).read_text(encoding="utf-8")
