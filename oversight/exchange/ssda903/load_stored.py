"""What the records already hold for the children of an SSDA903 return, found by child id.

The importer matches each row of the return with a record of the same child on the same
day (a placement by the day it began, a review by the day it was held, a missing period
by the day it began, a care leaver's status by its day, a year's outcomes by its 31
March, an allocation by its worker and the day it began) and records only what is not
there, which makes importing a return again change nothing. Records made during the
import are added as they are made, so a later row of the same return finds them too.
The records are fetched a few queries per chunk of children.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from oversight.accounts.models import User
from oversight.casework.models import (
    AdoptionDecision,
    Allocation,
    CareEpisode,
    CareLeaverStatus,
    Child,
    MissingEpisode,
    Placement,
    Plan,
    PlanKind,
    Referral,
    Review,
    ReviewKind,
    YearOutcomes,
)
from oversight.exchange.ssda903.care import category_of_need, in_touch_code

CHUNK = 500  # children per query (SQLite allows 999 parameters)


class Stored:
    def __init__(self) -> None:
        self.children: dict[str, Child] = {}
        self.episodes: dict[int, list[CareEpisode]] = defaultdict(list)  # by child
        self.placements: dict[int, list[Placement]] = defaultdict(list)  # by episode
        self.care_plans: dict[int, list[Plan]] = defaultdict(list)  # by child
        # Reviews, missing periods and statuses by (child, day), as the values compared;
        # a missing period's record is fetched only when the return ends it.
        self.reviews: dict[tuple[int, date], tuple[bool, bool, str]] = {}
        # (id, returned, away)
        self.missing: dict[tuple[int, date], tuple[int, date | None, bool]] = {}
        # A status as OC3 gives it: (IN_TOUCH, ACCOM, ACTIV).
        self.statuses: dict[tuple[int, date], tuple[str, str, str]] = {}
        self.outcomes: dict[tuple[int, date], YearOutcomes] = {}  # by (child, 31 March)
        self.needs: dict[int, list[tuple[date, str]]] = defaultdict(list)  # referrals' needs
        self.new_episodes: set[int] = set()  # care episodes made by this import
        self.allocations: dict[int, list[Allocation]] = defaultdict(list)  # by child
        self.decisions: dict[int, list[AdoptionDecision]] = defaultdict(list)  # by child
        # Workers by their Social Work England number, in capitals (the return's SW_ID).
        self.workers = {
            user.swe_number.upper(): user
            for user in User.objects.exclude(swe_number="").select_related("team")
        }

    @classmethod
    def load(cls, child_ids: list[str]) -> Stored:
        stored = cls()
        for start in range(0, len(child_ids), CHUNK):
            stored._load(child_ids[start : start + CHUNK])
        return stored

    def _load(self, child_ids: list[str]) -> None:
        children = list(Child.objects.filter(la_child_id__in=child_ids))
        if not children:
            return
        ids = [child.pk for child in children]
        self.children.update((child.la_child_id, child) for child in children)
        episodes = CareEpisode.objects.filter(child_id__in=ids).order_by("started_on", "id")
        for episode in episodes:
            self.episodes[episode.child_id].append(episode)
        placements = Placement.objects.filter(episode__child_id__in=ids)
        for placement in placements.order_by("started_on", "id"):
            self.placements[placement.episode_id].append(placement)
        plans = Plan.objects.filter(child_id__in=ids, kind=PlanKind.CARE)
        for plan in plans.order_by("start_on", "id"):
            self.care_plans[plan.child_id].append(plan)
        reviews = Review.objects.filter(child_id__in=ids, kind=ReviewKind.CLA)
        for child, day, *held in reviews.values_list(
            "child_id", "held_on", "child_participated", "views_recorded", "how_expressed"
        ):
            self.reviews.setdefault((child, day), tuple(held))
        missing = MissingEpisode.objects.filter(child_id__in=ids)
        for pk, child, day, returned, away in missing.values_list(
            "pk", "child_id", "started_on", "returned_on", "away"
        ):
            self.missing.setdefault((child, day), (pk, returned, away))
        statuses = CareLeaverStatus.objects.filter(child_id__in=ids)
        for child, day, in_touch, reason, *described in statuses.values_list(
            "child_id",
            "recorded_on",
            "in_touch",
            "not_in_touch_reason",
            "accommodation",
            "activity",
        ):
            self.statuses.setdefault((child, day), (in_touch_code(in_touch, reason), *described))
        for allocation in Allocation.objects.filter(child_id__in=ids).order_by("start_on", "id"):
            self.allocations[allocation.child_id].append(allocation)
        decisions = AdoptionDecision.objects.filter(child_id__in=ids)
        for decision in decisions.order_by("decided_on", "id"):
            self.decisions[decision.child_id].append(decision)
        for outcomes in YearOutcomes.objects.filter(child_id__in=ids):
            self.outcomes[(outcomes.child_id, outcomes.year_end)] = outcomes
        referrals = Referral.objects.filter(child_id__in=ids).exclude(primary_need="")
        for row in referrals.order_by("received_on", "id").values(
            "child_id", "received_on", "primary_need"
        ):
            self.needs[row["child_id"]].append((row["received_on"], row["primary_need"]))

    # Finding and adding ------------------------------------------------------------------

    def child(self, child_id: str) -> Child | None:
        return self.children.get(child_id)

    def add_child(self, child: Child) -> None:
        self.children[child.la_child_id] = child

    def placement_from(self, child_id: int, day: date) -> tuple[CareEpisode, Placement] | None:
        """The child's placement that began on ``day``, with its episode."""
        for episode in self.episodes[child_id]:
            for placement in self.placements[episode.pk]:
                if placement.started_on == day:
                    return episode, placement
        return None

    def episode_open_on(self, child_id: int, day: date) -> CareEpisode | None:
        """The child's care episode that began before ``day`` and had not ended by it."""
        found = [e for e in self.episodes[child_id]
                 if e.started_on <= day and (e.ended_on is None or e.ended_on > day)]  # fmt: skip
        return found[-1] if found else None

    def current_placement(self, episode: CareEpisode) -> Placement | None:
        placements = self.placements[episode.pk]
        return placements[-1] if placements else None

    def add_episode(self, episode: CareEpisode, placement: Placement, plan: Plan) -> None:
        self.new_episodes.add(episode.pk)
        self.episodes[episode.child_id].append(episode)
        self.episodes[episode.child_id].sort(key=lambda e: e.started_on)
        self.placements[episode.pk].append(placement)
        self.care_plans[episode.child_id].append(plan)

    def add_following_episode(self, episode: CareEpisode, placement: Placement) -> None:
        """An episode that continues the period of care (and its care plan) of the last."""
        self.new_episodes.add(episode.pk)
        self.episodes[episode.child_id].append(episode)
        self.episodes[episode.child_id].sort(key=lambda e: e.started_on)
        self.placements[episode.pk].append(placement)

    def add_placement(self, episode: CareEpisode, placement: Placement) -> None:
        self.placements[episode.pk].append(placement)

    def allocation_from(self, child_id: int, worker_id: int, day: date) -> Allocation | None:
        """The child's allocation to the worker that began on ``day``."""
        for allocation in self.allocations[child_id]:
            if allocation.worker_id == worker_id and allocation.start_on == day:
                return allocation
        return None

    def allocated_after(self, child_id: int, day: date) -> bool:
        return any(allocation.start_on > day for allocation in self.allocations[child_id])

    def current_allocation(self, child_id: int) -> Allocation | None:
        held = self.allocations[child_id]
        return held[-1] if held and held[-1].end_on is None else None

    def add_allocation(self, allocation: Allocation) -> None:
        """A new allocation, which ends the one before it (``services.allocate``)."""
        held = self.allocations[allocation.child_id]
        if held and held[-1].end_on is None:
            held[-1].end_on = allocation.start_on
        held.append(allocation)

    def care_plan(self, episode: CareEpisode) -> Plan | None:
        """The care plan the episode began with (the latest started by then)."""
        plans = [p for p in self.care_plans[episode.child_id] if p.start_on <= episode.started_on]
        return plans[-1] if plans else None

    def care_plan_on(self, child_id: int, day: date) -> Plan | None:
        plans = [p for p in self.care_plans[child_id]
                 if p.start_on <= day and (p.end_on is None or p.end_on >= day)]  # fmt: skip
        return plans[-1] if plans else None

    def category_of_need(self, episode: CareEpisode) -> str | None:
        """The category of need the writer returns for the episode's period of care."""
        began = episode.started_on
        for earlier in reversed(self.episodes[episode.child_id]):
            if earlier.ended_on == began:
                began = earlier.started_on
        return category_of_need(self.needs[episode.child_id], began)
