"""report: findings as compiler-style text, JSON, GitHub annotations or Markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .findings import Finding


def _location(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}" if f.line else f.path


def text_line(f: Finding) -> str:
    """`registry/x/y/system.yaml:14:3: error[DOC003] documents[1].sha256: message`."""
    field = f"{f.json_path}: " if f.json_path else ""
    return f"{_location(f)}: {f.severity}[{f.code}] {field}{f.message}"


def _summary(findings: Sequence[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.is_error)
    return errors, len(findings) - errors


def as_text(findings: Sequence[Finding], subject: str) -> str:
    errors, warnings = _summary(findings)
    lines = [text_line(f) for f in findings]
    if errors or warnings:
        lines.append(f"{subject}: {errors} error(s), {warnings} warning(s)")
    else:
        lines.append(f"{subject}: valid")
    return "\n".join(lines)


def as_json(findings: Sequence[Finding], subject: str, stats: dict[str, int]) -> str:
    errors, warnings = _summary(findings)
    payload = {
        "subject": subject,
        "valid": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "checked": stats,
        "findings": [f.as_dict() for f in findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Sequence[Finding], subject: str) -> str:
    """GitHub Actions workflow commands: one annotation per finding, on the line it names."""
    lines = []
    for f in findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_escape_property(f.code)}")
        field = f"{f.json_path}: " if f.json_path else ""
        level = "error" if f.is_error else "warning"
        lines.append(f"::{level} {','.join(props)}::{_escape_data(field + f.message)}")
    lines.append(as_text([], subject) if not findings else f"{subject}: {len(findings)} finding(s)")
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def as_markdown(findings: Sequence[Finding], subject: str) -> str:
    errors, warnings = _summary(findings)
    if not findings:
        return f"### {subject}\n\nNo problems found."
    rows = [f"### {subject}", "", f"{errors} error(s), {warnings} warning(s).", "",
            "| where | rule | field | problem |", "|---|---|---|---|"]
    for f in findings:
        rows.append(f"| `{_md_cell(_location(f))}` | {f.code} | `{_md_cell(f.json_path)}` | {_md_cell(f.message)} |")
    return "\n".join(rows)


RULES_PREAMBLE = """\
# Validation rules

Every finding of `trustlist validate` names one of these codes. The codes are stable: a rule
may be reworded, never renumbered. Findings read like a compiler's:

```text
registry/healthcare/med-xray-triage/system.yaml:15:8: error[BIN001] owner.bin: check digit must be 6, got 7
```

The file, the line and column of the offending value, the rule's code, the field, and what to
change. Regenerate this page with `trustlist rules --format markdown > docs/rules.md`.
"""


def rules_markdown(rules: dict[str, str]) -> str:
    rows = [RULES_PREAMBLE, "| code | rule |", "|---|---|"]
    rows += [f"| `{code}` | {_md_cell(rule)} |" for code, rule in rules.items()]
    return "\n".join(rows)
