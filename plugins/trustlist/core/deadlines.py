"""deadlines: Kazakhstan working days and the Order's terms.

Working days are Monday to Friday, minus the statutory holidays and the days off moved when one
falls on a weekend (both from the `holidays` package, country KZ, observed days on), minus the
package's own decree transfers (its special holidays, up to 2025 in 0.108), minus the extra days
off of `registry/calendar.yaml`, plus its extra working days. The overrides win over the package:
the package may lag a decree, and a decree is the last word on its day.

A term of N working days counts from the day after the event: it ends on the N-th working day
after it (submitted Wed 18 March 2026, Nauryz closing 21-25 March: review due Mon 6 April).

The terms follow the application's events (`application.returns`, `decision`), and what
ends each:
- review (10 days) counts from `submitted` and ends with the first notice of inconsistencies,
  or with the decision when there was none.
- re-review (5 days), once per resubmission, counts from it and ends with the next notice or
  the decision. While a notice is unanswered no term of the body runs: the applicant has it.
- publication (5 days), only once decided, counts from `decided` and ends with `published`.

States: "met" (actual on or before due), "missed" (actual after due), "pending" (no actual,
today on or before due), "overdue" (no actual, today after due).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from .findings import Finding
from .load import load_yaml
from .models import Application, System
from .rules import said
from .schema import check_schema

REVIEW_DAYS = 10
REREVIEW_DAYS = 5
PUBLICATION_DAYS = 5

State = Literal["met", "missed", "pending", "overdue"]
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Override:
    """One dated entry of calendar.yaml (`day`, not `date`, so the type name stays usable)."""

    day: date
    reason: str


@dataclass(frozen=True)
class Overrides:
    days_off: tuple[Override, ...] = ()
    working_days: tuple[Override, ...] = ()


class WorkingCalendar:
    """Kazakhstan's working days: the `holidays` package corrected by dated overrides."""

    def __init__(self, overrides: Overrides | None = None) -> None:
        overrides = overrides or Overrides()
        self._off = {o.day for o in overrides.days_off}
        self._work = {o.day for o in overrides.working_days}
        both = self._off & self._work
        if both:
            raise ValueError(f"both a day off and a working day: {sorted(both)}")
        # observed=True adds the moved days off; years are filled in lazily (expand=True).
        import holidays  # here, not at the top: validation loads this module and needs none

        self._kz = holidays.country_holidays("KZ", observed=True)
        self._known: dict[date, bool] = {}  # a sector's terms ask about the same days again

    def is_working_day(self, d: date) -> bool:
        known = self._known.get(d)
        if known is None:
            known = self._known[d] = self._is_working_day(d)
        return known

    def _is_working_day(self, d: date) -> bool:
        if d in self._work:
            return True
        if d in self._off:
            return False
        # Load d's year and the next one before asking: the package fills its working Saturdays
        # (weekend_workdays) only while loading a year (a lookup does it, expand=True), and a
        # transfer's Saturday can sit in the year before its day off (2013-12-28 for 2014-01-03).
        self._kz.get(date(d.year, 1, 1))
        self._kz.get(date(d.year + 1, 1, 1))
        return self._kz.is_working_day(d)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (the term counts from the day after the event)."""
        if n < 0:
            raise ValueError("a term is a non-negative number of working days")
        d = start
        while n:
            d += _ONE_DAY
            if self.is_working_day(d):
                n -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Number of working days in (a, b]; 0 when b is not after a."""
        count, d = 0, a
        while d < b:
            d += _ONE_DAY
            count += self.is_working_day(d)
        return count


@dataclass(frozen=True)
class Deadline:
    name: Literal["review", "re-review", "publication"]
    start: date  # the event the term counts from
    days: int  # the term, in working days
    due: date
    actual: date | None  # the event that ended the term, when known
    taken: int | None  # working days from start to actual, when actual is known
    state: State
    round: int = 1  # which re-review: the first resubmission's is 1

    @property
    def late(self) -> bool:
        return self.state in ("missed", "overdue")


def _deadline(
    cal: WorkingCalendar,
    name: Literal["review", "re-review", "publication"],
    start: date,
    days: int,
    actual: date | None,
    today: date,
    round_: int = 1,
) -> Deadline:
    due = cal.add_working_days(start, days)
    if actual is not None:
        state: State = "met" if actual <= due else "missed"
        taken: int | None = cal.working_days_between(start, actual)
    else:
        state, taken = ("pending" if today <= due else "overdue"), None
    return Deadline(name, start, days, due, actual, taken, state, round_)


def compute_deadlines(
    calendar: WorkingCalendar,
    submitted: date,
    returns: Sequence[tuple[date, date | None]] = (),
    decided: date | None = None,
    published: date | None = None,
    today: date | None = None,
) -> list[Deadline]:
    """The Order's terms for one application, in order; `returns` holds each notice of
    inconsistencies with the resubmission that answered it (None while unanswered)."""
    today = today or date.today()
    out: list[Deadline] = []
    name: Literal["review", "re-review"] = "review"
    start, days = submitted, REVIEW_DAYS
    for round_, (notice, resubmitted) in enumerate(returns):
        out.append(_deadline(calendar, name, start, days, notice, today, max(round_, 1)))
        if resubmitted is None:
            return out  # the applicant has the package: no term of the body runs
        name, start, days = "re-review", resubmitted, REREVIEW_DAYS
    out.append(_deadline(calendar, name, start, days, decided, today, max(len(returns), 1)))
    if decided is not None:
        out.append(_deadline(calendar, "publication", decided, PUBLICATION_DAYS, published, today))
    return out


def application_deadlines(
    calendar: WorkingCalendar, system: System, today: date | None = None
) -> list[Deadline]:
    """The terms of a record's application, from its own events."""
    decision = system.decision
    return application_terms(
        calendar,
        system.application,
        decision.date if decision else None,
        decision.published if decision else None,
        today,
    )


def application_terms(
    calendar: WorkingCalendar,
    application: Application,
    decided: date | None = None,
    published: date | None = None,
    today: date | None = None,
) -> list[Deadline]:
    """The terms of an application (a record's, or a closed one's) up to its decision."""
    returns = [(r.notice, r.resubmitted) for r in application.returns]
    return compute_deadlines(calendar, application.submitted, returns, decided, published, today)


def load_calendar_overrides(
    path: str | Path, display: str | None = None
) -> tuple[Overrides | None, list[Finding]]:
    """Read and check registry/calendar.yaml with the registry's strict loader and schema."""
    loaded = load_yaml(Path(path), display or str(path))
    if loaded.data is None:
        return None, loaded.findings
    findings = loaded.findings + check_schema(loaded, "calendar")
    if findings:
        return None, findings
    data = loaded.data
    lists = {
        key: tuple(Override(date.fromisoformat(e["date"]), e["reason"]) for e in data[key])
        for key in ("days_off", "working_days")
    }
    first_seen: dict[date, tuple[str, int]] = {}
    for key, entries in lists.items():
        for i, entry in enumerate(entries):
            if entry.day in first_seen:
                other_key, other_i = first_seen[entry.day]
                values = {"date": entry.day, "other": f"{other_key}[{other_i}]"}
                if other_key == key:
                    message = "calendar.twice"
                else:
                    message, values["list"] = "calendar.in_both", other_key
                findings.append(said(loaded, "CAL001", (key, i, "date"), message, **values))
            else:
                first_seen[entry.day] = (key, i)
    if findings:
        return None, findings
    return Overrides(lists["days_off"], lists["working_days"]), []
