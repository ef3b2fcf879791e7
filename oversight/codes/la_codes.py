"""Foundations: the DfE's three-digit local authority codes, as the returns use them.

Every post-April 1998 LA code, retired ones included (a UPN keeps the code of the LA
that issued it; a previous permanence order names the LA of its day), and the DfE's
codes for other UK authorities and pseudo-LAs (001-005, Wales 660-681, 701-708). Listed in
the CIN census 2025 to 2026 validation rules (1530).
"""

LA_CODE_RANGES = (
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
    (380, 384), (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808),
    (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 841), (845, 846),
    (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916), (919, 919),
    (921, 921), (925, 926), (928, 929), (931, 931), (933, 933), (935, 938), (940, 943),
)  # fmt: skip
LA_CODES = frozenset(f"{code:03d}" for low, high in LA_CODE_RANGES for code in range(low, high + 1))
# A previous permanence order (SSDA903 LA_PERM) may name 999 beside the LA codes, as
# csc-validator-be-903 accepts it: we have not found the DfE's own list for that field,
# and an order arranged by an LA not known is plausible.
PERMANENCE_LA_CODES = LA_CODES | {"999"}
