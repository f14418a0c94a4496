"""bundle step: one body's part of a built site, for its webmaster to put on the body's own
official internet resource, as the Order has each body publish its list there (issue 26).

Made from a real build of the whole site (`trustlist bundle` builds it into a temporary
folder with the same mkdocs.yml), never rendered apart, so a bundle's pages are the site's
pages: the sector's list, history and system pages in every language, its documents and
source records, its exports (JSON, CSV, the Excel copies), every revision's list and PDF,
each system's export and each record version its lists link to, its feeds, and the assets
the pages load. The site's links are relative (use_directory_urls), so the bundle works
wherever it is put; a link that leaves it (the home page, another sector, the guides, the
search, a month's changes) is pointed at the national site's own address instead, so a
bundle served alone has no broken link. Nothing else is changed: every file but the pages
has the bytes, and the hash, it has in the national site's manifest.

The bundle gets its own manifest.json and files.txt (site/manifest.py), which name the
commit and the sector's list as the site's manifest does, so `trustlist verify DIR` checks it
like the site (exit 3 until its manifest is signed; `trustlist sign DIR --key` or the
bundle's own --key sign it).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..core.i18n import LANGUAGES
from . import exports
from .manifest import MANIFEST, build_manifest, sign_manifest, write_file_list
from .pages import API_ROOT, DOCUMENTS_ROOT
from .publish import language_choice

# The files every page loads, whatever its sector: Material's and ours.
SHARED = ("assets/",)
# An attribute that names another file of the site, as Material and our templates write
# them: always in double quotes.
LINK = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")')
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")  # a scheme, another host, a fragment


class BundleError(Exception):
    """The bundle cannot be made: `key` names what went wrong (cli/bundle.py says it in kk,
    ru or en), `values` fill it in."""

    def __init__(self, said: str, /, **values: str) -> None:
        super().__init__(f"{said}: {values}")
        self.key, self.values = said, values


@dataclass(frozen=True)
class Bundle:
    """What was written: the folder, how many files, and how many links now lead to the
    national site."""

    folder: Path
    files: int
    outward: int
    signed: bool


def build_site(config: Path, into: Path) -> None:
    """The whole site, built as `make site` builds it (`mkdocs build --strict`) from
    `config`, into `into`: a failed build is a BundleError with MkDocs' last line."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-q", "-f", str(config), "-d", str(into)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        said = [line for line in result.stderr.strip().splitlines() if line.strip()]
        raise BundleError("build", error=said[-1] if said else f"exit {result.returncode}")


def bundle_site(
    config: Path, sector: str, out: Path, key: Path | None = None, built: Path | None = None
) -> Bundle:
    """Build the site from `config` in a temporary folder (or take the site already `built`
    there, with its manifest) and write `sector`'s bundle to `out` (which must not exist, or
    be empty), signed with the SSH `key` where given."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BundleError("not_empty", folder=str(out))
    if built is not None:
        if not (built / MANIFEST).is_file():
            raise BundleError("not_built", folder=str(built))
        return bundle_from(built, sector, out, key)
    with tempfile.TemporaryDirectory(prefix="trustlist-bundle-") as scratch:
        site = Path(scratch) / "site"
        build_site(config, site)
        return bundle_from(site, sector, out, key)


def bundle_from(site: Path, sector: str, out: Path, key: Path | None = None) -> Bundle:
    """`sector`'s bundle of the built site in `site`, written to `out`."""
    sector_export = site / API_ROOT / f"{sector}.json"
    if not sector_export.is_file():
        raise BundleError("no_sector", sector=sector)
    national = _site_url(sector_export)
    names = sector_files(site, sector)
    out.mkdir(parents=True, exist_ok=True)
    outward = 0
    for name in sorted(names):
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".html"):
            text, moved = relinked((site / name).read_text(encoding="utf-8"), name, names, national)
            target.write_text(text, encoding="utf-8")
            outward += moved
        else:
            shutil.copyfile(site / name, target)
    (out / "index.html").write_text(entry_page(site, sector, names), encoding="utf-8")
    write_manifest(site, out, sector)
    if key is not None:
        try:
            sign_manifest(out, key)
        except subprocess.CalledProcessError as err:
            said = (err.stderr or b"").decode(errors="replace").strip().splitlines()
            raise BundleError("sign", key=str(key), error=said[-1] if said else "") from None
    return Bundle(out, len(names) + 1, outward, key is not None)


def _site_url(sector_export: Path) -> str:
    """The national site's address, as its exports name their schemas (exports.schema_url)."""
    schema = json.loads(sector_export.read_text(encoding="utf-8")).get("$schema", "")
    url = schema.split(f"{API_ROOT}/schemas/", 1)[0]
    if not urlsplit(url).scheme:
        raise BundleError("no_site_url")
    return url


def sector_files(site: Path, sector: str) -> set[str]:
    """The site's files that belong in `sector`'s bundle (paths relative to the site)."""
    present = _all_files(site)
    languages = languages_of(present, sector)
    prefixes = [
        *SHARED,
        *(f"{lang}/{sector}/" for lang in languages),
        f"{DOCUMENTS_ROOT}/{sector}/",
        f"{API_ROOT}/{sector}/",
        f"{API_ROOT}/schemas/",
    ]
    exact = {f"{lang}/feeds/{sector}.atom" for lang in languages}
    exact |= {name for name in present if name.startswith(f"{API_ROOT}/{sector}.")}
    # Each system's export, and each record version the sector's revision lists link to.
    systems = {
        name.split("/")[2]
        for name in present
        if name.startswith(f"{DOCUMENTS_ROOT}/{sector}/") and name.count("/") >= 3
    }
    exact |= {f"{API_ROOT}/systems/{system}.json" for system in systems}
    exact |= _record_versions(site, sector)
    chosen = {name for name in present if name in exact or name.startswith(tuple(prefixes))}
    return chosen & present


def languages_of(names: set[str], sector: str) -> list[str]:
    """The languages `sector`'s list page is in, among the files `names`, in the site's
    order (Kazakh first, as the national site opens)."""
    found = {
        name.split("/", 1)[0]
        for name in names
        if name.count("/") == 2 and name.endswith(f"/{sector}/index.html")
    }
    return [lang for lang in LANGUAGES if lang in found] + sorted(found - set(LANGUAGES))


def _all_files(site: Path) -> set[str]:
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.name not in (MANIFEST, "manifest.json.sig", "files.txt")
    }


RECORD = re.compile(rf"{API_ROOT}/records/([0-9a-f]{{40}})\.json")


def _record_versions(site: Path, sector: str) -> set[str]:
    """The record versions `sector`'s revision lists (in full or as changes) link to."""
    found = set()
    for revision in (site / API_ROOT / sector / "revisions").glob("*.json"):
        found |= set(RECORD.findall(revision.read_text(encoding="utf-8")))
    return {f"{API_ROOT}/records/{blob}.json" for blob in found}


def relinked(text: str, name: str, names: set[str], national: str) -> tuple[str, int]:
    """A page of the bundle (at `name`) with each relative link to a file outside `names`
    pointed at `national` (the site's address, ending in /) instead; and how many."""
    here = PurePosixPath(name).parent
    moved = 0

    def link(match: re.Match[str]) -> str:
        nonlocal moved
        value = html.unescape(match[2])
        if not value or EXTERNAL.match(value):
            return match[0]
        path, _, fragment = value.partition("#")
        path = path.split("?", 1)[0]
        target = _resolve(here, path)
        if target is None:  # above the site's root: leave it as it is
            return match[0]
        file = f"{target}index.html" if target.endswith("/") or not target else target
        if file.removeprefix("/") in names:
            return match[0]
        moved += 1
        address = f"{national}{target}" + (f"#{fragment}" if fragment else "")
        return f"{match[1]}{html.escape(address)}{match[3]}"

    return LINK.sub(link, text), moved


def _resolve(folder: PurePosixPath, path: str) -> str | None:
    """`path` relative to `folder`, as a path from the site's root ('' for the root, a
    trailing / kept for a folder); None above the root."""
    parts = [] if str(folder) == "." else list(folder.parts)
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    joined = "/".join(parts)
    if path.endswith("/") or path in ("", ".", "..") or path.endswith(("/.", "/..")):
        return f"{joined}/" if joined else ""
    return joined


def entry_page(site: Path, sector: str, names: set[str]) -> str:
    """The bundle's own index.html: the sector's list in each language, named as its
    export names it, as the site's root page offers its languages."""
    data = json.loads((site / API_ROOT / f"{sector}.json").read_text(encoding="utf-8"))
    sector_name = data.get("sector", {}).get("name", {}) if isinstance(data, dict) else {}
    languages = languages_of(names, sector)
    choices = [
        (f"{lang}/{sector}/", lang, html.escape(str(sector_name.get(lang) or sector)))
        for lang in languages
    ]
    first = languages[0] if languages else "kk"
    heading = (
        "Сенімді жоғары тәуекелді ЖИ жүйелерінің тізімі<br>\n"
        "  Перечень доверенных систем ИИ высокой степени риска<br>\n"
        "  List of trusted high-risk AI systems"
    )
    return language_choice(f"{first}/{sector}/", heading, choices)


def write_manifest(site: Path, out: Path, sector: str) -> None:
    """The bundle's manifest (every file's SHA-256, manifest.build_manifest) naming the
    commit and the sector's list revision as the site's manifest names them, and files.txt."""
    manifest = json.loads(build_manifest(out, None))
    national = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    manifest["source"] = national.get("source", manifest["source"])
    lists = national.get("lists", {})
    manifest["lists"] = {sector: lists[sector]} if sector in lists else {}
    (out / MANIFEST).write_text(exports.dumps(manifest), encoding="utf-8")
    write_file_list(out)
