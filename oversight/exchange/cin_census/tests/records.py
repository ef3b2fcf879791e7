"""Small hand-built casework records for the CIN census writer and importer tests.

Each function records one child's journey through the casework services, with dates
chosen by hand so that the census return can be worked out by hand too. All of
``in_year_children`` happens between 1 April 2025 and 31 March 2026, so the census
carries every census field of their records and an import gives them back.
"""

from __future__ import annotations

from datetime import date

from oversight.casework import services
from oversight.casework.models import Child, PlanKind
from oversight.casework.services.child_details import record_child_details

YEAR = "2025-26"
# 870 2001 20 017: 8x2 + 7x3 + 2x5 + 1x8 + 2x9 + 1x12 + 7x13 = 176 = 7x23 + 15, and letter
# 15 of ABCDEFGHJKLMNPQRTUVWXYZ is R.
A1_UPN = "R870200120017"


def child(la_child_id: str, sex: str, born: date | None, ethnicity: str = "WBRI",
          disabilities: str = "NONE", expected: date | None = None) -> Child:  # fmt: skip
    return services.register_child(
        la_child_id=la_child_id, first_name="Test", last_name="Child", sex=sex,
        date_of_birth=born, expected_date_of_birth=expected, ethnicity=ethnicity,
        disabilities=disabilities,
    )  # fmt: skip


def assessed_then_protected() -> Child:
    """A1: assessed, a CIN plan, an enquiry and conference, a CP plan reviewed twice and
    ended at its second review, then a CIN plan again; the episode is open at year end."""
    a1 = child("A1", "2", date(2016, 2, 10))
    record_child_details(a1, upn=A1_UPN)
    referral = services.record_referral(
        a1, received_on=date(2025, 5, 1), source_code="1A", primary_need="N1"
    )
    assessment = services.decide_referral(
        referral, decision="assessment", decided_on=date(2025, 5, 2)
    )
    services.complete_assessment(
        assessment, completed_on=date(2025, 6, 10), outcome="cin_plan", factors="1C 3B"
    )
    cin_plan = services.start_plan(a1, kind=PlanKind.CIN, start_on=date(2025, 6, 12))
    _, s47 = services.record_strategy_discussion(referral, held_on=date(2025, 9, 1))
    services.end_plan(cin_plan, end_on=date(2025, 9, 15))
    services.complete_s47(s47, completed_on=date(2025, 9, 15), outcome="icpc")
    _, cp_plan = services.hold_initial_conference(
        s47, held_on=date(2025, 9, 15), plan_required=True, category_of_abuse="NEG"
    )
    services.hold_review_conference(cp_plan, held_on=date(2025, 12, 10), plan_continues=True)
    services.hold_review_conference(cp_plan, held_on=date(2026, 3, 10), plan_continues=False)
    services.start_plan(a1, kind=PlanKind.CIN, start_on=date(2026, 3, 10))
    return a1


def referral_with_no_further_action() -> Child:
    """B2: referred, and no further action the next day (closed RC8 by the front door)."""
    b2 = child("B2", "1", date(2019, 8, 1), ethnicity="APKN", disabilities="AUT LD")
    referral = services.record_referral(
        b2, received_on=date(2025, 7, 7), source_code="6", primary_need="N9"
    )
    services.decide_referral(referral, decision="nfa", decided_on=date(2025, 7, 8))
    return b2


def enquiry_without_conference() -> Child:
    """G7: a strategy discussion and enquiry that needed no conference, an assessment, a
    CIN plan, and the episode closed in February."""
    g7 = child("G7", "1", date(2014, 6, 6), ethnicity="BAFR", disabilities="HEAR")
    referral = services.record_referral(
        g7, received_on=date(2025, 10, 1), source_code="3A", primary_need="N1"
    )
    services.decide_referral(referral, decision="strategy", decided_on=date(2025, 10, 1))
    _, s47 = services.record_strategy_discussion(referral, held_on=date(2025, 10, 2))
    assessment = services.start_assessment(referral, started_on=date(2025, 10, 2))
    services.complete_s47(s47, completed_on=date(2025, 10, 10), outcome="cin")
    services.complete_assessment(
        assessment, completed_on=date(2025, 11, 20), outcome="cin_plan", factors="2B"
    )
    plan = services.start_plan(g7, kind=PlanKind.CIN, start_on=date(2025, 11, 21))
    services.end_plan(plan, end_on=date(2026, 2, 27))
    services.close_episode(referral, closed_on=date(2026, 2, 27), reason="RC7")
    return g7


def unborn_child() -> Child:
    """H8: an unborn child referred in January, the assessment still running at year end."""
    h8 = child("H8", "0", None, ethnicity="NOBT", expected=date(2026, 5, 1))
    referral = services.record_referral(
        h8, received_on=date(2026, 1, 12), source_code="5B", primary_need="N1"
    )
    services.decide_referral(referral, decision="assessment", decided_on=date(2026, 1, 13))
    return h8


def in_year_children() -> list[Child]:
    return [
        assessed_then_protected(),
        referral_with_no_further_action(),
        enquiry_without_conference(),
        unborn_child(),
    ]


def open_at_the_start_of_the_year() -> Child:
    """C3: referred and assessed in 2024, on a CIN plan until it closed on 30 June 2025."""
    c3 = child("C3", "1", date(2010, 1, 15))
    referral = services.record_referral(
        c3, received_on=date(2024, 11, 4), source_code="2A", primary_need="N5"
    )
    assessment = services.decide_referral(
        referral, decision="assessment", decided_on=date(2024, 11, 5)
    )
    services.complete_assessment(
        assessment, completed_on=date(2024, 12, 20), outcome="cin_plan", factors="4B"
    )
    plan = services.start_plan(c3, kind=PlanKind.CIN, start_on=date(2024, 12, 23))
    services.end_plan(plan, end_on=date(2025, 6, 30))
    services.close_episode(referral, closed_on=date(2025, 6, 30), reason="RC7")
    return c3


def closed_before_the_year() -> Child:
    """D4: referred and closed in 2024: not in the census."""
    d4 = child("D4", "2", date(2011, 4, 4))
    referral = services.record_referral(d4, received_on=date(2024, 5, 1), source_code="4")
    services.decide_referral(referral, decision="nfa", decided_on=date(2024, 5, 2))
    return d4


def referred_after_the_year() -> Child:
    """E5: first referred on 2 April 2026: not in the 2025-26 census."""
    e5 = child("E5", "2", date(2013, 5, 5))
    services.record_referral(e5, received_on=date(2026, 4, 2), source_code="8")
    return e5


def assessed_across_the_year_end() -> Child:
    """F6: referred in March 2026, assessed until 20 April, closed that day (RC8)."""
    f6 = child("F6", "2", date(2012, 3, 3))
    referral = services.record_referral(
        f6, received_on=date(2026, 3, 20), source_code="5A", primary_need="N4"
    )
    assessment = services.decide_referral(
        referral, decision="assessment", decided_on=date(2026, 3, 23)
    )
    services.complete_assessment(
        assessment, completed_on=date(2026, 4, 20), outcome="nfa", factors="21"
    )
    services.close_episode(referral, closed_on=date(2026, 4, 20), reason="RC8")
    return f6
