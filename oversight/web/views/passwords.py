"""Your own password: choosing it at sign-in in place of a one-time password, and changing it.

A user given a one-time password by an administrator (``User.must_change_password``)
reaches no page but this one, and signing out, until they have chosen their own: every
other page that needs the second step needs this too (``password_chosen_required``,
applied in ``urls.py``). Choosing or changing a password keeps this session, ends every
other one, and is written to the access log (``accounts.passwords``).
"""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from oversight.accounts.passwords import set_own_password
from oversight.web.access_log import client_address
from oversight.web.forms.passwords import ChangePasswordForm, ChoosePasswordForm, NewPasswordForm
from oversight.web.views.pages import form_page, posted
from oversight.web.views.second_factor import next_page

View = Callable[..., HttpResponse]


def before_password_chosen(view: View) -> View:
    """Mark a view as open to a user who has not yet replaced their one-time password."""
    view.password_chosen_required = False  # type: ignore[attr-defined]
    return view


def password_chosen_required(view: View) -> View:
    """Send a user with a one-time password to choose their own, then back here."""

    @wraps(view)
    def checked(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.must_change_password:  # type: ignore[union-attr]
            return redirect(choose_password_url(request.get_full_path()))
        return view(request, *args, **kwargs)

    return checked


def choose_password_url(next_url: str) -> str:
    return f"{reverse('web:choose-password')}?{urlencode({'next': next_url})}"


def _set_password(request: HttpRequest, form: NewPasswordForm) -> int:
    """The password chosen: this session goes on (renewed), every other one ends."""
    user = request.user
    ended = set_own_password(user, form.cleaned_data["new_password1"],  # type: ignore[arg-type]
                             keep=request.session.session_key,
                             address=client_address(request))  # fmt: skip
    update_session_auth_hash(request, user)  # type: ignore[arg-type]
    return ended


def _elsewhere(ended: int) -> str:
    devices = "1 other device" if ended == 1 else f"{ended} other devices"
    return f", and you were signed out on {devices}" if ended else ""


@before_password_chosen
def choose_password(request: HttpRequest) -> HttpResponse:
    after = next_page(request)
    if not request.user.must_change_password:  # type: ignore[union-attr]
        return redirect(after)
    form = ChoosePasswordForm(request.user, posted(request))  # type: ignore[arg-type]
    if form.is_valid():
        ended = _set_password(request, form)
        messages.success(request, f"Your password is saved: sign in with it from now on"
                         f"{_elsewhere(ended)}")  # fmt: skip
        return redirect(after)
    context = {"form": form, "next": after, "title": "Choose your password"}
    return render(request, "web/choose_password.html", context)


def change_password(request: HttpRequest) -> HttpResponse:
    form = ChangePasswordForm(request.user, posted(request))  # type: ignore[arg-type]
    if form.is_valid():
        ended = _set_password(request, form)
        messages.success(request, f"Your password is changed{_elsewhere(ended)}")
        return redirect("web:account")
    return form_page(request, form, title="Change your password", submit="Change password",
                     back=reverse("web:account"),
                     about="web/account/change_password_about.html")  # fmt: skip
