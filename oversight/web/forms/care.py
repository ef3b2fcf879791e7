"""Forms for a child in care: a move to a new placement, and why the child moved."""

from django import forms

from oversight.codes import code_set
from oversight.web.forms.base import GovukForm
from oversight.web.forms.choices import NO, CodeField, YesNoField, code_choices
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios, Select

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
    """The new placement, from when, and why the child moved (the DfE's reasons)."""

    service_fields = {"on": "moved_on"}

    moved_on = DateField(label="Date of the move", past_only=True)
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
