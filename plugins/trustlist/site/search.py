"""search step: one search index per language, for the site's own bundled search script.

Material's search builds a single lunr index whose trimmer drops Cyrillic letters it does
not know; ours keeps whole words in every language and matches by substring, so a Kazakh
word such as «сұрыптау» finds its system.
"""

from __future__ import annotations

import json
import unicodedata
from functools import partial

from ..speed.incremental import NO_REUSE, Reuse
from ..core.models import System
from .pages import Site, pick, relative


def normalize(text: str) -> str:
    """Lower-case, NFC text with single spaces: the same folding the script applies to a query."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def search_index(site: Site, lang: str, reuse: Reuse = NO_REUSE) -> str:
    """JSON list of {title, url, sector, owner, text} for every system page in `lang`."""
    entries = []
    for sector in site.sectors():
        sector_name = sector.name.get(lang)
        for system in site.systems(sector.id):
            make = partial(_entry, system, sector.id, sector_name, lang)
            entries.append(reuse.get(f"search {lang}", system.id, make))
    return f"[{','.join(entries)}]"


def _entry(system: System, sector_id: str, sector_name: str, lang: str) -> str:
    name = pick(system.name, lang).value
    owner = pick(system.owner.name, lang).value
    texts = [name, owner, system.owner.bin, sector_name, system.id]
    for text in (
        system.description.purpose,
        system.description.methods,
        system.name,
        system.owner.name,
    ):
        texts.append(pick(text, lang).value)
    entry = {
        "title": name,
        "url": relative(f"{lang}/search/", f"{lang}/{sector_id}/{system.id}/"),
        "sector": sector_name,
        "owner": owner,
        "status": system.status.state,
        "text": normalize(" ".join(texts)),
    }
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
