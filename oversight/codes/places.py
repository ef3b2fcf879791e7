"""Foundations: where a child in care lives. A UK postcode's form, and Ofsted's unique
reference number (URN) of a provision, as the SSDA903 return carries them. No Django.

A postcode is held as it is written, in capitals with one space before its last three
characters ("AB1 2CD"); only its form is checked here (the outward code of one or two
letters, a digit and an optional letter or digit; the inward code of a digit and two
letters), not that it exists. A URN is Ofsted's number of a registered provision: "SC"
and six digits for a children's social care provider, or the six or seven digits of an
older registration; ``NO_URN`` (XXXXXXX) where the placement is not of a kind Ofsted
registers (placed with parents, in lodgings, temporary or other placements: the DfE's
rule 222 names them).
"""

import re

POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}")
URN = re.compile(r"SC[0-9]{6}|[0-9]{6,7}")
NO_URN = "XXXXXXX"
# The placements with the LA's own provision (PR1) that may be outside the LA: foster care,
# adoption and supported accommodation (the DfE's rule 1015 asks the rest to be inside it).
OWN_PROVISION_ANYWHERE = frozenset(
    {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6", "K3"}
)
PLACEMENTS_WITHOUT_URN = frozenset(
    {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14"}
)


def written_postcode(text: str) -> str:
    """``text`` as a postcode is held: capitals, one space before the inward code; ""
    when blank. Raises ``ValueError`` when it is not of a postcode's form."""
    compact = "".join(text.split()).upper()
    if not compact:
        return ""
    written = f"{compact[:-3]} {compact[-3:]}"
    if not POSTCODE.fullmatch(written):
        raise ValueError(f"'{text}' is not a postcode: write it as, for example, AB1 2CD")
    return written


def written_urn(text: str, placement_type: str) -> str:
    """``text`` as an Ofsted URN is held, for a placement of ``placement_type``: "" when
    blank. Raises ``ValueError`` when it is not of a URN's form, or is given for a
    placement Ofsted does not register."""
    urn = "".join(text.split()).upper()
    if not urn or urn == NO_URN:
        return urn
    if placement_type in PLACEMENTS_WITHOUT_URN:
        raise ValueError(f"a placement of type {placement_type} has no Ofsted URN: leave it "
                         f"blank or give {NO_URN}")  # fmt: skip
    if not URN.fullmatch(urn):
        raise ValueError(f"'{text}' is not an Ofsted URN: SC and six digits (SC123456), or "
                         "the six or seven digits of an older registration")  # fmt: skip
    return urn
