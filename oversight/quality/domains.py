"""What a case audit grades: the domains every audit has, and the grade scale (pure)."""

from __future__ import annotations

DOMAINS = {
    "risk": "Risk recognised and responded to",
    "timeliness": "Timeliness",
    "plan": "Quality of the plan",
    "voice": "The voice of the child",
    "oversight": "Management oversight",
    "difference": "The difference made for the child",
}
GRADES = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires-improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
THEMES = {
    "monthly": "Monthly audit of open cases",
    "front-door": "Front-door decisions",
    "cp-plans": "Child protection plans",
    "children-in-care": "Children in care",
    "care-leavers": "Care leavers",
}
STRATA = {"team": "Team", "plan": "Plan type"}


def question_key(number: int) -> str:
    """The domain key of a programme's own question ``number`` (from 1)."""
    return f"q{number}"
