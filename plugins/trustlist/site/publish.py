"""publish step: every non-page file of the site: documents, source records, exports, schemas.

Public documents are copied byte for byte from the registry (their hashes were checked by
the validator in the same build); a non-public document has no file to copy, by rule DOC006.

One path, one output (issue 23). Every kind of file the site writes is an `Output`, its path
made by the same function the writer calls; each `Published` file names its own. `Claims`
refuses a second output to a path already written (`Collision`), and `reserved_ids` works out,
from every Output's path, the names a sector or system id must not take (rules.REG008).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from types import SimpleNamespace

from ..core.findings import UsageError
from ..core.history import History
from ..core.i18n import LANGUAGE_NAMES, t
from ..core.schema import SCHEMA_DIR
from ..core.validate import SYSTEM_FILE
from ..speed.forked import Said
from ..speed.incremental import NO_REUSE, Reuse
from . import exports, revlists
from .feeds import FeedEntry, atom_feed
from .manifest import FILE_LIST, MANIFEST, SIGNATURE
from .monthly import month_csv, month_tables, month_url
from .pages import API_ROOT, GUIDES, Site, document_path, revision_json
from .wording import Chronicle, public_events


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
# Every deploy's signed manifest, kept on this append-only branch of the repository (the
# deploy workflow's archive job adds one folder a deploy): the build reads it from git.
ARCHIVE_BRANCH = "published-manifests"
ARCHIVE_REF_ENV = "TRUSTLIST_ARCHIVE_REF"  # a commit of the branch to build from (a rebuild)
# The revised lists as dated PDFs (listpdf.py), in each of the site's languages: each list's
# latest PDF_FULL revisions with every entry, the revisions before them, back to the
# PDF_REVISIONS-th latest, as their changes. Older revisions keep their JSON lists only: at
# 10,000 systems a list has 2,460 revisions, and a PDF of each, in three languages, would take
# minutes to make and some 190 MB (the changes of one, about 26 KB).
PDF_FULL, PDF_REVISIONS = 1, 5
# PEM files of the body's key and certificate, named in the build's environment: the PDFs are
# then signed (PAdES) as they are made. Unset, they are not (the default: see auditors.md).
PDF_KEY_ENV, PDF_CERT_ENV = "TRUSTLIST_PDF_KEY", "TRUSTLIST_PDF_CERT"

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


def published_files(
    site: Site, site_url: str = "/", only: Collection[str] | None = None, reuse: Reuse = NO_REUSE
) -> Iterator[Published]:
    """Every file besides the pages, made one at a time as it is written (plugin._write_files):
    together they are hundreds of MB at national scale. `site_url` (ending in /) makes the
    exports' links absolute, so a downloaded JSON file still says where its documents are.

    `only` (a rebuild of `mkdocs serve` after an edit, incremental.py): the files of these
    systems and the lists they are on; the rest, history included, is as the last build left it.
    `reuse` keeps unchanged systems' export entries and CSV rows from the last build.
    """
    yield from copied_files(site, site_url, only)
    yield from made_files(site, site_url, only, reuse)


def copied_files(
    site: Site, site_url: str, only: Collection[str] | None = None
) -> Iterator[Published]:
    """The files a forked writer makes while the pages are rendered (plugin.on_files): the
    registry's own files, copied, the schemas, and what is made from the history alone
    (`history_files`).

    All they need from the models is read here, before the writer is forked: the iterator
    returned reads only the history (its revisions, and the record versions it writes out). A
    forked process shares the build's memory only until either writes to a page, even to
    count a reference: what the child reads, it copies, and what the build writes while the
    child lives is held twice. When the child also made the exports from the models
    it held 414 MB of its own at 10,000 systems in three languages; now about 280 MB."""
    copies = []
    for sector in site.sectors():
        for system in site.systems(sector.id):
            if only is not None and system.id not in only:
                continue
            folder = site.entry(system.id).folder
            copies.append(
                Published(
                    source_record(sector.id, system.id), folder / SYSTEM_FILE, by=SOURCE_RECORD
                )
            )
            copies += [
                Published(
                    document_path(sector.id, system.id, doc.file), folder / doc.file, by=DOCUMENT
                )
                for doc in system.documents
                if doc.public
            ]
    if only is not None:
        return iter(copies)
    schemas = [
        Published(schema_file(schema.name), schema, by=SCHEMA)
        for schema in sorted(SCHEMA_DIR.glob("*.schema.json"))
    ]
    root = Published(ROOT_PAGE, content=root_page(site), by=ROOT)
    if site.history is None:
        return chain(copies, schemas, [root])
    names = {lang: {s.id: s.name.get(lang) for s in site.sectors()} for lang in site.languages}
    from .archive import repository_files  # it reads git, through core/gitrepo.py

    kept = repository_files(site.registry.root)
    pdfs = list_pdfs(site, site_url)  # the sectors' bodies read now, before any fork
    return chain(copies, schemas, [root], kept, history_files(site.history, site_url, names), pdfs)


def list_pdfs(site: Site, site_url: str) -> Iterator[Published]:
    """The revised lists' PDFs the site publishes (PDF_FULL, PDF_REVISIONS), signed where the
    environment names the body's key (PDF_KEY_ENV and PDF_CERT_ENV)."""
    from ..speed.pdfcache import remembered  # a revision's PDF printed once, then kept
    from .listpdf import revision_pdfs  # fpdf2 and pyHanko load only when PDFs are made

    signer = pdf_signer(os.environ)
    return revision_pdfs(
        site,
        site_url,
        latest=PDF_FULL,
        window=PDF_REVISIONS,
        signer=signer,
        remembered=remembered,
    )


def pdf_signer(environ: Mapping[str, str]) -> object | None:
    """The body's PDF signer from the PEM files `environ` names, or None where it names none;
    one named without the other, or one that cannot be read, stops the build in one line."""
    key, cert = environ.get(PDF_KEY_ENV), environ.get(PDF_CERT_ENV)
    if not key and not cert:
        return None
    if not (key and cert):
        raise UsageError(f"{PDF_KEY_ENV} and {PDF_CERT_ENV} are set together, or neither")
    from .pdfsign import UnreadableKey, load_signer

    try:
        return load_signer(Path(key).read_bytes(), Path(cert).read_bytes())
    except OSError as err:
        raise UsageError(f"{err.filename}: {err.strerror}") from None
    except UnreadableKey as err:
        file = key if err.file == "key" else cert
        raise UsageError(t("listpdf_bad_key", "en", file=file, error=err.error)) from None


def made_files(
    site: Site, site_url: str, only: Collection[str] | None = None, reuse: Reuse = NO_REUSE
) -> Iterator[Published]:
    """The files made from the models: the exports (written by the build itself, after the
    pages: a forked writer reading the models would copy the pages it read)."""
    lists, tables = [], []
    for sector in site.sectors():
        entries, rows, head = [], [], exports.system_head(sector, site_url)
        for system in site.systems(sector.id):
            entries.append(
                reuse.get(
                    "export",
                    system.id,
                    partial(exports.entry_text, system, site_url, site.as_of),
                )
            )
            row = partial(exports.csv_row, system, site.as_of, sector, site_url)
            rows.append(reuse.get("csv", system.id, row))
            if only is not None and system.id not in only:
                continue
            yield Published(
                system_export(system.id),
                content=exports.system_text(head, entries[-1]),
                by=SYSTEM_EXPORT,
            )
        counts, closed = site.application_counts(sector.id), site.closed(sector.id)
        still = site.open_applications.of(sector.id) if site.open_applications else None
        sector_list = exports.sector_text(sector, entries, counts, closed, still, site_url)
        yield Published(sector_export(sector.id, "json"), content=sector_list, by=SECTOR_JSON)
        yield Published(
            sector_export(sector.id, "csv"), content=exports.sector_csv(rows), by=SECTOR_CSV
        )
        yield Published(
            sector_export(sector.id, EXCEL),
            content=exports.sector_csv(rows, "excel"),
            by=SECTOR_EXCEL,
        )
        files = _addresses(site_url, partial(sector_export, sector.id))
        lists.append((sector, len(entries), files))
        tables.append((sector, rows))
    tables_at = _addresses(site_url, registry_export, ("csv", EXCEL))
    registry = exports.registry_text(lists, tables_at, site_url)
    yield Published(registry_export("json"), content=registry, by=REGISTRY_JSON)
    yield Published(registry_export("csv"), content=exports.registry_csv(tables), by=REGISTRY_CSV)
    excel = exports.registry_csv(tables, "excel")
    yield Published(registry_export(EXCEL), content=excel, by=REGISTRY_EXCEL)


def _addresses(
    site_url: str, path: Callable[[str], str], kinds: tuple[str, ...] = ("json", "csv", EXCEL)
) -> dict[str, str]:
    """Where a list's files of `kinds` are (path: sector_export, or registry_export for the
    tables of every list), each named as registry.json names it (excel.csv: excel_csv)."""
    return {kind.replace(".", "_"): f"{site_url}{path(kind)}" for kind in kinds}


def history_files(
    history: History, site_url: str, names: dict[str, dict[str, str]]
) -> Iterator[Published]:
    """The files made from the history alone: the feeds, each revision's list, each version
    of a record those lists link to, the change log and each month's changes as a table. Made
    as they are written, all of it by the forked writer: none of it waits for the pages, and
    none reads a model.

    Nothing internal is published (issue 25): a commit's subject is the maintainers' note,
    not the body's word, and who reviews is a team's handle; the commit itself is kept, for
    auditors to find the revision in the repository."""
    chronicle = Chronicle(history)
    yield from _feeds(history, site_url, names, chronicle)
    yield from revision_lists(history, revision_entries(history, site_url), site_url)
    yield from record_versions(history, site_url)
    changes = [
        _public(r.as_dict(events=list(public_events(r.events))))
        for _, rs in sorted(history.revisions.items())
        for r in rs
    ]
    changes.sort(key=lambda c: (c["issued"], c["sector"], c["revision"]))
    yield Published(
        CHANGE_LOG,
        content=exports.encoded(
            {
                "$schema": exports.schema_url(site_url, "export-changes.schema.json"),
                "revisions": changes,
            }
        ),
        by=CHANGES,
    )
    for path, table in month_tables(history, site_url, names, chronicle):
        yield Published(path, content=table, by=MONTH_CSV)


def _public(revision: dict[str, object]) -> dict[str, object]:
    """A revision as the site publishes it: without its commit's subject."""
    return {key: value for key, value in revision.items() if key != "subject"}


def _feeds(
    history: History, site_url: str, names: dict[str, dict[str, str]], chronicle: Chronicle
) -> Iterator[Published]:
    """A feed of the revisions per language, of all sectors and of each."""
    for lang, sector_names in names.items():
        made: dict[tuple[str, int], FeedEntry] = {}  # made once for a sector feed and all.atom
        text = atom_feed(history, lang, site_url, sector_names, made=made, chronicle=chronicle)
        yield Published(feed(lang), content=text, by=ALL_FEED)
        for sector_id in sector_names:
            text = atom_feed(
                history, lang, site_url, sector_names, sector_id, made=made, chronicle=chronicle
            )
            yield Published(feed(lang, sector_id), content=text, by=SECTOR_FEED)


def revision_entries(history: History, site_url: str) -> dict[str, bytes]:
    """Each version of a record as the revision lists show it (JSON in UTF-8, by blob): made
    once, as hundreds of revisions list the same versions."""
    entries = {}
    for revisions in history.revisions.values():
        for r in revisions:
            for system_id, blob in r.changes.items():
                if blob is not None and blob not in entries:
                    url = f"{site_url}{record_version(blob)}"
                    entry = _as_of_entry(system_id, history.records[blob], url)
                    entries[blob] = exports.encoded(entry).rstrip(b"\n")
    return entries


def revision_lists(
    history: History, entries: dict[str, bytes], site_url: str = "/"
) -> Iterator[Published]:
    """Each revision's list, in full or as its changes since the revision before
    (revlists.py: the whole lists grew as revisions × systems, hundreds of MB at national
    scale), each made as it is written."""
    for sector, revisions in sorted(history.revisions.items()):
        for w in revlists.written(revisions):
            public = _public(w.revision.as_dict(events=[]))
            head = {
                "$schema": exports.schema_url(site_url, "export-revision.schema.json"),
                **{k: v for k, v in public.items() if k != "events"},
            }
            uri = revision_json(sector, w.revision.number)
            if w.in_full:
                systems = map(entries.__getitem__, w.listed.values())
                content = exports.with_encoded_list(head, "systems", systems) + b"\n"
                yield Published(uri, content=content, by=REVISION_LIST)
                continue
            head |= {"previous": w.revision.number - 1, "full": w.full, "removed": w.removed}
            changed = map(entries.__getitem__, w.changed.values())
            content = exports.with_encoded_list(head, "changed", changed) + b"\n"
            yield Published(uri, content=content, by=REVISION_CHANGES)


def record_versions(history: History, site_url: str = "/") -> Iterator[Published]:
    """Each version of a record that a revision's list links to, named by its blob id."""
    blobs = {b for rs in history.revisions.values() for r in rs for b in r.changes.values()}
    blobs.discard(None)
    for blob in sorted(blobs):  # type: ignore[type-var]
        version = {
            "$schema": exports.schema_url(site_url, "export-record-version.schema.json"),
            "blob": blob,
            "record": history.records[blob],
        }
        yield Published(record_version(blob), content=exports.encoded(version), by=RECORD_VERSION)


def _as_of_entry(system_id: str, data: dict, url: str) -> dict[str, object]:
    """A system as a revision's list showed it; the full record is one link away, since a
    list with thousands of systems and hundreds of revisions cannot repeat every record."""
    status = data.get("status") if isinstance(data.get("status"), dict) else {}
    return {
        "id": system_id,
        "list_number": data.get("list_number"),
        "name": data.get("name"),
        "state": status.get("state"),
        "record": url,
    }


def root_page(site: Site) -> str:
    """The site root: a language choice that sends browsers on to the first language."""
    choices = [(f"{lang}/", lang, LANGUAGE_NAMES[lang]) for lang in site.languages]
    heading = "Сенімді жоғары тәуекелді ЖИ жүйелерінің тізімдері"
    return language_choice(f"{site.languages[0]}/", heading, choices, canonical=True)


def language_choice(
    target: str, heading: str, choices: list[tuple[str, str, str]], canonical: bool = False
) -> str:
    """A page that sends browsers on to `target` and offers each language's page (`choices`:
    href, language, text already escaped): the site's root, a body's bundle's index."""
    first = choices[0][1] if choices else "kk"
    links = "\n".join(
        f'    <li><a href="{href}" hreflang="{lang}" lang="{lang}">{text}</a></li>'
        for href, lang, text in choices
    )
    canonical_link = f'  <link rel="canonical" href="{target}">\n' if canonical else ""
    return f"""<!doctype html>
<html lang="{first}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
  <meta http-equiv="refresh" content="0; url={target}">
  <title>Сенімді ЖИ жүйелері · Доверенные системы ИИ · Trusted AI systems</title>
{canonical_link}  <link rel="icon" href="assets/images/favicon.png">
</head>
<body>
  <main>
  <h1>{heading}</h1>
  <ul>
{links}
  </ul>
  </main>
</body>
</html>
"""
