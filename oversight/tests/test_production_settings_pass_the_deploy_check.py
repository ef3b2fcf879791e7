"""Production settings, read from the environment, pass Django's deployment check.

Settings are read once per process, so each case runs ``manage.py check`` in a fresh one.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"


def check(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OVERSIGHT_")}
    env |= {"DJANGO_SETTINGS_MODULE": "oversight.config.settings", **environment}
    return subprocess.run(
        [sys.executable, str(MANAGE), "check", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "OVERSIGHT_DEBUG": "false",
    "OVERSIGHT_HTTPS": "true",
    "OVERSIGHT_ALLOWED_HOSTS": "oversight.example.gov.uk",
}


@pytest.fixture(scope="module")
def production() -> dict[str, str]:
    return {**PRODUCTION, "OVERSIGHT_SECRET_KEY": secrets.token_urlsafe(50)}


def test_production_settings_pass_the_deploy_check_with_no_warning(production):
    result = check("--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stdout + result.stderr


def test_behind_a_proxy_the_deploy_check_still_passes(production):
    result = check(
        "--deploy", "--fail-level", "WARNING", OVERSIGHT_BEHIND_PROXY="true", **production
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_served_over_https_with_the_demo_key_refuses_to_start():
    result = check(**PRODUCTION)
    assert result.returncode != 0
    assert "oversight.E001" in result.stderr


def test_debug_over_https_refuses_to_start(production):
    result = check(**{**production, "OVERSIGHT_DEBUG": "true"})
    assert result.returncode != 0
    assert "oversight.E002" in result.stderr


def test_the_deploy_check_refuses_the_demo_key_even_without_https():
    result = check("--deploy", OVERSIGHT_DEBUG="false")
    assert "oversight.E001" in result.stderr


def test_the_demo_runs_without_https_and_without_a_key():
    assert check().returncode == 0


def test_the_production_headers_are_set(production):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_SAMESITE, "
        "s.X_FRAME_OPTIONS, s.SECURE_REFERRER_POLICY, s.SECURE_CROSS_ORIGIN_OPENER_POLICY, "
        "s.SECURE_PROXY_SSL_HEADER)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("OVERSIGHT_")}
    env |= {"DJANGO_SETTINGS_MODULE": "oversight.config.settings", **production,
            "OVERSIGHT_BEHIND_PROXY": "true"}  # fmt: skip
    shown = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == [
        "31536000", "True", "True", "True", "True", "Lax", "DENY", "same-origin",
        "same-origin", "('HTTP_X_FORWARDED_PROTO',", "'https')",
    ]  # fmt: skip
