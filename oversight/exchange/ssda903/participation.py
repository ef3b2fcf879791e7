"""The child's participation in a review (PN0 to PN7), from and to what the records keep.

The records keep, for each review, whether the child took part and the child's voice:
whether views were recorded and how they were expressed. The return's code says the
same things in one: whether the child attended, and how their views reached the review.

- under 4 at the review: PN0, whatever was recorded;
- attended: spoke (or wrote) for themselves PN1, through an advocate PN2, symbolically
  (play, drawing, observed) PN3, no views conveyed PN4;
- did not attend: briefed an advocate PN5, views by another medium PN6, no views PN7.

Importing a code gives the fields that write it back as the same code (PN0 aside, which
follows from the child's age). No Django here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

UNDER_4 = "PN0"
SPOKE, PLAY, OBSERVED, ADVOCATE, WRITTEN = "spoke", "play", "observed", "advocate", "written"


def participation_code(
    born: date | None, held_on: date, participated: bool, views_recorded: bool, how: str
) -> str:
    """The PN code of a review held on ``held_on`` for a child born on ``born``."""
    if born is not None and _age(born, held_on) < 4:
        return UNDER_4
    if participated:
        if not views_recorded:
            return "PN4"
        return {ADVOCATE: "PN2", PLAY: "PN3", OBSERVED: "PN3"}.get(how, "PN1")
    if not views_recorded:
        return "PN7"
    return "PN5" if how == ADVOCATE else "PN6"


# What the records keep for each code: taking part, then the voice fields.
RECORDED: dict[str, tuple[bool, dict[str, Any]]] = {
    "PN0": (False, {}),
    "PN1": (True, {"seen": True, "views_recorded": True, "how_expressed": SPOKE}),
    "PN2": (True, {"seen": True, "views_recorded": True, "how_expressed": ADVOCATE}),
    "PN3": (True, {"seen": True, "views_recorded": True, "how_expressed": PLAY}),
    "PN4": (True, {"seen": True}),
    "PN5": (False, {"views_recorded": True, "how_expressed": ADVOCATE}),
    "PN6": (False, {"views_recorded": True, "how_expressed": WRITTEN}),
    "PN7": (False, {}),
}


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
