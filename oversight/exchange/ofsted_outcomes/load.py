"""Load a reading of the published outcomes into the records, in one transaction.

Inspections go through ``inspection.services`` like any other; each is matched to what
is already held by its LA and report link, so loading the same files again changes
nothing. A published overall that departs from the framework's default is loaded as
published, with the reason that it is Ofsted's own judgement.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from django.db import transaction

from oversight.exchange.ofsted_outcomes.read import PublishedAuthority, PublishedInspection, Reading
from oversight.inspection.models import Inspection, LocalAuthority, Source
from oversight.inspection.services import (
    InspectionFacts,
    facts_of,
    record_inspection,
    replace_inspection,
)

PUBLISHED_REASON = "As published by Ofsted: the report gives the inspectors' reasons."


@dataclass
class Loaded:
    authorities: Counter[str] = field(default_factory=Counter)
    inspections: Counter[str] = field(default_factory=Counter)
    judgements: int = 0
    departures: list[str] = field(default_factory=list)


@transaction.atomic
def load(reading: Reading) -> Loaded:
    loaded = Loaded()
    by_urn = {la.urn: la for la in LocalAuthority.objects.all()}
    for published in reading.authorities:
        by_urn[published.urn] = _authority(published, by_urn.get(published.urn), loaded)
    held = {
        (i.la_id, i.report_url): i
        for i in Inspection.objects.filter(source=Source.PUBLISHED).prefetch_related(
            "judgements", "findings"
        )
    }
    for published in reading.inspections:
        la = by_urn[published.urn]
        facts = _facts(published)
        loaded.judgements += len(published.judgements)
        if published.departure:
            loaded.departures.append(
                f"{la.name}, published {published.published}: {published.departure}"
            )
        existing = held.get((la.pk, published.report_url))
        if existing is None:
            record_inspection(la, facts)
            loaded.inspections["added"] += 1
        elif facts_of(existing) != facts:
            replace_inspection(existing, facts)
            loaded.inspections["changed"] += 1
        else:
            loaded.inspections["unchanged"] += 1
    return loaded


def _authority(
    published: PublishedAuthority, existing: LocalAuthority | None, loaded: Loaded
) -> LocalAuthority:
    values = {key: value for key, value in asdict(published).items() if key != "urn"}
    if existing is None:
        loaded.authorities["added"] += 1
        return LocalAuthority.objects.create(urn=published.urn, **values)
    if all(getattr(existing, key) == value for key, value in values.items()):
        loaded.authorities["unchanged"] += 1
        return existing
    for key, value in values.items():
        setattr(existing, key, value)
    existing.save()
    loaded.authorities["changed"] += 1
    return existing


def _facts(published: PublishedInspection) -> InspectionFacts:
    return InspectionFacts(
        kind=published.kind,
        framework_key=published.framework,
        started=published.started,
        ended=published.ended,
        published=published.published,
        judgements=published.judgements,
        overall_reason=PUBLISHED_REASON if published.departure else "",
        report_url=published.report_url,
        lead_inspector=published.lead_inspector,
        source=Source.PUBLISHED,
        source_ref=published.source_ref,
    )
