from datetime import date

from django.urls import reverse

from oversight.web.tests.helpers import text, visit_form


def test_the_allocated_worker_sees_the_overdue_visit_in_my_work(signed_in, worker, aisha):
    page = text(signed_in(worker).get(reverse("web:my-work")))
    assert "Aisha Khan" in page
    # Last visit 6 January; a CIN visit is due 20 working days later, on 3 February, and
    # from 3 February to 12 March is 27 working days.
    assert "Child in need visit 3 February 2025 Overdue by 27 working days" in page


def test_a_referral_decision_due_today_is_due_soon(signed_in, worker, ben):
    page = text(signed_in(worker).get(reverse("web:my-work")))
    assert "Referral decision 12 March 2025 Due soon" in page


def test_the_visit_leaves_the_worklist_once_recorded_through_the_form(signed_in, worker, aisha):
    client = signed_in(worker)
    response = client.post(
        reverse("web:record-visit", args=[aisha.pk]), visit_form(date(2025, 3, 11))
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("web:child", args=[aisha.pk])
    page = text(client.get(reverse("web:my-work")))
    assert "Child in need visit" not in page
    assert "Management oversight (child in need)" in page  # still overdue: only the visit was met


def test_the_record_shows_a_success_banner_after_the_visit(signed_in, worker, aisha):
    client = signed_in(worker)
    form = visit_form(date(2025, 3, 11))
    response = client.post(reverse("web:record-visit", args=[aisha.pk]), form, follow=True)
    assert "Success Visit recorded for Aisha Khan" in text(response)
    assert "I want to stay at my school" in text(response)
