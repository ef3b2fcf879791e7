"""Adoption in a synthetic child's care: the decision that the child should be placed for
adoption, the placement order, the match with the adopters and the placement for adoption;
or, for a few young children who leave care otherwise, a decision later reversed.

Drawn from a stream of the child's own, so that adding it leaves the child's other
records as they were. The shares are stated assumptions, in the spirit of the DfE's
adoption figures: most adopters are a couple of a man and a woman, most married; about
one adoption in four is by the child's own foster carers (placed with them, A5), the
rest by adopters the child moves to (A6), found by the LA's own or a regional or
voluntary agency. The decision comes some months into care, the placement order (E1)
after it and before the placement, which is under the order (DfE rule 408); the match
comes a few weeks before the placement.

The adopters' sex and legal status drawn here stand when the adopters come from another
agency; a child matched with one of the LA's own approved households takes the
household's (``matching``), and the draws are made all the same, so that the child's
other records stay as they were.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from oversight.codes.groups import FOSTER_CARE
from oversight.synth.draws import Weights
from oversight.synth.world import next_wd

if TYPE_CHECKING:
    from oversight.synth.journey import JourneyPlanner

ADOPTERS = Weights({"MF": 80, "FF": 8, "MM": 7, "F1": 4, "M1": 1})
COUPLE_OF_ONE_GENDER = Weights({"L12": 40, "L2": 30, "L4": 30})
ADOPTERS_LEGAL_STATUS = {
    "MF": Weights({"L11": 70, "L3": 20, "L2": 10}), "FF": COUPLE_OF_ONE_GENDER,
    "MM": COUPLE_OF_ONE_GENDER, "F1": Weights({"L0": 1}), "M1": Weights({"L0": 1}),
}  # fmt: skip
BY_FOSTER_CARERS = 0.25
AGENCIES = Weights({"PR1": 60, "PR2": 15, "PR5": 25})
# Of children who start care under 5 and leave it other than by adoption.
REVERSED_SHARE = 0.08
REVERSAL_REASONS = Weights({"RD1": 30, "RD2": 25, "RD3": 30, "RD4": 15})


class AdoptionPlanner:
    """The adoption steps of one child's period in care."""

    def __init__(self, journey: JourneyPlanner) -> None:
        self.journey = journey
        self.rng = random.Random(f"adoption/{journey.child.index}")

    def plan(self, began: date, placed_on: date) -> None:
        """The steps before the placement for adoption on ``placed_on`` of a child in care
        from ``began``: the decision, the placement order and the match."""
        rng, journey = self.rng, self.journey
        decided = self._between(began, placed_on, 0.25, 0.55)
        order = self._between(decided, placed_on, 0.2, 0.6)
        matched = max(decided, next_wd(placed_on - timedelta(days=rng.randint(14, 56))))
        sex = ADOPTERS.draw(rng)
        journey.add(decided, "decide_adoption")
        journey.add(order, "change_legal_status", legal_status="E1")
        journey.add(min(matched, placed_on), "match_adoption", adopters_sex=sex,
                    adopters_legal_status=ADOPTERS_LEGAL_STATUS[sex].draw(rng))  # fmt: skip

    def placement(self, described: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
        """The placement for adoption: with the current foster carers (A5, the same
        provider), or with adopters the child moves to (A6)."""
        foster = current["placement_type"] in FOSTER_CARE
        if foster and self.rng.random() < BY_FOSTER_CARERS:
            return described | {"placement_type": "A5", "provider": current["provider"]}
        return described | {"placement_type": "A6", "provider": AGENCIES.draw(self.rng)}

    def maybe_reversed(self, began: date, until: date) -> None:
        """For a few young children who will leave care otherwise: a decision that they
        should be placed for adoption, reversed before they leave."""
        if self.rng.random() >= REVERSED_SHARE or (until - began).days < 120:
            return
        # Some months into care, and reversed within a year (the care plan changed).
        last = min(until, began + timedelta(days=2 * 365))
        decided = self._between(began, last, 0.15, 0.4)
        reversed_on = self._between(decided, min(last, decided + timedelta(days=365)), 0.2, 0.9)
        self.journey.add(decided, "decide_adoption")
        self.journey.add(reversed_on, "reverse_adoption", reason=REVERSAL_REASONS.draw(self.rng))

    def _between(self, first: date, last: date, low: float, high: float) -> date:
        """A working day from ``low`` to ``high`` of the way from ``first`` to ``last``,
        after ``first`` and before ``last``."""
        span = (last - first).days
        day = next_wd(first + timedelta(days=max(1, round(span * self.rng.uniform(low, high)))))
        return day if first < day < last else first + timedelta(days=max(1, span // 2))
