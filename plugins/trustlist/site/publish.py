"""publish step: every non-page file of the site: documents, source records, exports, schemas.

Public documents are copied byte for byte from the registry (their hashes were checked by
the validator in the same build); a non-public document has no file to copy, by rule DOC006.

Every file is a `Published` of one of outputs.py's kinds, at the path that kind's function
makes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Mapping
from functools import partial
from itertools import chain
from pathlib import Path

from ..core.findings import UsageError
from ..core.history import History
from ..core.i18n import LANGUAGE_NAMES, t
from ..core.schema import SCHEMA_DIR
from ..core.validate import SYSTEM_FILE
from ..speed.incremental import NO_REUSE, Reuse
from . import exports, revlists
from .archive import repository_files
from .feeds import FeedEntry, atom_feed
from .monthly import month_tables
from .outputs import (
    ALL_FEED,
    CHANGE_LOG,
    CHANGES,
    DOCUMENT,
    EXCEL,
    MONTH_CSV,
    RECORD_VERSION,
    REGISTRY_CSV,
    REGISTRY_EXCEL,
    REGISTRY_JSON,
    REVISION_CHANGES,
    REVISION_LIST,
    ROOT,
    ROOT_PAGE,
    SCHEMA,
    SECTOR_CSV,
    SECTOR_EXCEL,
    SECTOR_FEED,
    SECTOR_JSON,
    SOURCE_RECORD,
    SYSTEM_EXPORT,
    Published,
    feed,
    record_version,
    registry_export,
    schema_file,
    sector_export,
    source_record,
    system_export,
)
from .pages import Site, document_path, revision_json
from .wording import Chronicle, public_events

# The revised lists as dated PDFs (listpdf.py), in each of the site's languages: each list's
# latest PDF_FULL revisions with every entry, the revisions before them, back to the
# PDF_REVISIONS-th latest, as their changes. Older revisions keep their JSON lists only: at
# 10,000 systems a list has 2,460 revisions, and a PDF of each, in three languages, would take
# minutes to make and some 190 MB (the changes of one, about 26 KB).
PDF_FULL, PDF_REVISIONS = 1, 5
# PEM files of the body's key and certificate, named in the build's environment: the PDFs are
# then signed (PAdES) as they are made. Unset, they are not (the default: see auditors.md).
PDF_KEY_ENV, PDF_CERT_ENV = "TRUSTLIST_PDF_KEY", "TRUSTLIST_PDF_CERT"


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
