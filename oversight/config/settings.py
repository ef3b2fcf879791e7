"""Settings for Oversight.

SQLite is the default (``OVERSIGHT_DB``, or ``oversight.sqlite3`` in the working folder);
set ``DATABASE_URL`` (``postgres://user@host:5432/name``) to use PostgreSQL.
The demo needs no environment at all.
"""

from pathlib import Path

import dj_database_url

from oversight.config.env import env_bool, env_json, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("OVERSIGHT_DEBUG", False)
# The fallback key is only for local demo and tests; production sets OVERSIGHT_SECRET_KEY.
SECRET_KEY = env_str(
    "OVERSIGHT_SECRET_KEY", "insecure-demo-key-set-OVERSIGHT_SECRET_KEY-in-production"
)
ALLOWED_HOSTS = env_list("OVERSIGHT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "oversight.accounts",
    "oversight.casework",
    "oversight.performance",
    "oversight.inspection",
    "oversight.quality",
    "oversight.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "oversight.config.urls"
WSGI_APPLICATION = "oversight.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_sqlite_path = env_str("OVERSIGHT_DB", str(Path.cwd() / "oversight.sqlite3"))
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{_sqlite_path}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 20,
            # WAL lets pages read while a batch writes; a larger page cache keeps index
            # updates of bulk inserts in memory.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "web:sign-in"
LOGIN_REDIRECT_URL = "web:my-work"
LOGOUT_REDIRECT_URL = "web:sign-in"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("OVERSIGHT_STATIC_ROOT", str(BASE_DIR.parent / "staticfiles")))
# The demo serves from the app folders directly; production runs collectstatic.
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# The local authority this installation serves, and its local timescale policy.
OVERSIGHT_LA_NAME = env_str("OVERSIGHT_LA_NAME", "Northfield (synthetic)")
# JSON, e.g. {"cp_visit_working_days": 10}; see docs/timescales.md.
OVERSIGHT_POLICY = env_json("OVERSIGHT_POLICY", {})
# The LA's GSS code (e.g. E06000001): which published figures, region and statistical
# neighbours its indicators are compared with. Empty: England only.
OVERSIGHT_LA_CODE = env_str("OVERSIGHT_LA_CODE", "")
# The indicator snapshot (a DuckDB file), and how often the worker looks for changes.
OVERSIGHT_SNAPSHOT = Path(
    env_str("OVERSIGHT_SNAPSHOT", str(Path(_sqlite_path).with_suffix(".snapshot.duckdb")))
)
OVERSIGHT_REFRESH_SECONDS = int(env_str("OVERSIGHT_REFRESH_SECONDS", "60"))
