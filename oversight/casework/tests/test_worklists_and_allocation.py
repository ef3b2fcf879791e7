from datetime import date

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.models import Deadline
from oversight.casework.worklists import due_soon_limit, summary_by_rule, summary_by_team, worklist


def test_due_soon_reaches_five_working_days_ahead():
    # From Thu 19 Dec 2024: 20, 23, 24, 27, 30 Dec.
    assert due_soon_limit(date(2024, 12, 19)) == date(2024, 12, 30)


def test_worklist_holds_overdue_and_due_soon_work_but_not_later_work(child, worker):
    plan = services.start_plan(child, kind="cin", start_on=date(2024, 1, 10))  # visit due 7 Feb
    services.record_oversight(
        child, kind="supervision", recorded_on=date(2024, 1, 10), manager=worker, note="Plan agreed"
    )  # no oversight was due yet
    referral = services.record_referral(child, received_on=date(2024, 2, 1), source_code="1A")
    assert referral.decision_due == date(2024, 2, 2)
    items = list(worklist(date(2024, 2, 5), worker=worker))
    assert [(d.rule, d.status(date(2024, 2, 5)).value) for d in items] == [
        ("referral-decision", "overdue"),
        ("cin-visit", "due_soon"),
    ]
    assert plan.is_open


def test_counts_by_team_and_by_rule(child, team):
    services.start_plan(child, kind="cp", start_on=date(2024, 1, 10), category_of_abuse="NEG")
    # 10 working days: cp visit due 24 Jan; 20 working days: oversight due 7 Feb.
    on = date(2024, 2, 6)
    assert summary_by_team(on)[team.pk].overdue == 1
    assert summary_by_team(on)[team.pk].due_soon == 1
    by_rule = summary_by_rule(on, team)
    assert by_rule["cp-visit"].overdue == 1 and by_rule["oversight-cp"].due_soon == 1


def test_reallocation_moves_open_work_to_the_new_worker(child, worker, other_team):
    services.start_plan(child, kind="cin", start_on=date(2024, 1, 10))
    newcomer = User.objects.create(username="lee", role=Role.PRACTITIONER, team=other_team)
    services.allocate(child, other_team, newcomer, on=date(2024, 1, 20))
    assert set(Deadline.objects.values_list("worker__username", "team__name")) == {
        ("lee", "Safeguarding 2")
    }
    assert list(worklist(date(2024, 2, 7), worker=worker)) == []
    # The visit is due that day; oversight (due 21 Feb) is not yet due soon.
    assert [d.rule for d in worklist(date(2024, 2, 7), worker=newcomer)] == ["cin-visit"]


def test_oversight_meets_what_was_due_and_starts_the_next_period(child, manager):
    services.start_plan(child, kind="cin", start_on=date(2024, 1, 10))
    entry = services.record_oversight(
        child,
        kind="direction",
        recorded_on=date(2024, 2, 26),
        manager=manager,
        note="Visit weekly until the review.",
    )
    # 30 working days from Wed 10 Jan 2024 is Wed 21 Feb: the entry came late.
    assert entry.due_on == date(2024, 2, 21)
    # 30 working days from Mon 26 Feb 2024, skipping Good Friday and Easter Monday.
    assert Deadline.objects.get(rule="oversight-cin", met_on__isnull=True).due_on == date(
        2024, 4, 10
    )


def test_ending_an_allocation_takes_the_child_off_the_caseload(child, worker):
    services.end_allocation(child, date(2024, 3, 1))
    assert child.allocations.get().end_on == date(2024, 3, 1)
    services.end_allocation(child, date(2024, 3, 2))  # nothing open: nothing to end
    assert child.allocations.count() == 1
