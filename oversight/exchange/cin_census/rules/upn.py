"""Rules on the child's unique pupil number: its form, its check letter, and its absence.

A UPN is 13 characters: a check letter, the three-digit number of the local authority
that issued it, eight more digits, and a last character that is a digit (a permanent UPN)
or a letter (a temporary UPN). The check letter is worked out as ``codes.upn`` says (the
forms that take a UPN check it there too).

UPNs are compared in capitals: the schema allows lower-case letters, and ``a201…`` is
the same pupil as ``A201…``.
"""

from datetime import date

import polars as pl

from oversight.codes.la_codes import LA_CODES
from oversight.codes.upn import CHECK_LETTERS, LAST_CHARACTER
from oversight.exchange.cin_census.rules.book import RULES, Census

# UPNunknown reasons that explain a missing UPN for a child of school age: every reason
# but UN1, which says the child is not of school age.
SCHOOL_AGE_REASONS = ("UN2", "UN3", "UN4", "UN5", "UN6", "UN7")


def _upn() -> pl.Expr:
    return pl.col("UPN").str.to_uppercase()


def with_check_letter(children: pl.LazyFrame) -> pl.LazyFrame:
    """The children with ``_expected``: the check letter their 13-character UPN should
    start with, worked out as ``codes.upn.check_letter`` does (a test holds them equal)
    over the whole column at once; null when characters 2 to 13 are not 11 digits and a
    digit or allowed letter."""
    upn = pl.col("_UPN")
    # Characters 2 to 12 read once as one number; each digit is then taken out of it by
    # arithmetic.
    number = pl.col("_number")
    weighted = pl.sum_horizontal(
        (number // 10 ** (10 - place)) % 10 * (place + 2) for place in range(11)
    )
    last = upn.str.slice(12, 1).replace_strict(LAST_VALUES, default=None, return_dtype=pl.Int64)
    letter = ((weighted + last * 13) % 23).replace_strict(LETTERS, return_dtype=pl.String)
    wellformed = upn.str.contains(rf"^.[0-9]{{11}}{LAST_CHARACTER}$")
    return (
        children.with_columns(_UPN=_upn())
        .with_columns(_number=upn.str.slice(1, 11).cast(pl.Int64, strict=False))
        .with_columns(_expected=pl.when(wellformed).then(letter))
    )


# The value of the 13th character: a digit its own, a letter its place in CHECK_LETTERS.
LAST_VALUES = {str(digit): digit for digit in range(10)} | {
    letter: place for place, letter in enumerate(CHECK_LETTERS)
}
LETTERS = dict(enumerate(CHECK_LETTERS))


def _children_with_upn(cin: Census) -> pl.LazyFrame:
    return cin.children.filter(pl.col("UPN").is_not_null())


@RULES.rule("1510")
def upn_starts_with_its_check_letter(cin: Census) -> pl.LazyFrame:
    # A UPN whose characters 2 to 13 are malformed has no check letter to compare:
    # rules 1540 and 1550 report it.
    children = with_check_letter(_children_with_upn(cin))
    broken = children.filter(pl.col("_UPN").str.slice(0, 1) != pl.col("_expected"))
    return broken.select("LAchildID", "line", "UPN")


@RULES.rule("1520")
def no_two_records_share_a_upn(cin: Census) -> pl.LazyFrame:
    children = _children_with_upn(cin)
    return children.filter(_upn().is_duplicated()).select("LAchildID", "line", "UPN")


@RULES.rule("1530")
def upn_holds_a_recognised_la_code(cin: Census) -> pl.LazyFrame:
    la_code = _upn().str.slice(1, 3)
    broken = _children_with_upn(cin).filter(~la_code.is_in(sorted(LA_CODES)))
    return broken.select("LAchildID", "line", "UPN")


@RULES.rule("1540")
def upn_characters_5_to_12_are_digits(cin: Census) -> pl.LazyFrame:
    # A UPN too short to have all of characters 5 to 12 does not have them all numeric.
    digits = _upn().str.slice(4, 8).str.contains(r"^[0-9]{8}$")
    return _children_with_upn(cin).filter(~digits).select("LAchildID", "line", "UPN")


@RULES.rule("1550")
def upn_character_13_is_a_digit_or_allowed_letter(cin: Census) -> pl.LazyFrame:
    # Character 13 is the last: a UPN of any other length has no valid 13th character.
    last = _upn().str.contains(rf"^.{{12}}{LAST_CHARACTER}$")
    return _children_with_upn(cin).filter(~last).select("LAchildID", "line", "UPN")


@RULES.rule("1560Q")
def former_upn_is_in_the_form_of_a_upn(cin: Census) -> pl.LazyFrame:
    # The census's form for any UPN, permanent (12 digits) or temporary (11 and a letter).
    wellformed = pl.col("FormerUPN").str.contains(r"^[A-Za-z][0-9]{11}[0-9A-Za-z]$")
    broken = cin.children.filter(pl.col("FormerUPN").is_not_null() & ~wellformed)
    return broken.select("LAchildID", "line", "FormerUPN")


def school_age_birth_date(reference_date: date) -> date:
    """The latest date of birth of a child of school age for 8770Q: five or older on the
    31 August that began the school year (born by 31 August 2020 for the 2025-26 census).

    The 2024-25 message changed from "more than 5 years old" to "of school age"; the DfE
    dates school age from 31 August, six years before the one after the reference date.
    """
    next_august = reference_date.year if reference_date.month <= 8 else reference_date.year + 1
    return date(next_august - 6, 8, 31)


def _referred_for_further_action(cin: Census) -> pl.LazyFrame:
    episodes = cin.episodes.filter(pl.col("ReferralNFA").not_())
    return episodes.select("child").unique()


@RULES.rule("8770Q")
def child_of_school_age_has_a_upn_or_a_reason(cin: Census) -> pl.LazyFrame:
    school_age = pl.col("PersonBirthDate") <= school_age_birth_date(cin.period.end)
    no_reason = ~pl.col("UPNunknown").is_in(SCHOOL_AGE_REASONS).fill_null(False)
    children = cin.children.join(_referred_for_further_action(cin), on="child", how="semi")
    broken = children.filter(school_age & pl.col("UPN").is_null() & no_reason)
    return broken.select("LAchildID", "line", "PersonBirthDate", "UPN", "UPNunknown")


@RULES.rule("8772")
def reason_un7_only_when_every_referral_had_no_further_action(cin: Census) -> pl.LazyFrame:
    # An episode without a readable ReferralNFA is not shown as "no further action".
    un7 = cin.children.filter(pl.col("UPNunknown") == "UN7").select("child", "UPNunknown")
    episodes = cin.episodes.join(un7, on="child").filter(~pl.col("ReferralNFA").fill_null(False))
    return episodes.select("LAchildID", "line", "UPNunknown", "ReferralNFA")
