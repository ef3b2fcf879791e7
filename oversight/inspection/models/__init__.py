"""What the inspection capability keeps: LAs, their inspections, judgements, findings."""

from oversight.inspection.models.authorities import LocalAuthority
from oversight.inspection.models.inspections import (
    Finding,
    FindingKind,
    Inspection,
    Judgement,
    Source,
)

__all__ = ["Finding", "FindingKind", "Inspection", "Judgement", "LocalAuthority", "Source"]
