"""Forms for a child in care: a move to a new placement, and why the child moved; the
year's outcomes of a child looked after for 12 months (the SSDA903 OC2 items); and what
permanence the child had before this period of care (the SSDA903 previous permanence)."""

from datetime import date

from django import forms
from django.utils import timezone

from oversight.codes import code_set
from oversight.web.forms.base import GovukForm
from oversight.web.forms.choices import NO, CodeField, YesNoField, code_choices
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios, Select, TextInput

# Gone from the DfE's placement types in 2025/26 (K3 and Z11 to Z14 took their place):
# the records keep them for placements made before, but a new one is not made in them.
RETIRED_PLACEMENT_TYPES = frozenset({"H5", "P2", "Z1"})


def placement_type_choices() -> list[tuple[str, str]]:
    placement_types = code_set("placement_type")
    return [("", "Choose one")] + [
        (code.code, code.label)
        for code in placement_types
        if code.code not in RETIRED_PLACEMENT_TYPES
    ]


class MovePlacementForm(GovukForm):
    """The new placement, from when, and why the child moved (the DfE's reasons); and the
    new legal status, when it changed with the move."""

    service_fields = {"on": "moved_on"}

    moved_on = DateField(label="Date of the move", past_only=True)
    legal_status = CodeField(
        "legal_status", blank="No change", required=False,
        label="New legal status, if it changed with the move",
    )  # fmt: skip
    placement_type = forms.ChoiceField(
        label="Placement type",
        choices=placement_type_choices,
        widget=Select(),
        error_messages={"required": "Select the placement type"},
    )
    provider = CodeField(
        "placement_provider", blank="None", label="Placement provider", required=False
    )
    change_reason = forms.ChoiceField(
        label="Why did the child move?",
        choices=lambda: code_choices("reason_for_placement_change"),
        widget=Radios(),
        required=False,
        help_text="Not asked for a move into or out of a temporary placement (T0 to T4)",
    )
    long_term = YesNoField(
        label="Is it agreed as the child's long-term placement?",
        initial=NO,
        help_text="A long-term placement is visited every 3 months after its first year",
    )
    postcode = forms.CharField(
        label="Postcode of the placement (optional)", max_length=10, required=False,
        widget=TextInput(width=10, attrs={"autocomplete": "off"}),
    )  # fmt: skip
    urn = forms.CharField(
        label="Ofsted URN of the provision (optional)", max_length=10, required=False,
        widget=TextInput(width=10, attrs={"autocomplete": "off"}),
        help_text="For example SC123456; XXXXXXX for a placement Ofsted does not register",
    )  # fmt: skip


class LegalStatusForm(GovukForm):
    """A new legal status in the same placement (a placement order granted, say)."""

    service_fields = {"on": "changed_on"}

    changed_on = DateField(label="Date of the new legal status", past_only=True)
    legal_status = CodeField("legal_status", label="The new legal status")


def years_ending() -> list[tuple[str, str]]:
    """The last two 31 Marches: the year just ended, and the one before."""
    today = timezone.localdate()
    latest = today.year if (today.month, today.day) >= (3, 31) else today.year - 1
    return [(f"{year}-03-31", f"The year to 31 March {year}") for year in (latest, latest - 1)]


def _not_known(label: str, help_text: str = "") -> YesNoField:
    """A Yes or No question that may be left unanswered (not known, or not due)."""
    return YesNoField(label=label, required=False, help_text=help_text)


class YearOutcomesForm(GovukForm):
    """What is known at 31 March of a child looked after for the whole year. A question
    left unanswered is not known, or not due at the child's age."""

    year_end = forms.TypedChoiceField(
        label="Which year?", choices=years_ending, coerce=date.fromisoformat, widget=Radios()
    )
    health_assessment = _not_known("Is the child's health assessment up to date?")
    immunisations = _not_known("Are the child's immunisations up to date?")
    teeth_check = _not_known("Have the child's teeth been checked in the year?")
    health_check = _not_known(
        "Are the child's development checks up to date?", "Asked for children under 5"
    )
    sdq_score = forms.IntegerField(
        label="Strengths and difficulties (SDQ) score", required=False,
        help_text="0 to 40, for children of 4 to 16; leave it empty and give the reason if "
        "there is no score",
        error_messages={"invalid": "Enter the SDQ score as a whole number from 0 to 40"},
    )  # fmt: skip
    sdq_reason = CodeField(
        "sdq_reason", blank="None", label="Why is there no SDQ score?", required=False
    )
    substance_misuse = _not_known("Was a substance misuse problem identified in the year?")
    intervention_received = _not_known(
        "Did the child receive an intervention for it?", "Only if a problem was identified"
    )
    intervention_offered = _not_known(
        "Was the child offered an intervention and refused it?",
        "Only if a problem was identified",
    )
    convicted = _not_known(
        "Was the child convicted of an offence in the year?", "Asked for children of 10 and over"
    )


class PreviousPermanenceForm(GovukForm):
    """Asked when a child starts to be looked after: adopted, or under an order, before?"""

    service_fields = {"on": "made_on"}

    option = forms.ChoiceField(
        label="Before this period of care, was the child adopted or under an order?",
        choices=lambda: code_choices("previous_permanence"),
        widget=Radios(),
        error_messages={"required": "Select the child's previous permanence"},
    )
    la_code = forms.CharField(
        label="Local authority that arranged it (optional)", max_length=3, required=False,
        widget=TextInput(width=4, attrs={"inputmode": "numeric"}),
        help_text="Its three-digit DfE code, for example 352; 999 if it is not known",
    )  # fmt: skip
    made_on = DateField(
        label="Date of the order (optional)", name="date of the order", past_only=True,
        required=False,
    )  # fmt: skip
