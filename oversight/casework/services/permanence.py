"""Recording what permanence a child had before a period of care (the SSDA903 previous
permanence file): adoption, a special guardianship order, a child arrangements order,
not known, or none (Z1). For an order, the local authority that arranged it and its date,
of which only the month or only the year may be known. It is kept on the period's first
episode: the return asks it of each child who starts to be looked after (rule 630).
"""

from datetime import date

from oversight.casework.models import CareEpisode
from oversight.casework.services.errors import CaseworkError, require_code
from oversight.casework.services.writer import recorded, writer
from oversight.codes.la_codes import PERMANENCE_LA_CODES

NONE = "Z1"  # not previously subject to a permanence option
KNOWN = ("day", "month", "year")  # how much of the order's date is known
FIELDS = ("previous_permanence", "previous_permanence_la", "previous_permanence_on",
          "previous_permanence_known")  # fmt: skip


@recorded
def record_previous_permanence(
    episode: CareEpisode,
    *,
    option: str,
    la_code: str = "",
    on: date | None = None,
    known: str = "day",
) -> CareEpisode:
    """Record (or replace) the child's permanence before the care ``episode`` began.

    ``on`` with ``known`` "month" or "year" is a date of which only the month, or only the
    year, is known (its other parts are not read)."""
    require_code("option", "previous_permanence", option)
    if option == NONE and (la_code or on):
        raise CaseworkError("la_code" if la_code else "on", "with no previous permanence "
                            "(Z1) give no local authority and no date of an order")  # fmt: skip
    if la_code and la_code not in PERMANENCE_LA_CODES:
        raise CaseworkError("la_code", f"'{la_code}' is not a DfE three-digit local authority "
                            "code (999 when the authority is not known)")  # fmt: skip
    if on is not None and known not in KNOWN:
        raise CaseworkError("known", f"say how much of the date is known: {', '.join(KNOWN)}")
    if on is not None and known == "day" and on >= episode.started_on:
        raise CaseworkError("on", f"the order was made before the child's care began "
                            f"({episode.started_on}): check the date")  # fmt: skip
    episode.previous_permanence, episode.previous_permanence_la = option, la_code
    episode.previous_permanence_on = on
    episode.previous_permanence_known = known if on is not None else ""
    writer().update(episode, *FIELDS)
    return episode
