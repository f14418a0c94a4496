"""`trustlist validate` as a user runs it: exit codes, output formats, and hostile input that
must end in a clear finding, never a traceback, within bounded time and memory."""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
from pathlib import Path

import pytest
from conftest import SYSTEM, edit, replace_document
from helpers import TRUSTLIST, run
from pdf_fixtures import PNG
from trustlist.cli.main import build_parser
from trustlist.core import report
from trustlist.core.findings import UsageError

FOLDER = "registry/health/demo-triage"
LINE = re.compile(
    r"^(?P<path>[^:]+)(?::(?P<line>\d+):(?P<col>\d+))?: error\[(?P<code>[A-Z]+\d{3})\] "
)


def codes(output: str) -> set[str]:
    return {m["code"] for line in output.splitlines() if (m := LINE.match(line))}


def test_valid_registry_exits_0(base: Path) -> None:
    result = run("validate", "registry", cwd=base)
    assert result.returncode == 0
    assert result.stdout.strip().endswith("valid")


def test_findings_exit_1_with_compiler_style_lines(base: Path) -> None:
    edit(base / SYSTEM, '"260540001236"', '"260540001237"')
    result = run("validate", cwd=base)
    assert result.returncode == 1
    assert f"{SYSTEM}:15:8: error[BIN001] owner.bin: check digit must be 6, got 7" in result.stdout
    assert "1 error(s)" in result.stdout


def test_json_format(base: Path) -> None:
    edit(base / SYSTEM, "conclusion: positive", "conclusion: negative")
    result = run("validate", "registry", "--format", "json", cwd=base)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["valid"] is False
    assert payload["checked"] == {"sectors": 1, "systems": 1, "documents": 3}
    [finding] = payload["findings"]
    assert finding == {
        "path": SYSTEM,
        "line": 57,
        "column": 15,
        "code": "AUD001",
        "severity": "error",
        "json_path": "audit.conclusion",
        "message": "is negative; only a positive audit conclusion supports inclusion",
    }


def test_github_annotations(base: Path) -> None:
    edit(base / SYSTEM, "size: 1035", "size: 1036")
    result = run("validate", "--format", "github", cwd=base)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"::error file={SYSTEM},line=78,col=11,title=DOC004::"
        "documents[1].size: is 1036 but 'copyright-certificate.pdf' has 1035 bytes"
    )


def test_markdown_format(base: Path) -> None:
    edit(base / SYSTEM, "size: 1035", "size: 1036")
    result = run("validate", "--format", "markdown", cwd=base)
    assert "| `registry/health/demo-triage/system.yaml:78:11` | DOC004 |" in result.stdout


def test_missing_registry_is_a_usage_error(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "no such registry folder" in result.stderr


@pytest.mark.parametrize("args", [["validate", "--format", "xml"], ["frobnicate"], []])
def test_bad_arguments_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_rules_lists_every_code() -> None:
    result = run("rules")
    assert result.returncode == 0
    assert re.search(r"^BIN001\t.*check digit", result.stdout, re.M)


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(20)
)


def _hostile_system(root: Path, data: bytes) -> None:
    (root / SYSTEM).write_bytes(data)


HOSTILE = {
    "billion laughs": (BOMB.encode(), {"YAML003"}),
    "50 MB file": (b"a: " + b"x" * (50 * 1024 * 1024) + b"\n", {"YAML005"}),
    "binary junk": (random.Random(7).randbytes(200_000), {"YAML004"}),
    "deep nesting": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", {"YAML005"}),
    "nul byte": (b"a: b\x00c\n", {"YAML006"}),  # a forbidden character, said as one
    "python object tag": (
        b"a: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
        {"YAML009"},
    ),
    "many keys": (b"".join(b"k%d: v\n" % i for i in range(30_000)), {"YAML005"}),
    "empty file": (b"", {"YAML008"}),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_record(base: Path, name: str) -> None:
    data, expected = HOSTILE[name]
    _hostile_system(base, data)
    result = run("validate", cwd=base)
    assert result.returncode == 1
    assert codes(result.stdout) == expected, result.stdout[:2000]


def test_bidi_file_name_is_reported_escaped(base: Path) -> None:
    (base / FOLDER / "report\u202efdp.exe").write_bytes(b"MZ")
    result = run("validate", cwd=base)
    assert result.returncode == 1
    assert "\u202e" not in result.stdout
    assert "report\\u202efdp.exe" in result.stdout
    assert codes(result.stdout) == {"DOC009"}


def test_symlinked_system_folder_is_refused(base: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (base / FOLDER).rename(outside)
    os.symlink(outside, base / FOLDER)
    result = run("validate", cwd=base)
    assert result.returncode == 1
    assert codes(result.stdout) == {"FILE002"}


def test_oversized_document(base: Path) -> None:
    with (base / FOLDER / "audit-report.pdf").open("ab") as handle:
        handle.truncate(30 * 1024 * 1024)
    result = run("validate", cwd=base)
    assert "error[DOC004] documents[2].size: 'audit-report.pdf' is 31457280 bytes" in result.stdout


def test_rules_page_is_in_sync() -> None:
    page = Path(__file__).parents[1] / "docs" / "rules.md"
    result = run("rules", "--format", "markdown")
    assert page.read_text(encoding="utf-8") == result.stdout


# --- one way to report ----------------------------------------------------------------------


def test_a_broken_pdf_is_a_finding_at_its_line_in_every_format(base: Path) -> None:
    # A PNG under a PDF's name: PDF001 at the record's line listing the file, in each format
    # the reporter table has, each from one run of the real command.
    replace_document(base, "audit-report.pdf", PNG)
    where, field = f"{SYSTEM}:85:11", "documents[2].file"
    said = "'audit-report.pdf' is not a PDF (it looks like a PNG image)"
    shown = {}
    for name in report.FORMATS:
        result = run("validate", "--format", name, cwd=base)
        assert result.returncode == 1, name
        shown[name] = result.stdout
    assert f"{where}: error[PDF001] {field}: {said}" in shown["text"]
    [finding] = json.loads(shown["json"])["findings"]
    assert (finding["path"], finding["line"], finding["code"]) == (SYSTEM, 85, "PDF001")
    assert finding["message"].startswith(said)
    assert shown["github"].startswith(f"::error file={SYSTEM},line=85,col=11,title=PDF001::")
    assert f"| `{where}` | PDF001 | `{field}` | {said}" in shown["markdown"]
    # --lang says it in Kazakh or Russian, in every format.
    russian = run("validate", "--format", "json", "--lang", "ru", cwd=base).stdout
    assert json.loads(russian)["findings"][0]["message"].startswith(
        "'audit-report.pdf' не является PDF"
    )
    kazakh = run("validate", "--lang", "kk", cwd=base).stdout
    assert "'audit-report.pdf' PDF емес" in kazakh
    assert kazakh.endswith(": 1 қате, 0 ескерту\n")


def _format_choices() -> dict[str, tuple[str, ...]]:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {
        name: tuple(action.choices)
        for name, command in commands.choices.items()
        for action in command._actions
        if action.dest == "format"
    }


# The commands whose output is findings, and the one that prints a document (not a report).
FINDINGS_COMMANDS = {"validate", "check", "governance", "verify"}
DOCUMENT_COMMANDS = {"notice": ("markdown", "html", "pdf")}


def test_every_format_is_the_reporter_tables() -> None:
    choices = _format_choices()
    assert set(choices) >= FINDINGS_COMMANDS
    assert tuple(report.REPORTERS) == report.FORMATS == ("text", "json", "github", "markdown")
    for name, offered in choices.items():
        if name in FINDINGS_COMMANDS:
            assert offered == report.FORMATS, name
        elif name in DOCUMENT_COMMANDS:
            assert offered == DOCUMENT_COMMANDS[name]
        else:  # terms, revisions, rules: some of the table's formats, never one of their own
            assert set(offered) <= set(report.FORMATS), name
    with pytest.raises(ValueError, match="xml"):
        report.formats("text", "xml")


def test_findings_of_a_command_without_findings_follow_its_format(base: Path) -> None:
    # `expiring` prints expiring audits; a registry it cannot read is findings, in its format.
    edit(base / SYSTEM, '"260540001236"', '"260540001237"')
    result = run("expiring", "--format", "json", cwd=base)
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["code"] == "BIN001"


def test_governance_reports_in_every_format(base: Path) -> None:
    for name in report.FORMATS:
        result = run("governance", "--format", name, "--lang", "ru", cwd=base)
        assert result.returncode in (0, 1), result.stderr
        assert result.stdout.endswith("\n") and result.stderr == ""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["deadlines", "--submitted", "2026-01-05", "--calendar", "nope.yaml"],
            "nope.yaml: no such calendar file",
        ),
        (
            ["deadlines", "--submitted", "2026-01-05", "--resubmitted", "2026-01-06"],
            "each --resubmitted answers a --returned notice: give the notice's date",
        ),
    ],
)
def test_a_command_that_cannot_run_says_why_in_one_line(
    base: Path, args: list[str], said: str
) -> None:
    result = run(*args, cwd=base)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"trustlist: {said}\n")


def test_a_usage_error_is_said_in_the_users_language() -> None:
    error = UsageError.said("usage.no_calendar", calendar="x.yaml")
    assert str(error) == error.text() == error.text("en") == "x.yaml: no such calendar file"
    assert error.text("ru") == "x.yaml: файла календаря нет"
    assert error.text("kk") == "x.yaml: мұндай күнтізбе файлы жоқ"
    assert UsageError("in English only").text("kk") == "in English only"


# --- a reader that goes away ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["rules"], ["rules", "--format", "markdown"], ["validate"], ["--help"], ["validate", "-h"]],
)
def test_a_closed_standard_output_ends_the_command_quietly(base: Path, args: list[str]) -> None:
    # The reading end is closed before the command writes: its first write finds no reader,
    # as `trustlist rules | head -1` does once head has its line.
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [str(TRUSTLIST), *args], stdout=write, stderr=subprocess.PIPE, cwd=base, timeout=120
        )
    finally:
        os.close(write)
    assert result.stderr == b""
    # 128 + SIGPIPE, as a shell reports `yes | head -1`; argparse's help ignores a failed write
    # itself and exits 0.
    assert result.returncode == (0 if "--help" in args or "-h" in args else 141)


def test_rules_into_head() -> None:
    result = subprocess.run(
        ["bash", "-c", f"'{TRUSTLIST}' rules | head -1; echo \"${{PIPESTATUS[0]}}\" >&2"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout == "FILE001\tA registry file can be read.\n"
    assert result.stderr.strip() in ("0", "141")
