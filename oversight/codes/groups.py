"""Foundations: groups of DfE SSDA903 codes that the records, the returns and the generator
speak of. No Django."""

# Placement types: foster care, and placements for adoption (A3 and A5 with the child's
# current foster carers, A4 and A6 not).
FOSTER_CARE = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
ADOPTION_PLACEMENTS = frozenset({"A3", "A4", "A5", "A6"})
WITH_FOSTER_CARERS = frozenset({"A3", "A5"})
# Foster placements with carers who are also approved adopters: fostering for adoption or
# concurrent planning (U2 with relatives or friends, U5 with other foster carers).
FOSTERING_FOR_ADOPTION = frozenset({"U2", "U5"})
# Reasons an episode ceased: adopted (E11, E12); X1, an episode ended with the child still
# looked after (a new legal status or placement follows).
ADOPTED = frozenset({"E11", "E12"})
STILL_LOOKED_AFTER = "X1"
PLACEMENT_ORDER = "E1"  # the legal status of a placement order granted
