"""governance step: the settings that make a merge the body's decision, kept in .github/."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import yaml

from ..core.findings import Finding, json_path_text
from ..core.validate import validate_registry
from ..site.archive import ARCHIVE_BRANCH
from ..speed.verdicts import MEMORY
from .codeowners import DEFAULT_MAINTAINERS, codeowners

RULESETS = ".github/rulesets"
CODEOWNERS = ".github/CODEOWNERS"
WORKFLOW = ".github/workflows/check.yml"
DEFAULT_BRANCH = "refs/heads/main"

# code -> the rule in one line, for the rules table.

# The rules the ruleset must hold; the message of a missing one is gov.rule.<type>.
_RULES = ("deletion", "non_fast_forward", "pull_request", "required_status_checks")
# pull_request parameters that must be true.
_TRUE = (
    "require_code_owner_review",
    "dismiss_stale_reviews_on_push",
    "require_last_push_approval",
    "required_review_thread_resolution",
)


@dataclass(frozen=True)
class _Ruleset:
    path: str  # relative to the root, forward slashes
    text: str
    data: dict

    def rules(self, kind: str) -> list[tuple[int, dict]]:
        found = []
        for index, rule in enumerate(_list(self.data.get("rules"))):
            if isinstance(rule, dict) and rule.get("type") == kind:
                found.append((index, rule))
        return found

    def locate(self, *keys: str) -> tuple[int, int]:
        """Where the last of `keys` found is, each searched from the line after the one
        before; (0, 0) when the first is not found. A key is a JSON key, or a regular
        expression when it starts with a quote (e.g. '"type"\\s*:\\s*"pull_request"')."""
        line, column, start = 0, 0, 0
        lines = self.text.splitlines()
        for key in keys:
            pattern = re.compile(key if key.startswith('"') else f'"{re.escape(key)}"')
            for number in range(start, len(lines)):
                match = pattern.search(lines[number])
                if match:
                    line, column, start = number + 1, match.start() + 1, number + 1
                    break
            else:
                break
        return line, column


def check_governance(root: Path, maintainers: str = DEFAULT_MAINTAINERS) -> list[Finding]:
    """What in `root`/.github would let an application be merged without the body's decision:
    the rulesets, the check workflow's jobs and CODEOWNERS against `root`/registry's sectors
    (RegistryNotFound, a UsageError, when there is no registry). Sorted; [] when all hold."""
    findings: list[Finding] = []
    rulesets = _read_rulesets(root, findings)
    jobs = _read_jobs(root, findings)
    ours = [r for r in rulesets if _for_default_branch(r.data)]
    if not ours:
        findings.append(Finding.said(RULESETS, 0, 0, "GOV001", "gov.ruleset.missing"))
    else:
        findings += _settings(ours)
        findings += _checks(ours, jobs)
    findings += _archive(rulesets)
    findings += _codeowners(root, maintainers)
    return sorted(findings)


def _archive(rulesets: list[_Ruleset]) -> list[Finding]:
    """GOV007: the archive of published manifests can be neither deleted nor rewritten."""
    keeping = [
        r
        for r in rulesets
        if r.data.get("target", "branch") == "branch"
        and r.data.get("enforcement") == "active"
        and not r.data.get("bypass_actors")
        and any(
            isinstance(p, str) and fnmatchcase(f"refs/heads/{ARCHIVE_BRANCH}", p)
            for p in _list(_dict(_dict(r.data.get("conditions")).get("ref_name")).get("include"))
        )
    ]
    missing = [k for k in ("deletion", "non_fast_forward") if not any(r.rules(k) for r in keeping)]
    return [
        Finding.said(RULESETS, 0, 0, "GOV007", "gov.archive.unprotected", rule=json.dumps(kind))
        for kind in missing
    ]


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _read_rulesets(root: Path, findings: list[Finding]) -> list[_Ruleset]:
    rulesets = []
    for file in sorted((root / RULESETS).glob("*.json")):
        path = f"{RULESETS}/{file.name}"
        try:
            text = file.read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, UnicodeDecodeError):
            findings.append(Finding.said(path, 0, 0, "GOV002", "gov.json.invalid"))
            continue
        except json.JSONDecodeError as error:
            findings.append(
                Finding.said(path, error.lineno, error.colno, "GOV002", "gov.json.invalid")
            )
            continue
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            findings.append(Finding.said(path, 0, 0, "GOV002", "gov.json.not_ruleset"))
            continue
        rulesets.append(_Ruleset(path, text, data))
    return rulesets


def _read_jobs(root: Path, findings: list[Finding]) -> list[str] | None:
    """The names of check.yml's jobs, as GitHub names their status checks; None if unreadable."""
    file = root / WORKFLOW
    if not file.is_file():
        findings.append(Finding.said(WORKFLOW, 0, 0, "GOV002", "gov.workflow.missing"))
        return None
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None
    jobs = _dict(data).get("jobs") if isinstance(data, dict) else None
    if not isinstance(jobs, dict) or not jobs:
        findings.append(Finding.said(WORKFLOW, 0, 0, "GOV002", "gov.workflow.invalid"))
        return None
    return [str(_dict(job).get("name") or job_id) for job_id, job in jobs.items()]


def _for_default_branch(data: dict) -> bool:
    """Whether the ruleset targets the default branch (whatever its enforcement)."""
    if data.get("target", "branch") != "branch":
        return False
    ref_name = _dict(_dict(data.get("conditions")).get("ref_name"))

    def matches(patterns: object) -> bool:
        for pattern in _list(patterns):
            if pattern in ("~DEFAULT_BRANCH", "~ALL"):
                return True
            if isinstance(pattern, str) and fnmatchcase(DEFAULT_BRANCH, pattern):
                return True
        return False

    return matches(ref_name.get("include")) and not matches(ref_name.get("exclude"))


def _weaker(ruleset: _Ruleset, key: str, parts: tuple[str | int, ...], *locate: str, **values):
    line, column = ruleset.locate(*locate)
    field = json_path_text(parts)
    return Finding.said(ruleset.path, line, column, "GOV003", key, field, field=field, **values)


def _settings(ours: list[_Ruleset]) -> list[Finding]:
    """GitHub applies every ruleset for a branch at once, so a setting is kept when one of
    them keeps it; a finding is located in the first that has the rule, else the first."""
    findings = []
    first = ours[0]
    for ruleset in ours:
        if ruleset.data.get("enforcement") != "active":
            findings.append(
                _weaker(
                    ruleset,
                    "gov.setting.enforcement",
                    ("enforcement",),
                    "enforcement",
                    value=json.dumps(ruleset.data.get("enforcement")),
                )
            )
        if ruleset.data.get("bypass_actors"):  # absent or [] is nobody
            findings.append(
                _weaker(ruleset, "gov.setting.bypass_actors", ("bypass_actors",), "bypass_actors")
            )
    for kind in _RULES:
        if not any(r.rules(kind) for r in ours):
            findings.append(
                _weaker(first, f"gov.rule.{kind}", ("rules",), "rules", rule=json.dumps(kind))
            )

    pulls = [
        (r, i, _dict(rule.get("parameters"))) for r in ours for i, rule in r.rules("pull_request")
    ]
    if pulls:
        ruleset, index, _ = pulls[0]
        here = ('"type"\\s*:\\s*"pull_request"',)

        def field(name: str) -> tuple[str | int, ...]:
            return ("rules", index, "parameters", name)

        counts = [p.get("required_approving_review_count") for _, _, p in pulls]
        counts = [c for c in counts if isinstance(c, int) and not isinstance(c, bool)]
        if not counts or max(counts) < 1:
            findings.append(
                _weaker(
                    ruleset,
                    "gov.setting.required_approving_review_count",
                    field("required_approving_review_count"),
                    *here,
                    "required_approving_review_count",
                    value=json.dumps(max(counts) if counts else None),
                )
            )
        for name in _TRUE:
            if not any(p.get(name) is True for _, _, p in pulls):
                findings.append(_weaker(ruleset, f"gov.setting.{name}", field(name), *here, name))
        methods = [p.get("allowed_merge_methods") for _, _, p in pulls]
        if not any(isinstance(m, list) and m and set(m) == {"squash"} for m in methods):
            findings.append(
                _weaker(
                    ruleset,
                    "gov.setting.allowed_merge_methods",
                    field("allowed_merge_methods"),
                    *here,
                    "allowed_merge_methods",
                    value=json.dumps(methods[0], separators=(", ", ": ")),
                )
            )

    statuses = [
        (r, i, _dict(rule.get("parameters")))
        for r in ours
        for i, rule in r.rules("required_status_checks")
    ]
    if statuses and not any(
        p.get("strict_required_status_checks_policy") is True for _, _, p in statuses
    ):
        ruleset, index, _ = statuses[0]
        findings.append(
            _weaker(
                ruleset,
                "gov.setting.strict_required_status_checks_policy",
                ("rules", index, "parameters", "strict_required_status_checks_policy"),
                '"type"\\s*:\\s*"required_status_checks"',
                "strict_required_status_checks_policy",
            )
        )
    return findings


def _checks(ours: list[_Ruleset], jobs: list[str] | None) -> list[Finding]:
    """Required status checks against check.yml's jobs, both ways."""
    if jobs is None:
        return []
    findings = []
    required: set[str] = set()
    first = None
    for ruleset in ours:
        for index, rule in ruleset.rules("required_status_checks"):
            first = first or (ruleset, index)
            checks = _list(_dict(rule.get("parameters")).get("required_status_checks"))
            for number, check in enumerate(checks):
                context = _dict(check).get("context")
                if not isinstance(context, str):
                    continue
                required.add(context)
                if context in jobs:
                    continue
                parts = ("rules", index, "parameters", "required_status_checks", number, "context")
                line, column = ruleset.locate(f'"context"\\s*:\\s*{re.escape(json.dumps(context))}')
                findings.append(
                    Finding.said(
                        ruleset.path,
                        line,
                        column,
                        "GOV005",
                        "gov.check.unknown",
                        json_path_text(parts),
                        check=context,
                        workflow=WORKFLOW,
                        jobs=", ".join(jobs),
                    )
                )
    if first is None:  # no required_status_checks rule at all: GOV003 says so
        return findings
    ruleset, index = first
    parts = ("rules", index, "parameters", "required_status_checks")
    line, column = ruleset.locate(
        '"type"\\s*:\\s*"required_status_checks"', "required_status_checks"
    )
    for job in jobs:
        if job not in required:
            findings.append(
                Finding.said(
                    ruleset.path,
                    line,
                    column,
                    "GOV004",
                    "gov.check.unrequired",
                    json_path_text(parts),
                    job=job,
                    workflow=WORKFLOW,
                )
            )
    return findings


def _owners_lines(text: str) -> list[tuple[int, str]]:
    """CODEOWNERS' rules with their line numbers: comments and blank lines say nothing."""
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if words:
            lines.append((number, " ".join(words)))
    return lines


def _codeowners(root: Path, maintainers: str) -> list[Finding]:
    registry = validate_registry(root / "registry", memory=MEMORY)
    broken = sorted(s for s, entry in registry.sectors.items() if entry.model is None)
    if broken:
        return [
            Finding.said(
                CODEOWNERS,
                0,
                0,
                "GOV006",
                "gov.codeowners.unknown",
                sector=f"registry/{broken[0]}/sector.yaml",
            )
        ]
    file = root / CODEOWNERS
    if not file.is_file():
        return [Finding.said(CODEOWNERS, 0, 0, "GOV006", "gov.codeowners.missing")]
    have = _owners_lines(file.read_text(encoding="utf-8", errors="replace"))
    want = [line for _, line in _owners_lines(codeowners(registry, maintainers))]
    last = have[-1][0] if have else 1
    findings = []

    def said(line: int, key: str, **values: str) -> None:
        findings.append(Finding.said(CODEOWNERS, line, 1, "GOV006", key, **values))

    matcher = difflib.SequenceMatcher(a=[line for _, line in have], b=want, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(a2 - a1, b2 - b1) if op == "replace" else 0
        for k in range(paired):
            said(
                have[a1 + k][0],
                "gov.codeowners.differs",
                found=have[a1 + k][1],
                expected=want[b1 + k],
            )
        for k in range(a1 + paired, a2):
            said(have[k][0], "gov.codeowners.extra", found=have[k][1])
        at = have[a2][0] if a2 < len(have) else last
        for k in range(b1 + paired, b2):
            said(at, "gov.codeowners.lacks", expected=want[k])
    return findings
