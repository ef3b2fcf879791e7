"""Where a synthetic child in care lives: the home postcode, and each placement's postcode
and Ofsted URN. The postcodes are real ones from the ONS Postcode Directory
(``codes.postcode_directory``), so that the DfE's placement LA, location and distance can
be worked out from them as from an LA's own return; only the children are invented. The
URNs are "SC9" numbers of made-up provisions.

The LA is Reading (``SYNTHETIC_LA``, the demo's ``OVERSIGHT_LA_CODE``): a child's home is
in one of its postcode districts, by the child's locality. A placement outside the LA is
in another LA within ``NEAR_MILES`` of the LA's middle, or, one in ``FAR_SHARE``, anywhere
in England. Drawn from a stream of the child's own, so that adding them leaves the child's
other records as they were. Foster carers of one service share its URN and each
household has its own postcode; a children's home, a supported accommodation provider or
an adoption agency has one URN and one postcode. A child placed with parents is at home;
a placement Ofsted does not register (with parents, in lodgings, temporary, other) has
the DfE's XXXXXXX for its URN. The LA's own provision is in the LA, but for foster care,
adoption and supported accommodation (``OWN_PROVISION_ANYWHERE``, as the DfE's rule 1015
allows). The shares of placements outside the LA, and how far, are
assumptions, in the spirit of the DfE's figures (about two in five children in care live
outside their LA).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from typing import Any

import polars as pl

from oversight.codes.groups import FOSTER_CARE, WITH_FOSTER_CARERS
from oversight.codes.places import NO_URN, OWN_PROVISION_ANYWHERE, PLACEMENTS_WITHOUT_URN
from oversight.codes.postcode_directory import directory as postcode_directory
from oversight.codes.postcode_directory import distance_expr

SYNTHETIC_LA = "E06000038"  # Reading
NEAR_MILES = 40
FAR_SHARE = 0.1
FAR_EVERY = 50  # the postcodes of England far placements are drawn from: one in this many
# How many provisions of each kind there are to be placed with, by its URN's prefix; "own":
# the LA's own provisions other than foster care, adoption and supported accommodation.
POOLS = {"foster": ("SC91", 20), "home": ("SC92", 60), "supported": ("SC94", 25),
         "adoption": ("SC95", 8), "other": ("SC96", 40), "own": ("SC93", 10)}  # fmt: skip
OWN_FOSTERING = "SC900001"  # the LA's own fostering service
OUTSIDE_SHARE = {"PR1": 0.15, "PR2": 0.8, "PR3": 0.5, "PR4": 0.55, "PR5": 0.5}


@dataclass(frozen=True)
class Area:
    """The postcodes a synthetic child's home and placements are drawn from, as written
    ("RG1 1AA"), in the directory's order."""

    districts: tuple[tuple[str, ...], ...]  # the LA's postcodes by its main districts
    inside: tuple[str, ...]  # every postcode of the LA
    near: tuple[str, ...]  # other LAs' postcodes within NEAR_MILES of the LA's middle
    far: tuple[str, ...]  # postcodes anywhere in England outside the LA


@cache
def area(la: str = SYNTHETIC_LA) -> Area:
    directory = postcode_directory()
    england = pl.concat(
        pl.collect_all(
            pl.scan_parquet(directory.letter(letter)).filter(
                pl.col("la").str.starts_with("E") & pl.col("east").is_not_null()
            )
            for letter in directory.letters()
        )
    )
    written = (pl.col("postcode").str.head(-3) + " " + pl.col("postcode").str.tail(3)).alias("w")
    own = england.filter(pl.col("la") == la).with_columns(written)
    others = england.filter(pl.col("la") != la).with_columns(written)
    middle = own.select(pl.col("east").mean().alias("e0"), pl.col("north").mean().alias("n0"))
    near = others.join(middle, how="cross").filter(
        distance_expr("east", "north", "e0", "n0") <= NEAR_MILES
    )
    # Homes are in the LA's main districts: not the few postcodes of a neighbour's.
    districts = own.group_by(pl.col("w").str.split(" ").list.first().alias("district"),
                             maintain_order=True).agg("w").sort("district")  # fmt: skip
    districts = districts.filter(pl.col("w").list.len() >= own.height / 50)
    return Area(
        districts=tuple(tuple(codes) for codes in districts["w"].to_list()),
        inside=tuple(own["w"]),
        near=tuple(near["w"]),
        far=tuple(others["w"].gather_every(FAR_EVERY)),
    )


class Places:
    """One child's home and placements, as postcodes and URNs."""

    def __init__(self, rng: random.Random, locality: int) -> None:
        self.rng, self.locality, self.area = rng, locality, area()
        districts = self.area.districts
        self.home = rng.choice(districts[locality % len(districts)])

    def where(self, placement_type: str, provider: str, current: Any = None) -> dict[str, str]:
        """``postcode`` and ``urn`` for a new placement; ``current`` (the placement the
        child moves from) keeps its carers' postcode for a placement with them."""
        if placement_type in WITH_FOSTER_CARERS and current is not None:
            return {"postcode": current.postcode, "urn": current.urn}
        if placement_type == "P1":
            return {"postcode": self.home, "urn": NO_URN}
        outside = self.rng.random() < OUTSIDE_SHARE.get(provider, 0.3)
        own = provider == "PR1" and placement_type not in OWN_PROVISION_ANYWHERE
        outside = outside and not own  # the LA's own homes and the like are in it
        if placement_type in PLACEMENTS_WITHOUT_URN:
            return {"postcode": self._away(outside), "urn": NO_URN}
        if placement_type in FOSTER_CARE and provider == "PR1":
            return {"postcode": self._away(outside), "urn": OWN_FOSTERING}
        prefix, size = POOLS["own" if own else _kind(placement_type)]
        number = self.rng.randrange(size)
        urn = f"{prefix}{number:04d}"
        if placement_type in FOSTER_CARE:  # an agency's carers: a household of their own
            return {"postcode": self._away(outside), "urn": urn}
        # A provision is always at one place: its postcode follows from its URN.
        return {"postcode": _provision_postcode(urn), "urn": urn}

    def _away(self, outside: bool) -> str:
        """A postcode other than the child's home."""
        while True:
            found = _postcode(self.rng, self.area, outside)
            if found != self.home:
                return found


def _postcode(rng: random.Random, area: Area, outside: bool) -> str:
    if not outside:
        return rng.choice(area.inside)
    return rng.choice(area.far if rng.random() < FAR_SHARE else area.near)


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
    own = urn.startswith(POOLS["own"][0])
    return _postcode(rng, area(), outside=not own and rng.random() >= 0.5)
