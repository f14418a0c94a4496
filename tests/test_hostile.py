"""Reports nobody can forge (issue 23): a hostile pull request, one case per way it could try.

Each case changes the valid one-system registry as an attacker would: file and folder names
with a newline, a carriage return, a terminal escape, a bidirectional override, a zero-width
character or bytes that are not UTF-8; values and YAML comments holding such characters; a
fake "valid" line; a Markdown link or a backtick through a value or a name; PDFs that open a
web address or run a script by themselves; a look-alike copy of the listed system. Each runs
`trustlist validate` as a user would and checks the exact rule codes, the exit code, that the
report in every format prints no raw control, format or separator character (nor one summary
line more or less), and that nothing ends in a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import markdown
import pytest
from conftest import SYSTEM, edit, git, replace_document
from pdf_fixtures import (
    CATALOG,
    clean_pdf,
    incremental_update,
    opening,
    page_actions,
    raw_pdf,
    uri_action,
)
from trustlist.core import report
from trustlist.core.change import check_pull_request
from trustlist.core.findings import Finding
from trustlist.core.notice import as_markdown, make_notice
from trustlist.core.pdfcheck import MAX_CHAIN, check_pdf

TRUSTLIST = Path(sys.executable).with_name("trustlist")
FOLDER = "registry/health/demo-triage"
SUMMARY = "registry (1 sectors, 1 systems): valid"  # what a forged line would say
JS_ACTION = b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"
# Characters a report must never print raw (the newline only ends a line of the report).
HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}
FINDING_LINE = re.compile(
    r"^(?P<path>.+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<severity>error|warning)"
    r"\[(?P<code>[A-Z]+\d{3})\] "
)
SUMMARY_LINE = re.compile(
    r"^registry \(\d+ sectors?, \d+ systems?\): (valid|\d+ error\(s\), \d+ warning\(s\))$"
)


def run(*args: str, cwd: Path) -> tuple[int, str]:
    """`trustlist` as a user runs it: its exit code and its output, which must be UTF-8 (an
    undecodable file name printed raw would not be) with no traceback."""
    result = subprocess.run(
        [str(TRUSTLIST), *args], capture_output=True, cwd=cwd, timeout=120, check=False
    )
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert "Traceback" not in out + err, err
    assert not err, err
    return result.returncode, out


def raw_characters(text: str) -> list[str]:
    """Every character of `text` a reader could not see, or that moves or breaks text."""
    return [f"U+{ord(c):04X}" for c in text if c != "\n" and unicodedata.category(c) in HIDDEN]


# --- the corpus -----------------------------------------------------------------------------


@dataclass
class Case:
    change: Callable[[Path], object]
    codes: set[str]  # the rule codes of every finding, exactly
    exit: int = 1
    shown: tuple[str, ...] = ()  # what the text report must print (the characters escaped)


def put_file(name: str) -> Callable[[Path], None]:
    """A stray file of that name in the system folder (DOC009 names it)."""
    return lambda root: (root / FOLDER / name).write_bytes(b"x")


def put_folder(name: str | bytes) -> Callable[[Path], None]:
    """An empty system folder of that name (REG007 names it); bytes for a name that is not
    UTF-8, which Python gives back with surrogates."""

    def change(root: Path) -> None:
        sector = root / "registry/health"
        if isinstance(name, bytes):
            os.mkdir(bytes(sector) + b"/" + name)
        else:
            (sector / name).mkdir()

    return change


def on(old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root / SYSTEM, old, new)


def audit_report(data: bytes) -> Callable[[Path], None]:
    return lambda root: replace_document(root, "audit-report.pdf", data)


def look_alike(root: Path) -> None:
    """The listed system copied whole, under a new id and list number: the same names, owner
    BIN and documents, passing for another system."""
    copy = root / "registry/health/demo-triage-2"
    shutil.copytree(root / FOLDER, copy)
    edit(copy / "system.yaml", "id: demo-triage", "id: demo-triage-2")
    edit(copy / "system.yaml", "list_number: 1", "list_number: 2")


FAKE_VALID = "notes\n" + SUMMARY  # a file whose name ends the report, as the PR would like
CASES: dict[str, Case] = {
    "file name with a newline (a fake valid line)": Case(
        put_file(FAKE_VALID), {"DOC009"}, shown=("notes\\n" + SUMMARY,)
    ),
    "file name with a carriage return": Case(
        put_file("notes\r" + SUMMARY), {"DOC009"}, shown=("notes\\r" + SUMMARY,)
    ),
    "file name with a terminal escape": Case(
        put_file("notes\x1b[1A\x1b[2K" + SUMMARY), {"DOC009"}, shown=("notes\\x1b[1A\\x1b[2K",)
    ),
    "file name with a bidi override": Case(
        put_file("report\u202efdp.exe"), {"DOC009"}, shown=("report\\u202efdp.exe",)
    ),
    "file name with a zero-width space": Case(
        put_file("audit\u200b-report.pdf"), {"DOC009"}, shown=("audit\\u200b-report.pdf",)
    ),
    "folder name with a newline": Case(
        put_folder("demo\n" + SUMMARY), {"REG007"}, shown=("demo\\n" + SUMMARY,)
    ),
    "folder name with a carriage return": Case(
        put_folder("demo\rx"), {"REG007"}, shown=("health/demo\\rx",)
    ),
    "folder name with a bidi isolate": Case(
        put_folder("demo\u2067x"), {"REG007"}, shown=("health/demo\\u2067x",)
    ),
    "folder name with a zero-width joiner": Case(
        put_folder("demo\u200dx"), {"REG007"}, shown=("health/demo\\u200dx",)
    ),
    "folder name that is not UTF-8": Case(
        put_folder(b"demo-\xff"), {"REG007"}, shown=("health/demo-\\udcff",)
    ),
    "value with a bidi override": Case(
        on("  en: Demo triage system", "  en: Demo \u202etriage system"),
        {"YAML006"},
        shown=(f"{SYSTEM}:9:7: error[YAML006] name.en:", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ),
    "value with a newline quoted in a message (a fake valid line)": Case(
        on("    file: application.pdf", f'    file: "x\\n{SUMMARY}"'),
        {"DOC005", "DOC009", "SCH005"},  # not a file name, not there; application.pdf unlisted
        shown=(f"'x\\n{SUMMARY}' is not in the system folder",),
    ),
    "comment with a bidi override": Case(
        on("risk_level: high\n", "risk_level: high # \u202elisted\n"),
        {"YAML006"},
        shown=(f"{SYSTEM}:27:20: error[YAML006] the file holds", "U+202E"),
    ),
    "comment line with a zero-width space": Case(
        on("risk_level: high\n", "risk_level: high\n# checked\u200b\n"),
        {"YAML006"},
        shown=(f"{SYSTEM}:28:10: error[YAML006]", "U+200B ZERO WIDTH SPACE"),
    ),
    "comment with a terminal escape": Case(
        on("risk_level: high\n", "risk_level: high # \x1b[2K\n"),
        {"YAML006"},  # YAML cannot even read it: said as the forbidden character it is
        shown=(f"{SYSTEM}:27:20: error[YAML006]", "U+001B"),
    ),
    "Markdown link through a value": Case(
        on("    file: application.pdf", "    file: '[click](https://evil.example/x)'"),
        {"DOC007", "DOC009", "SCH005"},  # not a plain name; application.pdf unlisted
        shown=('got "[click](https://evil.example/x)"',),
    ),
    "Markdown code span closed by a backtick in a file name": Case(
        put_file("a` [click](https:evil.example) `.pdf"),
        {"DOC009"},
        shown=("a` [click](https:evil.example) `.pdf",),
    ),
    "PDF opening a web address (/OpenAction /URI)": Case(
        audit_report(opening(uri_action())),
        {"PDF007"},
        shown=("(/OpenAction /URI in object 1)",),
    ),
    "PDF with additional actions on a page (/AA)": Case(
        audit_report(page_actions(b"<< /O 4 0 R >>", uri_action())),
        {"PDF007"},
        shown=("(/AA /URI in object 3)",),
    ),
    "PDF running JavaScript when opened (/OpenAction /JavaScript)": Case(
        audit_report(opening(JS_ACTION)), {"PDF004"}, shown=("contains JavaScript",)
    ),
    "look-alike copy of a listed system": Case(
        look_alike,
        {"REG009"},
        exit=0,
        shown=(
            "registry/health/demo-triage-2/system.yaml:2:5: warning[REG009] id: has the name, "
            "owner BIN and documents of 'demo-triage' (registry/health/demo-triage/system.yaml)",
        ),
    ),
}


# --- the text report ------------------------------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_text_report(base: Path, name: str) -> None:
    case = CASES[name]
    case.change(base)
    status, out = run("validate", cwd=base)
    assert status == case.exit, out
    assert raw_characters(out) == [], out
    lines = out.rstrip("\n").split("\n")
    summaries = [line for line in lines if SUMMARY_LINE.match(line)]
    assert summaries == [lines[-1]], out  # one summary line, the last
    assert not lines[-1].endswith(": valid"), out
    findings = [FINDING_LINE.match(line) for line in lines[:-1]]
    assert all(findings), out  # every other line is one finding
    assert {m["code"] for m in findings} == case.codes, out
    for text in case.shown:
        assert text in out, out


# --- the other formats ----------------------------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_json_github_and_markdown_reports(base: Path, name: str) -> None:
    case = CASES[name]
    case.change(base)

    status, out = run("validate", "--format", "json", cwd=base)
    assert status == case.exit
    assert raw_characters(out) == [], out
    payload = json.loads(out)
    assert {f["code"] for f in payload["findings"]} == case.codes
    assert payload["valid"] is (case.exit == 0)

    status, out = run("validate", "--format", "github", cwd=base)
    assert status == case.exit
    assert raw_characters(out) == [], out
    lines = out.rstrip("\n").split("\n")
    assert all(line.startswith(("::error ", "::warning ")) for line in lines[:-1]), out
    assert not lines[-1].startswith("::")
    assert {re.search(r",title=([A-Z]+\d{3})::", line)[1] for line in lines[:-1]} == case.codes

    status, out = run("validate", "--format", "markdown", cwd=base)
    assert status == case.exit
    assert raw_characters(out) == [], out
    assert_inert_markdown(out, len(payload["findings"]))


def cells(row: str) -> list[str]:
    """A GitHub table row's cells: split at every pipe no backslash escapes."""
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def assert_inert_markdown(out: str, findings: int) -> None:
    rows = [line for line in out.split("\n") if line.startswith("| ")][1:]
    assert len(rows) == findings, out
    assert all(len(cells(row)) == 4 for row in rows), out  # no cell split, none added
    html = markdown.markdown(out, extensions=["tables"])
    assert "<a " not in html and "<img" not in html, html


def test_a_markdown_link_through_a_value_is_shown_as_text(base: Path) -> None:
    CASES["Markdown link through a value"].change(base)
    _, out = run("validate", "--format", "markdown", cwd=base)
    assert "[click](" not in out
    assert 'got "\\[click\\](`https://evil.example/x)"`' in out


def test_a_backtick_in_a_file_name_cannot_close_its_code_span(base: Path) -> None:
    CASES["Markdown code span closed by a backtick in a file name"].change(base)
    _, out = run("validate", "--format", "markdown", cwd=base)
    assert f"| `` {FOLDER}/a` [click](https:evil.example) `.pdf `` | DOC009 |" in out


# --- the reporters themselves ---------------------------------------------------------------


ORDINARY = Finding(SYSTEM, 15, 8, "BIN001", "check digit must be 6, got 7", "owner.bin")


def test_ordinary_findings_print_as_before() -> None:
    assert report.text_line(ORDINARY) == (
        f"{SYSTEM}:15:8: error[BIN001] owner.bin: check digit must be 6, got 7"
    )
    assert report.visible("Демо триаж жүйесі, ТОО «Демо Клиника» (2026-05-04)") == (
        "Демо триаж жүйесі, ТОО «Демо Клиника» (2026-05-04)"
    )
    assert report.visible("a\u00a0b") == "a\u00a0b"  # a no-break space is seen as a space


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\nb", "a\\nb"),
        ("a\rb", "a\\rb"),
        ("a\tb", "a\\tb"),
        ("a\x1bb", "a\\x1bb"),
        ("a\x85b", "a\\x85b"),
        ("a\u061cb", "a\\u061cb"),
        ("a\u200bb", "a\\u200bb"),
        ("a\u200fb", "a\\u200fb"),
        ("a\u202ab", "a\\u202ab"),
        ("a\u202eb", "a\\u202eb"),
        ("a\u2066b", "a\\u2066b"),
        ("a\u2069b", "a\\u2069b"),
        ("a\u2028b", "a\\u2028b"),
        ("a\ufeffb", "a\\ufeffb"),
        ("a\udcffb", "a\\udcffb"),
        ("a\U000e0041b", "a\\U000e0041b"),  # a tag character, invisible
    ],
)
def test_every_hidden_character_is_shown_as_its_escape(raw: str, shown: str) -> None:
    finding = Finding(raw, 0, 0, "DOC009", raw, raw)
    assert report.text_line(finding) == f"{shown}: error[DOC009] {shown}: {shown}"
    parsed = json.loads(report.as_json([finding], raw, {}))
    assert parsed["findings"][0]["path"] == raw  # the JSON still says what the file holds
    for out in (
        report.as_json([finding], raw, {}),
        report.as_github([finding], raw),
        report.as_markdown([finding], raw),
        report.as_text([finding], raw),
    ):
        assert raw_characters(out) == [], out
        out.encode("utf-8")  # printable: no lone surrogate


# --- PDF007 at the checker --------------------------------------------------------------------


def pdf_codes(data: bytes) -> list[str]:
    return [problem.code for problem in check_pdf(data)]


def annotation_with(extra: bytes, *objects: bytes) -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>"
    annotation = b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] %s >>" % extra
    return raw_pdf(annotation, *objects, page=page)


def catalog_with(extra: bytes, *objects: bytes) -> bytes:
    return raw_pdf(*objects, catalog=CATALOG[:-2] + extra + b" >>")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(catalog_with(b"/OpenAction [3 0 R /Fit]"), id="a destination array"),
        pytest.param(opening(b"<< /S /GoTo /D [3 0 R /Fit] >>"), id="a GoTo to a page"),
        pytest.param(catalog_with(b"/OpenAction 9 0 R"), id="a reference to nothing"),
        pytest.param(clean_pdf(link="https://gov.kz/ai"), id="a web link the reader clicks"),
        pytest.param(page_actions(b"<< >>"), id="an empty /AA"),
    ],
)
def test_opening_at_a_page_runs_nothing(data: bytes) -> None:
    # A destination only says where the document opens, as fpdf2, Word and LibreOffice write
    # it; a /GoTo action to one says the same. Neither reaches out nor runs anything.
    assert check_pdf(data) == []


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (opening(uri_action()), "/OpenAction /URI"),
        (opening(b"<< /S /U#52I /URI (https://evil.example) >>"), "/OpenAction /URI"),
        (opening(b"<< /S /Named /N /Print >>"), "/OpenAction /Named"),
        (opening(b"<< /S /GoTo /D [3 0 R /Fit] /Next 5 0 R >>", uri_action()), "/OpenAction"),
        (page_actions(b"<< /O << /S /GoTo /D [3 0 R /Fit] >> >>"), "/AA /GoTo"),
        (page_actions(b"<< /C 4 0 R >>", uri_action()), "/AA /URI"),
        (annotation_with(b"/AA << /E 5 0 R >>", uri_action()), "/AA /URI"),
        (catalog_with(b"/AA << /WC 4 0 R >>", uri_action()), "/AA /URI"),
        (
            raw_pdf(
                b"<< /FT /Tx /T (f) /Type /Annot /Subtype /Widget /Rect [0 0 9 9] "
                b"/AA << /K 5 0 R >> >>",
                uri_action(),
                catalog=b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
            ),
            "/AA /URI",
        ),
        # An older revision's catalog opened the address; the bytes published still hold it.
        (incremental_update(opening(uri_action()), 1, CATALOG), "/OpenAction /URI"),
    ],
    ids=[
        "open action URI",
        "hex-escaped URI",
        "open action Print",
        "URI chained after a GoTo",
        "page /AA GoTo",
        "page /AA on close",
        "link annotation /AA",
        "catalog /AA",
        "form field /AA",
        "older revision",
    ],
)
def test_an_action_that_runs_by_itself_is_pdf007(data: bytes, found: str) -> None:
    [problem] = check_pdf(data, "a.pdf")
    assert problem.code == "PDF007"
    assert f"({found} " in problem.text("en")
    for lang in ("kk", "ru"):
        text = problem.text(lang)
        assert "{" not in text and found.split()[0] in text


@pytest.mark.parametrize(
    ("action", "code"),
    [
        (JS_ACTION, "PDF004"),
        (b"<< /S /Launch /F (cmd.exe) >>", "PDF005"),
        (b"<< /S /SubmitForm /F (https://evil.example) >>", "PDF005"),
    ],
)
def test_an_action_refused_by_its_own_rule_is_said_once(action: bytes, code: str) -> None:
    # One problem, one finding: a script or a launch that runs by itself is said by its rule.
    assert pdf_codes(opening(action)) == [code]
    assert pdf_codes(page_actions(b"<< /O 4 0 R >>", action)) == [code]


def test_what_a_refused_action_chains_runs_by_itself_too() -> None:
    chained = b"<< /S /JavaScript /JS (x) /Next 5 0 R >>"
    assert pdf_codes(opening(chained, uri_action())) == ["PDF004", "PDF007"]


def test_a_chain_longer_than_any_document_needs_is_pdf007() -> None:
    hops = [b"<< /S /GoTo /D [3 0 R /Fit] /Next %d 0 R >>" % (n + 5) for n in range(MAX_CHAIN)]
    assert pdf_codes(opening(*hops, b"<< /S /GoTo /D [3 0 R /Fit] >>")) == ["PDF007"]
    cycle = opening(b"<< /S /GoTo /D [3 0 R /Fit] /Next 5 0 R >>", b"<< /S /GoTo /Next 4 0 R >>")
    assert pdf_codes(cycle) == []  # a cycle of page turns ends, and opens nothing


def test_the_notice_makes_no_link_mention_or_hidden_character_live(base: Path) -> None:
    # What a pull request writes into its record reaches the notice the bot posts: it must
    # read as written, never as a link, an image, a mention or an invisible reordering.
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "base", when="2026-06-01T10:00:00+05:00")
    git(base, "checkout", "-q", "-b", "apply")
    edit(
        base / SYSTEM,
        "  reference: APP-2026-001",
        '  reference: "[click](https://evil.example) @kz-trustlist/maintainers www.evil.kz"',
    )
    edit(base / SYSTEM, '"260540001236"', '"260540001237"')
    git(base, "commit", "-q", "-am", "apply", when="2026-06-02T10:00:00+05:00")
    notice = as_markdown(
        make_notice(check_pull_request(Path("registry"), "main"), "en", date(2026, 6, 3))
    )
    rendered = markdown.markdown(notice, extensions=["tables"])
    assert "<a " not in rendered and "<img" not in rendered
    assert "`https://evil.example)`" in notice or "`https://evil.example`" in notice
    assert "`@kz-trustlist/maintainers`" in notice
    assert "`www.evil.kz`" in notice
