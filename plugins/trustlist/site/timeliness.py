"""timeliness step: how promptly a sector's body decided and published, in working days.

For each decision, an inclusion or a refusal, the Order sets its terms: the review (10
working days from submission, or 5 from a resubmission) and, for an inclusion, publication (5
working days from the decision). The sector page shows both as a chart with the same figures
in a table for screen readers. Computed from the records' dates, so it is the same on every
build.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.deadlines import Deadline, WorkingCalendar, application_deadlines, application_terms
from ..core.models import ClosedApplication, System, Text

BAR_SCALE_MIN = 12  # working days the chart always shows, so the 10-day mark is on it


@dataclass(frozen=True)
class Row:
    """One decided application: an entry of the list, or one the body refused."""

    number: int | None  # the list number; None for a refused application
    name: Text
    decided: date
    review: Deadline  # the review or, after a resubmission, the re-review
    publication: Deadline | None  # None until the record says when it was published


@dataclass(frozen=True)
class Timeliness:
    rows: list[Row]
    scale: int  # the chart's full width, in working days

    def share(self, term: str) -> tuple[int, int]:
        """(on time, measured) for 'review' or 'publication'."""
        terms = [getattr(r, term) for r in self.rows]
        measured = [d for d in terms if d is not None and d.taken is not None]
        return sum(1 for d in measured if d.state == "met"), len(measured)

    def width(self, days: int | None, full: int) -> float:
        """A bar's length for `days` on a chart `full` units wide."""
        return round(full * (days or 0) / self.scale, 1)


def _decisive(terms: list[Deadline]) -> Deadline:
    """The term that ended in the decision: the review, or the last re-review."""
    return [d for d in terms if d.name != "publication"][-1]


def measure_terms(
    systems: list[System], calendar: WorkingCalendar, closed: list[ClosedApplication] = ()
) -> Timeliness:
    """Every decided application of a sector: its entries and the applications it refused
    (a withdrawal is the applicant's, not a decision of the body, and is not measured)."""
    rows = []
    for system in systems:
        decision = system.decision
        if decision is None:
            continue  # an application awaiting its decision has no decision to measure yet
        terms = application_deadlines(calendar, system, today=decision.published or decision.date)
        publication = next((d for d in terms if d.name == "publication"), None)
        if publication is not None and publication.actual is None:
            publication = None
        rows.append(
            Row(system.list_number, system.name, decision.date, _decisive(terms), publication)
        )
    for refused in (c for c in closed if c.outcome == "refused"):
        terms = application_terms(calendar, refused.application, refused.date, today=refused.date)
        rows.append(Row(None, refused.name, refused.date, _decisive(terms), None))
    longest = max(
        [r.review.taken or 0 for r in rows]
        + [r.publication.taken or 0 for r in rows if r.publication],
        default=0,
    )
    return Timeliness(rows, max(BAR_SCALE_MIN, longest))
