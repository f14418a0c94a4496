"""Timeliness of decisions and publication, in Kazakhstan working days, as the sector page
shows it (a chart and the same figures in a table)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import BASE, SYSTEM, edit
from trustlist.core.deadlines import WorkingCalendar
from trustlist.core.validate import validate_registry
from trustlist.site.pages import Site
from trustlist.site.render import render_page
from trustlist.site.timeliness import measure_terms


def measured(root: Path):
    registry = validate_registry(root / "registry")
    assert registry.errors == []
    return measure_terms([s.model for s in registry.systems], WorkingCalendar(registry.calendar))


def test_terms_in_working_days_across_the_may_holidays() -> None:
    (row,) = measured(BASE).rows
    # Submitted Mon 4 May 2026, decided Fri 15 May: 7 May (Defender's Day) and Mon 11 May
    # (Victory Day, a Saturday, observed) are not working days.
    assert (row.review.name, row.review.taken, row.review.state) == ("review", 7, "met")
    assert row.review.due == date(2026, 5, 20)
    assert (row.publication.taken, row.publication.state) == (2, "met")


def test_a_late_publication_and_a_re_review(base: Path) -> None:
    edit(
        base / SYSTEM,
        "  submitted: 2026-05-04\n",
        "  submitted: 2026-04-20\n  returns:\n    - notice: 2026-04-28\n"
        "      resubmitted: 2026-05-08\n",
    )
    edit(base / SYSTEM, "  published: 2026-05-19\n", "  published: 2026-05-29\n")
    result = measured(base)
    (row,) = result.rows
    assert (row.review.name, row.review.taken, row.review.state) == ("re-review", 4, "met")
    # Decided 15 May, published 29 May: 9 working days, Kurban Ait (27 May 2026) being off.
    assert (row.publication.taken, row.publication.state) == (9, "missed")
    assert result.share("publication") == (0, 1)
    assert result.scale == 12


def test_the_sector_page_has_the_chart_and_its_table() -> None:
    site = Site(validate_registry(BASE / "registry"))
    spec = next(s for s in site.specs if s.kind == "sector" and s.lang == "en")
    html = render_page(site, spec)
    assert "Reviewed on time: 1 of 1; published on time: 1 of 1 (in working days)." in html
    assert '<svg viewBox="0 0 544 46" role="img" aria-labelledby="tl-chart-title"' in html
    assert '<rect x="56" y="8" width="280.0" height="10" class="tl-bar-review">' in html
    assert 'data-label="Review, working days">7 / 10: on time</td>' in html


JOURNAL = """\
schema_version: "1.0"
closed:
  - system: demo-refused
    name: {kk: Бас тартылған, ru: Отклонённая}
    applicant:
      name: {kk: «Демо» ЖШС, ru: ТОО «Демо»}
      bin: "260540001236"
    application:
      reference: APP-9
      submitted: 2026-06-01
      returns:
        - notice: 2026-06-05
          resubmitted: 2026-06-10
    outcome: refused
    date: 2026-06-24
    reference: No. 9-ИИ
    reasons: {kk: Себебі, ru: Причина отказа}
  - system: demo-withdrawn
    name: {kk: Кері алынған, ru: Отозванная}
    applicant:
      name: {kk: «Демо» ЖШС, ru: ТОО «Демо»}
      bin: "260540001236"
    application:
      reference: APP-10
      submitted: 2026-06-02
    outcome: withdrawn
    date: 2026-06-03
    reasons: {kk: Себебі, ru: Заявитель отозвал}
"""


def test_every_decided_application_counts_and_the_sector_page_says_what_became_of_them(
    base: Path,
) -> None:
    (base / "registry/health/applications.yaml").write_text(JOURNAL, encoding="utf-8")
    registry = validate_registry(base / "registry")
    assert registry.errors == []
    site = Site(registry)
    rows = site.timeliness("health").rows
    # The refusal is a decision: its re-review, from 10 June to 24 June, took 10 working days
    # of 5 (late); the withdrawal is the applicant's and is not measured.
    assert [(r.number, r.review.name, r.review.taken, r.review.state) for r in rows] == [
        (1, "review", 7, "met"),
        (None, "re-review", 10, "missed"),
    ]
    assert site.timeliness("health").share("review") == (1, 2)
    spec = next(s for s in site.specs if s.kind == "sector" and s.lang == "ru")
    html = render_page(site, spec)
    assert "<dt>Отказано</dt><dd>1</dd>" in html
    assert "<dt>Отозвано заявителем</dt><dd>1</dd>" in html
    assert "<dt>Возвращено хотя бы раз</dt><dd>1</dd>" in html
    assert "Причина отказа" in html and "отказано, No. 9-ИИ" in html
    assert "Рассмотрено в срок: 1 из 2" in html
