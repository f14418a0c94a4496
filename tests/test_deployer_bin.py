"""BIN002: a deployer's BIN, where the record gives one, has a valid check digit, by the same
check as the owner's and the auditor's (BIN001). Judged on the fixture registry by the real
validator and by the `trustlist validate` command, said in kk, ru and en at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SYSTEM, edit
from helpers import assert_said, run
from trustlist.core.identifiers import bin_check_digit
from trustlist.core.messages import say
from trustlist.core.rules import RULES
from trustlist.core.validate import validate_registry

VALID, WRONG = "050240001231", "050240001232"  # the check digit of 05024000123 is 1
NO_DIGIT = "10000000028" + "0"  # no check digit can be valid for its first eleven
DEPLOYERS = """\
deployers:
  - name:
      kk: Бірінші аурухана
      ru: Первая больница
    bin: "{first}"
  - name:
      kk: Емхана
      ru: Поликлиника
  - name:
      kk: Екінші аурухана
      ru: Вторая больница
    bin: "{third}"
"""
# The line of each deployer's bin in the record: risk_level is line 27, deployers follow it.
FIRST_LINE, THIRD_LINE = 32, 39


def name_deployers(base: Path, first: str, third: str) -> None:
    edit(
        base / SYSTEM,
        "risk_level: high\n",
        "risk_level: high\n" + DEPLOYERS.format(first=first, third=third),
    )


def test_the_numbers_are_what_they_say() -> None:
    assert bin_check_digit(VALID[:11]) == 1 and VALID[11] == "1"
    assert bin_check_digit(NO_DIGIT[:11]) is None


def test_deployers_with_valid_bins_or_none_are_valid(base: Path) -> None:
    name_deployers(base, VALID, VALID)
    assert validate_registry(Path("registry")).findings == []


def test_a_wrong_check_digit_is_found_at_its_deployer(base: Path) -> None:
    name_deployers(base, VALID, WRONG)
    findings = validate_registry(Path("registry")).findings
    assert [(f.code, f.path, f.json_path, f.line) for f in findings] == [
        ("BIN002", SYSTEM, "deployers[2].bin", THIRD_LINE)
    ]
    assert findings[0].message == "check digit must be 1, got 2"
    assert_said(findings)
    assert RULES["BIN002"] == "A deployer's BIN, where one is given, has a valid check digit."


def test_a_bin_no_check_digit_can_make_valid_is_found(base: Path) -> None:
    name_deployers(base, NO_DIGIT, VALID)
    findings = validate_registry(Path("registry")).findings
    assert [(f.code, f.json_path, f.line) for f in findings] == [
        ("BIN002", "deployers[0].bin", FIRST_LINE)
    ]
    assert findings[0].key == "bin.no_check_digit"


def test_a_bin_of_the_wrong_form_is_the_schemas_alone(base: Path) -> None:
    name_deployers(base, "12345", VALID)
    codes = [f.code for f in validate_registry(Path("registry")).findings]
    assert codes and "BIN002" not in codes
    assert all(code.startswith("SCH") for code in codes), codes


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("kk", "бақылау цифры 1 болуы керек, берілгені 2"),
        ("ru", "контрольная цифра должна быть 1, указано 2"),
        ("en", "check digit must be 1, got 2"),
    ],
)
def test_the_command_says_it_in_each_language_with_its_line_and_fails(
    base: Path, lang: str, said: str
) -> None:
    name_deployers(base, VALID, WRONG)
    result = run("validate", "--lang", lang, "registry", cwd=base)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout + result.stderr
    assert f"{SYSTEM}:{THIRD_LINE}:" in out
    assert "BIN002" in out and said in out
    assert say("bin.check_digit", lang, expected=1, got=2) == said


def test_the_json_report_names_the_rule_and_the_field(base: Path) -> None:
    name_deployers(base, WRONG, VALID)
    result = run("validate", "--format", "json", "registry", cwd=base)
    assert result.returncode == 1
    found = json.loads(result.stdout)
    text = json.dumps(found, ensure_ascii=False)
    assert '"BIN002"' in text and "deployers[0].bin" in text
