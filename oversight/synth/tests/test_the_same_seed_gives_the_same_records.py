"""Generation is deterministic: the same seed, size, problems and day give the same records."""

import hashlib

from django.core.management import call_command

from oversight.casework import models
from oversight.synth import PROBLEMS, generate

from .conftest import SEED, TODAY


def _fingerprint() -> dict[str, str]:
    """A digest of each kind of record by its content (ids may differ between databases)."""
    queries = {
        "children": models.Child.objects.values_list(
            "la_child_id", "first_name", "last_name", "sex", "date_of_birth", "ethnicity"
        ),
        "allocations": models.Allocation.objects.values_list(
            "child__la_child_id", "team__name", "worker__username", "start_on", "end_on"
        ),
        "referrals": models.Referral.objects.values_list(
            "child__la_child_id", "received_on", "decision", "decided_on", "closed_on",
            "reason_for_closure",
        ),
        "visits": models.Visit.objects.values_list(
            "child__la_child_id", "kind", "visited_on", "due_on", "seen", "seen_alone", "views"
        ),
        "deadlines": models.Deadline.objects.values_list(
            "child__la_child_id", "rule", "started_on", "due_on", "met_on", "lapsed_on",
            "team__name", "worker__username",
        ),
        "oversight": models.OversightEntry.objects.values_list(
            "child__la_child_id", "recorded_on", "manager__username", "note"
        ),
        "care": models.Placement.objects.values_list(
            "episode__child__la_child_id", "started_on", "ended_on", "placement_type"
        ),
        "adopters": models.AdopterHousehold.objects.values_list(
            "family_id", "enquiry_on", "stage1_started_on", "stage1_ended_on",
            "stage2_started_on", "stage2_ended_on", "applied_on", "approved_on",
            "fostering_for_adoption", "left_on", "left_reason",
        ),
        "adopter_people": models.Adopter.objects.values_list(
            "household__family_id", "adopter_id", "first_name", "last_name", "sex", "ethnicity",
            "disabled",
        ),
        "permanence_plans": models.PermanencePlan.objects.values_list(
            "child__la_child_id", "plan__start_on", "option", "decided_on",
            "recorded_by__username",
        ),
        "matches": models.AdoptionDecision.objects.values_list(
            "child__la_child_id", "decided_on", "matched_on", "adopters_sex",
            "adopters_legal_status", "household__family_id",
        ),
    }  # fmt: skip
    return {
        name: hashlib.sha256(repr(sorted(rows, key=repr)).encode()).hexdigest()
        for name, rows in queries.items()
    }


def test_generating_again_in_one_process_gives_exactly_the_same_records(
    small_la, django_db_blocker
):
    # The shared LA was recorded by worker processes where the machine has two cores.
    with django_db_blocker.unblock():
        first = _fingerprint()
        call_command("flush", verbosity=0, interactive=False)
        again = generate(
            size="small", seed=SEED, problems=tuple(PROBLEMS), today=TODAY, processes=1
        )
        assert again.counts == small_la.counts
        assert again.problem_teams == small_la.problem_teams
        assert _fingerprint() == first
