"""gitrepo: the one module that reads git.

Everything else gets plain data from here (changed paths, a file's bytes at a revision), so
the policy and history code stays testable without a repository and git is walked in one
place only.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from .findings import UsageError

if TYPE_CHECKING:
    import git

# GitPython (`import git`, 35 ms) is imported by the functions that use it, all of them given a
# repository `open_repo` opened: `trustlist validate` and the PR check read no history.


class GitError(UsageError):
    """The repository or a revision cannot be read: a usage error, said in one line."""


@dataclass(frozen=True)
class Change:
    """One path changed between two revisions: A(dded), D(eleted) or M(odified)."""

    status: str
    path: str


@dataclass(frozen=True)
class Comparison:
    base: str  # the merge base's full SHA
    head: str
    changes: tuple[Change, ...]


def open_repo(path: Path) -> git.Repo:
    import git

    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError(f"{path}: not inside a git repository") from None


def compare(repo: git.Repo, base: str, head: str = "HEAD") -> Comparison:
    """What `head` changed since it left `base`: the diff from their merge base, as a pull
    request shows it (changes made on the base branch meanwhile are not the PR's)."""
    import git

    try:
        base_commit = repo.commit(base)
        head_commit = repo.commit(head)
    except (git.BadName, ValueError):
        raise GitError(f"'{base}' or '{head}' is not a revision of this repository") from None
    merge_bases = repo.merge_base(base_commit, head_commit)
    if not merge_bases:
        raise GitError(f"'{base}' and '{head}' share no history (fetch with fetch-depth: 0)")
    start = merge_bases[0]
    changes: list[Change] = []
    # A rename is a deletion and an addition for the registry's rules: no rename detection.
    raw = repo.git.diff("--no-renames", "--name-status", "-z", start.hexsha, head_commit.hexsha)
    fields = [f for f in raw.split("\0") if f]
    for status, path in zip(fields[::2], fields[1::2], strict=True):
        changes.append(Change(status[0] if status[0] in "ADM" else "M", path))
    return Comparison(start.hexsha, head_commit.hexsha, tuple(changes))


def read_at(repo: git.Repo, revision: str, path: str) -> bytes | None:
    """A file's bytes at `revision`, or None where it did not exist."""
    try:
        blob = repo.commit(revision).tree / path
    except KeyError:
        return None
    return blob.data_stream.read()


def export_tree(repo: git.Repo, revision: str, path: str, into: Path) -> Path:
    """The folder `path` as committed at `revision`, written under `into` (what a pull request
    submits is its commits, not a work tree with files never added); returns `into/path`."""
    import io
    import tarfile

    try:
        raw = subprocess.run(
            ["git", "archive", "--format=tar", revision, "--", path],
            cwd=repo.working_dir,
            capture_output=True,
            check=True,
        ).stdout
    except subprocess.CalledProcessError as err:
        why = err.stderr.decode(errors="replace").strip().splitlines() or ["git archive failed"]
        raise GitError(f"{path} at {revision}: {why[-1]}") from None
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        try:  # the "data" filter refuses links and paths that leave the folder
            archive.extractall(into, filter="data")
        except tarfile.FilterError as err:
            raise GitError(f"{path} at {revision}: {err}") from None
    return into / path


@dataclass(frozen=True)
class FileChange:
    """A file changed by a commit, with the blob ids before and after (None where absent)."""

    status: str  # A, D or M
    path: str
    old_blob: str | None
    new_blob: str | None


@dataclass(frozen=True)
class Commit:
    sha: str
    time: int  # committer time, seconds since the epoch: the moment a revision was issued
    subject: str
    changes: tuple[FileChange, ...]


_NULL_BLOB = "0" * 40
T = TypeVar("T")


class Asked(Generic[T]):
    """A git command started now and answered later (`answer`). Its output is read on a
    thread as git writes it, so git works on another core while the build goes on (a full
    pipe would stop it): the history's questions are asked before validation."""

    def __init__(self, repo: git.Repo, args: list[str], parse: Callable[[str], T]) -> None:
        import git

        self._args, self._parse = args, parse
        self._process = subprocess.Popen(
            [git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git", *args],
            cwd=repo.working_dir,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "LC_ALL": "C", "LANGUAGE": "C"},
        )
        self._output: tuple[bytes, bytes] = (b"", b"")
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        self._output = self._process.communicate()

    def answer(self) -> T:
        self._reader.join()
        out, err = self._output
        if self._process.returncode != 0:
            said = err.decode("utf-8", "replace").strip()
            raise GitError(f"git {self._args[0]} failed: {said}")
        return self._parse(out.decode("utf-8"))


def walk(repo: git.Repo, path: str, ref: str = "HEAD", after: str | None = None) -> list[Commit]:
    """Every commit of `ref`'s first-parent line that changed `path`, oldest first, with the
    files each changed: one `git log` for the whole history (or, given `after`, a commit on
    that line, for the commits since it).

    First parent only: on the published branch a merged pull request is one decision, so its
    merge commit (diffed against the previous state of main) is one revision.
    """
    return start_walk(repo, path, ref, after).answer()


def start_walk(
    repo: git.Repo, path: str, ref: str = "HEAD", after: str | None = None
) -> Asked[list[Commit]]:
    """`walk`, asked now and answered later."""
    args = [
        "log",
        f"{after}..{ref}" if after else ref,
        "--first-parent",
        "--diff-merges=first-parent",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "-z",
        "--reverse",
        "--format=%x1e%H%x1f%ct%x1f%s",
        "--",
        path,
    ]
    return Asked(repo, args, _commits)


def _commits(raw: str) -> list[Commit]:
    commits = []
    for chunk in raw.split("\x1e")[1:]:
        header, _, body = chunk.partition("\0")
        sha, time, subject = header.split("\x1f", 2)
        fields = body.lstrip("\n").split("\0")
        changes = []
        for meta, file in zip(fields[::2], fields[1::2], strict=False):
            _modes, _mode, old, new, status = meta.lstrip(":").split(" ")[:5]
            changes.append(
                FileChange(
                    status[0] if status[0] in "ADM" else "M",
                    file,
                    None if old == _NULL_BLOB else old,
                    None if new == _NULL_BLOB else new,
                )
            )
        commits.append(Commit(sha, int(time), subject, tuple(changes)))
    return commits


def on_first_parent_line(repo: git.Repo, sha: str, ref: str = "HEAD") -> bool:
    """Whether commit `sha` is `ref` or one of the commits on its first-parent line (the
    published branch's own states, not a merged branch's)."""
    return sha in repo.git.rev_list("--first-parent", ref).split()


def read_blob(repo: git.Repo, blob: str) -> bytes:
    """A blob's bytes, through GitPython's one long-running `git cat-file --batch`."""
    return repo.odb.stream(bytes.fromhex(blob)).read()


def is_shallow(repo: git.Repo) -> bool:
    # What `git rev-parse --is-shallow-repository` looks at, without starting git.
    return (Path(repo.common_dir) / "shallow").exists()


def has_uncommitted(repo: git.Repo, path: str) -> bool:
    """Whether the work tree differs from HEAD under `path` (changed or new files)."""
    return start_status(repo, path).answer()


def start_status(repo: git.Repo, path: str) -> Asked[bool]:
    """`has_uncommitted`, asked now and answered later."""
    return Asked(repo, ["status", "--porcelain", "--untracked-files=all", "--", path], bool)


def resolve(repo: git.Repo, spec: str, ref: str = "HEAD") -> str:
    """A commit for a revision name, or for a date YYYY-MM-DD: the last commit on `ref`'s
    first-parent line made before that day ended in Kazakhstan (UTC+5)."""
    sha, _ = moment(repo, spec, ref)
    if sha is None:
        raise GitError(f"no commit on {ref} before the end of {spec}")
    return sha


def _day_end(spec: str) -> int | None:
    """The end of the day `spec` names in Kazakhstan, as epoch seconds; None when `spec` is
    not written as a day. Seconds, because git reads any day that way, where its own date
    parser gives up on far years and then answers with no commit."""
    if not (len(spec) == 10 and spec[4] == "-" and spec[7] == "-"):
        return None
    try:
        day = date.fromisoformat(spec)
    except ValueError:
        raise GitError(f"'{spec}' is not a date: write a real day as YYYY-MM-DD") from None
    return int(datetime.combine(day, time(23, 59, 59), timezone(timedelta(hours=5))).timestamp())


def files_at(repo: git.Repo, sha: str, path: str | None = None) -> dict[str, str]:
    """Path -> blob id of every file under `path` (None: the whole tree) at commit `sha`
    (one `git ls-tree`)."""
    raw = repo.git.ls_tree("-r", "-z", "--full-tree", sha, *(("--", path) if path else ()))
    out = {}
    for entry in filter(None, raw.split("\0")):
        meta, _, file = entry.partition("\t")
        _mode, kind, blob = meta.split(" ")
        if kind == "blob":
            out[file] = blob
    return out


@dataclass(frozen=True)
class Archived:
    """A file kept on an append-only branch (the published manifests): its path there, its
    bytes, and the committer time of the commit that added it (when it was published)."""

    path: str
    data: bytes
    time: int


def archived_files(repo: git.Repo, refs: list[str]) -> tuple[str, list[Archived]] | None:
    """Every file at the tip of the first of `refs` that names a commit (a local branch, its
    remote-tracking copy, or a commit), with when each was added: the tip's full SHA and the
    files in path order, or None where none of `refs` exists. One `ls-tree`, one `log`, the
    blobs through `cat-file --batch`."""
    import git

    sha = None
    for ref in refs:
        try:
            sha = repo.git.rev_parse("--verify", "-q", f"{ref}^{{commit}}").strip()
        except git.GitCommandError:
            continue
        break
    if not sha:
        return None
    blobs = files_at(repo, sha)
    # The time each path was first added: a file rewritten later keeps its first date (an
    # append-only branch rewrites nothing; a ruleset, not this reader, has to ensure it).
    added: dict[str, int] = {}
    log = repo.git.log(
        "--format=%x1e%ct", "-z", "--name-only", "--diff-filter=A", "--no-renames", sha
    )
    for chunk in log.split("\x1e")[1:]:
        stamp, _, names = chunk.partition("\0")
        for name in filter(None, names.lstrip("\n").split("\0")):
            added[name] = int(stamp)  # newest first: the oldest addition is written last
    return sha, [
        Archived(path, read_blob(repo, blobs[path]), added.get(path, 0)) for path in sorted(blobs)
    ]


def moment(repo: git.Repo, spec: str, ref: str = "HEAD") -> tuple[str | None, int]:
    """The commit a revision name or date names, and the moment it stands for (epoch
    seconds): a commit's time, or the end of a day in Kazakhstan. A day before the first
    commit names no commit: (None, the end of that day)."""
    end = _day_end(spec)
    if end is not None:
        sha = repo.git.rev_list("-1", "--first-parent", f"--before=@{end}", ref).strip()
        return sha or None, end
    import git

    try:
        commit = repo.commit(spec)
    except (git.BadName, ValueError):
        raise GitError(f"'{spec}' is neither a revision of this repository nor a date") from None
    return commit.hexsha, commit.committed_date


def prefix_of(repo: git.Repo, folder: Path | str) -> str:
    """`folder`'s path inside the repository, as git names it (forward slashes)."""
    return Path(folder).resolve().relative_to(Path(repo.working_dir).resolve()).as_posix()
