"""wording: history events said in words, in the reader's language.

Shared by the history pages, the feeds and `trustlist log`, so a change reads the same
wherever it is shown. Values are shown as they stand in the record.
"""

from __future__ import annotations

from ..core.history import Event
from ..core.i18n import t


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def describe(event: Event, lang: str) -> str:
    return t(
        f"event_{event.kind}",
        lang,
        system=event.system or "",
        field=event.field,
        old=_value(event.old),
        new=_value(event.new),
    )
