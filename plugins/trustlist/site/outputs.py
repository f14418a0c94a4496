"""outputs: every kind of file the site writes, where it goes, and who may write a path.

One path, one output (issue 23). Every kind of file is an `Output`, its path made by the same
function the writer calls (publish.py, the plugin, archive.py, listpdf.py); each `Published`
file names its own. `Claims` refuses a second output to a path already written
(`Collision`), and `reserved_ids` works out, from every Output's path, the names a sector or
system id must not take (rules.REG008).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from ..core.validate import SYSTEM_FILE
from ..speed.forked import Said
from .manifest import FILE_LIST, MANIFEST, SIGNATURE
from .monthly import month_csv, month_url
from .pages import API_ROOT, GUIDES, Site, document_path, revision_json


# Where each kind of file goes: the writers below (and the plugin) make every path with these.
def source_record(sector: str, system: str) -> str:
    return document_path(sector, system, SYSTEM_FILE)


def schema_file(name: str) -> str:
    return f"{API_ROOT}/schemas/{name}"


def feed(lang: str, sector: str | None = None) -> str:
    """A language's feed of one sector's revisions, or (None) of every sector's."""
    return f"{lang}/feeds/{'all' if sector is None else sector}.atom"


def revision_pdf(sector: str, number: int | str, lang: str) -> str:
    """Where a revision's list is published as a PDF in `lang`: beside its JSON."""
    return revision_json(sector, number).removesuffix(".json") + f".{lang}.pdf"  # type: ignore[arg-type]


def record_version(blob: str) -> str:
    """Where one version of a record is published, named by its git blob id."""
    return f"{API_ROOT}/records/{blob}.json"


def system_export(system: str) -> str:
    return f"{API_ROOT}/systems/{system}.json"


def sector_export(sector: str, kind: str) -> str:
    """A sector's list as `kind` (json, csv, or excel.csv: semicolon-separated, for Excel)."""
    return f"{API_ROOT}/{sector}.{kind}"


def registry_export(kind: str) -> str:
    """Every sector's list as `kind` (json, csv, or excel.csv)."""
    return f"{API_ROOT}/registry.{kind}"


def search_index_path(lang: str) -> str:
    return f"{lang}/search/index.json"


def asset(name: str) -> str:
    return f"assets/trustlist/{name}"


def archived(folder: str, name: str) -> str:
    """Where a deploy's signed manifest (or its signature) is kept: folder <date>-<commit>."""
    return f"{ARCHIVE}/{folder}/{name}"


ROOT_PAGE = "index.html"
CHANGE_LOG = f"{API_ROOT}/changes.json"
ARCHIVE = "archive"
ARCHIVE_INDEX = f"{ARCHIVE}/index.json"
PUBLIC_KEY = "keys/allowed_signers"  # the repository's file, published at the same path

EXCEL = "excel.csv"  # the tables for Excel: exports.DELIMITERS

# How an Output's path names its variable parts.
LANG, SECTOR, SYSTEM = "<lang>", "<sector>", "<system>"
OUTPUTS: list[Output] = []  # every Output made (on import): all the site's kinds of file


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, once per file written
class Output:
    """A kind of file the site writes: what it is, and its path with its parts named."""

    what: str
    path: str

    def __post_init__(self) -> None:
        OUTPUTS.append(self)

    def __str__(self) -> str:
        return f"{self.what} ({self.path})"


SOURCE_RECORD = Output("a system's record", source_record(SECTOR, SYSTEM))
DOCUMENT = Output("a system's public document", document_path(SECTOR, SYSTEM, "<file>"))
SCHEMA = Output("a JSON schema", schema_file("<name>"))
ROOT = Output("the language choice", ROOT_PAGE)
ALL_FEED = Output("the feed of every sector", feed(LANG))
SECTOR_FEED = Output("a sector's feed", feed(LANG, SECTOR))
REVISION_LIST = Output("a sector's list as of a revision", revision_json(SECTOR, "<n>"))
REVISION_CHANGES = Output(
    "a sector's list as of a revision, as its changes", revision_json(SECTOR, "<n>")
)
REVISION_PDF = Output(
    "a sector's list as of a revision, as a PDF", revision_pdf(SECTOR, "<n>", LANG)
)
REVISION_PDF_CHANGES = Output(
    "a revision's changes to a sector's list, as a PDF", revision_pdf(SECTOR, "<n>", LANG)
)
RECORD_VERSION = Output("a version of a record", record_version("<blob>"))
CHANGES = Output("the change log", CHANGE_LOG)
SYSTEM_EXPORT = Output("a system's export", system_export(SYSTEM))
SECTOR_JSON = Output("a sector's export", sector_export(SECTOR, "json"))
SECTOR_CSV = Output("a sector's table", sector_export(SECTOR, "csv"))
REGISTRY_JSON = Output("the registry's export", registry_export("json"))
REGISTRY_CSV = Output("the registry's table", registry_export("csv"))
MONTH_CSV = Output("a month's changes as a table", month_csv(LANG, "<month>"))
# The tables for Excel in a Russian or Kazakh locale: <name>.excel.csv keeps the stem of the
# list it copies, so no sector id is kept off by it (reserved_ids).
SECTOR_EXCEL = Output("a sector's table for Excel", sector_export(SECTOR, EXCEL))
REGISTRY_EXCEL = Output("the registry's table for Excel", registry_export(EXCEL))
# Declared by the plugin as MkDocs files, or written by it last.
SEARCH_INDEX = Output("a language's search index", search_index_path(LANG))
SECTORS_LIST = Output("the site's sectors (sectors_api.py)", f"{API_ROOT}/sectors.json")
ASSET = Output("a script or style of the site", asset("<name>"))
MANIFEST_FILE = Output("the manifest", MANIFEST)
SIGNATURE_FILE = Output("the manifest's signature", SIGNATURE)
FILE_LIST_FILE = Output("the site's file list", FILE_LIST)
# From the repository: the body's manifest key and the archive of every published state.
KEY_FILE = Output("the body's manifest key", PUBLIC_KEY)
ARCHIVED_MANIFEST = Output("a published state's manifest", archived("<date>-<commit>", MANIFEST))
ARCHIVED_SIGNATURE = Output("a published state's signature", archived("<date>-<commit>", SIGNATURE))
ARCHIVE_LIST = Output("the archive of published states", ARCHIVE_INDEX)
# The hand-written guides the home page links (docs/<lang>/<guide>.md), at their pages' paths.
for _guide in GUIDES:
    Output(f"the guide docs/<lang>/{_guide}.md", f"{LANG}/{_guide}/index.html")

_PAGE_WHAT = {
    "home": "a language's home page",
    "search": "a language's search page",
    "api": "a language's open data page",
    "sector": "a sector's list page",
    "history": "a sector's history page",
    "system": "a system's page",
    "changes": "a language's index of the months' changes",
}


def _probe_registry() -> SimpleNamespace:
    """A registry of one sector with one system on its list, named by placeholders: the
    pages pages.Site makes of it are one of every kind."""
    decided = SimpleNamespace(id=SYSTEM, loaded=SimpleNamespace(data={"decision": {}}))
    return SimpleNamespace(sectors={SECTOR: None}, systems_of=lambda sector: [decided])


# Each kind of generated page (pages.PageSpec.kind), at the path MkDocs writes it to.
PAGES: dict[str, Output] = {
    spec.kind: Output(_PAGE_WHAT.get(spec.kind, f"a {spec.kind} page"), f"{spec.url}index.html")
    for spec in Site(_probe_registry(), (LANG,)).specs  # type: ignore[arg-type]
}
# A month's page exists only with a history, which the probe has not.
PAGES["month"] = Output("a month's changes page", f"{month_url(LANG, '<month>')}index.html")


def reserved_ids(outputs: Collection[Output] = OUTPUTS) -> tuple[frozenset[str], frozenset[str]]:
    """The names a sector id and a system id must not take: where an id names a file or a
    folder of the site (/<lang>/<sector>/, api/v1/<sector>.json, <lang>/feeds/<sector>.atom,
    /<lang>/<sector>/<system>/ …), the names the site gives its own files and folders beside
    it, up to their extension. An id with one of them would write to their path, or they to
    its (api/v1/registry.json, <lang>/feeds/all.atom), or share their folder
    (api/v1/systems/). rules.RESERVED_SECTOR_IDS and RESERVED_SYSTEM_IDS hold these."""
    paths = [output.path.split("/") for output in outputs]
    return _beside(paths, SECTOR), _beside(paths, SYSTEM)


def _beside(paths: list[list[str]], part: str) -> frozenset[str]:
    places = {
        tuple(path[:at]) for path in paths for at, name in enumerate(path) if _stem(name) == part
    }
    names = set()
    for path in paths:
        for at, name in enumerate(path):
            if tuple(path[:at]) not in places or _stem(name) == part:
                continue
            if "<" in name:  # a name the site makes, which an id could equal: none so far
                raise ValueError(f"{'/'.join(path)}: {name} may be the name of a {part} id")
            names.add(_stem(name))
    return frozenset(names)


def _stem(name: str) -> str:
    return name.split(".", 1)[0]


class Collision(Said):
    """Two outputs to one path of the site: the build stops rather than let one overwrite
    the other (a sector or system id taking a name of the site's own, which REG008 refuses,
    or a file in docs/ where the site writes one of its own)."""

    def __init__(self, uri: str, first: object, second: object) -> None:
        super().__init__(
            f"two outputs to one path, {uri}: {first}, and {second}; the site is not built"
        )
        self.uri = uri


class Claims:
    """Which output writes each path of the site: a second one is refused (`Collision`).

    `describe` says who an owner is when it is not an Output (the plugin's MkDocs files,
    described only if one collides)."""

    def __init__(self, describe: Callable[[object], str] = str) -> None:
        self.owners: dict[str, object] = {}
        self.describe = describe

    def claim(self, uri: str, owner: object) -> None:
        first = self.owners.get(uri)
        if first is not None:
            raise Collision(uri, self.describe(first), self.describe(owner))
        self.owners[uri] = owner


@dataclass(frozen=True)
class Published:
    """One file of the site: copied from `source`, or written from `content`; `by` says
    which kind of output it is."""

    uri: str
    source: Path | None = None
    content: str | bytes | None = None
    by: Output = field(kw_only=True)
