"""Signing in and out, with Django's authentication views in the GOV.UK style.

Signing in takes two steps: the password here, then a code from an authenticator app
(``second_factor.py``). django-axes watches the password step; when it locks a username
and address out, the sign-in page says so.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from oversight.web.forms.sign_in import SignInForm, locked_out_message


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "web/sign_in.html"
    redirect_authenticated_user = True
    extra_context = {"title": "Sign in"}

    def get_success_url(self) -> str:
        """The password is right: on to the second step, which then goes where asked."""
        return second_step_url(super().get_success_url())


def second_step_url(next_url: str) -> str:
    return f"{reverse('web:second-step')}?{urlencode({'next': next_url})}"


def locked_out(
    request: HttpRequest, response: HttpResponse | None, credentials: object = None
) -> HttpResponse:
    """django-axes' lockout response: the sign-in page, whose form already says why."""
    if response is None:
        return HttpResponse(locked_out_message(), status=403, content_type="text/plain")
    response.status_code = 403
    return response


class SignOutView(auth_views.LogoutView):
    """Sign out by POST only (Django refuses GET), then back to the sign-in page."""

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.info(request, "You have signed out")
        return response
