"""Foundations: DfE code sets as data, with descriptions and lookups. No Django.

The code sets of the CIN census and the SSDA903 return (referral source, primary need,
category of abuse, legal status, placement type, …) are kept as CSV files in ``data/``,
generated from the published schemas by ``scripts/extract_codes.py``; ``data/SOURCES.md``
says where each came from. Use them instead of writing codes as literals::

    from oversight import codes

    codes.describe("primary_need", "N1")        # "Abuse or neglect"
    codes.is_valid("legal_status", "C2")        # True
    codes.code_set("category_of_abuse").choices()  # for a form or model field

- ``registry``: ``Code``, ``CodeSet``, ``code_set()``, ``describe()``, ``is_valid()``,
  ``all_code_sets()`` and the errors ``UnknownCode`` and ``UnknownCodeSet``.
"""

from oversight.codes.registry import (
    Code,
    CodeSet,
    UnknownCode,
    UnknownCodeSet,
    all_code_sets,
    code_set,
    describe,
    is_valid,
)

__all__ = [
    "Code",
    "CodeSet",
    "UnknownCode",
    "UnknownCodeSet",
    "all_code_sets",
    "code_set",
    "describe",
    "is_valid",
]
