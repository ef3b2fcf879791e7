"""Children in care indicators on small cases worked out by hand: episodes, placements,
missing episodes, visits and reviews."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.periods import Period
from oversight.performance.tests.conftest import (
    YEAR_2025,
    child,
    counted,
    figure,
    snapshot,
)

pytestmark = pytest.mark.django_db

JANUARY_2025 = Period(date(2025, 1, 1), date(2025, 1, 31))


class InCare:
    """A child's episode of care through the services, placement by placement."""

    def __init__(self, child, started_on: date, placement_type="U4", legal_status="C2", **more):
        self.child = child
        self.episode, self.placement, self.plan = services.start_care_episode(
            child,
            started_on=started_on,
            legal_status=legal_status,
            placement_type=placement_type,
            **more,
        )

    def move(self, on: date, placement_type: str = "U6") -> "InCare":
        self.placement = services.change_placement(
            self.episode, self.placement, on=on, placement_type=placement_type,
            change_reason="CARPL",
        )  # fmt: skip
        return self

    def leave(self, on: date, reason: str = "E13") -> "InCare":
        services.end_care_episode(
            self.episode, self.placement, self.plan, ended_on=on, reason_ceased=reason
        )
        return self

    def visit(self, on: date) -> None:
        services.record_visit(
            self.child, kind="cla", visited_on=on, plan=self.plan, placement=self.placement
        )


def test_cla_rate_counts_a_child_with_two_episodes_once_per_10000_children():
    a = child("A")
    # A's legal status changed on Mon 2 Sep 2024: one episode ends, the next begins that day.
    InCare(a, date(2024, 6, 3), legal_status="V2").leave(date(2024, 9, 2), reason="X1")
    InCare(a, date(2024, 9, 2), reason_new_episode="L")
    b = child("B")
    InCare(b, date(2025, 1, 6))
    InCare(b, date(2025, 1, 6))  # the same episode recorded twice: B still counts once
    InCare(child("C"), date(2024, 6, 3)).leave(date(2025, 3, 31))  # left care on the day
    InCare(child("D"), date(2025, 4, 1))  # after 31 March
    InCare(child("E"), date(2025, 3, 31))  # came into care on the day
    db = snapshot()
    assert counted(db, "cla-rate", YEAR_2025) == [("A", True), ("B", True), ("E", True)]
    value = figure(db, "cla-rate", YEAR_2025, population=8_000)
    # 3 children x 10,000 / 8,000 = 3.75.
    assert (value.numerator, value.denominator, value.value) == (3, 8_000, 3.75)


def test_cla_missing_counts_children_who_went_missing_while_looked_after_in_the_year():
    a, b, c, d = child("A"), child("B"), child("C"), child("D")
    InCare(a, date(2024, 6, 3))
    services.record_missing_episode(a, started_on=date(2024, 8, 1), returned_on=date(2024, 8, 2))
    # B went missing on 1 May 2024, before coming into care on 3 Jun.
    services.record_missing_episode(b, started_on=date(2024, 5, 1), returned_on=date(2024, 5, 2))
    InCare(b, date(2024, 6, 3))
    # C left care on 1 Jul 2024 and went missing on 1 Oct, after leaving.
    InCare(c, date(2024, 1, 8)).leave(date(2024, 7, 1))
    services.record_missing_episode(c, started_on=date(2024, 10, 1), returned_on=date(2024, 10, 1))
    # D went missing while in care, but in March 2024, the year before.
    InCare(d, date(2024, 1, 8))
    services.record_missing_episode(d, started_on=date(2024, 3, 1), returned_on=date(2024, 3, 2))
    # E was never looked after.
    services.record_missing_episode(child("E"), started_on=date(2024, 8, 1))
    InCare(child("F"), date(2025, 3, 31))  # looked after from the year's last day
    # H went missing on the day it came into care.
    h = child("H")
    InCare(h, date(2024, 7, 1))
    services.record_missing_episode(h, started_on=date(2024, 7, 1), returned_on=date(2024, 7, 2))
    # I left care in January 2024, before the year, and went missing in March 2024.
    i = child("I")
    InCare(i, date(2023, 9, 4)).leave(date(2024, 1, 8))
    services.record_missing_episode(i, started_on=date(2024, 3, 1), returned_on=date(2024, 3, 1))
    db = snapshot()
    assert counted(db, "cla-missing", YEAR_2025) == [
        ("A", True), ("B", False), ("C", False), ("D", False), ("F", False), ("H", True),
    ]  # fmt: skip
    value = figure(db, "cla-missing", YEAR_2025)
    assert (value.numerator, value.denominator) == (2, 6)


def test_time_away_without_authorisation_counts_apart_from_going_missing():
    a, b, c = child("A"), child("B"), child("C")
    InCare(a, date(2024, 6, 3))
    services.record_missing_episode(a, started_on=date(2024, 8, 1), returned_on=date(2024, 8, 1),
                                    away=True)  # fmt: skip
    InCare(b, date(2024, 6, 3))
    services.record_missing_episode(b, started_on=date(2024, 9, 2), returned_on=date(2024, 9, 3))
    InCare(c, date(2024, 6, 3))
    db = snapshot()
    assert counted(db, "cla-away", YEAR_2025) == [("A", True), ("B", False), ("C", False)]
    assert counted(db, "cla-missing", YEAR_2025) == [("A", False), ("B", True), ("C", False)]
    # A return from being away needs no interview: only B's return is a unit.
    assert counted(db, "return-interviews-72h", YEAR_2025) == [("B", False)]


def test_three_placements_count_every_placement_open_in_the_year_including_the_first():
    # A: the placement it was in on 1 Apr 2024, and moves on 3 Jun and 2 Dec: 3.
    InCare(child("A"), date(2024, 1, 8)).move(date(2024, 6, 3)).move(date(2024, 12, 2))
    # B: its first placement ended on 1 Mar 2024, before the year: 2 in the year.
    InCare(child("B"), date(2024, 1, 8)).move(date(2024, 3, 1)).move(date(2024, 6, 3))
    InCare(child("C"), date(2024, 5, 1)).move(date(2024, 7, 1))  # 2
    # D had 4 placements but left care before 31 March: not in the denominator.
    d = InCare(child("D"), date(2024, 5, 1)).move(date(2024, 7, 1)).move(date(2024, 9, 2))
    d.move(date(2024, 11, 1)).leave(date(2025, 1, 6))
    # E moved on 1 Apr 2024 and on 31 Mar 2025, the year's first and last days: the
    # placement it left on 1 Apr was open that day, so 3.
    InCare(child("E"), date(2024, 1, 8)).move(date(2024, 4, 1)).move(date(2025, 3, 31))
    # F had 3 placements but left care on 31 March: not looked after that day.
    InCare(child("F"), date(2024, 5, 1)).move(date(2024, 7, 1)).move(date(2024, 9, 2)).leave(
        date(2025, 3, 31)
    )
    InCare(child("I"), date(2025, 3, 31))  # came into care on the year's last day: 1
    db = snapshot()
    assert counted(db, "cla-three-placements", YEAR_2025) == [
        ("A", True), ("B", False), ("C", False), ("E", True), ("I", False),
    ]  # fmt: skip
    value = figure(db, "cla-three-placements", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (2, 5, 40.0)


def test_a_change_of_legal_status_alone_is_not_a_new_placement():
    # G and H were placed on 8 Jan 2024 and moved on 3 Jun 2024. On 2 Sep 2024 a care
    # order replaced their section 20 accommodation: a new episode each. G stayed with the
    # same carers (reason L, legal status only): 2 placements in the year. H moved that
    # day too (reason B, legal status and placement): 3.
    for la_id, reason, carer in (("G", "L", "U6"), ("H", "B", "K2")):
        young = InCare(child(la_id), date(2024, 1, 8), "U4", legal_status="V2")
        young.move(date(2024, 6, 3), "U6").leave(date(2024, 9, 2), reason="X1")
        InCare(young.child, date(2024, 9, 2), carer, reason_new_episode=reason)
    assert counted(snapshot(), "cla-three-placements", YEAR_2025) == [("G", False), ("H", True)]


# Long-term stability on 31 Mar 2025: looked after continuously since 30 Sep 2022 or
# before (two and a half years: 30 September, as there is no 31st), under 16, and in the
# placement since 31 Mar 2023 or before (two years).
BORN = date(2012, 5, 1)


def test_long_term_stability_counts_children_in_the_same_placement_for_two_years():
    InCare(child("A", BORN), date(2022, 9, 1))  # one placement throughout
    InCare(child("B", BORN), date(2022, 9, 1)).move(date(2023, 5, 2))  # since May 2023
    InCare(child("I", BORN), date(2022, 9, 30)).move(date(2023, 3, 31))  # both to the day
    InCare(child("D", BORN), date(2022, 10, 1))  # looked after a day short of 2.5 years
    InCare(child("E", date(2009, 3, 1)), date(2022, 9, 1))  # 16 on 1 Mar 2025
    InCare(child("J", BORN), date(2022, 9, 1)).leave(date(2025, 3, 31))  # left on the day
    db = snapshot()
    assert counted(db, "cla-long-term-stability", YEAR_2025) == [
        ("A", True), ("B", False), ("I", True),
    ]  # fmt: skip
    value = figure(db, "cla-long-term-stability", YEAR_2025)
    assert (value.numerator, value.denominator) == (2, 3)


def test_long_term_stability_counts_an_adoptive_placement_with_the_placement_before_it():
    # C: placed for adoption on 6 Jan 2025 with the carers it had been with since 1 Mar
    # 2023: the two placements together make 2 years.
    InCare(child("C", BORN), date(2022, 9, 1)).move(date(2023, 3, 1)).move(date(2025, 1, 6), "A5")
    # F: the same, but the placement before the adoptive one began on 1 Jun 2023.
    InCare(child("F", BORN), date(2022, 9, 1)).move(date(2023, 6, 1)).move(date(2025, 1, 6), "A5")
    # K: placed for adoption on 31 Mar 2025 itself, after a placement from 1 Sep 2022.
    InCare(child("K", BORN), date(2022, 9, 1)).move(date(2025, 3, 31), "A6")
    # N: the placement before the adoptive one began on 31 Mar 2023, 2 years to the day.
    InCare(child("N", BORN), date(2022, 9, 1)).move(date(2023, 3, 31)).move(date(2025, 1, 6), "A5")
    db = snapshot()
    assert counted(db, "cla-long-term-stability", YEAR_2025) == [
        ("C", True), ("F", False), ("K", True), ("N", True),
    ]  # fmt: skip


def test_long_term_stability_follows_a_child_through_changes_of_legal_status():
    # G: accommodated (section 20) from 1 Sep 2022 with the same carers throughout; a care
    # order from 2 Sep 2024 began a new episode (legal status only). Looked after
    # continuously for 2.5 years, in the same placement for 2: counted.
    g = InCare(child("G", BORN), date(2022, 9, 1), legal_status="V2")
    g.leave(date(2024, 9, 2), reason="X1")
    InCare(g.child, date(2024, 9, 2), reason_new_episode="L")
    # H: with carers from 1 Mar 2023; on 6 Jan 2025 a placement order and a placement for
    # adoption came together (reason B): adoptive placement and the one before, 2 years.
    h = InCare(child("H", BORN), date(2022, 9, 1)).move(date(2023, 3, 1))
    h.leave(date(2025, 1, 6), reason="X1")
    InCare(h.child, date(2025, 1, 6), "A5", legal_status="E1", reason_new_episode="B")
    # L: left care for a month in 2023 and came back: looked after only since 3 Jul 2023.
    ell = InCare(child("L", BORN), date(2022, 9, 1))
    ell.leave(date(2023, 6, 1))
    InCare(ell.child, date(2023, 7, 3))
    # M: like G, but the care order came on 31 Mar 2025 itself.
    m = InCare(child("M", BORN), date(2022, 9, 1), legal_status="V2")
    m.leave(date(2025, 3, 31), reason="X1")
    InCare(m.child, date(2025, 3, 31), reason_new_episode="L")
    # P: with carers from 1 Sep 2022; a care order on 6 Jan 2025 came with a move to a
    # children's home (reason B): in that placement under 3 months.
    p = InCare(child("P", BORN), date(2022, 9, 1), legal_status="V2")
    p.leave(date(2025, 1, 6), reason="X1")
    InCare(p.child, date(2025, 1, 6), "K2", reason_new_episode="B")
    assert counted(snapshot(), "cla-long-term-stability", YEAR_2025) == [
        ("G", True), ("H", True), ("M", True), ("P", False),
    ]  # fmt: skip


def test_cla_visits_count_on_the_due_date_not_a_day_late_and_leave_out_lapsed_and_not_yet_late():
    # Into care on Mon 6 Jan 2025: the first visit in a placement is due within 7 days,
    # on Mon 13 Jan (the next, 6 weeks after the visit, falls due in February).
    InCare(child("A"), date(2025, 1, 6)).visit(date(2025, 1, 13))
    InCare(child("B"), date(2025, 1, 6)).visit(date(2025, 1, 14))
    # C moved on Fri 10 Jan: the visit due on 13 Jan lapsed, a new one was due on 17 Jan.
    InCare(child("C"), date(2025, 1, 6)).move(date(2025, 1, 10)).visit(date(2025, 1, 17))
    # D came into care on Fri 24 Jan: due Fri 31 Jan, the period's last day, not yet late.
    InCare(child("D"), date(2025, 1, 24))
    db = snapshot()
    assert counted(db, "cla-visits-on-time", JANUARY_2025) == [
        ("A", True), ("B", False), ("C", True),
    ]  # fmt: skip
    value = figure(db, "cla-visits-on-time", JANUARY_2025)
    assert (value.numerator, value.denominator) == (2, 3)


def test_cla_reviews_count_on_the_due_date_not_a_day_late_and_leave_out_lapsed_ones():
    # Into care on Mon 6 Jan 2025: the first review is due 20 working days later, Mon 3 Feb
    # (Tue 7 Jan is day 1; four weeks of 5 working days). The second falls due in May.
    first_quarter = Period(date(2025, 1, 1), date(2025, 3, 31))
    a, b = InCare(child("A"), date(2025, 1, 6)), InCare(child("B"), date(2025, 1, 6))
    services.record_review(a.child, kind="cla", held_on=date(2025, 2, 3), plan=a.plan)
    services.record_review(b.child, kind="cla", held_on=date(2025, 2, 4), plan=b.plan)
    InCare(child("C"), date(2025, 1, 6)).leave(date(2025, 1, 20))  # home before the review
    db = snapshot()
    assert counted(db, "cla-reviews-on-time", first_quarter) == [("A", True), ("B", False)]
    value = figure(db, "cla-reviews-on-time", first_quarter)
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)


def test_return_interviews_count_when_held_within_72_hours_of_the_return():
    def missing(la_id, returned_on, interview_on=None):
        episode = services.record_missing_episode(
            child(la_id), started_on=date(2025, 1, 9), returned_on=returned_on
        )
        if interview_on:
            services.record_return_interview(episode, held_on=interview_on)

    # Back on Fri 10 Jan 2025: 72 hours run to Mon 13 Jan.
    missing("A", date(2025, 1, 10), date(2025, 1, 13))
    missing("B", date(2025, 1, 10), date(2025, 1, 14))
    missing("C", date(2025, 1, 10))  # no interview
    services.record_missing_episode(child("D"), started_on=date(2025, 3, 25))  # not back yet
    db = snapshot()
    assert counted(db, "return-interviews-72h", YEAR_2025) == [
        ("A", True), ("B", False), ("C", False),
    ]  # fmt: skip
    value = figure(db, "return-interviews-72h", YEAR_2025)
    assert (value.numerator, value.denominator) == (1, 3)


def test_three_social_workers_count_each_worker_of_the_year_before_care_too(
    team, worker, manager, other_team, other_worker
):
    from oversight.accounts.models import User

    kim = User.objects.create(username="kim", role="practitioner", team=team)
    # A: Sam from 8 Jan 2024, Kim from 3 Jun 2024 (before care), then Olu in the other
    # team from 2 Sep 2024, when care began: 3 in the year.
    a = child("A")
    services.allocate(a, team, worker, date(2024, 1, 8))
    services.allocate(a, team, kim, date(2024, 6, 3), change_reason="MANAGE")
    services.allocate(a, other_team, other_worker, date(2024, 9, 2), change_reason="TSPROC")
    InCare(a, date(2024, 9, 2))
    # B: Sam, Kim, and Sam again: 2 workers, each counted once.
    b = child("B")
    services.allocate(b, team, worker, date(2024, 5, 1))
    services.allocate(b, team, kim, date(2024, 7, 1), change_reason="ABSENC")
    services.allocate(b, team, worker, date(2024, 8, 1), change_reason="ABSENC")
    InCare(b, date(2024, 5, 1))
    # C: Sam until 1 Apr 2024, the year's first day (so in it), then Kim, then the team
    # alone (no worker), then Morgan for no whole day, then Olu: 3.
    c = child("C")
    services.allocate(c, team, worker, date(2023, 6, 1))
    services.allocate(c, team, kim, date(2024, 4, 1), change_reason="MANAGE")
    services.allocate(c, team, None, date(2024, 10, 1))
    services.allocate(c, team, manager, date(2024, 11, 4), change_reason="OTHERS")
    services.allocate(c, other_team, other_worker, date(2024, 11, 4), change_reason="TSPROC")
    InCare(c, date(2023, 6, 1))
    # D: Sam until 31 Mar 2024, the day before the year: Kim and Olu only, 2.
    d = child("D")
    services.allocate(d, team, worker, date(2023, 6, 1))
    services.allocate(d, team, kim, date(2024, 3, 31), change_reason="MANAGE")
    services.allocate(d, other_team, other_worker, date(2024, 12, 2), change_reason="TSPROC")
    InCare(d, date(2023, 6, 1))
    # E had 3 workers but left care before 31 March: not in the denominator.
    e = child("E")
    services.allocate(e, team, worker, date(2024, 5, 1))
    services.allocate(e, team, kim, date(2024, 6, 3), change_reason="MANAGE")
    services.allocate(e, other_team, other_worker, date(2024, 7, 1), change_reason="TSPROC")
    InCare(e, date(2024, 5, 1)).leave(date(2025, 2, 3))
    # F: Sam, Morgan for no whole day, then Kim: 2.
    f = child("F")
    services.allocate(f, team, worker, date(2024, 5, 1))
    services.allocate(f, team, manager, date(2024, 9, 2), change_reason="OTHERS")
    services.allocate(f, team, kim, date(2024, 9, 2), change_reason="MANAGE")
    InCare(f, date(2024, 5, 1))
    db = snapshot()
    assert counted(db, "cla-three-social-workers", YEAR_2025) == [
        ("A", True), ("B", False), ("C", True), ("D", False), ("F", False),
    ]  # fmt: skip
    value = figure(db, "cla-three-social-workers", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (2, 5, 40.0)
