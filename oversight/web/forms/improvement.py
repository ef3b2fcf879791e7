"""Forms for the self-evaluation and the improvement plan (saved by ``inspection.plans``)."""

from django import forms

from oversight.accounts.models import User
from oversight.inspection.models import ActionStatus, EvaluationStatus
from oversight.inspection.plans import action_owners
from oversight.performance.catalogue import catalogue
from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.saving import VersionedForm
from oversight.web.forms.widgets import Checkboxes, Radios, Select, Textarea, TextInput


def indicator_choices(children_only: bool = False) -> list[tuple[str, str]]:
    """Every indicator as a choice; ``children_only``: those whose units are children."""
    chosen = [i for i in catalogue().values() if i.counts_children or not children_only]
    return [(i.id, f"{i.theme}: {i.title}") for i in chosen]


class OwnerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        return f"{obj.display_name} ({obj.role_enum.label})"


class YearForm(GovukForm):
    year = forms.CharField(
        label="Year", widget=TextInput(width=5), help_text="For example, 2026-27"
    )


class AreaForm(VersionedForm):
    known = forms.CharField(
        label="What do we know about the quality and impact of practice?",
        required=False,
        widget=Textarea(rows=8),
    )
    how_known = forms.CharField(label="How do we know it?", required=False, widget=Textarea())
    doing = forms.CharField(label="What are we doing about it?", required=False, widget=Textarea())
    indicators = forms.MultipleChoiceField(
        label="Indicators that show it",
        required=False,
        choices=indicator_choices,
        widget=Checkboxes(),
        help_text="Their live value and England's are shown beside the answers",
    )
    evidence = forms.CharField(
        label="Other evidence (optional)",
        required=False,
        widget=Textarea(rows=4),
        help_text='One item a line, for example "Audit of CP plans, May 2026: 60% good"',
    )

    def clean_evidence(self) -> list[str]:
        return self.cleaned_data["evidence"].splitlines()


class StatusForm(GovukForm):
    status = forms.ChoiceField(
        label="Status", choices=EvaluationStatus.choices, widget=Radios(inline=True)
    )


class ActionForm(GovukForm):
    title = forms.CharField(label="What will be done", widget=TextInput())
    owner = OwnerField(
        label="Owner",
        queryset=action_owners(),
        widget=Select(),
        empty_label="Choose the owner",
        error_messages={"required": "Select the owner"},
    )
    due = DateField(label="Due date")
    indicator = forms.ChoiceField(
        label="Indicator that will show progress (optional)",
        required=False,
        choices=lambda: [("", "None"), *indicator_choices()],
        widget=Select(),
    )
    target = forms.FloatField(
        label="Target value (optional)",
        required=False,
        widget=TextInput(width=5, attrs={"inputmode": "decimal"}),
        help_text="The indicator's value that will show the action worked, like 85",
        error_messages={"invalid": "Target value must be a number, like 85 or 12.5"},
    )


class UpdateForm(GovukForm):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=Radios(),
        error_messages={"required": "Select the action's status"},
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=Textarea(),
        help_text="What has happened since the last update",
    )
