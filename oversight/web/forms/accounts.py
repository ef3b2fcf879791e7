"""Managing accounts: adding a user, changing what they do, ending an account, and the
reason an administrator gives for resetting an authenticator or giving a new one-time
password.

The rules (which roles need a team or a service, a reason of at least 10 characters to end
an account) are ``accounts.manage``'s; its refusals are shown against the field they name.
"""

from datetime import date

from django import forms

from oversight.accounts.manage import AccountRefused, NewAccount
from oversight.accounts.models import Service, Team, User
from oversight.accounts.resets import REASON_AT_LEAST
from oversight.accounts.roles import Role
from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios, Select, Textarea, TextInput

AT_MOST = 200
REASON_ERRORS = {
    "min_length": f"Enter a reason of at least {REASON_AT_LEAST} characters",
    "max_length": f"Enter a reason of {AT_MOST} characters or fewer",
}


class ResetAuthenticatorForm(GovukForm):
    reason = forms.CharField(
        label="Why are you resetting it, and how did you check who asked?",
        widget=Textarea(rows=3),
        min_length=REASON_AT_LEAST,
        max_length=AT_MOST,
        strip=True,
        help_text="For example: phone lost, asked in person, ticket 12345. "
        "This is written to the access log.",
        error_messages={
            "required": "Enter why you are resetting the authenticator",
            **REASON_ERRORS,
        },
    )


class NewOneTimePasswordForm(GovukForm):
    reason = forms.CharField(
        label="Why are you giving them a new password, and how did you check who asked?",
        widget=Textarea(rows=3),
        min_length=REASON_AT_LEAST,
        max_length=AT_MOST,
        strip=True,
        help_text="For example: forgot their password, asked in person, ticket 12345. "
        "This is written to the access log.",
        error_messages={
            "required": "Enter why you are giving them a new password",
            **REASON_ERRORS,
        },
    )


class EndAccountForm(GovukForm):
    reason = forms.CharField(
        label="Why are you ending this account?",
        widget=Textarea(rows=3),
        min_length=REASON_AT_LEAST,
        max_length=AT_MOST,
        strip=True,
        help_text="For example: left the council on 28 February, ticket 12345. "
        "This is written to the access log.",
        error_messages={"required": "Enter why you are ending the account", **REASON_ERRORS},
    )


class TeamField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Team) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.service.name})"


class WhatTheyDoForm(GovukForm):
    """The role, and the team, service or inspection window the role needs."""

    role = forms.ChoiceField(
        label="Role", choices=[(r.value, r.label) for r in Role], widget=Radios()
    )
    team = TeamField(
        label="Team",
        queryset=Team.objects.select_related("service"),
        required=False,
        widget=Select(),
        empty_label="No team",
        help_text="For a practitioner, team manager or IRO: they are in the team's service",
    )
    service = forms.ModelChoiceField(
        label="Service",
        queryset=Service.objects.order_by("name"),
        required=False,
        widget=Select(),
        empty_label="No service",
        help_text="For a service manager only",
    )
    swe_number = forms.CharField(
        label="Social Work England number (optional)",
        required=False,
        max_length=20,
        strip=True,
        widget=TextInput(width=10, attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text="For a social worker: SW and digits, like SW123456. The SSDA903 return "
        "gives it as the child's social worker's id",
    )
    window_from = DateField(
        label="Inspection window from",
        name="First day of the inspection window",
        required=False,
        help_text="For an inspector only: the first day they may read records",
    )
    window_to = DateField(
        label="Inspection window to",
        name="Last day of the inspection window",
        required=False,
        help_text="The last day they may read records",
    )
    reason = forms.CharField(
        label="Why (optional)",
        widget=Textarea(rows=2),
        required=False,
        max_length=AT_MOST,
        strip=True,
        help_text="For example, a ticket number. This is written to the access log.",
        error_messages={"max_length": REASON_ERRORS["max_length"]},
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("window_from"), cleaned.get("window_to")
        window_wrong = {"window_from", "window_to"} & set(self.errors)
        if bool(start) != bool(end) and not window_wrong:
            missing = "window_to" if start else "window_from"
            self.add_error(missing, "Enter both days of the inspection window, or neither")
        return cleaned

    def inspection_window(self) -> tuple[date, date] | None:
        start, end = self.cleaned_data.get("window_from"), self.cleaned_data.get("window_to")
        return (start, end) if start and end else None

    def refused(self, refusal: AccountRefused) -> None:
        """Show a refusal of ``accounts.manage`` against the field it is about."""
        field = "window_from" if refusal.field == "inspection_window" else refusal.field
        self.add_error(field if field in self.fields else None, refusal.message)


class AddUserForm(WhatTheyDoForm):
    username = forms.CharField(
        label="Username",
        max_length=150,
        widget=TextInput(width=20, attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text="What they sign in with: letters, digits and @ . + - _ only",
    )
    first_name = forms.CharField(label="First name", max_length=150, widget=TextInput(width=20))
    last_name = forms.CharField(label="Last name", max_length=150, widget=TextInput(width=20))
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        widget=TextInput(attrs={"type": "email", "autocomplete": "off", "spellcheck": "false"}),
        error_messages={"invalid": "Enter an email address like name@example.gov.uk"},
    )

    field_order = ["username", "first_name", "last_name", "email"]

    def account(self) -> NewAccount:
        data = self.cleaned_data
        return NewAccount(
            username=data["username"],
            role=Role(data["role"]),
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            team=data["team"],
            service=data["service"],
            inspection_window=self.inspection_window(),
            swe_number=data["swe_number"],
        )


class ChangeUserForm(WhatTheyDoForm):
    """Opens with what the user does now; a team or service left blank is kept if it fits."""

    def __init__(self, data: object, person: User) -> None:
        window = (person.inspection_window_start, person.inspection_window_end)
        initial = {"role": person.role, "team": person.team_id,
                   "service": person.service_id if person.team_id is None else None,
                   "window_from": window[0], "window_to": window[1],
                   "swe_number": person.swe_number}  # fmt: skip
        super().__init__(data, initial=initial)
