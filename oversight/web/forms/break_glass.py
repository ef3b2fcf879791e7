"""The reason a user gives for opening a restricted record (break-glass)."""

from django import forms

from oversight.casework.services.break_glass import REASON_AT_LEAST
from oversight.web.forms.base import GovukForm
from oversight.web.forms.widgets import Textarea


class BreakGlassForm(GovukForm):
    reason = forms.CharField(
        label="Why do you need to open this record now?",
        widget=Textarea(rows=4),
        min_length=REASON_AT_LEAST,
        max_length=1000,
        strip=True,
        help_text="Senior leaders are told that you opened it, and why. "
        "Access lasts one hour and is written to the access log.",
        error_messages={
            "required": "Enter why you need to open this record",
            "min_length": f"Enter a reason of at least {REASON_AT_LEAST} characters",
            "max_length": "Enter a reason of 1,000 characters or fewer",
        },
    )
