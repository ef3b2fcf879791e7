"""The national picture from the records: every LA's standing on a date, and its history."""

from __future__ import annotations

from datetime import date

from oversight.inspection.models import Inspection, LocalAuthority
from oversight.inspection.standing import Authority, Outcome, Picture, picture


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


def names() -> dict[str, str]:
    return dict(LocalAuthority.objects.values_list("urn", "name"))
