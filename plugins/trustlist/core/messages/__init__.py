"""messages: what every finding says, in Kazakh, Russian and English.

A finding names its entry here (`Finding.said(..., key, **values)`), so a notice can be given
in the applicant's language. Entries are (kk, ru, en) templates with `{name}` placeholders,
filled with language-neutral values: dates, numbers, file names, field paths, codes. A value
written `@key` is itself an entry (a word such as "the audit report"), said in the same
language. Each step keeps its entries in a module of this package, named after it;
tests/test_messages.py checks every entry is in all three languages with the same
placeholders, and that every finding the checks make has an entry.
"""

from __future__ import annotations

from . import applications, audit, change, codes, files, governance, records, report, schema, site

LANGS = ("kk", "ru", "en")


def _merged() -> dict[str, tuple[str, str, str]]:
    merged: dict[str, tuple[str, str, str]] = {}
    for part in (
        codes,
        records,
        change,
        files,
        schema,
        site,
        governance,
        report,
        applications,
        audit,
    ):
        twice = merged.keys() & part.MESSAGES.keys()
        if twice:  # a key given twice is a mistake, caught at import
            raise ValueError(f"message keys defined twice: {sorted(twice)}")
        merged.update(part.MESSAGES)
    return merged


MESSAGES: dict[str, tuple[str, str, str]] = _merged()


def say(key: str, lang: str, **values: object) -> str:
    """The entry `key` in `lang`, its placeholders filled in order (an `@key` value said in
    `lang`; any other value as `str` gives it)."""
    text = MESSAGES[key][LANGS.index(lang)]
    for name, given in values.items():
        value = str(given)
        if value.startswith("@") and value[1:] in MESSAGES:
            value = say(value[1:], lang)
        text = text.replace("{" + name + "}", value)
    return text
