"""The repository's settings in .github/ (ruleset, check.yml's jobs, CODEOWNERS) keep a merge
the body's decision: the project's own files pass, and each weakening is caught by its code."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, edit
from trustlist.cli.governance import check_governance
from trustlist.core.findings import Finding
from trustlist.core.messages import LANGS, say
from trustlist.core.messages.governance import MESSAGES
from trustlist.core.rules import RULES

RULESET = ".github/rulesets/main.json"
WORKFLOW = ".github/workflows/check.yml"
CODEOWNERS = ".github/CODEOWNERS"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The project's .github/ and registry/ in a temp folder, to be weakened."""
    root = tmp_path / "repo"
    shutil.copytree(PROJECT / ".github", root / ".github")
    shutil.copytree(PROJECT / "registry", root / "registry")
    return root


def only(findings: list[Finding], code: str) -> Finding:
    """The one finding, which has `code`."""
    assert [f.code for f in findings] == [code], [str(f) for f in findings]
    return findings[0]


def line_of(root: Path, path: str, pattern: str) -> int:
    """The 1-based number of the first line of `path` matching `pattern`."""
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if re.search(pattern, line))


def test_the_repository_passes() -> None:
    assert check_governance(PROJECT) == []


def job_names(root: Path) -> list[str]:
    """check.yml's jobs as GitHub names their checks, read here apart from governance.py."""
    jobs = yaml.safe_load((root / WORKFLOW).read_text(encoding="utf-8"))["jobs"]
    return [job.get("name", key) for key, job in jobs.items()]


def required_checks(root: Path) -> list[str]:
    ruleset = json.loads((root / RULESET).read_text(encoding="utf-8"))
    (rule,) = [r for r in ruleset["rules"] if r["type"] == "required_status_checks"]
    return [check["context"] for check in rule["parameters"]["required_status_checks"]]


def test_the_ruleset_requires_exactly_the_jobs_of_check_yml() -> None:
    assert sorted(required_checks(PROJECT)) == sorted(job_names(PROJECT))


def test_gov001_a_deleted_ruleset(repo: Path) -> None:
    (repo / RULESET).unlink()
    finding = only(check_governance(repo), "GOV001")
    assert (finding.path, finding.line) == (".github/rulesets", 0)


def test_gov001_a_ruleset_for_another_branch(repo: Path) -> None:
    edit(repo / RULESET, '"include": ["~DEFAULT_BRANCH"]', '"include": ["refs/heads/release"]')
    only(check_governance(repo), "GOV001")


def test_gov002_a_ruleset_that_is_not_json(repo: Path) -> None:
    edit(repo / RULESET, '"target": "branch",', '"target": "branch"')
    findings = check_governance(repo)
    gov002 = [f for f in findings if f.code == "GOV002"]
    assert [(f.path, f.line) for f in gov002] == [(RULESET, 4)]
    # unreadable, it protects nothing: the default branch has no ruleset
    assert {f.code for f in findings} == {"GOV001", "GOV002"}


def test_gov002_a_check_workflow_without_jobs(repo: Path) -> None:
    (repo / WORKFLOW).write_text("name: check\non: pull_request\n", encoding="utf-8")
    finding = only(check_governance(repo), "GOV002")
    assert finding.path == WORKFLOW


def test_gov003_code_owner_review_removed(repo: Path) -> None:
    edit(repo / RULESET, '        "require_code_owner_review": true,\n', "")
    finding = only(check_governance(repo), "GOV003")
    assert finding.json_path == "rules[2].parameters.require_code_owner_review"
    assert "require_code_owner_review" in finding.message
    # the key is gone: the finding points at its rule
    assert finding.line == line_of(repo, RULESET, r'"type": "pull_request"')


def test_gov003_merge_commits_allowed(repo: Path) -> None:
    edit(
        repo / RULESET,
        '"allowed_merge_methods": ["squash"]',
        '"allowed_merge_methods": ["merge", "squash"]',
    )
    finding = only(check_governance(repo), "GOV003")
    assert finding.json_path == "rules[2].parameters.allowed_merge_methods"
    assert '["merge", "squash"]' in finding.message
    assert finding.line == line_of(repo, RULESET, '"allowed_merge_methods"')


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('"enforcement": "active"', '"enforcement": "evaluate"', "enforcement"),
        (
            '"bypass_actors": []',
            '"bypass_actors": [{"actor_id": 5, "actor_type": "RepositoryRole", "bypass_mode": "always"}]',
            "bypass_actors",
        ),
        ('{\n      "type": "deletion"\n    },\n', "", "rules"),
        ('{\n      "type": "non_fast_forward"\n    },\n', "", "rules"),
        (
            '"required_approving_review_count": 1',
            '"required_approving_review_count": 0',
            "rules[2].parameters.required_approving_review_count",
        ),
        (
            '"dismiss_stale_reviews_on_push": true',
            '"dismiss_stale_reviews_on_push": false',
            "rules[2].parameters.dismiss_stale_reviews_on_push",
        ),
        (
            '"require_last_push_approval": true',
            '"require_last_push_approval": false',
            "rules[2].parameters.require_last_push_approval",
        ),
        (
            '"required_review_thread_resolution": true',
            '"required_review_thread_resolution": false',
            "rules[2].parameters.required_review_thread_resolution",
        ),
        (
            '"allowed_merge_methods": ["squash"]',
            '"allowed_merge_methods": []',
            "rules[2].parameters.allowed_merge_methods",
        ),
        (
            '"strict_required_status_checks_policy": true',
            '"strict_required_status_checks_policy": false',
            "rules[3].parameters.strict_required_status_checks_policy",
        ),
    ],
    ids=lambda value: (
        value if isinstance(value, str) and "\n" not in value and '"' not in value else ""
    ),
)
def test_gov003_each_setting_weakened(repo: Path, old: str, new: str, field: str) -> None:
    edit(repo / RULESET, old, new)
    finding = only(check_governance(repo), "GOV003")
    assert finding.json_path == field
    assert field in finding.message
    assert finding.line > 0


@pytest.mark.parametrize(
    "rule", ["deletion", "non_fast_forward", "pull_request", "required_status_checks"]
)
def test_gov003_each_rule_removed_is_named(repo: Path, rule: str) -> None:
    ruleset = json.loads((repo / RULESET).read_text(encoding="utf-8"))
    ruleset["rules"] = [r for r in ruleset["rules"] if r["type"] != rule]
    (repo / RULESET).write_text(json.dumps(ruleset, indent=2), encoding="utf-8")
    finding = only(check_governance(repo), "GOV003")
    assert (finding.json_path, finding.key) == ("rules", f"gov.rule.{rule}")
    assert f'"{rule}"' in finding.message


def test_gov004_a_required_check_dropped(repo: Path) -> None:
    dropped = required_checks(repo)[-1]
    edit(repo / RULESET, f',\n          {{ "context": "{dropped}", "integration_id": 15368 }}', "")
    finding = only(check_governance(repo), "GOV004")
    assert finding.json_path == "rules[3].parameters.required_status_checks"
    assert f'"{dropped}"' in finding.message
    assert finding.line == line_of(repo, RULESET, r'"required_status_checks": \[')


def test_gov005_a_check_renamed_to_no_job(repo: Path) -> None:
    renamed = required_checks(repo)[1]
    edit(repo / RULESET, f'"context": "{renamed}"', f'"context": "{renamed}!"')
    findings = check_governance(repo)
    assert [f.code for f in findings] == ["GOV004", "GOV005"]
    unrequired, unknown = findings
    assert f'"{renamed}"' in unrequired.message  # the job is no longer required
    assert unknown.json_path == "rules[3].parameters.required_status_checks[1].context"
    assert f'"{renamed}!"' in unknown.message
    assert unknown.line == line_of(repo, RULESET, f'"{renamed}!"')


def test_gov004_gov005_compare_with_check_yml_as_it_is(repo: Path) -> None:
    """A job renamed in check.yml: the ruleset now requires a check nobody reports."""
    old = job_names(repo)[-1]
    edit(repo / WORKFLOW, f"name: {old}\n", f"name: {old} renamed\n")
    findings = check_governance(repo)
    assert [(f.code, f.values) for f in findings] == [
        ("GOV004", (("job", f"{old} renamed"), ("workflow", WORKFLOW))),
        (
            "GOV005",
            (
                ("check", old),
                ("workflow", WORKFLOW),
                ("jobs", ", ".join(job_names(repo))),
            ),
        ),
    ]


def test_gov006_a_sector_given_to_the_wrong_team(repo: Path) -> None:
    edit(
        repo / CODEOWNERS,
        "/registry/finance/  @kz-trustlist/finance-reviewers",
        "/registry/finance/  @kz-trustlist/justice-reviewers",
    )
    finding = only(check_governance(repo), "GOV006")
    assert (finding.path, finding.line) == (
        CODEOWNERS,
        line_of(repo, CODEOWNERS, "^/registry/finance/"),
    )
    assert "@kz-trustlist/justice-reviewers" in finding.message
    assert '"/registry/finance/ @kz-trustlist/finance-reviewers"' in finding.message


def test_gov006_a_sector_line_missing_or_added(repo: Path) -> None:
    edit(repo / CODEOWNERS, "/registry/justice/  @kz-trustlist/justice-reviewers\n", "")
    edit(repo / CODEOWNERS, "/tools/  @kz-trustlist/maintainers\n", "/tools/  @someone\n")
    edit(repo / CODEOWNERS, "/mkdocs.yml  @kz-trustlist/maintainers\n", "")
    findings = check_governance(repo)
    assert [(f.code, f.key, f.line) for f in findings] == [
        ("GOV006", "gov.codeowners.lacks", line_of(repo, CODEOWNERS, "^/registry/transport/")),
        ("GOV006", "gov.codeowners.differs", line_of(repo, CODEOWNERS, "^/tools/")),
        ("GOV006", "gov.codeowners.lacks", line_of(repo, CODEOWNERS, "^/registry/calendar")),
    ]
    assert "/registry/justice/ @kz-trustlist/justice-reviewers" in findings[0].message


def test_gov006_a_line_no_sector_gives(repo: Path) -> None:
    with (repo / CODEOWNERS).open("a", encoding="utf-8") as file:
        file.write("/registry/finance/  @somebody\n")
    finding = only(check_governance(repo), "GOV006")
    assert finding.key == "gov.codeowners.extra"
    assert finding.line == len((repo / CODEOWNERS).read_text(encoding="utf-8").splitlines())


def test_gov006_codeowners_deleted(repo: Path) -> None:
    (repo / CODEOWNERS).unlink()
    finding = only(check_governance(repo), "GOV006")
    assert (finding.path, finding.line, finding.key) == (CODEOWNERS, 0, "gov.codeowners.missing")


def test_comments_and_spacing_of_codeowners_do_not_matter(repo: Path) -> None:
    text = (repo / CODEOWNERS).read_text(encoding="utf-8")
    (repo / CODEOWNERS).write_text("# ours\n" + text.replace("  @", "\t@"), encoding="utf-8")
    assert check_governance(repo) == []


def test_every_code_has_its_rule() -> None:
    assert sorted(c for c in RULES if c.startswith("GOV")) == [f"GOV{n:03}" for n in range(1, 8)]


ARCHIVE = ".github/rulesets/published-manifests.json"


@pytest.mark.parametrize(
    ("old", "new", "rules"),
    [
        ('{\n      "type": "deletion"\n    },\n', "", ['"deletion"']),
        (
            '"enforcement": "active"',
            '"enforcement": "evaluate"',
            ['"deletion"', '"non_fast_forward"'],
        ),
        (
            '"bypass_actors": []',
            '"bypass_actors": [{"actor_type": "RepositoryRole", "actor_id": 5}]',
            ['"deletion"', '"non_fast_forward"'],
        ),
        (
            "refs/heads/published-manifests",
            "refs/heads/other",
            ['"deletion"', '"non_fast_forward"'],
        ),
    ],
    ids=["deletion allowed", "not enforced", "bypassed", "another branch"],
)
def test_gov007_the_archive_of_published_states_kept(
    repo: Path, old: str, new: str, rules: list[str]
) -> None:
    edit(repo / ARCHIVE, old, new)
    findings = check_governance(repo)
    assert [f.code for f in findings] == ["GOV007"] * len(rules)
    assert sorted(dict(f.values)["rule"] for f in findings) == sorted(rules)
    assert "published-manifests" in findings[0].text("ru")


def test_gov007_the_archive_ruleset_deleted(repo: Path) -> None:
    (repo / ARCHIVE).unlink()
    assert [f.code for f in check_governance(repo)] == ["GOV007", "GOV007"]


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_in_three_languages(key: str) -> None:
    texts = MESSAGES[key]
    assert len(texts) == len(LANGS) == 3
    assert all(text.strip() for text in texts)
    placeholders = [sorted(re.findall(r"\{(\w+)\}", text)) for text in texts]
    assert placeholders[0] == placeholders[1] == placeholders[2], placeholders
    filled = {name: f"<{name}>" for name in placeholders[0]}
    for lang in LANGS:
        assert "{" not in say(key, lang, **filled).replace("{}", "")


def test_findings_speak_every_language(repo: Path) -> None:
    edit(
        repo / RULESET, '"require_last_push_approval": true', '"require_last_push_approval": false'
    )
    finding = only(check_governance(repo), "GOV003")
    kk, ru, en = (finding.text(lang) for lang in LANGS)
    assert en == finding.message
    assert "require_last_push_approval" in kk and "require_last_push_approval" in ru
    assert len({kk, ru, en}) == 3
