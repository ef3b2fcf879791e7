"""A child's time in care as plain values, and who belongs in the return's cohorts.

The records hold care episodes (one legal status each, ``reason_new_episode`` saying how
each began) and the placements within them; the return has one row per placement within
an episode. Episodes that follow one another without a day between make one *period of
care*. From these:

- **OC2**: looked after on 31 March, continuously since the first day of the year (so
  for at least 12 months), not only on short breaks (V3, V4);
- **OC3**: a young person whose 17th to 21st birthday falls in the year, who was looked
  after for at least 13 weeks after turning 14, some of it at 16 or over (an eligible,
  relevant or former relevant child), or whom the records otherwise know as a care
  leaver (a pathway plan, a care leaver's status); not looked after on a 17th or 18th
  birthday, and whose care did not end by death (E2) or a transfer to another LA (E3);
- **previous permanence** known to the records: a child whose period of care began in
  the year after an earlier one ended in adoption, special guardianship or a child
  arrangements order.

Dates later than the year end are not known yet (the return is as at 31 March). No
Django here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from oversight.exchange.ssda903.codes import CATEGORY_OF_NEED
from oversight.exchange.ssda903.spec import CollectionYear
from oversight.timescales import add_months

RESPITE = ("V3", "V4")
WITH_CURRENT_CARERS = ("A3", "A5")  # placed for adoption with the current foster carers
CARE_LEAVER_AGES = range(17, 22)
CARE_LEAVER_DAYS = 13 * 7  # in care at least 13 weeks after the 14th birthday
NOT_CARE_LEAVERS = ("E2", "E3")  # died; care taken over by another LA
# An earlier period of care that ended in permanence: the return's code for it.
PERMANENCE = {
    "E11": "P1", "E12": "P1", "E45": "P2", "E46": "P2", "E47": "P2", "E48": "P2", "E41": "P3",
}  # fmt: skip


@dataclass
class PlacementRecord:
    started_on: date
    ended_on: date | None
    placement_type: str
    provider: str
    change_reason: str = ""  # why the child moved into it (blank for an episode's first)
    postcode: str = ""
    urn: str = ""


@dataclass
class EpisodeRecord:
    """A care episode of the records, with its placements in date order."""

    started_on: date
    ended_on: date | None
    legal_status: str
    reason_new_episode: str
    reason_ceased: str
    placements: list[PlacementRecord] = field(default_factory=list)
    # The previous permanence recorded on it, as the return gives it (PREV_PERM, LA_PERM,
    # DATE_PERM), when it begins a period of care and one is recorded.
    permanence: tuple[str, str, str] | None = None
    home_postcode: str = ""

    def open_on(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or self.ended_on >= day)

    def overlaps(self, start: date, end: date) -> bool:
        return self.started_on <= end and (self.ended_on is None or self.ended_on >= start)


def category_of_need(needs: list[tuple[date, str]], began: date) -> str | None:
    """The primary need of the referral under which a period of care began on ``began``:
    of ``needs`` ((received, need), in date order), the latest received by then, else the
    first received after. Only a category of need (N1 to N8) counts: a referral's "cases
    other than children in need" (N9) or "not stated" (N0) is none, and the return's
    category is left blank, for the LA to give, rather than made invalid."""
    categories = [(received, need) for received, need in needs if need in CATEGORY_OF_NEED]
    before = [need for received, need in categories if received <= began]
    if before:
        return before[-1]
    return next((need for received, need in categories if received > began), None)


def placement_change(placement_type: str) -> str:
    """How a later placement of an episode began: a move to new carers (P), unless it is
    an adoption placement with the current foster carers (A3, A5), the same carers (T)."""
    return "T" if placement_type in WITH_CURRENT_CARERS else "P"


def as_at(day: date | None, year: CollectionYear) -> date | None:
    """A date as the return knows it at the year end: blank if it had not happened yet."""
    return day if day is not None and day <= year.end else None


def periods_of_care(episodes: list[EpisodeRecord]) -> list[list[EpisodeRecord]]:
    """Episodes (in date order) grouped into periods: each begins the day the last ended."""
    periods: list[list[EpisodeRecord]] = []
    for episode in episodes:
        if periods and periods[-1][-1].ended_on == episode.started_on:
            periods[-1].append(episode)
        else:
            periods.append([episode])
    return periods


def in_oc2(episodes: list[EpisodeRecord], year: CollectionYear) -> bool:
    for period in periods_of_care(episodes):
        last = period[-1]
        in_care_at_end = last.ended_on is None or last.ended_on > year.end
        respite_only = all(e.legal_status in RESPITE for e in period)
        if in_care_at_end and period[0].started_on <= year.start and not respite_only:
            return True
    return False


def birthday(born: date, age: int) -> date:
    """The day a person born on ``born`` reaches ``age`` (1 March for 29 February)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return date(born.year + age, 3, 1)


def care_leaver_birthday(born: date | None, year: CollectionYear) -> tuple[date, int] | None:
    """The 17th to 21st birthday that falls in the year, and the age reached, if any."""
    if born is None:
        return None
    for age in CARE_LEAVER_AGES:
        day = birthday(born, age)
        if year.start <= day <= year.end:
            return day, age
    return None


def is_care_leaver(
    episodes: list[EpisodeRecord], born: date, on: date, age: int, known: bool = False
) -> bool:
    """Eligible, relevant or former relevant on the birthday ``on`` (``age``): by the
    episodes the records hold, or ``known`` to be a care leaver (the records hold a
    pathway plan or a care leaver's status, when the care before is not in them)."""
    cared = [e for e in episodes if e.legal_status not in RESPITE and e.started_on <= on]
    if cared and cared[-1].reason_ceased in NOT_CARE_LEAVERS:
        return False
    if age <= 18 and any(e.open_on(on) for e in cared):
        return False  # still looked after on the birthday: not yet a care leaver
    if known:
        return True
    at_14, at_16 = birthday(born, 14), birthday(born, 16)
    days = sum(_days_between(e, at_14, on) for e in cared)
    after_16 = any(e.ended_on is None or e.ended_on >= at_16 for e in cared)
    return days >= CARE_LEAVER_DAYS and after_16


def _days_between(episode: EpisodeRecord, start: date, end: date) -> int:
    first = max(episode.started_on, start)
    last = min(episode.ended_on or end, end)
    return max((last - first).days, 0)


def previous_permanence(
    episodes: list[EpisodeRecord], year: CollectionYear
) -> tuple[str, str, str] | None:
    """PREV_PERM, LA_PERM and DATE_PERM for a child whose care began in the year: as
    recorded on the first episode of that period of care, else the permanence an earlier
    period in the records ended in (its LA not known)."""
    periods = periods_of_care(episodes)
    started = [p for p in periods if year.start <= p[0].started_on <= year.end]
    if not started:
        return None
    if started[0][0].permanence is not None:
        return started[0][0].permanence
    began = started[0][0].started_on
    ended = [
        p[-1] for p in periods
        if p[-1].ended_on and p[-1].ended_on < began and p[-1].reason_ceased in PERMANENCE
    ]  # fmt: skip
    if not ended or ended[-1].ended_on is None:
        return None
    return PERMANENCE[ended[-1].reason_ceased], "", permanence_date(ended[-1].ended_on, "day")


# How much of a previous permanence order's date is known, and how the return writes it:
# a part not known is ZZ.
DATE_FORMATS = {"day": "%d/%m/%Y", "month": "ZZ/%m/%Y", "year": "ZZ/ZZ/%Y"}


def permanence_date(on: date | None, known: str) -> str:
    """DATE_PERM for the date of an order, of which the day, or only the month or year, is
    known; "" when there is none."""
    return "" if on is None else f"{on:{DATE_FORMATS[known]}}"


def read_permanence_date(text: str) -> tuple[date, str] | None:
    """A DATE_PERM as the date and how much of it is known (``permanence_date`` reversed);
    ``None`` when it is no such date."""
    for known, form in DATE_FORMATS.items():
        try:
            return datetime.strptime(text.upper(), form).date(), known
        except ValueError:
            continue
    return None


def in_touch_code(in_touch: bool, reason: str) -> str:
    """OC3's IN_TOUCH for a care leaver's status: YES, else the reason not, else NO."""
    return "YES" if in_touch else reason or "NO"


def status_window(on: date) -> tuple[date, date]:
    """The days around a care leaver's birthday that OC3 describes: 3 months before to 1
    month after."""
    return add_months(on, -3), add_months(on, 1)
