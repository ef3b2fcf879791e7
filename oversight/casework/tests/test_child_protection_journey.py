from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Conference, Deadline, Plan, Visit
from oversight.casework.services import CaseworkError


def _open_rules(child) -> dict[str, date]:
    open_ = Deadline.objects.filter(child=child, met_on__isnull=True, lapsed_on__isnull=True)
    return {d.rule: d.due_on for d in open_}


def _s47(child, held_on: date):
    referral = services.record_referral(child, received_on=held_on, source_code="5A")
    services.decide_referral(referral, decision="strategy", decided_on=held_on)
    return services.record_strategy_discussion(referral, held_on=held_on)[1]


def test_icpc_after_a_strategy_discussion_skips_both_may_2023_bank_holidays(child):
    # From Wed 26 Apr 2023: 1 May (early May) and 8 May (coronation) are not working days.
    s47 = _s47(child, date(2023, 4, 26))
    assert s47.icpc_due == date(2023, 5, 19)
    assert _open_rules(child) == {"icpc": date(2023, 5, 19)}


def test_icpc_with_a_plan_starts_the_visit_review_and_oversight_clocks(child):
    s47 = _s47(child, date(2023, 4, 26))
    conference, plan = services.hold_initial_conference(
        s47, held_on=date(2023, 5, 19), plan_required=True, category_of_abuse="NEG"
    )
    assert conference.due_on == date(2023, 5, 19)
    assert plan.kind == "cp" and plan.category_of_abuse == "NEG"
    # 10 working days from Fri 19 May 2023 skip the spring bank holiday (29 May).
    # 20 working days land on Mon 19 June; the first review is 3 months after the ICPC.
    assert _open_rules(child) == {
        "cp-visit": date(2023, 6, 5),
        "oversight-cp": date(2023, 6, 19),
        "rcpc-first": date(2023, 8, 19),
    }
    assert Deadline.objects.get(rule="icpc").met_on == date(2023, 5, 19)


def test_a_cp_visit_meets_the_visit_due_and_starts_the_next(child):
    s47 = _s47(child, date(2023, 4, 26))
    _, plan = services.hold_initial_conference(
        s47, held_on=date(2023, 5, 19), plan_required=True, category_of_abuse="PHY"
    )
    visit = services.record_visit(
        child,
        kind="cp",
        visited_on=date(2023, 6, 7),
        plan=plan,
        seen=True,
        seen_alone=True,
        views_recorded=True,
        views="I like my new school.",
        how_expressed="spoke",
    )
    assert visit.due_on == date(2023, 6, 5)  # two days late
    assert visit.worker.username == "sam"
    # 10 working days from Wed 7 June 2023.
    assert _open_rules(child)["cp-visit"] == date(2023, 6, 21)


def test_the_review_conference_that_ends_the_plan_stops_its_clocks(child):
    s47 = _s47(child, date(2023, 4, 26))
    _, plan = services.hold_initial_conference(
        s47, held_on=date(2023, 5, 19), plan_required=True, category_of_abuse="EMO"
    )
    conference = services.hold_review_conference(
        plan, held_on=date(2023, 8, 18), plan_continues=False
    )
    assert conference.due_on == date(2023, 8, 19)
    plan.refresh_from_db()
    assert plan.end_on == date(2023, 8, 18)
    assert _open_rules(child) == {}
    assert Deadline.objects.get(rule="cp-visit").lapsed_on == date(2023, 8, 18)


def test_a_continuing_plan_is_reviewed_again_in_six_months(child):
    s47 = _s47(child, date(2023, 4, 26))
    _, plan = services.hold_initial_conference(
        s47, held_on=date(2023, 5, 19), plan_required=True, category_of_abuse="SAB"
    )
    services.hold_review_conference(plan, held_on=date(2023, 8, 31), plan_continues=True)
    assert _open_rules(child)["rcpc-next"] == date(2024, 2, 29)  # 31 Aug + 6 months, leap year
    assert Conference.objects.filter(kind="review").get().due_on == date(2023, 8, 19)


def test_an_icpc_without_a_plan_starts_no_plan(child):
    s47 = _s47(child, date(2023, 4, 26))
    _, plan = services.hold_initial_conference(s47, held_on=date(2023, 5, 10), plan_required=False)
    assert plan is None and not Plan.objects.exists()
    assert _open_rules(child) == {}


def test_a_cp_plan_needs_a_category_of_abuse(child):
    s47 = _s47(child, date(2023, 4, 26))
    with pytest.raises(CaseworkError) as error:
        services.hold_initial_conference(s47, held_on=date(2023, 5, 10), plan_required=True)
    assert error.value.field == "category_of_abuse"
    assert not Conference.objects.exists()


def test_a_plan_cannot_end_before_it_starts(child):
    plan = services.start_plan(child, kind="cin", start_on=date(2024, 1, 10))
    with pytest.raises(CaseworkError) as error:
        services.end_plan(plan, end_on=date(2024, 1, 9))
    assert error.value.field == "end_on"


def test_a_child_seen_alone_must_be_seen(child):
    with pytest.raises(CaseworkError) as error:
        services.record_visit(
            child, kind="cin", visited_on=date(2024, 1, 9), seen=False, seen_alone=True
        )
    assert error.value.field == "seen_alone"
    assert not Visit.objects.exists()


def test_views_recorded_on_the_web_need_the_childs_words(child):
    with pytest.raises(CaseworkError) as error:
        services.record_visit(child, kind="cin", visited_on=date(2024, 1, 9), views_recorded=True)
    assert error.value.field == "views"
