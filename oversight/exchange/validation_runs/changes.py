"""What changed between two validations of the same return: which findings are new, which
are still there, and which of the earlier ones are gone (fixed). Plain Python, no Django.

A finding is the same finding in both runs when its rule, kind, child, fields with their
values and message are the same. Its file and line are left out: a corrected file is often
saved under a new name, and fixing one child moves the lines of every child after it.
Findings that are the same are matched one for one, so two identical findings that become
one count as one fixed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from oversight.exchange.validation import Finding

NEW = "new"
STILL = "still"


def identity(finding: Finding) -> Hashable:
    """What makes two findings of two runs the same finding."""
    return (finding.rule, finding.kind, finding.child_id or "", finding.fields, finding.message)


@dataclass(frozen=True)
class Changes:
    """For each finding of the later run, NEW or STILL; and the earlier findings now gone."""

    marks: list[str]
    fixed: list[Finding]

    @property
    def new(self) -> int:
        return self.marks.count(NEW)


def compare(later: Sequence[Finding], earlier: Sequence[Finding]) -> Changes:
    waiting = Counter(identity(f) for f in earlier)
    marks = []
    for finding in later:
        key = identity(finding)
        marks.append(STILL if waiting[key] > 0 else NEW)
        waiting[key] -= 1
    fixed = []
    for finding in earlier:  # in the earlier run's order
        key = identity(finding)
        if waiting[key] > 0:
            fixed.append(finding)
            waiting[key] -= 1
    return Changes(marks, fixed)
