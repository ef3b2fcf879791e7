"""Small hand-built cases the self-evaluation and improvement plan tests share."""

from datetime import date, timedelta

from django.utils import timezone

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.inspection.models import Inspection, LocalAuthority
from oversight.inspection.services import FindingText, InspectionFacts, record_inspection
from oversight.performance.models import IndicatorValue, Refresh

OWN_CODE = "E06000038"
RECOMMENDATION = "Improve the timeliness of visits to children on child protection plans."
PRIORITY = "Leaders must make sure that risk is recognised at the front door."


def own_inspection(settings) -> Inspection:
    """Reading's standard inspection of March 2025: one recommendation, one priority action."""
    settings.OVERSIGHT_LA_CODE = OWN_CODE
    la = LocalAuthority.objects.create(urn="1", code=OWN_CODE, name="Reading")
    facts = InspectionFacts(
        kind="standard",
        started=date(2025, 1, 6),
        ended=date(2025, 1, 17),
        judgements={
            "overall": "requires-improvement",
            "leaders": "requires-improvement",
            "help-and-protection": "requires-improvement",
            "in-care": "good",
            "care-leavers": "good",
        },
        findings=(
            FindingText("strength", "Children in care are visited often."),
            FindingText("recommendation", RECOMMENDATION, "help-and-protection"),
            FindingText("priority-action", PRIORITY, "help-and-protection"),
        ),
    )
    return record_inspection(la, facts)


def staff(username: str, role: Role) -> User:
    return User.objects.create(username=username, first_name=username.capitalize(), role=role)


def stored_value(indicator: str, value: float, on: date) -> Refresh:
    """A finished refresh holding one value of one indicator for the whole LA."""
    run = Refresh.objects.create(started_at=timezone.now(), finished_at=timezone.now(), as_at=on)
    IndicatorValue.objects.create(
        refresh=run,
        indicator=indicator,
        period_start=on - timedelta(days=364),
        period_end=on,
        label="All children",
        numerator=0,
        value=value,
    )
    return run
