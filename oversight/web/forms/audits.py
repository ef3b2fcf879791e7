"""Forms for case audits: programmes, draws, the audit itself, its actions, moderation.

All are saved through ``quality.services`` (``inspection.plans`` for the self-evaluation
link); a refusal is shown against its field. The audit and moderation forms have a grade
and a text box for each domain of the case, so their fields are made from those domains.
"""

from collections.abc import Mapping

from django import forms
from django.db.models import QuerySet

from oversight.accounts.models import User
from oversight.inspection.models import EvaluationArea
from oversight.quality.domains import GRADES, STRATA, THEMES
from oversight.quality.sampling import Method
from oversight.web.forms.base import GovukForm, default_required_message
from oversight.web.forms.choices import YesNoField
from oversight.web.forms.dates import DateField
from oversight.web.forms.improvement import OwnerField, indicator_choices
from oversight.web.forms.saving import VersionedForm
from oversight.web.forms.widgets import NumericInput, Radios, Select, Textarea, TextInput

GRADE_CHOICES = list(GRADES.items())
METHODS = [
    (Method.RANDOM.value, "Random: every case equally likely"),
    (Method.STRATIFIED.value, "Stratified: each team or plan type gets its share"),
    (Method.TARGETED.value, "Targeted: cases an indicator does not count"),
]


def _grade(label: str, **kwargs: object) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=GRADE_CHOICES, widget=Radios(), **kwargs)  # type: ignore[arg-type]


class ProgrammeForm(GovukForm):
    name = forms.CharField(label="Name", widget=TextInput(), max_length=120)
    theme = forms.ChoiceField(label="Theme", choices=list(THEMES.items()), widget=Radios())
    method = forms.ChoiceField(label="How cases are drawn", choices=METHODS, widget=Radios())
    sample_size = forms.IntegerField(
        label="Sample size", widget=NumericInput(width=3), min_value=1, max_value=500,
        error_messages={"invalid": "Sample size must be a whole number, like 10"},
    )  # fmt: skip
    stratify_by = forms.ChoiceField(
        label="Stratify by (stratified samples)", required=False,
        choices=[("", "Not stratified"), *STRATA.items()], widget=Select(),
    )  # fmt: skip
    target_indicator = forms.ChoiceField(
        label="Indicator to target (targeted samples)", required=False,
        choices=lambda: [("", "None"), *indicator_choices(children_only=True)], widget=Select(),
        help_text="Cases most of whose work the indicator does not count are drawn",
    )  # fmt: skip
    questions = forms.CharField(
        label="The programme's own questions (optional)", required=False,
        widget=Textarea(rows=4), help_text="One question a line; each is graded like a domain",
    )  # fmt: skip
    allow_repeats = YesNoField(label="May a case be drawn again in the same period?")

    def clean_questions(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.cleaned_data["questions"].splitlines())


class DrawForm(GovukForm):
    period_start = DateField(label="Start of the period", name="start of the period")
    period_end = DateField(label="End of the period", name="end of the period")
    seed = forms.IntegerField(
        label="Seed (optional)", required=False, min_value=0, widget=NumericInput(width=10),
        help_text="Give the seed of an earlier draw to draw the same cases again",
        error_messages={"invalid": "Seed must be a whole number, like 4021"},
    )  # fmt: skip


def _learning(text: str) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in text.split(",") if tag.strip())


class AuditForm(VersionedForm):
    """A grade and its evidence for each domain, then the overall grade and what was learnt."""

    def __init__(self, *args: object, domains: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.domains = dict(domains)
        for key, name in self.domains.items():
            self.fields[f"grade_{key}"] = _grade(f"{name}: grade")
            self.fields[f"evidence_{key}"] = forms.CharField(
                label=f"{name}: evidence", required=False, widget=Textarea(rows=3),
                help_text="What in the record shows it",
            )  # fmt: skip
        self.fields["overall"] = _grade("Overall grade")
        self.fields["summary"] = forms.CharField(label="Summary", required=False, widget=Textarea())
        self.fields["learning"] = forms.CharField(
            label="Learning themes (optional)", required=False, widget=TextInput(),
            help_text="Short tags, separated by commas, like: plans, child's voice",
        )  # fmt: skip
        # The service names the domain whose evidence is missing: show it on that box.
        self.service_fields = {key: f"evidence_{key}" for key in self.domains}
        _required_messages(self)

    def clean_learning(self) -> tuple[str, ...]:
        return _learning(self.cleaned_data["learning"])


class ActionForm(GovukForm):
    text = forms.CharField(label="What needs to be done", widget=Textarea(rows=3))
    owner = OwnerField(
        label="Owner", queryset=User.objects.none(), widget=Select(),
        empty_label="Choose the owner", error_messages={"required": "Select the owner"},
    )  # fmt: skip
    due_on = DateField(label="Due date", name="due date")

    def __init__(self, *args: object, owners: QuerySet[User], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class ModerationForm(GovukForm):
    """The moderator's grade for each domain the auditor graded; a changed grade needs why."""

    def __init__(
        self, *args: object, firsts: Mapping[str, tuple[str, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.domains = list(firsts)
        for key, (name, grade) in firsts.items():
            field = "overall" if key == "overall" else f"grade_{key}"
            self.fields[field] = _grade(
                f"{name}: your grade", initial=grade, help_text=f"The auditor: {GRADES[grade]}"
            )
            self.fields[f"reason_{key}"] = forms.CharField(
                label=f"{name}: why your grade differs", required=False, widget=Textarea(rows=2),
            )  # fmt: skip
        # The service names the domain ("overall" too) whose change lacks a reason.
        self.service_fields = {key: f"reason_{key}" for key in self.domains}
        _required_messages(self)


def _required_messages(form: GovukForm) -> None:
    for bound in form.visible_fields():
        default_required_message(bound)  # type: ignore[arg-type]


class EvidenceForm(GovukForm):
    area = forms.ModelChoiceField(
        label="Area of the self-evaluation", queryset=EvaluationArea.objects.none(),
        widget=Select(), empty_label="Choose the area",
        error_messages={"required": "Select the area of the self-evaluation"},
    )  # fmt: skip
    period_start = DateField(label="Audits completed from", name="start of the period")
    period_end = DateField(label="Audits completed to", name="end of the period")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        areas = EvaluationArea.objects.select_related("evaluation")
        area = self.fields["area"]
        area.queryset = areas.order_by("-evaluation__year", "position")  # type: ignore[attr-defined]
        area.label_from_instance = lambda part: f"{part.evaluation.year}: {part.name}"  # type: ignore[attr-defined]
