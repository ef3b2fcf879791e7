"""The child's sex as the DfE returns code it, and as the records keep it.

From 2024/25 the CIN census, and from 2025/26 the SSDA903, return sex as M, F or U. The
records keep the DfE's earlier codes: 1 (male), 2 (female), 0 (not recorded or unborn)
and 9 (indeterminate), which the returns have no place for but U. Codes already in the
returns' form pass through. Both returns' writers and importers use these two mappings.
"""

from __future__ import annotations

from oversight.codes import is_valid

RETURNED_SEX = {"1": "M", "2": "F", "0": "U", "9": "U", "M": "M", "F": "F", "U": "U"}
RETURNED_SEX_CODES = ("M", "F", "U")
UNKNOWN_SEX = "U"
# The returns' U covers both 0 and 9: it is kept as 0 (not recorded).
RECORDS_SEX = {"M": "1", "F": "2", "U": "0"}


def returned_sex(code: str, unborn: bool = False) -> str:
    """The returns' code for the records' sex code (U for an unborn child)."""
    return UNKNOWN_SEX if unborn else RETURNED_SEX.get(code, UNKNOWN_SEX)


def records_sex(code: str) -> str:
    """The records' code for a returned sex code (as it is, if the records know it).

    ``KeyError`` for a code that is neither (the importers check codes first).
    """
    return code if is_valid("sex", code) else RECORDS_SEX[code]
