"""Inspections over the API: the national picture as the command gives it, and one LA.

As at 31 March 2024: 153 LAs, 27 outstanding, 64 good, 43 requiring improvement and 16
inadequate overall (91 of 150 graded good or outstanding, 60.7%); London 28 of 33.
"""

import pytest

from oversight.accounts.testing import sign_in as sign_in_with_both_steps


@pytest.fixture
def as_user(client):
    def sign_in(user):
        return sign_in_with_both_steps(client, user)

    return sign_in


def test_the_national_picture_has_the_commands_fields(as_user, worker, ofsted_outcomes):
    found = as_user(worker).get("/api/inspection/national?as_at=2024-03-31").json()
    assert found["local_authorities"] == 153 and found["not_graded"] == 3
    assert found["counts"] == {
        "outstanding": 27, "good": 64, "requires-improvement": 43, "inadequate": 16,
    }  # fmt: skip
    assert (found["good_or_outstanding"], found["percent_good_or_outstanding"]) == (91, 60.7)
    assert found["share_good_or_outstanding"] == 0.6067
    assert found["regions"]["London"]["good_or_outstanding"] == 28
    assert "Herefordshire" in found["inadequate"] and len(found["inadequate"]) == 16


def test_the_picture_can_count_as_ofsted_does_and_list_changes(as_user, worker, ofsted_outcomes):
    query = "as_at=2025-03-31&since=2024-03-31&judgement=overall&published_by=2025-04-30"
    found = as_user(worker).get(f"/api/inspection/national?{query}").json()
    moved = {c["local_authority"]: (c["before"], c["after"]) for c in found["changes"]}
    assert moved["Knowsley"] == ("requires-improvement", "inadequate")


def test_an_la_comes_with_its_inspections_and_the_departure(as_user, worker, ofsted_outcomes):
    found = as_user(worker).get("/api/inspection/las/80474").json()
    assert found["name"] == "Herefordshire" and found["region"] == "West Midlands"
    by_start = {i["started"]: i for i in found["inspections"]}
    june_2018 = by_start["2018-06-11"]
    assert june_2018["framework"] == "ilacs-2018"
    assert {j["area"]: j["grade"] for j in june_2018["judgements"]}["leaders"] == "inadequate"
    assert "usually makes the overall inadequate" in june_2018["overall_departure"]
    assert june_2018["overall_reason"]
    assert found["current_inspection"] == by_start["2022-07-18"]["id"]


def test_unknown_judgements_and_las_are_refused(as_user, worker, ofsted_outcomes):
    client = as_user(worker)
    assert client.get("/api/inspection/national?judgement=x").status_code == 422
    assert client.get("/api/inspection/las/nope").status_code == 404


def test_outsiders_are_refused(client, as_user, inspector, ofsted_outcomes):
    assert client.get("/api/inspection/national").status_code == 401
    assert as_user(inspector).get("/api/inspection/national").status_code == 403
    assert as_user(inspector).get("/api/inspection/las/80474").status_code == 403
