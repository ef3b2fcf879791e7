"""Recording prospective adopters: their enquiry, the steps of their assessment, and their
leaving the process.

A household (one adopter or a couple) is recorded when its enquiry is received. Its steps
come in order (``AFTER``): stage 1 begins and ends, then stage 2; the application may be
made at any point after the enquiry, and is approved once stage 2 has begun. None comes
after the household left, and a step is recorded only once the step it follows is
(``FOLLOWS``). That a date is not in the future is the forms' to check, as for every
record (the generator records days up to its own "today"). The match with a child is
recorded on the child's adoption decision (``record_adoption_match``), and needs the
household approved by then.
"""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from oversight.accounts.models import User
from oversight.casework.models import Adopter, AdopterHousehold, LeavingReason
from oversight.casework.models.adopters import STEPS
from oversight.casework.models.build import build
from oversight.casework.services.children import provenance
from oversight.casework.services.errors import CaseworkError, require_choice, require_code
from oversight.casework.services.writer import recorded, writer

# Each step that needs another recorded before it.
FOLLOWS = {
    "stage1_ended_on": "stage1_started_on",
    "stage2_started_on": "stage1_ended_on",
    "stage2_ended_on": "stage2_started_on",
    "approved_on": "applied_on",
}
# Each step and the steps it comes on or after, when they are recorded. The application
# may be made at any point after the enquiry; it is approved after stage 2 has begun.
AFTER = {
    "stage1_started_on": ("enquiry_on",),
    "stage1_ended_on": ("stage1_started_on",),
    "stage2_started_on": ("stage1_ended_on",),
    "stage2_ended_on": ("stage2_started_on",),
    "applied_on": ("enquiry_on",),
    "approved_on": ("applied_on", "stage2_started_on"),
}
LABELS = dict(STEPS)
# The SSDA903 sex code of adopters (SEX_ADOPTR) for the sexes of the people in a household.
ADOPTERS_SEX = {("1",): "M1", ("2",): "F1", ("1", "1"): "MM", ("2", "2"): "FF", ("1", "2"): "MF"}


@dataclass(frozen=True)
class AdopterDetails:
    adopter_id: str
    first_name: str
    last_name: str
    sex: str
    ethnicity: str
    disabled: bool = False


@recorded
def record_adopter_enquiry(
    *,
    family_id: str,
    enquiry_on: date,
    adopters: list[AdopterDetails],
    by: User | None = None,
    origin: str = "web",
) -> AdopterHousehold:
    """A household of one or two prospective adopters whose enquiry was received."""
    family_id = family_id.strip()
    if not family_id:
        raise CaseworkError("family_id", "give the household's family identifier")
    if not 1 <= len(adopters) <= 2:
        raise CaseworkError("adopters", "a household is one adopter or a couple")
    ids = [a.adopter_id.strip() for a in adopters]
    for index, (adopter, adopter_id) in enumerate(zip(adopters, ids, strict=True)):
        field = f"adopters.{index}"
        if not adopter_id:
            raise CaseworkError(f"{field}.adopter_id", "give the adopter's identifier")
        if adopter_id in ids[:index]:
            raise CaseworkError(f"{field}.adopter_id", f"{adopter_id} is given twice: each "
                                "adopter has an identifier of their own")  # fmt: skip
        require_code(f"{field}.sex", "sex", adopter.sex)
        require_code(f"{field}.ethnicity", "ethnicity", adopter.ethnicity)
    already_recorded(family_id, ids)
    try:
        # Another request may record the same identifiers between the check and the
        # insert: the database's unique constraints then refuse it, said the same way.
        with transaction.atomic():
            return _add_household(family_id, enquiry_on, adopters, ids, by, origin)
    except IntegrityError:
        already_recorded(family_id, ids)
        raise


def already_recorded(family_id: str, ids: list[str]) -> None:
    """Refuse a family or adopter identifier the records already hold."""
    if AdopterHousehold.objects.filter(family_id=family_id).exists():
        raise CaseworkError("family_id", f"a household {family_id} is already recorded")
    taken = set(Adopter.objects.filter(adopter_id__in=ids).values_list("adopter_id", flat=True))
    for index, adopter_id in enumerate(ids):
        if adopter_id in taken:
            raise CaseworkError(f"adopters.{index}.adopter_id", f"an adopter {adopter_id} is "
                                "already recorded")  # fmt: skip


def _add_household(
    family_id: str,
    enquiry_on: date,
    adopters: list[AdopterDetails],
    ids: list[str],
    by: User | None,
    origin: str,
) -> AdopterHousehold:
    household = build(AdopterHousehold, family_id=family_id, enquiry_on=enquiry_on)
    provenance(household, by, origin)
    writer().add(household)
    for adopter, adopter_id in zip(adopters, ids, strict=True):
        person = build(
            Adopter, household=household, adopter_id=adopter_id,
            first_name=adopter.first_name.strip(), last_name=adopter.last_name.strip(),
            sex=adopter.sex, ethnicity=adopter.ethnicity, disabled=adopter.disabled,
        )  # fmt: skip
        provenance(person, by, origin)
        writer().add(person)
    return household


@recorded
def record_adopter_steps(
    household: AdopterHousehold,
    *,
    fostering_for_adoption: bool | None = None,
    **steps: date | None,
) -> AdopterHousehold:
    """The household's steps as they now stand (``STEPS`` but the enquiry, each a date or
    ``None`` for not yet), and whether it is approved for fostering for adoption."""
    unknown = set(steps) - {name for name, _ in STEPS[1:]}
    if unknown:
        raise CaseworkError(sorted(unknown)[0], "not a step of the adoption process")
    held = {name: getattr(household, name) for name, _ in STEPS} | steps
    _check_steps(held, household.left_on)
    for name in steps:
        setattr(household, name, steps[name])
    changed = list(steps)
    if fostering_for_adoption is not None:
        household.fostering_for_adoption = fostering_for_adoption
        changed.append("fostering_for_adoption")
    writer().update(household, *changed)
    return household


@recorded
def record_adopters_left(
    household: AdopterHousehold, *, left_on: date, reason: str
) -> AdopterHousehold:
    """The household left the adoption process on ``left_on``, for ``reason``."""
    require_choice("reason", reason, LeavingReason)
    latest = max((d for name, _ in STEPS if (d := getattr(household, name))), default=None)
    if latest is not None and left_on < latest:
        raise CaseworkError("left_on", f"{left_on:%d/%m/%Y} is before the household's last "
                            f"step ({household.step}); check the date")  # fmt: skip
    household.left_on, household.left_reason = left_on, reason
    writer().update(household, "left_on", "left_reason")
    return household


def adopters_sex(household: AdopterHousehold) -> str | None:
    """The SSDA903 sex code of the household's adopters, when their sexes give one."""
    return ADOPTERS_SEX.get(tuple(sorted(a.sex for a in household.adopters.all())))


def check_can_be_matched(household: AdopterHousehold, matched_on: date) -> None:
    """A child is matched with a household approved by then and still in the process."""
    if household.approved_on is None or household.approved_on > matched_on:
        approved = f"on {household.approved_on:%d/%m/%Y}" if household.approved_on else "yet"
        raise CaseworkError("household", f"household {household.family_id} was not approved "
                            f"{approved}: a child is matched with approved adopters")  # fmt: skip
    if household.left_on is not None and household.left_on < matched_on:
        raise CaseworkError("household", f"household {household.family_id} left the process "
                            f"on {household.left_on:%d/%m/%Y}")  # fmt: skip


def _check_steps(steps: dict[str, date | None], left_on: date | None) -> None:
    for name, label in STEPS:
        day = steps[name]
        if day is None:
            continue
        before = FOLLOWS.get(name)
        if before is not None and steps[before] is None:
            raise CaseworkError(name, f"record when the {LABELS[before]} before when the "
                                f"{label}")  # fmt: skip
        for earlier in AFTER.get(name, ()):
            if (then := steps[earlier]) is not None and day < then:
                raise CaseworkError(name, f"the {label} ({day:%d/%m/%Y}) is before the "
                                    f"{LABELS[earlier]} ({then:%d/%m/%Y})")  # fmt: skip
        if left_on is not None and day > left_on:
            raise CaseworkError(name, f"the household left the process on {left_on:%d/%m/%Y}")
