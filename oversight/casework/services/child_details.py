"""Recording what becomes known of a child after registration: the child's unique pupil
number (and a former one), date of death, and (for a girl or young woman) whether she is
a mother.

The CIN census and the SSDA903 return report these; forms, importers and the generator
record them here, after ``register_child``. ``record_child_details`` adds what becomes
known (an item not given is left as it was); ``change_child_details`` sets them all as a
worker corrects them on the record (an item left empty is cleared).
"""

from datetime import date

from oversight.casework.models import Child
from oversight.casework.services.errors import CaseworkError, require_on_or_after
from oversight.casework.services.writer import recorded, writer
from oversight.codes.upn import upn_problem

FEMALE = "2"


@recorded
def record_child_details(
    child: Child,
    *,
    upn: str = "",
    former_upn: str = "",
    died_on: date | None = None,
    is_mother: bool | None = None,
    first_child_born_on: date | None = None,
) -> Child:
    # Every item is checked before any is set: a refusal leaves the child as it was.
    new_upn = _checked_upn(upn) if upn.strip() else child.upn
    new_former = _checked_former(former_upn, new_upn) if former_upn.strip() else child.former_upn
    require_on_or_after("died_on", died_on, child.date_of_birth, "date of birth")
    motherhood = is_mother is not None or first_child_born_on is not None
    if motherhood:
        _check_motherhood(child, is_mother, first_child_born_on)
    changed = ["upn"] if upn.strip() else []
    changed += ["former_upn"] if former_upn.strip() else []
    child.upn, child.former_upn = new_upn, new_former
    if died_on is not None:
        child.died_on = died_on
        changed.append("died_on")
    if motherhood:
        child.is_mother = child.is_mother if is_mother is None else is_mother
        held = child.first_child_born_on if child.is_mother else None
        child.first_child_born_on = first_child_born_on or held
        changed += ["is_mother", "first_child_born_on"]
    if changed:
        writer().update(child, *changed)
    return child


@recorded
def change_child_details(
    child: Child,
    *,
    upn: str,
    died_on: date | None,
    is_mother: bool | None,
    first_child_born_on: date | None,
    former_upn: str = "",
) -> Child:
    # Checked as ``record_child_details`` checks them, all before any is set.
    new_upn = _checked_upn(upn) if upn.strip() else ""
    new_former = _checked_former(former_upn, new_upn) if former_upn.strip() else ""
    require_on_or_after("died_on", died_on, child.date_of_birth, "date of birth")
    if is_mother is not None or first_child_born_on is not None:
        _check_motherhood(child, bool(is_mother), first_child_born_on)
    child.upn, child.former_upn, child.died_on = new_upn, new_former, died_on
    child.is_mother, child.first_child_born_on = is_mother, first_child_born_on
    writer().update(child, "upn", "former_upn", "died_on", "is_mother", "first_child_born_on")
    return child


def _checked_upn(upn: str) -> str:
    problem = upn_problem(upn)
    if problem is not None:
        raise CaseworkError("upn", f"{problem}; or leave the UPN empty if it is not known")
    return upn.strip().upper()


def _checked_former(former_upn: str, upn: str) -> str:
    """A former UPN is checked as a UPN is, and is not the child's UPN now."""
    problem = upn_problem(former_upn)
    if problem is not None:
        raise CaseworkError(
            "former_upn", f"{problem}; or leave the former UPN empty if it is not known"
        )
    former = former_upn.strip().upper()
    if former == upn:
        raise CaseworkError("former_upn", "the former UPN is the child's UPN now: give the "
                            "one the child had before, or leave it empty")  # fmt: skip
    return former


def _check_motherhood(child: Child, is_mother: bool | None, first_born: date | None) -> None:
    if child.sex != FEMALE:
        raise CaseworkError("is_mother", "only a girl or young woman is recorded as a mother")
    mother = child.is_mother if is_mother is None else is_mother
    if first_born is not None and not mother:
        raise CaseworkError(
            "first_child_born_on", "record her as a mother to give her first child's birth date"
        )
    require_on_or_after("first_child_born_on", first_born, child.date_of_birth, "date of birth")
