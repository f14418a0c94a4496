"""notice step, printed: the notice of inconsistencies as a PDF to sign, file or send.

The same document as notice.py's Markdown and HTML, laid out on A4 with fpdf2 and the
DejaVu fonts kept in tools/fonts/ (Kazakh and Russian letters; nothing fetched). Reproducible:
the PDF is dated by the notice's own date, never the clock, so the same notice gives the
same bytes.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from .decisions import KZ_TIME
from .i18n import t
from .notice import TERM_HEAD, Application, Notice, local_text, term_cells

FONTS = Path(__file__).resolve().parents[3] / "tools" / "fonts"
LINE = 5.0  # mm


def as_pdf(notice: Notice) -> bytes:
    from fpdf import FPDF  # here, not at the top: only a printed notice needs it

    lang = notice.lang
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    title = t("notice_title" if notice.blocking else "notice_checked_title", lang)
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_creator("trustlist notice")
    pdf.set_producer("trustlist notice (fpdf2)")
    pdf.set_creation_date(datetime.combine(notice.day, time(9, 0), KZ_TIME))
    pdf.add_page()

    def heading(text: str, size: float = 12) -> None:
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, LINE + 1, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def field(label: str, value: str) -> None:
        pdf.set_font("DejaVu", "B", 10)
        pdf.write(LINE, f"{label}: ")
        pdf.set_font("DejaVu", "", 10)
        pdf.write(LINE, value)
        pdf.ln(LINE + 1)

    def paragraph(text: str) -> None:
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, LINE, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)

    heading(title, 15)
    field(t("notice_date", lang), notice.day.isoformat())
    if notice.pull_request is not None:
        field(t("notice_pr", lang), f"#{notice.pull_request}")
    field(t("notice_basis", lang), t("notice_basis_text", lang))
    pdf.ln(1)
    if notice.blocking:
        paragraph(t("notice_found", lang, count=notice.count))
        paragraph(t("notice_rereview", lang, date=notice.day, due=notice.rereview_due))
    if notice.uncommitted:
        paragraph(t("notice_uncommitted", lang))
    if notice.general:
        heading(t("notice_whole", lang))
        for number, finding in enumerate(notice.general, 1):
            paragraph(f"{number}. {_finding(finding, lang)}")
    if not notice.applications and not notice.blocking:
        paragraph(t("notice_not_application", lang))
    for app in notice.applications:
        _application(app, lang, heading, field, paragraph, pdf)
    return bytes(pdf.output())


def _finding(f, lang: str) -> str:
    where = f.path + (f", {t('notice_line', lang, line=f.line)}" if f.line else "")
    field = f", {t('notice_field', lang)} {f.json_path}" if f.json_path else ""
    return f"{where}{field} ({t('notice_rule', lang)} {f.code}): {f.text(lang)}"


def _application(app: Application, lang: str, heading, field, paragraph, pdf) -> None:
    model = app.model
    heading(f"{local_text(model.name, lang) if model else app.system} ({app.system})")
    if model is not None:
        owner = model.owner
        field(
            t("notice_to", lang),
            f"{local_text(owner.name, lang)}, {t('notice_bin', lang)} {owner.bin}",
        )
        application = model.application
        field(
            t("application", lang),
            f"{application.reference}, {t('submitted', lang)} {application.submitted}",
        )
    if app.body is not None:
        field(t("notice_from", lang), local_text(app.body.authority.name, lang))
    if app.problems:
        heading(t("notice_problems", lang), 11)
        for number, finding in enumerate(app.problems, 1):
            paragraph(f"{number}. {_finding(finding, lang)}")
    elif model is not None:
        decision = model.decision
        after = (
            t("notice_decided", lang, date=decision.date, reference=decision.reference)
            if decision
            else t("notice_awaiting", lang)
        )
        paragraph(f"{t('notice_complete', lang)} {after}")
    if app.advice:
        heading(t("notice_advice", lang), 11)
        for finding in app.advice:
            paragraph(f"- {_finding(finding, lang)}")
    if app.terms:
        heading(t("notice_terms", lang), 11)
        pdf.set_font("DejaVu", "", 9)
        with pdf.table(col_widths=(34, 26, 20, 26, 26, 38), text_align="LEFT") as table:
            table.row([t(key, lang) for key in TERM_HEAD])
            for d in app.terms:
                table.row(term_cells(d, lang))
        pdf.ln(2)
