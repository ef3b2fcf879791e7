"""The small LA's rates over its last year sit near the published national figures.

The ranges are wide: a small LA is noisy, and the problems switched on make some
measures worse. The national figures and their sources are in ``synth.rates``.
"""

import pytest
from django.db.models import F

from oversight.casework.models import (
    Assessment,
    CareEpisode,
    Contact,
    Deadline,
    MissingEpisode,
    Plan,
    Referral,
    S47Enquiry,
)
from oversight.synth import rates
from oversight.timescales import add_months

from .conftest import TODAY

pytestmark = pytest.mark.django_db
YEAR_START = add_months(TODAY, -12)


def _per_10k(count: int, report) -> float:
    return count / report.population * 10_000


def _last_year_referrals():
    return Referral.objects.filter(received_on__gt=YEAR_START, received_on__lte=TODAY)


def test_referrals_per_10000_children_are_near_the_national_rate(small_la):
    referrals = _per_10k(_last_year_referrals().count(), small_la)
    assert 0.75 * rates.REFERRALS_PER_10K <= referrals <= 1.35 * rates.REFERRALS_PER_10K


def test_between_a_tenth_and_a_third_of_referrals_are_re_referrals_within_a_year(small_la):
    referrals = list(_last_year_referrals().values_list("child_id", "received_on"))
    earlier: dict[int, list] = {}
    for child_id, received in Referral.objects.values_list("child_id", "received_on"):
        earlier.setdefault(child_id, []).append(received)
    repeats = sum(
        any(0 < (received - before).days <= 365 for before in earlier[child_id])
        for child_id, received in referrals
    )
    assert 0.10 <= repeats / len(referrals) <= 0.35


def test_about_half_of_contacts_become_referrals(small_la):
    contacts = Contact.objects.filter(received_on__gt=YEAR_START, decided_on__isnull=False)
    converted = contacts.filter(outcome="referral").count() / contacts.count()
    assert abs(converted - rates.CONTACT_TO_REFERRAL) <= 0.12


def test_most_assessments_complete_within_45_working_days(small_la):
    met = Deadline.objects.filter(rule="assessment", met_on__gt=YEAR_START)
    within = met.filter(met_on__lte=F("due_on")).count() / met.count()
    assert 0.6 <= within <= rates.ASSESSMENTS_WITHIN_45_WD + 0.08


def test_assessments_identify_as_many_factors_as_englands_on_average(small_la):
    """c3: 1,412,210 factors over 513,250 episodes with any, 2.75 each."""
    found = Assessment.objects.exclude(factors="").values_list("factors", flat=True)
    counts = [len(factors.split()) for factors in found]
    assert all(len(set(f.split())) == len(f.split()) for f in found)
    assert 2.5 <= sum(counts) / len(counts) <= 3.0


def test_section_47_enquiries_per_10000_are_near_the_national_rate(small_la):
    started = _per_10k(S47Enquiry.objects.filter(started_on__gt=YEAR_START).count(), small_la)
    assert 0.55 * rates.S47_PER_10K <= started <= 1.6 * rates.S47_PER_10K


def test_cp_plans_started_in_the_year_per_10000_are_near_the_national_rate(small_la):
    started = _per_10k(Plan.objects.filter(kind="cp", start_on__gt=YEAR_START).count(), small_la)
    assert 0.5 * rates.CP_STARTS_PER_10K <= started <= 1.8 * rates.CP_STARTS_PER_10K


def test_children_on_cp_plans_and_in_care_on_the_last_day_are_near_national_rates(small_la):
    """A count on one day in a small LA is noisier still."""
    on_cp = Plan.objects.filter(kind="cp", start_on__lte=TODAY, end_on__isnull=True).count()
    in_care = CareEpisode.objects.filter(started_on__lte=TODAY, ended_on__isnull=True).count()
    assert 0.4 * rates.CP_PLANS_PER_10K <= _per_10k(on_cp, small_la) <= 2 * rates.CP_PLANS_PER_10K
    assert 0.45 * rates.CLA_PER_10K <= _per_10k(in_care, small_la) <= 1.6 * rates.CLA_PER_10K


def test_few_children_in_care_are_away_from_placement_without_authorisation(small_la):
    """lait Children_Away, 2025: 3% of children looked after in the year; no interview
    follows a return from being away."""
    in_care = set(
        CareEpisode.objects.filter(started_on__lte=TODAY)
        .exclude(ended_on__lt=YEAR_START)
        .values_list("child_id", flat=True)
    )
    away = MissingEpisode.objects.filter(away=True)
    went = set(away.filter(started_on__gt=YEAR_START).values_list("child_id", flat=True))
    assert abs(len(went & in_care) / len(in_care) - rates.CLA_AWAY_SHARE) <= 0.025
    assert away.exists() and not away.exclude(interview_due=None).exists()
