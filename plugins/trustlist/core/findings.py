"""The one error vocabulary: every pipeline stage reports `Finding`s, reporters print them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class UsageError(Exception):
    """Not a finding in the registry but a command that cannot run: said in one line, exit 2.

    Raised with an English sentence, or made by `said` from an entry of messages/ (filled as
    a Finding's), so a command with `--lang` says it in kk, ru or en (`text`).
    """

    key = ""
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def said(cls, key: str, **values: object) -> UsageError:
        from .messages import say

        kept = tuple((name, str(value)) for name, value in values.items())
        error = cls(say(key, "en", **dict(kept)))
        error.key, error.values = key, kept
        return error

    def text(self, lang: str = "en") -> str:
        """The error in `lang` (kk, ru or en); a sentence given in English stays English."""
        if not self.key:
            return str(self)
        from .messages import say

        return say(self.key, lang, **dict(self.values))


class Stop(UsageError):
    """A command or build that cannot go on, for a reason with a rule code: one Finding, said
    in one line (`path: error[CODE] message`), in any language (`text`)."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        f = self.finding
        return f"{f.path}: {f.severity}[{f.code}] {f.text(lang)}"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the registry, located like a compiler error.

    `path` is relative to the repository root with forward slashes; `line` and `column` are
    1-based (0 when the problem concerns a whole file or folder); `json_path` names the field
    in the record, e.g. ``documents[1].sha256``.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    json_path: str = ""
    severity: Severity = field(default=Severity.ERROR)
    # The message's entry in messages.py and the values of its placeholders, so a notice can
    # say it in Kazakh or Russian; "" for a message written in English only.
    key: str = field(default="", compare=False)
    values: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @classmethod
    def said(
        cls,
        path: str,
        line: int,
        column: int,
        code: str,
        key: str,
        json_path: str = "",
        severity: Severity = Severity.ERROR,
        **values: object,
    ) -> Finding:
        """A finding whose message is the entry `key` of messages.py, filled with `values`."""
        from .messages import say

        kept = tuple((name, str(value)) for name, value in values.items())
        message = say(key, "en", **dict(kept))
        return cls(path, line, column, code, message, json_path, severity, key, kept)

    def text(self, lang: str) -> str:
        """The message in `lang` (kk, ru or en)."""
        if not self.key:
            return self.message
        from .messages import say

        return say(self.key, lang, **dict(self.values))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "json_path": self.json_path,
            "message": self.text(lang),
        }


def json_path_text(parts: tuple[str | int, ...]) -> str:
    """Render ('documents', 1, 'sha256') as 'documents[1].sha256'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
