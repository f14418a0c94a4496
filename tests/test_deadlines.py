"""Working days and the Order's terms, on the real Kazakhstan calendar (holidays package, KZ)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cases import BAD_CALENDARS, GOOD_CALENDAR, calendar_file
from trustlist.core.deadlines import (
    PUBLICATION_DAYS,
    REREVIEW_DAYS,
    REVIEW_DAYS,
    Override,
    Overrides,
    WorkingCalendar,
    compute_deadlines,
)
from trustlist.core.deadlines import (
    load_calendar_overrides as _load,
)
from trustlist.core.report import text_line

ROOT = Path(__file__).resolve().parents[1]
D = date.fromisoformat


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


def load_calendar_overrides(path: Path):
    """The loader's findings as the CLI prints them."""
    overrides, findings = _load(path)
    return overrides, [text_line(f) for f in findings]


def test_terms_of_the_order() -> None:
    assert (REVIEW_DAYS, REREVIEW_DAYS, PUBLICATION_DAYS) == (10, 5, 5)


def test_domain_example_review_across_nauryz(cal: WorkingCalendar) -> None:
    # domain.md: submitted Wed 18 March 2026, Nauryz closes 21-25 March, due Mon 6 April.
    assert cal.add_working_days(D("2026-03-18"), REVIEW_DAYS) == D("2026-04-06")


def test_nauryz_2026(cal: WorkingCalendar) -> None:
    # 21 (Sat), 22 (Sun), 23 (Mon) are Nauryz; the weekend two move to Tue 24 and Wed 25.
    closed = [D(f"2026-03-{day}") for day in range(21, 26)]
    assert not any(cal.is_working_day(d) for d in closed)
    assert cal.is_working_day(D("2026-03-20"))
    assert cal.is_working_day(D("2026-03-26"))
    assert cal.working_days_between(D("2026-03-20"), D("2026-03-26")) == 1


def test_weekend_holidays_observed_on_monday(cal: WorkingCalendar) -> None:
    # Women's Day 8 March 2026 is a Sunday: Monday 9 March is off.
    assert not cal.is_working_day(D("2026-03-09"))
    # Republic Day 25 October 2026 is a Sunday: Monday 26 October is off.
    assert not cal.is_working_day(D("2026-10-26"))
    assert cal.is_working_day(D("2026-10-27"))


def test_may_holidays_2026(cal: WorkingCalendar) -> None:
    # 1 May is a Friday, 7 May a Thursday; 9 May is a Saturday, so Monday 11 May is off.
    for off in ("2026-05-01", "2026-05-07", "2026-05-11"):
        assert not cal.is_working_day(D(off)), off
    for on in ("2026-05-04", "2026-05-08", "2026-05-12"):
        assert cal.is_working_day(D(on)), on
    # From Thu 30 April: 4, 5, 6, 8, 12 May.
    assert cal.add_working_days(D("2026-04-30"), 5) == D("2026-05-12")


def test_kurban_ait_2026_has_no_observed_day(cal: WorkingCalendar) -> None:
    assert not cal.is_working_day(D("2026-05-27"))  # estimated by the package
    assert cal.is_working_day(D("2026-05-28"))


def test_no_constitution_day_in_2026(cal: WorkingCalendar) -> None:
    # holidays 0.108: the new Constitution moves the day to 15 March from 2027; none in 2026.
    assert cal.is_working_day(D("2026-08-31"))
    assert not cal.is_working_day(D("2027-03-15"))


def test_package_decree_transfer_2024(cal: WorkingCalendar) -> None:
    # Known to the package: the day off of Saturday 4 May 2024 moved to Wednesday 8 May.
    assert cal.is_working_day(D("2024-05-04"))
    assert not cal.is_working_day(D("2024-05-08"))


def test_transfer_saturday_in_the_previous_year() -> None:
    # The day off of Friday 3 January 2014 was worked on Saturday 28 December 2013: a fresh
    # calendar asked about 2013 first must still know it.
    fresh = WorkingCalendar()
    assert fresh.is_working_day(D("2013-12-28"))
    assert not fresh.is_working_day(D("2014-01-03"))


def test_counting_starts_the_day_after(cal: WorkingCalendar) -> None:
    # The event day never counts, even when it is a working day.
    assert cal.add_working_days(D("2026-04-06"), 1) == D("2026-04-07")
    assert cal.add_working_days(D("2026-04-06"), 0) == D("2026-04-06")
    # Event on Friday 20 March: the next working day is Thursday 26 March.
    assert cal.add_working_days(D("2026-03-20"), 1) == D("2026-03-26")
    assert cal.working_days_between(D("2026-04-06"), D("2026-04-06")) == 0
    assert cal.working_days_between(D("2026-04-07"), D("2026-04-06")) == 0
    with pytest.raises(ValueError):
        cal.add_working_days(D("2026-04-06"), -1)


@pytest.mark.parametrize("start", ["2026-01-01", "2026-03-18", "2026-04-30", "2026-12-25"])
@pytest.mark.parametrize("n", [1, 5, 10])
def test_between_inverts_add(cal: WorkingCalendar, start: str, n: int) -> None:
    due = cal.add_working_days(D(start), n)
    assert cal.is_working_day(due)
    assert cal.working_days_between(D(start), due) == n


def test_overrides_change_the_result() -> None:
    # Hypothetical decree: Friday 8 May 2026 off, worked on Saturday 16 May.
    off = Override(D("2026-05-08"), "hypothetical decree: day off moved from 16 May")
    work = Override(D("2026-05-16"), "hypothetical decree: Saturday made working")
    only_off = WorkingCalendar(Overrides(days_off=(off,)))
    assert not only_off.is_working_day(D("2026-05-08"))
    assert only_off.add_working_days(D("2026-04-30"), 5) == D("2026-05-13")
    both = WorkingCalendar(Overrides(days_off=(off,), working_days=(work,)))
    assert both.is_working_day(D("2026-05-16"))
    # From Fri 15 May: Sat 16 is now the first working day.
    assert both.add_working_days(D("2026-05-15"), 1) == D("2026-05-16")
    assert WorkingCalendar().add_working_days(D("2026-05-15"), 1) == D("2026-05-18")


def test_override_wins_over_the_package() -> None:
    work = Override(D("2026-03-21"), "hypothetical: Nauryz Saturday declared working")
    assert WorkingCalendar(Overrides(working_days=(work,))).is_working_day(D("2026-03-21"))


def test_calendar_refuses_a_day_both_off_and_working() -> None:
    day = Override(D("2026-05-16"), "x")
    with pytest.raises(ValueError, match="both"):
        WorkingCalendar(Overrides(days_off=(day,), working_days=(day,)))


def states(deadlines: list) -> dict[str, str]:
    return {d.name: d.state for d in deadlines}


def test_review_met_and_missed(cal: WorkingCalendar) -> None:
    met = compute_deadlines(cal, D("2026-03-18"), decided=D("2026-04-06"), today=D("2026-04-06"))
    review = met[0]
    assert (review.name, review.start, review.due) == ("review", D("2026-03-18"), D("2026-04-06"))
    assert (review.actual, review.taken, review.state) == (D("2026-04-06"), 10, "met")
    missed = compute_deadlines(cal, D("2026-03-18"), decided=D("2026-04-07"), today=D("2026-04-07"))
    assert (missed[0].taken, missed[0].state) == (11, "missed")


def test_review_pending_and_overdue(cal: WorkingCalendar) -> None:
    pending = compute_deadlines(cal, D("2026-03-18"), today=D("2026-04-06"))
    assert [(d.name, d.state, d.actual, d.taken) for d in pending] == [
        ("review", "pending", None, None)
    ]
    assert states(compute_deadlines(cal, D("2026-03-18"), today=D("2026-04-07"))) == {
        "review": "overdue"
    }


def test_resubmission(cal: WorkingCalendar) -> None:
    # Noticed on 27 March, resubmitted on 1 April: the review ended with the notice in 4
    # working days (19, 20, 26, 27 March; due 6 April); the re-review from 1 April is due 8 April (2, 3, 6, 7, 8 April).
    out = compute_deadlines(
        cal,
        D("2026-03-18"),
        [(D("2026-03-27"), D("2026-04-01"))],
        decided=D("2026-04-08"),
        today=D("2026-04-08"),
    )
    assert [d.name for d in out] == ["review", "re-review", "publication"]
    assert (out[0].state, out[0].actual, out[0].taken) == ("met", D("2026-03-27"), 4)
    assert (out[1].start, out[1].due, out[1].taken, out[1].state) == (
        D("2026-04-01"),
        D("2026-04-08"),
        5,
        "met",
    )
    assert out[2].state == "pending"
    # A notice after the review's due date is a missed review, whatever came after.
    late = compute_deadlines(
        cal, D("2026-03-18"), [(D("2026-04-08"), D("2026-04-10"))], today=D("2026-04-20")
    )
    assert states(late) == {"review": "missed", "re-review": "overdue"}
    assert late[1].due == D("2026-04-17")


def test_any_number_of_rounds(cal: WorkingCalendar) -> None:
    # Two returns: the review ends with the first notice, the first re-review with the second,
    # the second re-review with the decision. Each round is numbered.
    out = compute_deadlines(
        cal,
        D("2026-06-01"),
        [(D("2026-06-05"), D("2026-06-10")), (D("2026-06-15"), D("2026-06-19"))],
        decided=D("2026-06-26"),
        today=D("2026-06-26"),
    )
    assert [(d.name, d.round, d.start, d.actual, d.state) for d in out[:3]] == [
        ("review", 1, D("2026-06-01"), D("2026-06-05"), "met"),
        ("re-review", 1, D("2026-06-10"), D("2026-06-15"), "met"),
        ("re-review", 2, D("2026-06-19"), D("2026-06-26"), "met"),
    ]


def test_an_unanswered_notice_runs_no_term_of_the_body(cal: WorkingCalendar) -> None:
    # Returned on 5 June and not resubmitted: the package is the applicant's; a year later
    # nothing of the body's is overdue.
    out = compute_deadlines(cal, D("2026-06-01"), [(D("2026-06-05"), None)], today=D("2027-06-01"))
    assert [(d.name, d.state) for d in out] == [("review", "met")]


def test_publication_states(cal: WorkingCalendar) -> None:
    # Decided Thu 30 April 2026: publication due Tue 12 May, across the May holidays.
    def publication(published: date | None, today: str) -> tuple[date, str]:
        out = compute_deadlines(
            cal, D("2026-04-20"), decided=D("2026-04-30"), published=published, today=D(today)
        )
        return out[-1].due, out[-1].state

    assert publication(D("2026-05-12"), "2026-06-01") == (D("2026-05-12"), "met")
    assert publication(D("2026-05-13"), "2026-06-01") == (D("2026-05-12"), "missed")
    assert publication(None, "2026-05-12") == (D("2026-05-12"), "pending")
    assert publication(None, "2026-05-13") == (D("2026-05-12"), "overdue")


# --- the overrides file -------------------------------------------------------------------


def test_registry_calendar_file_is_valid() -> None:
    overrides, errors = load_calendar_overrides(ROOT / "registry" / "calendar.yaml")
    assert errors == []
    assert overrides is not None


def test_good_file_loads_and_dates_stay_text_until_checked(tmp_path: Path) -> None:
    overrides, errors = load_calendar_overrides(calendar_file(tmp_path, GOOD_CALENDAR))
    assert errors == []
    assert overrides is not None
    assert overrides.days_off[0].day == D("2026-05-08")
    assert overrides.working_days[0].day == D("2026-05-16")  # unquoted YAML date still works
    assert WorkingCalendar(overrides).add_working_days(D("2026-05-15"), 1) == D("2026-05-16")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    BAD_CALENDARS,
)
def test_bad_file_names_the_problem(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert GOOD_CALENDAR.count(old) == 1
    overrides, errors = load_calendar_overrides(
        calendar_file(tmp_path, GOOD_CALENDAR.replace(old, new))
    )
    assert overrides is None
    assert any(expected in e for e in errors), errors
    assert all(e.startswith(str(tmp_path / "calendar.yaml")) for e in errors)


def test_duplicate_date_in_one_list(tmp_path: Path) -> None:
    text = GOOD_CALENDAR.replace(
        "working_days:", '  - date: "2026-05-08"\n    reason: "again"\nworking_days:'
    )
    overrides, errors = load_calendar_overrides(calendar_file(tmp_path, text))
    assert overrides is None
    assert any("days_off[1].date: 2026-05-08 is listed twice" in e for e in errors), errors


def test_missing_file(tmp_path: Path) -> None:
    overrides, errors = load_calendar_overrides(tmp_path / "nope.yaml")
    assert overrides is None
    assert len(errors) == 1
    assert "cannot be read: it does not exist" in errors[0]
