"""The DfE's SSDA903 code sets for 2025/26, and the groups of codes the rules speak of.

From 2025/26 the placement types H5, P2 and Z1 are gone: supported accommodation is K3
and other placements are Z11 to Z14.
"""

SEX = {"M", "F", "U"}
ETHNICITY = {
    "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
    "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
}  # fmt: skip
UPN_UNKNOWN = {"UN1", "UN2", "UN3", "UN4", "UN5"}
# A UPN: a check letter (not I, O or S), then 12 digits, or 11 digits and a letter.
UPN_PATTERN = r"^[A-HJ-NP-RT-Z]([0-9]{12}|[0-9]{11}[A-Z])$"
YES_NO = {"0", "1"}

REASON_NEW_EPISODE = {"S", "P", "L", "T", "U", "B"}
CHANGE_OF_PLACEMENT_ONLY = {"P", "T"}
CHANGE_OF_BOTH = {"U", "B"}
LEGAL_STATUS = {
    "C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3",
}  # fmt: skip
RESPITE = {"V3", "V4"}
CATEGORY_OF_NEED = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"}
PLACEMENT = {
    "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
    "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6",
    "Z11", "Z12", "Z13", "Z14",
}  # fmt: skip
TEMPORARY = {"T0", "T1", "T2", "T3", "T4"}
OTHER_PLACEMENT = {"Z11", "Z12", "Z13", "Z14"}
# Placements with no provider (temporary and other placements).
NO_PROVIDER = TEMPORARY | OTHER_PLACEMENT
# Placements for which an Ofsted URN is not recorded.
NO_URN = {"P1", "P3", "R1", "R2", "R5"} | TEMPORARY | OTHER_PLACEMENT
PLACEMENT_PROVIDER = {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}
REASON_EPISODE_CEASED = {
    "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
    "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17",
}  # fmt: skip
CEASED_TO_BE_LOOKED_AFTER = REASON_EPISODE_CEASED - {"X1"}
REASON_PLACE_CHANGE = {
    "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE",
    "CUSTOD", "OTHER",
}  # fmt: skip

PARTICIPATION = {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"}
MISSING_TYPE = {"M", "A"}
SOCIAL_WORKER_CHANGE = {
    "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED",
    "OTHERS",
}  # fmt: skip

NUMBER_OF_ADOPTERS = {"1", "2"}
ADOPTERS_SEX = {"M1", "F1", "MM", "FF", "MF"}
ADOPTERS_LEGAL_STATUS = {"L0", "L11", "L12", "L2", "L3", "L4"}
REASON_NO_LONGER_PLACED = {"RD1", "RD2", "RD3", "RD4"}
SDQ_REASON = {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"}
PREVIOUS_PERMANENCE = {"P1", "P2", "P3", "P4", "Z1"}
