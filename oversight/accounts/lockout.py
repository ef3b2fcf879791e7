"""One count of failed sign-ins for a username at an address: wrong passwords and wrong codes.

django-axes counts wrong passwords itself (its authentication backend). A wrong security
code, at the second step or when setting up an authenticator, is reported to it here as a
failed sign-in too, so ``OVERSIGHT_SIGN_IN_FAILURE_LIMIT`` wrong passwords or codes, in any
mix, lock that username at that address out of both steps for
``OVERSIGHT_LOCKOUT_MINUTES``. The count is cleared only when both steps are passed, not
after the password alone (``AXES_RESET_ON_SUCCESS`` is off): someone who knows the password
cannot wipe the count of their wrong codes by signing in with it again.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_ip_address, get_credentials
from axes.utils import reset
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest


def _credentials(request: HttpRequest) -> dict[str, object]:
    return get_credentials(request.user.get_username())


def count_wrong_code(request: HttpRequest) -> bool:
    """Count a wrong code as a failed sign-in; True when it reaches the limit."""
    user_login_failed.send(sender=__name__, credentials=_credentials(request), request=request)
    return bool(getattr(request, "axes_locked_out", False))


def sign_in_locked(request: HttpRequest) -> bool:
    """Whether too many wrong passwords or codes lock this username at this address out."""
    return AxesProxyHandler.is_locked(request, _credentials(request))


def clear_failures(request: HttpRequest) -> None:
    """Both steps passed: forget this username's failures at this address."""
    reset(ip=get_client_ip_address(request), username=request.user.get_username())
