"""What the inspection capability keeps: LAs, inspections, findings, and the LA's answers."""

from oversight.inspection.models.authorities import LocalAuthority
from oversight.inspection.models.inspections import (
    Finding,
    FindingKind,
    Inspection,
    Judgement,
    Source,
)
from oversight.inspection.models.plans import (
    ActionStatus,
    ActionUpdate,
    EvaluationArea,
    EvaluationStatus,
    Evidence,
    EvidenceKind,
    ImprovementAction,
    SelfEvaluation,
)

__all__ = [
    "ActionStatus",
    "ActionUpdate",
    "EvaluationArea",
    "EvaluationStatus",
    "Evidence",
    "EvidenceKind",
    "Finding",
    "FindingKind",
    "ImprovementAction",
    "Inspection",
    "Judgement",
    "LocalAuthority",
    "SelfEvaluation",
    "Source",
]
