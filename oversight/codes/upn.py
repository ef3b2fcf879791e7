"""Foundations: the DfE's unique pupil number (UPN), its form and its check letter. No Django.

A UPN is 13 characters: a check letter, the three-digit number of the local authority
that issued it, the four-digit establishment number of the school, two digits for the
year it was allocated, a three-digit serial number. A temporary UPN ends in a letter in
place of the last digit. The check letter is the modulus-23 sum of the characters 2 to
13, each times its position, read as a letter of ``CHECK_LETTERS``; a letter in position
13 counts as its own place in that list (A = 0, B = 1, ..., Z = 22). The CIN census
rules 1510 to 1550 and the forms that take a UPN all check it here.
"""

import re

# I, O and S are never used: as a check letter nor as the last letter of a temporary UPN.
CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
LAST_CHARACTER = f"[0-9{CHECK_LETTERS}]"
WELL_FORMED = re.compile(rf"[A-Z][0-9]{{11}}{LAST_CHARACTER}")


def check_letter(upn: str) -> str | None:
    """The letter a UPN should start with, from its characters 2 to 13; ``None`` when
    those are not eleven digits and a digit or allowed letter (there is nothing to sum)."""
    body = upn.upper()[1:]
    if len(upn) != 13 or not re.fullmatch(rf"[0-9]{{11}}{LAST_CHARACTER}", body):
        return None
    last = body[-1]
    last_value = int(last) if last.isdigit() else CHECK_LETTERS.index(last)
    total = sum(int(c) * position for position, c in enumerate(body[:-1], start=2))
    return CHECK_LETTERS[(total + last_value * 13) % 23]


def upn_problem(upn: str) -> str | None:
    """What is wrong with a UPN, in words for the person who typed it; ``None`` if nothing."""
    given = upn.strip().upper()
    if len(given) != 13:
        return f"a UPN has 13 characters, not {len(given)}"
    if not WELL_FORMED.fullmatch(given):
        return "a UPN is a letter, then 11 digits, then a digit or a letter other than I, O or S"
    expected = check_letter(given)
    if given[0] != expected:
        return f"the first letter of this UPN should be {expected}: check it was typed right"
    return None


def make_upn(la_number: str, establishment: int, year: int, serial: int) -> str:
    """A permanent UPN from its parts, its check letter worked out (for synthetic data)."""
    body = f"{la_number}{establishment:04d}{year % 100:02d}{serial:03d}"
    return f"{check_letter('?' + body)}{body}"
