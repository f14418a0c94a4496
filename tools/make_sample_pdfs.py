"""Regenerate the sample registry's PDF documents and their hashes, byte for byte.

Every demonstration system.yaml under registry/ lists its documents. This tool builds each
one as a one-page A4 PDF (fpdf2, the vendored DejaVu fonts in tools/fonts/) from the record,
writes the public ones beside the record, and rewrites the `sha256:` and `size:` values in
the record in place: comments, key order and everything else in the file are kept.

A non-public document is built in memory only, to give the record a real hash and size of
"the original": its file never enters the repository.

The output is reproducible: fixed creation dates (each document's own date), a fixed
producer, and a file /ID derived from the content. Records without `demonstration: true`
are never touched.

    python tools/make_sample_pdfs.py            write the PDFs and hashes (make pdfs)
    python tools/make_sample_pdfs.py --check    exit 1 if a PDF, hash or size differs
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import yaml
from fontTools import subset
from fontTools.ttLib import TTFont
from fpdf import FPDF

TOOLS = Path(__file__).resolve().parent
REGISTRY = TOOLS.parent / "registry"
FONTS = TOOLS / "fonts"
ASTANA = timezone(timedelta(hours=5))  # Kazakhstan's single time zone since 1 March 2024
PRODUCER = "trustlist tools/make_sample_pdfs.py (fpdf2)"
LANGS = ("kk", "ru", "en")


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as the strings written (as the registry loader does)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_record(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


# --------------------------------------------------------------------------- wording

MARKING = (
    "ДЕМОНСТРАЦИЯЛЫҚ ҚҰЖАТ — деректер ойдан шығарылған",
    "ДЕМОНСТРАЦИЯ — данные вымышлены",
    "DEMONSTRATION — fictional data",
)
FOOTER = {
    "kk": "Бұл құжат trustlist үлгі тізілімі үшін жасалған: барлық ұйымдар, нөмірлер мен "
    "күндер ойдан шығарылған, құжаттың заңдық күші жоқ.",
    "ru": "Документ создан для образца реестра trustlist: все организации, номера и даты "
    "вымышлены, юридической силы документ не имеет.",
    "en": "Made for the trustlist sample registry: all organisations, numbers and dates are "
    "fictional; the document has no legal force.",
}
LABELS = {
    "system": {"kk": "Жүйе", "ru": "Система", "en": "System"},
    "applicant": {"kk": "Өтініш беруші", "ru": "Заявитель", "en": "Applicant"},
    "bin": {"kk": "БСН", "ru": "БИН", "en": "BIN"},
    "owner": {"kk": "меншік иесі", "ru": "собственник", "en": "owner"},
    "possessor": {"kk": "иеленуші", "ru": "владелец", "en": "possessor"},
    "sector": {"kk": "Сала", "ru": "Сфера", "en": "Sector"},
    "authority": {"kk": "Тізбені жүргізетін орган", "ru": "Перечень ведёт", "en": "List kept by"},
    "app_ref": {"kk": "Өтініш нөмірі", "ru": "Номер заявления", "en": "Application no."},
    "submitted": {"kk": "Берілген күні", "ru": "Дата подачи", "en": "Submitted"},
    "resubmitted": {
        "kk": "Қайта берілген күні",
        "ru": "Дата повторной подачи",
        "en": "Resubmitted",
    },
    "cert_no": {"kk": "Куәлік нөмірі", "ru": "Номер свидетельства", "en": "Certificate no."},
    "cert_date": {
        "kk": "Тізілімге енгізілген күні",
        "ru": "Дата внесения в реестр",
        "en": "Entered in the register",
    },
    "agr_no": {"kk": "Шарт нөмірі", "ru": "Номер договора", "en": "Agreement no."},
    "agr_date": {"kk": "Жасалған күні", "ru": "Дата заключения", "en": "Concluded"},
    "auditor": {"kk": "Аудитор", "ru": "Аудитор", "en": "Auditor"},
    "report_date": {"kk": "Есеп күні", "ru": "Дата отчёта", "en": "Report date"},
    "conclusion": {"kk": "Қорытынды", "ru": "Заключение", "en": "Conclusion"},
    "positive": {"kk": "оң", "ru": "положительное", "en": "positive"},
    "negative": {"kk": "теріс", "ru": "отрицательное", "en": "negative"},
    "valid_until": {"kk": "Жарамдылық мерзімі", "ru": "Действительно до", "en": "Valid until"},
    "purpose": {"kk": "Мақсаты", "ru": "Назначение", "en": "Purpose"},
    "methods": {"kk": "Әдістері", "ru": "Методы", "en": "Methods"},
    "limitations": {"kk": "Шектеулері", "ru": "Ограничения", "en": "Limitations"},
}
STATEMENTS = {
    "application": {
        "kk": "Өтініш беруші жүйені жоғары тәуекел дәрежесіндегі сенімді жасанды интеллект "
        "жүйелерінің тізбесіне енгізуді сұрайды.",
        "ru": "Заявитель просит включить систему в перечень доверенных систем искусственного "
        "интеллекта высокой степени риска.",
        "en": "The applicant asks for the system to be included in the list of trusted "
        "high-risk AI systems.",
    },
    "copyright_certificate": {
        "kk": "Жүйе туралы мәліметтер авторлық құқықпен қорғалатын объектілерге құқықтардың "
        "мемлекеттік тізіліміне енгізілді.",
        "ru": "Сведения о системе внесены в государственный реестр прав на объекты, "
        "охраняемые авторским правом.",
        "en": "The system is entered in the State Register of Rights to objects protected "
        "by copyright.",
    },
    "copyright_agreement": {
        "kk": "Шарт өтініш берушінің жүйеге қатысты құқықтарын растайды.",
        "ru": "Договор подтверждает права заявителя на систему.",
        "en": "The agreement confirms the applicant's rights to the system.",
    },
    "audit_report": {
        "kk": "Аудит нәтижесі бойынша жүйенің талаптарға сәйкестігі туралы қорытынды берілді.",
        "ru": "По итогам аудита дано заключение о соответствии системы требованиям.",
        "en": "The audit gives its conclusion on the system's conformity with the requirements.",
    },
    "other": {
        "kk": "Құжат алгоритмнің мақсатын, әдістерін және шектеулерін сипаттайды.",
        "ru": "Документ описывает назначение, методы и ограничения алгоритма.",
        "en": "The document describes the algorithm's purpose, methods and limitations.",
    },
}


def _text(value: dict | None, lang: str) -> str | None:
    return value.get(lang) if isinstance(value, dict) else None


def _fields(record: dict, sector: dict, kind: str, lang: str) -> list[tuple[str, str]]:
    """The (label, value) lines of one language block; empty when the record lacks `lang`."""

    def label(key: str) -> str:
        return LABELS[key][lang]

    owner = record["owner"]
    name, owner_name = _text(record["name"], lang), _text(owner["name"], lang)
    if name is None or owner_name is None:
        return []
    role = label(owner["role"])
    lines = [
        (label("system"), name),
        (label("applicant"), f"{owner_name} ({label('bin')} {owner['bin']}, {role})"),
    ]
    sector_name = _text(sector.get("name"), lang)
    authority = _text(sector.get("authority", {}).get("name"), lang)
    if sector_name and authority:
        lines.append((label("sector"), sector_name))
        lines.append((label("authority"), authority))
    application, copyright_, audit = record["application"], record["copyright"], record["audit"]
    if kind == "application":
        lines.append((label("app_ref"), application["reference"]))
        lines.append((label("submitted"), application["submitted"]))
        resubmitted = [
            r["resubmitted"] for r in application.get("returns", []) if "resubmitted" in r
        ]
        if resubmitted:
            lines.append((label("resubmitted"), resubmitted[-1]))
    elif kind == "copyright_certificate":
        lines.append((label("cert_no"), copyright_["number"]))
        lines.append((label("cert_date"), copyright_["date"]))
    elif kind == "copyright_agreement":
        lines.append((label("agr_no"), copyright_["number"]))
        lines.append((label("agr_date"), copyright_["date"]))
    elif kind == "audit_report":
        auditor = _text(audit["auditor"]["name"], lang) or audit["auditor"]["name"]["ru"]
        lines.append((label("auditor"), f"{auditor} ({label('bin')} {audit['auditor']['bin']})"))
        lines.append((label("app_ref"), application["reference"]))
        lines.append((label("report_date"), audit["report_date"]))
        lines.append((label("conclusion"), label(audit["conclusion"])))
        lines.append((label("valid_until"), audit["valid_until"]))
    else:
        for key in ("purpose", "methods", "limitations"):
            text = _text(record["description"][key], lang)
            if text:
                lines.append((label(key), text))
    return lines


def _created(record: dict, kind: str) -> datetime:
    """The document's own date, 10:00 Astana time: fixed, so the output is reproducible."""
    if kind in ("copyright_certificate", "copyright_agreement"):
        day = record["copyright"]["date"]
    elif kind == "audit_report":
        day = record["audit"]["report_date"]
    else:
        day = record["application"]["submitted"]
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), ASTANA).replace(hour=10)


# --------------------------------------------------------------------------- the PDF

FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
# The characters the documents may use: Latin, Cyrillic with the Kazakh letters, punctuation,
# currency and letterlike symbols (№). Fixed, so that editing one record never changes the
# fonts, hence the bytes, of the other documents.
UNICODES = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x250),
    *range(0x400, 0x530),
    *range(0x2000, 0x2070),
    *range(0x20A0, 0x20C1),
    *range(0x2100, 0x2150),
]


@contextmanager
def unhinted_fonts() -> Iterator[dict[str, Path]]:
    """The vendored fonts cut to UNICODES and without TrueType hinting, in a temporary folder.

    Hinting only helps screens at small pixel sizes and is a third of each embedded subset:
    dropping it keeps every PDF near 22 KB instead of 35 KB, and the smaller fonts load faster.
    The timestamps in the fonts are kept, so every run gives the same bytes.
    """
    with tempfile.TemporaryDirectory(prefix="trustlist-fonts-") as tmp:
        paths = {}
        for style, name in FONT_FILES.items():
            font = TTFont(FONTS / name, recalcTimestamp=False)
            options = subset.Options()
            options.hinting = False
            options.notdef_outline = True
            options.name_IDs = ["*"]
            options.layout_features = ["*"]
            options.drop_tables = [*options.drop_tables, "FFTM"]
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=UNICODES)
            subsetter.subset(font)
            paths[style] = Path(tmp) / name
            font.save(paths[style])
        yield paths


def build_pdf(record: dict, sector: dict, document: dict, fonts: dict[str, Path]) -> bytes:
    """One page of A4 describing `document` of `record`, in its languages."""
    kind = document["kind"]
    langs = [lang for lang in LANGS if lang in document.get("languages", LANGS)]
    # fpdf2's default file /ID is an MD5 of the content and the creation date: reproducible.
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(18, 16, 18)
    for style, path in fonts.items():
        pdf.add_font("DejaVu", style, path)
    title = document["title"]
    pdf.set_title(title.get("en") or title["ru"])
    pdf.set_subject(" / ".join(MARKING))
    pdf.set_author("trustlist sample registry (fictional)")
    pdf.set_keywords("demonstration, fictional, trustlist")
    pdf.set_creator(PRODUCER)
    pdf.set_producer(PRODUCER)
    pdf.set_lang("kk")
    pdf.set_creation_date(_created(record, kind))
    pdf.add_page()

    # A large pale watermark under everything else.
    pdf.set_font("DejaVu", "B", 72)
    pdf.set_text_color(238, 238, 238)
    centre_x, centre_y, word = pdf.w / 2, pdf.h / 2, "ДЕМО · DEMO"
    with pdf.rotation(55, x=centre_x, y=centre_y):
        pdf.text(centre_x - pdf.get_string_width(word) / 2, centre_y + 9, word)

    # The demonstration band.
    pdf.set_fill_color(255, 236, 204)
    pdf.set_draw_color(204, 102, 0)
    pdf.set_text_color(153, 51, 0)
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(0, 5.2, "\n".join(MARKING), border=1, align="C", fill=True, padding=2)
    pdf.ln(5)

    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 12.5)
    for lang in LANGS:
        if lang in title:
            pdf.multi_cell(0, 6, title[lang], align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_draw_color(120, 120, 120)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(3)

    for lang in langs:
        fields = _fields(record, sector, kind, lang)
        if not fields:
            continue
        pdf.set_font("DejaVu", "B", 9.5)
        pdf.multi_cell(0, 5, STATEMENTS[kind][lang], align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.5)
        for label, value in fields:
            pdf.set_font("DejaVu", "B", 9)
            pdf.write(4.6, f"{label}: ")
            pdf.set_font("DejaVu", "", 9)
            pdf.write(4.6, str(value))
            pdf.ln(5)
        pdf.ln(3)

    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_text_color(90, 90, 90)
    footer = [FOOTER[lang] for lang in LANGS if lang != "en" or "en" in langs]
    footer.append(f"{record['sector']}/{record['id']}/{document['file']}")
    height = 3.8 * (len(footer) + 2) + 2
    if pdf.get_y() > pdf.h - 12 - height:
        raise ValueError(f"{record['id']}/{document['file']}: the text does not fit on one page")
    pdf.set_y(pdf.h - 12 - height)
    pdf.multi_cell(0, 3.8, "\n".join(footer), align="L", new_x="LMARGIN", new_y="NEXT")
    if pdf.pages_count != 1:
        raise ValueError(f"{record['id']}/{document['file']}: more than one page")
    data = bytes(pdf.output())
    missing = sorted({chr(c) for font in pdf.fonts.values() for c in font.missing_glyphs})
    if missing:
        raise ValueError(f"{record['id']}: characters outside the fonts' UNICODES: {missing}")
    return data


# --------------------------------------------------------------------------- the records


def _scalar_spans(text: str) -> list[dict[str, tuple[int, int]]]:
    """For each item of `documents`, the character spans of its sha256 and size values."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    spans: list[dict[str, tuple[int, int]]] = []
    if not isinstance(root, yaml.MappingNode):
        return spans
    for key, value in root.value:
        if key.value == "documents" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                found: dict[str, tuple[int, int]] = {}
                if isinstance(item, yaml.MappingNode):
                    for k, v in item.value:
                        if k.value in ("sha256", "size") and isinstance(v, yaml.ScalarNode):
                            found[k.value] = (v.start_mark.index, v.end_mark.index)
                spans.append(found)
    return spans


def _hash_text(digest: str) -> str:
    # A digest of digits only would read as a number: quote it then (practically never).
    return digest if re.search("[a-f]", digest) else f'"{digest}"'


def rewrite_hashes(text: str, values: dict[int, tuple[str, int]]) -> str:
    """`text` with the sha256/size of the documents at the given indexes replaced."""
    spans = _scalar_spans(text)
    edits: list[tuple[int, int, str]] = []
    for index, (digest, size) in values.items():
        found = spans[index]
        if "sha256" not in found or "size" not in found:
            raise ValueError(f"document {index + 1} has no sha256 or size line to rewrite")
        edits.append((*found["sha256"], _hash_text(digest)))
        edits.append((*found["size"], str(size)))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


@dataclass
class Outcome:
    problems: list[str]
    written: list[str]


def process(registry: Path, *, check: bool) -> Outcome:
    outcome = Outcome([], [])
    with unhinted_fonts() as fonts:
        for sector_file in sorted(registry.glob("*/sector.yaml")):
            sector = load_record(sector_file)
            for record_file in sorted(sector_file.parent.glob("*/system.yaml")):
                _process_record(record_file, sector, fonts, check=check, outcome=outcome)
    return outcome


def _process_record(
    record_file: Path, sector: dict, fonts: dict[str, Path], *, check: bool, outcome: Outcome
) -> None:
    record = load_record(record_file)
    if record.get("demonstration") is not True:
        return  # a real record: its documents are the applicant's, never generated here
    folder = record_file.parent
    shown = record_file.relative_to(record_file.parents[2]).parent.as_posix()
    updates: dict[int, tuple[str, int]] = {}
    for index, document in enumerate(record.get("documents") or []):
        data = build_pdf(record, sector, document, fonts)
        digest, size = hashlib.sha256(data).hexdigest(), len(data)
        path = folder / document["file"]
        where = f"{shown}/{document['file']}"
        if document.get("public") is True:
            current = path.read_bytes() if path.is_file() else None
            if current != data:
                if check:
                    state = "is missing" if current is None else "differs from the generated PDF"
                    outcome.problems.append(f"{where} {state}")
                else:
                    path.write_bytes(data)
                    outcome.written.append(where)
        elif path.exists():
            outcome.problems.append(f"{where} is not public and must not be in the repository")
        if document.get("sha256") != digest or document.get("size") != size:
            if check:
                outcome.problems.append(
                    f"{shown}/system.yaml: documents[{index}] should have sha256 {digest}"
                    f" and size {size}"
                )
            updates[index] = (digest, size)
    if updates and not check:
        text = record_file.read_text(encoding="utf-8")
        record_file.write_text(rewrite_hashes(text, updates), encoding="utf-8")
        outcome.written.append(f"{shown}/system.yaml")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 on any difference"
    )
    parser.add_argument(
        "--registry", type=Path, default=REGISTRY, help="registry folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    outcome = process(args.registry, check=args.check)
    for line in outcome.written:
        print(f"wrote {line}")
    for line in outcome.problems:
        print(line, file=sys.stderr)
    if args.check and outcome.problems:
        print("run `make pdfs` (python tools/make_sample_pdfs.py) to regenerate", file=sys.stderr)
    return 1 if outcome.problems else 0


if __name__ == "__main__":
    sys.exit(main())
