"""The forms for a child missing from placement, or away from it without authorisation:
the episode, the return, and the return home interview."""

from django import forms

from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios

AWAY_CHOICES = [
    ("missing", "Missing: where the child was, was not known"),
    ("away", "Away from placement without authorisation: where the child was, was known"),
]


class MissingEpisodeForm(GovukForm):
    gone = forms.ChoiceField(
        choices=AWAY_CHOICES, widget=Radios(), label="Was the child missing or away?",
        error_messages={"required": "Select whether the child was missing or away"},
    )  # fmt: skip
    started_on = DateField(label="Date the child went", name="date the child went", past_only=True)
    returned_on = DateField(
        label="Date the child came back (if back)", name="date the child came back",
        past_only=True, required=False,
        help_text="After being missing, a return home interview is due within 72 hours",
    )  # fmt: skip


class ReturnForm(GovukForm):
    returned_on = DateField(
        label="Date the child came back", name="date the child came back", past_only=True
    )


class ReturnInterviewForm(GovukForm):
    held_on = DateField(label="Date of the interview", name="date of the interview",
                        past_only=True)  # fmt: skip
