"""listpdf step: each revision of a sector's list as a dated PDF, signed where a key is given.

The Order has every revised list published; this is that list as a document a body can put
on its own site, print or file (issue 26), in Kazakh, Russian or English: the body, the
list's title, the revision's number and date, every entry (list number, name, owner and BIN,
status with date and reason, the SHA-256 of each document) and the changes since the last
revision, said as the history pages say them (wording.py). Made from the history the site's
revision lists are made from (`publish.revision_lists`: a running list, `history.apply`),
laid out on A4 with fpdf2 and the DejaVu fonts of tools/fonts (noticepdf.py), nothing
fetched. Reproducible: dated by the revision's commit, never the clock, so the same revision
gives the same bytes.

A PAdES signature is added to the finished bytes, and checked, by pdfsign.py.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.decisions import KZ_TIME
from ..core.history import History, Revision, apply
from ..core.i18n import MESSAGES, t
from ..core.models import LANGUAGES, Sector
from .outputs import REVISION_PDF, REVISION_PDF_CHANGES, Published, revision_pdf
from .pages import STATE_ORDER, revision_json, revision_time
from .pdfsign import sign_with
from .wording import describe

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

    from .pages import Site

LINE = 4.6  # mm, at 9 pt
DIGEST_LINE = 3.8  # mm, a document's SHA-256 in Courier 8 pt

# What a list is written in: Latin, Greek and Cyrillic (Kazakh's letters are in Cyrillic and
# its supplement), punctuation, currency, letterlike symbols (№), arrows and mathematical
# signs. The fonts are cut to these once per process: fpdf2 reads a whole font file for each
# document and subsets it again when the document is written, and DejaVu Sans covers many
# more scripts (0.35 s of a short list's 0.45 s went to that; cut, 0.1 s).
SCRIPTS = (
    (0x20, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF), (0x2000, 0x206F),
    (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0xFFFD, 0xFFFD),
)  # fmt: skip
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


@dataclass(frozen=True)
class Body:
    """What a list's PDF says of its sector and body: its sector.yaml, as of the revision
    where it is known (`trustlist list-pdf` reads it at the revision's commit)."""

    sector: str
    names: dict[str, str]  # lang -> the sector's name
    authority: dict[str, str]  # lang -> the body's name
    website: str = ""
    demonstration: bool = False

    @classmethod
    def of(cls, sector: str, data: object) -> Body:
        """From a sector.yaml's data as it stands (any version: read leniently)."""
        data = data if isinstance(data, dict) else {}
        authority = _part(data, "authority")
        name, body = _part(data, "name"), _part(authority, "name")
        return cls(
            sector,
            {lang: str(name[lang]) for lang in LANGUAGES if name.get(lang)},
            {lang: str(body[lang]) for lang in LANGUAGES if body.get(lang)},
            str(authority.get("website") or ""),
            data.get("demonstration") is True,
        )

    @classmethod
    def of_sector(cls, sector: Sector) -> Body:
        return cls.of(sector.id, sector.model_dump(mode="json"))


def bodies_as_of(history: History, sector: str, now: dict | None) -> dict[int, Body]:
    """The sector's body as each revision of its list issued it (revision number -> Body),
    from its sector.yaml as it is `now` (data): every change to that file since a revision,
    which history says field by field (sector_changed: the old and new value), undone, the
    latest first. So an old revision's PDF names the body it had then, not the one renamed
    since; git is not asked again."""
    data = _plain(now) if isinstance(now, dict) else {}
    bodies = {}
    for revision in reversed(history.revisions.get(sector, [])):
        bodies[revision.number] = Body.of(sector, data)
        for event in reversed(revision.events):
            if event.kind == "sector_changed" and event.field and "[" not in event.field:
                _put(data, event.field.split("."), event.old)
    return bodies


def _plain(value: object) -> object:
    """A copy of JSON-like data, to be changed without touching the original."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _put(data: dict, keys: list[str], value: object) -> None:
    """`data` with the field at `keys` set to `value`, or removed where `value` is None (a
    field the file did not have yet)."""
    for key in keys[:-1]:
        inner = data.get(key)
        if not isinstance(inner, dict):
            if value is None:
                return
            inner = data[key] = {}
        data = inner
    if value is None:
        data.pop(keys[-1], None)
    else:
        data[keys[-1]] = value


def listed_records(history: History, listed: dict[str, str]) -> list[tuple[str, dict]]:
    """A revision's list (system -> blob) as (system, record), in list order: listed, then
    suspended, then excluded, each by list number (as `Site.systems`)."""
    rows = [(system, history.records[blob]) for system, blob in listed.items()]
    return sorted(rows, key=lambda row: (*_order(row[1]), row[0]))


def _order(record: dict) -> tuple[int, int]:
    number = record.get("list_number")
    state = STATE_ORDER.get(_status(record).get("state"), len(STATE_ORDER))
    return state, number if isinstance(number, int) else 0


def _status(record: dict) -> dict:
    return _part(record, "status")


def _text(value: object, lang: str) -> str:
    """A record's text in `lang`: the Russian, said to be Russian, where it has none (as
    pages.pick)."""
    if not isinstance(value, dict):
        return "—" if value is None else str(value)
    if value.get(lang):
        return str(value[lang])
    if value.get("ru"):
        return f"{value['ru']} ({t('shown_in_russian', lang)})"
    return str(value.get("kk") or "—")


def grouped(digest: str, size: int = 8) -> str:
    """A SHA-256 in groups of eight, so a reader can compare it by eye and lines wrap."""
    return " ".join(digest[at : at + size] for at in range(0, len(digest), size))


def list_pdf(
    body: Body,
    revision: Revision,
    records: list[tuple[str, dict]],
    lang: str,
    full_list: str | None = None,
) -> bytes:
    """The revision's list in `lang` as PDF bytes. `records` is the list as of the revision
    (`listed_records`); with `full_list` (the URL of the revision's JSON), the PDF gives the
    counts and the changes only, and says where the whole list is."""
    made = _list_pdf(body, revision, records, lang, full_list, _cut_fonts())
    if made is None:  # a character beyond the cut fonts: the whole fonts, as for any text
        from ..core.noticepdf import FONTS

        made = _list_pdf(body, revision, records, lang, full_list, FONTS, whole=True)
    return made


def _list_pdf(
    body: Body,
    revision: Revision,
    records: list[tuple[str, dict]],
    lang: str,
    full_list: str | None,
    fonts: Path,
    whole: bool = False,
) -> bytes | None:
    """`list_pdf` with the fonts of `fonts`; None when the text needs a glyph they lack
    (unless `whole`: the fonts as shipped)."""
    pdf = _document_class()(orientation="P", unit="mm", format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.c_margin = 0  # a wrapped line starts where the others do
    pdf.set_auto_page_break(auto=True, margin=16)
    regular, bold = FONT_FILES
    pdf.add_font("DejaVu", "", str(fonts / regular))
    pdf.add_font("DejaVu", "B", str(fonts / bold))
    name = body.names.get(lang) or body.sector
    title = t("listpdf_title", lang)
    dated = t("listpdf_revision", lang, number=revision.number, date=revision_time(revision))
    pdf.set_title(f"{title}: {name}, {dated}")
    pdf.set_subject(body.authority.get(lang) or body.sector)
    pdf.set_lang(lang)
    pdf.set_creator("trustlist list-pdf")
    pdf.set_producer("trustlist (fpdf2)")
    pdf.set_creation_date(datetime.fromtimestamp(revision.time, KZ_TIME))
    # Every page says which list and revision it is of, and how many pages there are.
    pdf.footer_text = f"{name} · {dated} · "
    pdf.page_text = t("listpdf_page", lang, pages=pdf.alias_nb_pages_text)
    pdf.add_page()
    sheet = _Sheet(pdf, lang)

    if body.demonstration:
        sheet.line(t("demo_banner", lang), "B")
        pdf.ln(1)
    sheet.line(title, "B", 14, 6.5)
    sheet.line(name, "B", 12, 6)
    pdf.ln(1)
    authority = body.authority.get(lang)
    if authority:
        website = f" ({body.website})" if body.website else ""
        sheet.field("listpdf_body", f"{authority}{website}")
    sheet.line(dated, "B", 11, 6)
    sheet.field("commit", revision.commit)
    sheet.field("notice_basis", t("notice_basis_text", lang))
    states = [_status(record).get("state") for _, record in records]
    sheet.field("status", t("listpdf_counts", lang, **{s: states.count(s) for s in STATE_ORDER}))
    pdf.ln(2)

    previous = revision.previous
    changes = (
        t("listpdf_changes", lang, previous=previous.number)
        if previous
        else t("listpdf_first", lang)
    )
    sheet.line(changes, "B", 11, 6)
    for event in revision.events:
        sheet.line(f"• {describe(event, lang)}")
    if not revision.events:
        sheet.line(t("listpdf_no_changes", lang))
    pdf.ln(2)

    if full_list is not None:
        sheet.line(t("listpdf_changes_only", lang, url=full_list))
    else:
        sheet.line(t("listpdf_entries", lang), "B", 11, 6)
        if not records:
            sheet.line(t("no_systems", lang))
        for system, record in records:
            sheet.entry(system, record)

    if not whole and any(getattr(font, "missing_glyphs", ()) for font in pdf.fonts.values()):
        return None
    return bytes(pdf.output())


@cache
def _cut_fonts() -> Path:
    """The fonts cut to `SCRIPTS`, in a folder of this process's (removed at exit): the same
    bytes every time, from the fonts of tools/fonts."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from ..core.noticepdf import FONTS

    folder = Path(tempfile.mkdtemp(prefix="trustlist-fonts-"))
    atexit.register(_remove, folder, os.getpid())
    options = subset.Options()
    options.layout_features, options.name_IDs = ["*"], ["*"]
    options.notdef_outline, options.glyph_names = True, True
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's timestamps
    unicodes = [code for first, last in SCRIPTS for code in range(first, last + 1)]
    for name in FONT_FILES:
        font = TTFont(FONTS / name, recalcTimestamp=False)
        cutter = subset.Subsetter(options)
        cutter.populate(unicodes=unicodes)
        cutter.subset(font)
        font.save(folder / name)
    return folder


def _remove(folder: Path, owner: int) -> None:
    if os.getpid() == owner:  # not a forked copy's exit: the folder is its parent's
        shutil.rmtree(folder, ignore_errors=True)


@cache
def _document_class() -> type:
    from fpdf import FPDF  # here, not at the top: only a printed list needs it

    class ListDocument(FPDF):
        footer_text = page_text = ""
        alias_nb_pages_text = "{nb}"  # fpdf2's default alias for the page count

        def footer(self) -> None:
            self.set_y(-11)
            self.set_font("DejaVu", "", 7)
            page = self.page_text.replace("{page}", str(self.page_no()))
            self.cell(0, 4, f"{self.footer_text}{page}", align="C")

    return ListDocument


class _Sheet:
    """The lines of a list's PDF, in its language. A line that fits is written as text at
    its place: fpdf2 breaks a multi_cell's text character by character, and lays out a
    cell's, which took 12 s and 1.6 s for a list of 1,000 entries."""

    def __init__(self, pdf, lang: str) -> None:
        self.pdf, self.lang = pdf, lang

    def _room(self, height: float) -> None:
        pdf = self.pdf
        if pdf.will_page_break(height):
            pdf.add_page()

    def _text(self, x: float, height: float, text: str) -> None:
        pdf = self.pdf
        # Where a cell of `height` puts its text's baseline.
        pdf.text(x, pdf.y + 0.5 * height + 0.3 * pdf.font_size, text)

    def line(
        self,
        text: str,
        style: str = "",
        size: float = 9,
        height: float = LINE,
        indent: float = 0,
        font: str = "DejaVu",
    ) -> None:
        pdf = self.pdf
        pdf.set_font(font, style, size)
        if pdf.get_string_width(text) < pdf.epw - indent:
            self._room(height)
            self._text(pdf.l_margin + indent, height, text)
            pdf.set_xy(pdf.l_margin, pdf.y + height)
        else:
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT", align="L")

    def field(self, label: str, value: str) -> None:
        """A labelled value: `label` is a key of i18n."""
        pdf = self.pdf
        label = f"{t(label, self.lang)}: "
        pdf.set_font("DejaVu", "B", 9)
        width = pdf.get_string_width(label)
        pdf.set_font("DejaVu", "", 9)
        if width + pdf.get_string_width(value) < pdf.epw:
            self._room(LINE)
            pdf.set_font("DejaVu", "B", 9)
            self._text(pdf.l_margin, LINE, label)
            pdf.set_font("DejaVu", "", 9)
            self._text(pdf.l_margin + width, LINE, value)
            pdf.set_xy(pdf.l_margin, pdf.y + LINE)
            return
        pdf.set_font("DejaVu", "B", 9)
        pdf.write(LINE, label)
        pdf.set_font("DejaVu", "", 9)
        pdf.write(LINE, value)
        pdf.ln(LINE)

    def entry(self, system: str, record: dict) -> None:
        """One entry of the list, kept on one page where it fits."""
        lang, pdf = self.lang, self.pdf
        documents = [d for d in record.get("documents") or [] if isinstance(d, dict)]
        self._room(6.5 + 4 * LINE + len(documents) * (LINE + DIGEST_LINE))
        pdf.ln(1.5)
        number = record.get("list_number")
        number = "—" if number is None else number
        self.line(f"№ {number}. {_text(record.get('name'), lang)} ({system})", "B", 10, 5)
        owner = _part(record, "owner")
        bin_ = f"{t('bin', lang)} {owner.get('bin', '—')}"
        self.field("owner", f"{_text(owner.get('name'), lang)}, {bin_}")
        self.field("status", _status_text(_status(record), lang))
        decision = _part(record, "decision")
        if decision:
            self.field("decision_date", f"{decision.get('date')}, {decision.get('reference')}")
        if documents:
            self.field("documents", "")
        for doc in documents:
            kind = _said(f"kind_{doc.get('kind')}", lang, doc.get("kind"))
            public = "" if doc.get("public", True) else f", {t('listpdf_not_public', lang)}"
            self.line(f"{doc.get('file', '—')} ({kind}{public})", size=8.5, indent=4)
            digest = f"SHA-256 {grouped(str(doc.get('sha256', '')))}"
            self.line(digest, size=8, height=DIGEST_LINE, indent=4, font="Courier")


def _part(record: dict, key: str) -> dict:
    value = record.get(key)
    return value if isinstance(value, dict) else {}


def _said(key: str, lang: str, value: object) -> str:
    """A record's value named in `lang`, or as it stands where i18n has no name for it."""
    return t(key, lang) if key in MESSAGES else str(value)


def _status_text(status: dict, lang: str) -> str:
    state = status.get("state")
    said = _said(f"status_{state}", lang, state)
    if status.get("since") is None and status.get("reason") is None:
        return said
    reason = _said(f"reason_{status.get('reason')}", lang, status.get("reason"))
    return t("listpdf_status_since", lang, status=said, date=status.get("since"), reason=reason)


def sector_lists(history: History, sector: str) -> Iterator[tuple[Revision, dict[str, str]]]:
    """Each revision of a sector's list with its list as it stood (system -> blob), oldest
    first: the running list `publish.revision_lists` keeps, made by `history.apply`."""
    listed: dict[str, str] = {}
    for revision in history.revisions.get(sector, []):
        listed = apply(listed, revision.changes)
        yield revision, listed


Remember = Callable[[tuple[object, ...], Callable[[], bytes]], bytes]


def revision_pdfs(
    site: Site,
    site_url: str = "/",
    *,
    latest: int | None = None,
    changes: bool = True,
    window: int | None = None,
    signer: SimpleSigner | None = None,
    remembered: Remember | None = None,
) -> Iterator[Published]:
    """Each revision's list as a PDF in each of the site's languages (publish.py writes
    them). What is needed from the models (each sector's body) is read now, before a forked
    writer would iterate: the iterator returned reads the history alone.

    `latest`: only each sector's latest `latest` revisions list every entry (None: all do);
    with `changes`, the older ones give their counts and changes and link their JSON list,
    without, they have no PDF. `window`: only each sector's latest `window` revisions have a
    PDF at all (None: every one). A full PDF of 1,000 entries is about 480 KB and takes
    0.6 s, and at national scale there are thousands of revisions (see tests/test_listpdf.py).
    Each revision names its body as its sector.yaml stood then (`bodies_as_of`).
    `signer` (`load_signer`): each PDF signed (PAdES), dated when signed, so not reproducible.
    `remembered` (speed/pdfcache.py): an unsigned PDF taken from an earlier build's, by what
    makes its bytes.
    """
    history = site.history
    if history is None:
        return iter(())
    now = {sector.id: sector.model_dump(mode="json") for sector in site.sectors()}
    bodies = {
        sector: bodies_as_of(history, sector, now.get(sector)) for sector in history.revisions
    }
    shown = (latest, changes, window)
    return _revision_pdfs(history, bodies, site.languages, site_url, shown, signer, remembered)


def _revision_pdfs(
    history: History,
    bodies: dict[str, dict[int, Body]],
    languages: tuple[str, ...],
    site_url: str,
    shown: tuple[int | None, bool, int | None],
    signer: SimpleSigner | None,
    remembered: Remember | None = None,
) -> Iterator[Published]:
    latest, changes, window = shown
    for sector in sorted(history.revisions):
        count = len(history.revisions[sector])
        first_full = 1 if latest is None else count - latest + 1
        first = 1 if window is None else count - window + 1
        for revision, listed in sector_lists(history, sector):
            whole = revision.number >= first_full
            if revision.number < first or not (whole or changes):
                continue
            records = listed_records(history, listed)
            body = bodies[sector][revision.number]
            link = None if whole else f"{site_url}{revision_json(sector, revision.number)}"
            for lang in languages:
                make = partial(list_pdf, body, revision, records, lang, link)
                if signer is not None:
                    pdf = sign_with(make(), signer)
                elif remembered is not None:
                    pdf = remembered(
                        (revision.commit, sector, revision.number, lang, link, body), make
                    )
                else:
                    pdf = make()
                uri = revision_pdf(sector, revision.number, lang)
                by = REVISION_PDF if whole else REVISION_PDF_CHANGES
                yield Published(uri, content=pdf, by=by)
