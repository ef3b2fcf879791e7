"""The default for the overall judgement, and how a recorded one departs from it.

Ofsted's overall judgement is the inspectors' to make, so the rule is a *default*:
- a judgement in ``limiting`` graded inadequate makes the overall inadequate, always
  (ILACS: any practice judgement; SIF: help and protection, children looked after);
- a judgement in ``usually_limiting`` graded inadequate usually does (ILACS: the impact
  of leaders; Herefordshire 2018, Doncaster 2022 and Slough 2023 had leaders inadequate
  and overall requires improvement);
- otherwise the overall lies between the best and the worst of the other judgements,
  which every published ILACS and SIF report we hold bears out.

A recorded overall outside the allowed grades, or other than the usual one, is a
*departure*: it stands, but it needs a recorded reason and is shown as a difference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from oversight.inspection.frameworks.scales import Scale


@dataclass(frozen=True)
class Expectation:
    """What the rule expects of the overall judgement, given the others."""

    allowed: frozenset[str]
    usual: str | None
    because: str

    def departure(self, recorded: str, scale: Scale) -> str | None:
        """Why ``recorded`` differs from the default, or None when it does not."""
        if recorded not in self.allowed:
            allowed = ", ".join(scale.label(k) for k in sorted(self.allowed, key=scale.rank))
            return (
                f"{self.because}, so the overall would be {allowed}; "
                f"it was recorded as {scale.label(recorded)}"
            )
        if self.usual is not None and recorded != self.usual:
            return (
                f"{self.because}, which usually makes the overall {scale.label(self.usual)}; "
                f"it was recorded as {scale.label(recorded)}"
            )
        return None


@dataclass(frozen=True)
class OverallRule:
    """How a framework's overall judgement follows from its other judgements."""

    limiting: tuple[str, ...] = ()
    usually_limiting: tuple[str, ...] = ()
    bounded: bool = True

    def expect(
        self, judgements: Mapping[str, str], scale: Scale, names: Mapping[str, str]
    ) -> Expectation | None:
        """The expectation for the overall, from the graded judgements other than it.

        ``judgements`` maps area keys to grade keys; ``names`` maps area keys to the
        framework's words for them. None when there is nothing to go on.
        """
        graded = {area: grade for area, grade in judgements.items() if grade in scale}
        if not graded:
            return None
        worst = scale.worst
        for area in self.limiting:
            if graded.get(area) == worst:
                because = f"{names[area]} is {scale.label(worst)}"
                return Expectation(frozenset({worst}), worst, because)
        grades = list(graded.values())
        allowed = (
            scale.between(scale.best_of(grades), scale.worst_of(grades))
            if self.bounded
            else frozenset(scale.keys)
        )
        for area in self.usually_limiting:
            if graded.get(area) == worst:
                return Expectation(allowed, worst, f"{names[area]} is {scale.label(worst)}")
        return Expectation(
            allowed, None, "the overall lies between the best and the worst of the other judgements"
        )
