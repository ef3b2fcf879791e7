"""Moderation: a second auditor grades a completed audit again; differences need reasons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from oversight.accounts.models import User
from oversight.quality.domains import GRADES
from oversight.quality.models import Audit, AuditStatus, ModeratedDomain, Moderation
from oversight.quality.services.audits import AUDITORS
from oversight.quality.services.errors import QualityError


@dataclass(frozen=True)
class Second:
    grade: str
    reason: str = ""


@transaction.atomic
def moderate(
    audit: Audit, moderator: User, grades: Mapping[str, Second], overall: Second, on: date
) -> Moderation:
    """Record the moderator's grades; a grade that differs from the auditor's needs a reason."""
    _check(audit, moderator)
    first = {g.domain: g.grade for g in audit.grades.all()}
    if set(grades) != set(first):
        raise QualityError("grades", "moderate every domain the audit graded, and no other")
    for domain, second in [*grades.items(), ("overall", overall)]:
        _check_second(domain, second, first.get(domain, audit.overall))
    moderation = Moderation.objects.create(
        audit=audit, moderator=moderator, moderated_on=on, overall=overall.grade,
        reason=overall.reason.strip(),
    )  # fmt: skip
    ModeratedDomain.objects.bulk_create(
        ModeratedDomain(moderation=moderation, domain=d, grade=s.grade, reason=s.reason.strip())
        for d, s in grades.items()
    )
    return moderation


def _check(audit: Audit, moderator: User) -> None:
    if audit.status != AuditStatus.COMPLETE:
        raise QualityError("audit", "only a completed audit can be moderated")
    if moderator.pk == audit.auditor_id:
        raise QualityError("moderator", "a second auditor moderates: not the one who audited")
    if moderator.role_enum not in AUDITORS:
        raise QualityError("moderator", f"a {moderator.role_enum.label.lower()} does not moderate")
    if Moderation.objects.filter(audit=audit).exists():
        raise QualityError("audit", "this audit has already been moderated")


def _check_second(field: str, second: Second, first: str) -> None:
    if second.grade not in GRADES:
        raise QualityError(field, f"'{second.grade}' is not a grade: {', '.join(GRADES)}")
    if second.grade != first and not second.reason.strip():
        raise QualityError(field, f"the grade differs from the auditor's ({first}): say why")
