"""One LA's inspection page, on Ofsted's published outcomes (today is 12 March 2025).

Herefordshire (URN 80474): ILACS in June 2018 gave the impact of leaders inadequate but
the overall requires improvement, a departure from the framework's default; ILACS in July
2022 (published 21 September 2022) gave inadequate throughout, its standing today.
"""

from django.urls import reverse

from oversight.web.tests.helpers import text


def herefordshire(client):
    return client.get(reverse("web:inspection-la", args=["80474"]))


def test_the_la_page_shows_its_current_standing_in_the_frameworks_words(
    signed_in, worker, ofsted_outcomes
):
    body = text(herefordshire(signed_in(worker)))
    assert "Current standing From the standard inspection published on 21 September 2022" in body
    assert "Overall effectiveness inadequate The impact of leaders on social work practice" in body


def test_the_2018_departure_from_the_default_and_its_reason_are_shown(
    signed_in, worker, ofsted_outcomes
):
    body = text(herefordshire(signed_in(worker)))
    assert (
        "differs from the framework's default: The impact of leaders on social work practice "
        "with children and families is inadequate, which usually makes the overall inadequate; "
        "it was recorded as requires improvement to be good" in body
    )
    assert "Why: As published by Ofsted" in body


def test_the_history_is_newest_first_under_each_framework(signed_in, worker, ofsted_outcomes):
    body = text(herefordshire(signed_in(worker)))
    history = body[body.index("History") :]
    assert history.index("18 July 2022") < history.index("11 June 2018")
    assert history.index("11 June 2018") < history.index("The single inspection framework")


def test_the_statistical_neighbours_standing_is_shown(signed_in, worker, ofsted_outcomes):
    body = text(herefordshire(signed_in(worker)))
    neighbours = body[body.index("Statistical neighbours") : body.index("History")]
    assert (
        "North Yorkshire outstanding outstanding outstanding outstanding outstanding" in neighbours
    )


def test_an_unknown_urn_is_not_found(signed_in, worker, ofsted_outcomes):
    response = signed_in(worker).get(reverse("web:inspection-la", args=["nope"]))
    assert response.status_code == 404
