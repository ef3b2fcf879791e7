"""The performance pages: who reads them, what they show, and the children behind a figure.

The fixtures' children (see conftest): Aisha (team 1) seen alone at her CIN visit on
6 January 2025, with her views recorded; her referral on 1 November 2024 was decided
the same day. Ben (team 1): a referral on 11 March 2025, decision due today (not yet
late). Cara (team 2): allocated only.
"""

from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from oversight.accounts.models import AccessEvent
from oversight.accounts.roles import Role
from oversight.web.tests.conftest import person
from oversight.web.tests.helpers import text

TODAY = date(2025, 3, 12)


def page(client, name: str, *args: str, query: str = ""):
    return client.get(reverse(f"web:{name}", args=args) + query)


def test_the_dashboard_shows_headline_figures_with_england_beside_them(signed_in, manager, figures):
    response = page(signed_in(manager), "performance")
    assert response.status_code == 200
    body = text(response)
    assert "Children seen alone at visits" in body and "50.0%" in body
    assert "England 2025" in body, "published figures are shown with their year"


def test_before_the_first_refresh_the_dashboard_says_how_figures_arrive(signed_in, manager):
    body = text(page(signed_in(manager), "performance"))
    assert "have not been computed yet" in body and "oversight refresh" in body


def test_an_indicator_page_defines_it_and_breaks_it_down_by_team(signed_in, manager, figures):
    response = page(signed_in(manager), "indicator", "seen-alone", query="?by=team")
    body = text(response)
    assert "Of the child protection, child in need and child in care visits" in body
    assert "Safeguarding 1" in body and "100.0%" in body
    assert "Safeguarding 2" in body and "0.0%" in body
    assert response.content.count(b'role="img"') >= 2, "a trend chart and a breakdown chart"


def test_the_children_behind_a_figure_are_those_the_reader_may_see(signed_in, manager, figures):
    body = text(page(signed_in(manager), "indicator-children", "seen-alone"))
    assert "Aisha Khan" in body
    assert "Cara Lee" not in body and "1 of them concern children" in body


def test_the_children_behind_one_group(signed_in, senior_leader, figures, team):
    query = f"?by=team&group={team.pk}"
    body = text(page(signed_in(senior_leader), "indicator-children", "seen-alone", query=query))
    assert "Aisha Khan" in body and "Cara Lee" not in body and "of them concern" not in body


def test_listing_the_children_behind_a_figure_is_logged(signed_in, manager, figures):
    page(signed_in(manager), "indicator-children", "seen-alone")
    assert AccessEvent.objects.filter(
        user=manager, action="list-children", detail__contains="children behind seen-alone"
    ).exists()


def test_the_data_behind_a_chart_downloads_as_csv_and_excel(signed_in, manager, figures, tmp_path):
    client = signed_in(manager)
    csv_text = page(client, "indicator-data", "seen-alone", "breakdown", "csv", query="?by=team")
    assert "Safeguarding 1" in csv_text.content.decode("utf-8-sig")
    response = page(client, "indicator-data", "seen-alone", "trend", "xlsx")
    (tmp_path / "trend.xlsx").write_bytes(response.content)
    sheet = openpyxl.load_workbook(tmp_path / "trend.xlsx").active
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[0]]
    assert values[0][:3] == ("From", "To", "Value")


@pytest.mark.parametrize("who", ["worker", "administrator", "inspector"])
def test_practitioners_administrators_and_inspectors_outside_their_window_may_not(
    signed_in, figures, who, request
):
    client = signed_in(request.getfixturevalue(who))
    for name, args in (("performance", ()), ("indicator", ("seen-alone",)),
                       ("indicator-children", ("seen-alone",))):  # fmt: skip
        assert page(client, name, *args).status_code == 403


def test_figures_for_named_workers_are_for_their_managers_not_for_qa(signed_in, figures, db):
    qa = person("quinn", Role.QA_OFFICER)
    assert page(signed_in(qa), "indicator", "seen-alone", query="?by=worker").status_code == 404


def test_an_unknown_indicator_is_not_found(signed_in, manager, figures):
    assert page(signed_in(manager), "indicator", "no-such-thing").status_code == 404


def test_the_equality_view_shows_each_characteristic(signed_in, manager, figures):
    body = text(page(signed_in(manager), "indicator-equality", "seen-alone"))
    for heading in ("By ethnic group", "By sex", "By disability", "By age band"):
        assert heading in body
    assert "White" in body and "Female" in body and "Not disabled" in body
    assert "10 to 15" in body  # Aisha, 10 on 6 January 2025; Cara, 8: "5 to 9"


def test_the_equality_view_is_not_offered_where_there_is_no_such_breakdown(
    signed_in, manager, figures
):
    assert page(signed_in(manager), "indicator-equality", "caseload").status_code == 404


def test_the_front_door_page_shows_decisions_by_team_and_by_deciding_manager(
    signed_in, manager, figures
):
    body = text(page(signed_in(manager), "front-door"))
    assert "Referral decisions within one working day by team" in body
    assert "Referral decisions within one working day by worker" in body


def test_qa_sees_the_front_door_by_team_only(signed_in, figures, db):
    body = text(page(signed_in(person("quinn", Role.QA_OFFICER)), "front-door"))
    assert "by team" in body and "by worker" not in body


def test_the_team_page_shows_the_teams_figures_beside_the_las(signed_in, manager, team, figures):
    body = text(signed_in(manager).get(reverse("web:team", args=[team.pk])))
    assert "Children seen alone at visits 100.0% (1 of 1) 50.0%" in body


def test_the_children_behind_a_figure_can_be_only_those_not_in_the_numerator(
    signed_in, senior_leader, figures
):
    client = signed_in(senior_leader)
    missed = text(page(client, "indicator-children", "seen-alone", query="?counted=no"))
    assert "Cara Lee" in missed and "Aisha Khan" not in missed


def test_an_indicator_downloads_as_a_pdf_with_its_charts(signed_in, manager, figures):
    client = signed_in(manager)
    response = page(client, "indicator-report", "seen-alone", query="?by=team")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('.pdf"')
    assert response.content.startswith(b"%PDF") and b"/Subtype /Image" in response.content
    again = page(client, "indicator-report", "seen-alone", query="?by=team")
    assert again.content == response.content, "the same figures give the same file"


def test_a_practitioner_may_not_download_the_pdf(signed_in, worker, figures):
    assert page(signed_in(worker), "indicator-report", "seen-alone").status_code == 403


@pytest.mark.parametrize(
    ("name", "args"),
    [("performance", ()), ("front-door", ()), ("indicator-equality", ("seen-alone",))],
)
def test_the_dashboard_front_door_and_equality_pages_download_as_pdf(
    signed_in, manager, figures, name, args
):
    response = page(signed_in(manager), name, *args, query="?format=pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_rows_read_together_are_the_rows_read_one_by_one(figures):
    from oversight.performance.catalogue import catalogue
    from oversight.web.indicators import row, rows

    indicators = list(catalogue().values())
    together = rows(figures, indicators)
    for one, indicator in zip(together, indicators, strict=True):
        alone = row(figures, indicator)
        assert (one.trend, one.comparisons, one.rag) == (alone.trend, alone.comparisons, alone.rag)
    assert any(r.trend for r in together)
