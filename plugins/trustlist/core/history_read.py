"""history_read: a registry's history read from its git repository, the one way the build and
every command read it (`read_history`), a shallow clone refused.

Git is asked first and answered later (`begin_history`, `Begun.finish`): the build validates
the registry meanwhile, and git works on the other core. What makes it faster is handed in,
never imported: a store that keeps the last build's history (speed/historystore.py) and a
fork that walks every commit in a copy of the process (speed/forked.py). Without them, every
commit is walked here, and the history is the same (tests/test_historystore.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from . import gitrepo
from .findings import Finding, Stop
from .gitrepo import Commit
from .history import History, build_history

if TYPE_CHECKING:
    import git


class ShallowClone(Stop):
    """History cannot be told from a shallow clone: the build, and every command that reads
    history, stops and says so (GIT001; for a command, exit 2)."""


class HistoryStore(Protocol):
    """Where the last build's history is kept (speed/historystore.py's Store): `path` None
    when there is no cache folder."""

    path: Path | None

    def read(self) -> dict | None: ...

    def save(self, history: History, known: dict[str, dict]) -> None: ...

    def restore(
        self, stored: dict, known: dict[str, dict], read_blob: Callable[[str], bytes]
    ) -> History | None: ...


StoreFor = Callable[[str, str], HistoryStore]  # (repository folder, registry prefix) -> store
Fork = Callable[[Callable[[], None]], "Forked"]  # speed/forked.py's Forked: work in a copy


class Forked(Protocol):
    def join(self) -> str | None: ...


def read_history(
    registry_dir: Path,
    known: dict[str, dict] | None = None,
    previous: History | None = None,
    *,
    store: StoreFor | None = None,
) -> History | None:
    """The registry's history, or None when the registry is not in a git repository.
    `known` gives records the validator already read (git blob id -> data): history uses
    them for the versions that are the work tree's, so a record is parsed once per build.
    `previous` is an earlier build's history (`mkdocs serve`): kept if HEAD has not moved
    since, as history is made of commits only; whether the work tree is a draft is asked
    afresh. Otherwise, given a `store`, the last build's history is read from it and git
    walked for the commits since, if any; without one, every commit is walked."""
    begun = begin_history(registry_dir, previous, store=store)
    return begun.finish(known) if begun is not None else None


@dataclass
class Begun:
    """A history whose questions to git are asked (`begin_history`) and whose answers are
    awaited (`finish`): the build validates the registry meanwhile, and git works on the
    other core. Before that, the `git status` alone took most of a stored history's read.

    With no stored history to continue, a build has every commit walked by a forked copy of
    itself while it validates (`maker`, see `begin_history`): the copy leaves the history in
    the store, and `finish` reads it from there as any later build would."""

    repo: git.Repo
    prefix: str
    head: git.Commit | None  # HEAD when asked, what is walked and built; None: no commit yet
    draft: gitrepo.Asked[bool] | None = None
    previous: History | None = None  # `mkdocs serve`'s last history, HEAD unchanged
    store: HistoryStore | None = None
    stored: dict | None = None  # the store's contents, to be decoded with the records known
    walk: gitrepo.Asked[list[Commit]] | None = None  # the commits after the stored ones
    maker: Forked | None = None  # a forked process walking every commit into the store

    def finish(self, known: dict[str, dict] | None = None) -> History:
        head = self.head
        if head is None:
            return History(draft=True)  # no commit yet: everything is a draft
        draft = self.draft.answer() if self.draft else False
        if self.previous is not None:
            return replace(self.previous, draft=draft, walked=0)
        known = known or {}
        read = partial(gitrepo.read_blob, self.repo)
        walked = 0
        if self.maker is not None:
            self.maker.join()  # how it failed does not matter: the walk is then done here
            self.maker = None
            stored = self.store.read() if self.store else None
            if stored is not None and stored["commit"] == head.hexsha:
                self.stored, walked = stored, stored.get("walked", 0)
            else:
                self.walk = gitrepo.start_walk(self.repo, self.prefix, head.hexsha)
        start = self.store.restore(self.stored, known, read) if self.stored and self.store else None
        if self.stored and start is None:  # damaged: the walk asked for continues nothing
            self.walk = gitrepo.start_walk(self.repo, self.prefix, head.hexsha)
        if self.walk is None and start is not None:
            history = start
            history.walked = walked
        else:
            commits = self.walk.answer() if self.walk else []
            history = build_history(commits, read, self.prefix + "/", known, start)
            history.commit = head.hexsha
            history.walked = len(commits)
            if self.store is not None:
                self.store.save(history, known)
        history.time = head.committed_date
        history.draft = draft
        return history


def begin_history(
    registry_dir: Path,
    previous: History | None = None,
    vouched: Callable[[], dict[str, dict] | None] | None = None,
    *,
    store: StoreFor | None = None,
    fork: Fork | None = None,
) -> Begun | None:
    """Open the registry's repository and ask git what its history needs (see `Begun`);
    None when the registry is not in a git repository. A shallow clone stops here.

    `vouched` (a build that may fork) gives the work tree's records the record cache knows,
    by git blob id, without validating them: with it, a history that must be walked in full
    is walked by a forked copy of this process (`maker`), which needs them so as not to
    parse thousands of records while the build validates the same ones. `fork` makes that
    copy (speed/forked.py); `store` keeps the history between builds (speed/historystore.py)."""
    try:
        repo = gitrepo.open_repo(registry_dir)
    except gitrepo.GitError:
        return None
    if gitrepo.is_shallow(repo):
        raise ShallowClone(Finding.said(repo.working_dir, 0, 0, "GIT001", "history.shallow"))
    prefix = gitrepo.prefix_of(repo, registry_dir)
    if not repo.head.is_valid():
        return Begun(repo, prefix, None)
    commit = repo.head.commit
    begun = Begun(repo, prefix, commit)
    head = commit.hexsha
    if previous is not None and previous.commit == head:
        begun.previous = previous
    elif store is not None:
        begun.store = kept = store(repo.working_dir, prefix)
        begun.stored = stored = kept.read()
        moved = stored is not None and stored["commit"] != head
        if moved and not gitrepo.on_first_parent_line(repo, stored["commit"]):
            begun.stored = stored = None  # another branch's, or a rewritten history's
        if stored is None and vouched is not None and fork is not None and kept.path is not None:
            # Forked before any thread of this process starts (the git questions' readers).
            begun.maker = fork(
                partial(_walk_into_store, kept, repo.working_dir, prefix, head, vouched)
            )
        elif stored is None or stored["commit"] != head:
            after = stored["commit"] if stored else None
            begun.walk = gitrepo.start_walk(repo, prefix, head, after=after)
    else:
        begun.walk = gitrepo.start_walk(repo, prefix, head)
    begun.draft = gitrepo.start_status(repo, prefix)
    return begun


def _walk_into_store(
    store: HistoryStore,
    working_dir: str,
    prefix: str,
    head: str,
    vouched: Callable[[], dict[str, dict] | None],
) -> None:
    """Every commit up to `head` walked and the history left in the store (the work of
    `Begun.maker`, in a forked process: it opens the repository anew, so that no git process
    of the build's is shared). Without `vouched` records it leaves the walk to the build."""
    repo = gitrepo.open_repo(Path(working_dir))
    walk = gitrepo.start_walk(repo, prefix, head)
    known = vouched()  # meanwhile git writes the log
    if known is None:
        return
    commits = walk.answer()
    history = build_history(commits, partial(gitrepo.read_blob, repo), prefix + "/", known)
    history.commit, history.walked = head, len(commits)
    store.save(history, known)
