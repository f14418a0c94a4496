"""cli: `trustlist applications`, the applications still open, from GitHub, as JSON.

The register counts refused and withdrawn applications from git (core/journal.py); an open
one is a pull request and exists only on GitHub. This command asks GitHub's REST API, only
when run, and writes what it found for the build to publish
(schemas/open-applications.schema.json). The token is read from the environment variable
named by --token-env, never from an argument, and never printed.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

LANGS = ("kk", "ru", "en")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "applications",
        help="the open application pull requests, read from GitHub, as JSON for the site",
        description="Lists the repository's open pull requests through GitHub's REST API and "
        "keeps the applications: those whose changed files all lie in one system folder, "
        "REGISTRY/<sector>/<system-id>/. One labelled 'returned' was returned to its applicant "
        "and not yet resubmitted. Writes {as_of, repository, applications: [{number, sector, "
        "system, opened, returned, url}], other} (schemas/open-applications.schema.json). "
        "The token, if any, is read from the environment variable named by --token-env. "
        "Exit 2 with one line when GitHub cannot be read.",
    )
    parser.add_argument("--repository", required=True, metavar="OWNER/NAME")
    parser.add_argument(
        "--api-url",
        default="https://api.github.com",
        metavar="URL",
        help="GitHub's REST API (default: https://api.github.com)",
    )
    parser.add_argument(
        "--token-env",
        default="GITHUB_TOKEN",
        metavar="NAME",
        help="the environment variable holding the token (default: GITHUB_TOKEN); "
        "unset or empty: ask without one",
    )
    parser.add_argument(
        "--registry",
        default="registry",
        help="the registry's folder in the repository (default: registry)",
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="the JSON file to write")
    parser.add_argument("--lang", choices=LANGS, default="en", help="of the messages")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.applications import REPOSITORY, GitHub, document, read_open_applications
    from ..core.findings import UsageError
    from ..core.messages import say

    if not REPOSITORY.fullmatch(args.repository):
        raise UsageError.said("applications.bad_repository", value=args.repository)
    if not _api_url(args.api_url):
        raise UsageError.said("applications.bad_api_url", value=args.api_url)
    registry = _registry(args.registry)
    if registry is None:
        raise UsageError.said("applications.bad_registry", value=args.registry)
    token = os.environ.get(args.token_env, "").strip()
    as_of = datetime.now(UTC)
    client = GitHub(args.api_url, args.repository, token)
    applications, other = read_open_applications(client, registry)
    data = document(as_of, args.repository, applications, other)
    _write(Path(args.out), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    returned = sum(a.returned for a in applications)
    count = len(applications)
    print(
        say(
            "applications.wrote",
            args.lang,
            file=args.out,
            count=count,
            returned=returned,
            other=other,
        )
    )
    return 0


def _api_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not parts.query


def _registry(folder: str) -> str | None:
    """The registry's folder as a path inside the repository (registry, ./registry/ or
    data/registry), or None for one outside it."""
    if not folder or folder.startswith("/") or "\\" in folder:
        return None
    path = posixpath.normpath(folder)
    return None if path in (".", "..") or path.startswith("../") else path


def _write(path: Path, text: str) -> None:
    """Write whole or not at all: a build never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    part = Path(name)
    try:
        os.fchmod(handle, 0o644)  # mkstemp's 0600 would keep a published file from readers
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
