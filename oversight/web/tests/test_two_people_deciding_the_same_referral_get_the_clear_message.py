"""Two people open the same referral's decision form; the first to save wins, the second is
told the record changed since they opened it, and sees the decision now recorded."""

import re
from datetime import date

from django.test import Client
from django.urls import reverse

from oversight.accounts.testing import sign_in
from oversight.casework.models import Referral
from oversight.web.forms import RECORD_CHANGED
from oversight.web.tests.helpers import date_fields, error_summary, text

VERSION = re.compile(r'name="version" value="(\d+)"')


def opened(user, url: str) -> tuple[Client, str]:
    """A browser of their own, with the form open: the version the form carries."""
    client = sign_in(Client(), user)
    found = VERSION.search(client.get(url).content.decode())
    assert found, "the form carries no version"
    return client, found.group(1)


def decision(version: str, choice: str) -> dict[str, str]:
    return {"decision": choice, "version": version, "primary_need": "N1",
            **date_fields("decided_on", date(2025, 3, 12))}  # fmt: skip


def test_the_second_to_save_is_told_and_the_first_decision_stands(
    manager, service_manager, ben, ben_referral
):
    url = reverse("web:decide-referral", args=[ben.pk, ben_referral.pk])
    morgan, morgans_version = opened(manager, url)
    sunita, sunitas_version = opened(service_manager, url)
    assert morgans_version == sunitas_version

    saved = morgan.post(url, decision(morgans_version, "assessment"))
    assert saved.status_code == 302
    late = sunita.post(url, decision(sunitas_version, "nfa"))

    assert error_summary(late) == [("", RECORD_CHANGED)]
    assert "Decision Assessment (12 March 2025, Morgan Example)" in text(late)
    assert Referral.objects.get(pk=ben_referral.pk).decision == "assessment"
