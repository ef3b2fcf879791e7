"""The bulk path runs the same services: it must leave exactly the same records."""

from datetime import date

from django.apps import apps

from oversight.casework import services
from oversight.casework.models import AdopterHousehold, Child, Deadline, Plan, Visit
from oversight.casework.models.base import Recorded
from oversight.casework.services.bulk import INSERT_ORDER, SUBJECT_MODELS, Renumbering

from .conftest import make_child


def _journey(team, worker, la_child_id: str) -> None:
    child = make_child(la_child_id)
    services.allocate(child, team, worker, on=date(2023, 1, 2))
    referral = services.record_referral(child, received_on=date(2023, 4, 26), source_code="5A")
    services.decide_referral(referral, decision="strategy", decided_on=date(2023, 4, 26))
    _, s47 = services.record_strategy_discussion(referral, held_on=date(2023, 4, 26))
    _, plan = services.hold_initial_conference(
        s47, held_on=date(2023, 5, 19), plan_required=True, category_of_abuse="NEG"
    )
    services.record_visit(child, kind="cp", visited_on=date(2023, 6, 7), plan=plan, origin="synth")
    services.record_visit(child, kind="cp", visited_on=date(2023, 6, 20), plan=plan, origin="synth")
    services.hold_review_conference(plan, held_on=date(2023, 8, 18), plan_continues=True)


def _deadlines(la_child_id: str) -> list[tuple]:
    rows = Deadline.objects.filter(child__la_child_id=la_child_id).order_by("rule", "started_on")
    return [(d.rule, d.started_on, d.due_on, d.met_on, d.lapsed_on, d.worker_id) for d in rows]


def test_a_journey_recorded_in_a_batch_matches_one_recorded_event_by_event(team, worker):
    _journey(team, worker, "C-immediate")
    with services.batch():
        _journey(team, worker, "C-batch")
        assert not Child.objects.filter(la_child_id="C-batch").exists()  # not written yet
    assert _deadlines("C-batch") == _deadlines("C-immediate")
    assert len(_deadlines("C-batch")) == 8
    assert Visit.objects.filter(child__la_child_id="C-batch").count() == 2
    assert Plan.objects.get(child__la_child_id="C-batch").end_on is None


def test_a_batch_can_continue_a_journey_stored_before_it(team, worker):
    child = make_child("C-2")
    services.allocate(child, team, worker, on=date(2023, 1, 2))
    plan = services.start_plan(child, kind="cin", start_on=date(2024, 1, 10))
    with services.batch():
        services.record_visit(child, kind="cin", visited_on=date(2024, 2, 1), plan=plan)
    cin_visits = Deadline.objects.filter(child=child, rule="cin-visit").order_by("started_on")
    # 20 working days from Wed 10 Jan 2024 is Wed 7 Feb; the next from Thu 1 Feb is Thu 29 Feb.
    assert [(d.due_on, d.met_on) for d in cin_visits] == [
        (date(2024, 2, 7), date(2024, 2, 1)),
        (date(2024, 2, 29), None),
    ]


def test_a_failed_batch_writes_nothing(team, worker):
    try:
        with services.batch():
            _journey(team, worker, "C-fail")
            raise RuntimeError("the import failed half way")
    except RuntimeError:
        pass
    assert not Child.objects.filter(la_child_id="C-fail").exists()
    assert not Deadline.objects.exists()


def test_a_journey_recorded_detached_and_renumbered_matches_one_recorded_directly(team, worker):
    _journey(team, worker, "C-immediate")
    with services.detached_batch() as detached:
        _journey(team, worker, "C-detached")
    exported = detached.export()
    assert min(row[0] for row in exported["deadline"]) < 0  # local numbers until inserted
    Renumbering().insert(exported)
    assert _deadlines("C-detached") == _deadlines("C-immediate")
    child = Child.objects.get(la_child_id="C-detached")
    for deadline in Deadline.objects.filter(child=child):
        kind, number = deadline.subject.split(":")
        subject = apps.get_model("casework", SUBJECT_MODELS[kind]).objects.get(pk=int(number))
        assert getattr(subject, "child_id", None) in (child.pk, None)


def test_two_detached_batches_inserted_in_turn_get_distinct_ids(team, worker):
    numbering = Renumbering()
    for la_child_id in ("C-a", "C-b"):
        with services.detached_batch() as detached:
            _journey(team, worker, la_child_id)
        numbering.insert(detached.export())
    assert Child.objects.filter(la_child_id__in=["C-a", "C-b"]).count() == 2
    assert _deadlines("C-a") == _deadlines("C-b")


def test_a_batch_asks_for_a_stored_childs_allocation_once(team, worker, django_assert_num_queries):
    child = make_child("C-3")  # stored, never allocated
    with services.batch() as writer, django_assert_num_queries(1):
        assert writer.current_allocation(child.id) is None
        assert writer.current_allocation(child.id) is None


def test_a_batch_writes_prospective_adopters_and_knows_a_place_for_every_record(db):
    with services.batch():
        services.record_adopter_enquiry(
            family_id="F1", enquiry_on=date(2024, 1, 15),
            adopters=[services.AdopterDetails("P1", "Jo", "Example", "2", "WBRI"),
                      services.AdopterDetails("P2", "Sam", "Example", "1", "WBRI")],
        )  # fmt: skip
    assert list(AdopterHousehold.objects.get().adopters.values_list("adopter_id", flat=True)) == [
        "P1", "P2"
    ]  # fmt: skip
    # Every record a service writes has its place in a batch's inserts (none is dropped).
    recorded = {m._meta.model_name for m in apps.get_app_config("casework").get_models()
                if issubclass(m, Recorded) or m is Deadline}  # fmt: skip
    assert recorded - set(INSERT_ORDER) == set()
