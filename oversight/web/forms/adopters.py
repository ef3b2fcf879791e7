"""Forms for prospective adopters: the enquiry that records a household (one adopter or a
couple), the household's steps through assessment to approval, and its leaving the
process. Each passes its answers to ``services.adopters`` as they stand."""

from datetime import date
from typing import Any

from django import forms
from django.utils.text import capfirst

from oversight.casework.models import AdopterHousehold, LeavingReason
from oversight.casework.models.adopters import STEPS
from oversight.casework.services import AdopterDetails
from oversight.web.forms.base import GovukForm
from oversight.web.forms.choices import CodeField, YesNoField, code_choices
from oversight.web.forms.dates import DateField
from oversight.web.forms.saving import VersionedForm
from oversight.web.forms.widgets import Radios, TextInput

# What is asked of each adopter, as ``AdopterDetails`` names it; the second adopter's
# fields carry the prefix.
DETAILS = ("adopter_id", "first_name", "last_name", "sex", "ethnicity", "disabled")
SECOND = "second_"
LABELS = dict(STEPS)
# The steps the form records (the enquiry is recorded when the household is).
STEP_FIELDS = tuple(name for name, _ in STEPS[1:])


def adopter_fields(who: str, required: bool = True) -> tuple[forms.Field, ...]:
    """One adopter's fields, in the order of ``DETAILS``; ``who`` is "the adopter"."""
    sentence = f"{capfirst(who)}'s"
    return (
        forms.CharField(
            label=f"{sentence} identifier", max_length=36, required=required,
            widget=TextInput(width=10, attrs={"spellcheck": "false"}),
            help_text=f"{sentence} own identifier (Annex A's individual adopter identifier)",
        ),
        forms.CharField(label=f"{sentence} first name", max_length=60, required=required,
                        widget=TextInput(width=20)),
        forms.CharField(label=f"{sentence} last name", max_length=60, required=required,
                        widget=TextInput(width=20)),
        forms.ChoiceField(label=f"{sentence} sex", choices=lambda: code_choices("sex"),
                          widget=Radios(), required=required),
        CodeField("ethnicity", label=f"{sentence} ethnicity", blank="Choose an ethnicity",
                  required=required),
        YesNoField(label=f"Does {who} have a disability?", required=required,
                   error_messages={"required": f"Select yes if {who} has a disability"}),
    )  # fmt: skip


class AdopterEnquiryForm(GovukForm):
    """A new household: its identifier, the day its enquiry came, and its one or two
    adopters (the second asked only of a couple)."""

    family_id = forms.CharField(
        label="Family identifier", max_length=36,
        widget=TextInput(width=10, attrs={"spellcheck": "false"}),
        help_text="The household's identifier (Annex A's family identifier)",
    )  # fmt: skip
    enquiry_on = DateField(label="Date the enquiry was received", name="date of the enquiry",
                           past_only=True)  # fmt: skip
    adopter_id, first_name, last_name, sex, ethnicity, disabled = adopter_fields("the adopter")
    couple = YesNoField(
        label="Is a second adopter applying with them?",
        error_messages={"required": "Select yes if a second adopter is applying with them"},
    )
    (
        second_adopter_id, second_first_name, second_last_name, second_sex, second_ethnicity,
        second_disabled,
    ) = adopter_fields("the second adopter", required=False)  # fmt: skip
    reveals = {"couple": {"yes": tuple(SECOND + detail for detail in DETAILS)}}
    service_fields = {
        f"adopters.{n}.{detail}": f"{prefix}{detail}"
        for n, prefix in enumerate(("", SECOND))
        for detail in DETAILS
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("couple"):
            for name in self.reveals["couple"]["yes"]:
                if data.get(name) in ("", None):
                    self.add_error(name, self.fields[name].error_messages["required"])
        return data

    def adopters(self) -> list[AdopterDetails]:
        """The household's people, as the service takes them."""
        prefixes = ("", SECOND) if self.cleaned_data["couple"] else ("",)
        return [
            AdopterDetails(**{detail: self.cleaned_data[prefix + detail] for detail in DETAILS})
            for prefix in prefixes
        ]


def step_field(name: str) -> DateField:
    label = LABELS[name]
    return DateField(label=capfirst(label), name=f"the date {label}", past_only=True,
                     required=False)  # fmt: skip


class AdopterStepsForm(VersionedForm):
    """Every step as held, to add to or correct; a date emptied is cleared (a step recorded
    in error), and a step is refused before the one it follows."""

    stage1_started_on = step_field("stage1_started_on")
    stage1_ended_on = step_field("stage1_ended_on")
    stage2_started_on = step_field("stage2_started_on")
    stage2_ended_on = step_field("stage2_ended_on")
    applied_on = step_field("applied_on")
    approved_on = step_field("approved_on")
    fostering_for_adoption = YesNoField(
        label="Are they approved for fostering for adoption or concurrent planning?",
        help_text="To foster a child while adoption is planned",
        error_messages={"required": "Select yes if they are approved for fostering for adoption"},
    )

    def __init__(self, *args: object, household: AdopterHousehold, **kwargs: object) -> None:
        initial = {name: getattr(household, name) for name in STEP_FIELDS}
        initial["fostering_for_adoption"] = household.fostering_for_adoption
        super().__init__(*args, record=household, initial=initial, **kwargs)

    def answers(self) -> dict[str, date | bool | None]:
        """The steps and fostering for adoption, as ``record_adopter_steps`` takes them."""
        names = (*STEP_FIELDS, "fostering_for_adoption")
        return {name: self.cleaned_data[name] for name in names}


class AdoptersLeftForm(VersionedForm):
    """The day the household left the process and why; opens with what is held."""

    left_on = DateField(label="Date they left the process", name="date they left",
                        past_only=True)  # fmt: skip
    reason = forms.ChoiceField(
        label="Why did they leave?", choices=LeavingReason.choices, widget=Radios(),
        error_messages={"required": "Select why they left the process"},
    )  # fmt: skip

    def __init__(self, *args: object, household: AdopterHousehold, **kwargs: object) -> None:
        initial = {"left_on": household.left_on, "reason": household.left_reason}
        super().__init__(*args, record=household, initial=initial, **kwargs)

    def answers(self) -> dict[str, object]:
        return {"left_on": self.cleaned_data["left_on"], "reason": self.cleaned_data["reason"]}
