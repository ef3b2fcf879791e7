"""Production differs from the demo by environment alone: where tasks run (in the request, or
queued for workers) and which static files are served (from the code, or the collected,
compressed copies). Settings are read once per process, so each case starts one."""

import os
import subprocess
import sys

import pytest

from oversight.config.env import env_choice

SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.TASKS['default']['BACKEND'], s.WHITENOISE_USE_FINDERS, "
    "s.STORAGES['staticfiles']['BACKEND'])"
)


def settings_with(**environment: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OVERSIGHT_")}
    env |= {"DJANGO_SETTINGS_MODULE": "oversight.config.settings", **environment}
    done = subprocess.run([sys.executable, "-c", SHOW], env=env, capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    return done.stdout.split()


def test_the_demo_runs_tasks_in_the_request_and_serves_static_files_from_the_code():
    assert settings_with() == [
        "django_tasks.backends.immediate.ImmediateBackend", "True",
        "django.contrib.staticfiles.storage.StaticFilesStorage",
    ]  # fmt: skip


def test_production_queues_tasks_for_workers_and_serves_the_collected_files():
    shown = settings_with(OVERSIGHT_TASKS="database", OVERSIGHT_STATIC_COLLECTED="true")
    assert shown == [
        "django_tasks_db.DatabaseBackend", "False",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]  # fmt: skip


def test_an_unknown_tasks_backend_names_the_variable_and_the_choices(monkeypatch):
    monkeypatch.setenv("OVERSIGHT_TASKS", "celery")
    with pytest.raises(ValueError, match="OVERSIGHT_TASKS must be one of immediate, database, "):
        env_choice("OVERSIGHT_TASKS", "immediate", ("immediate", "database"))


def test_the_demo_server_starts_without_warning_of_a_missing_static_folder(tmp_path):
    # STATIC_ROOT is filled only by collectstatic, for production; the demo serves the
    # files from the code, and WhiteNoise's warning about the empty folder would only alarm.
    env = {k: v for k, v in os.environ.items() if not k.startswith("OVERSIGHT_")}
    env |= {"DJANGO_SETTINGS_MODULE": "oversight.config.settings",
            "OVERSIGHT_STATIC_ROOT": str(tmp_path / "not-collected")}  # fmt: skip
    start = "from django.core.wsgi import get_wsgi_application; get_wsgi_application()"
    done = subprocess.run([sys.executable, "-W", "default", "-c", start], env=env,
                          capture_output=True, text=True, timeout=120, check=True)  # fmt: skip
    assert "No directory at" not in done.stderr
