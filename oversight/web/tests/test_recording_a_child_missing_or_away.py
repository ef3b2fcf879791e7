"""A child in care missing from placement, or away from it without authorisation, recorded
on the child's record; the return and, after being missing, the return home interview
recorded from the record's list of what is waiting; refused against the field at fault.

Dara (D400) has been in care since 3 February 2025; today is 12 March 2025. Dates worked
out by hand: back on Friday 7 March 2025, the interview is due 72 hours on, on Monday 10
March."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import Deadline, MissingEpisode
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


def went(gone: str, on: date, back: date | None = None) -> dict[str, str]:
    fields = {"gone": gone, **date_fields("started_on", on)}
    return fields | (date_fields("returned_on", back) if back else {})


def test_missing_then_back_then_interviewed(signed_in, worker, dara):
    client = signed_in(worker)
    record = reverse("web:child", args=[dara.pk])
    assert "Record missing or away" in text(client.get(record))
    response = client.post(reverse("web:record-missing", args=[dara.pk]),
                           went("missing", date(2025, 3, 6)))  # fmt: skip
    assert response.status_code == 302
    episode = MissingEpisode.objects.get(child=dara)
    page = text(client.get(record))
    assert "Missing since 6 March 2025: record the return" in page
    assert "6 March 2025 Went missing" in page
    back = reverse("web:missing-return", args=[dara.pk, episode.pk])
    assert client.post(back, date_fields("returned_on", date(2025, 3, 7))).status_code == 302
    assert "return interview due 10 March 2025: record the interview" in text(client.get(record))
    interview = reverse("web:return-interview", args=[dara.pk, episode.pk])
    assert client.post(interview, date_fields("held_on", date(2025, 3, 11))).status_code == 302
    assert "Missing or away" not in text(client.get(record))
    deadline = Deadline.objects.get(child=dara, rule="return-interview")
    assert (deadline.due_on, deadline.met_on) == (date(2025, 3, 10), date(2025, 3, 11))


def test_time_away_needs_no_interview(signed_in, worker, dara):
    client = signed_in(worker)
    response = client.post(reverse("web:record-missing", args=[dara.pk]),
                           went("away", date(2025, 3, 6), date(2025, 3, 6)))  # fmt: skip
    assert response.status_code == 302
    page = text(client.get(reverse("web:child", args=[dara.pk])))
    assert "Missing or away" not in page
    assert "6 March 2025 Away from placement without authorisation" in page
    assert MissingEpisode.objects.get(child=dara).away
    assert not Deadline.objects.filter(child=dara, rule="return-interview").exists()


def test_a_return_before_the_child_went_is_refused_against_its_field(signed_in, worker, dara):
    client = signed_in(worker)
    response = client.post(reverse("web:record-missing", args=[dara.pk]),
                           went("missing", date(2025, 3, 6), date(2025, 3, 5)))  # fmt: skip
    assert response.status_code == 200
    [(anchor, message)] = error_summary(response)
    assert anchor == "#id_returned_on_day" and "before the date the child went missing" in message
    assert not MissingEpisode.objects.exists()


def test_a_return_with_no_interview_clock_is_not_listed(signed_in, worker, dara):
    """A return read from an SSDA903 return starts no clock, so the box lists only the
    returns whose interview can still be held, and the times the child is not back from."""
    services.record_missing_episode(dara, started_on=date(2025, 2, 20),
                                    returned_on=date(2025, 2, 21), follow_up=False)  # fmt: skip
    services.record_missing_episode(dara, started_on=date(2025, 3, 1))
    page = text(signed_in(worker).get(reverse("web:child", args=[dara.pk])))
    assert "Missing since 1 March 2025: record the return" in page
    assert "Back from missing on 21 February 2025" not in page
