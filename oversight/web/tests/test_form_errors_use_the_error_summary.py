from datetime import date

from django.urls import reverse

from oversight.casework.models import OversightEntry, Visit
from oversight.web.tests.helpers import date_fields, error_summary, title, visit_form


def send_visit(client, child, form):
    return client.post(reverse("web:record-visit", args=[child.pk]), form)


def test_a_visit_in_the_future_is_refused(signed_in, worker, aisha):
    response = send_visit(signed_in(worker), aisha, visit_form(date(2025, 3, 13)))
    assert error_summary(response) == [
        ("#id_visited_on_day", "Date of visit must be today or in the past")
    ]
    assert title(response) == "Error: Record a visit — Oversight"
    assert Visit.objects.filter(child=aisha).count() == 1


def test_a_date_that_does_not_exist_is_refused(signed_in, worker, aisha):
    form = visit_form(date(2025, 3, 1), **date_fields("visited_on", "31", "2", "2025"))
    response = send_visit(signed_in(worker), aisha, form)
    assert error_summary(response) == [("#id_visited_on_day", "Date of visit must be a real date")]
    assert 'value="31"' in response.content.decode()  # what was typed is kept


def test_a_date_missing_its_month_says_so_and_links_to_the_month(signed_in, worker, aisha):
    form = visit_form(date(2025, 3, 1), **date_fields("visited_on", "3", "", "2025"))
    response = send_visit(signed_in(worker), aisha, form)
    assert error_summary(response) == [
        ("#id_visited_on_month", "Date of visit must include a month")
    ]
    html = response.content.decode()
    assert 'govuk-input--width-2 govuk-input--error" id="id_visited_on_month"' in html
    assert 'govuk-input--width-2" id="id_visited_on_day"' in html


def test_views_recorded_without_the_views_is_refused(signed_in, worker, aisha):
    response = send_visit(signed_in(worker), aisha, visit_form(date(2025, 3, 11), views="  "))
    assert error_summary(response) == [
        ("#id_views", "Enter the child's views, in their own words where you can")
    ]
    html = response.content.decode()
    assert 'class="govuk-textarea govuk-textarea--error"' in html
    assert 'aria-describedby="id_views-hint id_views-error"' in html


def test_an_empty_visit_form_names_every_missing_answer(signed_in, worker, aisha):
    response = send_visit(signed_in(worker), aisha, {})
    assert [message for _, message in error_summary(response)] == [
        "Select the kind of visit",
        "Enter the date of visit",
        "Select yes if the child was seen",
        "Select yes if the child was seen alone",
        "Select yes if the child shared their views",
    ]


def test_a_visit_before_the_plan_started_shows_the_services_reason(signed_in, worker, aisha):
    response = send_visit(signed_in(worker), aisha, visit_form(date(2024, 11, 29)))
    [(link, message)] = error_summary(response)
    assert link == "#id_visited_on_day"
    assert message.startswith("2024-11-29 is before the start of the plan")


def test_a_visit_of_a_kind_with_no_open_plan_is_refused(signed_in, worker, aisha):
    response = send_visit(signed_in(worker), aisha, visit_form(date(2025, 3, 11), kind="cp"))
    assert error_summary(response) == [
        (
            "#id_kind_0",
            "Aisha Khan has no open child protection plan: choose the kind of visit that matches "
            "the child's plan",
        )
    ]


def test_oversight_in_the_future_or_without_a_note_is_refused(signed_in, manager, aisha):
    form = {"kind": "supervision", **date_fields("recorded_on", date(2025, 4, 1))}
    response = signed_in(manager).post(reverse("web:record-oversight", args=[aisha.pk]), form)
    assert error_summary(response) == [
        ("#id_recorded_on_day", "Date of oversight must be today or in the past"),
        ("#id_note", "Enter the oversight: what you reviewed and what you decided"),
    ]
    assert not OversightEntry.objects.exists()
