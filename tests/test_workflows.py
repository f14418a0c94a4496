"""The GitHub workflows are safe by construction: zizmor (offline, pedantic) finds nothing,
and the rules the project holds itself to are checked one by one."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT

ZIZMOR = Path(sys.executable).with_name("zizmor")
WORKFLOWS = sorted((PROJECT / ".github/workflows").glob("*.yml"))


def zizmor(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--persona=pedantic", "--no-progress", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_zizmor_finds_nothing() -> None:
    result = zizmor(PROJECT / ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_would_catch_an_injection(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  x:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    result = zizmor(bad)
    assert result.returncode != 0
    assert "template-injection" in result.stdout + result.stderr


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; the workflow's triggers are under that key.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, job, step


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_rules(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}
    triggers = workflow[True]
    assert "pull_request_target" not in (triggers if isinstance(triggers, dict) else [triggers])
    for _name, _job, step in steps(workflow):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        if "run" in step:
            assert "${{" not in step["run"], step["run"]
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
            assert step["with"]["fetch-depth"] == 0


def test_only_the_deploy_job_writes_to_pages() -> None:
    writers = [
        (path.name, name)
        for path in WORKFLOWS
        for name, job in load(path)["jobs"].items()
        if job.get("permissions", {}).get("pages") == "write"
    ]
    assert writers == [("deploy.yml", "deploy")]
    deploy = load(PROJECT / ".github/workflows/deploy.yml")["jobs"]["deploy"]
    assert deploy["needs"] == "build"  # a failed build uploads nothing: the live site stays


def test_the_check_runs_on_pull_requests_read_only() -> None:
    check = load(PROJECT / ".github/workflows/check.yml")
    assert list(check[True]) == ["pull_request"]
    for job in check["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for _n, _j, step in steps(check)]
    assert any('trustlist check --base "$BASE_SHA" --format github' in run for run in runs)
