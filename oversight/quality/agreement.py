"""How far two people grading the same work agree: moderation and dip-sampling statistics.

Pure Python. Grades are ordered best first (outstanding, good, requires improvement,
inadequate), so a change can be said to be up or down and by how many steps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

GRADES = ("outstanding", "good", "requires-improvement", "inadequate")


@dataclass(frozen=True)
class Agreement:
    pairs: int
    agreed: int
    within_one: int
    raised: int  # the second grade better than the first
    lowered: int
    kappa: float | None  # Cohen's kappa: agreement beyond what chance would give

    @property
    def rate(self) -> float | None:
        return self.agreed / self.pairs if self.pairs else None


def agreement(pairs: Sequence[tuple[str, str]], categories: Sequence[str] = GRADES) -> Agreement:
    """Agreement between first and second opinions, each pair (first, second)."""
    rank = {grade: n for n, grade in enumerate(categories)}
    agreed = sum(1 for first, second in pairs if first == second)
    within = sum(1 for first, second in pairs if abs(rank[first] - rank[second]) <= 1)
    raised = sum(1 for first, second in pairs if rank[second] < rank[first])
    lowered = sum(1 for first, second in pairs if rank[second] > rank[first])
    return Agreement(len(pairs), agreed, within, raised, lowered, kappa(pairs))


def kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa; None with no pairs, or when chance alone would always agree."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for first, second in pairs if first == second) / n
    firsts, seconds = Counter(f for f, _ in pairs), Counter(s for _, s in pairs)
    expected = sum(firsts[c] * seconds[c] for c in firsts) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)
