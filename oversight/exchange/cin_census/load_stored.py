"""What the records already hold for the children of a census file, found by LAchildID.

The importer matches each event of the file with a record of the same child on the same
dates (a referral by its date, an assessment by its referral and start, an enquiry by its
referral and start, a plan by its kind and start, a review conference by its day) and
records only what is not there, which makes importing a file again change nothing.
Records made during the import are added as they are made, so a later event of the same
file finds them too. The records are fetched a few queries per chunk of children.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from oversight.casework.models import (
    Assessment,
    Child,
    Conference,
    ConferenceKind,
    Plan,
    PlanKind,
    Referral,
    S47Enquiry,
)

CHUNK = 500  # children per query (SQLite allows 999 parameters)


class Stored:
    def __init__(self) -> None:
        self.children: dict[str, Child] = {}
        self.referrals: dict[int, list[Referral]] = defaultdict(list)  # by child
        self.assessments: dict[int, list[Assessment]] = defaultdict(list)  # by referral
        self.section47s: dict[int, list[S47Enquiry]] = defaultdict(list)  # by referral
        self.conferred: set[int] = set()  # enquiries that have had their initial conference
        self.plans: dict[int, list[Plan]] = defaultdict(list)  # by child: CIN and CP plans
        self.reviews: set[tuple[int, date]] = set()  # (child, day) of review conferences
        self.accounted_plans: set[int] = set()  # plans held before, or counted already

    @classmethod
    def load(cls, la_child_ids: list[str]) -> Stored:
        stored = cls()
        for start in range(0, len(la_child_ids), CHUNK):
            stored._load(la_child_ids[start : start + CHUNK])
        return stored

    def _load(self, la_child_ids: list[str]) -> None:
        children = list(Child.objects.filter(la_child_id__in=la_child_ids))
        if not children:
            return
        ids = [child.pk for child in children]
        self.children.update((child.la_child_id, child) for child in children)
        for referral in Referral.objects.filter(child_id__in=ids).order_by("received_on", "id"):
            self.referrals[referral.child_id].append(referral)
        for assessment in Assessment.objects.filter(child_id__in=ids).order_by("started_on"):
            self.assessments[assessment.referral_id].append(assessment)
        enquiries = S47Enquiry.objects.filter(child_id__in=ids).select_related(
            "strategy_discussion"
        )
        for s47 in enquiries.order_by("started_on", "id"):
            self.section47s[s47.strategy_discussion.referral_id].append(s47)
        conferences = Conference.objects.filter(child_id__in=ids)
        self.conferred.update(
            conferences.filter(kind=ConferenceKind.INITIAL, s47__isnull=False)
            .values_list("s47_id", flat=True)
        )  # fmt: skip
        self.reviews.update(
            conferences.filter(kind=ConferenceKind.REVIEW).values_list("child_id", "held_on")
        )
        kinds = (PlanKind.CIN, PlanKind.CP)
        for plan in Plan.objects.filter(child_id__in=ids, kind__in=kinds).order_by("start_on"):
            self.plans[plan.child_id].append(plan)
            self.accounted_plans.add(plan.pk)

    # Finding and adding ------------------------------------------------------------------

    def child(self, la_child_id: str) -> Child | None:
        return self.children.get(la_child_id)

    def add_child(self, child: Child) -> None:
        self.children[child.la_child_id] = child

    def referral(self, child_id: int, received_on: date) -> Referral | None:
        return next((r for r in self.referrals[child_id] if r.received_on == received_on), None)

    def add_referral(self, referral: Referral) -> None:
        self.referrals[referral.child_id].append(referral)

    def assessment(self, referral_id: int, started_on: date) -> Assessment | None:
        found = self.assessments[referral_id]
        return next((a for a in found if a.started_on == started_on), None)

    def add_assessment(self, assessment: Assessment) -> None:
        self.assessments[assessment.referral_id].append(assessment)

    def section47(self, referral_id: int, started_on: date) -> S47Enquiry | None:
        found = self.section47s[referral_id]
        return next((s for s in found if s.started_on == started_on), None)

    def add_section47(self, s47: S47Enquiry, referral_id: int) -> None:
        self.section47s[referral_id].append(s47)

    def has_initial_conference(self, s47_id: int) -> bool:
        return s47_id in self.conferred

    def add_initial_conference(self, s47_id: int) -> None:
        self.conferred.add(s47_id)

    def plans_of(self, child_id: int) -> list[Plan]:
        """The child's CIN and CP plans: the list itself, to which new plans are added."""
        return self.plans[child_id]

    def has_review(self, child_id: int, day: date) -> bool:
        return (child_id, day) in self.reviews

    def add_review(self, child_id: int, day: date) -> None:
        self.reviews.add((child_id, day))
