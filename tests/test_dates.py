"""Every date bounded: the schema accepts days from 1990 to 2099 and nothing else, and every
command and the build compute with the extreme ones without a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SYSTEM, edit, git
from helpers import build
from trustlist.core.validate import validate_registry

TRUSTLIST = Path(sys.executable).with_name("trustlist")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(TRUSTLIST), *args], capture_output=True, text=True, check=False, timeout=120
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("day", ["9999-12-31", "2100-01-01", "1989-12-31", "0001-01-01"])
def test_a_date_out_of_range_is_a_finding(base: Path, day: str) -> None:
    edit(base / SYSTEM, "  date: 2026-03-02", f"  date: {day}")
    findings = validate_registry(Path("registry")).findings
    assert [(f.code, f.json_path, f.line) for f in findings] == [("SCH005", "copyright.date", 49)]
    assert "from 1990 to 2099" in findings[0].message
    result = run("validate", "registry")
    assert result.returncode == 1


def test_the_last_accepted_days_are_computed_everywhere(base: Path) -> None:
    # Everything as late as the schema allows: the terms run into 2100, history, show, diff,
    # log, check and the build all answer.
    for old, new in (
        ("report_date: 2026-04-20", "report_date: 2099-12-20"),
        ("valid_until: 2027-04-20", "valid_until: 2099-12-31"),
        ("  submitted: 2026-05-04", "  submitted: 2099-12-21"),
        ("  date: 2026-05-15", "  date: 2099-12-30"),
        ("  published: 2026-05-19", "  published: 2099-12-31"),
    ):
        edit(base / SYSTEM, old, new)
    assert validate_registry(Path("registry")).findings == []
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "far", when="2026-06-01T10:00:00+05:00")
    git(base, "checkout", "-q", "-b", "x")
    edit(base / SYSTEM, "tested: true", "tested: false")
    git(base, "commit", "-q", "-am", "x", when="2026-06-02T10:00:00+05:00")
    assert run("check", "--base", "main", "--today", "2099-12-31").returncode == 0
    printed = subprocess.run(
        [str(TRUSTLIST), "notice", "--base", "main", "--lang", "kk", "--format", "pdf"],
        capture_output=True,
        check=False,
    )
    assert printed.returncode == 0 and printed.stdout.startswith(b"%PDF-"), printed.stderr
    terms = run("deadlines", "--submitted", "2099-12-31", "--decided", "2099-12-31")
    assert terms.returncode == 0 and "2100-01-" in terms.stdout
    assert run("show", "--as-of", "2099-12-31").returncode == 0
    assert run("diff", "main", "2099-12-31").returncode == 0
    assert run("log").returncode == 0
    assert run("expiring", "--today", "2099-12-31").returncode == 1
    built = build(base)
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("deadlines", "--submitted", "9999-12-28"), "is not a date from 1990 to 2099"),
        (("deadlines", "--submitted", "2026-02-30"), "is not a date written YYYY-MM-DD"),
        (("expiring", "--today", "0001-01-01"), "is not a date from 1990 to 2099"),
    ],
)
def test_a_command_refuses_a_date_out_of_range_in_one_line(
    base: Path, args: tuple[str, ...], words: str
) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert words in result.stderr


def test_show_and_diff_refuse_a_day_that_does_not_exist(base: Path) -> None:
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "one", when="2026-06-01T10:00:00+05:00")
    for args in (("show", "--as-of", "2026-02-30"), ("diff", "2026-02-30", "main")):
        result = run(*args)
        assert result.returncode == 2
        assert (
            result.stderr
            == "trustlist: '2026-02-30' is not a date: write a real day as YYYY-MM-DD\n"
        )
    # A day after every commit is the last commit, however far.
    assert "commit" in run("show", "--as-of", "9999-12-31").stdout
