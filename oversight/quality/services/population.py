"""Who may be drawn: the cases a programme's theme looks at on a day, with their strata.

Targeted programmes flag the cases an indicator does not count in its latest refresh
(for oversight within policy: the cases whose oversight is overdue), with the reason.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from oversight.casework.models import Allocation, Contact, Plan, Referral
from oversight.performance.catalogue import UnknownIndicator, indicator
from oversight.performance.refresh import children_behind, latest_refresh
from oversight.quality.sampling import Candidate
from oversight.quality.services.errors import QualityError

PLAN_THEMES = {"cp-plans": "cp", "children-in-care": "care", "care-leavers": "pathway"}


def open_on(day: date) -> Q:
    return Q(start_on__lte=day) & (Q(end_on__isnull=True) | Q(end_on__gt=day))


def candidates(
    theme: str, start: date, end: date, stratify_by: str = "", target: str = ""
) -> list[Candidate]:
    """Every case the theme covers in the period, its stratum and whether it is targeted."""
    children = _children(theme, start, end)
    strata = _strata(children, end, stratify_by)
    flagged = _flagged(target) if target else {}
    return [
        Candidate(child, strata.get(child, ""), child in flagged, flagged.get(child, ""))
        for child in sorted(children)
    ]


def _strata(children: set[int], day: date, by: str) -> dict[int, str]:
    if by == "plan":
        kinds = _plan_kinds(children, day)
        return {child: kinds.get(child, "No open plan") for child in children}
    if by == "team":
        teams = _teams(children, day)
        return {child: teams.get(child, "No team") for child in children}
    return {}


def _children(theme: str, start: date, end: date) -> set[int]:
    if theme == "front-door":
        decided = Q(decided_on__gte=start, decided_on__lte=end)
        contacts = Contact.objects.filter(decided).values_list("child_id", flat=True)
        referrals = Referral.objects.filter(decided).values_list("child_id", flat=True)
        return set(contacts) | set(referrals)
    if theme in PLAN_THEMES:
        plans = Plan.objects.filter(open_on(end), kind=PLAN_THEMES[theme])
        return set(plans.values_list("child_id", flat=True))
    return set(Allocation.objects.filter(open_on(end)).values_list("child_id", flat=True))


def _teams(children: set[int], day: date) -> dict[int, str]:
    open_ = Allocation.objects.filter(open_on(day), child_id__in=children).order_by("start_on")
    return {child: team for child, team in open_.values_list("child_id", "team__name")}


def _plan_kinds(children: set[int], day: date) -> dict[int, str]:
    open_ = Plan.objects.filter(open_on(day), child_id__in=children).order_by("start_on")
    labels = dict(Plan._meta.get_field("kind").choices)  # type: ignore[arg-type]
    return {child: str(labels[kind]) for child, kind in open_.values_list("child_id", "kind")}


def _flagged(target: str) -> dict[int, str]:
    """The children most of whose units the indicator did not count in its latest refresh.

    A child visited twenty times with one visit missing its views is not a case "with"
    the problem; one whose views were missed at most visits is.
    """
    try:
        chosen = indicator(target)
    except UnknownIndicator:
        raise QualityError("target_indicator", f"'{target}' is not an indicator") from None
    if not chosen.counts_children:
        raise QualityError(
            "target_indicator",
            f"'{target}' counts workers, not children: target an indicator of children's work",
        )
    run = latest_refresh()
    if run is None:
        raise QualityError(
            "target_indicator", "the indicators have not been computed yet: refresh them first"
        )
    units: dict[int, list[bool]] = {}
    for unit in children_behind(run, chosen):
        units.setdefault(unit.child_id, []).append(unit.counted)
    return {
        child: f"{chosen.title}: {counted.count(False)} of {len(counted)} not counted"
        for child, counted in units.items()
        if 2 * counted.count(False) >= len(counted)
    }
