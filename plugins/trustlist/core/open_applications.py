"""open_applications: the applications still open, as `trustlist applications` read them from
the repository's pull requests, for the build to count and publish.

An open application is not in git, so this one input of the site comes from outside the
history: the deploy job writes it before the build, and the site says when it was read. It
is judged like a record (the strict loader, its JSON Schema, the registry's sectors), and an
invalid one stops the build: nothing is published from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding
from .load import load_yaml
from .schema import check_schema

KIND = "open-applications"


@dataclass(frozen=True)
class OpenApplications:
    """The file's data: when it was read, and each sector's open applications."""

    as_of: str  # UTC, to the second
    by_sector: dict[str, list[dict]] = field(default_factory=dict)

    def of(self, sector: str) -> dict[str, object]:
        """What the sector page and export say: how many await review, how many are back
        with their applicants, and each pull request."""
        found = self.by_sector.get(sector, [])
        return {
            "as_of": self.as_of,
            "awaiting": sum(1 for a in found if not a["returned"]),
            "returned": sum(1 for a in found if a["returned"]),
            "pull_requests": [{k: v for k, v in a.items() if k != "sector"} for a in found],
        }


def load_open_applications(
    path: Path, display: str, sectors: set[str]
) -> tuple[OpenApplications | None, list[Finding]]:
    """The file at `path` judged; its applications by sector (each a sector of `sectors`)."""
    loaded = load_yaml(path, display)  # JSON is YAML: the strict loader locates each node
    if loaded.data is None:
        return None, loaded.findings
    findings = loaded.findings + check_schema(loaded, KIND)
    if findings:
        return None, findings
    applications = loaded.data["applications"]
    for index, application in enumerate(applications):
        if application["sector"] not in sectors:
            line, column = loaded.locate(("applications", index, "sector"))
            findings.append(
                Finding.said(
                    display,
                    line,
                    column,
                    "OPN001",
                    "open.unknown_sector",
                    f"applications[{index}].sector",
                    sector=application["sector"],
                )
            )
    if findings:
        return None, findings
    by_sector: dict[str, list[dict]] = {}
    for application in applications:
        by_sector.setdefault(application["sector"], []).append(application)
    return OpenApplications(loaded.data["as_of"], by_sector), []
