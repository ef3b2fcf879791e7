"""The national picture from the records: every LA's standing on a date, and its history."""

from __future__ import annotations

from datetime import date
from typing import Any

from oversight.inspection.models import Inspection, LocalAuthority
from oversight.inspection.standing import (
    Authority,
    Change,
    Outcome,
    Picture,
    Tally,
    changes,
    current,
    picture,
)


def authorities() -> list[Authority]:
    return [
        Authority(la.urn, la.name, la.region_name, la.established, la.abolished)
        for la in LocalAuthority.objects.all()
    ]


def outcome_of(inspection: Inspection) -> Outcome | None:
    """The standing's view of an inspection; None when it cannot be placed in time."""
    known_on = inspection.known_on
    if known_on is None:
        return None
    return Outcome(
        la=inspection.la.urn,
        framework=inspection.framework_key,
        kind=inspection.kind,
        known_on=known_on,
        judgements=inspection.grades(),
        ended=inspection.ended,
        ref=inspection.pk,
    )


def outcomes(la: LocalAuthority | None = None) -> list[Outcome]:
    found = Inspection.objects.select_related("la").prefetch_related("judgements")
    if la is not None:
        found = found.filter(la=la)
    return [o for o in map(outcome_of, found.order_by("pk")) if o is not None]


def national_picture(
    on: date, judgement: str = "overall", published_by: date | None = None
) -> Picture:
    return picture(authorities(), outcomes(), on, judgement, published_by)


def picture_since(
    on: date, since: date | None, judgement: str = "overall", published_by: date | None = None
) -> tuple[Picture, list[Change] | None]:
    """The picture on ``on`` and, with ``since``, the LAs whose grade changed since then.

    The records are read once for both days.
    """
    held, found = authorities(), outcomes()
    shown = picture(held, found, on, judgement, published_by)
    if since is None:
        return shown, None
    return shown, changes(picture(held, found, since, judgement, published_by), shown)


def names() -> dict[str, str]:
    return dict(LocalAuthority.objects.values_list("urn", "name"))


def tally_facts(tally: Tally) -> dict[str, Any]:
    """One tally as plain data: the shape the command line and the API both give."""
    share = tally.share_good_or_better
    return {
        "local_authorities": tally.graded + tally.not_graded,
        "graded": tally.graded,
        "not_graded": tally.not_graded,
        "counts": dict(tally.counts),
        "good_or_outstanding": tally.good_or_better,
        "share_good_or_outstanding": None if share is None else round(share, 4),
        "percent_good_or_outstanding": None if share is None else round(100 * share, 1),
    }


def picture_facts(
    shown: Picture, named: dict[str, str], found: list[Change] | None = None,
    since: date | None = None,
) -> dict[str, Any]:  # fmt: skip
    """The national picture as plain data, with the changes since an earlier date if given."""
    body = {"as_at": shown.on.isoformat(), "judgement": shown.judgement, **tally_facts(shown.tally)}
    body["regions"] = {region: tally_facts(tally) for region, tally in shown.regions.items()}
    body["inadequate"] = sorted(named[key] for key in shown.with_grade("inadequate"))
    body["not_graded_reasons"] = {named[key]: why for key, why in sorted(shown.reasons.items())}
    if found is not None and since is not None:
        body["since"] = since.isoformat()
        body["changes"] = [
            {"local_authority": named[c.la], "before": c.before, "after": c.after} for c in found
        ]
    return body


def current_inspections(la: LocalAuthority, on: date) -> list[Inspection]:
    """The LA's standing inspection, then each later visit: the findings still current."""
    refs = [outcome.ref for outcome in current(outcomes(la), on)]
    found = Inspection.objects.prefetch_related("judgements", "findings").in_bulk(refs)
    return [found[ref] for ref in refs if ref in found]  # type: ignore[index]
