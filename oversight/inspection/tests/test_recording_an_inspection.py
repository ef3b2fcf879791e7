"""Recording an inspection checks it against its framework, through the one service."""

from datetime import date

import pytest

from oversight.inspection.models import LocalAuthority
from oversight.inspection.services import (
    FindingText,
    InspectionError,
    InspectionFacts,
    record_inspection,
)

pytestmark = pytest.mark.django_db

HEREFORDSHIRE_2018 = {
    "overall": "requires-improvement",
    "leaders": "inadequate",
    "help-and-protection": "requires-improvement",
    "in-care": "requires-improvement",
}


@pytest.fixture
def la():
    return LocalAuthority.objects.create(urn="1", code="E06000038", name="Reading")


def test_an_inspection_is_recorded_under_the_framework_of_its_first_day(la):
    facts = InspectionFacts(
        kind="standard",
        started=date(2025, 3, 3),
        ended=date(2025, 3, 14),
        published=date(2025, 5, 2),
        judgements={"overall": "good", "leaders": "good", "help-and-protection": "good"},
        findings=(FindingText("recommendation", "Strengthen supervision.", "leaders"),),
    )
    inspection = record_inspection(la, facts)
    assert inspection.framework_key == "ilacs-2023"
    assert inspection.grades()["overall"] == "good"
    assert inspection.findings.get().text == "Strengthen supervision."


def test_an_overall_that_departs_from_the_default_needs_a_reason(la):
    facts = InspectionFacts(
        kind="standard", started=date(2018, 6, 11), judgements=HEREFORDSHIRE_2018
    )
    with pytest.raises(InspectionError) as raised:
        record_inspection(la, facts)
    assert raised.value.field == "overall_reason"
    assert "usually makes the overall inadequate" in raised.value.message
    reasoned = InspectionFacts(
        kind="standard",
        started=date(2018, 6, 11),
        judgements=HEREFORDSHIRE_2018,
        overall_reason="Leaders had a credible plan and early signs of progress.",
    )
    assert record_inspection(la, reasoned).overall_departure() is not None


@pytest.mark.parametrize(
    "facts, field",
    [
        (
            InspectionFacts(
                kind="standard", started=date(2020, 1, 6), judgements={"care-leavers": "good"}
            ),
            "care-leavers",
        ),
        (
            InspectionFacts(
                kind="standard", started=date(2020, 1, 6), judgements={"overall": "adequate"}
            ),
            "overall",
        ),
        (
            InspectionFacts(
                kind="focused-visit", started=date(2020, 1, 6), judgements={"overall": "good"}
            ),
            "judgements",
        ),
        (
            InspectionFacts(kind="standard", started=date(2020, 1, 6), ended=date(2020, 1, 1)),
            "ended",
        ),
        (
            InspectionFacts(kind="standard", started=date(2020, 1, 6), published=date(2020, 1, 1)),
            "published",
        ),
        (InspectionFacts(kind="visit", started=date(2020, 1, 6)), "kind"),
        (InspectionFacts(kind="standard"), "started"),
    ],
)
def test_an_inspection_that_breaks_a_rule_is_refused_with_the_field(la, facts, field):
    with pytest.raises(InspectionError) as raised:
        record_inspection(la, facts)
    assert raised.value.field == field
    assert la.inspections.count() == 0
