"""validate step 4: semantic rules the schema cannot express, each with a stable code.

Rules read the loaded data defensively (a record may have failed the schema, and its other
problems are still worth reporting), so a rule only speaks when the fields it needs are
well-formed. Document files are checked in `documents.py`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .findings import Finding, Severity, json_path_text
from .identifiers import bin_problem
from .load import Loaded
from .messages.codes import MESSAGES as CODES

# code -> the rule in one line, in English; messages/codes.py has it in kk, ru and en.
RULES: dict[str, str] = {code: texts[2] for code, texts in CODES.items()}

# The names the site gives its own files and folders where a sector's or a system's id names
# one (/<lang>/<sector>/, api/v1/<sector>.json, <lang>/feeds/<sector>.atom, /<lang>/<sector>/
# <system>/): an id with one of them writes to their path (a sector `registry` to the
# registry's export api/v1/registry.json, `all` to the feed of every sector) or shares their
# folder. They are what outputs.reserved_ids() works out from the path of every kind of file
# the site writes; tests/test_collisions.py checks the two are the same, so a new output's name
# cannot be left out (and the build refuses two outputs to one path whatever the ids are).
# Written out, not worked out on import: outputs.py imports the site's pages and Jinja, which
# `trustlist validate` does not load (80 ms more for every command).
SITE_SECTOR_NAMES = frozenset(
    {
        "about",
        "all",
        "api",
        "apply",
        "auditors",
        "changes",
        "feeds",
        "index",
        "records",
        "registry",
        "review",
        "schemas",
        "search",
        "sectors",
        "systems",
    }
)
SITE_SYSTEM_NAMES = frozenset({"history", "index"})
# Kept off sectors and systems as well, though no path of theirs meets these: the languages,
# the site's top-level folders and pages, so that no sector's or system's URL reads as one.
RESERVED_SECTOR_IDS = SITE_SECTOR_NAMES | {
    "accessibility",  # docs/<lang>/accessibility.md, the accessibility statement
    "assets",
    "documents",
    "history",
    "kk",
    "ru",
    "en",
    "rules",
    "search-index",
}
RESERVED_SYSTEM_IDS = SITE_SYSTEM_NAMES | {"feed"}

_REQUIRED_DOCS = ("application", "audit_report")
_COPYRIGHT_DOC = {"certificate": "copyright_certificate", "agreement": "copyright_agreement"}


def get(data: object, *path: str | int) -> object:
    """The value at `path`, or None when any step is missing or of the wrong type."""
    for step in path:
        if isinstance(step, int):
            if not isinstance(data, list) or step >= len(data):
                return None
        elif not isinstance(data, dict):
            return None
        data = data[step] if isinstance(step, int) else data.get(step)
    return data


def as_date(value: object) -> date | None:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def said(
    loaded: Loaded,
    code: str,
    path: tuple[str | int, ...],
    key: str,
    severity: Severity = Severity.ERROR,
    **values: object,
) -> Finding:
    """A finding at `path` whose message is the entry `key` of messages/ (in kk, ru, en)."""
    line, col = loaded.locate(path)
    return Finding.said(loaded.path, line, col, code, key, json_path_text(path), severity, **values)


def check_sector(loaded: Loaded, folder: str) -> Iterator[Finding]:
    sector_id = get(loaded.data, "id")
    if isinstance(sector_id, str) and sector_id != folder:
        yield said(loaded, "REG001", ("id",), "reg.folder_name", folder=folder, got=sector_id)
    if folder in RESERVED_SECTOR_IDS:
        yield said(loaded, "REG008", ("id",), "reg.reserved", folder=folder)


def _bin(loaded: Loaded, code: str, path: tuple[str | int, ...]) -> Iterator[Finding]:
    """The BIN at `path`, where it has the schema's form (12 ASCII digits), by its check
    digit (the schema says what a BIN of another form lacks)."""
    value = get(loaded.data, *path)
    if isinstance(value, str) and len(value) == 12 and value.isascii() and value.isdigit():
        problem = bin_problem(value)
        if problem:
            key, values = problem
            yield said(loaded, code, path, key, **values)


def check_system(
    loaded: Loaded, sector_folder: str, folder: str, sector_exists: bool
) -> Iterator[Finding]:
    data = loaded.data
    system_id, sector = get(data, "id"), get(data, "sector")
    if isinstance(system_id, str) and system_id != folder:
        yield said(loaded, "REG001", ("id",), "reg.folder_name", folder=folder, got=system_id)
    if folder in RESERVED_SYSTEM_IDS:
        yield said(loaded, "REG008", ("id",), "reg.reserved", folder=folder)
    if isinstance(sector, str) and sector != sector_folder:
        yield said(
            loaded, "REG002", ("sector",), "reg.sector_folder", folder=sector_folder, got=sector
        )
    if not sector_exists:
        yield said(loaded, "REG003", ("sector",), "reg.no_sector", sector=sector_folder)
    for path in (("owner", "bin"), ("audit", "auditor", "bin")):
        yield from _bin(loaded, "BIN001", path)
    deployers = get(data, "deployers")
    for index in range(len(deployers) if isinstance(deployers, list) else 0):
        yield from _bin(loaded, "BIN002", ("deployers", index, "bin"))
    text = loaded.text
    # A placeholder is written out literally, or hidden behind a YAML escape (a backslash):
    # a record with neither, like almost every record, needs no walk of its values.
    if text is None or PLACEHOLDER in text or "\\" in text:
        yield from _placeholders(loaded, loaded.data, ())
    yield from _required_documents(loaded)
    yield from _audit(loaded)
    yield from _dates(loaded)


# What `trustlist new` writes where the applicant has to write something.
PLACEHOLDER = "<fill in"


def _placeholders(loaded: Loaded, value: object, path: tuple[str | int, ...]) -> Iterator[Finding]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders(loaded, item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders(loaded, item, (*path, index))
    elif isinstance(value, str) and value.startswith(PLACEHOLDER):
        yield said(loaded, "PLH001", path, "plh.placeholder", value=repr(value))


def _kinds(loaded: Loaded) -> list[str]:
    documents = get(loaded.data, "documents")
    if not isinstance(documents, list):
        return []
    return [
        d.get("kind") for d in documents if isinstance(d, dict) and isinstance(d.get("kind"), str)
    ]


def _required_documents(loaded: Loaded) -> Iterator[Finding]:
    if not isinstance(get(loaded.data, "documents"), list):
        return
    kinds = _kinds(loaded)
    for kind in _REQUIRED_DOCS:
        if kind not in kinds:
            yield said(loaded, "DOC001", ("documents",), "doc.missing", kind=kind)
    copyright_kind = get(loaded.data, "copyright", "kind")
    wanted = _COPYRIGHT_DOC.get(copyright_kind) if isinstance(copyright_kind, str) else None
    if wanted is None:
        if not set(kinds) & set(_COPYRIGHT_DOC.values()):
            yield said(loaded, "DOC001", ("documents",), "doc.missing_copyright")
        return
    other = next(v for v in _COPYRIGHT_DOC.values() if v != wanted)
    if wanted not in kinds:
        yield said(loaded, "DOC001", ("documents",), "doc.missing", kind=wanted)
    if other in kinds:
        index = kinds.index(other)
        yield said(
            loaded,
            "DOC002",
            ("documents", index, "kind"),
            "doc.copyright_kind",
            kind=other,
            copyright=copyright_kind,
        )


def _audit(loaded: Loaded) -> Iterator[Finding]:
    conclusion = get(loaded.data, "audit", "conclusion")
    if conclusion == "negative":
        yield said(loaded, "AUD001", ("audit", "conclusion"), "aud.negative")
    valid_until = as_date(get(loaded.data, "audit", "valid_until"))
    decided = as_date(get(loaded.data, "decision", "date"))
    if valid_until and decided and valid_until < decided:
        yield said(
            loaded,
            "AUD002",
            ("audit", "valid_until"),
            "aud.expired_at_decision",
            expired=valid_until,
            decided=decided,
        )


# (earlier, later): the first date must not come after the second. The package's own papers
# (copyright, audit report) are not ordered against the decision: a listed entry renews its
# audit or replaces its copyright document after it, and that is an update, not an error.
_DATE_ORDER = (
    (("application", "submitted"), ("decision", "date")),
    (("decision", "date"), ("decision", "published")),
    (("decision", "date"), ("status", "since")),
)


def _dates(loaded: Loaded) -> Iterator[Finding]:
    for earlier, later in _DATE_ORDER:
        yield from _in_order(loaded, earlier, later)
    yield from _returns(loaded)


def _in_order(
    loaded: Loaded, earlier: tuple[str | int, ...], later: tuple[str | int, ...]
) -> Iterator[Finding]:
    first, second = as_date(get(loaded.data, *earlier)), as_date(get(loaded.data, *later))
    if first and second and first > second:
        yield said(
            loaded,
            "DATE001",
            later,
            "date.order",
            date=second,
            earlier=json_path_text(earlier),
            earlier_date=first,
        )


def _returns(
    loaded: Loaded,
    at: tuple[str | int, ...] = (),
    end: tuple[str | int, ...] = ("decision", "date"),
    decided: bool | None = None,
) -> Iterator[Finding]:
    """Each return in order: submission, notice, resubmission, notice, … , `end` (the
    decision); only the last notice may still be unanswered, and none once `decided` (by
    default: when the record has a decision)."""
    returns = get(loaded.data, *at, "application", "returns")
    if not isinstance(returns, list):
        return
    if decided is None:
        decided = get(loaded.data, "decision") is not None
    previous: tuple[str | int, ...] = (*at, "application", "submitted")
    for index in range(len(returns)):
        notice = (*at, "application", "returns", index, "notice")
        yield from _in_order(loaded, previous, notice)
        answer = (*at, "application", "returns", index, "resubmitted")
        if get(loaded.data, *answer) is None:
            if index < len(returns) - 1 or decided:
                yield said(loaded, "APP001", notice, "app.unanswered", index=index + 1)
            previous = notice
            continue
        yield from _in_order(loaded, notice, answer)
        previous = answer
    if returns:
        yield from _in_order(loaded, previous, end)


def check_closed(loaded: Loaded, at: tuple[str | int, ...]) -> Iterator[Finding]:
    """One entry of a sector's journal of closed applications (journal.py): its applicant's
    BIN, and its dates in order up to the refusal or withdrawal (a last notice may stand
    unanswered: the applicant may withdraw, or the body refuse, after it)."""
    yield from _bin(loaded, "BIN001", (*at, "applicant", "bin"))
    yield from _in_order(loaded, (*at, "application", "submitted"), (*at, "date"))
    yield from _returns(loaded, at, (*at, "date"), decided=False)
