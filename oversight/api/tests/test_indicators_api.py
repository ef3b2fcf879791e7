"""The indicators over the API: the same figures, rules and access log as the pages."""

from datetime import date

import pytest

from oversight.accounts.models import AccessEvent
from oversight.accounts.testing import sign_in as sign_in_with_both_steps
from oversight.performance.catalogue import catalogue

TODAY = date(2025, 3, 12)


@pytest.fixture
def as_user(client):
    def sign_in(user):
        return sign_in_with_both_steps(client, user)

    return sign_in


def test_the_catalogue_lists_every_definition(as_user, manager, figures):
    found = as_user(manager).get("/api/indicators/").json()
    assert [i["id"] for i in found] == list(catalogue())


def test_an_indicator_has_its_value_trend_and_published_comparisons(as_user, manager, figures):
    found = as_user(manager).get("/api/indicators/seen-alone").json()
    assert found["current"]["numerator"] == 1 and found["current"]["denominator"] == 2
    assert found["current"]["value"] == 50.0 and len(found["trend"]) == 3
    rates = as_user(manager).get("/api/indicators/rereferrals").json()
    assert {c["label"] for c in rates["comparisons"]} >= {"England", "South East"}


def test_a_breakdown_gives_each_group(as_user, manager, figures):
    found = as_user(manager).get("/api/indicators/seen-alone/breakdown?by=team").json()
    assert {g["label"]: g["value"] for g in found["groups"]} == {
        "Safeguarding 1": 100.0, "Safeguarding 2": 0.0,
    }  # fmt: skip


def test_the_children_behind_a_figure_are_limited_to_those_the_caller_may_see(
    as_user, manager, aisha, figures
):
    found = as_user(manager).get("/api/indicators/seen-alone/children").json()
    assert [u["la_child_id"] for u in found["units"]] == ["A100"]
    assert (found["total"], found["counted"], found["not_shown"]) == (2, 1, 1)
    assert AccessEvent.objects.filter(user=manager, detail__contains="api: children").exists()


def test_an_indicator_of_workers_says_so_and_has_no_children_behind_it(as_user, manager, figures):
    client = as_user(manager)
    found = client.get("/api/indicators/workforce-turnover").json()
    assert found["definition"]["counts"] == "workers"
    assert client.get("/api/indicators/seen-alone").json()["definition"]["counts"] == "children"
    refused = client.get("/api/indicators/workforce-turnover/children")
    assert refused.status_code == 404 and "counts workers" in refused.json()["detail"]


def test_callers_who_are_not_signed_in_or_not_readers_are_refused(client, as_user, worker, figures):
    assert client.get("/api/indicators/").status_code == 401
    assert as_user(worker).get("/api/indicators/").status_code == 403


def test_unknown_indicators_and_breakdowns_are_not_found(as_user, manager, figures):
    client = as_user(manager)
    assert client.get("/api/indicators/no-such").status_code == 404
    assert client.get("/api/indicators/caseload/breakdown?by=sex").status_code == 404


def test_the_openapi_description_names_every_indicator_route(as_user, manager):
    paths = as_user(manager).get("/api/openapi.json").json()["paths"]
    assert set(paths) >= {
        "/api/indicators/", "/api/indicators/{id}", "/api/indicators/{id}/breakdown",
        "/api/indicators/{id}/children",
    }  # fmt: skip


def test_the_children_come_in_pages(as_user, senior_leader, figures):
    client = as_user(senior_leader)
    first = client.get("/api/indicators/seen-alone/children?limit=1").json()
    assert (first["shown"], len(first["units"]), first["next_offset"]) == (2, 1, 1)
    second = client.get("/api/indicators/seen-alone/children?limit=1&offset=1").json()
    assert second["next_offset"] is None
    assert {first["units"][0]["la_child_id"], second["units"][0]["la_child_id"]} == {"A100", "C300"}
    assert client.get("/api/indicators/seen-alone/children?limit=5000").status_code == 422
