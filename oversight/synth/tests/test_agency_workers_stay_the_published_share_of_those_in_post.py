"""Agency workers are the published share of the social workers in post (13%, the DfE's
agency rate), year after year: as they stay months and permanent workers years, most new
workers must come from agencies to keep it so."""

import math
import random
from datetime import date

import pytest

from oversight.accounts.models import User
from oversight.synth.posts import AGENCY_STAY_DAYS, YEAR, agency_share_of_new_workers, tenures


def test_the_share_of_new_workers_is_worked_out_from_the_stays():
    # Permanent workers leave at 11.8% a year: a mean stay of 1 / -ln(0.882) = 7.964 years.
    # Agency workers stay 91 to 365 days: 228 days, 0.6242 years. For 13% of the time in a
    # post to be an agency worker's: 0.13 * 7.964 / (0.13 * 7.964 + 0.87 * 0.6242) = 0.656.
    assert sum(AGENCY_STAY_DAYS) / 2 / YEAR == pytest.approx(0.6242, abs=1e-4)
    assert 1 / -math.log(1 - 0.118) == pytest.approx(7.964, abs=1e-3)
    assert agency_share_of_new_workers(0.13, 0.118) == pytest.approx(0.656, abs=1e-3)
    assert agency_share_of_new_workers(0.0) == 0.0
    with pytest.raises(ValueError, match="from 0 up to 1"):
        agency_share_of_new_workers(1.0)


def agency_share_in_post_after_30_years(hired: float) -> float:
    """Posts held since 2000 by 13% agency workers, each new worker from an agency at the
    share ``hired``: the share of those in post in 2030 who are agency workers."""
    rng = random.Random(7)

    def successor(day: date) -> User:
        return User(is_agency=rng.random() < hired, started_on=day)

    since, today = date(2000, 1, 1), date(2030, 1, 1)
    posts = [
        tenures(rng, User(is_agency=rng.random() < 0.13), since, today, successor)
        for _ in range(3000)
    ]
    return sum(post[-1].worker.is_agency for post in posts) / len(posts)


def test_drawing_new_workers_at_that_share_keeps_the_share_in_post():
    assert agency_share_in_post_after_30_years(agency_share_of_new_workers(0.13)) == pytest.approx(
        0.13, abs=0.02
    )
    # Drawing new workers at 13%, as the generator did, leaves about 1% of them in post.
    assert agency_share_in_post_after_30_years(0.13) < 0.03
