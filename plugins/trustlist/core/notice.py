"""notice step: the Order's notice of inconsistencies, as a dated document in kk, ru or en.

A pull request is an application; when its check finds problems the body owes the applicant
a notice of inconsistencies. This module makes it from a `PullRequestCheck`: its date, the
application (pull request, system, applicant and BIN, reference), the sector's body, the legal
basis, each problem in the chosen language naming the file, line and field, the re-review
term and every term of the application. When nothing blocks, the same document says the
package is complete and whether it awaits the body's decision. Markdown (for the pull
request's comment) and HTML (to print or file); record text is data in both: escaped by
autoescaping Jinja in HTML, and in Markdown escaped with links made inert.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from .change import PullRequestCheck
from .deadlines import REREVIEW_DAYS, Deadline, WorkingCalendar
from .findings import Finding
from .i18n import t
from .models import Sector, System
from .report import md_code, md_text


@dataclass
class Application:
    """One system's part of the notice."""

    sector: str
    system: str
    model: System | None
    body: Sector | None
    problems: list[Finding] = field(default_factory=list)
    advice: list[Finding] = field(default_factory=list)
    terms: list[Deadline] = field(default_factory=list)


@dataclass
class Notice:
    lang: str
    day: date
    pull_request: int | None
    applications: list[Application]
    general: list[Finding]  # findings outside any system folder (CHG003 on code, say)
    rereview_due: date
    uncommitted: bool

    @property
    def blocking(self) -> bool:
        return any(f.is_error for f in self._all())

    def _all(self) -> list[Finding]:
        return self.general + [f for a in self.applications for f in a.problems + a.advice]

    @property
    def count(self) -> int:
        return sum(1 for f in self._all() if f.is_error)


def make_notice(
    check: PullRequestCheck, lang: str, day: date, pull_request: int | None = None
) -> Notice:
    registry = check.registry
    apps: dict[tuple[str, str], Application] = {}
    for sector, systems in sorted(check.change.sectors.items()):
        body = registry.sectors[sector].model if sector in registry.sectors else None
        for system in sorted(systems):
            entry = next((e for e in registry.systems_of(sector) if e.id == system), None)
            apps[sector, system] = Application(
                sector,
                system,
                entry.model if entry is not None else None,
                body,
                terms=check.deadlines.get(system, []),
            )
    general: list[Finding] = []
    for finding in check.findings:
        where = _system_of(finding.path, apps)
        if where is None:
            general.append(finding)
        elif finding.is_error:
            apps[where].problems.append(finding)
        else:
            apps[where].advice.append(finding)
    calendar = WorkingCalendar(registry.calendar)
    return Notice(
        lang,
        day,
        pull_request,
        list(apps.values()),
        general,
        calendar.add_working_days(day, REREVIEW_DAYS),
        check.uncommitted,
    )


def _system_of(path: str, apps: dict[tuple[str, str], Application]) -> tuple[str, str] | None:
    parts = path.split("/")
    for index in range(len(parts) - 1):
        if (parts[index], parts[index + 1]) in apps:
            return parts[index], parts[index + 1]
    return None


def local_text(value, lang: str) -> str:
    """A record's text in `lang`, or in Russian where it has no English."""
    if value is None:
        return ""
    return value.get(lang) or value.ru


def term_name(d: Deadline, lang: str) -> str:
    return t(f"term_{d.name}", lang, round=d.round)


# --- Markdown --------------------------------------------------------------------------------


def md(text: object) -> str:
    """Record text for Markdown: hidden characters shown, specials escaped, and any address,
    e-mail or @mention shown as code, so a pull request cannot put a live link, an image, a
    mention or markup into the notice (report.md_text, which the findings' table uses too)."""
    return md_text(str(text))


def _md_finding(f: Finding, lang: str) -> str:
    where = md_code(f.path)
    if f.line:
        where += f", {t('notice_line', lang, line=f.line)}"
    field_ = f", {t('notice_field', lang)} {md_code(f.json_path)}" if f.json_path else ""
    return f"{where}{field_} ({t('notice_rule', lang)} {md(f.code)}): {md(f.text(lang))}"


TERM_HEAD = ("term", "term_counts_from", "term_days", "term_due", "term_actual", "term_state")


def term_cells(d: Deadline, lang: str) -> list[str]:
    """A term as a row of the notice's table (under TERM_HEAD's labels)."""
    return [
        term_name(d, lang),
        d.start.isoformat(),
        str(d.days),
        d.due.isoformat(),
        d.actual.isoformat() if d.actual else "-",
        t(f"term_{d.state}", lang),
    ]


def _md_terms(terms: list[Deadline], lang: str) -> list[str]:
    rows = ["| " + " | ".join(t(k, lang) for k in TERM_HEAD) + " |", "|---" * len(TERM_HEAD) + "|"]
    rows += ["| " + " | ".join(term_cells(d, lang)) + " |" for d in terms]
    return rows


def as_markdown(notice: Notice) -> str:
    lang = notice.lang
    title = t("notice_title" if notice.blocking else "notice_checked_title", lang)
    out = [f"## {title}", ""]
    out.append(f"**{t('notice_date', lang)}:** {notice.day.isoformat()}  ")
    if notice.pull_request is not None:
        out.append(f"**{t('notice_pr', lang)}:** #{notice.pull_request}  ")
    out.append(f"**{t('notice_basis', lang)}:** {t('notice_basis_text', lang)}")
    out.append("")
    if notice.blocking:
        out += [t("notice_found", lang, count=notice.count), ""]
        out += [t("notice_rereview", lang, date=notice.day, due=notice.rereview_due), ""]
    if notice.uncommitted:
        out += [f"> {t('notice_uncommitted', lang)}", ""]
    if notice.general:
        out += [f"### {t('notice_whole', lang)}", ""]
        out += [f"{n}. {_md_finding(f, lang)}" for n, f in enumerate(notice.general, 1)]
        out.append("")
    if not notice.applications and not notice.blocking:
        out += [t("notice_not_application", lang), ""]
    for app in notice.applications:
        out += _md_application(app, lang)
    return "\n".join(out).rstrip() + "\n"


def _md_application(app: Application, lang: str) -> list[str]:
    model = app.model
    name = local_text(model.name, lang) if model else ""
    out = [f"### {md(name) or md_code(app.system)} ({md_code(app.system)})", ""]
    if model is not None:
        owner = model.owner
        applicant = f"{md(local_text(owner.name, lang))}, {t('notice_bin', lang)} {owner.bin}"
        out.append(f"**{t('notice_to', lang)}:** {applicant}  ")
        reference = md(model.application.reference)
        submitted = model.application.submitted.isoformat()
        out.append(
            f"**{t('application', lang)}:** {reference}, {t('submitted', lang)} {submitted}  "
        )
    if app.body is not None:
        body = md(local_text(app.body.authority.name, lang))
        out.append(f"**{t('notice_from', lang)}:** {body}  ")
        reviewers = ", ".join(f"`{r}`" for r in app.body.reviewers)
        out.append(f"**{t('notice_reviewers', lang)}:** {reviewers}")
    out.append("")
    if app.problems:
        out += [f"#### {t('notice_problems', lang)}", ""]
        out += [f"{n}. {_md_finding(f, lang)}" for n, f in enumerate(app.problems, 1)]
        out.append("")
    elif model is not None:
        out.append(t("notice_complete", lang))
        if model.decision is None:
            out.append(t("notice_awaiting", lang))
        else:
            decided = model.decision
            out.append(
                t("notice_decided", lang, date=decided.date, reference=md(decided.reference))
            )
        out.append("")
    if app.advice:
        out += [f"#### {t('notice_advice', lang)}", ""]
        out += [f"- {_md_finding(f, lang)}" for f in app.advice]
        out.append("")
    if app.terms:
        out += [f"#### {t('notice_terms', lang)}", "", *_md_terms(app.terms, lang), ""]
    return out


# --- HTML ------------------------------------------------------------------------------------


@cache
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("trustlist", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def as_html(notice: Notice) -> str:
    lang = notice.lang
    return (
        _environment()
        .get_template("notice.html")
        .render(
            notice=notice,
            lang=lang,
            t=lambda key, **values: t(key, lang, **values),
            text=lambda value: local_text(value, lang),
            head=[t(key, lang) for key in TERM_HEAD],
            cells=lambda d: term_cells(d, lang),
        )
    )
