"""Small hand-built casework records for the SSDA903 writer and importer tests.

Each function records one child's time in care through the casework services, with dates
chosen by hand so that the return for 2025-26 (1 April 2025 to 31 March 2026) can be
worked out by hand too. ``five_children`` makes the set the tests share:

- B5, a girl of 2, in care from December 2025, reviewed at Christmas (PN0); she moves in
  May 2026, after the year end, so her placement is open in the return;
- L1, a girl of 11, in care from May 2025: moved in September (to long-term fostering),
  her legal status changed in November (C1 to C2, same carers); reviewed twice (PN1,
  PN7), missing for two days in July, allocated to a worker since care began;
- M2, a boy in care since 2022 under section 20, moved in 2024, reviewed in May (PN2
  through an advocate), home in August 2025 (E4A);
- O3, a care leaver of 19 in October 2025, in care 2021-2024, whose status was
  recorded on his birthday (in touch, F2, D1), and earlier nearer and further away;
- U4, an unaccompanied asylum-seeking boy in care since 2023 (12 months at 31 March),
  reviewed in July without attending, his views through an advocate (PN5); he turns 17
  in January, still looked after, so he is not yet a care leaver.
"""

from __future__ import annotations

from datetime import date

from oversight.accounts.models import Service, Team, User
from oversight.casework import services
from oversight.casework.models import Child, PlanKind

YEAR = "2025-26"
VIEWS = {"seen": True, "views_recorded": True, "views": "I want to stay at school here"}


def child(la_child_id: str, sex: str, born: date, ethnicity: str, uasc: bool = False) -> Child:
    return services.register_child(
        la_child_id=la_child_id, first_name="Test", last_name="Child", sex=sex,
        date_of_birth=born, ethnicity=ethnicity, uasc=uasc,
    )  # fmt: skip


def referred(who: Child, on: date, need: str) -> None:
    services.record_referral(who, received_on=on, source_code="1A", primary_need=need)


def caseworker() -> tuple[Team, User]:
    team = Team.objects.create(
        name="Children in care 1", service=Service.objects.create(name="Children in care")
    )
    return team, User.objects.create(
        username="sw1", first_name="Sam", team=team, swe_number="SW123456"
    )


def baby_in_care() -> Child:
    b5 = child("B5", "2", date(2023, 5, 1), "WBRI")
    referred(b5, date(2025, 11, 20), "N1")
    episode, placement, plan = services.start_care_episode(
        b5, started_on=date(2025, 12, 1), legal_status="C1", placement_type="U3", provider="PR1",
        home_postcode="NF1 4AB", postcode="NF2 7CD", urn="SC900001",
    )  # fmt: skip
    services.record_review(b5, kind="cla", held_on=date(2025, 12, 29), plan=plan)
    services.change_placement(
        episode, placement, on=date(2026, 5, 1), placement_type="U6", change_reason="CREQO",
        provider="PR1",
    )  # fmt: skip
    return b5


def moved_then_order_made() -> Child:
    l1 = child("L1", "2", date(2014, 3, 2), "WBRI")
    referred(l1, date(2025, 4, 10), "N1")
    team, worker = caseworker()
    services.allocate(l1, team, worker, date(2025, 5, 6), change_reason="FCONTA")
    episode, placement, plan = services.start_care_episode(
        l1, started_on=date(2025, 5, 6), legal_status="C1", placement_type="U6", provider="PR1"
    )
    services.record_review(l1, kind="cla", held_on=date(2025, 6, 2), plan=plan,
                           child_participated=True, how_expressed="spoke", **VIEWS)  # fmt: skip
    services.record_missing_episode(l1, started_on=date(2025, 7, 14), returned_on=date(2025, 7, 16))
    services.record_missing_episode(l1, started_on=date(2025, 8, 9), returned_on=date(2025, 8, 10),
                                    away=True)  # fmt: skip
    placement = services.change_placement(
        episode, placement, on=date(2025, 9, 1), placement_type="U4", change_reason="CARPL",
        provider="PR1", long_term=True,
    )  # fmt: skip
    services.record_review(l1, kind="cla", held_on=date(2025, 9, 30), plan=plan)
    services.end_care_episode(episode, placement, plan, ended_on=date(2025, 11, 3),
                              reason_ceased="X1")  # fmt: skip
    services.start_care_episode(
        l1, started_on=date(2025, 11, 3), legal_status="C2", placement_type="U4",
        provider="PR1", long_term=True, reason_new_episode="L",
    )  # fmt: skip
    return l1


def home_under_section_20() -> Child:
    m2 = child("M2", "1", date(2009, 8, 20), "MWBC")
    referred(m2, date(2022, 1, 5), "N2")
    episode, placement, plan = services.start_care_episode(
        m2, started_on=date(2022, 2, 1), legal_status="V2", placement_type="U6", provider="PR4"
    )
    placement = services.change_placement(
        episode, placement, on=date(2024, 6, 10), placement_type="K2", change_reason="CREQB",
        provider="PR4",
    )  # fmt: skip
    services.record_review(m2, kind="cla", held_on=date(2025, 5, 20), plan=plan,
                           child_participated=True, how_expressed="advocate", **VIEWS)  # fmt: skip
    services.end_care_episode(episode, placement, plan, ended_on=date(2025, 8, 15),
                              reason_ceased="E4A")  # fmt: skip
    return m2


def care_leaver() -> Child:
    o3 = child("O3", "1", date(2006, 10, 12), "BAFR")
    referred(o3, date(2021, 2, 1), "N1")
    episode, placement, plan = services.start_care_episode(
        o3, started_on=date(2021, 3, 1), legal_status="C2", placement_type="U6", provider="PR1"
    )
    services.end_care_episode(episode, placement, plan, ended_on=date(2024, 10, 14),
                              reason_ceased="E5")  # fmt: skip
    services.start_plan(o3, kind=PlanKind.PATHWAY, start_on=date(2024, 10, 14))
    for day, in_touch, accommodation, activity in [
        (date(2025, 4, 20), True, "U1", "F5"),  # before the 3 months before the birthday
        (date(2025, 8, 1), False, "0", "0"),  # in the window, further from the birthday
        (date(2025, 10, 12), True, "D1", "F2"),  # the birthday itself
    ]:
        services.record_care_leaver_status(
            o3, recorded_on=day, in_touch=in_touch, accommodation=accommodation,
            accommodation_suitable=accommodation.endswith("1") or None, activity=activity,
        )  # fmt: skip
    return o3


def unaccompanied() -> Child:
    u4 = child("U4", "1", date(2009, 1, 15), "BAFR", uasc=True)
    referred(u4, date(2023, 11, 20), "N8")
    _, _, plan = services.start_care_episode(
        u4, started_on=date(2023, 11, 20), legal_status="V2", placement_type="U6", provider="PR1"
    )
    services.record_review(u4, kind="cla", held_on=date(2025, 7, 1), plan=plan,
                           how_expressed="advocate", **VIEWS | {"seen": False})  # fmt: skip
    return u4


def five_children() -> list[Child]:
    return [baby_in_care(), moved_then_order_made(), home_under_section_20(), care_leaver(),
            unaccompanied()]  # fmt: skip


def adopted_then_back_in_care() -> Child:
    """P6: adopted in 2021, back in care in June 2025 (previous permanence P1)."""
    p6 = child("P6", "1", date(2016, 2, 9), "WOTH")
    referred(p6, date(2019, 1, 7), "N1")
    episode, placement, plan = services.start_care_episode(
        p6, started_on=date(2019, 2, 1), legal_status="C2", placement_type="U6", provider="PR1"
    )
    placement = services.change_placement(
        episode, placement, on=date(2020, 9, 14), placement_type="A5", change_reason="CARPL",
        provider="PR1",
    )  # fmt: skip
    services.end_care_episode(episode, placement, plan, ended_on=date(2021, 6, 30),
                              reason_ceased="E11")  # fmt: skip
    referred(p6, date(2025, 5, 28), "N4")
    services.start_care_episode(
        p6, started_on=date(2025, 6, 2), legal_status="C1", placement_type="U6", provider="PR1"
    )
    return p6


def adopted_in_the_year() -> Child:
    """A7: placed for adoption with her foster carers in 2024, adopted in February 2026."""
    a7 = child("A7", "2", date(2021, 7, 7), "WBRI")
    referred(a7, date(2023, 3, 1), "N1")
    episode, placement, plan = services.start_care_episode(
        a7, started_on=date(2023, 3, 6), legal_status="C2", placement_type="U6", provider="PR1"
    )
    placement = services.change_placement(
        episode, placement, on=date(2024, 11, 4), placement_type="A5", change_reason="CARPL",
        provider="PR1",
    )  # fmt: skip
    services.end_care_episode(episode, placement, plan, ended_on=date(2026, 2, 16),
                              reason_ceased="E12")  # fmt: skip
    return a7
