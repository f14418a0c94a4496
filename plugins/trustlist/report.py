"""report: findings as compiler-style text, JSON, GitHub annotations or Markdown (the notice of
inconsistencies, a document of its own, is notice.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .findings import Finding


def _location(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}" if f.line else f.path


def text_line(f: Finding, lang: str = "en") -> str:
    """`registry/x/y/system.yaml:14:3: error[DOC003] documents[1].sha256: message`."""
    field = f"{f.json_path}: " if f.json_path else ""
    return f"{_location(f)}: {f.severity}[{f.code}] {field}{f.text(lang)}"


def _summary(findings: Sequence[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.is_error)
    return errors, len(findings) - errors


def as_text(findings: Sequence[Finding], subject: str, lang: str = "en") -> str:
    errors, warnings = _summary(findings)
    lines = [text_line(f, lang) for f in findings]
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
    rows = [
        f"### {subject}",
        "",
        f"{errors} error(s), {warnings} warning(s).",
        "",
        "| where | rule | field | problem |",
        "|---|---|---|---|",
    ]
    for f in findings:
        rows.append(
            f"| `{_md_cell(_location(f))}` | {f.code} | `{_md_cell(f.json_path)}` "
            f"| {_md_cell(f.message)} |"
        )
    return "\n".join(rows)


RULES_PREAMBLE = """\
# Validation rules · Тексеру ережелері · Правила проверки

Every finding of `trustlist validate`, `check` and `governance` names one of these codes, and
is said in Kazakh, Russian or English (`--lang`). The codes are stable: a rule may be reworded,
never renumbered. Findings read like a compiler's:

```text
registry/healthcare/demo-x/system.yaml:15:8: error[BIN001] owner.bin: check digit must be 6, got 7
```

The file, the line and column of the offending value, the rule's code, the field, and what to
change. Regenerate this page with `trustlist rules --format markdown > docs/rules.md`.
"""


def rules_markdown(rules: dict[str, tuple[str, str, str]]) -> str:
    """The rules page: each code and its rule in kk, ru and en."""
    rows = [RULES_PREAMBLE, "| code | қазақша | русский | English |", "|---|---|---|---|"]
    rows += [
        f"| `{code}` | {' | '.join(_md_cell(text) for text in texts)} |"
        for code, texts in rules.items()
    ]
    return "\n".join(rows)


def deadline_dict(d) -> dict[str, object]:
    return {
        "term": d.name,
        "counts_from": d.start.isoformat(),
        "working_days": d.days,
        "due": d.due.isoformat(),
        "actual": d.actual.isoformat() if d.actual else None,
        "taken": d.taken,
        "state": d.state,
    }


_DEADLINE_HEAD = ("term", "counts from", "working days", "due", "actual", "taken", "state")


def _deadline_row(d) -> tuple[str, ...]:
    return (
        d.name,
        d.start.isoformat(),
        str(d.days),
        d.due.isoformat(),
        d.actual.isoformat() if d.actual else "-",
        str(d.taken) if d.taken is not None else "-",
        d.state,
    )


def deadlines_text(deadlines) -> str:
    rows = [_DEADLINE_HEAD, *(_deadline_row(d) for d in deadlines)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_DEADLINE_HEAD))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def deadlines_markdown(deadlines) -> str:
    rows = ["| " + " | ".join(_DEADLINE_HEAD) + " |", "|" + "---|" * len(_DEADLINE_HEAD)]
    rows += ["| " + " | ".join(_deadline_row(d)) + " |" for d in deadlines]
    return "\n".join(rows)
