"""The applications still open (pull requests, read by `trustlist applications`) on the site:
counted on the sector's page and in its export with the time they were read; an invalid file
stops the build, and no file says nothing of them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import PROJECT
from helpers import CONFIG as HELPERS_CONFIG
from helpers import build as build_site

CONFIG = HELPERS_CONFIG + "      open_applications: open-applications.json\n"


def application(number: int, sector: str, returned: bool) -> dict:
    return {
        "number": number,
        "sector": sector,
        "system": f"demo-app-{number}",
        "opened": "2026-06-01",
        "returned": returned,
        "url": f"https://github.com/org/registry/pull/{number}",
    }


def open_file(*applications: dict) -> str:
    return json.dumps(
        {
            "$schema": "https://trustlist.kz/schemas/v1/open-applications.schema.json",
            "as_of": "2026-06-03T04:15:00Z",
            "repository": "org/registry",
            "applications": list(applications),
            "other": 2,
        },
        indent=2,
    )


def build(root: Path) -> subprocess.CompletedProcess[str]:
    return build_site(root, config=CONFIG)


def test_open_applications_are_counted_with_when_they_were_read(base: Path) -> None:
    (base / "open-applications.json").write_text(
        open_file(application(7, "health", False), application(9, "health", True)), "utf-8"
    )
    result = build(base)
    assert result.returncode == 0, result.stderr
    page = (base / "site/ru/health/index.html").read_text(encoding="utf-8")
    assert "<dt>Открыты, ожидают рассмотрения (на 2026-06-03 09:15)</dt><dd>1</dd>" in page
    assert "<dt>Открыты, возвращены заявителю (на 2026-06-03 09:15)</dt><dd>1</dd>" in page
    export = json.loads((base / "site/api/v1/health.json").read_text(encoding="utf-8"))
    still = export["applications"]["open"]
    assert (still["as_of"], still["awaiting"], still["returned"]) == ("2026-06-03T04:15:00Z", 1, 1)
    assert [p["number"] for p in still["pull_requests"]] == [7, 9]
    schema = json.loads((PROJECT / "schemas/export-sector.schema.json").read_text("utf-8"))
    listed = schema["properties"]["applications"]["properties"]["open"]
    assert set(still) == set(listed["required"])


def test_an_open_application_of_no_sector_stops_the_build(base: Path) -> None:
    (base / "open-applications.json").write_text(
        open_file(application(7, "health", False), application(8, "nowhere", False)), "utf-8"
    )
    result = build(base)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "the open applications file has 1 error(s); no site is built" in result.stderr
    assert "open-applications.json:" in result.stderr
    assert "error[OPN001] applications[1].sector: the registry has no sector nowhere" in (
        result.stderr
    )
    assert not (base / "site").exists()


def test_a_file_not_shaped_as_its_schema_stops_the_build(base: Path) -> None:
    broken = json.loads(open_file(application(7, "health", False)))
    broken["applications"][0]["returned"] = "yes"
    (base / "open-applications.json").write_text(json.dumps(broken, indent=2), "utf-8")
    result = build(base)
    assert result.returncode == 1
    assert "applications[0].returned" in result.stderr
    assert not (base / "site").exists()


def test_without_the_file_nothing_is_said_of_open_applications(base: Path) -> None:
    result = build(base)
    assert result.returncode == 0, result.stderr
    page = (base / "site/en/health/index.html").read_text(encoding="utf-8")
    assert "Open, awaiting review" not in page
    export = json.loads((base / "site/api/v1/health.json").read_text(encoding="utf-8"))
    assert "open" not in export["applications"]
