"""A validation run quotes children's data: it is kept OVERSIGHT_VALIDATION_RUN_DAYS days
(90 unless set), then never shown and deleted with its findings; and whoever may open a
run may delete it sooner.
"""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from oversight.exchange.validation_runs.models import RunFinding, ValidationRun
from oversight.web.tests.helpers import text
from oversight.web.tests.returns_uploads import (
    census_with_errors,
    uploaded_run,
)


def test_a_run_is_kept_for_ninety_days(analyst, signed_in, aisha):
    client = signed_in(analyst)
    run = uploaded_run(client, census_with_errors("A100"))
    page = text(client.get(reverse("web:return-run", args=[run.pk])))
    assert "Kept until 10 June 2025" in page  # 12 March and 90 days
    with time_machine.travel(timezone.now() + timedelta(days=89, hours=23), tick=False):
        signed_in(analyst)  # the session itself has ended by then
        assert client.get(reverse("web:return-run", args=[run.pk])).status_code == 200


def test_after_its_days_a_run_is_not_shown_and_is_deleted_with_its_findings(
    analyst, signed_in, aisha
):
    client = signed_in(analyst)
    run = uploaded_run(client, census_with_errors("A100"))
    with time_machine.travel(timezone.now() + timedelta(days=90, minutes=1), tick=False):
        signed_in(analyst)  # the session itself has ended by then
        assert client.get(reverse("web:return-run", args=[run.pk])).status_code == 404
        assert ValidationRun.objects.filter(pk=run.pk).exists()  # until a page is opened
        assert "A100" not in client.get(reverse("web:returns")).content.decode()
    assert not ValidationRun.objects.exists() and not RunFinding.objects.exists()


def test_the_days_are_a_setting(analyst, signed_in, aisha, settings):
    settings.OVERSIGHT_VALIDATION_RUN_DAYS = 7
    client = signed_in(analyst)
    run = uploaded_run(client, census_with_errors("A100"))
    with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
        signed_in(analyst)
        client.get(reverse("web:returns"))
    assert not ValidationRun.objects.filter(pk=run.pk).exists()


def test_a_run_is_deleted_on_request_with_its_findings(analyst, signed_in, aisha):
    client = signed_in(analyst)
    run = uploaded_run(client, census_with_errors("A100"))
    response = client.post(reverse("web:delete-return-run", args=[run.pk]), follow=True)
    assert "The validation run of CIN census 2025-26" in text(response)
    assert "and its findings are deleted" in text(response)
    assert not ValidationRun.objects.exists() and not RunFinding.objects.exists()


def test_deleting_takes_a_post(analyst, signed_in, aisha):
    client = signed_in(analyst)
    run = uploaded_run(client, census_with_errors("A100"))
    assert client.get(reverse("web:delete-return-run", args=[run.pk])).status_code == 405
    assert ValidationRun.objects.filter(pk=run.pk).exists()


def test_the_runs_are_listed_a_page_at_a_time_newest_first(analyst, signed_in, aisha):
    client = signed_in(analyst)
    start = timezone.now() - timedelta(days=1)
    for n in range(27):  # files named by their order: run-00 the oldest
        ValidationRun.objects.create(
            kind="cin-census", year="2025-26", source="upload", files=[f"run-{n:02}.xml"],
            by=analyst, at=start + timedelta(minutes=n),
        )  # fmt: skip
    first = text(client.get(reverse("web:returns")))
    assert "run-26.xml" in first and "run-02.xml" in first and "run-01.xml" not in first
    assert "Next page" in first
    second = text(client.get(reverse("web:returns"), {"page": 2}))
    assert "run-01.xml" in second and "run-00.xml" in second and "run-02.xml" not in second
