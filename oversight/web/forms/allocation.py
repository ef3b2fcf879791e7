"""The form a manager allocates a child with: to a team, and to one of its social workers.

One select names every team, each with "waiting for a worker" and its social workers
still in post, its team manager among them (a manager may hold a child while the team
has nobody free), so that no script is needed to choose a team and then a worker. Moving
a child to another social worker asks why, as the SSDA903 return records it (SW_REASON).
"""

from django import forms
from django.utils import timezone

from oversight.accounts.models import Team, User
from oversight.accounts.roles import Role
from oversight.casework.models import Allocation
from oversight.web.forms.base import GovukForm
from oversight.web.forms.choices import CodeField
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Select

WAITING = "waiting for a worker"
CASE_HOLDERS = (Role.PRACTITIONER, Role.TEAM_MANAGER)
MANAGER = "Team manager"
REASONS = "reason_for_social_worker_change"


def allocation_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Each team (by service) with its option "waiting for a worker" and its workers in
    post, practitioners and team manager; a value is ``team:worker``, or ``team:`` for the
    team alone."""
    workers: dict[int, list[User]] = {}
    in_post = User.objects.filter(is_active=True, role__in=CASE_HOLDERS, team__isnull=False)
    for worker in in_post.order_by("last_name", "first_name", "username"):
        workers.setdefault(worker.team_id, []).append(worker)  # type: ignore[arg-type]
    groups = []
    for team in Team.objects.select_related("service").order_by("service__name", "name"):
        options = [(f"{team.pk}:", f"{team.name}: {WAITING}")]
        options += [(f"{team.pk}:{w.pk}", _worker_words(w)) for w in workers.get(team.pk, [])]
        groups.append((f"{team.name} ({team.service.name})", options))
    return groups


def _worker_words(worker: User) -> str:
    title = worker.job_title or (MANAGER if worker.role == Role.TEAM_MANAGER else "")
    about = ", ".join(filter(None, [title, "agency" if worker.is_agency else ""]))
    return f"{worker.display_name} ({about})" if about else worker.display_name


class AllocationForm(GovukForm):
    allocate_to = forms.ChoiceField(
        label="Allocate to",
        choices=allocation_choices,
        widget=Select(),
        help_text="A team and one of its social workers, or the team alone while the child "
        "waits for a worker",
        error_messages={"required": "Choose who the child is allocated to"},
    )
    start_on = DateField(
        label="Allocated from", name="date the allocation starts", past_only=True,
        initial=timezone.localdate,
    )  # fmt: skip
    change_reason = CodeField(
        REASONS,
        label="Why the child's social worker changes",
        required=False,
        help_text="Needed when the child moves to a new social worker (the SSDA903 return "
        "records the reason)",
    )
    # The allocation the form was opened on ("" for none): a change since is not overwritten.
    held = forms.CharField(widget=forms.HiddenInput, required=False)

    service_fields = {"worker": "allocate_to", "team": "allocate_to"}

    def __init__(self, *args: object, current: Allocation | None, **kwargs: object) -> None:
        initial = {"held": str(current.pk) if current else ""}
        if current is not None:  # a worker who has left is no longer offered: their team is
            worker = current.worker_id if current.worker and current.worker.is_active else ""
            initial["allocate_to"] = f"{current.team_id}:{worker}"
        super().__init__(*args, initial=initial, **kwargs)  # type: ignore[arg-type]
        self.current = current
        if current is not None:  # the child's own team first: most changes stay in it
            groups = allocation_choices()
            own = f"{current.team_id}:"
            first = [group for group in groups if group[1][0][0] == own]
            field = self.fields["allocate_to"]
            field.choices = first + [group for group in groups if group[1][0][0] != own]  # type: ignore[attr-defined]

    def clean_allocate_to(self) -> tuple[Team, User | None]:
        team_pk, _, worker_pk = self.cleaned_data["allocate_to"].partition(":")
        team = Team.objects.get(pk=int(team_pk))
        worker = User.objects.get(pk=int(worker_pk)) if worker_pk else None
        return team, worker

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        chosen, current = data.get("allocate_to"), self.current
        if not isinstance(chosen, tuple):
            return data
        team, worker = chosen
        if current is not None and (team.pk, worker and worker.pk) == (
            current.team_id,
            current.worker_id,
        ):
            held = worker.display_name if worker else f"{team.name}, {WAITING}"
            self.add_error("allocate_to", f"The child is allocated to {held} already: "
                           "choose another team or worker")  # fmt: skip
        elif worker is not None and self.new_worker(worker) and not data.get("change_reason"):
            self.add_error("change_reason", "Choose why the child's social worker changes")
        if worker is None and data.get("change_reason"):
            self.add_error("change_reason", "A reason is for a change of social worker: "
                           "choose a worker, or no reason")  # fmt: skip
        return data

    def new_worker(self, worker: User) -> bool:
        return self.current is None or self.current.worker_id != worker.pk

    def changed_since_opened(self, now: Allocation | None) -> bool:
        """Whether the child's allocation is no longer the one the form was opened on."""
        return self.cleaned_data.get("held", "") != (str(now.pk) if now else "")
