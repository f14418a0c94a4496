"""archive step: what the site publishes from the repository besides the registry: the
body's public manifest key, and every published state's signed manifest.

Each deploy's signed manifest is kept on an append-only branch, `published-manifests`, one
folder a deploy named <date>-<commit> (the date of the deploy in Kazakhstan, UTC+5; the commit
the manifest names), added by the deploy workflow's archive job once the site is published.
The site is rebuilt from nothing at each deploy: the build reads that branch from git and
publishes it under archive/, with archive/index.json listing every state in the order
published, so an auditor can prove what the site served at any past deploy
(`trustlist verify --as-of`). Each archived manifest carries its own signature; the current
manifest lists the archive's files too.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from ..core import gitrepo
from ..core.decisions import KZ_TIME
from ..core.gitrepo import Archived
from . import exports
from .manifest import MANIFEST, SIGNATURE
from .outputs import (
    ARCHIVE_INDEX,
    ARCHIVE_LIST,
    ARCHIVED_MANIFEST,
    ARCHIVED_SIGNATURE,
    KEY_FILE,
    PUBLIC_KEY,
    Published,
    archived,
)

# Every deploy's signed manifest, kept on this append-only branch of the repository (the
# deploy workflow's archive job adds one folder a deploy): the build reads it from git.
ARCHIVE_BRANCH = "published-manifests"
ARCHIVE_REF_ENV = "TRUSTLIST_ARCHIVE_REF"  # a commit of the branch to build from (a rebuild)


def repository_files(registry: Path) -> Iterator[Published]:
    """What the repository keeps beside the registry: the body's public manifest key
    (keys/allowed_signers at the work tree's root) and the archive of every published state
    (the branch `published-manifests`, or TRUSTLIST_ARCHIVE_REF, a commit of it, which a
    rebuild of a published site gives: the archive/index.json of that site names it; set
    and empty, no archive).

    Git is read when the files are written (the forked writer), not before."""
    repo = gitrepo.open_repo(registry)
    key = Path(repo.working_dir) / PUBLIC_KEY
    if key.is_file():
        yield Published(PUBLIC_KEY, key, by=KEY_FILE)
    asked = os.environ.get(ARCHIVE_REF_ENV)
    if asked == "":  # a rebuild of a site published with no archive
        return
    refs = [asked] if asked else [ARCHIVE_BRANCH, f"origin/{ARCHIVE_BRANCH}"]
    kept = gitrepo.archived_files(repo, refs)
    if kept is None and asked:
        raise gitrepo.GitError(f"{ARCHIVE_REF_ENV}={asked}: no such commit in {repo.working_dir}")
    if kept is not None:
        yield from archive_files(*kept)


def archive_files(commit: str, files: Iterable[Archived]) -> Iterator[Published]:
    """archive/<date>-<commit>/manifest.json and .sig of each deploy, as kept on the archive
    branch at `commit`, and archive/index.json: every state in the order published, with
    when (the time the deploy's folder was added to the branch, UTC+5), the commit the
    manifest names and where its files are. Other files of the branch are not published."""
    states: dict[str, dict[str, object]] = {}
    for kept in files:
        folder, _, name = kept.path.partition("/")
        if not _STATE.fullmatch(folder) or name not in (MANIFEST, SIGNATURE):
            continue
        state = states.setdefault(folder, {"folder": folder, "time": kept.time})
        if name == MANIFEST:
            yield Published(archived(folder, name), content=kept.data, by=ARCHIVED_MANIFEST)
            state["manifest"] = archived(folder, name)
            state["time"] = kept.time
            try:
                state["commit"] = json.loads(kept.data)["source"]["commit"]
            except (ValueError, KeyError, TypeError):
                state["commit"] = None
        else:
            yield Published(archived(folder, name), content=kept.data, by=ARCHIVED_SIGNATURE)
            state["signature"] = archived(folder, name)
    published = []
    for state in sorted(states.values(), key=lambda s: (s["time"], s["folder"])):
        if "manifest" not in state:  # a signature alone proves nothing
            continue
        when = datetime.fromtimestamp(int(state["time"]), KZ_TIME)  # type: ignore[arg-type]
        published.append(
            {
                "published": when.isoformat(),
                "commit": state["commit"],
                "manifest": state["manifest"],
                "signature": state.get("signature"),
            }
        )
    index = {"branch": ARCHIVE_BRANCH, "commit": commit, "states": published}
    yield Published(ARCHIVE_INDEX, content=exports.encoded(index), by=ARCHIVE_LIST)


_STATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-f]{7,40}")  # <date>-<commit>
