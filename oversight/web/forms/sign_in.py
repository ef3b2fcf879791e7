"""The sign-in form: Django's authentication form drawn in the GOV.UK style."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from oversight.web.forms.base import GovukFormMixin
from oversight.web.forms.widgets import PasswordInput, TextInput


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
