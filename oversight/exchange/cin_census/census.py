"""A CIN census return as plain values: the child, their episodes and what happened in each.

The writer fills these from the casework records (``gather``) and turns them into XML
(``write``); each field is the census's own data item, named in a comment where the
name differs. Nothing here imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from oversight.exchange.sex import RETURNED_SEX, RETURNED_SEX_CODES, returned_sex

# The census returns sex as M, F or U (2025/26), from the records' earlier codes
# (``exchange.sex``, shared with the SSDA903).
CENSUS_SEX = RETURNED_SEX
CENSUS_SEX_CODES = RETURNED_SEX_CODES
# UPN unknown reason UN7: "referral with no further action" (a child whose every episode
# in the return was a referral with no further action need not be traced to a UPN).
UPN_UNKNOWN_NFA = "UN7"
# Reasons the records can tell for a child with no UPN: not yet of school age (UN1), and
# an unaccompanied asylum-seeking child who has never attended school in England (UN2).
UPN_UNKNOWN_NOT_AT_SCHOOL = "UN1"
UPN_UNKNOWN_NEVER_AT_SCHOOL = "UN2"


@dataclass
class CensusAssessment:
    start: date  # AssessmentActualStartDate
    authorised: date | None  # AssessmentAuthorisationDate: blank while it runs
    factors: list[str] = field(default_factory=list)  # only for a completed assessment


@dataclass
class CensusCinPlan:
    start: date  # CINPlanStartDate
    end: date | None  # CINPlanEndDate


@dataclass
class CensusSection47:
    start: date  # S47ActualStartDate
    icpc_target: date | None  # InitialCPCtarget
    icpc: date | None  # DateOfInitialCPC
    icpc_not_required: bool  # ICPCnotRequired


@dataclass
class CensusCpPlan:
    start: date  # CPPstartDate
    end: date | None  # CPPendDate
    initial_category: str  # InitialCategoryOfAbuse
    latest_category: str  # LatestCategoryOfAbuse
    previous_plans: int  # NumberOfPreviousCPP
    reviews: list[date] = field(default_factory=list)  # CPPreviewDate, in date order


@dataclass
class CensusEpisode:
    referral_date: date  # CINreferralDate
    source: str  # ReferralSource
    primary_need: str  # PrimaryNeedCode ("" is left out)
    closure: date | None  # CINclosureDate
    reason_for_closure: str  # ReasonForClosure
    referral_nfa: bool  # ReferralNFA
    initial_cpc: date | None = None  # DateOfInitialCPC at episode level (no S47 here)
    assessments: list[CensusAssessment] = field(default_factory=list)
    cin_plans: list[CensusCinPlan] = field(default_factory=list)
    section47s: list[CensusSection47] = field(default_factory=list)
    cp_plans: list[CensusCpPlan] = field(default_factory=list)


@dataclass
class CensusChild:
    la_child_id: str  # LAchildID
    birth: date | None  # PersonBirthDate
    expected_birth: date | None  # ExpectedPersonBirthDate
    sex: str  # Sex: M, F or U
    ethnicity: str  # Ethnicity
    disabilities: list[str]  # Disability codes; NONE when the child has none
    upn: str = ""  # UPN
    former_upn: str = ""  # FormerUPN
    upn_unknown: str = ""  # UPNunknown: why there is no UPN
    died: date | None = None  # PersonDeathDate
    episodes: list[CensusEpisode] = field(default_factory=list)
    record_id: int | None = None  # the child's record (not returned: for the access log)


def census_sex(code: str, unborn: bool) -> str:
    """The census's code for the records' sex code (U for an unborn child, rule 8750)."""
    return returned_sex(code, unborn)
