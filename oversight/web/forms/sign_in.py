"""The sign-in forms: Django's authentication form, and the security code, GOV.UK style."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm

from oversight.web.forms.base import GovukFormMixin
from oversight.web.forms.widgets import NumericInput, PasswordInput, TextInput


class SignInForm(GovukFormMixin, AuthenticationForm):
    username = forms.CharField(
        label="Username",
        widget=TextInput(
            width=20,
            attrs={"autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"},
        ),
        error_messages={"required": "Enter your username"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": "Enter a correct username and password",
        "inactive": "This account cannot sign in. Ask your administrator.",
    }
    non_field_error_anchor = "username"

    def get_invalid_login_error(self) -> forms.ValidationError:
        """Say so when django-axes has locked this username and address out."""
        if getattr(self.request, "axes_locked_out", False):
            return forms.ValidationError(locked_out_message(), code="locked_out")
        return super().get_invalid_login_error()


def locked_out_message() -> str:
    return (
        "You entered a wrong password or security code too many times. Wait "
        f"{settings.OVERSIGHT_LOCKOUT_MINUTES} minutes, then try again."
    )


class CodeForm(GovukFormMixin, forms.Form):
    """The 6-digit code from the authenticator app (the second step, and enrolment)."""

    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app",
        widget=NumericInput(
            width=5, attrs={"autocomplete": "one-time-code", "autocapitalize": "none"}
        ),
        error_messages={"required": "Enter the security code"},
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "").replace("-", "")
        if not (len(code) == 6 and code.isascii() and code.isdigit()):
            raise forms.ValidationError("Enter the security code as 6 digits, like 123456")
        return code
