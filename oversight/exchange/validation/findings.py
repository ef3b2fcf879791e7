"""Findings: what a rule found, about which child, where, with the fields and values involved."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

ERROR = "error"
QUERY = "query"
FAILURE = "not checked"  # a rule that raised: never reported as passed


class Finding(NamedTuple):
    """One finding. A named tuple, not a dataclass: a large return has hundreds of
    thousands of findings, and a tuple is several times quicker to make."""

    rule: str
    kind: str
    message: str
    child_id: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    line: int | None = None
    file: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "message": self.message,
            "child_id": self.child_id,
            "fields": dict(self.fields),
            "file": self.file,
            "line": self.line,
        }


@dataclass
class Report:
    """Every finding of one validation, and which rules could not be checked."""

    findings: list[Finding] = field(default_factory=list)
    rules_run: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == ERROR]

    @property
    def queries(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == QUERY]

    @property
    def failures(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == FAILURE]

    def counts(self) -> Counter[str]:
        return Counter(f.rule for f in self.findings)

    @property
    def exit_status(self) -> int:
        """0 when there is no error (queries allowed), 1 when there is an error or a rule failed."""
        return 1 if self.errors or self.failures else 0
