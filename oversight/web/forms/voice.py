"""The child's voice as a form asks for it, defined once for every event that records it.

Visits use it now; assessments, conferences and reviews take the same fields in their
casework services, so a form for any of them adds ``ChildsVoiceFields`` as a base and
passes ``voice()`` to its service.
"""

from typing import Any, ClassVar

from django import forms

from oversight.casework.models import HowExpressed
from oversight.casework.models.voice import VOICE_FIELDS
from oversight.web.forms.choices import YesNoField
from oversight.web.forms.widgets import Radios, Textarea

VIEWS_MISSING = "Enter the child's views, in their own words where you can"
# Answers that only make sense once the child's views were heard.
HEARD_ONLY = ("views", "how_expressed", "what_changed")


class ChildsVoiceFields(forms.Form):
    """Seen, seen alone, the child's views, how they were expressed, and what changed.

    Put it first among a form's bases (``class VisitForm(ChildsVoiceFields, GovukForm)``)
    so that its ``reveals`` and ``clean`` come before the GOV.UK form's.
    """

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
    what_changed = forms.CharField(
        label="What changed because of the child's views (optional)",
        required=False,
        widget=Textarea(rows=4),
        help_text="What was decided or done differently because of what the child said",
    )
    reveals: ClassVar[dict[str, dict[str, tuple[str, ...]]]] = {
        "views_recorded": {"yes": HEARD_ONLY}
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("views_recorded") is False:
            data.update(dict.fromkeys(HEARD_ONLY, ""))  # typed, then answered no
        elif data.get("views_recorded") and not data.get("views", "").strip():
            self.add_error("views", VIEWS_MISSING)
        if data.get("seen") is False and data.get("seen_alone"):
            self.add_error("seen_alone", "A child seen alone must also have been seen")
        return data

    def voice(self) -> dict[str, Any]:
        """The cleaned answers, as the casework services take them."""
        return {name: self.cleaned_data[name] for name in VOICE_FIELDS}
