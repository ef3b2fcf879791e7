from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Deadline, Referral
from oversight.casework.services import CaseworkError
from oversight.casework.worklists import worklist
from oversight.timescales import TimescaleStatus


def test_referral_on_the_thursday_before_easter_is_decided_by_the_tuesday_after(child):
    # 28 Mar 2024 is Maundy Thursday: Good Friday and Easter Monday are not working days.
    referral = services.record_referral(child, received_on=date(2024, 3, 28), source_code="1A")
    assert referral.decision_due == date(2024, 4, 2)
    deadline = Deadline.objects.get(child=child, rule="referral-decision")
    assert deadline.due_on == date(2024, 4, 2)
    assert deadline.subject == f"referral:{referral.pk}"


def test_undecided_referral_is_overdue_on_the_worker_worklist_then_met_late(child, worker):
    referral = services.record_referral(child, received_on=date(2024, 3, 28), source_code="1A")
    overdue = list(worklist(date(2024, 4, 3), worker=worker))
    assert [d.rule for d in overdue] == ["referral-decision"]
    assert overdue[0].status(date(2024, 4, 3)) == TimescaleStatus.OVERDUE

    services.decide_referral(referral, decision="nfa", decided_on=date(2024, 4, 3))
    deadline = Deadline.objects.get(child=child, rule="referral-decision")
    assert deadline.met_on == date(2024, 4, 3)
    assert deadline.status(date(2024, 4, 3)) == TimescaleStatus.LATE
    assert list(worklist(date(2024, 4, 3), worker=worker)) == []


def test_no_further_action_closes_the_episode_with_rc8(child):
    referral = services.record_referral(child, received_on=date(2024, 5, 1), source_code="5A")
    services.decide_referral(referral, decision="nfa", decided_on=date(2024, 5, 1))
    referral.refresh_from_db()
    assert (referral.closed_on, referral.reason_for_closure) == (date(2024, 5, 1), "RC8")
    assert referral.version == 3  # recorded, decided, closed


def test_a_decision_before_the_referral_is_refused(child):
    referral = services.record_referral(child, received_on=date(2024, 5, 1), source_code="5A")
    with pytest.raises(CaseworkError) as error:
        services.decide_referral(referral, decision="nfa", decided_on=date(2024, 4, 30))
    assert error.value.field == "decided_on"
    assert Referral.objects.get().decided_on is None


def test_an_unknown_referral_source_code_is_refused_with_the_field(child):
    with pytest.raises(CaseworkError) as error:
        services.record_referral(child, received_on=date(2024, 5, 1), source_code="ZZ")
    assert error.value.field == "source_code"
    assert "ZZ" in error.value.message


def test_contact_that_becomes_a_referral_opens_it_on_the_decision_day(child):
    contact = services.record_contact(child, received_on=date(2024, 5, 3), source_code="3A")
    referral = services.decide_contact(contact, outcome="referral", decided_on=date(2024, 5, 3))
    assert referral is not None
    # Friday 3 May 2024; Monday 6 May is the early May bank holiday.
    assert referral.decision_due == date(2024, 5, 7)
    assert referral.contact == contact
