"""Signing in and out, with Django's authentication views in the GOV.UK style."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse

from oversight.web.forms.sign_in import SignInForm


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "web/sign_in.html"
    redirect_authenticated_user = True
    extra_context = {"title": "Sign in"}


class SignOutView(auth_views.LogoutView):
    """Sign out by POST only (Django refuses GET), then back to the sign-in page."""

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.info(request, "You have signed out")
        return response
