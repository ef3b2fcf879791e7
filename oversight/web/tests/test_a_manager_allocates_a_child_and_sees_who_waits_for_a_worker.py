"""A team manager allocates a child of their team: to another of its social workers (saying
why, as the SSDA903 return records it), to another team, or to the team alone while the
child waits. When a social worker leaves, their children stay allocated to them and the
team's page lists them as waiting for a worker, with the day the worker left, until the
manager allocates them."""

import re
from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.manage import end_account
from oversight.accounts.roles import Role
from oversight.casework.models import Allocation, Child, Deadline
from oversight.web.tests.conftest import person
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 12)


@pytest.fixture
def kim(team):
    return person("kim", Role.PRACTITIONER, team=team, job_title="Social worker")


def page(child: Child) -> str:
    return reverse("web:allocate", args=[child.pk])


def held(child: Child) -> str:
    current = Allocation.objects.filter(child=child, end_on__isnull=True).first()
    return str(current.pk) if current else ""


def answers(child: Child, to: str, on: date = TODAY, reason: str = "") -> dict[str, str]:
    return {"allocate_to": to, "change_reason": reason, "held": held(child),
            **date_fields("start_on", on)}  # fmt: skip


def waiting_list(team_page: str) -> str:
    start = team_page.index("Children waiting for a worker")
    return team_page[start : team_page.index("Overdue and")]


def current(child: Child) -> Allocation:
    return Allocation.objects.get(child=child, end_on__isnull=True)


def test_the_manager_is_offered_the_form_and_the_worker_is_not(signed_in, manager, worker, aisha):
    record = reverse("web:child", args=[aisha.pk])
    assert f'href="{page(aisha)}"' in signed_in(manager).get(record).content.decode()
    assert f'href="{page(aisha)}"' not in signed_in(worker).get(record).content.decode()
    assert signed_in(worker).get(page(aisha)).status_code == 403


def test_the_form_opens_on_who_holds_the_child_and_offers_only_workers_in_post(
    signed_in, manager, worker, kim, other_worker, aisha, team
):
    gone = person("lee", Role.PRACTITIONER, team=team)
    end_account(gone, None, "left the authority for another post")
    form = signed_in(manager).get(page(aisha)).content.decode()
    assert f'value="{team.pk}:{worker.pk}" selected' in form
    assert f'value="{team.pk}:{kim.pk}"' in form and "Kim Example (Social worker)" in form
    assert f'value="{other_worker.team_id}:{other_worker.pk}"' in form  # a transfer
    assert f'value="{team.pk}:"' in form  # the team alone, waiting for a worker
    assert f':{gone.pk}"' not in form


def test_the_childs_own_team_is_offered_first(signed_in, service_manager, cara, team, other_team):
    # Safeguarding 2 sorts after Safeguarding 1, but it is Cara's team.
    form = signed_in(service_manager).get(page(cara)).content.decode()
    groups = re.findall(r'<optgroup label="([^"]*)"', form)
    assert groups[0].startswith("Safeguarding 2") and groups[1].startswith("Safeguarding 1")


def test_a_manager_may_hold_a_child_of_the_team_themselves(signed_in, manager, aisha, team):
    form = signed_in(manager).get(page(aisha)).content.decode()
    assert f'value="{team.pk}:{manager.pk}"' in form and "Morgan Example (Team manager)" in form
    given = answers(aisha, f"{team.pk}:{manager.pk}", reason="MANAGE")
    assert signed_in(manager).post(page(aisha), given).status_code == 302
    held = current(aisha)
    assert (held.worker, held.change_reason) == (manager, "MANAGE")


def test_a_move_to_another_worker_is_saved_with_its_reason_and_the_work_moves(
    signed_in, manager, worker, kim, aisha, team
):
    response = signed_in(manager).post(page(aisha), answers(aisha, f"{team.pk}:{kim.pk}",
                                                            reason="MANAGE"))  # fmt: skip
    assert response.status_code == 302 and response.url == reverse("web:child", args=[aisha.pk])
    now = current(aisha)
    assert (now.worker, now.start_on, now.change_reason) == (kim, TODAY, "MANAGE")
    assert Allocation.objects.get(child=aisha, worker=worker).end_on == TODAY
    assert set(Deadline.objects.filter(child=aisha, met_on__isnull=True, lapsed_on__isnull=True)
               .values_list("worker_id", flat=True)) == {kim.pk}  # fmt: skip
    record = text(signed_in(manager).get(reverse("web:child", args=[aisha.pk]), follow=True))
    assert "Aisha Khan is allocated to Safeguarding 1: Kim Example" in record
    assert "Allocated since 12 March 2025" in record
    # The chronology says why the social worker changed, in the DfE's words.
    assert "Allocated Safeguarding 1, Kim Example (managing caseloads)" in record


def test_a_new_worker_needs_a_reason_and_nothing_is_saved_without_one(
    signed_in, manager, worker, kim, aisha, team
):
    response = signed_in(manager).post(page(aisha), answers(aisha, f"{team.pk}:{kim.pk}"))
    [(field, message)] = error_summary(response)
    assert field == "#id_change_reason" and "why the child's social worker changes" in message
    assert current(aisha).worker == worker


def test_the_allocation_held_already_is_refused(signed_in, manager, worker, aisha, team):
    response = signed_in(manager).post(page(aisha), answers(aisha, f"{team.pk}:{worker.pk}",
                                                            reason="MANAGE"))  # fmt: skip
    [(field, message)] = error_summary(response)
    assert field == "#id_allocate_to" and "allocated to Sam Example already" in message


def test_an_allocation_before_the_one_held_began_is_refused_against_its_date(
    signed_in, manager, kim, aisha, team
):
    given = answers(aisha, f"{team.pk}:{kim.pk}", on=date(2024, 10, 1), reason="MANAGE")
    [(field, message)] = error_summary(signed_in(manager).post(page(aisha), given))
    assert field.startswith("#id_start_on") and "start of the current allocation" in message
    assert current(aisha).worker.username == "sam"


def test_an_allocation_changed_since_the_form_opened_is_not_overwritten(
    signed_in, manager, kim, aisha, team
):
    given = answers(aisha, f"{team.pk}:", reason="")
    client = signed_in(manager)
    assert client.post(page(aisha), answers(aisha, f"{team.pk}:{kim.pk}",
                                            reason="MANAGE")).status_code == 302  # fmt: skip
    [(_field, message)] = error_summary(client.post(page(aisha), given))
    assert "changed since you opened this form" in message
    assert current(aisha).worker == kim


def test_a_transfer_to_a_team_the_manager_does_not_manage_goes_back_to_their_team(
    signed_in, manager, other_worker, aisha, team, other_team
):
    given = answers(aisha, f"{other_team.pk}:{other_worker.pk}", reason="TSPROC")
    response = signed_in(manager).post(page(aisha), given)
    assert response.status_code == 302 and response.url == reverse("web:team", args=[team.pk])
    assert (current(aisha).team, current(aisha).worker) == (other_team, other_worker)
    assert signed_in(manager).get(page(aisha)).status_code == 404  # no longer theirs to see


def test_a_service_manager_allocates_in_every_team_of_the_service(
    signed_in, service_manager, cara, other_team
):
    given = answers(cara, f"{other_team.pk}:")
    assert signed_in(service_manager).post(page(cara), given).status_code == 302
    assert current(cara).worker is None


def test_a_reason_without_a_worker_is_refused(signed_in, manager, aisha, team):
    [(field, message)] = error_summary(
        signed_in(manager).post(page(aisha), answers(aisha, f"{team.pk}:", reason="MANAGE"))
    )
    assert field == "#id_change_reason" and "choose a worker, or no reason" in message


def test_a_leavers_children_wait_for_a_worker_on_the_team_page_until_allocated(
    signed_in, manager, worker, kim, aisha, ben, team
):
    end_account(worker, None, "left the authority for another post")
    team_page = reverse("web:team", args=[team.pk])
    shown = text(signed_in(manager).get(team_page))
    waiting = waiting_list(shown)
    assert "Aisha Khan Sam Example has left 12 March 2025 0" in waiting
    assert "Ben Jones Sam Example has left" in waiting
    assert "Sam Example Left 12 March 2025" in shown  # in the caseloads
    record = text(signed_in(manager).get(reverse("web:child", args=[aisha.pk])))
    assert "Sam Example, who left on 12 March 2025" in record

    given = answers(aisha, f"{team.pk}:{kim.pk}", reason="LEFTRL")
    assert signed_in(manager).post(page(aisha), given).status_code == 302
    waiting = waiting_list(text(signed_in(manager).get(team_page)))
    assert "Aisha Khan" not in waiting and "Ben Jones" in waiting


def test_a_child_held_by_the_team_alone_waits_from_the_day_of_that_allocation(
    signed_in, manager, aisha, team
):
    assert signed_in(manager).post(page(aisha), answers(aisha, f"{team.pk}:")).status_code == 302
    waiting = waiting_list(text(signed_in(manager).get(reverse("web:team", args=[team.pk]))))
    assert "Aisha Khan Not allocated to a worker 12 March 2025 0 Allocate" in waiting


def test_ending_a_workers_account_says_how_many_children_wait(
    signed_in, administrator, worker, aisha, ben
):
    shown = text(signed_in(administrator).get(reverse("web:end-account", args=[worker.pk])))
    assert "2 children are allocated to them." in shown
    assert "Children waiting for a worker" in shown


def test_the_team_page_counts_who_is_in_post_and_who_left_in_the_year(
    signed_in, manager, worker, kim, team
):
    # In post: Kim and two agency workers (3, 2 agency: 67%). Left in the 12 months to
    # 12 March 2025: Sam today and Lee on 13 March 2024 (permanent: 2 of Kim, 200%), and
    # Ali, agency; Jo left on 12 March 2024, a year ago to the day, before the year began.
    person("pat", Role.PRACTITIONER, team=team, is_agency=True)
    person("ray", Role.PRACTITIONER, team=team, is_agency=True)
    end_account(worker, None, "left the authority for another post")
    person("lee", Role.PRACTITIONER, team=team, is_active=False, left_on=date(2024, 3, 13))
    person("jo", Role.PRACTITIONER, team=team, is_active=False, left_on=date(2024, 3, 12))
    person("ali", Role.PRACTITIONER, team=team, is_active=False, is_agency=True,
           left_on=date(2024, 9, 30))  # fmt: skip
    shown = text(signed_in(manager).get(reverse("web:team", args=[team.pk])))
    assert "Practitioners in post 3, 2 of them agency workers (67%)" in shown
    assert "Left in the last 12 months 2 permanent (turnover 200% of the 1 in post), 1 agency" in (
        shown
    )
