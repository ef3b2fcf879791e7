"""The front door's lists: contacts (1), early help (2) and referrals (3)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from oversight.casework.models import Contact, EarlyHelpEpisode, Referral, ReferralDecision
from oversight.exchange.annex_a.gather import (
    Context,
    Row,
    by_child,
    child_fields,
    child_row,
    in_year_to,
)


def contacts(context: Context) -> list[Row]:
    window = context.window()
    found = context.scoped(Contact.objects.filter(received_on__range=(window.first, window.last)))
    return [
        child_row(c, context) | {"contact_date": c["received_on"], "contact_source": c["source"]}
        for c in found.values(*child_fields(), "received_on", "source")
    ]


def early_help(context: Context) -> list[Row]:
    window, day = context.window(), context.as_at
    started = Q(started_on__range=(window.first, window.last))
    still_open = Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gte=day))
    found = context.scoped(EarlyHelpEpisode.objects.filter(started | still_open))
    return [
        child_row(e, context) | {
            "eh_start": e["started_on"],
            "eh_completed": context.known(e["assessment_completed_on"]),
            "eh_organisation": e["family_hub"] or e["lead_professional"],
        }
        for e in found.values(*child_fields(), "started_on", "assessment_completed_on",
                              "family_hub", "lead_professional")
    ]  # fmt: skip


def referrals(context: Context) -> list[Row]:
    window = context.window()
    found = context.scoped(Referral.objects.filter(received_on__range=(window.first, window.last)))
    earlier = _referral_dates(found)
    rows = []
    for r in found.values(*child_fields(), "received_on", "source", "decision", "decided_on"):
        dates = earlier.get(r["child_id"], [])
        rows.append(child_row(r, context) | {
            "referral_date": r["received_on"],
            "referral_source": r["source"],
            "referral_nfa": _nfa(r["decision"], context.known(r["decided_on"])),
            "referrals_12_months": in_year_to(dates, r["received_on"]) - 1,
        })  # fmt: skip
    return rows


def _nfa(decision: str, decided_on: object) -> str:
    if not decision or decided_on is None:
        return "U"  # not decided by the inspection date
    return "Y" if decision == ReferralDecision.NFA else "N"


def _referral_dates(listed: QuerySet[Referral]) -> dict[int, list[date]]:
    """Every referral date of the listed children, sorted, for counting the year before."""
    pairs = Referral.objects.filter(child_id__in=listed.values("child_id")).values_list(
        "child_id", "received_on"
    )
    return {child: sorted(days) for child, days in by_child(pairs).items()}
