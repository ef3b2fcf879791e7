"""Rows for the adoption tests: a decision to place for adoption, an AD1 record, and a child
placed for adoption on 1 July 2025 and adopted on 1 December 2025.

The adoption runs over three episodes: foster care from 10 May, placed for adoption (A4) on
1 July, a placement order (E1) from 1 September in the same placement, adopted 1 December.
"""

from typing import Any

from oversight.exchange.ssda903.tests.builders import episode

AD1 = {"DATE_INT": "01/06/2025", "DATE_MATCH": "15/06/2025", "FOSTER_CARE": "0",
       "NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11"}  # fmt: skip


def decision(**fields: Any) -> dict[str, Any]:
    """A decision of 1 June 2025 that the child should be placed for adoption, still standing."""
    return {"DATE_PLACED": "01/06/2025", "DATE_PLACED_CEASED": None,
            "REASON_PLACED_CEASED": None} | fields  # fmt: skip


def reversed_decision(placed: str, ceased: str) -> dict[str, Any]:
    return decision(DATE_PLACED=placed, DATE_PLACED_CEASED=ceased, REASON_PLACED_CEASED="RD1")


def ad1(**fields: Any) -> dict[str, Any]:
    return AD1 | fields


ADOPTED = [
    episode(DEC="01/07/2025", REC="X1", REASON_PLACE_CHANGE="CARPL"),
    episode(DECOM="01/07/2025", RNE="P", PLACE="A4", DEC="01/09/2025", REC="X1"),
    episode(DECOM="01/09/2025", RNE="L", LS="E1", PLACE="A4", DEC="01/12/2025", REC="E11"),
]
