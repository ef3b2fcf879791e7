"""Users, for administrators: who has an account, adding one, changing what someone does,
ending an account, resetting a lost authenticator, and a new one-time password for a
forgotten one.

Administrators manage accounts and see no children. Changes go through ``accounts.manage``
and resets through ``accounts.resets``; both write the access log, and ending an account,
resetting an authenticator or giving a new one-time password ends the user's sessions. A
one-time password, for a new user or a forgotten password, is shown once, on the page
answering the form, and is never kept.
"""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.manage import (
    AccountRefused,
    Added,
    add_user,
    change_user,
    end_account,
    new_one_time_password,
)
from oversight.accounts.models import User
from oversight.accounts.resets import ResetRefused, reset_authenticator
from oversight.accounts.roles import Role
from oversight.web.access_log import client_address
from oversight.web.forms.accounts import (
    AddUserForm,
    ChangeUserForm,
    EndAccountForm,
    NewOneTimePasswordForm,
    ResetAuthenticatorForm,
)
from oversight.web.permissions import accounts_required
from oversight.web.views.pages import form_page, posted


def _active_user(pk: int) -> User:
    return get_object_or_404(User.objects.filter(is_active=True), pk=pk)


@accounts_required
def users(request: HttpRequest) -> HttpResponse:
    devices = TOTPDevice.objects.filter(user=OuterRef("pk"))
    people = (
        User.objects.filter(is_active=True)
        .select_related("team", "service")
        .annotate(has_device=Exists(devices), set_up=Exists(devices.filter(confirmed=True)))
        .order_by("last_name", "first_name", "username")
    )
    return render(request, "web/users/list.html", {"title": "Users", "people": people})


@accounts_required
def add(request: HttpRequest) -> HttpResponse:
    form = AddUserForm(posted(request))
    if form.is_valid():
        try:
            added = add_user(form.account(), request.user, form.cleaned_data["reason"],  # type: ignore[arg-type]
                             client_address(request))  # fmt: skip
        except AccountRefused as refused:
            form.refused(refused)
        else:
            return _show_password(request, "web/users/added.html",
                                  f"{added.user.display_name} is added", added)  # fmt: skip
    return form_page(request, form, title="Add a user", submit="Add user",
                     back=reverse("web:users"), about="web/users/add_about.html")  # fmt: skip


def _show_password(request: HttpRequest, template: str, title: str, added: Added) -> HttpResponse:
    response = render(request, template, {"title": title, "added": added})
    response["Cache-Control"] = "no-store"  # the password is shown this once
    return response


@accounts_required
def change(request: HttpRequest, pk: int) -> HttpResponse:
    person = _active_user(pk)
    form = ChangeUserForm(posted(request), person)
    if form.is_valid():
        data = form.cleaned_data
        try:
            changed = change_user(
                person, request.user, role=Role(data["role"]), team=data["team"],  # type: ignore[arg-type]
                service=data["service"], inspection_window=form.inspection_window(),
                swe_number=data["swe_number"], reason=data["reason"],
                address=client_address(request),
            )  # fmt: skip
        except AccountRefused as refused:
            form.refused(refused)
        else:
            messages.success(request, f"{person.display_name}: {'; '.join(changed)}")
            return redirect("web:users")
    return form_page(request, form, title=f"Change what {person.display_name} does",
                     submit="Save changes", back=reverse("web:users"),
                     about="web/users/person_about.html", person=person)  # fmt: skip


@accounts_required
def end(request: HttpRequest, pk: int) -> HttpResponse:
    person = _active_user(pk)
    form = EndAccountForm(posted(request))
    if form.is_valid():
        try:
            sessions = end_account(person, request.user, form.cleaned_data["reason"],  # type: ignore[arg-type]
                                   client_address(request))  # fmt: skip
        except AccountRefused as refused:
            form.add_error("reason", refused.message)
        else:
            signed_out = f", and they were signed out on {sessions} devices" if sessions else ""
            messages.success(request, f"{person.display_name}'s account has ended{signed_out}")
            return redirect("web:users")
    return form_page(request, form, title=f"End {person.display_name}'s account",
                     submit="End account", back=reverse("web:users"),
                     about="web/users/end_about.html", person=person,
                     allocated=person.allocations.filter(end_on__isnull=True).count())  # fmt: skip


@accounts_required
def reset(request: HttpRequest, pk: int) -> HttpResponse:
    person = _active_user(pk)
    form = ResetAuthenticatorForm(posted(request))
    if form.is_valid():
        try:
            reset_authenticator(person, request.user, form.cleaned_data["reason"],  # type: ignore[arg-type]
                                client_address(request))  # fmt: skip
        except ResetRefused as refused:
            form.add_error("reason", str(refused))
        else:
            messages.success(request, f"{person.display_name}'s authenticator is reset: they "
                             "set up a new one when they next sign in")  # fmt: skip
            return redirect("web:users")
    return form_page(request, form, title=f"Reset {person.display_name}'s authenticator",
                     submit="Reset authenticator", back=reverse("web:users"),
                     about="web/users/reset_about.html", person=person)  # fmt: skip


@accounts_required
def new_password(request: HttpRequest, pk: int) -> HttpResponse:
    """A new one-time password for someone who has forgotten theirs, shown once."""
    person = _active_user(pk)
    form = NewOneTimePasswordForm(posted(request))
    if form.is_valid():
        try:
            password = new_one_time_password(person, request.user, form.cleaned_data["reason"],  # type: ignore[arg-type]
                                             client_address(request))  # fmt: skip
        except AccountRefused as refused:
            form.add_error("reason", refused.message)
        else:
            return _show_password(request, "web/users/new_password.html",
                                  f"New one-time password for {person.display_name}",
                                  Added(person, password))  # fmt: skip
    return form_page(request, form, title=f"Give {person.display_name} a new one-time password",
                     submit="Make a new password", back=reverse("web:users"),
                     about="web/users/new_password_about.html", person=person)  # fmt: skip
