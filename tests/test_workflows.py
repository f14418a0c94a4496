"""The GitHub workflows are safe by construction: zizmor (offline, with its auditor persona,
the widest: it reports all the pedantic one does and more) finds nothing, and the rules the
project holds itself to are checked one by one."""

from __future__ import annotations

import posixpath
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT
from trustlist.site import manifest

ZIZMOR = Path(sys.executable).with_name("zizmor")
WORKFLOWS = sorted((PROJECT / ".github/workflows").glob("*.yml"))


def zizmor(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(ZIZMOR),
            "--offline",
            "--persona=auditor",
            "--strict-collection",  # a workflow zizmor cannot read fails, not skipped
            "--no-progress",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_zizmor_finds_nothing() -> None:
    result = zizmor(PROJECT / ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_would_fail_on_a_workflow_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / ".github/workflows/bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  x:\n    steps:\n      - name: a: b\n", encoding="utf-8")
    result = zizmor(bad.parent)
    assert result.returncode != 0
    assert "No findings to report" not in result.stdout + result.stderr


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
    assert deploy["needs"] == "sign"  # a failed build or signature uploads nothing


def test_the_check_runs_on_pull_requests_read_only() -> None:
    check = load(PROJECT / ".github/workflows/check.yml")
    assert list(check[True]) == ["pull_request"]
    for job in check["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for _n, _j, step in steps(check)]
    assert any('trustlist check --base "$BASE_SHA" --format github' in run for run in runs)


# --- the shell of run steps, read as commands -------------------------------------------------

OPERATORS = set(";&|()<>")
REDIRECTIONS = {">", ">>", "<", "<<<"}
KEYWORDS = {"if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}"}


@dataclass
class Command:
    """One simple command of a run script: its words and where its redirections point."""

    words: list[str] = field(default_factory=list)
    redirects: list[tuple[str, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.words[0] if self.words else ""


def commands(script: str) -> list[Command]:
    """The simple commands of a script, enough of the shell for these workflows: lines joined
    at backslashes, split at operators and `$(`, keywords dropped, redirections set aside."""
    out: list[Command] = []
    for line in script.replace("\\\n", " ").splitlines():
        if line.strip().startswith("#"):
            continue
        lexer = shlex.shlex(line, posix=True, punctuation_chars="".join(OPERATORS))
        lexer.whitespace_split = True
        lexer.commenters = ""
        tokens = iter(lexer)
        current = Command()
        for token in tokens:
            if token in REDIRECTIONS:
                current.redirects.append((token, next(tokens, "")))
            elif set(token) <= OPERATORS:
                if token == "(" and current.words and current.words[-1].endswith("$"):
                    current.words[-1] = current.words[-1][:-1]  # `x=$(` leaves `x=$`
                out.append(current)
                current = Command()
            elif not current.words and token in KEYWORDS:
                continue
            else:
                current.words.append(token)
        out.append(current)
    return [c for c in out if c.words]


def test_the_shell_reader() -> None:
    script = (
        "mkdir -p ../notice\n"
        "for lang in kk ru en; do\n"
        '  ../bin/tool notice --lang "$lang" \\\n'
        '    --pr "$PR" > "../notice/$lang.md" || status=$?\n'
        '  if [ "$status" -gt 1 ]; then exit 1; fi\n'
        "done\n"
        "# a comment\n"
        "n=$(head -c 16 \"$NOTICE/pr-number\" | tr -d '\\n')\n"
    )
    found = commands(script)
    assert [c.name for c in found] == [
        "mkdir", "for", "../bin/tool", "status=$?", "[", "exit", "n=", "head", "tr",
    ]  # fmt: skip
    tool = found[2]
    assert tool.words == ["../bin/tool", "notice", "--lang", "$lang", "--pr", "$PR"]
    assert tool.redirects == [(">", "../notice/$lang.md")]


def run_steps(job: dict):
    """(working directory relative to the workspace, commands) of each run step of a job."""
    for step in job["steps"]:
        if "run" in step:
            yield posixpath.normpath(step.get("working-directory", ".")), commands(step["run"])


def where(directory: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(directory, path))


CHECK = PROJECT / ".github/workflows/check.yml"
NOTICE = PROJECT / ".github/workflows/notice.yml"
EXPIRING = PROJECT / ".github/workflows/expiring.yml"
MARKER = "<!-- trustlist-notice -->"


def test_zizmor_is_silenced_only_for_the_notice_trigger() -> None:
    """The one narrow exception: zizmor flags every workflow_run trigger, and notice.yml's is
    the safe pattern (no checkout, the artifact read as data)."""
    ignores = [
        (path.name, line.split("#")[0].strip(), re.findall(r"zizmor: ignore\[([^\]]*)\]", line))
        for path in WORKFLOWS
        for line in path.read_text(encoding="utf-8").splitlines()
        if "zizmor: ignore" in line
    ]
    assert ignores == [("notice.yml", "workflow_run:", ["dangerous-triggers"])]


def test_every_job_states_its_permissions() -> None:
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            assert isinstance(job.get("permissions"), dict), (path.name, name)


def test_only_the_notice_job_writes_to_pull_requests() -> None:
    writers = [
        (path.name, name, scope)
        for path in WORKFLOWS
        for name, job in load(path)["jobs"].items()
        for scope, level in job["permissions"].items()
        if level == "write" and scope not in ("pages", "id-token")
    ]
    assert writers == [
        ("deploy.yml", "archive", "contents"),  # one commit on published-manifests
        ("deploy.yml", "archive", "attestations"),  # the build provenance
        ("notice.yml", "post", "pull-requests"),
    ]


# --- check.yml: the base's code judges the PR's data ----------------------------------------


def application() -> dict:
    return load(CHECK)["jobs"]["application"]


def checkouts(job: dict) -> dict[str, dict]:
    """The job's checkouts by path."""
    return {
        posixpath.normpath(step["with"].get("path", ".")): step["with"]
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    }


def test_the_base_is_checked_out_at_the_base_sha_beside_the_pr() -> None:
    found = checkouts(application())
    assert set(found) == {"base", "pr"}
    assert found["base"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert "ref" not in found["pr"]  # the pull request's own commit (its merge with the base)


def test_the_job_names_stay() -> None:
    names = {key: job["name"] for key, job in load(CHECK)["jobs"].items()}
    assert names == {
        "application": "application check",
        "site": "site builds",
        "tests": "test suite",
    }


def test_the_application_job_installs_and_runs_only_the_base() -> None:
    job = application()
    assert not any(step.get("uses", "").startswith("./") for step in job["steps"])
    makes = trustlists = 0
    for directory, found in run_steps(job):
        for command in found:
            words = command.words
            if command.name == "make":
                makes += 1
                into = words[words.index("-C") + 1] if "-C" in words else "."
                assert where(directory, into) == "base", words
            if "install" in words:  # pip, pip3, python -m pip: only the base's own venv
                assert where(directory, command.name).startswith("base/"), words
            if ".venv/bin/" in command.name:
                assert where(directory, command.name).startswith("base/.venv/bin/"), words
            if posixpath.basename(command.name) == "trustlist":
                trustlists += 1
                assert where(directory, command.name) == "base/.venv/bin/trustlist", words
                assert directory == "pr", words  # the PR's tree is the data
    assert makes == 1
    assert trustlists >= 3  # notice, check, codeowners


def test_the_verdict_and_codeowners_are_the_base_trustlists() -> None:
    runs = [
        command.words[1:]
        for directory, found in run_steps(application())
        for command in found
        if where(directory, command.name) == "base/.venv/bin/trustlist"
    ]
    assert ["check", "--base", "$BASE_SHA", "--format", "github"] in runs
    assert ["codeowners", "--check"] in runs


def test_the_notice_is_written_in_three_languages_and_uploaded_even_on_failure() -> None:
    job = application()
    (step,) = [
        s
        for s in job["steps"]
        if any(c.words[1:2] == ["notice"] for c in commands(s.get("run", "")))
    ]
    assert step["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert step["env"]["HEAD_SHA"] == "${{ github.event.pull_request.head.sha }}"
    directory = posixpath.normpath(step["working-directory"])
    found = commands(step["run"])
    assert ["for", "lang", "in", "kk", "ru", "en"] in [c.words for c in found]
    (notice,) = [c for c in found if c.words[1:2] == ["notice"]]
    options = dict(zip(notice.words[2::2], notice.words[3::2], strict=True))
    assert options == {
        "--base": "$BASE_SHA",
        "--pr": "$PR_NUMBER",
        "--lang": "$lang",
        "--format": "markdown",
    }
    (upload,) = [
        s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert upload["if"] == "always()"
    assert upload["with"]["name"] == "notice"
    folder = posixpath.normpath(upload["with"]["path"])
    written = {
        where(directory, target)
        for command in found
        for op, target in command.redirects
        if op == ">"
    }
    assert written == {
        f"{folder}/$lang.md",
        f"{folder}/pr-number",
        f"{folder}/head-sha",
    }
    summary = [c for c in found if ((">>", "$GITHUB_STEP_SUMMARY") in c.redirects)]
    assert [c.words for c in summary] == [["cat", "../notice/ru.md"]]


# --- notice.yml: privileged, and never runs the pull request's code -------------------------


def test_the_notice_runs_when_the_check_completes() -> None:
    notice = load(NOTICE)
    assert load(CHECK)["name"] == "check"
    assert notice[True] == {"workflow_run": {"workflows": ["check"], "types": ["completed"]}}
    assert notice["permissions"] == {}


def test_the_notice_job_has_only_what_it_needs() -> None:
    jobs = load(NOTICE)["jobs"]
    assert list(jobs) == ["post"]
    assert jobs["post"]["permissions"] == {"pull-requests": "write", "actions": "read"}
    assert "github.event.workflow_run.event == 'pull_request'" in jobs["post"]["if"]


def test_the_notice_checks_out_nothing_and_runs_nothing_it_downloads() -> None:
    job = load(NOTICE)["jobs"]["post"]
    uses = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    assert uses == ["actions/download-artifact"]  # no checkout, no local or other action
    (download,) = [step for step in job["steps"] if "uses" in step]
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert download["with"]["github-token"] == "${{ github.token }}"
    folder = download["with"]["path"]
    assert folder.startswith("${{ runner.temp }}/")  # outside the workspace
    interpreters = {"bash", "sh", "source", ".", "eval", "exec", "python", "python3", "node"}
    readers = {"cat", "head", "["}  # the artifact's files are only read, or tested
    for step in job["steps"]:
        if "run" not in step:
            continue
        env = step.get("env", {})
        aliases = {f"${name}" for name, value in env.items() if value == folder}
        assert aliases <= {"$NOTICE"}
        for command in commands(step["run"]):
            assert command.name not in interpreters, command.words
            assert command.name != "chmod", command.words
            assert not any(a in command.name for a in aliases), command.words
            if any(a in word for word in command.words for a in aliases):
                assert command.name in readers, command.words


def test_the_notice_posts_only_on_the_checked_pull_request() -> None:
    job = load(NOTICE)["jobs"]["post"]
    (check,) = [step for step in job["steps"] if step.get("id") == "pr"]
    assert check["env"]["RUN_HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    found = commands(check["run"])
    digits = [c for c in found if c.name == "[[" and "=~" in c.words]
    assert [c.words for c in digits] == [["[[", "$number", "=~", "^[1-9][0-9]{0,9}$", "]]"]]
    compared = [c.words for c in found if c.name == "[" and "$RUN_HEAD_SHA" in c.words]
    assert ["[", "$head_sha", "!=", "$RUN_HEAD_SHA", "]"] in compared
    (post,) = [step for step in job["steps"] if "run" in step and step is not check]
    assert post["if"] == "steps.pr.outputs.post == 'true'"


def test_the_notice_is_one_marked_comment_with_its_body_from_a_file() -> None:
    job = load(NOTICE)["jobs"]["post"]
    (post,) = [step for step in job["steps"] if step.get("if") == "steps.pr.outputs.post == 'true'"]
    assert post["env"]["GH_TOKEN"] == "${{ github.token }}"
    found = commands(post["run"])
    assert ["marker=" + MARKER] in [c.words for c in found]
    calls = [c.words for c in found if c.name == "gh"]
    (listing,) = [w for w in calls if "--paginate" in w]
    assert f'startswith("{MARKER}")' in listing[listing.index("--jq") + 1]
    assert 'select(.user.login == "github-actions[bot]"' in listing[listing.index("--jq") + 1]
    writes = [w for w in calls if "--method" in w]
    assert sorted(w[w.index("--method") + 1] for w in writes) == ["PATCH", "POST"]
    for words in writes:
        fields = [words[i + 1] for i, w in enumerate(words) if w in ("-F", "-f", "--field")]
        assert fields == ["body=@$body"], words
    # The body is the marker, then kk, ru and en, each read from its file.
    reads = [c.words[1] for c in found if c.name == "cat"]
    assert reads == ["$NOTICE/kk.md", "$NOTICE/ru.md", "$NOTICE/en.md"]


# --- expiring.yml: a daily read-only look at the audits ----------------------------------------


def test_expiring_is_scheduled_and_read_only() -> None:
    expiring = load(EXPIRING)
    triggers = expiring[True]
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert [len(entry["cron"].split()) for entry in triggers["schedule"]] == [5]
    assert expiring["permissions"] == {}
    for job in expiring["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
        assert checkouts(job)["."]["ref"] == "main"
        runs = [(d, c) for d, found in run_steps(job) for c in found]
        assert [c.words for _d, c in runs if c.name == "make"] == [["make", ".venv/.installed"]]
        (listing,) = [c for _d, c in runs if posixpath.basename(c.name) == "trustlist"]
        assert listing.words == [
            ".venv/bin/trustlist", "expiring", "--within", "30", "--format", "markdown",
        ]  # fmt: skip
        assert listing.redirects == [(">>", "$GITHUB_STEP_SUMMARY")]


# --- deploy.yml: the signing key is seen by one job, on main only ------------------------------

DEPLOY = PROJECT / ".github/workflows/deploy.yml"
SIGNING_ENVIRONMENT = "manifest-signing"
SIGNING_KEY = "MANIFEST_SIGNING_KEY"


def deploy_jobs() -> dict:
    return load(DEPLOY)["jobs"]


def strings(node: object):
    """Every string value (not key) of a parsed workflow, however deep."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def expressions(node: dict):
    """The expressions of a workflow or job: each `${{ … }}`, and every `if` whole (GitHub
    reads an `if` as an expression even without the braces)."""
    for text in strings(node):
        yield from re.findall(r"\$\{\{(.*?)\}\}", text, flags=re.DOTALL)
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "if" and isinstance(value, str):
                yield value
            elif isinstance(value, dict):
                yield from expressions(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        yield from expressions(item)


def secrets_read(node: dict) -> set[str]:
    """The secrets an expression names (`secrets.X`, `secrets['X']`; `*` for the whole
    context, as `toJSON(secrets)` would give it), and `*` for `secrets: inherit`."""
    found = set()
    for expression in expressions(node):
        for match in re.finditer(
            r"\bsecrets\b\s*(?:\.\s*([\w-]+)|\[\s*'([^']*)'\s*\])?", expression
        ):
            found.add(match.group(1) or match.group(2) or "*")
    if "secrets" in node:
        found.add("*")
    return found


def environment_of(job: dict) -> str | None:
    environment = job.get("environment")
    return environment.get("name") if isinstance(environment, dict) else environment


def test_the_signing_key_is_read_by_the_sign_job_only() -> None:
    readers = []
    for path in WORKFLOWS:
        workflow = load(path)
        outside = {key: value for key, value in workflow.items() if key != "jobs"}
        assert not secrets_read(outside), path.name  # no workflow-wide env of secrets
        readers += [
            (path.name, name, secret)
            for name, job in workflow["jobs"].items()
            for secret in sorted(secrets_read(job))
        ]
    assert readers == [("deploy.yml", "sign", SIGNING_KEY)]
    mentions = [p.name for p in WORKFLOWS if SIGNING_KEY in p.read_text(encoding="utf-8")]
    assert mentions == ["deploy.yml"]


def test_secrets_read_finds_every_form() -> None:
    job = {
        "if": "secrets.A != ''",
        "env": {"B": "${{ secrets['B'] }}", "C": "${{ toJSON(secrets) }}"},
        "steps": [{"with": {"d": "x ${{ secrets.D }} y"}}],
    }
    assert secrets_read(job) == {"A", "B", "*", "D"}
    assert secrets_read({"uses": "./.github/workflows/x.yml", "secrets": "inherit"}) == {"*"}
    assert secrets_read({"steps": [{"run": "echo ${{ github.token }}"}]}) == set()


def test_only_the_sign_job_may_use_the_signing_environment() -> None:
    """Any job of a run on main could name the environment, a workflow_run or a
    pull_request_target one included (they run as the default branch): only this one does."""
    users = [
        (path.name, name)
        for path in WORKFLOWS
        for name, job in load(path)["jobs"].items()
        if environment_of(job) == SIGNING_ENVIRONMENT
    ]
    assert users == [("deploy.yml", "sign")]


def test_the_sign_job_runs_on_main_after_the_build_and_sees_no_token() -> None:
    sign = deploy_jobs()["sign"]
    assert sign["environment"] == SIGNING_ENVIRONMENT
    assert sign["if"] == "github.ref == 'refs/heads/main'"
    assert sign["needs"] == "build"
    assert sign["permissions"] == {}
    assert "container" not in sign
    assert "services" not in sign


def test_the_sign_job_runs_no_project_code() -> None:
    """No checkout, no project action, nothing installed: the runner's ssh-keygen, jq and
    coreutils read the build's artifact as data."""
    sign = deploy_jobs()["sign"]
    uses = [step["uses"].split("@")[0] for step in sign["steps"] if "uses" in step]
    assert uses == ["actions/download-artifact", "actions/upload-pages-artifact"]
    programs = {
        "make", "pip", "pip3", "python", "python3", "uv", "mkdocs", "npm", "npx", "node",
        "curl", "wget", "bash", "sh", "source", "eval", "exec", "sudo", "apt-get",
    }  # fmt: skip
    allowed = {
        "set", "[", "jq", "sort", "find", "diff", "echo", "exit", "sha256sum", "printf", "rm",
        "trap", "umask", "ssh-keygen", "cat",
    }  # fmt: skip
    for _directory, found in run_steps(sign):
        for command in found:
            program = [w for w in command.words if not re.match(r"\w+=", w)][:1]
            assert set(program) <= allowed, command.words  # none: only assignments
            for word in command.words[1:]:
                # a program named anywhere in a word (a path, a `$(…)`), not a word's part
                named = {posixpath.basename(p) for p in re.split(r"[\s\"'$(){}|;&<>]+", word)}
                assert not named & programs, word
                assert ".venv" not in word, word
                assert "/trustlist" not in word, word  # the identity `trustlist` is a name
    assert "defaults" not in sign
    assert "defaults" not in load(DEPLOY)
    assert not any("shell" in step for step in sign["steps"])  # bash, as GitHub runs it


def test_the_sign_job_signs_the_manifest_and_verifies_what_it_signed() -> None:
    sign = deploy_jobs()["sign"]
    (download,) = [s for s in sign["steps"] if s.get("uses", "").startswith("actions/download-")]
    (upload,) = [s for s in sign["steps"] if s.get("uses", "").startswith("actions/upload-pages")]
    site = posixpath.normpath(download["with"]["path"])
    assert posixpath.normpath(upload["with"]["path"]) == site  # the signed site is published
    (signing,) = [s for s in sign["steps"] if secrets_read(s)]
    assert signing["env"] == {"SIGNING_KEY": "${{ secrets.MANIFEST_SIGNING_KEY }}"}
    assert posixpath.normpath(signing["working-directory"]) == site
    found = [c.words for c in commands(signing["run"]) if c.name == "ssh-keygen"]
    signs = [w for w in found if w[1:3] == ["-Y", "sign"]]
    verifies = [w for w in found if w[1:3] == ["-Y", "verify"]]
    assert len(signs) == len(verifies) == 1
    assert signs[0][signs[0].index("-n") + 1] == manifest.NAMESPACE
    assert signs[0][-1] == manifest.MANIFEST
    assert verifies[0][verifies[0].index("-n") + 1] == manifest.NAMESPACE
    assert verifies[0][verifies[0].index("-s") + 1] == manifest.SIGNATURE
    assert found.index(signs[0]) < found.index(verifies[0])
    # The allowed signer is the key's own public half: what was signed verifies.
    assert 'namespaces="trustlist-manifest"' in signing["run"]
    assert '$(ssh-keygen -y -f "$key")' in signing["run"]
    # The check before signing: the manifest is this run's commit's and lists the files.
    steps_ = sign["steps"]
    (checking,) = [s for s in steps_ if "sha256sum" in s.get("run", "")]
    assert steps_.index(download) < steps_.index(checking) < steps_.index(signing)
    assert steps_.index(signing) < steps_.index(upload)
    assert '"$GITHUB_SHA"' in checking["run"]


def test_the_build_job_builds_checks_and_hands_over_an_unsigned_site() -> None:
    jobs = deploy_jobs()
    build = jobs["build"]
    assert build["permissions"] == {"contents": "read", "pull-requests": "read"}
    assert environment_of(build) is None
    runs = [c.words for _d, found in run_steps(build) for c in found]
    # verify's exit 3: every file as listed, the signature not checked (the sign job signs);
    # anything else fails the job.
    assert runs == [
        ["make", ".venv/.installed"],
        [
            ".venv/bin/trustlist",
            "applications",
            "--repository",
            "$REPOSITORY",
            "--api-url",
            "$API_URL",
            "--token-env",
            "GITHUB_TOKEN",
            "--out",
            "open-applications.json",
        ],
        ["echo", "::warning::open applications not read: the site shows no count of them"],
        ["make", "site"],
        ["status=0"],
        [".venv/bin/trustlist", "verify", "site"],
        ["status=$?"],
        ["test", "$status", "-eq", "3"],
    ]
    (upload,) = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-")]
    check = load(CHECK)["jobs"]["application"]["steps"]
    (checks_upload,) = [s["uses"] for s in check if s.get("uses", "").startswith("actions/upload")]
    assert upload["uses"] == checks_upload  # the same pinned upload-artifact
    (download,) = [s for s in jobs["sign"]["steps"] if "download-artifact" in s.get("uses", "")]
    assert download["with"]["name"] == upload["with"]["name"]
    assert posixpath.normpath(upload["with"]["path"]) == "site"


def test_the_deploy_job_publishes_only_the_signed_artifact() -> None:
    deploy = deploy_jobs()["deploy"]
    assert deploy["needs"] == "sign"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert list(deploy_jobs()) == ["build", "sign", "deploy", "archive"]


def test_the_archive_job_attests_and_appends_after_the_deploy() -> None:
    """Every published state kept: once deployed, the signed manifest is attested (build
    provenance) and appended to the published-manifests branch, never force-pushed."""
    archive = deploy_jobs()["archive"]
    assert archive["needs"] == ["sign", "deploy"]
    assert archive["if"] == "github.ref == 'refs/heads/main'"
    assert archive["permissions"] == {
        "contents": "write",
        "id-token": "write",
        "attestations": "write",
    }
    uses = [s["uses"].split("@")[0] for s in archive["steps"] if "uses" in s]
    assert uses == ["actions/download-artifact", "actions/attest-build-provenance"]
    assert "published-manifests" in yaml.safe_dump(archive)
    found = [c.words for _d, commands_ in run_steps(archive) for c in commands_]
    pushes = [words for words in found if words[:2] == ["git", "push"]]
    assert pushes == [["git", "push", "-q", "$remote", "HEAD:refs/heads/$BRANCH"]]  # no force
