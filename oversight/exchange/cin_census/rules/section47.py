"""Rules on the section 47 enquiries of each CIN episode (``<Section47>``).

An enquiry starts on ``S47ActualStartDate`` and is over when its initial child
protection conference is held (``DateOfInitialCPC``) or when it is flagged as needing
none (``ICPCnotRequired``). The rules on the conference's own date are in ``conferences``.
"""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.exchange.cin_census.rules.ongoing import starting_while_another_is_ongoing
from oversight.timescales.calendar import add_working_days

START = pl.col("S47ActualStartDate")
CONFERENCE = pl.col("DateOfInitialCPC")
NOT_REQUIRED = pl.col("ICPCnotRequired")
ENQUIRY = ("S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired")
# The DfE words these two ways. 8839 and 8890: an enquiry is open while it has no
# conference and its flag is "not true", so a missing or unreadable flag leaves it open.
AWAITING_CONFERENCE = CONFERENCE.is_null() & NOT_REQUIRED.ne_missing(True)
# 8675Q and 8740: only an enquiry whose flag "equals false" is expected to hold one.
CONFERENCE_EXPECTED = CONFERENCE.is_null() & NOT_REQUIRED.eq_missing(False)
# 8675Q: the working days an enquiry may run without a conference before it is queried.
CONFERENCE_WITHIN = 15


@RULES.rule("2889")
def enquiry_starts_on_or_after_the_referral(cin: Census) -> pl.LazyFrame:
    referrals = cin.episodes.select("child", "episode", "CINreferralDate")
    enquiries = cin.section47.join(referrals, on=["child", "episode"], how="left")
    early = enquiries.filter(pl.col("CINreferralDate") > START)
    return early.select("LAchildID", "line", "S47ActualStartDate", "CINreferralDate")


@RULES.rule("2991Q")
def episode_with_an_enquiry_has_an_assessment(cin: Census) -> pl.LazyFrame:
    alone = cin.section47.join(cin.assessments, on=["child", "episode"], how="anti")
    return alone.select("LAchildID", "line", "S47ActualStartDate")


@RULES.rule("8615")
def enquiry_with_a_conference_starts_by_its_date(cin: Census) -> pl.LazyFrame:
    wrong = cin.section47.filter(
        CONFERENCE.is_not_null() & (START.is_null() | (START > CONFERENCE))
    )
    return wrong.select("LAchildID", "line", "S47ActualStartDate", "DateOfInitialCPC")


@RULES.rule("8675Q")
def enquiry_without_a_conference_started_at_most_15_working_days_before_the_year_end(
    cin: Census,
) -> pl.LazyFrame:
    earliest = add_working_days(cin.period.end, -CONFERENCE_WITHIN)
    overdue = cin.section47.filter(CONFERENCE_EXPECTED & START.lt(earliest))
    return overdue.select("LAchildID", "line", *ENQUIRY)


@RULES.rule("8740")
def enquiry_without_a_conference_starts_within_the_census_year(cin: Census) -> pl.LazyFrame:
    outside = cin.section47.filter(
        CONFERENCE_EXPECTED & ~START.is_between(cin.period.start, cin.period.end)
    )
    return outside.select("LAchildID", "line", *ENQUIRY)


@RULES.rule("8839")
def at_most_one_open_enquiry_per_episode(cin: Census) -> pl.LazyFrame:
    open_ = cin.section47.filter(AWAITING_CONFERENCE)
    crowded = open_.filter(pl.len().over("child", "episode") > 1)
    return crowded.select("LAchildID", "line", *ENQUIRY)


@RULES.rule("8890")
def enquiry_does_not_start_while_another_is_ongoing(cin: Census) -> pl.LazyFrame:
    # Ongoing up to its conference; without one, up to the reference date unless the
    # enquiry is flagged as needing no conference, when it is not ongoing at all.
    until = (
        pl.when(CONFERENCE.is_not_null())
        .then(CONFERENCE)
        .when(NOT_REQUIRED.ne_missing(True))
        .then(pl.lit(cin.period.end))
    )
    overlapping = starting_while_another_is_ongoing(
        cin.section47, "s47", "S47ActualStartDate", until
    )
    return overlapping.select("LAchildID", "line", *ENQUIRY)
