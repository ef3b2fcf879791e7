"""Forms for inspections: choosing the national picture's date, and recording an inspection.

The recording form shows a grade for each judgement area of one framework (the one in
force today, unless another is chosen) and a text area for each kind of finding, one
finding a line. The rules themselves are ``inspection.services``': the form only turns
what was typed into ``InspectionFacts``.
"""

from django import forms
from django.utils import timezone

from oversight.inspection.frameworks import KINDS, Framework, framework_for
from oversight.inspection.models import FindingKind
from oversight.inspection.services import FindingText, InspectionFacts
from oversight.inspection.standing import JUDGEMENTS
from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios, Select, Textarea, TextInput
from oversight.web.inspection import FINDING_HEADINGS
from oversight.web.words import long_date

VISIT_KINDS = ("focused-visit", "monitoring-visit", "jtai")


class PictureForm(GovukForm):
    """The national picture's question: which day, which judgement, and changes since when."""

    as_at = DateField(label="As at", required=False, initial=timezone.localdate,
                      help_text="Leave empty for today")  # fmt: skip
    judgement = forms.ChoiceField(
        label="Judgement", required=False, choices=list(JUDGEMENTS.items()), widget=Select()
    )
    since = DateField(
        label="Changes since (optional)",
        required=False,
        help_text="List the LAs whose grade changed between this day and the first",
    )
    published_by = DateField(
        label="Published by (optional)",
        required=False,
        help_text="Count inspections over by the first day and published by this one, as "
        "Ofsted's statistics do (they count those published within a month after)",
    )


class InspectionForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of inspection", widget=Radios())
    started = DateField(label="First day on site", past_only=True)
    ended = DateField(label="Last day on site", past_only=True)
    published = DateField(label="Date the report was published (optional)", required=False,
                          name="Date the report was published", past_only=True)  # fmt: skip
    report_url = forms.URLField(
        label="Link to the report (optional)",
        required=False,
        assume_scheme="https",
        max_length=300,
        widget=TextInput(),
    )
    lead_inspector = forms.CharField(label="Lead inspector (optional)", required=False,
                                     max_length=100, widget=TextInput(width=20))  # fmt: skip

    def __init__(self, *args: object, framework: Framework, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.framework = framework
        kinds = [*framework.kinds, *VISIT_KINDS]
        self.fields["kind"].choices = [(kind, KINDS[kind]) for kind in kinds]
        for area in framework.areas:
            self.fields[f"grade_{area.key}"] = self._grade_field(area.name)
        if framework.has_overall:
            self.fields["overall_reason"] = forms.CharField(
                label="Why the overall judgement differs from the default (if it does)",
                required=False,
                widget=Textarea(rows=4),
                help_text="Needed only when the overall is not what the other judgements "
                "would usually give, for example leaders inadequate but the overall requires "
                "improvement",
            )
        for kind, heading in FINDING_HEADINGS.items():
            self.fields[f"findings_{kind}"] = forms.CharField(
                label=f"{heading} (optional)", required=False, widget=Textarea(rows=4),
                help_text="One a line",
            )  # fmt: skip
        # The service names a grade by its area; the form's field is grade_<area>.
        self.service_fields = {area: f"grade_{area}" for area in framework.area_names}

    def _grade_field(self, name: str) -> forms.ChoiceField:
        scale = self.framework.scale
        grades = [(g.key, g.label[:1].upper() + g.label[1:]) for g in scale.grades] if scale else []
        return forms.ChoiceField(
            label=name, required=False, choices=[("", "Not graded"), *grades], widget=Select()
        )

    @property
    def graded_kind(self) -> bool:
        return self.cleaned_data.get("kind") in self.framework.kinds

    def clean(self) -> dict:
        data = super().clean()
        kind, started = data.get("kind"), data.get("started")
        if kind and started:
            self._check_framework(kind, started)
        for area in self.framework.areas:
            name = f"grade_{area.key}"
            if self.graded_kind and not data.get(name):
                self.add_error(name, f"Select the grade for {area.name[:1].lower()}{area.name[1:]}")
            elif kind in VISIT_KINDS and data.get(name):
                self.add_error(name, f"A {KINDS[kind].lower()} is not graded: choose Not graded")
        return data

    def _check_framework(self, kind: str, started: object) -> None:
        try:
            held = framework_for(kind, started)  # type: ignore[arg-type]
        except ValueError as error:
            self.add_error("started", str(error)[:1].upper() + str(error)[1:])
            return
        if kind in self.framework.kinds and held != self.framework:
            self.add_error(
                "started",
                f"An inspection that started on {long_date(started)} was under the {held.name}: "
                "choose that framework above the form",
            )

    def facts(self) -> InspectionFacts:
        data = self.cleaned_data
        grades = {area: data[f"grade_{area}"] for area in self.framework.area_names}
        return InspectionFacts(
            kind=data["kind"],
            started=data["started"],
            ended=data["ended"],
            published=data.get("published"),
            judgements={area: grade for area, grade in grades.items() if grade},
            findings=tuple(
                FindingText(kind, line.strip())
                for kind in FindingKind.values
                for line in data[f"findings_{kind}"].splitlines()
                if line.strip()
            ),
            overall_reason=data.get("overall_reason", ""),
            report_url=data.get("report_url", ""),
            lead_inspector=data.get("lead_inspector", ""),
        )
