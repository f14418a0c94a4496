"""What several test modules share: running the command and the build, a registry's story
in git, and checking that findings are said in every language. Tests import from here (and
conftest.py), never from each other."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SYSTEM, commit, edit, git, replace_document
from pdf_fixtures import clean_pdf
from trustlist.core.findings import Finding
from trustlist.core.messages import LANGS, MESSAGES

TRUSTLIST = Path(sys.executable).with_name("trustlist")


def _limit_memory() -> None:
    # A hostile file must not make the validator balloon: 1 GiB of address space is plenty.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(TRUSTLIST), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert "Traceback" not in result.stderr + result.stdout
    return result


MKDOCS = Path(sys.executable).with_name("mkdocs")

CONFIG = """\
site_name: Test register
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
plugins:
  - trustlist:
      registry: registry
"""


def build(
    root: Path, command: list[str] | None = None, config: str = CONFIG
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a registry (with mkdocs.yml `config`), or `command` run in
    its folder as that build."""
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command or [str(MKDOCS), "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def build_hooked(root: Path, hook: str) -> subprocess.CompletedProcess[str]:
    """The build of `root` by MkDocs' CLI, as `mkdocs build --strict` runs it, in a Python
    that first runs `hook` (code that watches the build from inside)."""
    cli = (
        "import sys\n"
        "from mkdocs.__main__ import cli\n"
        "sys.argv = ['mkdocs', 'build', '--strict']\n"
        "cli()\n"
    )
    return build(root, [sys.executable, "-c", hook + cli])


FOLDER = "registry/health/demo-triage"

NEW = "registry/health/demo-new"


def story(root: Path) -> Path:
    git(root, "init", "-q", "-b", "main")
    (root / "README.md").write_text("register\n", encoding="utf-8")
    system = root / FOLDER
    shutil.move(system, root / "held")
    commit(root, "health: the list is opened", when="2026-05-01T09:00:00+05:00")
    shutil.move(root / "held", system)
    commit(root, "health: include demo-triage", when="2026-05-19T10:00:00+05:00")
    shutil.copytree(system, root / NEW)
    edit(root / NEW / "system.yaml", "id: demo-triage", "id: demo-new")
    edit(root / NEW / "system.yaml", "list_number: 1", "list_number: 2")
    commit(root, "health: include demo-new", when="2026-06-12T10:00:00+05:00")
    replace_document(root, "audit-report.pdf", clean_pdf("Renewed audit report"))
    edit(root / SYSTEM, "report_date: 2026-04-20", "report_date: 2026-06-20")
    # The body's approval of the change is a new decision.
    edit(root / SYSTEM, "  date: 2026-05-15\n", "  date: 2026-06-30\n")
    edit(root / SYSTEM, "  published: 2026-05-19\n", "  published: 2026-07-01\n")
    commit(root, "health: demo-triage renewed its audit", when="2026-07-01T10:00:00+05:00")
    edit(
        root / NEW / "system.yaml",
        "state: listed\n",
        "state: excluded\n  since: 2026-08-01\n  reason: audit_withdrawn\n",
    )
    commit(root, "health: exclude demo-new", when="2026-08-01T10:00:00+05:00")
    (root / "README.md").write_text("register of lists\n", encoding="utf-8")
    commit(root, "docs only", when="2026-08-15T10:00:00+05:00")
    edit(
        root / NEW / "system.yaml",
        "state: excluded\n  since: 2026-08-01\n  reason: audit_withdrawn\n",
        "state: listed\n",
    )
    commit(root, "health: restore demo-new", when="2026-09-01T10:00:00+05:00")
    return root


def unsaid(findings: list[Finding]) -> list[str]:
    """What is wrong with how each finding is said: no key, or a placeholder left unfilled."""
    wrong = []
    for f in findings:
        if not f.key or f.key not in MESSAGES:
            wrong.append(f"{f.code} {f.json_path}: no entry ('{f.key}'): {f.message}")
            continue
        if f.text("en") != f.message:
            wrong.append(f"{f.code} {f.key}: en text {f.text('en')!r} is not {f.message!r}")
        for lang in LANGS[:2]:
            text = f.text(lang)
            for _, value in f.values:  # a value may hold a brace of its own (a file's bytes)
                text = text.replace(value, "")
            if not text.strip() or "{" in text or "}" in text:
                wrong.append(f"{f.code} {f.key} in {lang}: {f.text(lang)!r}")
    return wrong


def assert_said(findings: list[Finding]) -> None:
    assert findings, "the input is invalid, so it gives findings"
    wrong = unsaid(findings)
    assert not wrong, "\n".join(wrong)
