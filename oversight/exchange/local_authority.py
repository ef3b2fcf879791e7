"""Which local authority: the one this installation serves, and the one a placement is in.

An LA is known to the returns by its GSS code (E06000038) or the DfE's 3-digit number
(870); the published list of LAs (``performance.published``) turns either into the GSS
code, which the postcode directory gives too.
"""

from __future__ import annotations

import os

# How Annex A names a placement outside England (its template's value map), by the code
# the postcode directory gives it (``codes.postcode_directory.COUNTRIES``).
OUTSIDE_ENGLAND = {
    "WAL": "WAL - Child placed in Wales",
    "SCO": "SCO - Child placed in Scotland",
    "NIR": "NIR - Child placed in Northern Ireland",
}


def configured_la() -> str | None:
    """The GSS code of the LA this installation serves (OVERSIGHT_LA_CODE), or ``None``
    when none is set or it names no LA. The command line validates without setting up
    Django: there, the setting is read from the environment, as the settings read it."""
    from django.conf import settings

    if settings.configured:
        given = settings.OVERSIGHT_LA_CODE
    else:
        given = os.environ.get("OVERSIGHT_LA_CODE", "")
    try:
        return gss_code(given) if given else None
    except ValueError:
        return None


def gss_code(la_code: str) -> str:
    """The LA's GSS code from its GSS code or its 3-digit DfE number; ``ValueError`` when
    it is neither of an LA of England."""
    from oversight.performance.published import UnknownArea, area

    try:
        found = area(la_code)
    except UnknownArea:
        raise ValueError(f"{la_code} is not the GSS code or DfE number of an LA") from None
    if found.level != "la":
        raise ValueError(f"{la_code} is {found.name}, not a local authority")
    return found.code


def la_name(code: str) -> str:
    """An LA's name by its GSS code (its code when the published list lacks it), or how
    Annex A names a placement in Wales, Scotland or Northern Ireland."""
    from oversight.performance.published import UnknownArea, area

    if code in OUTSIDE_ENGLAND:
        return OUTSIDE_ENGLAND[code]
    try:
        return area(code).name
    except UnknownArea:
        return code
