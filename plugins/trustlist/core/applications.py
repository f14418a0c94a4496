"""applications step: the applications still open, read from GitHub's pull requests.

An application is a pull request; while it is open (awaiting review, or returned to the
applicant and not yet resubmitted) nothing of it is in git, so the register cannot count it
from the history. This reads the open pull requests from GitHub's REST API (only when the
user runs `trustlist applications`) and keeps those that are applications: every file they
change lies in one system folder, `registry/<sector>/<system-id>/`. One the reviewers have
returned carries the label `returned` (docs/<lang>/review.md), taken off when the applicant
resubmits.

The classifying is pure (`system_folder`, `application_folder`, `application_of`,
`document`); `GitHub` is the one small client: the standard library's urllib, a timeout and
a deadline per request, answers and pages bounded, and the token sent only to the API's own
address, never written anywhere. Every failure is one `UsageError` said from
messages/applications.py.
"""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import quote, urlsplit

from .. import __version__
from .decisions import KZ_TIME
from .findings import UsageError

RETURNED_LABEL = "returned"
SCHEMA = "https://trustlist.kz/schemas/v1/open-applications.schema.json"
ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")  # sector and system ids (schemas/)
REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")
PER_PAGE = 100  # the most GitHub gives in one page
MAX_PULL_PAGES = 100  # 10,000 open pull requests
MAX_FILE_PAGES = 30  # GitHub lists at most 3,000 files of a pull request
MAX_ANSWER = 16 << 20  # a page of 100 pull requests is about 3 MB
TIMEOUT = 30  # seconds without a byte
DEADLINE = 120  # seconds for one whole answer, however slowly it trickles
_PAGE = re.compile(r"https?://[^\s]{1,1990}")  # a pull request's html_url (the schema's url)
_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]+")
_LINK = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]*)*)")


@dataclass(frozen=True)
class OpenApplication:
    """An open pull request that is an application: a system's folder in a sector."""

    number: int
    sector: str
    system: str
    opened: date  # in Kazakhstan
    returned: bool
    url: str

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "sector": self.sector,
            "system": self.system,
            "opened": self.opened.isoformat(),
            "returned": self.returned,
            "url": self.url,
        }


# --- classifying (pure) -------------------------------------------------------------------


def system_folder(path: str, registry: str = "registry") -> tuple[str, str] | None:
    """The (sector, system) whose folder `registry/<sector>/<system>/` holds `path`, a file's
    path in the repository; None for any other file (code, a sector's own files)."""
    prefix = registry.strip("/") + "/"
    if not path.startswith(prefix):
        return None
    parts = path[len(prefix) :].split("/")
    if len(parts) < 3 or not ID.fullmatch(parts[0]) or not ID.fullmatch(parts[1]):
        return None
    return parts[0], parts[1]


def application_folder(paths: Iterable[str], registry: str = "registry") -> tuple[str, str] | None:
    """The one system folder every path lies in; None when there is none or more than one, or
    a path lies outside any. Stops reading `paths` at the first that decides it is not."""
    found: tuple[str, str] | None = None
    for path in paths:
        folder = system_folder(path, registry)
        if folder is None or (found is not None and folder != found):
            return None
        found = folder
    return found


def changed_paths(files: list[dict]) -> list[str]:
    """The paths a page of a pull request's files touches: each file, and where a renamed
    file came from."""
    return [f[key] for f in files for key in ("filename", "previous_filename") if f.get(key)]


def is_returned(pull: dict) -> bool:
    return any(label["name"].lower() == RETURNED_LABEL for label in pull["labels"])


def opened_on(created_at: str) -> date:
    """The day in Kazakhstan of GitHub's `created_at` (ISO 8601, UTC)."""
    moment = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{created_at} has no time zone")
    return moment.astimezone(KZ_TIME).date()  # the day opened, as the Order's terms count


def submitted(pull: dict) -> bool:
    """Whether a pull request is handed to the body: not a draft (an application still being
    written), and aimed at the repository's default branch where GitHub says which it is."""
    if pull.get("draft") is True:
        return False
    base = pull.get("base")
    if isinstance(base, dict):
        default = (base.get("repo") or {}).get("default_branch")
        if isinstance(default, str) and base.get("ref") != default:
            return False
    return True


def application_of(
    pull: dict, paths: Iterable[str], registry: str = "registry"
) -> OpenApplication | None:
    """The application an open pull request is, or None when it is not one (a draft, one
    aimed at another branch, or one that is not a system's folder)."""
    if not submitted(pull):
        return None
    folder = application_folder(paths, registry)
    if folder is None:
        return None
    sector, system = folder
    opened = opened_on(pull["created_at"])
    return OpenApplication(
        pull["number"], sector, system, opened, is_returned(pull), pull["html_url"]
    )


def document(
    as_of: datetime, repository: str, applications: list[OpenApplication], other: int
) -> dict[str, object]:
    """What `trustlist applications` writes (schemas/open-applications.schema.json)."""
    ordered = sorted(applications, key=lambda a: (a.sector, a.number))
    return {
        "$schema": SCHEMA,
        "as_of": as_of.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "repository": repository,
        "applications": [a.as_dict() for a in ordered],
        "other": other,
    }


def next_link(header: str | None) -> str | None:
    """The address of rel="next" in an HTTP Link header (RFC 8288), as GitHub paginates."""
    for target, params in _LINK.findall(header or ""):
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "rel" and "next" in value.strip().strip('"').split():
                return target
    return None


def _valid_pull(pull: object) -> bool:
    if not isinstance(pull, dict):
        return False
    number, url, created, labels = (
        pull.get(k) for k in ("number", "html_url", "created_at", "labels")
    )
    if not (isinstance(number, int) and number >= 1 and isinstance(url, str)):
        return False
    if not (_PAGE.fullmatch(url) and isinstance(created, str) and isinstance(labels, list)):
        return False
    if not all(isinstance(label, dict) and isinstance(label.get("name"), str) for label in labels):
        return False
    try:
        opened_on(created)
    except ValueError:
        return False
    return True


def _valid_file(file: object) -> bool:
    return (
        isinstance(file, dict)
        and isinstance(file.get("filename"), str)
        and isinstance(file.get("previous_filename", ""), str)
    )


# --- the client ---------------------------------------------------------------------------


class GitHub:
    """GitHub's REST API for one repository: its open pull requests and their files."""

    def __init__(self, api_url: str, repository: str, token: str = "") -> None:
        self.api_url, self.repository, self._token = api_url.rstrip("/"), repository, token
        origin = urlsplit(self.api_url)
        self._origin = (origin.scheme, origin.netloc)
        self._opener = urllib.request.build_opener(_SameOrigin(self._origin))

    def open_pulls(self) -> Iterator[dict]:
        """Every open pull request, page by page, as GitHub lists them."""
        url = f"{self._repo_url()}/pulls?state=open&per_page={PER_PAGE}"
        for page, at in self._pages(url, MAX_PULL_PAGES):
            for pull in page:
                if not _valid_pull(pull):
                    raise UsageError.said(
                        "applications.bad_shape", url=at, what="@applications.bad_pull"
                    )
                yield pull

    def changed_files(self, number: int) -> Iterator[str]:
        """The paths a pull request changes, read a page at a time as they are asked for."""
        url = f"{self._repo_url()}/pulls/{number}/files?per_page={PER_PAGE}"
        for page, at in self._pages(url, MAX_FILE_PAGES):
            if not all(_valid_file(f) for f in page):
                raise UsageError.said(
                    "applications.bad_shape", url=at, what="@applications.bad_file"
                )
            yield from changed_paths(page)

    def _repo_url(self) -> str:
        owner, name = self.repository.split("/")
        return f"{self.api_url}/repos/{quote(owner)}/{quote(name)}"

    def _pages(self, url: str, most: int) -> Iterator[tuple[list, str]]:
        """Each page's list and its address, following the Link header's rel="next" within the
        API's own address, `most` pages at most."""
        first, count = url, 0
        while url:
            count += 1
            if count > most:
                raise UsageError.said("applications.too_many_pages", url=first, pages=most)
            data, link = self._get(url)
            if not isinstance(data, list):
                raise UsageError.said(
                    "applications.bad_shape", url=url, what="@applications.not_a_list"
                )
            yield data, url
            following = next_link(link)
            if following is not None and self._origin_of(following) != self._origin:
                raise UsageError.said("applications.foreign_link", url=url, next=_line(following))
            url = following

    def _origin_of(self, url: str) -> tuple[str, str] | None:
        try:
            parts = urlsplit(url)
        except ValueError:  # an address urllib cannot read is nowhere to follow
            return None
        return parts.scheme, parts.netloc

    def _get(self, url: str) -> tuple[object, str | None]:
        """The JSON at `url` and its Link header; any failure a UsageError in one line."""
        request = urllib.request.Request(url, headers=self._headers())  # noqa: S310 (http(s))
        try:
            with self._opener.open(request, timeout=TIMEOUT) as response:
                body = _read(response, MAX_ANSWER, url)
                link = response.headers.get("Link")
        except urllib.error.HTTPError as err:
            raise self._refused(url, err) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as err:
            reason = getattr(err, "reason", None) or err
            said = self._clean(str(reason) or type(err).__name__)
            raise UsageError.said("applications.unreachable", url=url, reason=said) from None
        try:
            return json.loads(body), link
        except (ValueError, RecursionError) as err:
            detail = self._clean(str(err) or type(err).__name__)
            raise UsageError.said("applications.bad_json", url=url, detail=detail) from None

    def _headers(self) -> dict[str, str]:
        headers = {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": f"trustlist/{__version__}",
        }
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        return headers

    def _refused(self, url: str, err: urllib.error.HTTPError) -> UsageError:
        """An HTTP error said in one line: the rate limit with its reset time (GitHub answers
        403 or 429, with X-RateLimit-Remaining: 0 or Retry-After), else GitHub's message."""
        try:
            said = json.loads(err.read(64 << 10)).get("message", "")
        except Exception:  # an error's body is only a courtesy: unreadable, it is left out
            said = ""
        said = said if isinstance(said, str) else ""
        headers = err.headers
        limited = err.code == 429 or (
            err.code == 403
            and (
                headers.get("X-RateLimit-Remaining") == "0"
                or headers.get("Retry-After") is not None
                or "rate limit" in said.lower()
            )
        )
        if limited:
            reset = rate_reset(
                headers.get("X-RateLimit-Reset"),
                headers.get("Retry-After"),
                headers.get("X-RateLimit-Remaining"),
            )
            if reset is None:
                return UsageError.said("applications.rate_limited_later", url=url, status=err.code)
            when = reset.strftime("%Y-%m-%dT%H:%M:%SZ")
            return UsageError.said(
                "applications.rate_limited", url=url, status=err.code, reset=when
            )
        reason = self._clean(said or str(err.reason or ""))
        return UsageError.said("applications.http_error", url=url, status=err.code, reason=reason)

    def _clean(self, text: str) -> str:
        """A server's text made one short line, the token (if it echoed it) blotted out."""
        if self._token:
            text = text.replace(self._token, "***")
        return _line(text)


def rate_reset(
    reset: str | None,
    retry_after: str | None,
    remaining: str | None = None,
    now: float | None = None,
) -> datetime | None:
    """When GitHub says to try again, in UTC, as its documentation says to read it:
    Retry-After (seconds from now) where given, X-RateLimit-Reset (epoch seconds) when no
    request remains (or the count is not given); the later of the two; None when neither."""
    now = time.time() if now is None else now
    times = []
    if retry_after is not None and retry_after.strip().isdigit():
        times.append(now + int(retry_after))
    if reset is not None and reset.strip().isdigit() and remaining in ("0", None):
        times.append(int(reset))
    try:
        return datetime.fromtimestamp(max(times), UTC) if times else None
    except (OverflowError, OSError, ValueError):  # a year past 9999 says nothing
        return None


def _line(text: str, most: int = 200) -> str:
    text = _ONE_LINE.sub(" ", text).strip()
    return text if len(text) <= most else text[: most - 1] + "…"


def _read(response, limit: int, url: str) -> bytes:
    """At most `limit` bytes of an answer, within DEADLINE seconds in all."""
    started, chunks, size = time.monotonic(), [], 0
    while chunk := response.read(64 << 10):
        size += len(chunk)
        if size > limit:
            raise UsageError.said("applications.too_large", url=url, limit=limit)
        if time.monotonic() - started > DEADLINE:
            raise TimeoutError(f"no whole answer within {DEADLINE} s")
        chunks.append(chunk)
    return b"".join(chunks)


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only within the API's own address, so the token goes nowhere else."""

    def __init__(self, origin: tuple[str, str]) -> None:
        self.origin = origin

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        parts = urlsplit(newurl)
        if (parts.scheme, parts.netloc) != self.origin:
            return None  # urllib then raises the 3xx as an HTTPError: said in one line
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_open_applications(
    client: GitHub, registry: str = "registry"
) -> tuple[list[OpenApplication], int]:
    """The open applications, and how many other open pull requests there are."""
    applications, other = [], 0
    for pull in client.open_pulls():
        if not submitted(pull):  # its files need not be read
            other += 1
            continue
        found = application_of(pull, client.changed_files(pull["number"]), registry)
        if found is None:
            other += 1
        else:
            applications.append(found)
    return applications, other
