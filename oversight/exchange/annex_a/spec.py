"""Annex A lists 1-11 as data: sheet, columns as Ofsted names them, and who is on each.

Column names and their order follow Ofsted's Annex A template (as in the published
sample workbook and value maps of the liia-tools project, MIT). Each column says what
it means, its type, the value map of a coded column (``values``), and how the records
hold it: imported back, derived from other records, written but not imported, or not
held at all (written blank). Who is on each list follows Ofsted's ILACS Annex A
guidance; ``windows`` turns the rule into dates. No Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from oversight.exchange.annex_a.windows import Rule


class Type(Enum):
    ID = "identifier"
    TEXT = "text"
    DATE = "date"
    INTEGER = "whole number"
    CHOICE = "one of a list of values"


class Held(Enum):
    IMPORTED = "held in the records and imported"
    DERIVED = "worked out from other records; not imported"
    WRITTEN = "written from the records; not imported"
    NOT_HELD = "not held in the records: written blank; not imported"


@dataclass(frozen=True)
class Column:
    key: str
    name: str  # as Ofsted's template names it
    meaning: str
    type: Type = Type.TEXT
    choices: str = ""  # the value map (``values.VALUE_MAPS``) of a CHOICE column
    held: Held = Held.IMPORTED
    required: bool = False  # an imported row must give it
    variants: tuple[str, ...] = ()  # other names LAs give the column (regular expressions)


@dataclass(frozen=True)
class AnnexList:
    number: int
    title: str
    who: str  # who is on the list, in Ofsted's terms
    rule: Rule
    months: int
    imports_into: str
    columns: tuple[Column, ...]
    imported: bool = True  # whether its rows are imported at all
    written: bool = True  # whether the records give it rows

    @property
    def sheet(self) -> str:
        return f"List {self.number}"

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _c(key: str, name: str, meaning: str, type: Type = Type.TEXT, **more: object) -> Column:
    return Column(key, name, meaning, type, **more)  # type: ignore[arg-type]


def _yes_no(key: str, name: str, meaning: str, **more: object) -> Column:
    return _c(key, name, meaning, Type.CHOICE, choices="yes_no", **more)


def _date(key: str, name: str, meaning: str, **more: object) -> Column:
    return _c(key, name, meaning, Type.DATE, **more)


def _count(key: str, name: str, meaning: str) -> Column:
    return _c(key, name, meaning, Type.INTEGER, held=Held.DERIVED)


CHILD_ID = _c("child_id", "Child Unique ID", "The LA's id for the child.", Type.ID,
              required=True, variants=(r"child.*id",))  # fmt: skip
GENDER = _c("gender", "Gender", "The child's sex (DfE code).", Type.CHOICE, choices="gender",
            required=True, variants=(r"^sex$",))  # fmt: skip
ETHNICITY = _c("ethnicity", "Ethnicity", "DfE ethnicity code.", Type.CHOICE,
               choices="ethnicity", required=True)  # fmt: skip
BIRTH = _date("date_of_birth", "Date of Birth", "Date of birth, or expected date of birth.",
              variants=(r"date.*birth", r"^dob$"))  # fmt: skip
AGE = _c("age", "Age of Child (Years)", "Age in whole years on the inspection date; -1 if "
         "unborn.", Type.INTEGER, held=Held.DERIVED, variants=(r"^age",))  # fmt: skip
DISABILITY = _yes_no("disability", "Does the Child have a Disability",
                     "Whether the child has a disability (DfE disability codes other than "
                     "NONE).", variants=(r"disab",))  # fmt: skip
TEAM = _c("team", "Allocated Team", "The team that held the child's work on the inspection "
          "date, or last held it.", held=Held.WRITTEN)  # fmt: skip
WORKER = _c("worker", "Allocated Worker", "The worker that team allocated, if any.",
            held=Held.WRITTEN)  # fmt: skip
CHILD = (CHILD_ID, GENDER, ETHNICITY, BIRTH, AGE)

CONTACTS = AnnexList(
    1, "Contacts",
    "All contacts received in the six months before the inspection; a contact about "
    "several children is a row for each child.",
    Rule.EVENT, 6, "contacts (no decision: Annex A does not give the contact's outcome)",
    (*CHILD,
     _date("contact_date", "Date of Contact", "The day the contact came in.", required=True),
     _c("contact_source", "Contact Source", "Who made the contact (DfE referral source).",
        Type.CHOICE, choices="source", required=True)),
)  # fmt: skip

EARLY_HELP = AnnexList(
    2, "Early help",
    "Early help assessments started in the six months before the inspection, and early "
    "help the LA coordinates that is still open on the inspection date.",
    Rule.STARTED_OR_OPEN, 6, "early help episodes",
    (*CHILD,
     _date("eh_start", "Assessment start date", "The day the early help episode began.",
           required=True),
     _date("eh_completed", "Assessment completion date", "The day the early help "
           "assessment was completed (blank while it is not)."),
     _c("eh_organisation", "Organisation completing assessment", "The family hub (or lead "
        "professional) leading the early help.")),
)  # fmt: skip

REFERRALS = AnnexList(
    3, "Referrals",
    "All referrals received in the six months before the inspection; a child referred "
    "twice has two rows.",
    Rule.EVENT, 6, "referrals (a CIN episode each); 'NFA' decides and closes it that day",
    (*CHILD,
     _date("referral_date", "Date of Referral", "The day the referral was received.",
           required=True),
     _c("referral_source", "Referral Source", "Who referred (DfE referral source).",
        Type.CHOICE, choices="source", required=True),
     _c("referral_nfa", "Referral NFA?", "Whether the referral decision was no further "
        "action; unknown while undecided.", Type.CHOICE, choices="nfa"),
     _count("referrals_12_months", "Number of Referrals in Last 12 Months", "Other referrals "
            "of the child in the 12 months before this one."),
     TEAM, WORKER),
)  # fmt: skip

ASSESSMENTS = AnnexList(
    4, "Assessments",
    "Children with a child and family assessment in the six months before the "
    "inspection: open on the date, or completed in the six months.",
    Rule.OPEN_OR_ENDED, 6, "assessments, under the child's referral (decided 'assessment' "
    "when it had no decision)",
    (*CHILD, DISABILITY,
     _date("assessment_start", "Continuous Assessment Start Date", "The day the assessment "
           "started.", required=True),
     _yes_no("assessment_seen", "Child Seen During Continuous Assessment", "Whether the child "
             "was seen during the assessment."),
     _date("assessment_authorised", "Continuous Assessment Date of Authorisation", "The day "
           "the completed assessment was authorised."),
     _yes_no("assessment_support", "Was the child assessed as requiring LA children's social "
             "care support?", "Yes when the outcome was a plan or a strategy discussion; no "
             "when it was no further action or early help.",
             variants=(r"assessed as requiring",)),
     TEAM, WORKER),
)  # fmt: skip

SECTION_47 = AnnexList(
    5, "Section 47 enquiries",
    "All section 47 enquiries started in the six months before the inspection, and any "
    "still open; one row for each enquiry.",
    Rule.STARTED_OR_OPEN, 6, "strategy discussions and section 47 enquiries; initial "
    "conferences (and the plans they start)",
    (*CHILD, DISABILITY,
     _date("s47_start", "Strategy discussion initiating Section 47 Enquiry Start Date",
           "The day of the strategy discussion that started the enquiry.", required=True,
           variants=(r"strategy discussion", r"s(ection)? ?47.*start")),
     _yes_no("icpc_unnecessary", "Was an Initial Child Protection Conference deemed "
             "unnecessary?", "Yes when the enquiry ended without a conference.",
             variants=(r"deemed unnecessary",)),
     _date("icpc_date", "Date of Initial Child Protection Conference", "The day of the "
           "initial conference.", variants=(r"date of initial",)),
     _yes_no("icpc_plan", "Did the Initial Child Protection Conference Result in a Child "
             "Protection Plan", "Whether the conference made the child subject to a plan.",
             variants=(r"result in a child protection plan",)),
     _count("s47s_12_months", "Number of Section 47 Enquiries in the last 12 months", "Other "
            "enquiries about the child in the 12 months before this one."),
     _count("icpcs_12_months", "Number of ICPCs in the last 12 months", "Initial conferences "
            "about the child in the 12 months before this enquiry."),
     TEAM, WORKER),
)  # fmt: skip

CHILDREN_IN_NEED = AnnexList(
    6, "Children in need",
    "All those receiving services as a child in need on the inspection date or in the six "
    "months before it, children on plans and in care included; not care leavers, nor "
    "children who were only referred.",
    Rule.OPEN_OR_ENDED, 6, "referrals (the CIN episode: its start, primary need and "
    "closure); a child in need plan open on the workbook's date",
    (*CHILD, DISABILITY,
     _date("cin_start", "CIN Start Date", "The day the CIN episode began (its referral).",
           required=True),
     _c("primary_need", "Primary Need Code", "DfE primary need code.", Type.CHOICE,
        choices="primary_need"),
     _date("last_seen", "Date Child Was Last Seen", "The last visit at which the child was "
           "seen, in the episode, up to the inspection date.", held=Held.DERIVED),
     _date("cin_closed", "CIN Closure Date", "The day the episode closed."),
     _c("closure_reason", "Reason for Closure", "DfE reason for closure.", Type.CHOICE,
        choices="closure_reason"),
     _c("case_status", "Case Status", "Where the child stood on the inspection date; "
        "imported only as a child in need plan open that day (the other lists carry the "
        "rest).", Type.CHOICE, choices="case_status"),
     TEAM, WORKER),
)  # fmt: skip

CHILD_PROTECTION = AnnexList(
    7, "Child protection",
    "All those subject to a child protection plan on the inspection date, and those whose "
    "plan ended in the six months before it.",
    Rule.OPEN_OR_ENDED, 6, "child protection plans (matched to the plan an imported initial "
    "conference started), their last visit, latest review conference and end",
    (*CHILD, DISABILITY,
     _date("cp_start", "Child Protection Plan Start Date", "The day the plan started.",
           required=True),
     _c("initial_category", "Initial Category of Abuse", "DfE category of abuse at the "
        "start.", Type.CHOICE, choices="category_of_abuse", required=True),
     _c("latest_category", "Latest Category of Abuse", "The category at the latest review: "
        "the records keep one category a plan.", Type.CHOICE, choices="category_of_abuse",
        held=Held.WRITTEN),
     _date("cp_last_visit", "Date of the Last Statutory Visit", "The last child protection "
           "visit under the plan, up to the inspection date.", variants=(r"last statutory",)),
     _yes_no("cp_seen_alone", "Was the Child Seen Alone?", "Whether the child was seen alone "
             "at that visit."),
     _date("cp_latest_review", "Date of latest review conference", "The last review "
           "conference of the plan, up to the inspection date."),
     _date("cp_end", "Child Protection Plan End Date", "The day the plan ended."),
     _yes_no("epo", "Subject to Emergency Protection Order or Protected Under Police Powers in "
             "Last Six Months (Y/N)", "Whether the child was looked after under police "
             "protection (L1) or an emergency protection order (L2) in the six months.",
             held=Held.DERIVED, variants=(r"emergency protection order",)),
     _count("previous_plans", "Number of Previous Child Protection Plans", "Plans the child "
            "had before this one."),
     TEAM, WORKER),
)  # fmt: skip

CHILDREN_IN_CARE = AnnexList(
    8, "Children in care",
    "All children in care on the inspection date, and those who ceased to be looked after "
    "in the six months before it.",
    Rule.OPEN_OR_ENDED, 6, "care episodes with their current placement, latest review, last "
    "visit, permanence plan, last health assessment and dental check, and end",
    (*CHILD,
     _yes_no("uasc", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months "
             "(Y/N)", "Whether the child is an unaccompanied asylum-seeking child.",
             variants=(r"unaccompanied asylum",)),
     DISABILITY,
     _date("care_start", "Date Started to be Looked After", "The first day of the current (or "
           "latest) period of care.", required=True),
     _c("category_of_need", "Child's Category of Need", "Primary need of the child's latest "
        "referral.", Type.CHOICE, choices="primary_need", held=Held.DERIVED,
        variants=(r"category of need",)),
     _yes_no("second_period", "Is this a second or subsequent period of being a Looked After "
             "Child within the last 12 months (Y/N)", "Whether another period of care ended "
             "in the 12 months before this one began.", held=Held.DERIVED,
             variants=(r"second or subsequent",)),
     _date("legal_status_start", "Start date of current legal status", "The day the current "
           "legal status began."),
     _c("legal_status", "Child's Legal Status", "SSDA903 legal status code.", Type.CHOICE,
        choices="legal_status", required=True, variants=(r"legal status$",)),
     _date("cla_latest_review", "Date of Latest Statutory Review", "The last child in care "
           "review in the period, up to the inspection date."),
     _date("cla_last_visit", "Date of Last Social Work Visit", "The last child in care visit "
           "in the period, up to the inspection date."),
     _c("permanence_plan", "What is the permanence plan for this child?", "The care plan's "
        "latest permanence plan in the period, up to the inspection date.", Type.CHOICE,
        choices="permanence_plan", variants=(r"permanence plan",)),
     _date("iro_contact", "Date of Last IRO Visit / Contact to the Child", "The last child "
           "in care review in the period that the child attended, up to the inspection date: "
           "the IRO chairs it and meets the child there (the records hold no IRO visits "
           "between reviews).", held=Held.DERIVED),
     _date("health_assessment", "Date of Last Health Assessment", "The last health "
           "assessment in the period, up to the inspection date."),
     _date("dental_check", "Date of Last Dental Check", "The last dental check in the "
           "period, up to the inspection date."),
     _count("placements_12_months", "Number of Placements in the Last 12 months", "Placements "
            "open at any time in the 12 months to the inspection date."),
     _date("care_ceased", "Date Ceased to be Looked After", "The last day of care."),
     _c("ceased_reason", "Reason Ceased to be Looked After", "SSDA903 reason episode ceased.",
        Type.CHOICE, choices="reason_ceased"),
     _date("placement_start", "Start Date of Most Recent Placement", "The day the latest "
           "placement began.", required=True),
     _c("placement_type", "Placement Type", "SSDA903 placement type.", Type.CHOICE,
        choices="placement_type", required=True),
     _c("placement_provider", "Placement Provider", "SSDA903 placement provider.",
        Type.CHOICE, choices="placement_provider"),
     _c("placement_postcode", "Placement postcode", "The latest placement's postcode.",
        held=Held.WRITTEN),
     _c("placement_urn", "URN of Placement", "Ofsted's URN of the latest placement.",
        held=Held.WRITTEN),
     _c("placement_location", "Placement Location", "Whether the latest placement's "
        "postcode is in the LA's area (OVERSIGHT_LA_CODE), by the ONS Postcode Directory.",
        Type.CHOICE, choices="placement_location", held=Held.DERIVED),
     _c("placement_la", "LA of Placement", "The LA the latest placement's postcode is in, "
        "by the ONS Postcode Directory (Wales, Scotland or Northern Ireland as the "
        "template names them).", held=Held.DERIVED),
     _count("missing_12_months", "Number of Episodes the Child has been 'Missing' from their "
            "Placement in the last 12 months", "Missing episodes begun in the 12 months."),
     _count("absent_12_months", "Number of Episodes the Child has been 'Absent' from their "
            "Placement in the last 12 months", "Episodes away from placement without "
            "authorisation (SSDA903 A) begun in the 12 months."),
     _yes_no("rhi_offered", "Was the child offered a Return Interview after their last "
             "missing episode (Y/N)?", "From the last missing episode.", held=Held.WRITTEN,
             variants=(r"offered a return interview",)),
     _yes_no("rhi_accepted", "Did the child accept a Return Interview after their last missing "
             "episode (Y/N)?", "Whether the interview was held.", held=Held.WRITTEN,
             variants=(r"accept a return interview",)),
     TEAM, WORKER),
)  # fmt: skip

CARE_LEAVERS = AnnexList(
    9, "Care leavers",
    "All those entitled to leaving care services on the inspection date: relevant and "
    "former relevant children, and qualifying care leavers.",
    Rule.OPEN, 0, "pathway plans (one started on the workbook's date when none is open) and "
    "the care leaver's status on that date",
    (*CHILD, DISABILITY, TEAM, WORKER,
     _c("eligibility", "Eligibility Category", "Relevant (under 18) or former relevant (18 "
        "and over), from the child's age.", Type.CHOICE, choices="eligibility",
        held=Held.DERIVED, variants=(r"eligib",)),
     _c("in_touch", "LA in Touch", "Whether the LA is in touch with the young person.",
        Type.CHOICE, choices="in_touch", required=True),
     _c("accommodation", "Type of Accommodation", "SSDA903 accommodation type.", Type.CHOICE,
        choices="accommodation"),
     _c("suitability", "Suitability of Accommodation", "Whether it is suitable.",
        Type.CHOICE, choices="suitability", variants=(r"suitab",)),
     _c("activity", "Activity Status", "SSDA903 activity (education, employment or "
        "training).", Type.CHOICE, choices="activity")),
)  # fmt: skip

_ADOPTION = "the import does not read it: the records' adoption decisions come from the "
_ADOPTION += "child's record and the SSDA903 return"
ADOPTION = AnnexList(
    10, "Adoption",
    "Children who in the 12 months before the inspection were adopted, had a decision that "
    "they should be placed for adoption, or had that decision reversed.",
    Rule.EVENT, 12, f"nothing: {_ADOPTION}",
    (CHILD_ID, _c("family_id", "Family identifier", "The prospective adopters the child was "
                  "matched with: their family identifier on list 11.", held=Held.WRITTEN),
     GENDER, ETHNICITY,
     BIRTH, AGE, DISABILITY,
     *(_date(key, name, meaning, held=Held.WRITTEN) for key, name, meaning in (
         ("entered_care", "Date the Child Entered Care", "The start of the period of care "
          "the decision was made in."),
         ("adoption_decision", "Date of Decision that Child Should be Placed for Adoption",
          "The decision (a row for each)."),
         ("placement_order", "Date of Placement Order", "The first episode under E1 in the "
          "period."),
         ("matched", "Date of Matching Child and Prospective Adopters", "The match recorded "
          "with the decision."),
         ("placed", "Date Placed for Adoption", "The first placement for adoption (A3 to A6) "
          "in the period."),
         ("adoption_order", "Date of Adoption Order", "The period ending in adoption (E11, "
          "E12)."),
         ("decision_reversed", "Date of Decision that Child Should No Longer be Placed for "
          "Adoption", "The decision's reversal."))),
     _c("reversal_reason", "Reason Why Child No Longer Placed for Adoption", "RD1-RD4.",
        held=Held.WRITTEN),
     _date("ffa_placed", "Date the child was placed for fostering in FFA or concurrent "
           "planning placement", "The first fostering for adoption or concurrent planning "
           "placement (U2, U5) in the period.", held=Held.WRITTEN)),
    imported=False,
)  # fmt: skip

_STEP = "The household's step, as recorded."
_FROM_CHILDREN = "; from the children's records, not imported"
ADOPTERS = AnnexList(
    11, "Adopters",
    "Everyone who in the 12 months before the inspection had contact with the LA's "
    "adoption agency as a prospective adopter: a row for each adopter, a couple's two "
    "rows sharing a family identifier.",
    # In the process at any time in the window: still in it on the date, or left in it.
    Rule.OPEN_OR_ENDED, 12, "prospective adopters, each household with its steps",
    (_c("adopter_id", "Individual adopter identifier", "The agency's id for the person.",
        Type.ID, required=True, variants=(r"adopter.*id",)),
     _c("family_id", "Family identifier", "The household: one adopter, or a couple (blank "
        "for one adopter: the household is named by the adopter's identifier).",
        variants=(r"family.*id",)),
     _c("gender", "Gender", "The adopter's sex (DfE code).", Type.CHOICE, choices="gender",
        required=True, variants=(r"^sex$",)),
     _c("ethnicity", "Ethnicity", "DfE ethnicity code.", Type.CHOICE, choices="ethnicity",
        required=True),
     _yes_no("disability", "Disability", "Whether the adopter has a disability.",
             variants=(r"disab",)),
     _yes_no("ffa", "Is the (prospective) adopter fostering for adoption?", "Whether the "
             "household is approved to foster a child while adoption is planned.",
             variants=(r"fostering for adoption",)),
     _date("enquiry", "Date enquiry received", _STEP, required=True, variants=(r"enquiry",)),
     *(_date(key, name, _STEP) for key, name in (
         ("stage1_start", "Date Stage 1 started"), ("stage1_end", "Date Stage 1 ended"),
         ("stage2_start", "Date Stage 2 started"), ("stage2_end", "Date Stage 2 ended"),
         ("submitted", "Date application submitted"),
         ("approved", "Date application approved"))),
     _date("matched", "Date adopter matched with child(ren)", "The first match of a child "
           f"with the household{_FROM_CHILDREN}.", held=Held.WRITTEN),
     _date("placed", "Date child/children placed with adopter(s)", "The first placement for "
           "adoption (A3 to A6) of a child matched with them, on or after the match"
           f"{_FROM_CHILDREN}.", held=Held.WRITTEN),
     _c("children_placed", "No. of children placed", "The children matched with them who "
        "were placed with them.", Type.INTEGER, held=Held.DERIVED),
     _date("adoption_order", "Date of Adoption Order", "The latest adoption order (care "
           f"ending E11 or E12) of a child placed with them{_FROM_CHILDREN}.",
           held=Held.WRITTEN),
     _date("left", "Date of leaving adoption process", _STEP),
     _c("left_reason", "Reason for leaving adoption process", "Why they left.", Type.CHOICE,
        choices="leaving_adoption")),
)  # fmt: skip

LISTS: tuple[AnnexList, ...] = (
    CONTACTS, EARLY_HELP, REFERRALS, ASSESSMENTS, SECTION_47, CHILDREN_IN_NEED,
    CHILD_PROTECTION, CHILDREN_IN_CARE, CARE_LEAVERS, ADOPTION, ADOPTERS,
)  # fmt: skip


def annex_list(number: int) -> AnnexList:
    return LISTS[number - 1]
