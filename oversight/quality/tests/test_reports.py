"""What four completed, moderated audits say, worked out by hand.

Four children, each with one follow-up deadline (due 20 June unless said):

| child | team | deadline            | completed | by   | overall | moderated (by)      |
|-------|------|---------------------|-----------|------|---------|---------------------|
| Q1    | 1    | open                | 1 July    | alex | inad.   | inadequate (bo)     |
| Q2    | 1    | met 25 June         | 1 July    | alex | RI      | good (bo): raised   |
| Q3    | 2    | due 10 July         | 15 June   | bo   | good    | good (alex)         |
| Q4    | 2    | met 5 July: too late| 1 July    | bo   | RI      | inadequate (alex)   |

On its completion day Q1 and Q4 had overdue work; Q2 (met) and Q3 (not yet due) had not.
"""

from datetime import date

import pytest

from oversight.casework import services as casework_services
from oversight.casework.tests.conftest import make_child
from oversight.quality import reports
from oversight.quality.domains import DOMAINS
from oversight.quality.services import (
    AuditFacts,
    Graded,
    ProgrammeFacts,
    Second,
    complete_audit,
    create_programme,
    draw_sample,
    moderate,
    start_audit,
)
from oversight.quality.tests.conftest import END, START

pytestmark = pytest.mark.django_db
JUNE_20 = date(2025, 6, 20)
JULY_1 = date(2025, 7, 1)


def graded(grade: str, **others: str) -> dict[str, Graded]:
    return {key: Graded(others.get(key, grade), "Seen in the record.") for key in DOMAINS}


def child_with_follow_up(n: int, team, worker, due_on: date, met_on: date | None = None):
    child = make_child(la_child_id=f"Q{n}")
    casework_services.allocate(child, team, worker, on=date(2025, 1, 6))
    deadline = casework_services.open_follow_up(
        child, rule="audit-action", start=date(2025, 6, 1), subject=f"test:{n}", due_on=due_on
    )
    if met_on:
        casework_services.close_follow_up(deadline, met_on)
    return child


@pytest.fixture
def four(team, other_team, worker, auditor, second_auditor):
    """The four audits of the table above, each completed and moderated."""
    children = [
        child_with_follow_up(1, team, worker, JUNE_20),
        child_with_follow_up(2, team, worker, JUNE_20, date(2025, 6, 25)),
        child_with_follow_up(3, other_team, None, date(2025, 7, 10)),
        child_with_follow_up(4, other_team, None, JUNE_20, date(2025, 7, 5)),
    ]
    programme = create_programme(ProgrammeFacts("Monthly", "monthly", sample_size=4), auditor)
    cases = {
        c.child.la_child_id: c for c in draw_sample(programme, START, END, auditor, 1).cases.all()
    }
    assert sorted(cases) == [c.la_child_id for c in children]
    plan = [
        ("Q1", auditor, graded("inadequate", voice="requires-improvement"), "inadequate", JULY_1,
         ("plans", "voice"), second_auditor, "inadequate"),
        ("Q2", auditor, graded("good", voice="requires-improvement"), "requires-improvement",
         JULY_1, ("voice",), second_auditor, "good"),
        ("Q3", second_auditor, graded("good"), "good", date(2025, 6, 15), (), auditor, "good"),
        ("Q4", second_auditor, graded("requires-improvement"), "requires-improvement", JULY_1,
         ("voice", "supervision"), auditor, "inadequate"),
    ]  # fmt: skip
    for child, by, grades, overall, on, learning, moderator, second in plan:
        audit = complete_audit(start_audit(cases[child], by), AuditFacts(grades, overall,
                               learning=learning), on)  # fmt: skip
        seconds = {k: Second(g.grade) for k, g in grades.items()}
        if child == "Q2":
            seconds["voice"] = Second("good", "The plan records her views well.")
        moderate(audit, moderator, seconds, Second(second, "Differs."), date(2025, 7, 8))
    return programme


def test_grades_are_counted_by_domain_team_theme_and_month(four):
    audits = reports.completed()
    by_domain = reports.by_domain(audits)
    assert list(by_domain)[:2] == [DOMAINS["risk"], DOMAINS["timeliness"]]
    assert by_domain[DOMAINS["voice"]] == {
        "outstanding": 0, "good": 1, "requires-improvement": 3, "inadequate": 0,
    }  # fmt: skip
    assert by_domain[DOMAINS["risk"]] == {
        "outstanding": 0, "good": 2, "requires-improvement": 1, "inadequate": 1,
    }  # fmt: skip
    teams = reports.by_team(audits)
    assert teams["Safeguarding 1"]["inadequate"] == 1
    assert teams["Safeguarding 1"]["requires-improvement"] == 1
    assert (teams["Safeguarding 2"]["good"], teams["Safeguarding 2"]["requires-improvement"]) == (
        1,
        1,
    )
    assert reports.by_theme(audits)["Monthly audit of open cases"]["requires-improvement"] == 2
    months = {m.strftime("%Y-%m"): g for m, g in reports.by_month(audits).items()}
    assert list(months) == ["2025-06", "2025-07"]
    assert months["2025-06"]["good"] == 1
    assert (months["2025-07"]["requires-improvement"], months["2025-07"]["inadequate"]) == (2, 1)


def test_moderation_agreement_and_kappa_on_the_overall_grade(four):
    overall = reports.moderation_by_domain(reports.completed())["Overall grade"]
    # Pairs (inad, inad), (RI, good), (good, good), (RI, inad): 2 of 4 agree, all within one.
    assert (overall.pairs, overall.agreed, overall.within_one) == (4, 2, 4)
    assert (overall.raised, overall.lowered) == (1, 1)
    # Chance: firsts inad 1, RI 2, good 1; seconds inad 2, good 2: (1x2 + 1x2) / 16 = 0.25.
    assert overall.kappa == pytest.approx((0.5 - 0.25) / 0.75)


def test_moderation_by_domain_and_by_auditor(four):
    voice = reports.moderation_by_domain(reports.completed())[DOMAINS["voice"]]
    assert (voice.pairs, voice.agreed, voice.raised) == (4, 3, 1)
    by_auditor = reports.moderation_by_auditor(reports.completed())
    assert list(by_auditor) == ["alex", "bo"]
    assert (by_auditor["alex"].agreed, by_auditor["alex"].raised) == (1, 1)
    assert (by_auditor["bo"].agreed, by_auditor["bo"].lowered) == (1, 1)


def test_cases_with_overdue_work_on_the_day_of_the_audit_grade_worse(four):
    overdue, not_overdue = reports.against_overdue_work(reports.completed())
    assert (overdue.name, overdue.audits, overdue.worse) == ("With overdue work", 2, 2)
    assert (not_overdue.audits, not_overdue.worse) == (2, 1)
    assert (overdue.share_worse, not_overdue.share_worse) == (1.0, 0.5)


def test_learning_themes_are_counted_most_frequent_first(four):
    assert reports.learning_themes(reports.completed()) == [
        ("voice", 3), ("plans", 1), ("supervision", 1),
    ]  # fmt: skip


def test_a_programmes_results_for_a_period_are_found_again_by_their_reference(four):
    july = reports.results(four, JULY_1, date(2025, 7, 31))
    assert july.reference == "Monthly (2025-07-01 to 2025-07-31)"
    assert (july.audits, july.grades["requires-improvement"], july.share_good) == (3, 2, 0.0)
    assert (july.moderation.pairs, july.moderation.agreed) == (3, 1)
    again = reports.results_for(july.reference)
    assert again is not None and again.grades == july.grades
    assert reports.results_for("Monthly (2025-07-31 to 2025-07-01)") is None
    assert reports.results_for("AUD-1") is None


def test_progress_counts_the_audited_and_moderated_cases_of_each_sample(four):
    (shown,) = reports.progress(four)
    assert (shown.cases, shown.audited, shown.moderated) == (4, 4, 4)
