"""`trustlist applications`: the open application pull requests, read from a GitHub-shaped
REST API served on 127.0.0.1 by http.server in a thread (pull requests with labels, their
files, pages joined by Link headers), the command run as a subprocess against it. What it
writes lists the applications by sector and number with their systems and returned flags,
leaves out what is not one, and is valid against schemas/open-applications.schema.json; an
HTTP error, the rate limit, a foreign next page or an answer that is not JSON stop it with
one line and exit 2; the token goes only as `Authorization: Bearer` and is never printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from trustlist.core.applications import (
    application_folder,
    application_of,
    next_link,
    opened_on,
    rate_reset,
    system_folder,
)

SCHEMAS = Path(__file__).parents[1] / "schemas"
REPO = "kz-trustlist/registry"
PULLS = f"/repos/{REPO}/pulls?state=open&per_page=100"
TOKEN = "ghs_test-token-4f1c9a"  # made up, to see where it goes
TOKEN_ENV = "TRUSTLIST_TEST_GITHUB_TOKEN"
RESET = 1_780_000_000  # X-RateLimit-Reset, epoch seconds


# --- a GitHub-shaped server ---------------------------------------------------------------


@dataclass
class Answer:
    status: int = 200
    body: bytes = b"[]"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class GitHub:
    """What the server answers (path with query → Answer) and every request it was sent."""

    base: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def json(self, path: str, data: object, next_path: str | None = None) -> None:
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if next_path is not None:  # as GitHub writes it: next, then last
            headers["Link"] = (
                f'<{self.base}{next_path}>; rel="next", <{self.base}{path}>; rel="last"'
            )
        self.answers[path] = Answer(200, json.dumps(data).encode(), headers)


@pytest.fixture
def github() -> Iterator[GitHub]:
    state = GitHub()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, dict(self.headers.items())))
            answer = state.answers.get(self.path, Answer(404, b'{"message": "Not Found"}'))
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, *args: object) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def pull(number: int, created: str, *labels: str) -> dict[str, object]:
    """A pull request as GitHub's list gives it, trimmed to what matters and a little more."""
    return {
        "number": number,
        "state": "open",
        "title": f"Application {number}",
        "html_url": f"https://github.com/{REPO}/pull/{number}",
        "created_at": created,
        "labels": [{"id": i, "name": name, "color": "d73a4a"} for i, name in enumerate(labels)],
        "user": {"login": "applicant"},
    }


def files(*names: str, renamed_from: str | None = None) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = [
        {"filename": name, "status": "added", "additions": 1} for name in names
    ]
    if renamed_from is not None:
        listed[0].update(status="renamed", previous_filename=renamed_from)
    return listed


def serve_story(github: GitHub) -> None:
    """Two pages of open pull requests: three applications, five others.

    The first page of #12's files and of #21's lie in one system folder; only their second
    pages tell #12 an application and #21 not one (it touches a second system)."""
    page2 = PULLS + "&page=2"
    github.json(
        PULLS,
        [
            pull(12, "2026-06-03T04:00:00Z", "returned"),
            pull(15, "2026-06-04T09:30:00Z", "documentation"),
            pull(20, "2026-06-05T09:30:00Z"),
            pull(21, "2026-06-05T10:00:00Z", "returned"),
        ],
        next_path=page2,
    )
    github.json(
        page2,
        [
            # 20:30 UTC on 31 May is 1 June in Kazakhstan; a label's case does not matter
            pull(7, "2026-05-31T20:30:00Z", "Returned", "healthcare"),
            pull(30, "2026-06-06T09:00:00Z"),
            pull(31, "2026-06-06T09:00:00Z"),
            pull(33, "2026-06-06T09:00:00Z"),
        ],
    )
    files12 = f"/repos/{REPO}/pulls/12/files?per_page=100"
    github.json(
        files12,
        files("registry/healthcare/demo-xray/system.yaml", "registry/healthcare/demo-xray/a.pdf"),
        next_path=files12 + "&page=2",
    )
    github.json(files12 + "&page=2", files("registry/healthcare/demo-xray/audit-report.pdf"))
    files21 = f"/repos/{REPO}/pulls/21/files?per_page=100"
    github.json(
        files21,
        files("registry/education/tutor-bot/system.yaml"),
        next_path=files21 + "&page=2",
    )
    github.json(files21 + "&page=2", files("registry/education/grader/system.yaml"))
    one = {
        15: files("registry/education/tutor-bot/system.yaml", "registry/education/tutor-bot/x.pdf"),
        20: files("registry/healthcare/a/system.yaml", "registry/transport/b/system.yaml"),
        7: files("registry/healthcare/demo-ecg/system.yaml"),
        30: files("registry/healthcare/demo-ecg/system.yaml", "plugins/trustlist/cli/main.py"),
        31: files("registry/healthcare/sector.yaml"),
        33: files(
            "registry/healthcare/demo-ecg/system.yaml",
            renamed_from="registry/healthcare/demo-old/system.yaml",
        ),
    }
    for number, listed in one.items():
        github.json(f"/repos/{REPO}/pulls/{number}/files?per_page=100", listed)


def trustlist(
    github: GitHub, out: Path, *extra: str, token: str | None = TOKEN
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.pop(TOKEN_ENV, None)
    if token is not None:
        env[TOKEN_ENV] = token
    command = [sys.executable, "-m", "trustlist.cli", "applications", "--repository", REPO]
    command += ["--api-url", github.base, "--token-env", TOKEN_ENV, "--out", str(out), *extra]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def validator() -> Draft202012Validator:
    schemas = [json.loads(p.read_text("utf-8")) for p in SCHEMAS.glob("*.schema.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    schema = registry.contents("https://trustlist.kz/schemas/v1/open-applications.schema.json")
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def assert_one_line(result: subprocess.CompletedProcess[str], out: Path, *words: str) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("trustlist: GitHub API: ")
    for word in words:
        assert word in lines[0]
    assert not out.exists()
    assert TOKEN not in result.stdout + result.stderr
    return lines[0]


# --- the command against the server -------------------------------------------------------


def test_the_open_applications_by_sector_and_number(github: GitHub, tmp_path: Path) -> None:
    serve_story(github)
    out = tmp_path / "site-data" / "open-applications.json"
    before = datetime.now(UTC).replace(microsecond=0)
    result = trustlist(github, out)
    after = datetime.now(UTC)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout
        == f"{out}: 3 open application(s), 2 of them returned; 5 other pull request(s)\n"
    )

    data = json.loads(out.read_text("utf-8"))
    as_of = datetime.fromisoformat(data.pop("as_of").replace("Z", "+00:00"))
    assert before <= as_of <= after
    assert data == {
        "$schema": "https://trustlist.kz/schemas/v1/open-applications.schema.json",
        "repository": REPO,
        "applications": [
            {
                "number": 15,
                "sector": "education",
                "system": "tutor-bot",
                "opened": "2026-06-04",
                "returned": False,
                "url": f"https://github.com/{REPO}/pull/15",
            },
            {
                "number": 7,
                "sector": "healthcare",
                "system": "demo-ecg",
                "opened": "2026-06-01",
                "returned": True,
                "url": f"https://github.com/{REPO}/pull/7",
            },
            {
                "number": 12,
                "sector": "healthcare",
                "system": "demo-xray",
                "opened": "2026-06-03",
                "returned": True,
                "url": f"https://github.com/{REPO}/pull/12",
            },
        ],
        "other": 5,
    }
    # both pages of the list and of #12's and #21's files were read
    asked = [path for path, _ in github.requests]
    assert PULLS + "&page=2" in asked
    assert f"/repos/{REPO}/pulls/12/files?per_page=100&page=2" in asked
    assert f"/repos/{REPO}/pulls/21/files?per_page=100&page=2" in asked


def test_what_it_writes_is_valid_against_its_schema(github: GitHub, tmp_path: Path) -> None:
    serve_story(github)
    out = tmp_path / "open-applications.json"
    assert trustlist(github, out).returncode == 0
    data = json.loads(out.read_text("utf-8"))
    assert [e.message for e in validator().iter_errors(data)] == []
    # and the schema is no formality: a sector that is not an id, a date that is not one
    data["applications"][0].update(sector="Health Care", opened="4 June 2026")
    del data["other"]
    wrong = {"/".join(map(str, e.absolute_path)) for e in validator().iter_errors(data)}
    assert wrong == {"", "applications/0/sector", "applications/0/opened"}


def test_no_open_pull_request_writes_an_empty_list(github: GitHub, tmp_path: Path) -> None:
    github.json(PULLS, [])
    out = tmp_path / "open-applications.json"
    result = trustlist(github, out, "--lang", "ru")
    assert result.returncode == 0, result.stderr
    assert "открытых заявлений: 0" in result.stdout
    data = json.loads(out.read_text("utf-8"))
    assert (data["applications"], data["other"]) == ([], 0)
    assert [e.message for e in validator().iter_errors(data)] == []


def test_the_token_is_sent_as_bearer_and_never_printed(github: GitHub, tmp_path: Path) -> None:
    serve_story(github)
    out = tmp_path / "open-applications.json"
    result = trustlist(github, out)
    assert result.returncode == 0, result.stderr
    assert len(github.requests) == 12  # 2 pages of pulls, 8 pulls' files, 2 second pages
    assert {headers.get("Authorization") for _, headers in github.requests} == {f"Bearer {TOKEN}"}
    assert {headers.get("Accept") for _, headers in github.requests} == {
        "application/vnd.github+json"
    }
    assert TOKEN not in result.stdout + result.stderr + out.read_text("utf-8")


def test_without_a_token_it_asks_without_one(github: GitHub, tmp_path: Path) -> None:
    github.json(PULLS, [])
    result = trustlist(github, tmp_path / "open.json", token=None)
    assert result.returncode == 0, result.stderr
    assert [headers.get("Authorization") for _, headers in github.requests] == [None]


def test_an_http_error_is_one_line_even_if_the_server_echoes_the_token(
    github: GitHub, tmp_path: Path
) -> None:
    body = json.dumps({"message": f"Server Error\nwhile reading {TOKEN}"}).encode()
    github.answers[PULLS] = Answer(500, body, {"Content-Type": "application/json"})
    out = tmp_path / "open-applications.json"
    line = assert_one_line(trustlist(github, out), out, f"{github.base}{PULLS}", "HTTP 500")
    assert line.endswith("answered HTTP 500: Server Error while reading ***")


def test_a_403_rate_limit_says_when_it_resets(github: GitHub, tmp_path: Path) -> None:
    serve_story(github)
    limited = {
        "X-RateLimit-Limit": "5000",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": str(RESET),
    }
    body = b'{"message": "API rate limit exceeded for installation ID 1."}'
    github.answers[f"/repos/{REPO}/pulls/12/files?per_page=100"] = Answer(403, body, limited)
    out = tmp_path / "open-applications.json"
    reset = datetime.fromtimestamp(RESET, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    line = assert_one_line(trustlist(github, out), out, "HTTP 403", "rate limit", reset)
    assert "/pulls/12/files" in line


def test_a_429_says_when_to_retry_in_russian(github: GitHub, tmp_path: Path) -> None:
    github.answers[PULLS] = Answer(429, b"{}", {"Retry-After": "60"})
    out = tmp_path / "open-applications.json"
    before = datetime.now(UTC).timestamp()
    result = trustlist(github, out, "--lang", "ru")
    line = assert_one_line(result, out, "HTTP 429", "лимит запросов исчерпан")
    when = datetime.strptime(line.split(" обновится в ")[1][:20], "%Y-%m-%dT%H:%M:%SZ")
    assert before + 58 <= when.replace(tzinfo=UTC).timestamp() <= before + 62 + 5


def test_an_answer_that_is_not_json_is_one_line(github: GitHub, tmp_path: Path) -> None:
    serve_story(github)
    github.answers[f"/repos/{REPO}/pulls/15/files?per_page=100"] = Answer(200, b"<html>oops")
    out = tmp_path / "open-applications.json"
    assert_one_line(trustlist(github, out), out, "/pulls/15/files", "is not JSON")


def test_json_that_is_not_githubs_shape_is_one_line(github: GitHub, tmp_path: Path) -> None:
    github.json(PULLS, {"message": "a list was expected"})
    out = tmp_path / "open-applications.json"
    assert_one_line(trustlist(github, out), out, "is not what GitHub gives: it is not a list")
    github.json(PULLS, [{"number": "12", "html_url": "x", "created_at": "", "labels": []}])
    assert_one_line(trustlist(github, out), out, "lacks a valid number, html_url")


def test_a_next_page_elsewhere_is_not_followed(github: GitHub, tmp_path: Path) -> None:
    """A Link to another host would take the token there: the command stops instead."""
    github.json(PULLS, [], next_path=PULLS + "&page=2")
    github.answers[PULLS].headers["Link"] = '<http://localhost:9/steal?page=2>; rel="next"'
    out = tmp_path / "open-applications.json"
    assert_one_line(trustlist(github, out), out, "(http://localhost:9/steal?page=2): not followed")
    assert len(github.requests) == 1


def test_a_server_that_is_not_there_is_one_line(tmp_path: Path) -> None:
    nobody = GitHub(base="http://127.0.0.1:9")  # the discard port: nothing listens
    out = tmp_path / "open-applications.json"
    assert_one_line(trustlist(nobody, out), out, "could not be reached")


def test_a_bad_argument_is_one_line(github: GitHub, tmp_path: Path) -> None:
    out = tmp_path / "open-applications.json"
    for extra, said in (
        (("--registry", "../elsewhere"), "--registry must be the registry's folder"),
        (("--api-url", "file:///etc/passwd"), "--api-url must be an http:// or https://"),
    ):
        result = trustlist(github, out, *extra)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [result.stderr.strip()]
        assert said in result.stderr and "Traceback" not in result.stderr
    assert github.requests == []


def test_a_registry_elsewhere_in_the_repository(github: GitHub, tmp_path: Path) -> None:
    github.json(PULLS, [pull(3, "2026-06-01T04:00:00Z"), pull(4, "2026-06-01T04:00:00Z")])
    github.json(f"/repos/{REPO}/pulls/3/files?per_page=100", files("data/reg/health/x/s.yaml"))
    github.json(f"/repos/{REPO}/pulls/4/files?per_page=100", files("registry/health/x/s.yaml"))
    out = tmp_path / "open-applications.json"
    assert trustlist(github, out, "--registry", "./data/reg/").returncode == 0
    data = json.loads(out.read_text("utf-8"))
    assert [(a["number"], a["sector"], a["system"]) for a in data["applications"]] == [
        (3, "health", "x")
    ]
    assert data["other"] == 1


# --- the pure parts -----------------------------------------------------------------------


def test_a_system_folder_is_registry_sector_system() -> None:
    assert system_folder("registry/healthcare/demo-xray/system.yaml") == ("healthcare", "demo-xray")
    assert system_folder("registry/healthcare/demo-xray/docs/a.pdf") == ("healthcare", "demo-xray")
    for path in (
        "registry/healthcare/sector.yaml",
        "registry/healthcare/applications.yaml",
        "registry/calendar.yaml",
        "docs/en/apply.md",
        "registry2/healthcare/x/system.yaml",
        "registry/Health/x/system.yaml",
        "registry/healthcare/x\n/system.yaml",
        "registry/healthcare/-x/system.yaml",
    ):
        assert system_folder(path) is None, path


def test_application_folder_stops_reading_once_it_is_not_one() -> None:
    def paths() -> Iterator[str]:
        yield "registry/a/x/system.yaml"
        yield "registry/a/y/system.yaml"
        raise AssertionError("read past the second system")

    assert application_folder(paths()) is None
    assert application_folder([]) is None
    assert application_folder(["registry/a/x/1.pdf", "registry/a/x/2.pdf"]) == ("a", "x")


def test_the_next_link_of_a_link_header() -> None:
    header = '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"'
    assert next_link(header) == "https://api.github.com/x?page=2"
    last_first = '<https://h/x?page=1>; rel="prev first", <https://h/x?page=3>; rel=next'
    assert next_link(last_first) == "https://h/x?page=3"
    assert next_link('<https://h/x?page=1>; rel="prev"') is None
    assert next_link(None) is None


def test_a_draft_or_a_pull_request_to_another_branch_is_no_application() -> None:
    paths = ["registry/healthcare/demo-ecg/system.yaml"]
    ready = pull(7, "2026-06-01T10:00:00Z")
    ready["base"] = {"ref": "main", "repo": {"default_branch": "main"}}
    assert application_of(ready, paths) is not None
    assert application_of({**ready, "draft": True}, paths) is None
    elsewhere = {**ready, "base": {"ref": "release", "repo": {"default_branch": "main"}}}
    assert application_of(elsewhere, paths) is None


def test_opened_is_the_day_in_kazakhstan() -> None:
    assert opened_on("2026-05-31T18:59:59Z").isoformat() == "2026-05-31"
    assert opened_on("2026-05-31T19:00:00Z").isoformat() == "2026-06-01"
    with pytest.raises(ValueError, match="no time zone"):
        opened_on("2026-05-31T19:00:00")


def test_the_rate_limit_resets_as_github_says_to_read_it() -> None:
    at = datetime.fromtimestamp
    assert rate_reset(str(RESET), None, "0", now=0) == at(RESET, UTC)
    assert rate_reset(str(RESET), None, None, now=0) == at(RESET, UTC)
    assert rate_reset(None, "60", now=1_000) == at(1_060, UTC)
    # a secondary limit: requests remain, so the window's reset is not the time to wait for
    assert rate_reset(str(RESET), "60", "4999", now=1_000) == at(1_060, UTC)
    assert rate_reset(str(RESET), "60", "0", now=1_000) == at(RESET, UTC)  # the later
    assert rate_reset(None, "Wed, 21 Oct 2026 07:28:00 GMT") is None
    assert rate_reset("9" * 30, None) is None
