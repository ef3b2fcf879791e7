"""System checks that refuse an unsafe production set-up before the server starts.

Django's own ``check --deploy`` covers the headers and cookies; these add what only this
project knows: the demo secret key is public (it is in the source), so a site served over
HTTPS, or checked for deployment, must not use it, nor run with debug on.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register

DEMO_SECRET_KEY = "insecure-demo-key-set-OVERSIGHT_SECRET_KEY-in-production"


def _demo_key_error() -> Error:
    return Error(
        "OVERSIGHT_SECRET_KEY is not set: the demo key in the source code is in use.",
        hint="Set OVERSIGHT_SECRET_KEY to a long random value, e.g. the output of "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'.",
        id="oversight.E001",
    )


@register(Tags.security)
def production_is_not_the_demo(app_configs: object = None, **kwargs: object) -> list[Error]:
    """Served over HTTPS means production: no demo key, no debug pages."""
    if not settings.OVERSIGHT_HTTPS:
        return []
    errors = []
    if settings.SECRET_KEY == DEMO_SECRET_KEY:
        errors.append(_demo_key_error())
    if settings.DEBUG:
        errors.append(
            Error(
                "OVERSIGHT_DEBUG is on while OVERSIGHT_HTTPS says this is production.",
                hint="Unset OVERSIGHT_DEBUG: debug pages show settings and source code.",
                id="oversight.E002",
            )
        )
    return errors


@register(Tags.security, deploy=True)
def deployment_has_its_own_key(app_configs: object = None, **kwargs: object) -> list[Error]:
    """``check --deploy`` fails on the demo key whatever else is set."""
    return [_demo_key_error()] if settings.SECRET_KEY == DEMO_SECRET_KEY else []
