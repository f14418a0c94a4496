"""The Kazakh translation of Material's own UI strings stays complete as Material changes.

Material ships no Kazakh (partials/languages/kk.html is ours). If an upgrade adds a key, the
Kazakh pages would show an empty label: this test names the key to translate.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import jinja2
import material

KEY = re.compile(r'^\s*"([^"]+)":', re.MULTILINE)
OURS = resources.files("trustlist") / "overrides" / "partials" / "languages" / "kk.html"
ENGLISH = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
# Settings rather than words: the script direction and the search engine's configuration
# (Kazakh search uses the Russian stemmer, the closest lunr has, and must stay so).
SETTINGS = {
    "language",
    "direction",
    "search.config.lang",
    "search.config.pipeline",
    "search.config.separator",
}


def _macro(path: Path) -> jinja2.runtime.Macro:
    return jinja2.Environment(autoescape=True).from_string(path.read_text("utf-8")).module.t


def test_kazakh_has_exactly_materials_keys() -> None:
    ours = KEY.findall(OURS.read_text("utf-8"))
    english = KEY.findall(ENGLISH.read_text("utf-8"))
    assert len(ours) == len(set(ours)), "a key is translated twice"
    assert set(english) - set(ours) == set(), "Material added keys: translate them in kk.html"
    assert set(ours) - set(english) == set(), "keys Material no longer has: remove them"


def test_every_kazakh_string_is_translated() -> None:
    kazakh, english = _macro(Path(str(OURS))), _macro(ENGLISH)
    assert kazakh("language") == "kk"
    for key in KEY.findall(ENGLISH.read_text("utf-8")):
        value = kazakh(key)
        if key in SETTINGS:
            continue
        assert value != english(key), f"{key} is still English: {value}"
        assert re.search("[а-яәғқңөұүһі]", value, re.IGNORECASE), f"{key} is not Kazakh: {value}"
    assert kazakh("search.config.lang") == "ru"
