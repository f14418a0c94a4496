"""sectors_api: api/v1/sectors.json, the site's sectors as data, made from the `Site`.

Each sector's id, its name in Kazakh, Russian and English, the body that keeps its list and
the address of its list's page in each of the site's languages. The application form
(assets/trustlist-form.js) offers its sectors from this file, not from a page's markup; any
other program may read it too (export-sectors.schema.json). The plugin declares it as one of
MkDocs' files (structure.declare_generated), an Output of its own (outputs.SECTORS_LIST).
"""

from __future__ import annotations

from .exports import encoded, schema_url
from .outputs import SECTORS_LIST
from .pages import Site

PATH = SECTORS_LIST.path
SCHEMA = "export-sectors.schema.json"


def sectors_json(site: Site, site_url: str) -> bytes:
    """The file's bytes: its sectors in id order; addresses after `site_url` (ending in /)."""
    return encoded(
        {
            "$schema": schema_url(site_url, SCHEMA),
            "languages": list(site.languages),
            "sectors": [
                {
                    "id": sector.id,
                    "name": sector.name.model_dump(mode="json"),
                    "authority": sector.authority.model_dump(mode="json"),
                    "pages": {lang: f"{site_url}{lang}/{sector.id}/" for lang in site.languages},
                }
                for sector in site.sectors()
            ],
        }
    )
