"""Managing accounts: the reason an administrator gives for resetting an authenticator."""

from django import forms

from oversight.accounts.resets import REASON_AT_LEAST
from oversight.web.forms.base import GovukForm
from oversight.web.forms.widgets import Textarea


class ResetAuthenticatorForm(GovukForm):
    reason = forms.CharField(
        label="Why are you resetting it, and how did you check who asked?",
        widget=Textarea(rows=3),
        min_length=REASON_AT_LEAST,
        max_length=200,
        strip=True,
        help_text="For example: phone lost, asked in person, ticket 12345. "
        "This is written to the access log.",
        error_messages={
            "required": "Enter why you are resetting the authenticator",
            "min_length": f"Enter a reason of at least {REASON_AT_LEAST} characters",
            "max_length": "Enter a reason of 200 characters or fewer",
        },
    )
