"""The site's own words: every key in all three languages, the same placeholders in each,
every key the templates use defined, and every value a record can take named."""

from __future__ import annotations

import re
import typing
from importlib import resources

import pytest
from trustlist.core import models
from trustlist.core.i18n import LANGUAGE_NAMES, MESSAGES, t

PLACEHOLDER = re.compile(r"\{(\w+)\}")
TEMPLATES = resources.files("trustlist") / "templates"


def test_every_message_in_every_language() -> None:
    for key, texts in MESSAGES.items():
        assert len(texts) == 3, key
        assert all(text.strip() for text in texts), key
        names = [set(PLACEHOLDER.findall(text)) for text in texts]
        assert names[0] == names[1] == names[2], key


def test_kazakh_and_russian_are_not_english() -> None:
    same = {key for key, (kk, ru, en) in MESSAGES.items() if en in (kk, ru)}
    assert same == set()


def test_keys_used_by_templates_exist() -> None:
    used = set()
    for template in TEMPLATES.iterdir():
        used |= set(re.findall(r"""\bt\(\s*["'](\w+)["']""", template.read_text("utf-8")))
    assert used, "the templates use no message: the pattern is wrong"
    # Keys built from a prefix ("status_" ~ state) are checked value by value below.
    assert {key for key in used if not key.endswith("_")} - MESSAGES.keys() == set()


@pytest.mark.parametrize(
    ("prefix", "values"),
    [
        ("status_", typing.get_args(models.StatusState)),
        ("reason_", typing.get_args(models.Reason)),
        ("kind_", typing.get_args(models.DocumentKind)),
        ("owner_role_", typing.get_args(models.Owner.model_fields["role"].annotation)),
        ("conclusion_", typing.get_args(models.Audit.model_fields["conclusion"].annotation)),
        ("copyright_", typing.get_args(models.Copyright.model_fields["kind"].annotation)),
    ],
)
def test_every_record_value_has_a_name(prefix: str, values: tuple[str, ...]) -> None:
    assert values
    for value in values:
        assert f"{prefix}{value}" in MESSAGES


def test_placeholders_are_filled() -> None:
    assert t("search_results", "kk", count=3) == "Табылды: 3"
    assert "Минздрав" in t("available_on_request", "ru", authority="Минздрав")
    assert LANGUAGE_NAMES.keys() == {"kk", "ru", "en"}
