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

# code -> the rule in one line; docs/rules.md and `trustlist rules` print this table.
RULES: dict[str, str] = {
    "FILE001": "A registry file can be read.",
    "FILE002": "Registry files and folders are regular files and folders, never symlinks.",
    "YAML001": "The file is valid YAML.",
    "YAML002": "No key appears twice in one mapping.",
    "YAML003": "No anchors (&name) or aliases (*name).",
    "YAML004": "The file is UTF-8.",
    "YAML005": "The file is at most 256 KiB, 32 levels deep and 20,000 values.",
    "YAML006": "No control, zero-width or bidirectional characters in names or values.",
    "YAML007": "Text is in Unicode NFC form.",
    "YAML008": "The file is a mapping of field: value.",
    "YAML009": "No YAML tags (!!type).",
    "YAML010": "One YAML document per file.",
    "SCH001": "Every required field is present.",
    "SCH002": "No unknown fields.",
    "SCH003": "Every value has the type the schema gives (true/false, number, text, list, group).",
    "SCH004": "Values from a fixed list are one of the allowed values.",
    "SCH005": "Values have the required form (date, BIN digits, e-mail, length, range).",
    "SCH006": "Other schema rules (list sizes, uniqueness, conditional fields).",
    "LINK001": "Links are absolute https: addresses.",
    "MOD001": "The typed model accepts what the schema accepts (a mismatch is a bug to report).",
    "REG001": "The id equals the folder name.",
    "REG002": "A system's sector equals the sector folder it stands in.",
    "REG003": "A system's sector exists: its folder has a sector.yaml.",
    "REG004": "System ids are unique across the registry.",
    "REG005": "List numbers are unique within a sector's list.",
    "REG006": "The registry holds only sector folders, system folders and known files.",
    "REG007": "Every system folder has a system.yaml.",
    "REG008": "Sector and system ids do not take a name the site reserves for its own pages.",
    "BIN001": "A BIN (owner, auditor) has a valid check digit.",
    "DOC001": "The three required documents are listed: application, copyright document, "
    "audit report.",
    "DOC002": "The copyright document matches copyright.kind (certificate or agreement).",
    "DOC003": "A public document's SHA-256 matches its file.",
    "DOC004": "A public document's size matches its file.",
    "DOC005": "A public document's file is in the system folder.",
    "DOC006": "A non-public document's file is not in the repository.",
    "DOC007": "A document file name is a plain name inside the system folder (no path, no '..').",
    "DOC008": "A document file is a regular file (no symlink).",
    "DOC009": "The system folder holds no file that the record does not list.",
    "DOC010": "A file is listed once.",
    "PDF001": "A public document starts with the PDF header %PDF- at byte 0.",
    "PDF002": "A public document parses as a PDF with at least one page.",
    "PDF003": "A public document is not encrypted.",
    "PDF004": "A public document contains no JavaScript.",
    "PDF005": "A public document contains no launch, submit or remote actions.",
    "PDF006": "A public document contains no embedded files, rich media or XFA forms.",
    "PLH001": "No value is still a placeholder written by `trustlist new` (<fill in: …>).",
    "AUD001": "The audit conclusion is positive.",
    "AUD002": "The audit conclusion is still valid on the decision date.",
    "CAL001": "A date stands once in registry/calendar.yaml: not twice, not both a day off "
    "and a working day.",
    "DATE001": "Dates are in order: submission, each notice of inconsistencies and the "
    "resubmission that answers it, the decision; publication, suspension and exclusion after "
    "the decision.",
    "APP001": "Only the last notice of inconsistencies may be unanswered, and none once the body "
    "has decided.",
    # `trustlist check --base REF`: a pull request judged against its base (change.py).
    "CHG001": "A pull request never deletes a system's record: exclusion is a status change.",
    "CHG002": "A system's list number never changes once published.",
    "CHG003": "An application changes only registry/; code, schemas, workflows and the shared "
    "registry files change in their own pull request.",
    "CHG004": "(warning) A document removed by a pull request is named for the reviewers.",
    "DEC001": "The body's stage of a record (list_number, decision, status) is changed only "
    "with a signature of one of the sector's decision keys over the record (trustlist decide).",
    "DEC002": "A published decision's date and reference never change.",
    # `trustlist verify SITE`: a published site against its manifest (manifest.py).
    "VER001": "The site has a readable manifest.json.",
    "VER002": "Every file the manifest lists is in the site.",
    "VER003": "Every file has the SHA-256 and size the manifest gives.",
    "VER004": "The site holds no file the manifest does not list.",
    "VER005": "The manifest's signature verifies for the expected signer.",
    "VER006": "A rebuild of the manifest's commit gives the same files, byte for byte.",
}

# Site paths beside sectors (/<lang>/search/ ...) and beside systems (/<lang>/<sector>/history/).
RESERVED_SECTOR_IDS = frozenset(
    {
        "api",
        "assets",
        "documents",
        "feeds",
        "search",
        "about",
        "apply",
        "review",
        "auditors",
        "rules",
        "history",
        "kk",
        "ru",
        "en",
        "search-index",
    }
)
RESERVED_SYSTEM_IDS = frozenset({"history", "feed", "index"})

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


def finding(
    loaded: Loaded,
    code: str,
    path: tuple[str | int, ...],
    message: str,
    severity: Severity = Severity.ERROR,
) -> Finding:
    line, col = loaded.locate(path)
    return Finding(loaded.path, line, col, code, message, json_path_text(path), severity)


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
        value = get(data, *path)
        if isinstance(value, str) and len(value) == 12 and value.isascii() and value.isdigit():
            problem = bin_problem(value)
            if problem:
                key, values = problem
                yield said(loaded, "BIN001", path, key, **values)
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


def _returns(loaded: Loaded) -> Iterator[Finding]:
    """Each return in order: submission, notice, resubmission, notice, … , decision; only the
    last notice may still be unanswered, and none when the body decides."""
    returns = get(loaded.data, "application", "returns")
    if not isinstance(returns, list):
        return
    previous: tuple[str | int, ...] = ("application", "submitted")
    for index in range(len(returns)):
        notice = ("application", "returns", index, "notice")
        yield from _in_order(loaded, previous, notice)
        answer = ("application", "returns", index, "resubmitted")
        if get(loaded.data, *answer) is None:
            last = index == len(returns) - 1
            if not last or get(loaded.data, "decision") is not None:
                yield said(loaded, "APP001", notice, "app.unanswered", index=index + 1)
            previous = notice
            continue
        yield from _in_order(loaded, notice, answer)
        previous = answer
    if returns:
        yield from _in_order(loaded, previous, ("decision", "date"))
