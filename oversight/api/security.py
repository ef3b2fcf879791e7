"""How the API knows who is asking: the web session, once both sign-in steps are passed."""

from typing import Any

from django.http import HttpRequest
from ninja.security import SessionAuth


class VerifiedSessionAuth(SessionAuth):
    """Django's session, signed in with a password and a code (django-otp verified).

    A session that has given only the password is refused (401), as is no session, and one
    whose user has yet to replace a one-time password with their own.
    """

    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        user = super().authenticate(request, key)
        if user is not None and user.is_verified() and not user.must_change_password:
            return user
        return None


verified_session = VerifiedSessionAuth()
