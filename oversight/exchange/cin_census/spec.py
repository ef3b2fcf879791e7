"""The shape of a CIN census file: its parts, their fields and the type of each field.

A ``<Child>`` holds identifiers, characteristics (with disabilities) and one or more
``<CINdetails>`` (episodes); an episode holds assessments (with their factors), CIN plans,
section 47 enquiries and child protection plans (with their review dates). Each part
becomes one table, one row per element, keyed by the child's position in the file
(``child``) and its ``LAchildID``, and by the position of its parents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TEXT = "text"
DATE = "date"
FLAG = "flag"  # yesnotype: true/false/TRUE/FALSE/1/0
COUNT = "count"

FLAG_VALUES = {"true": True, "false": False, "TRUE": True, "FALSE": False, "1": True, "0": False}

HEADER = {
    "Collection": TEXT, "Year": TEXT, "ReferenceDate": DATE, "SourceLevel": TEXT, "LEA": TEXT,
    "SoftwareCode": TEXT, "Release": TEXT, "SerialNo": TEXT, "DateTime": TEXT,
}  # fmt: skip
CHILD = {
    "LAchildID": TEXT, "UPN": TEXT, "FormerUPN": TEXT, "UPNunknown": TEXT,
    "PersonBirthDate": DATE, "ExpectedPersonBirthDate": DATE, "Sex": TEXT,
    "PersonDeathDate": DATE, "Ethnicity": TEXT,
}  # fmt: skip
# Before 2025/26 the child's sex was returned as GenderCurrent, with the same codes.
RENAMED = {"GenderCurrent": "Sex"}
EPISODE = {
    "CINreferralDate": DATE, "ReferralSource": TEXT, "PrimaryNeedCode": TEXT,
    "CINclosureDate": DATE, "ReasonForClosure": TEXT, "DateOfInitialCPC": DATE,
    "ReferralNFA": FLAG,
}  # fmt: skip
ASSESSMENT = {
    "AssessmentActualStartDate": DATE, "AssessmentInternalReviewDate": DATE,
    "AssessmentAuthorisationDate": DATE,
}  # fmt: skip
CIN_PLAN = {"CINPlanStartDate": DATE, "CINPlanEndDate": DATE}
SECTION_47 = {
    "S47ActualStartDate": DATE, "InitialCPCtarget": DATE, "DateOfInitialCPC": DATE,
    "ICPCnotRequired": FLAG,
}  # fmt: skip
CP_PLAN = {
    "CPPstartDate": DATE, "CPPendDate": DATE, "InitialCategoryOfAbuse": TEXT,
    "LatestCategoryOfAbuse": TEXT, "NumberOfPreviousCPP": COUNT,
}  # fmt: skip
PRE_PROCEEDINGS = {
    "PPStartDate": DATE, "LBPSentDate": DATE, "FGDMMeetingOffer": TEXT, "FGDMMeetingFac": TEXT,
    "InitialPPMeetingDate": DATE, "ReviewMeetingsCount": COUNT, "StepDecisionDate": DATE,
    "PPOutcome": TEXT, "CourtAppDate": DATE, "LetterInitCPDate": DATE,
}  # fmt: skip

# Each table: its keys (besides LAchildID and line) and its fields.
TABLES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "children": (("child",), CHILD),
    "disabilities": (("child",), {"Disability": TEXT}),
    "episodes": (("child", "episode"), EPISODE),
    "assessments": (("child", "episode", "assessment"), ASSESSMENT),
    "factors": (("child", "episode", "assessment"), {"AssessmentFactors": TEXT}),
    "cin_plans": (("child", "episode", "cin_plan"), CIN_PLAN),
    "section47": (("child", "episode", "s47"), SECTION_47),
    "cp_plans": (("child", "episode", "cp_plan"), CP_PLAN),
    "reviews": (("child", "episode", "cp_plan"), {"CPPreviewDate": DATE}),
    "pre_proceedings": (("child", "episode"), PRE_PROCEEDINGS),
}

# Fields the schema requires that no DfE rule of the year reports when missing: the reader
# reports them, so that a missing one is never passed over (the others have their rules:
# 8500, 4180, 4220, 8600, 8866, 8568, 4010, 8720, 8905, 8910, 8730).
REQUIRED = {
    "assessments": ("AssessmentActualStartDate",),
    "section47": ("S47ActualStartDate", "ICPCnotRequired"),
}


@dataclass(frozen=True)
class CensusPeriod:
    """A census year: 1 April to 31 March, the reference date being the last day."""

    label: str  # "2025-26"
    start: date
    end: date

    @classmethod
    def from_label(cls, label: str) -> CensusPeriod:
        first, _, second = label.partition("-")
        if not (first.isdigit() and len(first) == 4 and second.isdigit() and len(second) == 2):
            raise ValueError(f"{label!r} is not a census year: give it as 2025-26")
        start_year = int(first)
        if (start_year + 1) % 100 != int(second):
            raise ValueError(
                f"{label!r} is not a census year: the years must follow, as in 2025-26"
            )
        return cls(label, date(start_year, 4, 1), date(start_year + 1, 3, 31))
