"""Registering a child and allocating the child's work to a team and worker."""

from datetime import date

from django.db.models import Model

from oversight.accounts.models import Team, User
from oversight.casework.models import Allocation, Child
from oversight.casework.models.build import build
from oversight.casework.services.deadlines import reassign_deadlines
from oversight.casework.services.errors import CaseworkError, require_code, require_on_or_after
from oversight.casework.services.writer import recorded, writer


def provenance(obj: Model, by: User | None, origin: str) -> None:
    """Who recorded a new record, and where it came from (set as ``build`` sets keys)."""
    obj.__dict__["recorded_by_id"] = by.pk if by is not None else None
    obj._state.fields_cache["recorded_by"] = by
    obj.__dict__["origin"] = origin


@recorded
def register_child(
    *,
    la_child_id: str,
    first_name: str,
    last_name: str,
    sex: str,
    date_of_birth: date | None,
    ethnicity: str,
    disabilities: str = "NONE",
    uasc: bool = False,
    expected_date_of_birth: date | None = None,
    by: User | None = None,
    origin: str = "web",
) -> Child:
    if not la_child_id.strip():
        raise CaseworkError("la_child_id", "enter the child's LA child id")
    if date_of_birth is None and expected_date_of_birth is None:
        raise CaseworkError("date_of_birth", "enter a date of birth or an expected date of birth")
    require_code("sex", "sex", sex)
    require_code("ethnicity", "ethnicity", ethnicity)
    for code in disabilities.split():
        require_code("disabilities", "disability", code)
    child = build(
        Child,
        la_child_id=la_child_id.strip(),
        first_name=first_name,
        last_name=last_name,
        sex=sex,
        date_of_birth=date_of_birth,
        expected_date_of_birth=expected_date_of_birth,
        ethnicity=ethnicity,
        disabilities=disabilities or "NONE",
        uasc=uasc,
    )
    provenance(child, by, origin)
    writer().add(child)
    return child


@recorded
def allocate(
    child: Child,
    team: Team,
    worker: User | None,
    on: date,
    by: User | None = None,
    origin: str = "web",
    change_reason: str = "",
) -> Allocation:
    """Allocate the child from ``on``; the previous allocation ends and open work moves.

    ``change_reason`` says why the child's social worker changed to this one (a DfE reason
    for a change of social worker; FCONTA for the first, or after a re-referral)."""
    if worker is not None and worker.team_id not in (None, team.pk):
        raise CaseworkError("worker", f"{worker.display_name} is not in {team.name}")
    if change_reason:
        if worker is None:
            raise CaseworkError("change_reason", "a reason for a change of social worker needs "
                                "a social worker: choose one, or give no reason")  # fmt: skip
        require_code("change_reason", "reason_for_social_worker_change", change_reason)
    end_allocation(child, on, field="start_on")
    allocation = build(Allocation, child=child, team=team, worker=worker, start_on=on,
                       change_reason=change_reason)  # fmt: skip
    provenance(allocation, by, origin)
    writer().add(allocation)
    reassign_deadlines(child, team.pk, worker.pk if worker else None)
    return allocation


@recorded
def end_allocation(child: Child, on: date, field: str = "end_on") -> None:
    """Nobody holds the child's work from ``on`` (the case closed or the work ended)."""
    current = writer().current_allocation(child.id)
    if current is None:
        return
    require_on_or_after(field, on, current.start_on, "start of the current allocation")
    current.end_on = on
    writer().update(current, "end_on")
