"""Front-door dip-sampling through the pages: drawn, re-decided blind, agreement by hand.

Three contacts decided in February 2025 (today is 12 March 2025, ``conftest``):

- A: Aisha (team 1), received 3 Feb, Morgan decided early help; the QA officer agrees.
- B: Aisha (team 1), received 10 Feb, Morgan decided information and advice; the QA
  officer would have referred: they disagree.
- C: Cara (team 2), received 5 Feb, Tess decided no further action; the QA officer agrees.

By hand: team 1 re-decided 2, agreed 1 (50%); team 2 re-decided 1, agreed 1 (100%);
Morgan 2 and 1; Tess 1 and 1; overall 3 re-decided, 2 agreed (67%).
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.models import Contact
from oversight.quality.models import DecisionSample, SampledDecision
from oversight.quality.summaries import front_door_agreement
from oversight.web.tests.conftest import person
from oversight.web.tests.helpers import date_fields, text

FEBRUARY = {**date_fields("period_start", date(2025, 2, 1)),
            **date_fields("period_end", date(2025, 2, 28))}  # fmt: skip


@pytest.fixture
def qa_officer(db) -> User:
    return person("quinn", Role.QA_OFFICER)


@pytest.fixture
def other_manager(other_team) -> User:
    return person("tess", Role.TEAM_MANAGER, team=other_team, service=other_team.service)


def _decided(child, team, by, received: date, outcome: str, summary: str) -> Contact:
    contact = services.record_contact(
        child, received_on=received, source_code="1A", team=team, summary=summary
    )
    services.decide_contact(contact, outcome=outcome, decided_on=received.replace(
        day=received.day + 1), by=by)  # fmt: skip
    return contact


@pytest.fixture
def decisions(aisha, cara, team, other_team, manager, other_manager) -> dict[str, Contact]:
    return {
        "A": _decided(aisha, team, manager, date(2025, 2, 3), "early_help", "Missed school."),
        "B": _decided(aisha, team, manager, date(2025, 2, 10), "advice", "Mother asks for help."),
        "C": _decided(cara, other_team, other_manager, date(2025, 2, 5), "nfa", "Anonymous call."),
    }


@pytest.fixture
def sample(signed_in, qa_officer, decisions) -> DecisionSample:
    form = {**FEBRUARY, "size": "10", "seed": "7"}
    response = signed_in(qa_officer).post(reverse("web:dip-sampling"), form)
    assert response.status_code == 302
    return DecisionSample.objects.get()


def position_of(sample: DecisionSample, contact: Contact) -> int:
    return SampledDecision.objects.get(sample=sample, contact=contact).position


def redecide_url(sample: DecisionSample, contact: Contact) -> str:
    return reverse("web:redecide", kwargs={"sample": sample.pk, "n": position_of(sample, contact)})


def test_drawing_a_sample_takes_every_decision_made_in_the_period(sample):
    assert sample.population == 3 and sample.seed == 7 and sample.decisions.count() == 3


def test_the_re_decision_page_never_shows_the_original_decision_before_it_is_saved(
    signed_in, qa_officer, sample, decisions
):
    response = signed_in(qa_officer).get(redecide_url(sample, decisions["B"]))
    html = response.content.decode()
    before_the_form = text(response).split("Your decision")[0]
    assert "Mother asks for help." in before_the_form
    assert "Information and advice" not in before_the_form  # only among the choices
    assert "checked" not in html
    assert "Morgan" not in html and "11 February 2025" not in html
    assert "Original decision" not in html


def test_once_saved_the_page_shows_both_decisions_and_that_they_differ(
    signed_in, qa_officer, sample, decisions
):
    url = redecide_url(sample, decisions["B"])
    answer = {"decision": "referral", "reason": "Repeated requests: assess."}
    response = signed_in(qa_officer).post(url, answer, follow=True)
    page = text(response)
    assert "Original decision Information and advice Morgan Example, Safeguarding 1" in page
    assert "Re-decision Referral to children's social care Quinn Example" in page
    assert "Decided differently" in page


def test_agreement_by_team_and_by_deciding_manager_is_as_worked_by_hand(
    signed_in, qa_officer, sample, decisions
):
    client = signed_in(qa_officer)
    for key, decision in [("A", "early_help"), ("B", "referral"), ("C", "nfa")]:
        client.post(redecide_url(sample, decisions[key]), {"decision": decision, "reason": "x"})
    agreement = front_door_agreement()
    assert (agreement.overall.redecided, agreement.overall.agreed) == (3, 2)
    by_team = {a.name: (a.redecided, a.agreed, a.rate) for a in agreement.by_team}
    assert by_team == {"Safeguarding 1": (2, 1, 0.5), "Safeguarding 2": (1, 1, 1.0)}
    by_manager = {a.name: (a.redecided, a.agreed) for a in agreement.by_manager}
    assert by_manager == {"Morgan Example": (2, 1), "Tess Example": (1, 1)}
    page = text(client.get(reverse("web:dip-sampling")))
    assert "All decisions 3 2 67%" in page and "Safeguarding 1 2 1 50%" in page
    csv = client.get(reverse("web:dip-sampling-csv")).content.decode("utf-8-sig")
    assert "Deciding manager,Tess Example,1,1,1.0" in csv


def test_the_decider_cannot_re_decide_their_own_decision(signed_in, manager, sample, decisions):
    url = redecide_url(sample, decisions["A"])
    response = signed_in(manager).post(url, {"decision": "nfa", "reason": "x"})
    assert "another auditor re-decides it" in text(response)


def test_a_manager_who_may_not_see_the_child_gets_no_link_to_the_record(
    signed_in, manager, sample, decisions
):
    response = signed_in(manager).get(redecide_url(sample, decisions["C"]))
    assert "Anonymous call." in text(response)
    assert "you do not have access to this child's record" in text(response)
    assert reverse("web:child", kwargs={"pk": decisions["C"].child_id}) not in (
        response.content.decode()
    )


@pytest.mark.parametrize("outsider", ["worker", "administrator", "iro"])
def test_practitioners_administrators_and_iros_are_refused(
    request, signed_in, sample, decisions, outsider
):
    user = request.getfixturevalue(outsider) if outsider != "iro" else person("ira", Role.IRO)
    client = signed_in(user)
    for url in [
        reverse("web:dip-sampling"),
        reverse("web:dip-sampling-csv"),
        reverse("web:dip-sample", kwargs={"sample": sample.pk}),
        redecide_url(sample, decisions["A"]),
    ]:
        assert client.get(url).status_code == 403, url
