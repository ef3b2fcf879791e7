"""What permanence a synthetic child had before starting to be looked after: the SSDA903
previous permanence, recorded when care begins.

Drawn from a stream of the child's own, so that adding it leaves every other record of
the child as it was. The shares are stated assumptions, in the spirit of the DfE's
figures for children starting to be looked after: most had no previous permanence (Z1);
a few were under a special guardianship order, adopted or under a child arrangements
order before. An order is dated between the child's first birthday
and a month before care began; most orders are of this LA, and the day (or the month) of
some is not known.
"""

import random
from datetime import date, timedelta
from typing import Any

from oversight.synth.draws import Weights
from oversight.synth.people import LA_NUMBER, ChildProfile

# P4 (not known) is not drawn: the DfE's rule 630 wants the LA and date of any option but
# Z1, which a permanence not known cannot give.
OPTIONS = Weights({"Z1": 94.0, "P2": 3.0, "P1": 1.5, "P3": 1.5})
ORDERS = ("P1", "P2", "P3")
OWN_LA_SHARE = 0.7
OTHER_LAS = ("352", "940", "886", "330", "209")  # other authorities' DfE codes
KNOWN = Weights({"day": 85.0, "month": 10.0, "year": 5.0})


def previous_permanence(rng: random.Random, profile: ChildProfile, began: date) -> dict[str, Any]:
    """``record_previous_permanence``'s items for a child whose care begins on ``began``."""
    option = OPTIONS.draw(rng)
    earliest, latest = profile.birthday(1), began - timedelta(days=30)
    if option not in ORDERS:
        return {"option": option}
    if latest <= earliest:  # too young to have been under an order before
        return {"option": "Z1"}
    on = earliest + timedelta(days=rng.randrange((latest - earliest).days))
    known = KNOWN.draw(rng)
    on = {"day": on, "month": on.replace(day=1), "year": date(on.year, 1, 1)}[known]
    la_code = LA_NUMBER if rng.random() < OWN_LA_SHARE else rng.choice(OTHER_LAS)
    return {"option": option, "la_code": la_code, "on": on, "known": known}
