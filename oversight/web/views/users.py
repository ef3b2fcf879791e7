"""Users, for administrators: who has an account, and resetting a lost authenticator.

Administrators manage accounts and see no children. A reset goes through
``accounts.resets.reset_authenticator``, which ends the user's sessions and writes the
access log; the user sets up a new authenticator when they next sign in.
"""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.models import User
from oversight.accounts.resets import ResetRefused, reset_authenticator
from oversight.web.access_log import client_address
from oversight.web.forms.accounts import ResetAuthenticatorForm
from oversight.web.permissions import accounts_required
from oversight.web.views.pages import form_page, posted


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
def reset(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User.objects.filter(is_active=True), pk=pk)
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
