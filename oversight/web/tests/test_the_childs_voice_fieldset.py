"""The child's voice is asked the same way wherever a form records it (one set of fields)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models.voice import VOICE_FIELDS
from oversight.web.forms.practice import VisitForm
from oversight.web.forms.voice import ChildsVoiceFields
from oversight.web.tests.helpers import error_summary, text, visit_form


def _answers(**changed: str) -> dict[str, str]:
    answers = {
        "seen": "yes",
        "seen_alone": "no",
        "views_recorded": "yes",
        "views": "I want my dad at my review.",
        "how_expressed": "advocate",
        "what_changed": "Dad was invited to the review.",
    }
    return {**answers, **changed}


class EventForm(ChildsVoiceFields):
    """Any event's form: nothing of its own but the voice."""


def test_the_voice_fields_clean_to_what_the_services_take():
    form = EventForm(_answers())
    assert form.is_valid(), form.errors
    assert form.voice() == {
        "seen": True,
        "seen_alone": False,
        "views_recorded": True,
        "views": "I want my dad at my review.",
        "how_expressed": "advocate",
        "what_changed": "Dad was invited to the review.",
    }


def test_answers_about_the_views_are_dropped_when_the_child_did_not_share_them():
    form = EventForm(_answers(views_recorded="no"))
    assert form.is_valid(), form.errors
    assert form.voice() == {
        "seen": True,
        "seen_alone": False,
        "views_recorded": False,
        "views": "",
        "how_expressed": "",
        "what_changed": "",
    }


@pytest.mark.parametrize(
    ("changed", "field", "message"),
    [
        ({"views": " "}, "views", "Enter the child's views, in their own words where you can"),
        ({"seen": "no", "seen_alone": "yes"}, "seen_alone", "A child seen alone must also"),
        ({"how_expressed": "sang"}, "how_expressed", "Select a valid choice"),
    ],
)
def test_the_voice_fields_refuse_what_the_services_would(changed, field, message):
    form = EventForm(_answers(**changed))
    assert not form.is_valid()
    assert form.errors[field][0].startswith(message)


def test_the_visit_form_asks_the_date_first_then_the_whole_voice():
    assert list(VisitForm().fields) == ["kind", "visited_on", *VOICE_FIELDS]


def test_the_visit_page_shows_the_voice_with_what_changed_revealed_by_yes(signed_in, worker, aisha):
    response = signed_in(worker).get(reverse("web:record-visit", args=[aisha.pk]))
    html = response.content.decode()
    named = set(re.findall(r'name="([a-z_]+)"', html))
    assert set(VOICE_FIELDS) <= named
    # The answers about the views sit inside the reveal of "Yes", before "No".
    revealed = html[html.index('id="conditional-id_views_recorded_0"') :]
    revealed = revealed[: revealed.index('id="id_views_recorded_1"')]
    assert set(re.findall(r'name="([a-z_]+)"', revealed)) == {
        "views",
        "how_expressed",
        "what_changed",
    }
    assert "What changed because of the child&#x27;s views (optional)" in revealed


def test_what_changed_because_of_the_childs_views_is_kept_with_the_visit(signed_in, worker, aisha):
    form = visit_form(date(2025, 3, 12), what_changed="Moved contact to Saturdays.")
    signed_in(worker).post(reverse("web:record-visit", args=[aisha.pk]), form)
    visit = aisha.visits.latest("visited_on")
    assert (visit.views, visit.what_changed) == (
        "I want to stay at my school",
        "Moved contact to Saturdays.",
    )


def test_the_visit_page_still_refuses_views_without_the_words(signed_in, worker, aisha):
    form = visit_form(date(2025, 3, 12), views="")
    response = signed_in(worker).post(reverse("web:record-visit", args=[aisha.pk]), form)
    assert ("#id_views", "Enter the child's views, in their own words where you can") in (
        error_summary(response)
    )


def test_the_record_shows_the_childs_views_heard_at_a_review(signed_in, worker, aisha):
    services.record_review(
        aisha, kind="cin", held_on=date(2025, 2, 10), seen=True, views_recorded=True,
        views="I want to do my homework at nan's", how_expressed="spoke",
    )  # fmt: skip
    page = text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
    assert "Child took part: No. The child's views: “I want to do my homework at nan's”" in page
