"""The one error vocabulary: every pipeline stage reports `Finding`s, reporters print them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class PdfProblem:
    """What the PDF checker says of a document, before it is located in a record.

    Its message is the entry `key` of messages/files.py, which begins with the file's name
    ('{name}'), filled with `values` and the name (documents.py gives it as the first value).
    """

    code: str  # a key of RULES
    key: str
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def said(cls, code: str, key: str, **values: object) -> PdfProblem:
        return cls(code, key, tuple((name, str(value)) for name, value in values.items()))

    def text(self, lang: str, name: str) -> str:
        """The message in `lang` (kk, ru or en) for the document `name`."""
        from .messages import say

        return say(self.key, lang, name=name, **dict(self.values))

    @property
    def message(self) -> str:
        """The English sentence that follows the file's name: "is encrypted; publish …"."""
        return self.text("en", "").removeprefix("'' ")


class UsageError(Exception):
    """Not a finding in the registry but a command that cannot run: said in one line, exit 2."""


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

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "json_path": self.json_path,
            "message": self.message,
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
