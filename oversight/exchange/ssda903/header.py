"""The header's UPN and mother's status, from what the records hold of the child.

- **UPN**: the child's UPN; else the DfE's reason when the records tell it: UN1 for a
  child not yet of school age (under 4 on 31 August before the year began, as rule 209
  reads it), UN2 for an unaccompanied asylum-seeking child (a care leaver too, so the
  code stays as last year's: rule 208), who has never attended a school in England.
  Else blank: the LA must find the UPN (rule 442 asks, of a child looked after).
- **MOTHER** and **MC_DOB**: for a girl only (rule 165). 1, with her first child's birth
  date, when the records say she is a mother and the child was born by 31 March; 0 when
  they say she is not, or she was under 12 on the last day of the year she was looked
  after (the records do not ask a younger girl, and one who left care before she was 12
  was not asked). Blank when not known: rules 393 and 607 ask for it.
"""

from collections.abc import Iterable
from datetime import date

from oversight.exchange.ssda903.care import birthday
from oversight.exchange.ssda903.spec import CollectionYear

NOT_AT_SCHOOL = "UN1"
NEVER_AT_SCHOOL = "UN2"
SCHOOL_AGE = 4
FEMALE = "2"
# A girl younger than this at the year end is returned as not a mother.
MOTHERHOOD_AGE = 12


def upn_item(upn: str, born: date | None, uasc: bool, year: CollectionYear) -> str | None:
    if upn:
        return upn
    school_age_on = date(year.start.year - 1, 8, 31)
    if born is None or birthday(born, SCHOOL_AGE) > school_age_on:
        return NOT_AT_SCHOOL
    return NEVER_AT_SCHOOL if uasc else None


def last_looked_after(ends: Iterable[date | None], year: CollectionYear) -> date:
    """The last day of the year a child was looked after, from the end dates of their
    episodes in it (``None``: not ended); the year's end when there are none."""
    return min(max((end or year.end for end in ends), default=year.end), year.end)


def too_young_to_be_asked(born: date | None, looked_after_until: date) -> bool:
    """Under 12 on the last day she was looked after: the records do not ask."""
    return born is not None and birthday(born, MOTHERHOOD_AGE) > looked_after_until


def mother_items(
    sex: str, born: date | None, is_mother: bool | None, first_born: date | None,
    year: CollectionYear, looked_after_until: date | None = None,
) -> tuple[str | None, date | None]:  # fmt: skip
    """MOTHER and MC_DOB, as known on 31 March, for a child looked after until
    ``looked_after_until`` in the year (by default its end)."""
    if sex != FEMALE:
        return None, None
    if is_mother and (first_born is None or first_born <= year.end):
        return "1", first_born
    young = too_young_to_be_asked(born, looked_after_until or year.end)
    return ("0", None) if is_mother is not None or young else (None, None)
