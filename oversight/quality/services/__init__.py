"""The one write path of quality assurance: each service checks, then saves.

Refusals are ``QualityError`` (a ``CaseworkError``: field, message, what to do).
"""

from oversight.quality.services.audits import (
    AuditFacts,
    Graded,
    add_action,
    complete_action,
    complete_audit,
    domains_of,
    start_audit,
)
from oversight.quality.services.errors import QualityError
from oversight.quality.services.escalations import raise_escalation, resolve, respond
from oversight.quality.services.front_door import choices_for, draw_decisions, redecide
from oversight.quality.services.moderation import Second, moderate
from oversight.quality.services.programmes import ProgrammeFacts, create_programme, draw_sample

__all__ = [
    "AuditFacts",
    "Graded",
    "ProgrammeFacts",
    "QualityError",
    "Second",
    "add_action",
    "choices_for",
    "complete_action",
    "complete_audit",
    "create_programme",
    "domains_of",
    "draw_decisions",
    "draw_sample",
    "moderate",
    "raise_escalation",
    "redecide",
    "resolve",
    "respond",
    "start_audit",
]
