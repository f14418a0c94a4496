"""Real PDF bytes for the pdfcheck tests: made with fpdf2 and pypdf, or written out by hand.

Hand-written files let a test put an object exactly where an attacker would (an action in a
cycle, an object the cross-reference table does not list) that the libraries would not write.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from io import BytesIO

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

# Objects 1-3 of every hand-written file: a catalog, its page tree and one empty page.
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def clean_pdf(text: str = "Audit report", link: str | None = None) -> bytes:
    """A one-page text PDF as an applicant's tools would make it; `link` adds a web link."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text, link=link or "")
    return bytes(pdf.output())


def rewrite(data: bytes, change: Callable[[PdfWriter], object]) -> bytes:
    """Copy `data` through a pypdf PdfWriter, letting `change(writer)` add something first."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    change(writer)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def raw_pdf(
    *objects: bytes,
    catalog: bytes = CATALOG,
    page: bytes = PAGE,
    unlisted: tuple[bytes, ...] = (),
    trailer: bytes = b"",
) -> bytes:
    """A PDF written byte by byte: objects 1-3 are catalog, pages and page, then `objects`
    numbered from 4. `unlisted` objects follow, numbered on, but are left out of the
    cross-reference table, as an attacker hiding them from a careful reader would do."""
    bodies = [catalog, PAGES, page, *objects, *unlisted]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    listed = offsets[: len(bodies) - len(unlisted)]
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(listed) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in listed)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(listed) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def incremental_update(data: bytes, number: int, body: bytes) -> bytes:
    """Append a revision that replaces object `number` of a `raw_pdf`, as editors save: the
    old object stays in the bytes, and only the new cross-reference section points past it."""
    previous = int(data.rsplit(b"startxref\n", 1)[1].split()[0])
    size = int(data.rsplit(b"/Size ", 1)[1].split()[0])
    offset = len(data)
    out = data + b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n%d 1\n%010d 00000 n \n" % (number, offset)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Prev %d >>\n" % (size, previous)
    return out + b"startxref\n%d\n%%%%EOF\n" % xref


def stream(body: bytes, extra: bytes = b"") -> bytes:
    """An uncompressed stream object body with a correct /Length."""
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(body), extra, body)


def object_stream(members: dict[int, bytes]) -> bytes:
    """A Flate-compressed object stream (/Type /ObjStm) holding `members` by number."""
    header, body = b"", b""
    for number, member in members.items():
        header += b"%d %d " % (number, len(body))
        body += member + b"\n"
    packed = zlib.compress(header + body)
    extra = b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode " % (len(members), len(header))
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(packed), extra, packed)


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def zip_archive() -> bytes:
    """A real ZIP archive (what a renamed .docx looks like) holding a PDF."""

    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("report.pdf", clean_pdf())
    return out.getvalue()


def uri_action(url: bytes = b"https://evil.example/track") -> bytes:
    """An action that opens a web address: allowed behind a link, never run by itself."""
    return b"<< /Type /Action /S /URI /URI (%s) >>" % url


def opening(action: bytes, *objects: bytes) -> bytes:
    """A hand-written one-page PDF that runs `action` (object 4) by itself when opened, with
    `objects` numbered from 5."""
    catalog = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"
    return raw_pdf(action, *objects, catalog=catalog)


def page_actions(actions: bytes, *objects: bytes) -> bytes:
    """A hand-written one-page PDF whose page carries the additional actions `actions` (a
    dictionary: /O when the page opens, /C when it closes), with `objects` numbered from 4."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA %s >>" % actions
    return raw_pdf(*objects, page=page)


JS_ACTION = b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"


def with_catalog(extra: bytes, *objects: bytes) -> bytes:
    """A hand-written one-page PDF whose catalog carries `extra` (objects number from 4)."""
    return raw_pdf(*objects, catalog=b"<< /Type /Catalog /Pages 2 0 R " + extra + b" >>")


DISGUISED = [  # (bytes that are not a PDF, what they are): each is PDF001 and nothing else
    (PNG, "PNG image"),
    (zip_archive(), "ZIP archive"),
    (b"<!DOCTYPE html><html><body>report</body></html>", "HTML"),
    (b"MZ\x90\x00" + bytes(60), "Windows program"),
    (b"", "empty"),
    (b"\n%PDF-1.7\n" + clean_pdf()[9:], "not at byte 0"),
]
