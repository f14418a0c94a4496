"""search step: one search index per language, for the site's own bundled search script.

Material's search builds a single lunr index whose trimmer drops Cyrillic letters it does
not know; ours keeps whole words in every language. The index holds the words as written
(lower-cased): assets/trustlist.js folds ё to е and stems the index's words and the query's
with one function when the index is loaded (Russian: Snowball; Kazakh: plural, possessive
and case suffixes; English: plurals), so «рентгенограммаға» finds «рентгенограммаларын».
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from functools import partial

from ..core.i18n import expired_notice, status_notice, t
from ..core.models import System
from ..speed.incremental import NO_REUSE, Reuse
from .pages import Site, pick, relative


def normalize(text: str) -> str:
    """Lower-case, NFC text with single spaces (the script folds it again, with ё as е)."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def search_index(site: Site, lang: str, reuse: Reuse = NO_REUSE) -> str:
    """JSON list of {title, url, sector, owner, deployers, state, label, expired, notice,
    text} for every system page in `lang`."""
    entries = []
    for sector in site.sectors():
        sector_name = sector.name.get(lang)
        for system in site.systems(sector.id):
            make = partial(_entry, system, sector.id, sector_name, lang, site.as_of)
            entries.append(reuse.get(f"search {lang}", system.id, make))
    return f"[{','.join(entries)}]"


def _entry(system: System, sector_id: str, sector_name: str, lang: str, as_of: date | None) -> str:
    name = pick(system.name, lang).value
    owner = pick(system.owner.name, lang).value
    deployers = [pick(d.name, lang).value for d in system.deployers or ()]
    texts = [name, owner, system.owner.bin, sector_name, system.id]
    for deployer in system.deployers or ():
        texts.append(pick(deployer.name, lang).value)
        texts.append(deployer.bin or "")
    for text in (system.description.purpose, system.description.methods):
        texts.append(pick(text, lang).value)
    state = system.status.state
    expired = state == "listed" and system.audit_expired(as_of)
    if state != "listed":
        notice = status_notice(state, system.status.since, system.status.reason, lang)
    else:
        notice = expired_notice(system.audit.valid_until, lang) if expired else ""
    entry = {
        "title": name,
        "url": relative(f"{lang}/search/", f"{lang}/{sector_id}/{system.id}/"),
        "sector": sector_name,
        "owner": owner,
        "deployers": deployers,
        "state": state,
        "label": t(f"status_{state}", lang),
        "expired": expired,
        "notice": notice,  # since when and why, in words (empty for a system in good standing)
        "text": normalize(" ".join(texts)),
    }
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
