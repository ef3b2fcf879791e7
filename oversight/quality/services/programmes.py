"""Creating audit programmes and drawing their samples, reproducibly and recorded."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from oversight.accounts.models import User
from oversight.quality.domains import STRATA, THEMES
from oversight.quality.models import AuditProgramme, Sample, SampledCase
from oversight.quality.sampling import Method, draw
from oversight.quality.services.errors import QualityError
from oversight.quality.services.population import candidates


@dataclass(frozen=True)
class ProgrammeFacts:
    name: str
    theme: str
    method: str = Method.RANDOM
    sample_size: int = 10
    stratify_by: str = ""
    target_indicator: str = ""
    questions: tuple[str, ...] = field(default_factory=tuple)
    allow_repeats: bool = False


def create_programme(facts: ProgrammeFacts, by: User) -> AuditProgramme:
    _check(facts)
    return AuditProgramme.objects.create(
        name=facts.name.strip(), theme=facts.theme, method=facts.method,
        sample_size=facts.sample_size, stratify_by=facts.stratify_by,
        target_indicator=facts.target_indicator,
        questions=[q.strip() for q in facts.questions if q.strip()],
        allow_repeats=facts.allow_repeats, created_by=by,
    )  # fmt: skip


def _check(facts: ProgrammeFacts) -> None:
    if not facts.name.strip():
        raise QualityError("name", "give the programme a name")
    if AuditProgramme.objects.filter(name=facts.name.strip()).exists():
        raise QualityError("name", f"there is already a programme called {facts.name!r}")
    if facts.theme not in THEMES:
        raise QualityError("theme", f"choose one of: {', '.join(THEMES)}")
    if facts.method not in set(Method):
        raise QualityError("method", f"choose one of: {', '.join(Method)}")
    if facts.method == Method.STRATIFIED and facts.stratify_by not in STRATA:
        raise QualityError("stratify_by", "a stratified sample needs strata: team or plan type")
    if facts.method == Method.TARGETED and not facts.target_indicator:
        raise QualityError("target_indicator", "a targeted sample needs the indicator to target")
    if not 1 <= facts.sample_size <= 500:
        raise QualityError("sample_size", "a sample has between 1 and 500 cases")


@transaction.atomic
def draw_sample(
    programme: AuditProgramme, start: date, end: date, by: User, seed: int | None = None
) -> Sample:
    """Draw and record a sample for the period; the seed makes it reproducible."""
    if end < start:
        raise QualityError("period_end", f"{end} is before the start of the period ({start})")
    seed = secrets.randbelow(2**31) if seed is None else seed
    pool = candidates(
        programme.theme, start, end, programme.stratify_by, programme.target_indicator
    )
    drawn = draw(
        pool, programme.sample_size, Method(programme.method), seed, _already(programme, start, end)
    )
    if not drawn:
        raise QualityError("period_end", "no case in the period fits this programme: nothing drawn")
    sample = Sample.objects.create(
        programme=programme, period_start=start, period_end=end, seed=seed,
        method=programme.method, stratify_by=programme.stratify_by,
        target_indicator=programme.target_indicator, population=len(pool), drawn_by=by,
    )  # fmt: skip
    SampledCase.objects.bulk_create(
        SampledCase(sample=sample, child_id=d.child_id, position=n, stratum=d.stratum, why=d.why)
        for n, d in enumerate(drawn, start=1)
    )
    return sample


def _already(programme: AuditProgramme, start: date, end: date) -> set[int]:
    """Children this programme drew in an overlapping period (unless repeats are allowed)."""
    if programme.allow_repeats:
        return set()
    overlapping = SampledCase.objects.filter(
        sample__programme=programme, sample__period_start__lte=end, sample__period_end__gte=start
    )
    return set(overlapping.values_list("child_id", flat=True))
