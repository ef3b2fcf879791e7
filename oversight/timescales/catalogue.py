"""The timescale rules as data: national rules from law and statutory guidance, and the
local rules with their default intervals (``DESIGN.md`` §4).

Each entry reads: id, title, the event that starts the clock, interval, unit, basis.
Ids are stable: other code and stored due dates refer to them. Local rules always count
working days; ``rules.LocalPolicy`` replaces their intervals with an authority's own.
"""

from __future__ import annotations

from oversight.timescales.timescale import Rule, Unit

WORKING_TOGETHER = "Working Together to Safeguard Children 2023"
CIN_CENSUS = "Children in Need census (measured from the start of the s47 enquiry)"
CARE_PLANNING = "Care Planning, Placement and Case Review (England) Regulations 2010"
CARE_LEAVERS = "Care Leavers (England) Regulations 2010"
PERMANENCE = (
    "The Children Act 1989 guidance and regulations, volume 2: care planning, "
    "placement and case review (a permanence plan by the second review)"
)
HEALTH = (
    "Promoting the health and well-being of looked-after children: statutory guidance "
    "(2015): the initial health assessment in time for the first review"
)
MISSING = "Statutory guidance on children who run away or go missing from home or care 2014"
LOCAL_PROCEDURES = "local procedures"

WD, DAYS, WEEKS, MONTHS, HOURS = (
    Unit.WORKING_DAYS,
    Unit.DAYS,
    Unit.WEEKS,
    Unit.MONTHS,
    Unit.HOURS,
)


def _national(
    rule_id: str, title: str, starts_with: str, interval: int, unit: Unit, basis: str
) -> Rule:
    return Rule(rule_id, title, starts_with, interval, unit, basis, local=False)


def _local(rule_id: str, title: str, starts_with: str, interval: int) -> Rule:
    return Rule(rule_id, title, starts_with, interval, WD, LOCAL_PROCEDURES, local=True)


_NATIONAL = [
    _national("referral-decision", "Referral decision", "referral received", 1, WD,
              WORKING_TOGETHER),
    _national("assessment", "Assessment completed", "referral received", 45, WD,
              WORKING_TOGETHER),
    _national("icpc", "Initial child protection conference",
              "strategy discussion that started the s47 enquiry", 15, WD,
              f"{WORKING_TOGETHER}; {CIN_CENSUS}"),
    _national("rcpc-first", "First child protection review conference",
              "initial child protection conference", 3, MONTHS, WORKING_TOGETHER),
    _national("rcpc-next", "Child protection review conference",
              "previous review conference", 6, MONTHS, WORKING_TOGETHER),
    _national("cla-first-review", "First child in care review", "child became looked after",
              20, WD, f"{CARE_PLANNING}, reg 33"),
    _national("cla-second-review", "Second child in care review", "first review",
              3, MONTHS, f"{CARE_PLANNING}, reg 33"),
    _national("cla-next-review", "Child in care review", "previous review",
              6, MONTHS, f"{CARE_PLANNING}, reg 33"),
    # Due with the second review, which falls 3 months after the first.
    _national("permanence-plan", "Permanence plan", "first child in care review", 3, MONTHS,
              PERMANENCE),
    _national("health-assessment-initial", "Initial health assessment",
              "child became looked after", 20, WD, HEALTH),
    _national("health-assessment-review-under-5", "Review health assessment (under 5)",
              "previous health assessment, the child under 5", 6, MONTHS,
              f"{CARE_PLANNING}, reg 7"),
    _national("health-assessment-review", "Review health assessment",
              "previous health assessment, the child 5 or over", 12, MONTHS,
              f"{CARE_PLANNING}, reg 7"),
    _national("cla-visit-first", "First visit in a placement", "placement started",
              7, DAYS, f"{CARE_PLANNING}, reg 28"),
    _national("cla-visit-first-year", "Visit in the first year of a placement",
              "previous visit", 6, WEEKS, f"{CARE_PLANNING}, reg 28"),
    _national("cla-visit-long-term", "Visit in a long-term placement after its first year",
              "previous visit", 3, MONTHS, f"{CARE_PLANNING}, reg 28"),
    _national("pathway-plan-review", "Pathway plan review",
              "pathway plan made or last reviewed", 6, MONTHS, CARE_LEAVERS),
    _national("pa-visit-after-move", "Personal adviser visit after a move",
              "care leaver moved to new accommodation", 7, DAYS, CARE_LEAVERS),
    _national("pa-visit", "Personal adviser visit", "previous personal adviser visit",
              2, MONTHS, CARE_LEAVERS),
    _national("return-interview", "Return home interview",
              "child returned from being missing", 72, HOURS, MISSING),
]  # fmt: skip

_LOCAL = [
    _local("cp-visit", "Child protection visit", "previous visit", 10),
    _local("cin-visit", "Child in need visit", "previous visit", 20),
    _local("oversight-cp", "Management oversight (child protection)",
           "previous management oversight", 20),
    _local("oversight-cin", "Management oversight (child in need)",
           "previous management oversight", 30),
    _local("oversight-cla", "Management oversight (child in care)",
           "previous management oversight", 30),
    _local("oversight-care-leaver", "Management oversight (care leaver)",
           "previous management oversight", 60),
    # An audit action's due date is set by the auditor; 20 working days is only the default.
    _local("audit-action", "Action from a case audit", "audit completed", 20),
    _local("escalation-response", "Response to an escalation by a CP chair or IRO",
           "escalation raised", 5),
]  # fmt: skip

NATIONAL_RULES: dict[str, Rule] = {rule.id: rule for rule in _NATIONAL}
LOCAL_RULES: dict[str, Rule] = {rule.id: rule for rule in _LOCAL}
