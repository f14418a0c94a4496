"""validate step: checks that a public document is a real, passive PDF."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from itertools import islice

from pypdf import PdfReader
from pypdf.errors import DependencyError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    PdfObject,
    StreamObject,
    read_object,
)

from .findings import Finding
from .messages.codes import MESSAGES as CODES

# The codes this module gives (their rules are in messages/codes.py, as every code's).
RULES: dict[str, str] = {code: texts[2] for code, texts in CODES.items() if code.startswith("PDF")}

# Bounds the work on hostile input; the caller has already capped the file at 25 MiB.
MAX_OBJECTS = 200_000
MAX_INFLATED = 100 * 1024 * 1024  # bytes of object streams this module decompresses itself

# Names that are dangerous as a dictionary key, and as a value anywhere (an /S action type,
# a /Type or /Subtype). pypdf decodes #xx escapes, so /J#61vaScript arrives as /JavaScript.
_KEYS = {
    "/JS": "PDF004",
    "/JavaScript": "PDF004",
    "/EmbeddedFiles": "PDF006",
    "/EF": "PDF006",
    "/XFA": "PDF006",
    "/RichMediaContent": "PDF006",
}
_VALUES = {
    "/JavaScript": "PDF004",
    "/Launch": "PDF005",
    "/SubmitForm": "PDF005",
    "/ImportData": "PDF005",
    "/GoToR": "PDF005",
    "/GoToE": "PDF005",
    "/EmbeddedFile": "PDF006",
    "/FileAttachment": "PDF006",
    "/RichMedia": "PDF006",
    "/RichMediaExecute": "PDF006",
}
# Each code's message in messages/files.py: '{name}' contains … ({found} {place}); …
_MESSAGES = {
    "PDF004": "pdf.javascript",
    "PDF005": "pdf.outside_action",
    "PDF006": "pdf.embedded",
    "PDF007": "pdf.automatic_action",
}
# Actions that run by themselves (PDF007): the document's /OpenAction, and the additional
# actions (/AA) of the catalog, a page, an annotation or a form field, which a viewer runs
# when a page opens or closes, the pointer enters a field, a key is typed, the document is
# printed or saved... A published document opens on its own first page and runs nothing:
# a web address (/URI) is allowed only behind a link the reader clicks, never opened by the
# document itself, and no automatic /Named action (/Print), sound, movie or form reset either.
# An /OpenAction that is a destination (an array: the page and zoom to open at, as fpdf2, Word
# and LibreOffice write it) is not an action and stays allowed, and so is a /GoTo action to
# one, which says the same thing in an action's words; each action an /OpenAction or /AA
# chains with /Next is judged as well. An action whose own type another rule refuses (a
# /JavaScript, /Launch, /SubmitForm...) is said by that rule alone: one problem, one finding.
_OPEN_ACTION, _ADDITIONAL_ACTIONS = "/OpenAction", "/AA"
_DESTINATION_ACTIONS = {"/GoTo"}  # allowed only as an /OpenAction (or in its /Next chain)
MAX_CHAIN = 256  # actions followed along one /Next chain; a longer chain is PDF007 itself
# Where a forbidden name was found: (place, object number, byte offset). The place names an
# entry pdf.place.<place> of messages/files.py, said inside the message, whose {num} and {byte}
# are filled by the values after it.
Where = tuple[str, int | None, int | None]
# "12 0 obj" anywhere in the bytes: how a repairing viewer finds objects the xref omits.
_OBJECT_HEADER = re.compile(rb"(?<![0-9])([0-9]{1,10})[\0\t\n\f\r ]+([0-9]{1,5})[\0\t\n\f\r ]+obj")
_WHITESPACE = re.compile(rb"[\0\t\n\f\r ]*")
# What a file that is not a PDF looks like: pdf.looks.<kind> in messages/files.py.
_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"MZ", "windows"),
    (b"\x7fELF", "linux"),
    (b"\xd0\xcf\x11\xe0", "old_office"),
    (b"{\\rtf", "rtf"),
)


class _TooComplex(Exception):
    """More objects, or more object-stream bytes, than the limits above allow."""


def check_pdf(data: bytes, path: str = "") -> list[Finding]:
    """Every problem of the document `data` (none: a real, passive PDF), each a finding at
    `path`, the whole file (line 0), whose message names the file by the last part of `path`.

    The verdict cache keeps the findings of bytes without a path ('' and named ''), and
    documents.py says them again at the record's line that lists the file.
    """
    if not data.startswith(b"%PDF-"):
        # Anything else is a disguised file; parsing it further would only add noise.
        problems = [_not_pdf(data)]
    else:
        with _quiet_pypdf():
            problems = _check_parsed(data)
    if not path:
        return problems
    name = path.rsplit("/", 1)[-1]
    return [
        Finding.said(path, 0, 0, p.code, p.key, **{**dict(p.values), "name": name})
        for p in problems
    ]


def _problem(code: str, key: str, **values: object) -> Finding:
    """A problem of the bytes, before check_pdf names the file: its message's entry begins
    with '{name}' (messages/files.py), filled with '' until then."""
    return Finding.said("", 0, 0, code, key, name="", **values)


def _not_pdf(data: bytes) -> Finding:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return _problem("PDF001", "pdf.not_pdf", sniff=f"@pdf.looks.{kind}")
    if not data:
        return _problem("PDF001", "pdf.not_pdf", sniff="@pdf.looks.empty")
    if data.lstrip()[:1] == b"<":
        return _problem("PDF001", "pdf.not_pdf", sniff="@pdf.looks.markup")
    if b"%PDF-" in data[:1024]:
        return _problem("PDF001", "pdf.not_pdf", sniff="@pdf.looks.late_header")
    return _problem("PDF001", "pdf.not_pdf_starts", start=repr(data[:8]))


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    # pypdf logs a warning for every repair it makes (warnings.warn is only for deprecated
    # calls); the CLI prints findings, not those. Levels of pypdf's child loggers follow this.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _check_parsed(data: bytes) -> list[Finding]:
    encrypted = _problem("PDF003", "pdf.encrypted")
    try:
        reader = _Reader(BytesIO(data), strict=False)
    except DependencyError:
        # Without the optional AES package pypdf cannot even test the empty password of
        # an AES-encrypted file, and encryption is the only thing it needs that package for.
        return [encrypted]
    except Exception as error:  # pypdf raises many types on bad input; all mean the same
        return [_unreadable(error)]
    if reader.is_encrypted:
        # Strings and streams are ciphertext, so nothing inside can be checked honestly.
        return [encrypted]
    unindexable = _attempt(lambda: reader.index(data))
    if unindexable is not None:
        return [unindexable]
    scanner = _Scanner(reader)
    problems = [_attempt(lambda: _pages(reader)), _attempt(lambda: scanner.scan(data))]
    # One problem per code: after a first parse error pypdf's state can raise odd others.
    first: dict[str, Finding] = {}
    for problem in [*problems, *scanner.problems()]:
        if problem is not None:
            first.setdefault(problem.code, problem)
    return sorted(first.values(), key=lambda p: p.code)


def _pages(reader: PdfReader) -> Finding | None:
    if len(reader.pages) == 0:
        return _problem("PDF002", "pdf.no_pages")
    return None


def _attempt(step: Callable[[], Finding | None]) -> Finding | None:
    # Each step runs alone, so a parse failure in one still lets the other report.
    try:
        return step()
    except _TooComplex:
        return _problem(
            "PDF002", "pdf.too_complex", objects=f"{MAX_OBJECTS:,}", mib=MAX_INFLATED // 2**20
        )
    except Exception as error:  # RecursionError, ValueError, KeyError, PdfReadError, ...
        return _unreadable(error)


def _unreadable(error: BaseException) -> Finding:
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0][:120]
    reason = re.sub(r"IndirectObject\((\d+), (\d+), \d+\)", r"\1 \2 R", reason)  # no memory ids
    return _problem("PDF002", "pdf.unreadable", reason=reason)


class _Reader(PdfReader):
    """A PdfReader that only resolves objects which are where the xref says they are."""

    known: set[tuple[int, int]] | None = None  # None while pypdf reads the xref itself
    unused: tuple[tuple[int, int, int], ...] = ()  # object headers the xref does not lead to

    def get_object(self, indirect_reference: int | IndirectObject) -> PdfObject | None:
        ref = indirect_reference
        key = (ref, 0) if isinstance(ref, int) else (ref.idnum, ref.generation)
        if self.known is not None and key not in self.known:
            # pypdf would search the whole file for it, once per unknown number: minutes of
            # work from a small hostile file. The raw scan parses every object there anyway.
            return NullObject()
        return super().get_object(ref)

    def index(self, data: bytes) -> None:
        """Point the xref at the bytes, as pypdf's own repair would, in one pass over them."""
        headers = list(
            islice(
                ((int(m[1]), int(m[2]), m.start()) for m in _OBJECT_HEADER.finditer(data)),
                MAX_OBJECTS + 1,
            )
        )
        if len(headers) > MAX_OBJECTS:
            raise _TooComplex
        at: dict[int, tuple[int, int]] = {}  # header offset -> its (number, generation)
        first: dict[tuple[int, int], int] = {}  # the copy pypdf's repair search would find
        for num, gen, offset in headers:
            at[offset] = (num, gen)
            first.setdefault((num, gen), offset)
        self.known, used = {(num, 0) for num in self.xref_objStm}, set()
        for (num, gen), offset in first.items():
            # pypdf reads these as null or from an object stream: the raw scan sees the bytes.
            if self.xref_free_entry.get(gen, {}).get(num) or (gen == 0 and num in self.xref_objStm):
                continue
            listed = self.xref.get(gen, {}).get(num)
            listed = None if listed is None else _WHITESPACE.match(data, listed).end()
            if at.get(listed) == (num, gen):  # the xref is right: keep its (latest) copy
                offset = listed
            self.xref.setdefault(gen, {})[num] = offset
            self.known.add((num, gen))
            used.add(offset)
        self.unused = tuple(header for header in headers if header[2] not in used)


class _Scanner:
    """Walks every object once, noting where each forbidden name first appears."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.known = reader.known or set()
        self.seen: set[tuple[int, int]] = set()
        self.found: dict[str, tuple[str, Where]] = {}
        self.objects = 0
        self.inflated = 0

    def problems(self) -> list[Finding]:
        problems = []
        for code, (name, (place, num, byte)) in self.found.items():
            values: dict[str, object] = {"found": name, "place": f"@pdf.place.{place}"}
            if num is not None:  # after the place, whose text holds {num} and {byte}
                values["num"] = num
            if byte is not None:
                values["byte"] = byte
            problems.append(_problem(code, _MESSAGES[code], **values))
        return problems

    def scan(self, data: bytes) -> None:
        # The trailer first, so a finding names the object a viewer would actually reach.
        self.walk(self.reader.trailer, ("trailer", None, None))
        for num, gen in sorted(self.known):
            self.walk(IndirectObject(num, gen, self.reader), ("xref", None, None))
        self._scan_raw(data)

    def _scan_raw(self, data: bytes) -> None:
        # Older revisions of an object, free or shadowed ones, are invisible to pypdf but not
        # to the bytes that get published, nor to every viewer: parse them too.
        source = BytesIO(data)  # own stream, so pypdf's reading position is left alone
        for num, _gen, offset in self.reader.unused:
            self._count()
            obj = _parse_at(data, source, _OBJECT_HEADER.match(data, offset).end(), self.reader)
            if obj is not None:
                self.walk(obj, ("outside", num, offset))

    def walk(self, start: PdfObject, where: Where) -> None:
        # An explicit stack, not recursion: object graphs can be deep and are often cyclic.
        stack = [(start, where)]
        while stack:
            obj, where = stack.pop()
            if isinstance(obj, IndirectObject):
                stack.extend(self._resolve(obj))
            elif isinstance(obj, DictionaryObject):
                for key, value in obj.items():
                    self._note(_KEYS.get(key), key, where)
                    stack.append((value, where))
                    if key in (_OPEN_ACTION, _ADDITIONAL_ACTIONS):
                        self._automatic(key, value, where)
                if isinstance(obj, StreamObject) and dict.get(obj, "/Type") == "/ObjStm":
                    packed = _packed(where)
                    stack.extend((member, packed) for member in self._members(obj))
            elif isinstance(obj, ArrayObject):
                stack.extend((item, where) for item in obj)
            elif isinstance(obj, NameObject):
                self._note(_VALUES.get(obj), obj, where)

    def _automatic(self, trigger: str, value: PdfObject, where: Where) -> None:
        """Note PDF007 when `value`, the /OpenAction or /AA of the dictionary at `where`, runs
        an action no other rule refuses by its type (see _OPEN_ACTION)."""
        if "PDF007" in self.found:
            return
        value = self._direct(value)
        if trigger == _OPEN_ACTION:
            heads = [value] if isinstance(value, DictionaryObject) else []  # an array: a place
        elif isinstance(value, DictionaryObject):
            heads = [self._direct(action) for action in value.values()]
        else:
            heads = []  # an /AA that is no dictionary names no action
        opening = trigger == _OPEN_ACTION
        seen: set[tuple[int, int]] = set()
        stack: list[PdfObject] = list(heads)
        steps = 0
        while stack:
            action = stack.pop()
            steps += 1
            if steps > MAX_CHAIN:
                self._note("PDF007", trigger, where)
                return
            if not isinstance(action, DictionaryObject):
                continue
            kind = self._direct(dict.get(action, "/S"))
            kind = kind if isinstance(kind, NameObject) else None
            refused = _VALUES.get(kind) is not None or any(key in _KEYS for key in action)
            if not refused and not (opening and kind in _DESTINATION_ACTIONS):
                self._note("PDF007", f"{trigger} {kind}" if kind else trigger, where)
                return
            following = dict.get(action, "/Next")
            if isinstance(following, IndirectObject):
                key = (following.idnum, following.generation)
                if key in seen:
                    continue
                seen.add(key)
            following = self._direct(following)
            if isinstance(following, ArrayObject):
                stack.extend(self._direct(item) for item in following)
            elif following is not None:
                stack.append(following)

    def _direct(self, obj: PdfObject | None) -> PdfObject | None:
        """`obj`, or the object it refers to when the xref knows it (None when it cannot be
        read: resolving it in the walk fails loudly, see _attempt)."""
        for _ in range(8):  # a reference to a reference: rare, and never long
            if not isinstance(obj, IndirectObject):
                return obj
            if (obj.idnum, obj.generation) not in self.known:
                return None
            try:
                obj = self.reader.get_object(obj)
            except Exception:  # see the docstring
                return None
        return None

    def _resolve(self, ref: IndirectObject) -> list[tuple[PdfObject, Where]]:
        key = (ref.idnum, ref.generation)
        if key in self.seen or key not in self.known:  # unknown ones: see _Reader
            return []
        self.seen.add(key)
        self._count()
        return [(self.reader.get_object(ref), ("object", ref.idnum, None))]

    def _members(self, objstm: StreamObject) -> Iterator[PdfObject]:
        # Parsed here rather than trusted to the xref, which may leave members out. A stream
        # that does not decode is skipped: if the xref needs it, resolving that fails loudly.
        try:
            data = objstm.get_data()
            first = int(dict.get(objstm, "/First", 0))
        except Exception:  # see above
            return
        self.inflated += len(data)
        if self.inflated > MAX_INFLATED:
            raise _TooComplex
        source = BytesIO(data)
        for offset in (int(o) for o in data[:first].split()[1::2] if o.isdigit()):
            self._count()
            member = _parse_at(data, source, first + offset, self.reader)
            if member is not None:
                yield member

    def _count(self) -> None:
        self.objects += 1
        if self.objects > MAX_OBJECTS:
            raise _TooComplex

    def _note(self, code: str | None, name: str, where: Where) -> None:
        if code is not None and code not in self.found:
            self.found[code] = (str(name), where)


def _packed(where: Where) -> Where:
    """The place of an object packed in the object stream at `where` (or deeper within it)."""
    place, num, byte = where
    return where if place.startswith("packed_") else (f"packed_{place}", num, byte)


def _parse_at(data: bytes, source: BytesIO, offset: int, reader: PdfReader) -> PdfObject | None:
    # Best effort: "1 0 obj" may also occur by chance inside stream data, so a failure to
    # parse here says nothing about the file.
    try:
        source.seek(_WHITESPACE.match(data, offset).end())
        return read_object(source, reader)
    except Exception:  # any parse error here is noise, see above
        return None
