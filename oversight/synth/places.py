"""Where a synthetic child in care lives: the home postcode, and each placement's postcode
and Ofsted URN. All invented: the postcode areas are ones the UK does not use (NF inside
the LA, XF outside it), and the URNs are "SC9" numbers of made-up provisions.

Drawn from a stream of the child's own, so that adding them leaves the child's other
records as they were. Foster carers of one service share its URN and each household has
its own postcode; a children's home, a supported accommodation provider or an adoption
agency has one URN and one postcode. A child placed with parents is at home; a placement
Ofsted does not register (with parents, in lodgings, temporary, other) has the DfE's
XXXXXXX for its URN. The shares of placements outside the LA are assumptions, in the
spirit of the DfE's figures (about two in five children in care live outside their LA).
"""

from __future__ import annotations

import random
from typing import Any

from oversight.codes.groups import FOSTER_CARE, WITH_FOSTER_CARERS
from oversight.codes.places import NO_URN, PLACEMENTS_WITHOUT_URN

INSIDE, OUTSIDE = "NF", "XF"
# How many provisions of each kind there are to be placed with, by its URN's prefix.
POOLS = {"foster": ("SC91", 20), "home": ("SC92", 60), "supported": ("SC94", 25),
         "adoption": ("SC95", 8), "other": ("SC96", 40)}  # fmt: skip
OWN_FOSTERING = "SC900001"  # the LA's own fostering service
OUTSIDE_SHARE = {"PR1": 0.15, "PR2": 0.8, "PR3": 0.5, "PR4": 0.55, "PR5": 0.5}
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters an inward code may end in


class Places:
    """One child's home and placements, as postcodes and URNs."""

    def __init__(self, rng: random.Random, locality: int) -> None:
        self.rng, self.locality = rng, locality
        self.home = self._postcode(INSIDE, district=locality + 1)

    def where(self, placement_type: str, provider: str, current: Any = None) -> dict[str, str]:
        """``postcode`` and ``urn`` for a new placement; ``current`` (the placement the
        child moves from) keeps its carers' postcode for a placement with them."""
        if placement_type in WITH_FOSTER_CARERS and current is not None:
            return {"postcode": current.postcode, "urn": current.urn}
        if placement_type == "P1":
            return {"postcode": self.home, "urn": NO_URN}
        outside = self.rng.random() < OUTSIDE_SHARE.get(provider, 0.3)
        if placement_type in PLACEMENTS_WITHOUT_URN:
            return {"postcode": self._away(outside), "urn": NO_URN}
        if placement_type in FOSTER_CARE and provider == "PR1":
            return {"postcode": self._away(outside), "urn": OWN_FOSTERING}
        prefix, size = POOLS[_kind(placement_type)]
        number = self.rng.randrange(size)
        urn = f"{prefix}{number:04d}"
        if placement_type in FOSTER_CARE:  # an agency's carers: a household of their own
            return {"postcode": self._away(outside), "urn": urn}
        # A provision is always at one place: its postcode follows from its URN.
        return {"postcode": _provision_postcode(urn), "urn": urn}

    def _away(self, outside: bool) -> str:
        """A postcode other than the child's home."""
        while True:
            found = self._postcode(OUTSIDE if outside else INSIDE)
            if found != self.home:
                return found

    def _postcode(self, area: str, district: int | None = None) -> str:
        rng = self.rng
        district = district or rng.randint(1, 9)
        return f"{area}{district} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}"


def _kind(placement_type: str) -> str:
    if placement_type in FOSTER_CARE:
        return "foster"
    if placement_type.startswith("A"):
        return "adoption"
    if placement_type in ("K1", "K2"):
        return "home"
    if placement_type in ("K3", "H5", "P2"):
        return "supported"
    return "other"


def _provision_postcode(urn: str) -> str:
    rng = random.Random(f"provision/{urn}")
    area = INSIDE if rng.random() < 0.5 else OUTSIDE
    letters = "".join(rng.choice(LETTERS) for _ in range(2))
    return f"{area}{rng.randint(1, 9)} {rng.randint(1, 9)}{letters}"
