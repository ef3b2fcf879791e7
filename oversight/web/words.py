"""Stored codes and ids shown as words: rule titles, DfE code descriptions, people, yes/no."""

from datetime import date

from oversight.accounts.models import User
from oversight.codes import UnknownCode, UnknownCodeSet, describe
from oversight.timescales import LOCAL_RULES, NATIONAL_RULES


def rule_title(rule_id: str) -> str:
    """ "Assessment completed" for ``assessment``; an unknown id is still made readable."""
    rule = NATIONAL_RULES.get(rule_id) or LOCAL_RULES.get(rule_id)
    return rule.title if rule else rule_id.replace("-", " ").capitalize()


def code_words(set_id: str, code: str | None) -> str:
    """The DfE description of a code; the code itself when the set does not know it."""
    if not code:
        return ""
    try:
        return describe(set_id, code)
    except (UnknownCode, UnknownCodeSet):
        return code


def codes_words(set_id: str, codes: str | None) -> str:
    """Several codes separated by spaces, as a list of descriptions."""
    return ", ".join(code_words(set_id, code) for code in (codes or "").split())


def person(user: User | None, nobody: str = "Not allocated") -> str:
    return user.display_name if user is not None else nobody


def yes_no(value: bool | None) -> str:
    return {True: "Yes", False: "No", None: "Not recorded"}[value]


def long_date(day: date | None) -> str:
    """ "3 March 2025", as GOV.UK writes dates."""
    return f"{day.day} {day:%B %Y}" if day else ""
