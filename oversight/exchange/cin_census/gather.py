"""Who and what is in a year's CIN census, gathered from the casework records.

A child is in the census when a CIN episode of theirs (a referral, until it closes) was
open at any time in the year: referred on or before 31 March and not closed before
1 April. The census sees the records as they stood at the reference date (31 March):
anything that happened later is left out, and a closure, authorisation, conference or
plan end after that day is returned blank. The child's UPN and date of death (by 31
March) are returned, or, for a child with no UPN, the reason the records can tell
(``_upn_unknown``). Within each episode of the year:

- assessments that ran at some time in the year (not completed before 1 April);
- section 47 enquiries started by the year end and not finished before it began, where
  an enquiry finishes at its initial conference or when it ends without one;
- CIN and child protection plans open at some time in the year, each in the episode
  during which it started; a plan's reviews are the review conferences held in the year;
- the number of the child's earlier child protection plans, from all of the records.

Children are read a chunk at a time, in LAchildID order, so memory stays small however
large the LA. What cannot be placed in the return (a plan that started in no episode of
the year) is reported in ``left_out``, never silently dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet

from oversight.casework.models import (
    Assessment,
    Child,
    Conference,
    ConferenceKind,
    Plan,
    PlanKind,
    Referral,
    ReferralDecision,
    S47Enquiry,
    S47Outcome,
)
from oversight.exchange.cin_census.census import (
    UPN_UNKNOWN_NEVER_AT_SCHOOL,
    UPN_UNKNOWN_NFA,
    UPN_UNKNOWN_NOT_AT_SCHOOL,
    CensusAssessment,
    CensusChild,
    CensusCinPlan,
    CensusCpPlan,
    CensusEpisode,
    CensusSection47,
    census_sex,
)
from oversight.exchange.cin_census.rules.upn import school_age_birth_date
from oversight.exchange.cin_census.spec import CensusPeriod

CHUNK = 500  # children per round of queries (SQLite allows 999 parameters)
# Front-door decisions after which children's social care takes no further action.
NO_FURTHER_ACTION = (ReferralDecision.NFA, ReferralDecision.EARLY_HELP)


@dataclass
class Gathering:
    """The census year being gathered, and what could not be placed in it."""

    period: CensusPeriod
    left_out: list[str] = field(default_factory=list)

    def by_end(self, day: date | None) -> date | None:
        """A date as known at the reference date: blank if it had not happened yet."""
        return day if day is not None and day <= self.period.end else None

    def in_year(self, start: date, end: date | None) -> bool:
        """Started by the year end and not ended before the year began."""
        return start <= self.period.end and (end is None or end >= self.period.start)


def children_in_census(period: CensusPeriod, children: QuerySet[Child]) -> QuerySet[Child]:
    """The children with a CIN episode open at some time in the year, by LAchildID."""
    open_in_year = Referral.objects.filter(received_on__lte=period.end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=period.start)
    )
    return children.filter(pk__in=open_in_year.values("child_id")).order_by("la_child_id")


def gather(
    period: CensusPeriod, children: QuerySet[Child], gathering: Gathering | None = None
) -> Iterator[CensusChild]:
    """Every child of the census year, with what the census returns about them."""
    gathering = gathering or Gathering(period)
    rows = list(children_in_census(period, children).values(*CHILD_FIELDS))
    for start in range(0, len(rows), CHUNK):
        yield from _chunk(gathering, rows[start : start + CHUNK])


CHILD_FIELDS = (
    "id", "la_child_id", "date_of_birth", "expected_date_of_birth", "sex", "ethnicity",
    "disabilities", "upn", "former_upn", "uasc", "died_on",
)  # fmt: skip


def _chunk(gathering: Gathering, rows: list[dict[str, Any]]) -> Iterator[CensusChild]:
    records = _Records.load(gathering, [row["id"] for row in rows])
    for row in rows:
        child = _child(gathering, row)
        episodes = records.referrals.get(row["id"], [])
        child.episodes = [records.episode(referral) for referral in episodes]
        records.place_plans(child, row["id"], episodes)
        if not child.upn:
            child.upn_unknown = _upn_unknown(gathering.period, child, row["uasc"])
        yield child


def _upn_unknown(period: CensusPeriod, child: CensusChild, uasc: bool) -> str:
    """Why a child has no UPN, when the records tell; blank if not (an unborn child needs
    no reason; for a child of school age, rule 8770Q asks the LA to find one)."""
    if child.episodes and all(e.referral_nfa for e in child.episodes):
        return UPN_UNKNOWN_NFA
    if child.birth is None:
        return ""
    if child.birth > school_age_birth_date(period.end):
        return UPN_UNKNOWN_NOT_AT_SCHOOL
    return UPN_UNKNOWN_NEVER_AT_SCHOOL if uasc else ""


def _child(gathering: Gathering, row: dict[str, Any]) -> CensusChild:
    born = gathering.by_end(row["date_of_birth"])
    # A child born after the reference date was unborn on it: the census returns the
    # expected date (the recorded birth if no expected date was kept) and sex U.
    expected = None
    if born is None:
        expected = row["expected_date_of_birth"] or row["date_of_birth"]
    codes = row["disabilities"].split() or ["NONE"]
    return CensusChild(
        la_child_id=row["la_child_id"],
        birth=born,
        expected_birth=expected,
        sex=census_sex(row["sex"], unborn=born is None),
        ethnicity=row["ethnicity"],
        disabilities=codes,
        upn=row["upn"],
        former_upn=row["former_upn"],
        died=gathering.by_end(row["died_on"]),
        record_id=row["id"],
    )


class _Records:
    """One chunk's records, fetched in a few queries and grouped for the census."""

    def __init__(self, gathering: Gathering) -> None:
        self.gathering = gathering
        self.referrals: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self.assessments: dict[int, list[CensusAssessment]] = defaultdict(list)
        self.section47s: dict[int, list[CensusSection47]] = defaultdict(list)
        self.plans: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self.cp_starts: dict[int, list[date]] = defaultdict(list)
        self.initial_categories: dict[tuple[int, date], str] = {}  # (child, day): category
        self.icpc_by_s47: dict[int, date] = {}
        self.unlinked_icpcs: dict[int, list[date]] = defaultdict(list)  # held with no S47
        self.reviews: dict[int, list[date]] = defaultdict(list)

    @classmethod
    def load(cls, gathering: Gathering, child_ids: list[int]) -> _Records:
        records = cls(gathering)
        records._load_referrals(child_ids)
        referral_ids = [r["id"] for rs in records.referrals.values() for r in rs]
        records._load_assessments(referral_ids)
        records._load_conferences(child_ids)
        records._load_section47s(referral_ids)
        records._load_plans(child_ids)
        return records

    def _load_referrals(self, child_ids: list[int]) -> None:
        period = self.gathering.period
        found = Referral.objects.filter(child_id__in=child_ids, received_on__lte=period.end)
        found = found.filter(Q(closed_on__isnull=True) | Q(closed_on__gte=period.start))
        fields = ("id", "child_id", "received_on", "source", "primary_need", "decision",
                  "decided_on", "closed_on", "reason_for_closure")  # fmt: skip
        for row in found.order_by("received_on", "id").values(*fields):
            self.referrals[row["child_id"]].append(row)

    def _load_assessments(self, referral_ids: list[int]) -> None:
        gathering = self.gathering
        found = Assessment.objects.filter(referral_id__in=referral_ids)
        fields = ("referral_id", "started_on", "completed_on", "authorised_on", "factors")
        for row in found.order_by("started_on", "id").values(*fields):
            done = row["authorised_on"] or row["completed_on"]
            if not gathering.in_year(row["started_on"], done):
                continue
            authorised = gathering.by_end(done)
            factors = row["factors"].split() if authorised else []
            self.assessments[row["referral_id"]].append(
                CensusAssessment(row["started_on"], authorised, factors)
            )

    def _load_conferences(self, child_ids: list[int]) -> None:
        period = self.gathering.period
        found = Conference.objects.filter(child_id__in=child_ids, held_on__lte=period.end)
        fields = ("child_id", "kind", "s47_id", "held_on", "category_of_abuse")
        for row in found.order_by("held_on", "id").values(*fields):
            child_id, held = row["child_id"], row["held_on"]
            if row["kind"] == ConferenceKind.REVIEW:
                if held >= period.start:
                    self.reviews[child_id].append(held)
                continue
            self.initial_categories[(child_id, held)] = row["category_of_abuse"]
            if row["s47_id"] is not None:
                self.icpc_by_s47.setdefault(row["s47_id"], held)
            elif held >= period.start:
                self.unlinked_icpcs[child_id].append(held)

    def _load_section47s(self, referral_ids: list[int]) -> None:
        found = S47Enquiry.objects.filter(strategy_discussion__referral_id__in=referral_ids)
        found = found.annotate(referral_id=F("strategy_discussion__referral_id"))
        fields = ("id", "referral_id", "started_on", "icpc_due", "completed_on", "outcome")
        for row in found.order_by("started_on", "id").values(*fields):
            section47 = self._section47(row, self.icpc_by_s47.get(row["id"]))
            if section47 is not None:
                self.section47s[row["referral_id"]].append(section47)

    def _section47(self, row: dict[str, Any], icpc: date | None) -> CensusSection47 | None:
        gathering = self.gathering
        ended_without_icpc = row["outcome"] in (S47Outcome.CIN, S47Outcome.NFA)
        finished = icpc or (row["completed_on"] if ended_without_icpc else None)
        if not gathering.in_year(row["started_on"], finished):
            return None
        not_required = ended_without_icpc and gathering.by_end(row["completed_on"]) is not None
        return CensusSection47(
            start=row["started_on"],
            icpc_target=row["icpc_due"],
            icpc=gathering.by_end(icpc),
            icpc_not_required=not_required,
        )

    def _load_plans(self, child_ids: list[int]) -> None:
        found = Plan.objects.filter(child_id__in=child_ids, kind__in=(PlanKind.CIN, PlanKind.CP))
        fields = ("child_id", "kind", "start_on", "end_on", "category_of_abuse")
        for row in found.order_by("start_on", "id").values(*fields):
            if row["kind"] == PlanKind.CP:
                self.cp_starts[row["child_id"]].append(row["start_on"])
            if self.gathering.in_year(row["start_on"], row["end_on"]):
                self.plans[row["child_id"]].append(row)

    def episode(self, referral: dict[str, Any]) -> CensusEpisode:
        by_end = self.gathering.by_end
        closure = by_end(referral["closed_on"])
        decided = by_end(referral["decided_on"])
        return CensusEpisode(
            referral_date=referral["received_on"],
            source=referral["source"],
            primary_need=referral["primary_need"],
            closure=closure,
            reason_for_closure=referral["reason_for_closure"] if closure else "",
            referral_nfa=decided is not None and referral["decision"] in NO_FURTHER_ACTION,
            assessments=self.assessments.get(referral["id"], []),
            section47s=self.section47s.get(referral["id"], []),
        )

    def place_plans(
        self, child: CensusChild, child_id: int, referrals: list[dict[str, Any]]
    ) -> None:
        """Put each plan, and each initial conference held with no enquiry, in the episode
        during which it started."""
        for held in self.unlinked_icpcs.get(child_id, []):
            episode = _episode_of(held, referrals, child.episodes)
            if episode is not None and episode.initial_cpc is None:
                episode.initial_cpc = held
            else:
                self.gathering.left_out.append(
                    f"child {child.la_child_id}: the initial conference of {held}, held with "
                    "no section 47 enquiry, has no episode of the year to go in (or its "
                    "episode has one already)"
                )
        for plan in self.plans.get(child_id, []):
            episode = _episode_of(plan["start_on"], referrals, child.episodes)
            if episode is None:
                self.gathering.left_out.append(
                    f"child {child.la_child_id}: the {plan['kind'].upper()} plan starting "
                    f"{plan['start_on']} started in no CIN episode open in the year"
                )
            elif plan["kind"] == PlanKind.CIN:
                episode.cin_plans.append(
                    CensusCinPlan(plan["start_on"], self.gathering.by_end(plan["end_on"]))
                )
            else:
                episode.cp_plans.append(self._cp_plan(child_id, plan))

    def _cp_plan(self, child_id: int, plan: dict[str, Any]) -> CensusCpPlan:
        start, end = plan["start_on"], self.gathering.by_end(plan["end_on"])
        latest = plan["category_of_abuse"]
        reviews = [
            day for day in self.reviews.get(child_id, [])
            if start < day and (end is None or day <= end)
        ]  # fmt: skip
        return CensusCpPlan(
            start=start,
            end=end,
            initial_category=self.initial_categories.get((child_id, start)) or latest,
            latest_category=latest,
            previous_plans=sum(1 for day in self.cp_starts[child_id] if day < start),
            reviews=reviews,
        )


def _episode_of(
    day: date, referrals: list[dict[str, Any]], episodes: list[CensusEpisode]
) -> CensusEpisode | None:
    """The latest episode referred on or before ``day`` and not closed before it."""
    found = None
    for referral, episode in zip(referrals, episodes, strict=True):
        closed = referral["closed_on"]
        if referral["received_on"] <= day and (closed is None or day <= closed):
            found = episode
    return found
