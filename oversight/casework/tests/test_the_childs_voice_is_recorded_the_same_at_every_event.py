"""The child's voice at visits, assessments, conferences and reviews: one set of rules."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Assessment, Conference, Review, Visit
from oversight.casework.services import CaseworkError

HEARD = {
    "seen": True,
    "seen_alone": True,
    "views_recorded": True,
    "views": "I want to see my brother more.",
    "how_expressed": "spoke",
    "what_changed": "Contact with his brother moved to every week.",
}
NOT_RECORDED = {
    "seen": False,
    "seen_alone": False,
    "views_recorded": False,
    "views": "",
    "how_expressed": "",
    "what_changed": "",
}


def _referral(child, on: date, decision: str):
    referral = services.record_referral(child, received_on=on, source_code="5A")
    services.decide_referral(referral, decision=decision, decided_on=on)
    return referral


def _s47(child):
    referral = _referral(child, date(2024, 4, 2), "strategy")
    return services.record_strategy_discussion(referral, held_on=date(2024, 4, 2))[1]


def visit(child, **voice):
    return services.record_visit(child, kind="cin", visited_on=date(2024, 5, 1), **voice)


def assessment(child, **voice):
    _referral(child, date(2024, 4, 2), "assessment")
    done = Assessment.objects.get(child=child)
    services.complete_assessment(done, completed_on=date(2024, 5, 1), outcome="nfa", **voice)
    return done


def initial_conference(child, **voice):
    conference, _ = services.hold_initial_conference(
        _s47(child), held_on=date(2024, 4, 19), plan_required=False, **voice
    )
    return conference


def review_conference(child, **voice):
    _, plan = services.hold_initial_conference(
        _s47(child), held_on=date(2024, 4, 19), plan_required=True, category_of_abuse="NEG"
    )
    return services.hold_review_conference(
        plan, held_on=date(2024, 7, 15), plan_continues=True, **voice
    )


def care_review(child, **voice):
    _, _, plan = services.start_care_episode(
        child, started_on=date(2024, 4, 2), legal_status="C2", placement_type="U1"
    )
    return services.record_review(child, kind="cla", held_on=date(2024, 4, 25), plan=plan, **voice)


def pathway_review(child, **voice):
    return services.record_review(child, kind="pathway", held_on=date(2024, 4, 25), **voice)


EVENTS = [visit, assessment, initial_conference, review_conference, care_review, pathway_review]
MODELS = {
    visit: Visit,
    assessment: Assessment,
    initial_conference: Conference,
    review_conference: Conference,
    care_review: Review,
    pathway_review: Review,
}


def _voice(record) -> dict:
    stored = type(record).objects.get(pk=record.pk)
    return {name: getattr(stored, name) for name in HEARD}


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.__name__)
def test_every_event_keeps_what_the_child_said_how_and_what_changed(child, event):
    assert _voice(event(child, **HEARD)) == HEARD


@pytest.mark.parametrize("event", EVENTS[1:], ids=lambda e: e.__name__)
def test_an_event_says_nothing_of_the_child_unless_someone_recorded_it(child, event):
    assert _voice(event(child)) == NOT_RECORDED


def test_a_visit_sees_the_child_unless_it_says_otherwise(child):
    assert _voice(visit(child)) == {**NOT_RECORDED, "seen": True}


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.__name__)
def test_a_child_seen_alone_must_have_been_seen(child, event):
    with pytest.raises(CaseworkError, match="seen alone must also be recorded as seen") as refused:
        event(child, seen=False, seen_alone=True)
    assert refused.value.field == "seen_alone"


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.__name__)
def test_views_recorded_on_the_web_need_the_childs_own_words(child, event):
    with pytest.raises(CaseworkError, match="write down the child's views") as refused:
        event(child, seen=True, views_recorded=True, views="  ")
    assert refused.value.field == "views"


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.__name__)
def test_how_the_child_expressed_their_views_is_one_of_the_choices(child, event):
    with pytest.raises(CaseworkError, match="'sang' is not one of") as refused:
        event(child, seen=True, views_recorded=True, views="A song", how_expressed="sang")
    assert refused.value.field == "how_expressed"


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.__name__)
def test_views_cannot_be_written_down_without_saying_they_were_recorded(child, event):
    with pytest.raises(CaseworkError, match="views were heard") as refused:
        event(child, seen=True, views="Said he was fine.")
    assert refused.value.field == "views_recorded"


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.__name__)
def test_a_refused_voice_leaves_no_record_of_the_event(child, event):
    with pytest.raises(CaseworkError):
        event(child, seen=False, seen_alone=True)
    model = MODELS[event]
    if model is Assessment:  # the assessment started; its completion was refused
        assert Assessment.objects.get(child=child).completed_on is None
    elif event is review_conference:  # only the initial conference was held
        assert list(Conference.objects.values_list("kind", flat=True)) == ["initial"]
    else:
        assert not model.objects.exists()


def test_an_import_may_record_that_views_were_heard_without_their_words(child):
    review = pathway_review(child, seen=True, views_recorded=True, origin="import")
    assert (review.views_recorded, review.views) == (True, "")


def test_a_voice_field_the_services_do_not_know_is_a_programming_error(child):
    with pytest.raises(TypeError, match="unknown voice fields: wishes"):
        pathway_review(child, wishes="to stay")
