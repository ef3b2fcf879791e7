"""The workforce's figures (agency rate, turnover) count workers: behind them is a list of
workers, for their managers and analysts, each manager seeing their own teams' only.

The fixtures' social workers: Sam (team 1, employed, in post) and Olu (team 2, employed,
in post), with a Social Work England number each; here also Rae, an agency worker in
team 1, and Lin, who left team 2 in January. Turnover: Lin of Sam and Olu, 50%; agency
rate: Rae of Sam, Olu and Rae, 33.3%.
"""

from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from oversight.accounts.models import AccessEvent
from oversight.accounts.roles import Role
from oversight.web.tests.conftest import person
from oversight.web.tests.helpers import text


@pytest.fixture
def workforce(worker, other_worker, team, other_team):
    worker.swe_number, other_worker.swe_number = "SW100", "SW101"
    worker.save()
    other_worker.save()
    person("rae", Role.PRACTITIONER, team=team, is_agency=True, swe_number="SW102",
           started_on=date(2024, 12, 2))  # fmt: skip
    person("lin", Role.PRACTITIONER, team=other_team, swe_number="SW103",
           left_on=date(2025, 1, 17), is_active=False)  # fmt: skip


@pytest.fixture
def refreshed(workforce, figures):
    return figures


def behind(client, indicator: str, query: str = ""):
    return client.get(reverse("web:indicator-children", args=[indicator]) + query)


def test_the_turnover_page_gives_the_figure_and_lists_the_leavers(signed_in, analyst, refreshed):
    body = text(signed_in(analyst).get(reverse("web:indicator", args=["workforce-turnover"])))
    assert "Social worker turnover" in body and "50.0%" in body
    assert "The workers behind this figure" in body
    listed = text(behind(signed_in(analyst), "workforce-turnover"))
    assert "1 in the numerator" in listed and "2 in the denominator" in listed
    assert "Lin" in listed and "17 January 2025" in listed and "left" in listed
    assert "Sam" in listed and "Olu" in listed and "Rae" not in listed  # agency: not counted


def test_a_team_manager_sees_their_own_teams_workers_only(signed_in, manager, refreshed):
    listed = text(behind(signed_in(manager), "workforce-agency-rate"))
    assert "Rae" in listed and "agency" in listed and "Sam" in listed
    assert "Olu" not in listed
    assert "1 of them work in teams you do not manage" in listed
    assert AccessEvent.objects.filter(
        user=manager, action="list-workers", detail__contains="workforce-agency-rate"
    ).exists()


def test_the_list_of_workers_downloads_for_an_analyst(signed_in, analyst, refreshed):
    url = reverse("web:indicator-children-data", args=["workforce-turnover", "csv"])
    rows = signed_in(analyst).get(url).content.decode("utf-8-sig")
    assert "Worker,Team,What was counted,Date,In the numerator,Employed by" in rows
    assert "Lin" in rows and "2025-01-17" in rows


@pytest.mark.parametrize("role", [Role.QA_OFFICER, Role.IRO])
def test_others_who_read_performance_see_the_figure_but_not_the_workers(signed_in, refreshed, role):
    client = signed_in(person("quinn", role))
    body = text(client.get(reverse("web:indicator", args=["workforce-turnover"]) + "?by=team"))
    assert "50.0%" in body
    assert "workers behind" not in body.lower() and "See the workers" not in body
    assert behind(client, "workforce-turnover").status_code == 403


def test_an_audit_cannot_target_an_indicator_of_workers(signed_in, refreshed):
    from oversight.quality.services.population import QualityError, _flagged

    with pytest.raises(QualityError, match="counts workers, not children"):
        _flagged("workforce-turnover")


def test_a_workforce_figure_downloads_as_a_pdf(signed_in, manager, refreshed, tmp_path):
    url = reverse("web:indicator-report", args=["workforce-turnover"]) + "?by=team"
    response = signed_in(manager).get(url)
    assert response["Content-Type"] == "application/pdf"
    (tmp_path / "turnover.pdf").write_bytes(response.content)
    words = " ".join(page.extract_text() for page in PdfReader(tmp_path / "turnover.pdf").pages)
    assert "Social worker turnover" in words and "50.0%" in words


@pytest.fixture
def teamless(db):
    """An agency social worker recorded in no team: counted, and listed to the whole LA's
    readers only."""
    return person("nat", Role.PRACTITIONER, is_agency=True, swe_number="SW104")


def test_a_worker_in_no_team_is_listed_for_analysts_but_no_manager(
    signed_in, analyst, manager, teamless, refreshed
):
    assert "Nat" in text(behind(signed_in(analyst), "workforce-agency-rate"))
    listed = text(behind(signed_in(manager), "workforce-agency-rate"))
    assert "Nat" not in listed and "2 of them work in teams you do not manage" in listed
