from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Assessment, Deadline
from oversight.casework.services import CaseworkError


def _assessed_referral(child, received_on: date, decided_on: date):
    referral = services.record_referral(child, received_on=received_on, source_code="1A")
    services.decide_referral(referral, decision="assessment", decided_on=decided_on)
    return referral


def test_assessment_started_before_easter_is_due_after_the_may_bank_holidays(child):
    # 45 working days from Wed 20 Mar 2024, skipping 29 Mar, 1 Apr, 6 May and 27 May.
    _assessed_referral(child, date(2024, 3, 20), date(2024, 3, 21))
    assessment = Assessment.objects.get()
    assert assessment.started_on == date(2024, 3, 21)
    assert assessment.due_on == date(2024, 5, 28)
    assert Deadline.objects.get(rule="assessment").started_on == date(2024, 3, 20)


def test_assessment_completed_on_its_due_day_is_on_time(child):
    _assessed_referral(child, date(2024, 3, 20), date(2024, 3, 21))
    assessment = Assessment.objects.get()
    services.complete_assessment(
        assessment, completed_on=date(2024, 5, 28), outcome="cin_plan", factors="3A 4A"
    )
    deadline = Deadline.objects.get(rule="assessment")
    assert deadline.met_on == date(2024, 5, 28)
    assert deadline.status(date(2024, 6, 1)).value == "on_time"


def test_assessment_completed_before_it_started_is_refused(child):
    _assessed_referral(child, date(2024, 3, 20), date(2024, 3, 21))
    with pytest.raises(CaseworkError) as error:
        services.complete_assessment(
            Assessment.objects.get(), completed_on=date(2024, 3, 20), outcome="nfa"
        )
    assert error.value.field == "completed_on"


def test_assessment_cannot_start_before_its_referral(child):
    referral = services.record_referral(child, received_on=date(2024, 3, 20), source_code="1A")
    with pytest.raises(CaseworkError) as error:
        services.start_assessment(referral, started_on=date(2024, 3, 19))
    assert error.value.field == "started_on"
    assert not Assessment.objects.exists()


def test_an_unknown_assessment_factor_is_refused(child):
    _assessed_referral(child, date(2024, 3, 20), date(2024, 3, 21))
    with pytest.raises(CaseworkError) as error:
        services.complete_assessment(
            Assessment.objects.get(), completed_on=date(2024, 4, 20), outcome="nfa", factors="99Z"
        )
    assert error.value.field == "factors"
