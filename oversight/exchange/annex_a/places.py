"""List 8's placement location and LA, worked out from the latest placement's postcode
with the ONS Postcode Directory (``codes.postcode_directory``), as the DfE works out an
SSDA903 placement's: the LA is the upper tier the postcode is in (named as the published
list of LAs names it; Wales, Scotland and Northern Ireland as the template does), and the
location is "In" when that is the LA this installation serves (OVERSIGHT_LA_CODE), else
"Out". A postcode not in the directory leaves both blank, as does an LA not set for the
location.
"""

from __future__ import annotations

from oversight.codes.postcode_directory import compact, directory
from oversight.exchange.annex_a.gather import Row
from oversight.exchange.local_authority import configured_la, la_name


def with_placement_places(rows: list[Row]) -> list[Row]:
    postcodes = [row["placement_postcode"] for row in rows if row.get("placement_postcode")]
    found = dict(directory().find(postcodes).select("postcode", "la").iter_rows())
    own = configured_la()
    for row in rows:
        postcode = row.get("placement_postcode")
        la = found.get(compact(postcode)) if postcode else None
        row["placement_la"] = la_name(la) if la else None
        row["placement_location"] = (
            None if la is None or own is None else ("IN" if la == own else "OUT")
        )
    return rows
