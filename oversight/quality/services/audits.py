"""Auditing a sampled case: grades by domain with evidence, an overall grade, actions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from oversight.accounts.models import User
from oversight.casework.models import Allocation
from oversight.casework.policy_rules import AUDITORS
from oversight.casework.services import close_follow_up, open_follow_up
from oversight.quality.domains import DOMAINS, GRADES, question_key
from oversight.quality.models import Audit, AuditAction, AuditStatus, DomainGrade, SampledCase
from oversight.quality.services.errors import QualityError
from oversight.quality.services.population import open_on


@dataclass(frozen=True)
class Graded:
    grade: str
    evidence: str


@dataclass(frozen=True)
class AuditFacts:
    grades: Mapping[str, Graded]
    overall: str
    summary: str = ""
    learning: tuple[str, ...] = field(default_factory=tuple)


def domains_of(case: SampledCase) -> dict[str, str]:
    """The domains an audit of this case grades: the common six, then the programme's own."""
    own = case.sample.programme.questions
    return DOMAINS | {question_key(n): text for n, text in enumerate(own, start=1)}


def start_audit(case: SampledCase, auditor: User) -> Audit:
    if auditor.role_enum not in AUDITORS:
        raise QualityError("auditor", f"a {auditor.role_enum.label.lower()} does not audit cases")
    if Audit.objects.filter(case=case).exists():
        raise QualityError("case", "this case already has an audit: open it")
    return Audit.objects.create(case=case, auditor=auditor)


@transaction.atomic
def complete_audit(audit: Audit, facts: AuditFacts, on: date) -> Audit:
    """Every domain graded with its evidence, and the overall: the audit is complete."""
    wanted = domains_of(audit.case)
    missing = [name for key, name in wanted.items() if key not in facts.grades]
    if missing:
        raise QualityError("grades", f"grade every domain; missing: {', '.join(missing)}")
    for key, graded in facts.grades.items():
        _check_grade(key if key in wanted else "grades", graded, key in wanted)
    if facts.overall not in GRADES:
        raise QualityError("overall", f"choose the overall grade: {', '.join(GRADES)}")
    audit.grades.all().delete()
    DomainGrade.objects.bulk_create(
        DomainGrade(audit=audit, domain=k, grade=g.grade, evidence=g.evidence.strip())
        for k, g in facts.grades.items()
    )
    audit.overall, audit.summary, audit.completed_on = facts.overall, facts.summary.strip(), on
    audit.learning = sorted({t.strip().lower() for t in facts.learning if t.strip()})
    audit.status, audit.team_id = AuditStatus.COMPLETE, _team_of(audit.case.child_id, on)
    audit.version += 1
    audit.save()
    return audit


def _check_grade(field: str, graded: Graded, known: bool) -> None:
    if not known:
        raise QualityError(field, "a grade was given for a domain this audit does not have")
    if graded.grade not in GRADES:
        raise QualityError(field, f"'{graded.grade}' is not a grade: {', '.join(GRADES)}")
    if not graded.evidence.strip():
        raise QualityError(field, "give the evidence for the grade: what in the record shows it")


def _team_of(child_id: int, on: date) -> int | None:
    found = Allocation.objects.filter(open_on(on), child_id=child_id).order_by("-start_on").first()
    return found.team_id if found else None


@transaction.atomic
def add_action(audit: Audit, text: str, owner: User, due_on: date, on: date) -> AuditAction:
    """An action for the case: on the worker's and manager's worklists until done."""
    if not text.strip():
        raise QualityError("text", "say what needs to be done")
    action = AuditAction.objects.create(audit=audit, text=text.strip(), owner=owner, due_on=due_on)
    action.deadline = open_follow_up(
        audit.case.child, rule="audit-action", start=on, due_on=due_on,
        subject=f"audit-action:{action.pk}",
    )  # fmt: skip
    action.save(update_fields=["deadline"])
    return action


@transaction.atomic
def complete_action(action: AuditAction, on: date) -> AuditAction:
    action.done_on = on
    action.save(update_fields=["done_on"])
    if action.deadline is not None:
        close_follow_up(action.deadline, on)
    return action
