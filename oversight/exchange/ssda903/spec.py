"""The shape of an SSDA903 return: its CSV files, their columns and the type of each column.

The return is a set of CSV files, one per table, each with a header row naming its columns.
A file is known by its header row, never by its name. Every table carries the child's id,
``CHILD``; most repeat the child's date of birth, ``DOB``. Dates are ``dd/mm/YYYY``.

The column lists are the DfE's for 2025/26: the same tables as 2024/25, social worker
episodes included. (The previous-permanence date may have ``ZZ`` for an unknown day or
month, so it is read as text and checked by its own rule.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TEXT = "text"
CODE = "code"  # one of a code list, kept as written and checked by the rules
DATE = "date"  # dd/mm/YYYY
NUMBER = "number"  # a whole number

ID = "CHILD"

HEADER = {
    "CHILD": TEXT, "SEX": CODE, "DOB": DATE, "ETHNIC": CODE, "UPN": TEXT, "MOTHER": CODE,
    "MC_DOB": DATE,
}  # fmt: skip
EPISODES = {
    "CHILD": TEXT, "DECOM": DATE, "RNE": CODE, "LS": CODE, "CIN": CODE, "PLACE": CODE,
    "PLACE_PROVIDER": CODE, "DEC": DATE, "REC": CODE, "REASON_PLACE_CHANGE": CODE,
    "HOME_POST": TEXT, "PL_POST": TEXT, "URN": TEXT,
}  # fmt: skip
REVIEWS = {"CHILD": TEXT, "DOB": DATE, "REVIEW": DATE, "REVIEW_CODE": CODE}
UASC = {"CHILD": TEXT, "SEX": CODE, "DOB": DATE, "DUC": DATE}
OC2 = {
    "CHILD": TEXT, "DOB": DATE, "SDQ_SCORE": NUMBER, "SDQ_REASON": CODE, "CONVICTED": CODE,
    "HEALTH_CHECK": CODE, "IMMUNISATIONS": CODE, "TEETH_CHECK": CODE, "HEALTH_ASSESSMENT": CODE,
    "SUBSTANCE_MISUSE": CODE, "INTERVENTION_RECEIVED": CODE, "INTERVENTION_OFFERED": CODE,
}  # fmt: skip
OC3 = {"CHILD": TEXT, "DOB": DATE, "IN_TOUCH": CODE, "ACTIV": CODE, "ACCOM": CODE}
AD1 = {
    "CHILD": TEXT, "DOB": DATE, "DATE_INT": DATE, "DATE_MATCH": DATE, "FOSTER_CARE": CODE,
    "NB_ADOPTR": CODE, "SEX_ADOPTR": CODE, "LS_ADOPTR": CODE,
}  # fmt: skip
PLACED_FOR_ADOPTION = {
    "CHILD": TEXT, "DOB": DATE, "DATE_PLACED": DATE, "DATE_PLACED_CEASED": DATE,
    "REASON_PLACED_CEASED": CODE,
}  # fmt: skip
PREVIOUS_PERMANENCE = {
    "CHILD": TEXT, "DOB": DATE, "PREV_PERM": CODE, "LA_PERM": CODE, "DATE_PERM": TEXT,
}  # fmt: skip
MISSING = {"CHILD": TEXT, "DOB": DATE, "MISSING": CODE, "MIS_START": DATE, "MIS_END": DATE}
SOCIAL_WORKER_EPISODES = {
    "CHILD": TEXT, "DOB": DATE, "SW_ID": TEXT, "SW_DECOM": DATE, "SW_DEC": DATE,
    "SW_REASON": CODE,
}  # fmt: skip

# Each table by its name here, with what a person calls it.
TABLES: dict[str, dict[str, str]] = {
    "header": HEADER,
    "episodes": EPISODES,
    "reviews": REVIEWS,
    "uasc": UASC,
    "oc2": OC2,
    "oc3": OC3,
    "ad1": AD1,
    "placed_for_adoption": PLACED_FOR_ADOPTION,
    "previous_permanence": PREVIOUS_PERMANENCE,
    "missing": MISSING,
    "social_worker_episodes": SOCIAL_WORKER_EPISODES,
}
TITLES = {
    "header": "header", "episodes": "episodes", "reviews": "reviews",
    "uasc": "unaccompanied asylum-seeking children (UASC)", "oc2": "OC2 (looked after 12 months)",
    "oc3": "OC3 (care leavers)", "ad1": "AD1 (adoptions)",
    "placed_for_adoption": "should be placed for adoption", "previous_permanence":
    "previous permanence", "missing": "missing or away from placement",
    "social_worker_episodes": "social worker episodes",
}  # fmt: skip


@dataclass(frozen=True)
class CollectionYear:
    """A collection year: 1 April to 31 March."""

    label: str  # "2025-26"
    start: date
    end: date

    @classmethod
    def from_label(cls, label: str) -> CollectionYear:
        first, _, second = label.partition("-")
        if not (first.isdigit() and len(first) == 4 and second.isdigit() and len(second) == 2):
            raise ValueError(f"{label!r} is not a collection year: give it as 2025-26")
        start_year = int(first)
        if (start_year + 1) % 100 != int(second):
            raise ValueError(
                f"{label!r} is not a collection year: the years must follow, as in 2025-26"
            )
        return cls(label, date(start_year, 4, 1), date(start_year + 1, 3, 31))

    @property
    def social_workers_from(self) -> date:
        """The start of the social worker reporting period: a year before the collection
        year began (rules SW07STG2 and SW12STG2)."""
        return self.previous.start

    @property
    def previous(self) -> CollectionYear:
        start = self.start.year - 1
        return CollectionYear.from_label(f"{start}-{(start + 1) % 100:02d}")
