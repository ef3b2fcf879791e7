"""Forms for quality assurance: drawing and re-deciding front-door decisions, escalations.

Each is saved through ``quality.services``; a refusal is shown against its field.
"""

from django import forms
from django.db.models import QuerySet

from oversight.accounts.models import User
from oversight.quality.models import EscalationAbout
from oversight.quality.services.escalations import RECEIVERS
from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.saving import VersionedForm
from oversight.web.forms.widgets import NumericInput, Radios, Select, Textarea


class DrawDecisionsForm(GovukForm):
    period_start = DateField(label="Decisions made from")
    period_end = DateField(label="Decisions made up to")
    size = forms.IntegerField(
        label="How many decisions to draw", min_value=1, max_value=200, widget=NumericInput(width=3)
    )
    seed = forms.IntegerField(
        label="Seed (optional)",
        required=False,
        min_value=0,
        widget=NumericInput(width=10),
        help_text="The same seed and period draw the same decisions again",
    )


class RedecideForm(GovukForm):
    """The auditor's own decision: offered the choices the decider had, and nothing more."""

    decision = forms.ChoiceField(label="Your decision", widget=Radios())
    reason = forms.CharField(
        label="Why",
        widget=Textarea(),
        help_text="What in the information led to your decision",
    )
    service_fields = {"redecision": "decision", "auditor": "decision"}

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = choices  # type: ignore[attr-defined]


class ManagerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        team = f", {obj.team.name}" if obj.team_id else ""
        return f"{obj.display_name} ({obj.role_enum.label}{team})"


def receivers() -> QuerySet[User]:
    return (
        User.objects.filter(role__in=list(RECEIVERS), is_active=True)
        .select_related("team")
        .order_by("last_name", "first_name")
    )


class EscalationForm(GovukForm):
    raised_to = ManagerField(
        label="Manager it goes to",
        queryset=User.objects.none(),
        widget=Select(),
        empty_label="Choose the manager",
        error_messages={"required": "Select the manager it goes to"},
    )
    about = forms.ChoiceField(
        label="What is it about?", choices=EscalationAbout.choices, widget=Radios()
    )
    concern = forms.CharField(
        label="The concern",
        widget=Textarea(rows=6),
        help_text="What is wrong, and what you want to happen",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["raised_to"].queryset = receivers()  # type: ignore[attr-defined]


class RespondForm(VersionedForm):
    response = forms.CharField(
        label="Your response", widget=Textarea(), help_text="What will happen, and by when"
    )
    service_fields = {"responded_on": "response"}


class ResolveForm(VersionedForm):
    resolution = forms.CharField(label="How was it resolved?", widget=Textarea())
