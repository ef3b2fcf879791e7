"""The record of a child looked after for a year shows that year's health and outcomes
(the SSDA903 OC2 items), as recorded; a child with none recorded shows no such section."""

from datetime import date

from django.urls import reverse

from oversight.casework import services
from oversight.web.tests.helpers import text


def test_the_latest_years_outcomes_are_shown_in_words(signed_in, worker, aisha):
    record = reverse("web:child", args=[aisha.pk])
    assert "Health and outcomes" not in text(signed_in(worker).get(record))
    services.record_year_outcomes(aisha, year_end=date(2024, 3, 31), sdq_score=30)
    services.record_year_outcomes(
        aisha, year_end=date(2025, 3, 31), sdq_score=14, immunisations=True, teeth_check=False,
        health_assessment=True, substance_misuse=False,
    )  # fmt: skip
    page = text(signed_in(worker).get(record))
    assert "Health and outcomes, the year to 31 March 2025" in page
    assert "Strengths and difficulties (SDQ) Score 14 (of 40)" in page
    assert "Teeth checked No" in page and "Immunisations up to date Yes" in page
    assert "Score 30" not in page and "Intervention received" not in page
