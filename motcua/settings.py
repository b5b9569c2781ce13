"""MotCua's settings: one module, configured from the environment (see docs/configuration.md)."""

import os
import re
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


VAR_DIR = Path(os.environ.get("MOTCUA_VAR_DIR") or BASE_DIR / "var")
DEBUG = env_bool("MOTCUA_DEBUG", False)


def _secret_key() -> str:
    key = os.environ.get("MOTCUA_SECRET_KEY", "").strip()
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "MOTCUA_SECRET_KEY is not set. Production (MOTCUA_DEBUG off) refuses to start without one; "
            "generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Development: generate a key once and keep it under var/ so sessions survive restarts.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("MOTCUA_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("MOTCUA_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "motcua.org",
    "motcua.worktime",
    "motcua.catalog",
    "motcua.dossiers",
    "motcua.feedback",
    "motcua.office",
    "motcua.portal",
    "motcua.ratings",
    "motcua.reports",
    "motcua.demo",
    "motcua.notices",
    "motcua.citizens",
    "motcua.payments",
    "motcua.legacy",
    "motcua.serviceindex",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL selects; the embedded default is a SQLite file under var/.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'motcua.sqlite3'}"
_database = dj_database_url.parse(DATABASE_URL, conn_max_age=0)
if _database["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _database["OPTIONS"] = {
        # IMMEDIATE: a writer takes the lock when its transaction starts, so concurrent writers queue
        # (busy timeout) instead of failing half-way with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file too (not the shared in-memory database), so concurrent writers behave as in production.
    _name = Path(_database["NAME"])
    _database["TEST"] = {"NAME": str(_name.with_name(f"test_{_name.name}"))}
elif _database["ENGINE"] == "django.db.backends.postgresql":
    if not env_bool("MOTCUA_PG_JIT", False):
        # The statistics' aggregates cost more to JIT-compile than to run (docs/decisions/0006).
        _database["OPTIONS"] = {**_database.get("OPTIONS", {}), "options": "-c jit=off"}
    if env_bool("MOTCUA_PG_PREPARED", False):
        # Opt-in: server-side parameters, and a statement run five times on a connection is prepared. Halves
        # the server's CPU of a business action, but the statistics' aggregates then get generic plans up to
        # ten times slower (docs/decisions/0007).
        _database["OPTIONS"] = {
            **_database.get("OPTIONS", {}),
            "server_side_binding": True,
            "prepare_threshold": 5,
        }
    if env_bool("MOTCUA_DB_POOL", True):
        _database["OPTIONS"] = {**_database.get("OPTIONS", {}), "pool": True}
    else:
        _database["CONN_MAX_AGE"] = int(os.environ.get("MOTCUA_DB_CONN_MAX_AGE", "0"))
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "office:home"
LOGOUT_REDIRECT_URL = "login"
# Citizens' accounts (docs/citizens.md) sign in under /citizen/, never through this backend: the staff login
# and the admin refuse them. Login with VNeID (OpenID Connect) is off while MOTCUA_OIDC_ISSUER is empty.
AUTHENTICATION_BACKENDS = ["motcua.citizens.backends.StaffBackend"]
MOTCUA_OIDC_ISSUER = os.environ.get("MOTCUA_OIDC_ISSUER", "").strip().rstrip("/")
MOTCUA_OIDC_CLIENT_ID = os.environ.get("MOTCUA_OIDC_CLIENT_ID", "").strip()
MOTCUA_OIDC_CLIENT_SECRET = os.environ.get("MOTCUA_OIDC_CLIENT_SECRET", "")
MOTCUA_OIDC_SCOPES = os.environ.get("MOTCUA_OIDC_SCOPES", "").strip() or "openid profile"
MOTCUA_OIDC_LABEL = os.environ.get("MOTCUA_OIDC_LABEL", "").strip() or "VNeID"
MOTCUA_OIDC_ID_NUMBER_CLAIM = os.environ.get("MOTCUA_OIDC_ID_NUMBER_CLAIM", "").strip()

# Language and time: Vietnamese first, English available; Vietnamese time everywhere.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from the finders in development
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MOTCUA_MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_URL = "media/"
MOTCUA_UPLOAD_MAX_MB = int(os.environ.get("MOTCUA_UPLOAD_MAX_MB", "20"))
# Housekeeping jobs of the worker (docs/notices.md): uploads that no row refers to are deleted after this many
# hours; citizens' online drafts left untouched for this many days are deleted with their files.
MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS = float(os.environ.get("MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS", "48"))
MOTCUA_DRAFT_KEEP_DAYS = int(os.environ.get("MOTCUA_DRAFT_KEEP_DAYS", "90"))
if MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS < 1 or MOTCUA_DRAFT_KEEP_DAYS < 1:
    raise ImproperlyConfigured(
        "MOTCUA_ORPHAN_UPLOAD_GRACE_HOURS and MOTCUA_DRAFT_KEEP_DAYS must be at least 1: an upload being "
        "attached right now, or a draft being typed, must not be deleted."
    )
# The public site, as citizens reach it: receipts print its tracking page (and encode it as a QR code).
MOTCUA_PUBLIC_URL = os.environ.get("MOTCUA_PUBLIC_URL", "").strip().rstrip("/") or "http://127.0.0.1:8000"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MotCua API",
    "DESCRIPTION": "One-stop shop (một cửa) for Vietnamese administrative procedures.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Production hardening: on by default whenever DEBUG is off (`motcua check --deploy` passes).
SECURE_SSL_REDIRECT = env_bool("MOTCUA_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("MOTCUA_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("MOTCUA_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("MOTCUA_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("MOTCUA_HSTS_PRELOAD", not DEBUG)
if env_bool("MOTCUA_BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MOTCUA_LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every PDF at INFO ("Step 2 - Fetching and parsing CSS").
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

# Background work (docs/notices.md): django-tasks with its database backend; `motcua worker` runs the tasks
# and the periodic jobs. The outbox delivers every outgoing message (e-mail, SMS, national portal, webhooks).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
MOTCUA_OUTBOX_MAX_ATTEMPTS = int(os.environ.get("MOTCUA_OUTBOX_MAX_ATTEMPTS", "8"))
MOTCUA_OUTBOX_BACKOFF_SECONDS = float(os.environ.get("MOTCUA_OUTBOX_BACKOFF_SECONDS", "60"))
MOTCUA_OUTBOX_TIMEOUT = float(os.environ.get("MOTCUA_OUTBOX_TIMEOUT", "10"))
MOTCUA_OUTBOX_SWEEP_SECONDS = float(os.environ.get("MOTCUA_OUTBOX_SWEEP_SECONDS", "60"))
MOTCUA_REMINDER_HOUR = os.environ.get("MOTCUA_REMINDER_HOUR", "07:30").strip()
if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", MOTCUA_REMINDER_HOUR):
    raise ImproperlyConfigured(f"MOTCUA_REMINDER_HOUR must be HH:MM, not {MOTCUA_REMINDER_HOUR!r}")
MOTCUA_ESCALATE_AFTER_HOURS = float(os.environ.get("MOTCUA_ESCALATE_AFTER_HOURS", "8"))
MOTCUA_NATIONAL_PORTAL_URL = os.environ.get("MOTCUA_NATIONAL_PORTAL_URL", "").strip()
MOTCUA_NATIONAL_PORTAL_TOKEN = os.environ.get("MOTCUA_NATIONAL_PORTAL_TOKEN", "").strip()
MOTCUA_SMS_GATEWAY = (
    os.environ.get("MOTCUA_SMS_GATEWAY", "").strip() or "motcua.notices.plugins.sms.LogGateway"
)

# Online payment of fees (docs/payments.md). The sandbox bank (served under /payments/sandbox/) is on in
# development and the demo, off in production; MOTCUA_PAYMENT_GATEWAY names the gateway offered to payers.
MOTCUA_PAYMENT_SANDBOX = env_bool("MOTCUA_PAYMENT_SANDBOX", DEBUG)
MOTCUA_PAYMENT_SANDBOX_SECRET = os.environ.get("MOTCUA_PAYMENT_SANDBOX_SECRET", "").strip()
MOTCUA_PAYMENT_GATEWAY = os.environ.get("MOTCUA_PAYMENT_GATEWAY", "").strip() or (
    "sandbox" if MOTCUA_PAYMENT_SANDBOX else ""
)
MOTCUA_PAYMENT_PLUGINS = env_list("MOTCUA_PAYMENT_PLUGINS", [])
MOTCUA_PAYMENT_CALLBACK_TOLERANCE = int(os.environ.get("MOTCUA_PAYMENT_CALLBACK_TOLERANCE", "300"))
MOTCUA_PAYMENT_RECONCILE_MINUTES = int(os.environ.get("MOTCUA_PAYMENT_RECONCILE_MINUTES", "15"))
MOTCUA_PAYMENT_EXPIRE_HOURS = int(os.environ.get("MOTCUA_PAYMENT_EXPIRE_HOURS", "24"))


def _email_settings(url: str) -> dict:
    """MOTCUA_EMAIL_URL: smtp://user:password@host:port (smtp+tls:// STARTTLS, smtps:// TLS), console://,
    file:///path, or dummy:// (drop everything)."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    backends = {
        "smtp": "smtp",
        "smtp+tls": "smtp",
        "smtps": "smtp",
        "console": "console",
        "file": "filebased",
        "dummy": "dummy",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(f"MOTCUA_EMAIL_URL: unknown scheme {parts.scheme!r}")
    found = {"EMAIL_BACKEND": f"django.core.mail.backends.{backends[parts.scheme]}.EmailBackend"}
    if parts.scheme == "file":
        found["EMAIL_FILE_PATH"] = unquote(parts.path)
    elif backends[parts.scheme] == "smtp":
        found.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or {"smtps": 465, "smtp+tls": 587}.get(parts.scheme, 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=parts.scheme == "smtp+tls",
            EMAIL_USE_SSL=parts.scheme == "smtps",
        )
    return found


# Development keeps e-mails as files under var/sent-mail/ (read them there); production sends through SMTP.
_email = _email_settings(
    os.environ.get("MOTCUA_EMAIL_URL", "").strip()
    or (f"file://{VAR_DIR / 'sent-mail'}" if DEBUG else "smtp://localhost:25")
)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_FILE_PATH = _email.get("EMAIL_FILE_PATH")
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = MOTCUA_OUTBOX_TIMEOUT
DEFAULT_FROM_EMAIL = os.environ.get("MOTCUA_EMAIL_FROM", "").strip() or "MotCua <no-reply@localhost>"
