"""load step: strict YAML → plain data plus the line and column of every node.

The registry is official data edited by hand, so the loader accepts a deliberately small
YAML: no implicit dates or `yes`/`no` booleans (only `true`/`false`, decimal integers and
`null` are typed; everything else stays a string and the schema judges it), no anchors or
aliases (no billion-laughs bombs, no hidden sharing), no duplicate keys, no tags, one
document per file, UTF-8 in NFC without invisible or direction-changing characters, in its
comments too (they are published with the record).
The tree is built from the parser's event stream with an explicit stack, so depth and size
are bounded and nothing recurses.
"""

from __future__ import annotations

import bisect
import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .findings import Finding, json_path_text

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
MAX_NODES = 20_000

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_BOOL = {"true": True, "false": False}
_NULL = {"null", "~", ""}

# Characters that can hide or reorder text: C0/C1 controls (newline and tab are fine in long
# texts), bidirectional embeddings/overrides/isolates and marks, zero-width characters, BOM.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)

try:  # libyaml's parser is an order of magnitude faster; the pure one behaves the same.
    _Parser = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - wheels ship libyaml
    _Parser = yaml.SafeLoader

Path_ = tuple[str | int, ...]
BOM = "\ufeff"  # editors on Windows add one; it carries no content
# Symlinks refused, and a FIFO in a file's place answered at once rather than waited on.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass
class Loaded:
    """A parsed file: its data (None when unusable) and where each node sits."""

    path: str
    data: object = None
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # Positions are only needed for a finding, so they are found then, by parsing the text
    # again: a valid record keeps no map of its nodes (10,000 records' maps took 700 MB).
    text: str | None = field(default=None, repr=False)

    def locate(self, parts: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a node, or of its nearest ancestor that exists."""
        if self.text is not None:
            builder = _Builder(self, record=True)
            _feed_all(builder, self.text)
            self.text = None
        parts = tuple(parts)
        if key and parts in self.key_positions:
            return self.key_positions[parts]
        while parts:
            if parts in self.positions:
                return self.positions[parts]
            parts = parts[:-1]
        return self.positions.get((), (1, 1))


def forbidden_character(text: str) -> str | None:
    """Describe the first invisible/control/bidi character in `text`, or None."""
    match = _FORBIDDEN.search(text)
    if match:
        char = match.group()
        name = unicodedata.name(char, "control character")
        return f"U+{ord(char):04X} {name}"
    return None


def check_text(text: str, what: str) -> tuple[str, str, dict[str, str]] | None:
    """Why a string may not stand in the registry, as (code, message key, values), or None
    when it may. `what` is "name" (a field name) or "value"."""
    bad = forbidden_character(text)
    if bad:
        return "YAML006", f"yaml.invisible_in_{what}", {"char": bad}
    if not unicodedata.is_normalized("NFC", text):
        return "YAML007", f"yaml.not_nfc_in_{what}", {}
    return None


class _Error(Exception):
    """A problem that ends the parse: its code, its message's key in messages/ and values."""

    def __init__(self, code: str, key: str, mark: yaml.Mark | None, **values: object) -> None:
        super().__init__(key)
        self.code = code
        self.key = key
        self.values = values
        self.mark = mark


def _pos(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _scalar(event: yaml.ScalarEvent) -> object:
    value = event.value
    if event.style is not None and event.style != "":  # quoted or block: always a string
        return value
    if value in _BOOL:
        return _BOOL[value]
    if value in _NULL:
        return None
    if _INT.match(value):
        return int(value)
    return value


class _Builder:
    """Turns parser events into Python data, recording positions and refusing the unsafe."""

    def __init__(self, loaded: Loaded, *, record: bool = False) -> None:
        self.loaded = loaded
        self.record = record  # positions of every node into loaded (see Loaded.locate)
        self.stack: list[list] = []  # frames: [container, path, pending_key]
        self.root: object = None
        self.nodes = 0
        self.findings: list[Finding] = []
        # (start, end) offsets of the names and values found to hold a forbidden character
        self.said: list[tuple[int, int]] = []
        self.scalar: yaml.ScalarEvent | None = None  # the scalar being added

    def _where(self) -> Path_:
        if not self.stack:
            return ()
        container, path, pending = self.stack[-1]
        if isinstance(container, list):
            return (*path, len(container))
        return (*path, pending)

    def _refuse_extras(self, event: yaml.NodeEvent) -> None:
        if getattr(event, "anchor", None) is not None:
            raise _Error("YAML003", "yaml.anchor", event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Error("YAML009", "yaml.tag", event.start_mark, tag=tag)

    def _check_string(self, text: str, mark: yaml.Mark, where: Path_, what: str) -> None:
        if text.isascii() and _FORBIDDEN.search(text) is None:
            return  # ASCII is always NFC; most field names and many values are ASCII
        problem = check_text(text, what)
        if problem:
            code, key, values = problem
            line, col = _pos(mark)
            if code == "YAML006" and self.scalar is not None:
                self.said.append((self.scalar.start_mark.index, self.scalar.end_mark.index))
            self.findings.append(
                Finding.said(
                    self.loaded.path, line, col, code, key, json_path_text(where), **values
                )
            )

    def _add(self, value: object, mark: yaml.Mark, is_container: bool) -> Path_ | None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Error("YAML005", "yaml.too_many_values", mark, limit=MAX_NODES)
        stack = self.stack
        if not stack:
            self.root = value
            if self.record:
                self.loaded.positions[()] = _pos(mark)
            return ()
        frame = stack[-1]
        container, path, pending = frame
        if type(container) is list:
            where = (*path, len(container))
            container.append(value)
        elif pending is _NO_KEY:
            # A mapping key: only plain strings (and the integers/booleans YAML may type) are keys.
            if is_container:
                raise _Error("YAML001", "yaml.key_not_plain", mark)
            key = str(value) if value is not None else ""
            if key in container:
                raise _Error("YAML002", "yaml.duplicate_key", mark, field=key)
            self._check_string(key, mark, (*path, key), "name")
            frame[2] = key
            if self.record:
                self.loaded.key_positions[(*path, key)] = (mark.line + 1, mark.column + 1)
            return None
        else:
            where = (*path, pending)
            container[pending] = value
            frame[2] = _NO_KEY
        if self.record:
            self.loaded.positions[where] = (mark.line + 1, mark.column + 1)
        return where

    def feed(self, event: yaml.Event) -> None:
        # Called for every node of every record: the commonest event is tested first.
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                self._refuse_extras(event)
            value = _scalar(event)
            self.scalar = event
            if type(value) is str:
                stack = self.stack
                top = stack[-1] if stack else None
                is_key = top is not None and type(top[0]) is dict and top[2] is _NO_KEY
                if not is_key:
                    self._check_string(value, event.start_mark, self._where(), "value")
            self._add(value, event.start_mark, False)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._refuse_extras(event)
            if len(self.stack) >= MAX_DEPTH:
                raise _Error("YAML005", "yaml.too_deep", event.start_mark, limit=MAX_DEPTH)
            container: dict | list = {} if kind is yaml.MappingStartEvent else []
            where = self._add(container, event.start_mark, True)
            self.stack.append([container, where, _NO_KEY])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
        elif kind is yaml.AliasEvent:
            raise _Error("YAML003", "yaml.alias", event.start_mark)
        elif kind is yaml.DocumentStartEvent and self.root is not None:
            raise _Error("YAML010", "yaml.many_documents", event.start_mark)


_NO_KEY = object()


def load_yaml(path: Path, display: str) -> Loaded:
    """Read and parse one record file; problems become findings, never exceptions."""
    raw, loaded = read_record(path, display)
    return loaded if raw is None else parse_yaml(raw, display, loaded)


NOT_REGULAR = ("FILE002", "file.not_regular")  # code and message key


def read_record(path: Path, display: str) -> tuple[bytes | None, Loaded]:
    """A record file's bytes (None when unreadable, with the finding in the Loaded)."""
    loaded = Loaded(display)
    # One open that refuses symlinks and does not wait on a FIFO, then fstat: the checks
    # and the read concern the same file, in two system calls for 10,000 records.
    try:
        fd = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        if path.is_symlink():
            loaded.findings.append(Finding.said(display, 0, 0, *NOT_REGULAR))
        else:
            loaded.findings.append(Finding.said(display, 0, 0, "FILE001", "file.missing"))
        return None, loaded
    except OSError as err:
        if err.errno == errno.ELOOP or path.is_symlink():
            loaded.findings.append(Finding.said(display, 0, 0, *NOT_REGULAR))
        else:
            loaded.findings.append(_unreadable(display, err))
        return None, loaded
    try:
        raw = read_capped(fd, MAX_FILE_BYTES)
    except OSError as err:
        loaded.findings.append(_unreadable(display, err))
        return None, loaded
    finally:
        os.close(fd)
    if raw is None:
        loaded.findings.append(Finding.said(display, 0, 0, *NOT_REGULAR))
    return raw, loaded


def _unreadable(display: str, err: OSError) -> Finding:
    return Finding.said(display, 0, 0, "FILE001", "file.unreadable", reason=err.strerror)


def blob_id(raw: bytes) -> str:
    """The id git gives a file's content: how history knows the work tree's records."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()


def read_capped(fd: int, cap: int, info: os.stat_result | None = None) -> bytes | None:
    """The bytes of the regular file open as `fd`, up to one byte over `cap`; None for
    anything else. A failed read raises OSError.

    Asks for the file's own size (plus one, to see it grew) rather than the cap: a read of
    the cap would allocate 25 MiB for every 600-byte document. Plain descriptor calls, with no
    file object around them: they are most of the cost of reading 40,000 small files.
    """
    info = info or os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        return None
    want = min(info.st_size, cap) + 1
    data = os.read(fd, want)
    if 0 < len(data) < want - 1:  # a short read before the file's end (rare): read on
        parts, got = [data], len(data)
        while got < want and (more := os.read(fd, want - got)):
            parts.append(more)
            got += len(more)
        data = b"".join(parts)
    return data


def parse_yaml(raw: bytes, display: str, loaded: Loaded | None = None) -> Loaded:
    """Parse bytes already read; see `load_yaml`."""
    loaded = loaded or Loaded(display)
    if len(raw) > MAX_FILE_BYTES:
        loaded.findings.append(
            Finding.said(display, 0, 0, "YAML005", "yaml.too_large", kib=MAX_FILE_BYTES // 1024)
        )
        return loaded
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        loaded.findings.append(Finding.said(display, line, col, "YAML004", "yaml.not_utf8"))
        return loaded
    text = text.removeprefix(BOM)
    builder = _Builder(loaded)
    try:
        _feed_all(builder, text)
    except _Error as err:
        line, col = _pos(err.mark)
        loaded.findings.append(Finding.said(display, line, col, err.code, err.key, **err.values))
        loaded.findings += _stray_findings(text, display)
        return loaded
    except yaml.reader.ReaderError as err:
        # A character YAML cannot read at all: when it is one of ours, YAML006 says it.
        loaded.findings += _stray_findings(text, display)
        if not (isinstance(err.character, int) and _FORBIDDEN.match(chr(err.character))):
            reason = str(err).splitlines()[0]
            loaded.findings.append(
                Finding.said(display, 1, 1, "YAML001", "yaml.invalid", reason=reason)
            )
        return loaded
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line, col = _pos(mark)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        context = getattr(err, "context", None)
        reason = f"{context}: {problem}" if context else problem
        loaded.findings.append(
            Finding.said(display, line, col, "YAML001", "yaml.invalid", reason=reason)
        )
        loaded.findings += _stray_findings(text, display)
        return loaded
    loaded.findings.extend(builder.findings)
    loaded.findings += _stray_findings(text, display, builder.said)
    if not isinstance(builder.root, dict):
        loaded.findings.append(Finding.said(display, 1, 1, "YAML008", "yaml.not_mapping"))
        return loaded
    loaded.data = builder.root
    loaded.text = text
    return loaded


def _stray_findings(
    text: str, display: str, said: list[tuple[int, int]] | None = None
) -> list[Finding]:
    """`_strays`, for a parsed file (`said`: the builder's) or one that did not parse (no name
    or value has its finding then, so every forbidden character is said where it stands)."""
    if _FORBIDDEN.search(text) is None:  # nearly every record: one scan of its text
        return []
    return _strays(text, display, sorted(said or ()))


# YAML's line breaks, as its marks count lines: CR LF, CR, LF, NEL, LS and PS.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
MAX_STRAYS = 100  # findings of stray characters in one file; a file of them needs no more


def _strays(text: str, display: str, said: list[tuple[int, int]]) -> list[Finding]:
    """YAML006 for each forbidden character of `text` outside the names and values whose own
    finding says it (`said`: their start and end offsets, in order): in a comment, between
    values, or one YAML reads as a line break (NEL) and so drops from its value. Comments
    are published with the record byte for byte, so they are held to the values' rule. One
    finding a line, at the character's line and column as YAML counts them, at most
    MAX_STRAYS a file."""
    breaks = [m.end() for m in _BREAK.finditer(text)]
    found: list[Finding] = []
    last_line = 0
    for match in _FORBIDDEN.finditer(text):
        at = match.start()
        if match.group() == "\r" and text.startswith("\r\n", at):
            continue  # a Windows line break, not a hidden character
        index = bisect.bisect_right(said, (at, len(text) + 1))
        if index and said[index - 1][1] > at:
            continue  # inside a name or value that says it (its own finding)
        line = bisect.bisect_right(breaks, at)
        if line + 1 == last_line:
            continue
        last_line = line + 1
        column = at - (breaks[line - 1] if line else 0) + 1
        bad = forbidden_character(match.group())
        found.append(
            Finding.said(display, line + 1, column, "YAML006", "yaml.invisible_in_file", char=bad)
        )
        if len(found) >= MAX_STRAYS:
            break
    return found


def decode_text(raw: bytes) -> str:
    """The text of bytes known to be UTF-8, as parse_yaml reads it."""
    return raw.decode("utf-8").removeprefix(BOM)


def _feed_all(builder: _Builder, text: str) -> None:
    parser = _Parser(text)
    try:
        # get_event() directly: yaml.parse() adds a generator step per event.
        event = parser.get_event()
        while event is not None:
            builder.feed(event)
            event = parser.get_event()
    finally:
        parser.dispose()
