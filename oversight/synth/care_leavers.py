"""When a synthetic care leaver's status is recorded around a birthday, for the SSDA903
OC3 (in touch, accommodation and activity around each 17th to 21st birthday).

LAs keep in touch with care leavers around their birthdays for the return. Where no
status was recorded from 3 months before to 1 month after such a birthday, one is
recorded on the birthday: back home with parents (RHOM) for a young person whose care
ended at home at 16 or over more than six months before; else, for one who went home
more recently or whose pathway plan runs, what a pathway review would find. A young
person still in care on the birthday, or neither gone home nor on a pathway plan, has
none (the return shows the gap).
"""

import random
from collections.abc import Iterable
from datetime import date

from oversight.synth.draws import Weights
from oversight.synth.journey import Step
from oversight.synth.people import ChildProfile
from oversight.timescales import add_months

AGES = range(17, 22)
RETURNED_HOME = ("E4A", "E4B")
BACK_HOME = "RHOM"
PATHWAY = "pathway"

SUITABLE = {"D1": 30, "U1": 20, "B1": 15, "Z1": 12, "E1": 10, "K1": 5, "T1": 5, "C1": 3}
UNSUITABLE = Weights({"S2": 2, "V2": 2, "B2": 2, "X2": 2, "D2": 1, "W2": 1})
STAYING_PUT = "Z1"  # with former foster carers: from 18, so never at 17 (rule 3001)
SUITABLE_FROM_18 = Weights(SUITABLE)
SUITABLE_AT_17 = Weights({code: w for code, w in SUITABLE.items() if code != STAYING_PUT})


def accommodation(rng: random.Random, suitable: bool, age: int) -> str:
    """Where a care leaver of ``age`` lives, suitable or not (SSDA903 ACCOM codes)."""
    if not suitable:
        return UNSUITABLE.draw(rng)
    return (SUITABLE_AT_17 if age < 18 else SUITABLE_FROM_18).draw(rng)


def birthday_statuses(
    steps: list[Step], profile: ChildProfile, held: Iterable[date], today: date
) -> list[tuple[date, str]]:
    """Each birthday to record a status on, with BACK_HOME or PATHWAY (a status as a
    pathway review would find it)."""
    ends = [step for step in steps if step.kind == "end_care"]
    last = ends[-1] if ends else None
    if last is None or profile.age_on(last.on) < 16:
        return []
    if any(step.kind == "start_care" and step.on >= last.on for step in steps):
        return []  # back in care
    spans, recorded = _pathway(steps), list(held)
    found: list[tuple[date, str]] = []
    for age in AGES:
        birthday = profile.birthday(age)
        if birthday > today:
            break
        if birthday < last.on or any(
            add_months(birthday, -3) <= day <= add_months(birthday, 1) for day in recorded
        ):
            continue
        went_home = last.detail.get("reason") in RETURNED_HOME
        if went_home and birthday > add_months(last.on, 6):
            found.append((birthday, BACK_HOME))
        elif went_home or any(start <= birthday <= end for start, end in spans):
            found.append((birthday, PATHWAY))
    return found


def _pathway(steps: list[Step]) -> list[tuple[date, date]]:
    """When the child's pathway plans ran (one not ended runs on)."""
    spans: list[tuple[date, date]] = []
    began: date | None = None
    for step in steps:
        if step.detail.get("kind") != "pathway":
            continue
        if step.kind == "start_plan":
            began = step.on
        elif step.kind == "end_plan" and began is not None:
            spans.append((began, step.on))
            began = None
    if began is not None:
        spans.append((began, date.max))
    return spans
