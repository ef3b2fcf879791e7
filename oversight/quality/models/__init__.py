"""What quality assurance keeps: programmes and samples, audits, moderation, dip samples,
escalations."""

from oversight.quality.models.audits import (
    Audit,
    AuditAction,
    AuditStatus,
    DomainGrade,
    ModeratedDomain,
    Moderation,
)
from oversight.quality.models.escalations import Escalation, EscalationAbout
from oversight.quality.models.front_door import DecisionSample, SampledDecision
from oversight.quality.models.programmes import AuditProgramme, Sample, SampledCase

__all__ = [
    "Audit",
    "AuditAction",
    "AuditProgramme",
    "AuditStatus",
    "DecisionSample",
    "DomainGrade",
    "Escalation",
    "EscalationAbout",
    "ModeratedDomain",
    "Moderation",
    "Sample",
    "SampledCase",
    "SampledDecision",
]
