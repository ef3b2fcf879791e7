"""Forms for the work done with a child on a plan: visits and management oversight."""

from django import forms
from django.utils import timezone

from oversight.casework.models import HowExpressed, OversightKind, VisitKind
from oversight.web.forms.base import GovukForm
from oversight.web.forms.choices import YesNoField
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios, Textarea

VIEWS_MISSING = "Enter the child's views, in their own words where you can"


class VisitForm(GovukForm):
    kind = forms.ChoiceField(
        label="Kind of visit",
        choices=VisitKind.choices,
        widget=Radios(),
        error_messages={"required": "Select the kind of visit"},
    )
    visited_on = DateField(label="Date of visit", past_only=True)
    seen = YesNoField(
        label="Was the child seen?", error_messages={"required": "Select yes if the child was seen"}
    )
    seen_alone = YesNoField(
        label="Was the child seen alone?",
        error_messages={"required": "Select yes if the child was seen alone"},
    )
    views_recorded = YesNoField(
        label="Did the child share their views?",
        error_messages={"required": "Select yes if the child shared their views"},
    )
    views = forms.CharField(
        label="The child's views",
        required=False,
        widget=Textarea(rows=6),
        help_text="In the child's own words where you can",
    )
    how_expressed = forms.ChoiceField(
        label="How the child expressed their views (optional)",
        required=False,
        choices=HowExpressed.choices,
        widget=Radios(),
    )
    reveals = {"views_recorded": {"yes": ("views", "how_expressed")}}

    def clean(self) -> dict:
        data = super().clean()
        if data.get("views_recorded") is False:
            data["views"], data["how_expressed"] = "", ""
        elif data.get("views_recorded") and not data.get("views", "").strip():
            self.add_error("views", VIEWS_MISSING)
        if data.get("seen") is False and data.get("seen_alone"):
            self.add_error("seen_alone", "A child seen alone must also have been seen")
        return data


class OversightForm(GovukForm):
    kind = forms.ChoiceField(
        label="Kind of oversight",
        choices=OversightKind.choices,
        widget=Radios(),
        error_messages={"required": "Select the kind of oversight"},
    )
    recorded_on = DateField(label="Date of oversight", past_only=True, initial=timezone.localdate)
    note = forms.CharField(
        label="Oversight",
        widget=Textarea(rows=8),
        help_text="What you reviewed, what you decided, and what must happen next and by when",
        error_messages={"required": "Enter the oversight: what you reviewed and what you decided"},
    )
