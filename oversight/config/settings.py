"""Settings for Oversight.

SQLite is the default (``OVERSIGHT_DB``, or ``oversight.sqlite3`` in the working folder);
set ``DATABASE_URL`` (``postgres://user@host:5432/name``) to use PostgreSQL.
The demo needs no environment at all.
"""

import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url

from oversight.config.checks import DEMO_SECRET_KEY
from oversight.config.env import env_bool, env_choice, env_json, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("OVERSIGHT_DEBUG", False)
# The fallback key is only for local demo and tests; production sets OVERSIGHT_SECRET_KEY.
# A check (oversight.E001) refuses it when served over HTTPS and in ``check --deploy``.
SECRET_KEY = env_str("OVERSIGHT_SECRET_KEY", DEMO_SECRET_KEY)
ALLOWED_HOSTS = env_list("OVERSIGHT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "oversight.accounts",
    "oversight.casework",
    "oversight.performance",
    "oversight.inspection",
    "oversight.quality",
    "oversight.exchange.validation_runs",
    "oversight.web",
    "django_tasks",
    "django_tasks_db",
    "oversight.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "oversight.accounts.sessions.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
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
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # No JIT compilation: it spends hundreds of milliseconds compiling any page query the
    # planner thinks costly (stale statistics, a large LA) and repays it only on long scans.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
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
            # A transaction takes the write lock when it begins, not at its first write: a
            # long import that read first would otherwise fail ("database is locked") the
            # moment another process (a worker saying it is alive) had written meanwhile.
            "transaction_mode": "IMMEDIATE",
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

# Signing in (docs/security.md): a password, then a code from an authenticator app.
# django-axes counts failed passwords and wrong codes (accounts.lockout) per username and
# address and refuses a pair after the limit, for the lockout time; each authenticator also
# counts its own wrong codes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
OVERSIGHT_SIGN_IN_FAILURE_LIMIT = int(env_str("OVERSIGHT_SIGN_IN_FAILURE_LIMIT", "5"))
OVERSIGHT_LOCKOUT_MINUTES = int(env_str("OVERSIGHT_LOCKOUT_MINUTES", "15"))
AXES_FAILURE_LIMIT = OVERSIGHT_SIGN_IN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=OVERSIGHT_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Cleared when both steps are passed (accounts.lockout), not after the password alone.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "oversight.web.views.auth.locked_out"
AXES_IPWARE_PROXY_COUNT = 1 if env_bool("OVERSIGHT_BEHIND_PROXY", False) else None
OVERSIGHT_CODE_FAILURE_LIMIT = OVERSIGHT_SIGN_IN_FAILURE_LIMIT
OVERSIGHT_CODE_LOCKOUT_MINUTES = OVERSIGHT_LOCKOUT_MINUTES
OTP_TOTP_ISSUER = "Oversight"
# A session ends after this long without a request, and this long after signing in.
OVERSIGHT_IDLE_MINUTES = int(env_str("OVERSIGHT_IDLE_MINUTES", "30"))
OVERSIGHT_SESSION_HOURS = int(env_str("OVERSIGHT_SESSION_HOURS", "8"))
SESSION_COOKIE_AGE = OVERSIGHT_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("OVERSIGHT_STATIC_ROOT", str(BASE_DIR.parent / "staticfiles")))
# The demo and the tests serve static files straight from the app folders. Production
# collects them first (`oversight collectstatic`) and serves the copies: compressed, with
# content-hashed names that browsers may keep for a year.
OVERSIGHT_STATIC_COLLECTED = env_bool("OVERSIGHT_STATIC_COLLECTED", False)
WHITENOISE_USE_FINDERS = not OVERSIGHT_STATIC_COLLECTED
if not OVERSIGHT_STATIC_COLLECTED:
    # Nothing has been collected into STATIC_ROOT, and nothing need be: WhiteNoise's
    # warning that the folder is missing would only alarm whoever runs the demo.
    warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)
if OVERSIGHT_STATIC_COLLECTED:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Production: served over TLS (OVERSIGHT_HTTPS), perhaps by a proxy that ends TLS and says
# so in X-Forwarded-Proto (OVERSIGHT_BEHIND_PROXY). See docs/security.md.
OVERSIGHT_HTTPS = env_bool("OVERSIGHT_HTTPS", False)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if OVERSIGHT_HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
if env_bool("OVERSIGHT_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy: nothing inline, nothing from elsewhere (django-csp 4).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Request limits: forms are small; an upload larger than 2.5 MB goes to a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# An SSDA903 return is up to 11 CSV files, and last year's as many again.
DATA_UPLOAD_MAX_NUMBER_FILES = 24
FILE_UPLOAD_PERMISSIONS = 0o600

# The local authority this installation serves, and its local timescale policy.
OVERSIGHT_LA_NAME = env_str("OVERSIGHT_LA_NAME", "Northfield (synthetic)")
# JSON, e.g. {"cp_visit_working_days": 10}; see docs/timescales.md.
OVERSIGHT_POLICY = env_json("OVERSIGHT_POLICY", {})
# The service whose workers and managers record prospective adopters, by name (the LA's
# adoption agency work; in the synthetic LA, "Children in care"): see docs/security.md.
OVERSIGHT_ADOPTION_SERVICE = env_str("OVERSIGHT_ADOPTION_SERVICE", "Children in care")
# The LA's GSS code (e.g. E06000001): which published figures, region and statistical
# neighbours its indicators are compared with. Empty: England only.
OVERSIGHT_LA_CODE = env_str("OVERSIGHT_LA_CODE", "")
# The indicator snapshot (a DuckDB file), and how often the worker looks for changes.
OVERSIGHT_SNAPSHOT = Path(
    env_str("OVERSIGHT_SNAPSHOT", str(Path(_sqlite_path).with_suffix(".snapshot.duckdb")))
)
OVERSIGHT_REFRESH_SECONDS = int(env_str("OVERSIGHT_REFRESH_SECONDS", "60"))
# How long the access log keeps entries before `oversight audit-log prune` may archive them
# (docs/security.md, "Access log"): seven years, as for the records they were about.
OVERSIGHT_ACCESS_LOG_YEARS = int(env_str("OVERSIGHT_ACCESS_LOG_YEARS", "7"))
# How long a validation run of a DfE return (its findings quote children's data) is kept:
# long enough to fix a return while its collection is open (docs/returns.md).
OVERSIGHT_VALIDATION_RUN_DAYS = int(env_str("OVERSIGHT_VALIDATION_RUN_DAYS", "90"))

# Background tasks (oversight.jobs): "immediate" runs each in the process that asks for it
# (the demo, the tests); "database" queues it for `oversight worker` processes (production).
OVERSIGHT_TASKS = env_choice("OVERSIGHT_TASKS", "immediate", ("immediate", "database"))
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[OVERSIGHT_TASKS]
    }
}
