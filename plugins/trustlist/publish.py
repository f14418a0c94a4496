"""publish step: every non-page file of the site: documents, source records, exports, schemas.

Public documents are copied byte for byte from the registry (their hashes were checked by
the validator in the same build); a non-public document has no file to copy, by rule DOC006.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path

from . import exports
from .feeds import FeedEntry, atom_feed
from .history import History, apply
from .i18n import LANGUAGE_NAMES
from .incremental import NO_REUSE, Reuse
from .pages import API_ROOT, DOCUMENTS_ROOT, Site, document_path, revision_json
from .schema import SCHEMA_DIR
from .validate import SYSTEM_FILE

SCHEMA_BASE = "https://trustlist.kz/schemas/v1/"


@dataclass(frozen=True)
class Published:
    """One file of the site: copied from `source`, or written from `content`."""

    uri: str
    source: Path | None = None
    content: str | bytes | None = None


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
                    f"{DOCUMENTS_ROOT}/{sector.id}/{system.id}/{SYSTEM_FILE}", folder / SYSTEM_FILE
                )
            )
            copies += [
                Published(document_path(sector.id, system.id, doc.file), folder / doc.file)
                for doc in system.documents
                if doc.public
            ]
    if only is not None:
        return iter(copies)
    schemas = [
        Published(f"{API_ROOT}/schemas/{schema.name}", schema)
        for schema in sorted(SCHEMA_DIR.glob("*.schema.json"))
    ]
    root = Published("index.html", content=root_page(site))
    if site.history is None:
        return chain(copies, schemas, [root])
    names = {lang: {s.id: s.name.get(lang) for s in site.sectors()} for lang in site.languages}
    return chain(copies, schemas, [root], history_files(site.history, site_url, names))


def made_files(
    site: Site, site_url: str, only: Collection[str] | None = None, reuse: Reuse = NO_REUSE
) -> Iterator[Published]:
    """The files made from the models: the exports (written by the build itself, after the
    pages: a forked writer reading the models would copy the pages it read)."""
    lists, tables = [], []
    for sector in site.sectors():
        entries, rows, head = [], [], exports.system_head(sector)
        for system in site.systems(sector.id):
            entries.append(
                reuse.get(
                    "export",
                    system.id,
                    partial(exports.entry_text, system, site_url, site.as_of),
                )
            )
            rows.append(reuse.get("csv", system.id, partial(exports.csv_row, system, site.as_of)))
            if only is not None and system.id not in only:
                continue
            yield Published(
                f"{API_ROOT}/systems/{system.id}.json",
                content=exports.system_text(head, entries[-1]),
            )
        counts, closed = site.application_counts(sector.id), site.closed(sector.id)
        sector_list = exports.sector_text(sector, entries, counts, closed)
        yield Published(f"{API_ROOT}/{sector.id}.json", content=sector_list)
        yield Published(f"{API_ROOT}/{sector.id}.csv", content=exports.sector_csv(rows))
        lists.append((sector, entries))
        tables.append((sector, rows))
    yield Published(f"{API_ROOT}/registry.json", content=exports.registry_text(lists))
    yield Published(f"{API_ROOT}/registry.csv", content=exports.registry_csv(tables))


def history_files(
    history: History, site_url: str, names: dict[str, dict[str, str]]
) -> Iterator[Published]:
    """The files made from the history alone: the feeds, each revision's list, each version
    of a record those lists link to, and the change log. Made as they are written, all of it
    by the forked writer: none of it waits for the pages, and none reads a model."""
    yield from _feeds(history, site_url, names)
    yield from revision_lists(history, revision_entries(history, site_url))
    yield from record_versions(history)
    changes = [r.as_dict() for _, rs in sorted(history.revisions.items()) for r in rs]
    changes.sort(key=lambda c: (c["issued"], c["sector"], c["revision"]))
    yield Published(
        f"{API_ROOT}/changes.json",
        content=exports.encoded(
            {"$schema": f"{SCHEMA_BASE}export-changes.schema.json", "revisions": changes}
        ),
    )


def _feeds(
    history: History, site_url: str, names: dict[str, dict[str, str]]
) -> Iterator[Published]:
    """A feed of the revisions per language, of all sectors and of each."""
    for lang, sector_names in names.items():
        made: dict[tuple[str, int], FeedEntry] = {}  # made once for a sector feed and all.atom
        feed = atom_feed(history, lang, site_url, sector_names, made=made)
        yield Published(f"{lang}/feeds/all.atom", content=feed)
        for sector_id in sector_names:
            feed = atom_feed(history, lang, site_url, sector_names, sector_id, made=made)
            yield Published(f"{lang}/feeds/{sector_id}.atom", content=feed)


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


def revision_lists(history: History, entries: dict[str, bytes]) -> Iterator[Published]:
    """Each revision's list as it stood: they grow as revisions × systems, hundreds of MB at
    national scale, so each is made as it is written."""
    for sector, revisions in sorted(history.revisions.items()):
        listed: dict[str, str] = {}  # the list as of the revision: system -> blob
        for r in revisions:
            listed = apply(listed, r.changes)
            head = {
                "$schema": f"{SCHEMA_BASE}export-revision.schema.json",
                **{k: v for k, v in r.as_dict(events=[]).items() if k != "events"},
            }
            systems = map(entries.__getitem__, listed.values())
            content = exports.with_encoded_list(head, "systems", systems) + b"\n"
            yield Published(revision_json(sector, r.number), content=content)


def record_versions(history: History) -> Iterator[Published]:
    """Each version of a record that a revision's list links to, named by its blob id."""
    blobs = {b for rs in history.revisions.values() for r in rs for b in r.changes.values()}
    blobs.discard(None)
    for blob in sorted(blobs):  # type: ignore[type-var]
        version = {
            "$schema": f"{SCHEMA_BASE}export-record-version.schema.json",
            "blob": blob,
            "record": history.records[blob],
        }
        yield Published(record_version(blob), content=exports.encoded(version))


def record_version(blob: str) -> str:
    """Where one version of a record is published, named by its git blob id."""
    return f"{API_ROOT}/records/{blob}.json"


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
    first = site.languages[0]
    links = "\n".join(
        f'    <li><a href="{lang}/" hreflang="{lang}" lang="{lang}">{LANGUAGE_NAMES[lang]}</a></li>'
        for lang in site.languages
    )
    return f"""<!doctype html>
<html lang="{first}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
  <meta http-equiv="refresh" content="0; url={first}/">
  <title>Сенімді ЖИ жүйелері · Доверенные системы ИИ · Trusted AI systems</title>
  <link rel="canonical" href="{first}/">
  <link rel="icon" href="assets/images/favicon.png">
</head>
<body>
  <main>
  <h1>Сенімді жоғары тәуекелді ЖИ жүйелерінің тізімдері</h1>
  <ul>
{links}
  </ul>
  </main>
</body>
</html>
"""
