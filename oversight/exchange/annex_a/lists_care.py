"""Children in need (6), children in care (8) and care leavers (9).

A child in need's row is a CIN episode: the referral that opened it, until it closed,
unless it was only a referral: decided "no further action" or "early help", or still
awaiting its decision on the inspection date with nothing else under way (an
assessment or strategy discussion following it, or a plan or care during it). An
episode closed without a recorded decision (as an import may give it) is kept. A child
in care's row is their current (or latest) period of care: care episodes that follow
one another without a gap, the latest giving the legal status. Its health assessment
and dental check columns (named as the kinds of check) give the latest of each in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import DateField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Least

from oversight.casework.models import (
    Assessment,
    CareEpisode,
    CareLeaverStatus,
    HealthCheck,
    HealthCheckKind,
    MissingEpisode,
    PermanencePlan,
    Placement,
    Plan,
    PlanKind,
    Referral,
    ReferralDecision,
    Review,
    ReviewKind,
    StrategyDiscussion,
    Visit,
    VisitKind,
)
from oversight.exchange.annex_a.gather import (
    Context,
    Row,
    age_on,
    by_child,
    child_fields,
    child_row,
    latest,
    yes_no,
)
from oversight.exchange.annex_a.lists_protection import spanning
from oversight.exchange.annex_a.places import with_placement_places
from oversight.exchange.annex_a.windows import Rule, Window, chosen

# Plans that mean a child was receiving services, and decisions that end at the front door.
SERVICE_PLANS = (PlanKind.CIN, PlanKind.CP, PlanKind.CARE)
FRONT_DOOR_ONLY = (ReferralDecision.NFA, ReferralDecision.EARLY_HELP)
WENT_ON = (ReferralDecision.ASSESSMENT, ReferralDecision.STRATEGY)


def children_in_need(context: Context) -> list[Row]:
    day = context.as_at
    until = Least(Coalesce(OuterRef("closed_on"), Value(day)), Value(day), output_field=DateField())
    on_plan = Plan.objects.filter(
        child=OuterRef("child_id"), kind__in=SERVICE_PLANS, start_on__lte=until
    ).filter(Q(end_on__isnull=True) | Q(end_on__gte=OuterRef("received_on")))
    served = (
        Exists(Assessment.objects.filter(referral=OuterRef("pk"), started_on__lte=day))
        | Exists(StrategyDiscussion.objects.filter(referral=OuterRef("pk"), held_on__lte=day))
        | Exists(on_plan)
    )
    seen = Visit.objects.filter(
        child=OuterRef("child_id"), seen=True, visited_on__gte=OuterRef("received_on"),
        visited_on__lte=until,
    ).order_by("-visited_on")  # fmt: skip
    went_on = Q(decision__in=WENT_ON, decided_on__lte=day) | Q(closed_on__lte=day) | served
    episodes = Referral.objects.filter(
        spanning(context, "received_on", "closed_on"), went_on
    ).exclude(decision__in=FRONT_DOOR_ONLY)
    found = context.scoped(episodes).annotate(last_seen=Subquery(seen.values("visited_on")[:1]))
    status = _standing(context)
    rows = []
    for r in found.values(*child_fields(), "received_on", "primary_need", "closed_on",
                          "reason_for_closure", "last_seen"):  # fmt: skip
        closed = context.known(r["closed_on"])
        rows.append(child_row(r, context) | {
            "cin_start": r["received_on"],
            "primary_need": r["primary_need"],
            "last_seen": r["last_seen"],
            "cin_closed": closed,
            "closure_reason": r["reason_for_closure"] if closed else None,
            "case_status": "closed" if closed else status(r["child_id"]),
        })  # fmt: skip
    return rows


def _standing(context: Context) -> Callable[[int], str]:
    """Where an open episode's child stood on the date: in care, on a plan, or assessed."""
    day = context.as_at
    open_now = Q(end_on__isnull=True) | Q(end_on__gte=day)
    plans = by_child(
        Plan.objects.filter(open_now, start_on__lte=day).values_list("child_id", "kind")
    )
    in_care = set(
        CareEpisode.objects.filter(started_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .values_list("child_id", flat=True)
    )

    def status(child_id: int) -> str:
        kinds = plans.get(child_id, [])
        if child_id in in_care:
            return "looked_after"
        if PlanKind.CP in kinds:
            return "cp_plan"
        return "cin_plan" if PlanKind.CIN in kinds else "open_assessment"

    return status


@dataclass
class Period:
    """A period of care: consecutive episodes of one child, the last one current."""

    episodes: list[dict[str, Any]]

    @property
    def start(self) -> date:
        return self.episodes[0]["started_on"]

    @property
    def current(self) -> dict[str, Any]:
        return self.episodes[-1]


def periods_of_care(episodes: list[dict[str, Any]]) -> list[Period]:
    """One child's episodes (by start) grouped into periods: a gap ends a period."""
    periods: list[Period] = []
    for episode in episodes:
        if periods and periods[-1].current["ended_on"] == episode["started_on"]:
            periods[-1].episodes.append(episode)
        else:
            periods.append(Period([episode]))
    return periods


def children_in_care(context: Context) -> list[Row]:
    window, day = context.window(), context.as_at
    listed = context.scoped(
        CareEpisode.objects.filter(spanning(context, "started_on", "ended_on"))
    ).values("child_id")
    episodes = CareEpisode.objects.filter(child_id__in=listed, started_on__lte=day).order_by(
        "child_id", "started_on", "id"
    )
    history = _care_history(listed, day)
    rows = []
    for child_id, own in by_child((e["child_id"], e) for e in episodes.values(
        *child_fields(), "id", "started_on", "ended_on", "legal_status", "reason_ceased"
    )).items():  # fmt: skip
        periods = periods_of_care(own)
        period = periods[-1]
        ended = context.known(period.current["ended_on"])
        if ended is not None and ended < window.first:
            continue  # the latest period ended before the window (a later one is not known)
        rows.append(child_row(period.current, context)
                    | _period_columns(period, periods, history, child_id, context))  # fmt: skip
    return with_placement_places(rows)


def _period_columns(
    period: Period, periods: list[Period], history: dict[str, Any], child_id: int,
    context: Context,
) -> Row:  # fmt: skip
    day, current = context.as_at, period.current
    ended = context.known(current["ended_on"])
    until = min(ended or day, day)
    ids = {e["id"] for e in period.episodes}
    placements = [p for p in history["placements"].get(child_id, []) if p["episode_id"] in ids]
    placement = max(placements, key=lambda p: (p["started_on"], p["id"]), default=None)
    year = Window.months_to(day, 12)
    episodes = sorted(history["missing"].get(child_id, []), key=lambda m: m["started_on"])
    missing = [m for m in episodes if not m["away"]]
    last_missing = missing[-1] if missing else None
    checks = history["health"].get(child_id, [])
    return {
        "care_start": period.start,
        "category_of_need": history["needs"].get(child_id),
        "second_period": yes_no(any(
            p.current["ended_on"] is not None
            and Window.months_to(period.start, 12).first <= p.current["ended_on"] < period.start
            for p in periods[:-1]
        )),
        "legal_status_start": current["started_on"],
        "legal_status": current["legal_status"],
        "cla_latest_review": latest(history["reviews"].get(child_id, []), period.start, until),
        "iro_contact": latest(history["attended"].get(child_id, []), period.start, until),
        "cla_last_visit": latest(history["visits"].get(child_id, []), period.start, until),
        "permanence_plan": next((option for on, option in reversed(
            history["permanence"].get(child_id, [])) if period.start <= on <= until), None),
        **{kind: latest((on for of, on in checks if of == kind), period.start, until)
           for kind in HealthCheckKind.values},
        # A new legal status in the same placement starts a row of its own: the child
        # moved into each placement once.
        "placements_12_months": len({
            p["moved_in_on"] or p["started_on"]
            for p in history["placements"].get(child_id, [])
            if chosen(Rule.OPEN_OR_ENDED, year, p["started_on"], p["ended_on"])
        }),
        "care_ceased": ended,
        "ceased_reason": current["reason_ceased"] if ended else None,
        "placement_start": (placement["moved_in_on"] or placement["started_on"])
        if placement else None,
        "placement_type": placement["placement_type"] if placement else None,
        "placement_provider": placement["provider"] if placement else None,
        "placement_postcode": (placement["postcode"] or None) if placement else None,
        "placement_urn": (placement["urn"] or None) if placement else None,
        "missing_12_months": sum(year.holds(m["started_on"]) for m in missing),
        "absent_12_months": sum(year.holds(m["started_on"]) for m in episodes if m["away"]),
        "rhi_offered": yes_no(last_missing["interview_offered"]) if last_missing else None,
        "rhi_accepted": yes_no(context.known(last_missing["interview_on"]) is not None)
        if last_missing else None,
    }  # fmt: skip


def _care_history(listed: Any, day: date) -> dict[str, Any]:
    """Placements, reviews, visits, permanence plans, health checks, missing episodes and
    need of the listed children."""
    placements = Placement.objects.filter(episode__child_id__in=listed, started_on__lte=day)
    reviews = Review.objects.filter(child_id__in=listed, kind=ReviewKind.CLA, held_on__lte=day)
    visits = Visit.objects.filter(child_id__in=listed, kind=VisitKind.CLA, visited_on__lte=day)
    missing = MissingEpisode.objects.filter(child_id__in=listed, started_on__lte=day)
    permanence = PermanencePlan.objects.filter(child_id__in=listed, decided_on__lte=day)
    health = HealthCheck.objects.filter(child_id__in=listed, done_on__lte=day)
    needs = Referral.objects.filter(child_id__in=listed, received_on__lte=day).exclude(
        primary_need=""
    )
    return {
        "placements": by_child(
            (p["episode__child_id"], p)
            for p in placements.values(
                "id",
                "episode__child_id",
                "episode_id",
                "started_on",
                "ended_on",
                "placement_type",
                "provider",
                "postcode",
                "urn",
                "moved_in_on",
            )
        ),
        "reviews": by_child(reviews.values_list("child_id", "held_on")),
        "attended": by_child(
            reviews.filter(child_participated=True).values_list("child_id", "held_on")
        ),
        "permanence": by_child(
            (p[0], p[1:])
            for p in permanence.order_by("decided_on").values_list(
                "child_id", "decided_on", "option"
            )
        ),
        "visits": by_child(visits.values_list("child_id", "visited_on")),
        "health": by_child(
            (c, (kind, on)) for c, kind, on in health.values_list("child_id", "kind", "done_on")
        ),
        "missing": by_child(
            (m["child_id"], m)
            for m in missing.values(
                "child_id", "started_on", "away", "interview_offered", "interview_on"
            )
        ),
        "needs": dict(
            needs.order_by("child_id", "received_on").values_list("child_id", "primary_need")
        ),
    }


def care_leavers(context: Context) -> list[Row]:
    day = context.as_at
    plans = context.scoped(
        Plan.objects.filter(kind=PlanKind.PATHWAY, start_on__lte=day).filter(
            Q(end_on__isnull=True) | Q(end_on__gte=day)
        )
    )
    statuses = CareLeaverStatus.objects.filter(
        child_id__in=plans.values("child_id"), recorded_on__lte=day
    ).order_by("child_id", "recorded_on", "id")
    status = {s["child_id"]: s for s in statuses.values(
        "child_id", "in_touch", "accommodation", "accommodation_suitable", "activity")}  # fmt: skip
    rows: dict[int, Row] = {}
    for p in plans.values(*child_fields()):
        row = child_row(p, context)
        adult = age_on(p["child__date_of_birth"], day) >= 18
        rows[p["child_id"]] = row | {"eligibility": "former_relevant" if adult else "relevant"}
        rows[p["child_id"]] |= _leaver_status(status.get(p["child_id"]))
    return list(rows.values())


def _leaver_status(status: dict[str, Any] | None) -> Row:
    if status is None:
        return {}
    # SSDA903 accommodation codes are a type and a suitability digit ("U1"); "0": not known.
    accommodation = status["accommodation"] if status["accommodation"] not in ("", "0") else ""
    suitable = status["accommodation_suitable"]
    if suitable is None and accommodation[1:] in ("1", "2"):
        suitable = accommodation[1:] == "1"
    suitability = None if suitable is None or not accommodation else ("S" if suitable else "U")
    return {
        "in_touch": "YES" if status["in_touch"] else "NO",
        "accommodation": accommodation[:1] or None,
        "suitability": suitability,
        "activity": status["activity"] if status["activity"] not in ("", "0") else None,
    }
