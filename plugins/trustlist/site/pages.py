"""pages step: which public pages exist, at which URLs, and what each shows, per language.

Pure: knows nothing of MkDocs. The plugin turns each `PageSpec` into a virtual page and
`render.py` turns its `view` into HTML through autoescaping templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, cached_property

from ..core.deadlines import WorkingCalendar
from ..core.decisions import KZ_TIME
from ..core.history import History, Revision
from ..core.i18n import LANGUAGE_NAMES, LANGUAGES, labels, t
from ..core.models import ClosedApplication, Document, Sector, System, Text
from ..core.open_applications import OpenApplications
from ..core.schema import SCHEMA_DIR
from ..core.validate import Registry, SystemEntry
from .monthly import by_month, changes, month_csv, month_name, month_of, month_url, months_url
from .timeliness import Timeliness, measure_terms
from .wording import Chronicle, Told, revision_moment, revision_words

DOCUMENTS_ROOT = "documents"
# The hand-written pages the home page links (docs/<lang>/<path>.md): the guides, and the
# application form for applicants (docs/<lang>/apply/form.md, linked with words of its own).
FORM = "apply/form"
GUIDES = ("about", "apply", "review", "auditors", FORM)
API_ROOT = "api/v1"
STATE_ORDER = {"listed": 0, "suspended": 1, "excluded": 2}


def revision_time(revision: Revision) -> str:
    return _kz_time(revision.time)


@cache  # a revision is shown on its history page and on each of its systems' pages
def _kz_time(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, KZ_TIME).strftime("%Y-%m-%d %H:%M")


def revision_json(sector: str, number: int) -> str:
    return f"{API_ROOT}/{sector}/revisions/{number}.json"


@dataclass(frozen=True)
class Localized:
    """A text chosen for a page's language: the value, and its own language if it differs."""

    value: str
    lang: str
    fallback: bool = False


def pick(text: Text | None, lang: str) -> Localized | None:
    """The text in `lang`; where English is missing, the Russian text marked as Russian."""
    if text is None:
        return None
    value = text.get(lang)
    if value is not None:
        return Localized(value, lang)
    return Localized(text.ru, "ru", fallback=True)


def relative(from_url: str, to_path: str) -> str:
    """A link from the page at `from_url` (a directory URL like 'kk/x/') to a site path."""
    # posixpath.relpath would do, but asks the OS for the working directory on every call,
    # and every page makes dozens of links. Both paths are clean site paths without '.'.
    here = [part for part in from_url.split("/") if part]
    there = [part for part in to_path.split("/") if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    if to_path.endswith("/") and not target.endswith("/"):
        target += "/"
    return target


def document_path(sector: str, system: str, file: str) -> str:
    return f"{DOCUMENTS_ROOT}/{sector}/{system}/{file}"


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives and what it is about."""

    kind: str  # home | search | api | sector | history | system | changes | month
    lang: str
    url: str  # directory URL, e.g. "kk/health/demo-triage/"
    key: tuple[str, ...]  # the same page in every language has the same key
    sector: str | None = None
    system: str | None = None
    month: str | None = None  # a month's changes: 2026-06

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


@dataclass
class Site:
    """Everything the pages are computed from."""

    registry: Registry
    languages: tuple[str, ...] = LANGUAGES
    demonstration: bool = False
    source_url: str | None = None  # e.g. https://github.com/org/repo/blob/main/
    guides: dict[str, list[str]] = field(default_factory=dict)  # lang -> hand-written pages
    history: History | None = None  # None when the registry is not in git
    draft: bool = False  # the work tree has uncommitted registry changes
    # The day the lists are published for (the commit's day, UTC+5): what has expired by it
    # is shown as expired. None outside git: nothing is said to have expired.
    as_of: date | None = None
    # The applications still open (pull requests, read by `trustlist applications`), or None.
    open_applications: OpenApplications | None = None
    specs: list[PageSpec] = field(default_factory=list)
    # Computed once per build, not once per page: a page of 10,000 would otherwise cost O(n).
    _ordered: dict[str, list[System]] = field(default_factory=dict, repr=False)
    _entries: dict[str, SystemEntry] = field(default_factory=dict, repr=False)
    _timeliness: dict[str, Timeliness] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.specs = list(_specs(self.registry, self.languages, self.history))

    @cached_property
    def calendar(self) -> WorkingCalendar:
        """Kazakhstan's working days, one for every sector: each year of holidays is worked
        out once, not once per sector."""
        return WorkingCalendar(self.registry.calendar)

    @cached_property
    def chronicle(self) -> Chronicle | None:
        """The history told in words (made on first use, once for every page)."""
        return Chronicle(self.history) if self.history is not None else None

    @cached_property
    def system_pages(self) -> frozenset[tuple[str, str]]:
        """(sector, system) of every system with a page: those the body has decided on."""
        return frozenset(
            (sector, e.id)
            for sector in self.registry.sectors
            for e in self.registry.systems_of(sector)
            if _decided(e)
        )

    def sectors(self) -> list[Sector]:
        entries = self.registry.sectors.values()
        return sorted((e.model for e in entries if e.model), key=lambda s: s.id)

    def systems(self, sector: str) -> list[System]:
        """A sector's systems in list order (listed, then suspended, then excluded)."""
        if sector not in self._ordered:
            # An application awaiting the body's decision is on no list yet.
            found = [e.model for e in self.registry.systems_of(sector) if _decided(e)]
            self._ordered[sector] = sorted(
                found, key=lambda s: (STATE_ORDER[s.status.state], s.list_number)
            )
        return self._ordered[sector]

    def closed(self, sector: str) -> list[ClosedApplication]:
        """The sector's applications closed without inclusion (its journal), oldest first."""
        journal = self.registry.journals.get(sector)
        return list(journal.model.closed) if journal is not None and journal.model else []

    def application_counts(self, sector: str) -> dict[str, int]:
        """What became of the sector's applications, as the register records them: included
        (every entry of the list), refused, withdrawn, returned at least once, and those in
        the registry still awaiting the body's decision."""
        systems, closed = self.systems(sector), self.closed(sector)
        applications = [s.application for s in systems] + [c.application for c in closed]
        return {
            "included": len(systems),
            "refused": sum(c.outcome == "refused" for c in closed),
            "withdrawn": sum(c.outcome == "withdrawn" for c in closed),
            "returned": sum(1 for a in applications if a.returns),
            "pending": sum(1 for e in self.registry.systems_of(sector) if not _decided(e)),
        }

    def timeliness(self, sector: str) -> Timeliness:
        """The sector's terms, measured once for all languages."""
        if sector not in self._timeliness:
            self._timeliness[sector] = measure_terms(
                self.systems(sector), self.calendar, self.closed(sector)
            )
        return self._timeliness[sector]

    def entry(self, system_id: str) -> SystemEntry:
        if not self._entries:
            self._entries = {e.id: e for e in self.registry.systems}
        return self._entries[system_id]


def kazakhstan_time(utc: str) -> str:
    """An ISO UTC time (…Z) as Kazakhstan's wall clock, to the minute: 2026-06-03 09:15."""
    moment = datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone(KZ_TIME)
    return moment.strftime("%Y-%m-%d %H:%M")


def day_of(epoch: str | None) -> date | None:
    """The day, in Kazakhstan, of a SOURCE_DATE_EPOCH (the commit the site is built from)."""
    if not epoch or not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), KZ_TIME).date()


def _decided(entry: SystemEntry) -> bool:
    # Read from the data, not the model: the models are made later, with the GC paused.
    return isinstance(entry.loaded.data, dict) and "decision" in entry.loaded.data


def _specs(registry: Registry, languages: tuple[str, ...], history: History | None = None):
    months = sorted(
        {month_of(r) for rs in history.revisions.values() for r in rs} if history else ()
    )
    for lang in languages:
        yield PageSpec("home", lang, f"{lang}/", ("home",))
        yield PageSpec("search", lang, f"{lang}/search/", ("search",))
        yield PageSpec("api", lang, f"{lang}/api/", ("api",))
        yield PageSpec("changes", lang, months_url(lang), ("changes",))
        for month in months:
            yield PageSpec("month", lang, month_url(lang, month), ("month", month), month=month)
        for sector in sorted(registry.sectors):
            yield PageSpec("sector", lang, f"{lang}/{sector}/", ("sector", sector), sector)
            yield PageSpec(
                "history", lang, f"{lang}/{sector}/history/", ("history", sector), sector
            )
            for entry in filter(_decided, registry.systems_of(sector)):
                yield PageSpec(
                    "system",
                    lang,
                    f"{lang}/{sector}/{entry.id}/",
                    ("system", sector, entry.id),
                    sector,
                    entry.id,
                )


def title(site: Site, spec: PageSpec) -> str:
    """The page's plain-text title (templates escape it)."""
    if spec.kind == "home":
        return t("site_title", spec.lang)
    if spec.kind in ("search", "api"):
        return t("search" if spec.kind == "search" else "machine_readable", spec.lang)
    if spec.kind == "changes":
        return t("changes_title", spec.lang)
    if spec.kind == "month":
        return t("changes_month_title", spec.lang, month=month_name(spec.month or "", spec.lang))
    sector = site.registry.sectors[spec.sector].model
    if spec.kind == "sector":
        return sector.name.get(spec.lang) if sector else spec.sector
    if spec.kind == "history":
        return f"{t('history', spec.lang)}: {sector.name.get(spec.lang) if sector else spec.sector}"
    system = site.entry(spec.system).model
    return pick(system.name, spec.lang).value if system else spec.system


def alternates(site: Site, spec: PageSpec) -> list[dict[str, str | bool]]:
    """The same page in every language, for the language switch (`url`, from the page) and
    the head's hreflang links (`path`, from the site's root: absolute after its address)."""
    found: list[dict[str, str | bool]] = []
    for lang in site.languages:
        there = spec.url.replace(f"{spec.lang}/", f"{lang}/", 1)
        found.append(
            {
                "lang": lang,
                "name": LANGUAGE_NAMES[lang],
                "current": lang == spec.lang,
                "url": relative(spec.url, there),
                "path": there,
            }
        )
    return found


def _document_view(doc: Document, spec: PageSpec, sector: Sector) -> dict[str, object]:
    view: dict[str, object] = {
        "doc": doc,
        "title": pick(doc.title, spec.lang),
        "kind": t(f"kind_{doc.kind}", spec.lang),
        "languages": ", ".join(LANGUAGE_NAMES[code] for code in doc.languages),
    }
    if doc.public:
        view["href"] = relative(spec.url, document_path(sector.id, spec.system or "", doc.file))
    else:
        view["authority"] = sector.authority.name.get(spec.lang)
        view["custodian"] = pick(doc.custodian, spec.lang)
        view["request"] = pick(doc.request, spec.lang)
    return view


@dataclass(slots=True)
class Row:
    """A system as a list's row shows it: attributes, as `RevisionView` (a sector page has
    a row for each of its systems)."""

    system: System
    name: Localized | None
    owner: Localized | None
    role: str
    href: str
    reason: str
    state: str
    documents: int
    expired: bool  # the audit conclusion has expired


def _row(system: System, spec: PageSpec, as_of: date | None) -> Row:
    return Row(
        system=system,
        name=pick(system.name, spec.lang),
        owner=pick(system.owner.name, spec.lang),
        role=t(f"owner_role_{system.owner.role}", spec.lang),
        href=relative(spec.url, f"{spec.lang}/{system.sector}/{system.id}/"),
        reason=t(f"reason_{system.status.reason}", spec.lang) if system.status.reason else "",
        state=t(f"status_{system.status.state}", spec.lang),
        documents=len(system.documents),
        expired=system.audit_expired(as_of),
    )


def _applications_view(site: Site, spec: PageSpec, sector: str) -> dict[str, object]:
    """What became of the sector's applications: how many were included, refused, withdrawn,
    returned at least once and are awaiting a decision, and the closed ones with reasons."""
    closed = site.closed(sector)
    counts = [
        (t(f"count_{key}", spec.lang), n) for key, n in site.application_counts(sector).items()
    ]
    if site.open_applications is not None:
        still = site.open_applications.of(sector)
        when = kazakhstan_time(site.open_applications.as_of)
        counts += [
            (t("count_open_awaiting", spec.lang, when=when), still["awaiting"]),
            (t("count_open_returned", spec.lang, when=when), still["returned"]),
        ]
    return {
        "counts": counts,
        "closed": [
            {
                "entry": c,
                "name": pick(c.name, spec.lang),
                "applicant": pick(c.applicant.name, spec.lang),
                "outcome": t(f"outcome_{c.outcome}", spec.lang),
                "reasons": pick(c.reasons, spec.lang),
            }
            for c in reversed(closed)
        ],
    }


def _last_change(systems: list[System]) -> date | None:
    dates = [s.decision.date for s in systems] + [s.status.since for s in systems if s.status.since]
    return max(dates, default=None)


def view(site: Site, spec: PageSpec) -> dict[str, object]:
    """What a page shows: plain data for the page's template."""
    common = {
        "lang": spec.lang,
        "t": labels(spec.lang),
        "demonstration": site.demonstration,
        "home": relative(spec.url, f"{spec.lang}/"),
        "api": relative(spec.url, f"{API_ROOT}/"),
        "api_page": relative(spec.url, f"{spec.lang}/api/"),
        "changes": relative(spec.url, months_url(spec.lang)),  # the months' changes
    }
    if spec.kind == "home":
        return {
            **common,
            "sectors": [_sector_summary(site, s, spec) for s in site.sectors()],
            "latest": _latest(site, spec),
            "guides": [
                {
                    "title": t(f"guide_{slug}", spec.lang),
                    "href": relative(spec.url, f"{spec.lang}/{slug}/"),
                }
                for slug in site.guides.get(spec.lang, [])
                if slug != FORM
            ],
            # For applicants, the form (where this language has it); for journalists, each
            # month's changes and its table.
            "form": relative(spec.url, f"{spec.lang}/{FORM}/")
            if FORM in site.guides.get(spec.lang, [])
            else None,
            "form_words": t("home_form", spec.lang),
            "months_words": t("home_months", spec.lang),
        }
    if spec.kind == "search":
        return {**common, "index": relative(spec.url, f"{spec.lang}/search/index.json")}
    if spec.kind == "api":
        return {
            **common,
            "sectors": [{"id": s.id, "name": s.name.get(spec.lang)} for s in site.sectors()],
            "schemas": sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")),
            "feeds": relative(spec.url, f"{spec.lang}/feeds/"),
            "has_history": site.history is not None,
        }
    if spec.kind == "changes":
        return {**common, **_months_view(site, spec)}
    if spec.kind == "month":
        return {**common, **_month_view(site, spec)}
    sector = site.registry.sectors[spec.sector].model
    systems = site.systems(spec.sector)
    if spec.kind == "history":
        return {
            **common,
            "sector": sector,
            "name": sector.name.get(spec.lang),
            "sector_href": relative(spec.url, f"{spec.lang}/{sector.id}/"),
            "revisions": _revisions(site, spec, sector.id),
            "has_history": site.history is not None,
            "feed": relative(spec.url, f"{spec.lang}/feeds/{sector.id}.atom"),
            "months": relative(spec.url, months_url(spec.lang)),
        }
    if spec.kind == "sector":
        rows = [_row(s, spec, site.as_of) for s in systems]
        latest = site.history.latest(sector.id) if site.history else None
        history_href = _history_href(spec, sector.id)
        return {
            **common,
            "revision": _revision_view(latest, history_href) if latest else None,
            "timeliness": _timeliness_view(site, spec),
            "history_href": history_href,
            "feed": relative(spec.url, f"{spec.lang}/feeds/{sector.id}.atom"),
            "sector": sector,
            "name": sector.name.get(spec.lang),
            "authority": sector.authority.name.get(spec.lang),
            "listed": [r for r in rows if r.system.status.state == "listed"],
            "delisted": [r for r in rows if r.system.status.state != "listed"],
            "updated": _last_change(systems),
            "applications": _applications_view(site, spec, sector.id),
            "json": relative(spec.url, f"{API_ROOT}/{sector.id}.json"),
            "csv": relative(spec.url, f"{API_ROOT}/{sector.id}.csv"),
        }
    entry = site.entry(spec.system)
    system = entry.model
    record = f"{DOCUMENTS_ROOT}/{sector.id}/{system.id}/system.yaml"
    return {
        **common,
        "sector": sector,
        "sector_name": sector.name.get(spec.lang),
        "sector_href": relative(spec.url, f"{spec.lang}/{sector.id}/"),
        "authority": sector.authority.name.get(spec.lang),
        "system": system,
        "audit_expired": system.audit_expired(site.as_of),
        "p": lambda text: pick(text, spec.lang),
        "documents": [_document_view(d, spec, sector) for d in system.documents],
        "record_href": relative(spec.url, record),
        "source_href": f"{site.source_url}registry/{sector.id}/{system.id}/system.yaml"
        if site.source_url
        else None,
        "json": relative(spec.url, f"{API_ROOT}/systems/{system.id}.json"),
    }


def history_view(site: Site, spec: PageSpec) -> dict[str, object]:
    """A system page's history section (system-history.html): its revisions, each with what
    it changed for the system. Apart from `view`: it reads history alone, so a forked writer
    can render it ahead of the page (plugin.on_files)."""
    history_href = _history_href(spec, spec.sector)
    views: list[RevisionView] = []
    chronicle = site.chronicle
    for revision, _ in site.history.of_system(spec.system) if chronicle else []:
        if views and views[-1].number == revision.number:
            continue  # one line a revision, saying all it changed for the system
        revision_view = _revision_view(revision, history_href, spec.lang)
        told = [x for x in chronicle.told(revision, spec.lang) if x.system == spec.system]
        revision_view.what = " ".join(x.what for x in told)
        views.append(revision_view)
    return {"t": labels(spec.lang), "history": views, "history_href": history_href}


CHART_WIDTH, CHART_LEFT, ROW_HEIGHT = 480, 56, 30


def _timeliness_view(site: Site, spec: PageSpec) -> dict[str, object]:
    """The sector's terms as chart geometry (SVG units) and as table rows."""
    measured = site.timeliness(spec.sector)
    rows = []
    for index, row in enumerate(measured.rows):
        publication = row.publication
        rows.append(
            {
                "number": row.number,
                "name": pick(row.name, spec.lang),
                "submitted": row.review.start,
                "decided": row.decided,
                "review_days": row.review.taken,
                "review_limit": row.review.days,
                "review_met": row.review.state == "met",
                "published": publication.actual if publication else None,
                "publication_days": publication.taken if publication else None,
                "publication_met": bool(publication and publication.state == "met"),
                "y": 8 + index * ROW_HEIGHT,
                "review_bar": measured.width(row.review.taken, CHART_WIDTH),
                "publication_bar": measured.width(
                    publication.taken if publication else 0, CHART_WIDTH
                ),
            }
        )
    review, publication = measured.share("review"), measured.share("publication")
    return {
        "rows": rows,
        "left": CHART_LEFT,
        "width": CHART_LEFT + CHART_WIDTH + 8,
        "height": 16 + len(rows) * ROW_HEIGHT,
        "marks": [
            {"days": days, "x": CHART_LEFT + measured.width(days, CHART_WIDTH)} for days in (5, 10)
        ],
        "summary": t(
            "timeliness_summary",
            spec.lang,
            review_met=review[0],
            review_total=review[1],
            publication_met=publication[0],
            publication_total=publication[1],
        ),
    }


def _history_href(spec: PageSpec, sector: str) -> str:
    return relative(spec.url, f"{spec.lang}/{sector}/history/")


@dataclass(slots=True)
class RevisionView:
    """A revision as pages show it. Attributes rather than a dict's keys: a template's
    `r.number` tries the attribute first, and on a dict that fails, raising an exception each
    time, before the key is tried (a fifth of a history page's rendering)."""

    number: int
    time: str
    date: str
    commit: str
    href: str  # the revision on its sector's history page
    words: str = ""  # its date (and time) in words, in the page's language
    moment: str = ""  # its date and time, ISO 8601 with Kazakhstan's offset (<time datetime>)
    events: list[Line] = field(default_factory=list)  # a history page: its changes in words
    json: str = ""  # a history page: its list as it stood, as JSON
    month: str = ""  # a history page: the month's changes it is among
    month_title: str = ""  # that month's page's title
    what: str = ""  # a system page: what it changed for that system


@dataclass(frozen=True, slots=True)
class Line:
    """A change told on a page, its system's name linked to the system's page (if it has one)."""

    told: Told
    href: str | None


def _revision_view(revision: Revision, history_href: str, lang: str | None = None) -> RevisionView:
    """A revision as pages show it; `history_href`: its sector's history page, from this page
    (worked out once per page: a page may show hundreds of revisions); `lang`: its date also
    in words."""
    time = revision_time(revision)
    href = f"{history_href}#r{revision.number}"
    words = revision_words(revision, lang) if lang else ""
    moment = revision_moment(revision).isoformat() if lang else ""
    return RevisionView(revision.number, time, time[:10], revision.commit, href, words, moment)


def _revisions(site: Site, spec: PageSpec, sector: str) -> list[RevisionView]:
    revisions = site.history.revisions.get(sector, []) if site.history else []
    history_href = _history_href(spec, sector)
    lists = relative(spec.url, revision_json(sector, 0).removesuffix("0.json"))
    views = []
    for r in reversed(revisions):
        view = _revision_view(r, history_href, spec.lang)
        view.events = _lines(site, spec, r)
        view.json = f"{lists}{r.number}.json"
        month = month_of(r)
        view.month = relative(spec.url, month_url(spec.lang, month))
        view.month_title = t("changes_month_title", spec.lang, month=month_name(month, spec.lang))
        views.append(view)
    return views


def _lines(site: Site, spec: PageSpec, revision: Revision) -> list[Line]:
    """What a revision changed, each system's name linked to its page."""
    return [
        Line(told, _system_href(site, spec, revision.sector, told.system))
        for told in site.chronicle.told(revision, spec.lang)
    ]


def _system_href(site: Site, spec: PageSpec, sector: str, system: str | None) -> str | None:
    if system is None or (sector, system) not in site.system_pages:
        return None
    return relative(spec.url, f"{spec.lang}/{sector}/{system}/")


def _months_view(site: Site, spec: PageSpec) -> dict[str, object]:
    """The months with changes, newest first, each with its page, its table and a count."""
    chronicle = site.chronicle
    months = by_month(chronicle) if chronicle else {}
    rows = []
    for month, revisions in reversed(months.items()):
        name = month_name(month, spec.lang)
        rows.append(
            {
                "month": month,
                "name": name[:1].upper() + name[1:],
                "href": relative(spec.url, month_url(spec.lang, month)),
                "csv": relative(spec.url, month_csv(spec.lang, month)),
                "count": len(changes(chronicle, revisions, spec.lang)),
            }
        )
    return {"months": rows, "has_history": site.history is not None}


def _month_view(site: Site, spec: PageSpec) -> dict[str, object]:
    """A month's changes: a row per system and revision, with the revision's date in words,
    its sector and number, the system's name and what changed."""
    chronicle, month = site.chronicle, spec.month or ""
    months = by_month(chronicle) if chronicle else {}
    keys = list(months)
    at = keys.index(month) if month in keys else -1
    sector_names = {s.id: s.name.get(spec.lang) for s in site.sectors()}
    rows = []
    for change in changes(chronicle, months.get(month, []), spec.lang) if chronicle else []:
        revision, told = change.revision, change.told
        rows.append(
            {
                "datetime": revision_moment(revision).isoformat(),
                "date": revision_words(revision, spec.lang),
                "sector": sector_names.get(revision.sector, revision.sector),
                "sector_href": relative(spec.url, f"{spec.lang}/{revision.sector}/"),
                "number": revision.number,
                "revision_href": f"{_history_href(spec, revision.sector)}#r{revision.number}",
                "told": told,
                "href": _system_href(site, spec, revision.sector, told.system),
            }
        )

    def neighbour(index: int) -> dict[str, str] | None:
        if at < 0 or not 0 <= index < len(keys):
            return None
        return {
            "href": relative(spec.url, month_url(spec.lang, keys[index])),
            "name": month_name(keys[index], spec.lang),
        }

    return {
        "month_name": month_name(month, spec.lang),
        "rows": rows,
        "csv": relative(spec.url, month_csv(spec.lang, month)),
        "months": relative(spec.url, months_url(spec.lang)),
        "previous": neighbour(at - 1),
        "next": neighbour(at + 1),
    }


def _sector_summary(site: Site, sector: Sector, spec: PageSpec) -> dict[str, object]:
    systems = site.systems(sector.id)
    return {
        "sector": sector,
        "name": sector.name.get(spec.lang),
        "authority": sector.authority.name.get(spec.lang),
        "listed": sum(1 for s in systems if s.status.state == "listed"),
        "href": relative(spec.url, f"{spec.lang}/{sector.id}/"),
        "updated": _last_change(systems),
    }


def _latest(site: Site, spec: PageSpec, limit: int = 8) -> list[dict[str, object]]:
    """Recent decisions and status changes, newest first (dated by the records). Rows are
    made for those shown only: the home page of each language looked at every system."""
    events = []
    for sector in site.sectors():
        for system in site.systems(sector.id):
            events.append((system.decision.date, system.id, "status_listed", system, sector))
            if system.status.since:
                state = f"status_{system.status.state}"
                events.append((system.status.since, system.id, state, system, sector))
    events.sort(key=lambda e: (e[0], e[1]), reverse=True)
    return [
        {
            "date": when,
            "what": t(key, spec.lang),
            "row": _row(system, spec, site.as_of),
            "sector": sector.name.get(spec.lang),
        }
        for when, _, key, system, sector in events[:limit]
    ]
