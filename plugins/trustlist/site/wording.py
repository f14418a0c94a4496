"""wording: history events said in words, in the reader's language.

Two ways of saying a change. `describe` is the auditors' line (`trustlist log`, `diff`, the
list PDF): the system's id, the field's path and the value as it stands in the record. `tell`
is the public's (the history pages, the system pages, the feeds, the monthly changes): the
system's name, the field's label as the system page shows it and the value in words (a
status, a reason, a date), one item per system and revision. `Chronicle` tells a whole
history once per language, with the record versions each revision changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from ..core.decisions import KZ_TIME
from ..core.history import Event, History, Revision, apply
from ..core.i18n import LANGUAGES, MESSAGES, date_words, t


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


# --- the public's words ------------------------------------------------------------------

STATES = ("included", "suspended", "excluded", "restored", "removed")
# Said by the state event they explain (excluded since <date>, reason: <reason>).
FOLDED = ("status.state", "status.since", "status.reason")
# Who reviews applications: a team's handle, kept off the public site (issue 25).
INTERNAL = re.compile(r"^reviewers(\[\d+\])?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INDEX = re.compile(r"\[\d+\]")
_DEPLOYERS = re.compile(r"^deployers(\[|\.|$)")  # a field of the organisations using the system

# A field's path (list indexes and the language dropped) -> the labels the system page shows
# it under: a section's, then the field's. The organisations using the system (deployers)
# are told by organisation (_deployers).
LABELS: dict[str, tuple[str, ...]] = {
    "list_number": ("list_number",),
    "name": ("name",),
    "demonstration": ("field_demonstration",),
    "risk_level": ("risk_level",),
    "owner.role": ("owner", "field_role"),
    "owner.name": ("owner", "name"),
    "owner.bin": ("owner", "bin"),
    "owner.website": ("owner", "website"),
    "description.purpose": ("purpose",),
    "description.methods": ("methods",),
    "description.limitations": ("limitations",),
    "national_ai_platform.developed": ("developed_on_platform",),
    "national_ai_platform.tested": ("tested_on_platform",),
    "synthetic_content.produces": ("produces_synthetic",),
    "synthetic_content.marking": ("marking",),
    "users_rights.notification": ("notification",),
    "users_rights.objection": ("objection",),
    "users_rights.contact.email": ("users_rights", "contact"),
    "users_rights.contact.phone": ("users_rights", "contact"),
    "users_rights.contact.address": ("users_rights", "address"),
    "users_rights.terms_of_use": ("terms_of_use",),
    "application.reference": ("application", "field_reference"),
    "application.submitted": ("application", "submitted"),
    "application.resubmitted": ("application", "resubmitted"),  # before returns[] (2026-12)
    "application.returns.notice": ("application", "field_returned"),
    "application.returns.resubmitted": ("application", "resubmitted"),
    "copyright.kind": ("copyright", "kind"),
    "copyright.number": ("copyright", "field_number"),
    "copyright.date": ("copyright", "field_date"),
    "audit.auditor.name": ("audit", "field_auditor"),
    "audit.auditor.bin": ("audit", "field_auditor_bin"),
    "audit.report_date": ("audit", "field_report_date"),
    "audit.conclusion": ("audit", "conclusion"),
    "audit.valid_until": ("audit", "valid_until"),
    "decision.date": ("decision_date_full",),
    "decision.reference": ("field_decision_reference",),
    "decision.published": ("publication_date",),
    "status.state": ("status",),
    "status.since": ("status", "status_date"),
    "status.reason": ("status", "reason"),
    "status.note": ("status", "field_note"),
    # A sector's own record.
    "authority.name": ("authority", "name"),
    "authority.website": ("authority", "website"),
    "contact.email": ("contact",),
    "contact.phone": ("contact",),
    "contact.address": ("contact", "address"),
}
# A field whose values are codes: the words for each are the message <prefix><code>.
CODES = {
    "status.state": "status_",
    "status.reason": "reason_",
    "audit.conclusion": "conclusion_",
    "copyright.kind": "copyright_",
    "owner.role": "owner_role_",
    "risk_level": "risk_",
}
# Said without their values: long or meaningless to a reader.
SAID = {"decision.signature": "said_signed", "decision_keys": "said_keys"}


@dataclass(frozen=True, slots=True)
class Told:
    """What one revision changed for one system (or for the list's own details, `system`
    None), in one language: its name, framed as a sentence's subject (`lead` name `trail`),
    and what changed, in clauses."""

    system: str | None
    name: str
    name_lang: str  # the name's own language (the Russian where a record has no English)
    lead: str
    trail: str
    clauses: tuple[str, ...]

    @property
    def what(self) -> str:
        """What changed, as a sentence of its own: 'Included in the list as No. 2; …'."""
        text = "; ".join(self.clauses)
        return text[:1].upper() + text[1:] + "."

    @property
    def sentence(self) -> str:
        """The whole sentence, the subject named: 'Система «…»: включена в список под № 2.'"""
        if not self.lead and not self.name:
            return self.what
        return f"{self.lead}{self.name}{self.trail}: {'; '.join(self.clauses)}."


def tell(
    events: list[Event],
    lang: str,
    records: Callable[[str], tuple[dict | None, dict | None]],
) -> list[Told]:
    """A revision's `events` in words, one `Told` per system in the order they come, the
    list's own details last. `records(system)` gives the system's record before and after."""
    by_system: dict[str | None, list[Event]] = {}
    for event in public_events(events):
        by_system.setdefault(event.system, []).append(event)
    told = _sector(by_system.pop(None), lang) if None in by_system else []
    told += [_system(system, es, lang, *records(system)) for system, es in by_system.items()]
    return told


def public_events(events: list[Event]) -> Iterator[Event]:
    """The events the public site shows and exports: all but a change of the reviewers."""
    return (e for e in events if not (e.system is None and INTERNAL.match(e.field or "")))


def _system(
    system: str, events: list[Event], lang: str, before: dict | None, after: dict | None
) -> Told:
    record = after or before or {}
    name, name_lang = _name(record.get("name"), lang, system)
    lead, _, trail = t("said_system", lang).partition("{name}")
    kinds = {e.kind for e in events}
    # A text changed in the page's language is said in it alone: the others translate it.
    in_lang = {_text_of(e.field)[0] for e in events if _text_of(e.field)[1] == lang}
    clauses: list[str] = []
    deployers_said = False
    for event in events:
        base, text_lang = _text_of(event.field)
        if event.kind in STATES:
            clauses += _state(event.kind, before, after, lang)
        elif event.kind.startswith("document_"):
            clauses.append(_document(event, before, after, lang))
        elif _DEPLOYERS.match(event.field or ""):
            # One change of the list of organisations, however many of its fields it touched.
            if not deployers_said:
                clauses += _deployers(before, after, lang)
                deployers_said = True
        elif event.field in FOLDED and kinds & set(STATES):
            continue  # said by the state event
        elif text_lang not in (None, lang) and base in in_lang:
            continue
        else:
            clause = _field(event, lang)
            if clause not in clauses:  # a signature's parts are one change
                clauses.append(clause)
    return Told(system, name, name_lang, lead, trail, tuple(clauses))


def _sector(events: list[Event], lang: str) -> list[Told]:
    told = []
    if any(e.kind == "sector_created" for e in events):
        told.append(Told(None, "", lang, "", "", (t("said_sector_created", lang),)))
    clauses: list[str] = []
    for event in events:
        if event.kind == "sector_changed":
            clause = _field(event, lang)
            if clause not in clauses:
                clauses.append(clause)
    if clauses:
        told.append(Told(None, "", lang, t("said_list", lang), "", tuple(clauses)))
    return told


def _name(text: object, lang: str, fallback: str) -> tuple[str, str]:
    if isinstance(text, dict):
        for code in (lang, "ru", *LANGUAGES):
            if isinstance(text.get(code), str) and text[code]:
                return text[code], code
    return fallback, lang


def _state(kind: str, before: dict | None, after: dict | None, lang: str) -> list[str]:
    record = after or {}
    status = record.get("status") if isinstance(record.get("status"), dict) else {}
    clauses = []
    if kind == "included" or (before is None and kind in ("suspended", "excluded")):
        clauses.append(t("said_included", lang, number=record.get("list_number", "")))
        decision = record.get("decision") if isinstance(record.get("decision"), dict) else {}
        if decision.get("date"):
            clauses.append(
                t(
                    "said_decision",
                    lang,
                    date=_words(decision["date"], lang),
                    reference=decision.get("reference", ""),
                ).replace(" ()", "")  # a decision without its reference
            )
        if decision.get("published"):
            clauses[-1] += ", " + t(
                "said_published", lang, date=_words(decision["published"], lang)
            )
    if kind in ("suspended", "excluded"):
        since = status.get("since")
        day = _day(since)
        when = date_words(day, lang, "date_from") if day else ""
        clause = " ".join(t(f"said_{kind}", lang, since=when).split())
        reason = status.get("reason")
        if reason:
            clause += ", " + t("said_reason", lang, reason=_code("reason_", reason, lang))
        clauses.append(clause)
    elif kind in ("restored", "removed"):
        clauses.append(t(f"said_{kind}", lang))
    return clauses


def _document(event: Event, before: dict | None, after: dict | None, lang: str) -> str:
    record = before if event.kind == "document_removed" else after
    found = next(
        (
            d
            for d in (record or {}).get("documents") or []
            if isinstance(d, dict) and d.get("file") == event.field
        ),
        {},
    )
    title, _ = _name(found.get("title"), lang, "")
    if not title:
        kind = f"kind_{found.get('kind')}"
        title = t(kind, lang) if kind in MESSAGES else event.field
    return t(f"said_{event.kind}", lang, document=title, file=event.field)


def _deployers(before: dict | None, after: dict | None, lang: str) -> list[str]:
    """What changed among the organisations that use the system, told by organisation rather
    than by list position (a removed first one would otherwise read as every other renamed):
    those added, each changed (the same BIN, or a name the same in one language) and those
    removed, each by its name in `lang` (else Russian) and its BIN."""
    old, new = _organisations(before), _organisations(after)
    gone, came = list(old), []
    for organisation in new:
        if organisation in gone:
            gone.remove(organisation)
        else:
            came.append(organisation)
    changed = []
    for organisation in list(came):
        was = next((g for g in gone if _same_organisation(g, organisation)), None)
        if was is not None:
            gone.remove(was)
            came.remove(organisation)
            changed.append((was, organisation))
    label = t("deployers", lang)
    clauses = []
    if came:
        named = ", ".join(_organisation(o, lang) for o in came)
        clauses.append(t("said_set", lang, field=label, new=named))
    for was, now in changed:
        was_said, now_said = _organisation(was, lang), _organisation(now, lang)
        clauses.append(t("said_changed", lang, field=label, old=was_said, new=now_said))
    if gone:
        named = ", ".join(_organisation(o, lang) for o in gone)
        clauses.append(t("said_cleared", lang, field=label, old=named))
    return clauses


def _organisations(record: dict | None) -> list[dict]:
    found = (record or {}).get("deployers")
    return [o for o in found if isinstance(o, dict)] if isinstance(found, list) else []


def _same_organisation(a: dict, b: dict) -> bool:
    if a.get("bin") and a.get("bin") == b.get("bin"):
        return True
    names = [o.get("name") if isinstance(o.get("name"), dict) else {} for o in (a, b)]
    return any(
        names[0].get(code) and names[0].get(code) == names[1].get(code) for code in LANGUAGES
    )


def _organisation(organisation: dict, lang: str) -> str:
    """“Demo hospital” (BIN 050240001231): its name in `lang` (else Russian) and its BIN."""
    name, _ = _name(organisation.get("name"), lang, "—")
    said = quoted(name, lang)
    if isinstance(organisation.get("bin"), str):
        said += f" ({t('bin', lang)} {organisation['bin']})"
    return said


def _text_of(path: str | None) -> tuple[str, str | None]:
    """A field's path without its language, and the language: ('name', 'kk') of 'name.kk'."""
    base, _, last = (path or "").rpartition(".")
    return (base, last) if base and last in LANGUAGES else (path or "", None)


def _field(event: Event, lang: str) -> str:
    path = event.field or ""
    base, text_lang = _text_of(path)
    key = _INDEX.sub("", base)
    if key in SAID:
        return t(SAID[key], lang)
    if key not in LABELS:
        return t("said_technical", lang, field=path)
    first, *rest = (t(label, lang) for label in LABELS[key])
    label = ": ".join([first, *(_lower_first(r) for r in rest)])
    if text_lang not in (None, lang):
        label += f" ({t(f'in_{text_lang}', lang)})"
    if lang == "en":
        label = label[:1].upper() + label[1:]
    old, new = (_value_words(key, v, lang) for v in (event.old, event.new))
    if event.old is None:
        return t("said_set", lang, field=label, new=new)
    if event.new is None:
        return t("said_cleared", lang, field=label, old=old)
    return t("said_changed", lang, field=label, old=old, new=new)


def _lower_first(text: str) -> str:
    """'Name' -> 'name' after a section's label; 'BIN' stays as it is."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _value_words(key: str, value: object, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if key in CODES and isinstance(value, str):
        return _code(CODES[key], value, lang)
    day = _day(value)
    if day is not None:
        return date_words(day, lang)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return ", ".join(_value_words(key, v, lang) for v in value)
    return quoted(str(value), lang)


def _code(prefix: str, code: str, lang: str) -> str:
    key = f"{prefix}{code}"
    return t(key, lang) if key in MESSAGES else quoted(code, lang)


def quoted(text: str, lang: str) -> str:
    return f"“{text}”" if lang == "en" else f"«{text}»"


def _day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _words(value: object, lang: str) -> str:
    day = _day(value)
    return date_words(day, lang) if day else str(value)


def revision_moment(revision: Revision) -> datetime:
    """When a revision was issued, on Kazakhstan's clock (UTC+5)."""
    return datetime.fromtimestamp(revision.time, KZ_TIME)


def revision_words(revision: Revision, lang: str) -> str:
    """The date of a list's revision in words, with its time: 12 июня 2026 года, 10:00."""
    moment = revision_moment(revision)
    return f"{date_words(moment.date(), lang)}, {moment:%H:%M}"


class Chronicle:
    """A history told: each revision's events in words, made once per language, and the
    record versions they are told from (each system's before and after, found in one walk
    of each sector's revisions). `present`: the systems on a list at the last revision, which
    have a page of their own."""

    def __init__(self, history: History) -> None:
        self.history = history
        self._records: dict[tuple[str, int], dict[str, tuple[str | None, str | None]]] = {}
        self.present: set[tuple[str, str]] = set()
        for sector, revisions in history.revisions.items():
            listed: dict[str, str] = {}
            for revision in revisions:
                self._records[(sector, revision.number)] = {
                    system: (listed.get(system), blob) for system, blob in revision.changes.items()
                }
                listed = apply(listed, revision.changes)
            self.present |= {(sector, system) for system in listed}
        self._told: dict[tuple[str, int, str], list[Told]] = {}
        self._ordered: list[Revision] | None = None

    def told(self, revision: Revision, lang: str) -> list[Told]:
        key = (revision.sector, revision.number, lang)
        if key not in self._told:
            blobs = self._records.get((revision.sector, revision.number), {})
            records = self.history.records

            def versions(system: str) -> tuple[dict | None, dict | None]:
                before, after = blobs.get(system, (None, None))
                return records.get(before) if before else None, records.get(
                    after
                ) if after else None

            self._told[key] = tell(revision.events, lang, versions)
        return self._told[key]

    def revisions(self) -> list[Revision]:
        """Every revision of every list, in the order they were issued (sorted once)."""
        if self._ordered is None:
            every = [r for revisions in self.history.revisions.values() for r in revisions]
            self._ordered = sorted(every, key=lambda r: (r.time, r.sector, r.number))
        return self._ordered
