"""timeliness step: how promptly a sector's body decided and published, in working days.

For each listed decision the Order sets two terms: the review (10 working days from submission,
or 5 from a resubmission) and publication (5 working days from the decision). The sector page
shows both as a chart with the same figures in a table for screen readers. Computed from the
records' dates, so it is the same on every build.
"""

from __future__ import annotations

from dataclasses import dataclass

from .deadlines import Deadline, WorkingCalendar, application_deadlines
from .models import System

BAR_SCALE_MIN = 12  # working days the chart always shows, so the 10-day mark is on it


@dataclass(frozen=True)
class Row:
    system: System
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


def measure_terms(systems: list[System], calendar: WorkingCalendar) -> Timeliness:
    rows = []
    for system in systems:
        decision = system.decision
        if decision is None:
            continue  # an application awaiting its decision has no decision to measure yet
        terms = application_deadlines(calendar, system, today=decision.published or decision.date)
        # The term that ended in the decision: the review, or the last re-review.
        review = [d for d in terms if d.name != "publication"][-1]
        publication = next((d for d in terms if d.name == "publication"), None)
        if publication is not None and publication.actual is None:
            publication = None
        rows.append(Row(system, review, publication))
    longest = max(
        [r.review.taken or 0 for r in rows]
        + [r.publication.taken or 0 for r in rows if r.publication],
        default=0,
    )
    return Timeliness(rows, max(BAR_SCALE_MIN, longest))
