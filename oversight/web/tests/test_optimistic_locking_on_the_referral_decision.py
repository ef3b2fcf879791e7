from datetime import date

from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import Referral
from oversight.web.forms import RECORD_CHANGED
from oversight.web.tests.helpers import date_fields, error_summary, text


def decision(version: int, choice: str = "assessment") -> dict[str, str]:
    return {
        "decision": choice,
        "version": str(version),
        "primary_need": "N1",
        **date_fields("decided_on", date(2025, 3, 12)),
    }


def test_the_form_carries_the_version_it_was_opened_at(signed_in, manager, ben, ben_referral):
    url = reverse("web:decide-referral", args=[ben.pk, ben_referral.pk])
    html = signed_in(manager).get(url).content.decode()
    assert f'name="version" value="{ben_referral.version}"' in html


def test_a_decision_on_an_unchanged_referral_is_saved(signed_in, manager, ben, ben_referral):
    url = reverse("web:decide-referral", args=[ben.pk, ben_referral.pk])
    response = signed_in(manager).post(url, decision(ben_referral.version), follow=True)
    assert "Referral decision recorded for Ben Jones" in text(response)
    referral = Referral.objects.get(pk=ben_referral.pk)
    assert (referral.decision, referral.decided_by, referral.primary_need) == (
        "assessment",
        manager,
        "N1",
    )


def test_a_referral_changed_since_the_form_opened_is_not_saved(
    signed_in, manager, worker, ben, ben_referral
):
    opened_at = ben_referral.version
    services.close_episode(ben_referral, closed_on=date(2025, 3, 12), reason="RC8")  # someone else
    url = reverse("web:decide-referral", args=[ben.pk, ben_referral.pk])
    response = signed_in(manager).post(url, decision(opened_at))
    assert error_summary(response) == [("", RECORD_CHANGED)]
    assert Referral.objects.get(pk=ben_referral.pk).decision == ""
    # The form now carries the latest version, so trying again after checking works.
    assert f'name="version" value="{opened_at + 1}"' in response.content.decode()


def test_a_referral_decided_meanwhile_shows_the_other_decision(
    signed_in, manager, worker, ben, ben_referral
):
    opened_at = ben_referral.version
    services.decide_referral(ben_referral, decision="nfa", decided_on=date(2025, 3, 12), by=worker)
    url = reverse("web:decide-referral", args=[ben.pk, ben_referral.pk])
    response = signed_in(manager).post(url, decision(opened_at))
    assert error_summary(response) == [("", RECORD_CHANGED)]
    assert "Decision No further action (12 March 2025, Sam Example)" in text(response)
    assert Referral.objects.get(pk=ben_referral.pk).decision == "nfa"
