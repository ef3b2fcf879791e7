"""Choosing and changing your own password: Django's password forms, in the GOV.UK style.

The configured password validators decide what is accepted; every reason they give is
shown at once, against the new password. A new password must not be the one the user has
now (for a user choosing theirs at sign-in: the one-time password the administrator knows).
"""

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError

from oversight.accounts.models import User
from oversight.web.forms.base import GovukFormMixin
from oversight.web.forms.widgets import PasswordInput

NEW_PASSWORD = {"autocomplete": "new-password"}


class NewPasswordForm(GovukFormMixin, SetPasswordForm):
    """A new password, twice, checked by the configured validators."""

    new_password1 = forms.CharField(
        label="New password",
        strip=False,
        widget=PasswordInput(attrs=NEW_PASSWORD),
        error_messages={"required": "Enter your new password"},
    )
    new_password2 = forms.CharField(
        label="Confirm your new password",
        strip=False,
        widget=PasswordInput(attrs=NEW_PASSWORD),
        error_messages={"required": "Enter your new password again"},
    )
    error_messages = {
        "password_mismatch": "The two passwords are not the same: enter your new password twice",
    }
    same_password = "Choose a new password, not the one you have now"

    def __init__(self, user: User, data: object = None) -> None:
        super().__init__(user, data)
        # Read when the form is made, so the hint always says what the validators check.
        self.fields["new_password1"].help_text = " ".join(password_validators_help_texts())

    def clean(self) -> dict[str, object]:
        """Django's checks, with every validator's reason against the first box, not the second."""
        self.validate_passwords("new_password1", "new_password2")
        password = self.cleaned_data.get("new_password1")
        if password and "new_password1" not in self.errors:
            self._check_new(password)
        return self.cleaned_data

    def _check_new(self, password: str) -> None:
        try:
            validate_password(password, self.user)
        except ValidationError as refused:
            self.add_error("new_password1", " ".join(refused.messages))
            return
        if self.user.check_password(password):
            self.add_error("new_password1", self.same_password)


class ChoosePasswordForm(NewPasswordForm):
    """At sign-in, in place of a one-time password."""

    same_password = "Choose a new password, not your one-time password"


class ChangePasswordForm(NewPasswordForm, PasswordChangeForm):
    """Your current password, then a new one twice."""

    old_password = forms.CharField(
        label="Your current password",
        strip=False,
        widget=PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your current password"},
    )
    error_messages = {
        **NewPasswordForm.error_messages,
        "password_incorrect": "Your current password is not right: enter it again",
    }
    field_order = ["old_password", "new_password1", "new_password2"]
