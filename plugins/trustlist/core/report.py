"""report: findings as compiler-style text, JSON, GitHub annotations or Markdown (the notice of
inconsistencies, a document of its own, is notice.py).

`REPORTERS` is the one table of formats: every command that prints findings hands a `Report`
to `render` with the format the user chose, and offers `--format` from its keys (`FORMATS`).

A finding carries text a pull request chose: file and folder names, field names, values quoted
in messages. Every reporter shows it so it cannot pass for the report's own words: a character
that moves, hides or breaks text (controls with newline, CR and tab, C1 controls, zero-width,
bidirectional and other format characters, line and paragraph separators, and the surrogates
Python gives an undecodable file name) is printed as its escape (`\n`, `\u202e`), and in
Markdown no link, image, autolink or mention can be made live. Ordinary text is printed as is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .findings import Finding
from .messages import say

# Unicode categories shown as escapes: controls, format characters (zero-width, bidirectional
# marks, embeddings, overrides and isolates, BOM, soft hyphen...), surrogates, line and
# paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every character that could hide, reorder or break a line shown as its
    escape (`\n`, `\u202e`); ordinary text (Kazakh, Russian, spaces) unchanged."""
    if text.isprintable():  # False for every category above (and for no-break spaces)
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _HIDDEN_CATEGORIES else c for c in text)


def _location(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}" if f.line else f.path


def text_line(f: Finding, lang: str = "en") -> str:
    """`registry/x/y/system.yaml:14:3: error[DOC003] documents[1].sha256: message`."""
    field = f"{visible(f.json_path)}: " if f.json_path else ""
    return (
        f"{visible(_location(f))}: {f.severity}[{visible(f.code)}] {field}{visible(f.text(lang))}"
    )


def _summary(findings: Sequence[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.is_error)
    return errors, len(findings) - errors


def _counts(findings: Sequence[Finding], subject: str, lang: str) -> str:
    errors, warnings = _summary(findings)
    if errors or warnings:
        # The subject last: `say` fills in order, and a folder's name may hold "{errors}".
        return say(
            "report.counts", lang, errors=errors, warnings=warnings, subject=visible(subject)
        )
    return say("report.valid", lang, subject=visible(subject))


def as_text(findings: Sequence[Finding], subject: str, lang: str = "en") -> str:
    return "\n".join([*(text_line(f, lang) for f in findings), _counts(findings, subject, lang)])


def as_json(
    findings: Sequence[Finding],
    subject: str,
    stats: dict[str, int] | None = None,
    lang: str = "en",
    fields: Mapping[str, object] | None = None,
) -> str:
    """The findings and their counts as JSON; `fields` are the command's own, after the counts
    (validate's `checked` is `stats`)."""
    errors, warnings = _summary(findings)
    payload = {"subject": subject, "valid": errors == 0, "errors": errors, "warnings": warnings}
    if stats is not None:
        payload["checked"] = stats
    payload.update(fields or {})
    payload["findings"] = [f.as_dict(lang) for f in findings]
    return json_text(payload)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON escapes beyond the BMP as a UTF-16 pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def json_text(payload: object) -> str:
    """JSON with Kazakh and Russian as they are, but every character `visible` escapes written
    as a \\u escape: json.dumps with ensure_ascii=False leaves DEL, C1 controls, format
    characters and separators raw (and a surrogate unprintable). Parsed back, the data is the
    same: these characters stand only inside strings, where the escape means the character."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if text.replace("\n", "").isprintable():  # the newlines are the indentation's
        return text
    return "".join(
        _json_escape(c) if c != "\n" and unicodedata.category(c) in _HIDDEN_CATEGORIES else c
        for c in text
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Sequence[Finding], subject: str, lang: str = "en") -> str:
    """GitHub Actions workflow commands: one annotation per finding, on the line it names."""
    lines = []
    for f in findings:
        props = [f"file={_escape_property(visible(f.path))}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_escape_property(visible(f.code))}")
        where = f"{f.json_path}: " if f.json_path else ""
        level = "error" if f.is_error else "warning"
        message = _escape_data(visible(where + f.text(lang)))
        lines.append(f"::{level} {','.join(props)}::{message}")
    if findings:
        lines.append(say("report.findings", lang, count=len(findings), subject=visible(subject)))
    else:
        lines.append(_counts(findings, subject, lang))
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


# What GitHub's Markdown makes live without brackets: an address with a scheme (http:, mailto:
# ...), www., an e-mail address, an @mention (which also notifies). Shown as code instead.
_LIVE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[a-zA-Z][a-zA-Z0-9+.-]*:(?://)?\S+"
    r"|\bwww\.\S+"
    r"|(?<![\w`])@[\w-]+(?:/[\w.-]+)?"
)


def md_code(text: str) -> str:
    """`text` as a code span in a table cell: nothing in it is Markdown, and a backtick in it
    cannot end it (the fence is longer than any run of backticks inside). A pipe is escaped,
    as GitHub's tables require even in code, whatever precedes it; a backslash is not (a code
    span shows it as it is, and `visible`'s escapes read as written)."""
    shown = visible(text).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", shown)), default=0)
    if not longest:
        return f"`{shown}`"
    fence = "`" * (longest + 1)
    return f"{fence} {shown} {fence}"


def _md_plain(text: str) -> str:
    # Brackets escaped: no [link](...), ![image](...) or [reference]; `<` as an entity: no
    # <autolink> and no HTML.
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace("[", "\\[")
        .replace("]", "\\]")
    )


def md_text(text: str) -> str:
    """`text` as plain Markdown in a table cell: shown as written, never a link, an image, an
    autolink, a mention or HTML."""
    shown = visible(text)
    out, last = [], 0
    for match in _LIVE.finditer(shown):
        out += [_md_plain(shown[last : match.start()]), md_code(match.group())]
        last = match.end()
    out.append(_md_plain(shown[last:]))
    return "".join(out)


def as_markdown(findings: Sequence[Finding], subject: str, lang: str = "en") -> str:
    errors, warnings = _summary(findings)
    if not findings:
        return f"### {md_text(subject)}\n\n{say('report.md_none', lang)}"
    rows = [
        f"### {md_text(subject)}",
        "",
        say("report.md_counts", lang, errors=errors, warnings=warnings),
        "",
        say("report.md_head", lang),
        "|---|---|---|---|",
    ]
    for f in findings:
        rows.append(
            f"| {md_code(_location(f))} | {md_text(f.code)} | {md_code(f.json_path)} "
            f"| {md_text(f.text(lang))} |"
        )
    return "\n".join(rows)


@dataclass(frozen=True)
class Report:
    """What a command reports: its findings on `subject`, and what it says beside them."""

    findings: Sequence[Finding]
    subject: str  # what was checked, as the summary line names it
    lang: str = "en"  # of the messages and the report's own words
    name: str = ""  # the subject as JSON gives it, when it differs (validate: the folder)
    stats: dict[str, int] | None = None  # JSON `checked`: how much was read
    fields: Mapping[str, object] = field(default_factory=dict)  # JSON: the command's own
    after: str = ""  # text printed after the text report (check: its note and its terms)
    # A command whose Markdown is a document of its own (check: the notice of
    # inconsistencies), made only when asked for.
    document: Callable[[], str] | None = None


def _text_report(r: Report) -> str:
    return as_text(r.findings, r.subject, r.lang) + "\n" + r.after


def _json_report(r: Report) -> str:
    return as_json(r.findings, r.name or r.subject, r.stats, r.lang, r.fields) + "\n"


def _github_report(r: Report) -> str:
    return as_github(r.findings, r.subject, r.lang) + "\n"


def _markdown_report(r: Report) -> str:
    if r.document is not None:
        return r.document()
    return as_markdown(r.findings, r.subject, r.lang) + "\n"


# format name -> what the command prints, whole (ending in a newline)
REPORTERS: dict[str, Callable[[Report], str]] = {
    "text": _text_report,
    "json": _json_report,
    "github": _github_report,
    "markdown": _markdown_report,
}
FORMATS = tuple(REPORTERS)


def render(r: Report, format: str = "text") -> str:
    """`r` in `format`, one of FORMATS, as the command prints it."""
    return REPORTERS[format](r)


def formats(*names: str) -> tuple[str, ...]:
    """The formats of a command that prints something other than findings (terms, revisions):
    `names`, each a format of the table, so every `--format` means one thing."""
    unknown = set(names) - set(REPORTERS)
    if unknown:
        raise ValueError(f"not formats of report.REPORTERS: {sorted(unknown)}")
    return names


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
