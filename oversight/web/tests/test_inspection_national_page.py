"""The national picture page, on Ofsted's published outcomes.

As at 31 March 2024 (inspections known by then) 153 LAs existed: 27 outstanding, 64 good,
43 requiring improvement and 16 inadequate overall, so 91 of the 150 graded (60.7%) were
good or outstanding. Three had no grade: Cumberland and Westmorland and Furness (created
in April 2023, not yet inspected) and Southend-on-Sea (its grade could not be read).
"""

from django.urls import reverse

from oversight.web.tests.helpers import date_fields, text

MARCH_2024 = date_fields("as_at", "31", "3", "2024")


def national(client, **query):
    return client.get(reverse("web:inspection"), {**MARCH_2024, **query})


def test_the_national_picture_counts_the_las_by_grade(signed_in, worker, ofsted_outcomes):
    body = text(national(signed_in(worker)))
    assert "Overall effectiveness as at 31 March 2024" in body
    assert "Local authorities 153" in body
    assert "Good or outstanding 91 of 150 graded (60.7%)" in body
    assert "outstanding 27 18.0%" in body and "inadequate 16 10.7%" in body
    assert "Judged inadequate (16)" in body and "Herefordshire" in body


def test_las_with_no_grade_are_grouped_by_why(signed_in, worker, ofsted_outcomes):
    body = text(national(signed_in(worker)))
    assert "No graded inspection known by then 2" in body
    assert "Not known: the source gives no readable grade 1" in body


def test_london_leads_the_regions(signed_in, worker, ofsted_outcomes):
    body = text(national(signed_in(worker)))
    assert "London 11 17 4 1 0 84.8%" in body


def test_the_chart_has_its_data_table_beside_it(signed_in, worker, ofsted_outcomes):
    response = national(signed_in(worker))
    assert b'role="img"' in response.content
    assert "LAs by grade (the chart's data)" in text(response)


def test_the_changes_since_an_earlier_day_are_listed(signed_in, worker, ofsted_outcomes):
    query = {**date_fields("as_at", "31", "3", "2025"), **date_fields("since", "31", "3", "2024")}
    body = text(signed_in(worker).get(reverse("web:inspection"), query))
    # Knowsley: requires improvement (December 2021), inadequate (published 20 January 2025).
    assert "Knowsley requires improvement to be good inadequate" in body


def test_an_inadequate_la_links_to_its_page_and_your_la_is_linked(
    signed_in, worker, ofsted_outcomes
):
    page = national(signed_in(worker)).content.decode()
    assert reverse("web:inspection-la", args=["80474"]) in page  # Herefordshire
    assert "Your LA: Reading" in page


def test_a_date_that_is_not_real_is_shown_in_the_error_summary(signed_in, worker, ofsted_outcomes):
    response = signed_in(worker).get(
        reverse("web:inspection"), date_fields("as_at", "31", "2", "2024")
    )
    assert "As at must be a real date" in text(response)


def test_every_las_grade_downloads_as_csv(signed_in, worker, ofsted_outcomes):
    url = reverse("web:inspection-data", args=["csv"])
    rows = signed_in(worker).get(url, MARCH_2024).content.decode("utf-8-sig").splitlines()
    assert rows[0] == "Local authority,Ofsted URN,ONS code,Region,Grade,Why no grade"
    assert len(rows) == 1 + 153
    assert any(row.startswith("Herefordshire,80474,") and ",inadequate," in row for row in rows)
