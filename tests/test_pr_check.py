"""The application check runs the base's code against the pull request's data (check.yml:
the base commit is checked out and installed, the pull request's tree is only read). A pull
request that also edits the rules cannot switch them off: told as a story in a temporary
repository holding the project's own code, checked as check.yml does it and, for contrast,
as it would be if the pull request's code ran."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import BASE, PROJECT, edit, git

FOLDER = "registry/health/demo-new"


def trustlist_of(code: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`trustlist` as installed from the checkout `code`, run in `cwd`."""
    env = {**os.environ, "PYTHONPATH": str(code / "plugins"), "TRUSTLIST_CACHE": "off"}
    return subprocess.run(
        [sys.executable, "-m", "trustlist.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_pull_request_that_edits_the_rules_is_judged_by_the_bases(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    shutil.copytree(
        PROJECT / "plugins", origin / "plugins", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(PROJECT / "schemas", origin / "schemas")
    shutil.copytree(BASE / "registry", origin / "registry")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "the register", when="2026-06-01T10:00:00+05:00")
    base_sha = git(origin, "rev-parse", "HEAD").strip()

    # The pull request: an application with a wrong BIN check digit, and a quiet edit that
    # makes the BIN rule say nothing.
    git(origin, "checkout", "-q", "-b", "apply")
    shutil.copytree(origin / "registry/health/demo-triage", origin / FOLDER)
    record = origin / FOLDER / "system.yaml"
    text = record.read_text(encoding="utf-8").replace("id: demo-triage", "id: demo-new")
    text = text.replace("list_number: 1\n", "").replace('"260540001236"', '"260540001237"')
    record.write_text(text[: text.index("decision:")] + text[text.index("documents:") :], "utf-8")
    edit(
        origin / "plugins/trustlist/core/rules.py",
        "        problem = bin_problem(value)\n",
        "        problem = None  # tidy-up\n",
    )
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "apply: demo-new", when="2026-06-02T10:00:00+05:00")

    # As check.yml runs it: the base checked out apart, its code judging the PR's tree.
    base = tmp_path / "base"
    git(origin, "worktree", "add", "-q", "--detach", str(base), base_sha)
    judged = trustlist_of(base, origin, "check", "--base", base_sha, "--format", "github")
    assert judged.returncode == 1, judged.stdout + judged.stderr
    lines = judged.stdout.splitlines()
    assert any(
        line.startswith(f"::error file={FOLDER}/system.yaml,line=14") and "BIN001" in line
        for line in lines
    )
    assert any(
        "file=plugins/trustlist/core/rules.py" in line and "CHG003" in line for line in lines
    )

    # Had the pull request's own code judged it, the wrong BIN would have passed unseen.
    own = trustlist_of(origin, origin, "check", "--base", base_sha, "--format", "github")
    assert "BIN001" not in own.stdout
