"""Small CIN census files for tests, built from keyword arguments, read by the real reader.

``child()`` gives a child who passes the rules: born 2015, with a valid UPN and eight
disability codes, one episode referred in the census year 2025-26, open, with a completed
assessment. Tests change only what matters:

    cin = census(child(PersonDeathDate="2025-06-01", episodes=[episode(CINclosureDate=...)]))
    assert ids(findings("8545Q", cin)) == ["C1"]

A field given as ``None`` is left out of the file.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from oversight.exchange.cin_census.read import CinData, read_cin
from oversight.exchange.cin_census.spec import CensusPeriod
from oversight.exchange.validation import Finding

YEAR = "2025-26"
PERIOD = CensusPeriod.from_label(YEAR)
HEADER = {
    "CollectionDetails": {"Collection": "CIN", "Year": "2026", "ReferenceDate": "2026-03-31"},
    "Source": {"SourceLevel": "L", "LEA": "201", "SoftwareCode": "Oversight", "Release": "1",
               "SerialNo": "001", "DateTime": "2026-04-10T09:00:00"},
}  # fmt: skip
# Two valid UPNs, for returns with two children (a UPN must be unique: rule 1520).
DEFAULT_UPN = "W201000000017"
SECOND_UPN = "F201000000025"
# A return should use at least eight disability codes (2887Q) and give some child more
# than one (2888Q): the default child has eight, so that a small return passes.
DEFAULT_DISABILITIES = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"]


def assessment(factors: list[str] | None = None, **fields: Any) -> dict[str, Any]:
    values = {"AssessmentActualStartDate": "2025-05-02", "AssessmentInternalReviewDate": None,
              "AssessmentAuthorisationDate": "2025-06-10"} | fields  # fmt: skip
    return {"fields": values, "factors": ["1C"] if factors is None else factors}


def cin_plan(**fields: Any) -> dict[str, Any]:
    return {"CINPlanStartDate": "2025-06-12", "CINPlanEndDate": None} | fields


def section47(**fields: Any) -> dict[str, Any]:
    return {"S47ActualStartDate": "2025-05-06", "InitialCPCtarget": "2025-05-28",
            "DateOfInitialCPC": "2025-05-27", "ICPCnotRequired": "false"} | fields  # fmt: skip


def cp_plan(reviews: list[str] | None = None, **fields: Any) -> dict[str, Any]:
    values = {"CPPstartDate": "2025-05-27", "CPPendDate": None, "InitialCategoryOfAbuse": "NEG",
              "LatestCategoryOfAbuse": "NEG", "NumberOfPreviousCPP": "0"} | fields  # fmt: skip
    return {"fields": values, "reviews": ["2025-08-19"] if reviews is None else reviews}


def episode(
    assessments: list[dict[str, Any]] | None = None,
    cin_plans: list[dict[str, Any]] | None = None,
    section47s: list[dict[str, Any]] | None = None,
    cp_plans: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    values = {"CINreferralDate": "2025-05-01", "ReferralSource": "1A", "PrimaryNeedCode": "N1",
              "CINclosureDate": None, "ReasonForClosure": None, "DateOfInitialCPC": None,
              "ReferralNFA": "false"} | fields  # fmt: skip
    return {
        "fields": values,
        "assessments": [assessment()] if assessments is None else assessments,
        "cin_plans": cin_plans or [],
        "section47s": section47s or [],
        "cp_plans": cp_plans or [],
    }


def child(
    LAchildID: str = "C1",  # noqa: N803  (the census's own field name)
    disabilities: list[str] | None = None,
    episodes: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    values = {"LAchildID": LAchildID, "UPN": DEFAULT_UPN, "FormerUPN": None,
              "UPNunknown": None, "PersonBirthDate": "2015-03-27", "ExpectedPersonBirthDate": None,
              "Sex": "M", "PersonDeathDate": None} | fields  # fmt: skip
    ethnicity = values.pop("Ethnicity", "WBRI")
    return {
        "ids": values,
        "ethnicity": ethnicity,
        "disabilities": DEFAULT_DISABILITIES if disabilities is None else disabilities,
        "episodes": [episode()] if episodes is None else episodes,
    }


def _elements(values: dict[str, Any]) -> str:
    return "".join(
        f"<{name}>{escape(str(value))}</{name}>"
        for name, value in values.items()
        if value is not None
    )


def _group(outer: str, inner: str, items: list[str]) -> str:
    if not items:
        return ""
    return f"<{outer}>" + "".join(f"<{inner}>{escape(i)}</{inner}>" for i in items) + f"</{outer}>"


def _episode_xml(ep: dict[str, Any]) -> str:
    f = dict(ep["fields"])
    nfa = f.pop("ReferralNFA")
    parts = [_elements(f)]
    for a in ep["assessments"]:
        factors = _group("FactorsIdentifiedAtAssessment", "AssessmentFactors", a["factors"])
        parts.append(f"<Assessments>{_elements(a['fields'])}{factors}</Assessments>")
    parts += [f"<CINPlanDates>{_elements(p)}</CINPlanDates>" for p in ep["cin_plans"]]
    parts += [f"<Section47>{_elements(s)}</Section47>" for s in ep["section47s"]]
    parts.append(_elements({"ReferralNFA": nfa}))
    for p in ep["cp_plans"]:
        reviews = _group("Reviews", "CPPreviewDate", p["reviews"])
        parts.append(
            f"<ChildProtectionPlans>{_elements(p['fields'])}{reviews}</ChildProtectionPlans>"
        )
    return "<CINdetails>" + "".join(parts) + "</CINdetails>"


def _child_xml(c: dict[str, Any]) -> str:
    ethnicity = _elements({"Ethnicity": c["ethnicity"]})
    disabilities = _group("Disabilities", "Disability", c["disabilities"])
    episodes = "".join(_episode_xml(e) for e in c["episodes"])
    return (
        f"<Child><ChildIdentifiers>{_elements(c['ids'])}</ChildIdentifiers>"
        f"<ChildCharacteristics>{ethnicity}{disabilities}</ChildCharacteristics>{episodes}</Child>"
    )


def census_xml(*children: dict[str, Any], header: dict[str, Any] | None = None) -> bytes:
    head = header if header is not None else HEADER
    header_xml = "".join(f"<{k}>{_elements(v)}</{k}>" for k, v in head.items())
    body = "".join(_child_xml(c) for c in (children or (child(),)))
    return f"<Message><Header>{header_xml}</Header><Children>{body}</Children></Message>".replace(
        "><", ">\n<"
    ).encode()


def census(*children: dict[str, Any], header: dict[str, Any] | None = None) -> CinData:
    """The tables the reader makes of a file with these children."""
    return read_cin(io.BytesIO(census_xml(*children, header=header)), PERIOD, name="test.xml")


def findings(code: str, cin: CinData) -> list[Finding]:
    from oversight.exchange.cin_census.rules import RULES

    return RULES.check(RULES.rules[code], cin.lazy(), cin.file)


def ids(found: list[Finding]) -> list[str | None]:
    """The child ids of the findings, sorted, one per finding."""
    return sorted(found_.child_id or "" for found_ in found)
