"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys

PRODUCTION = {
    "MOTCUA_DEBUG": "0",
    "MOTCUA_SECRET_KEY": "k" * 20 + "-production-secret-that-is-long-and-random-0123456789",
    "MOTCUA_ALLOWED_HOSTS": "motcua.example.gov.vn",
}


def motcua(args, env_overrides, tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MOTCUA_", "DJANGO_"))}
    env.update({"MOTCUA_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"})
    env.update(env_overrides)
    return subprocess.run([sys.executable, "-m", "motcua", *args], env=env, capture_output=True, text=True)


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = motcua(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = motcua(["check"], {"MOTCUA_DEBUG": "0"}, tmp_path)
    assert result.returncode != 0
    assert "MOTCUA_SECRET_KEY" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_development_generates_a_key_once_and_keeps_it(tmp_path):
    assert motcua(["check"], {"MOTCUA_DEBUG": "1"}, tmp_path).returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert motcua(["check"], {"MOTCUA_DEBUG": "1"}, tmp_path).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_a_malformed_boolean_is_an_error_not_a_guess(tmp_path):
    result = motcua(["check"], {"MOTCUA_DEBUG": "maybe"}, tmp_path)
    assert result.returncode != 0
    assert "MOTCUA_DEBUG" in result.stderr


def test_postgresql_urls_turn_connection_pooling_on(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'].get('pool'))"
    env = {
        "MOTCUA_DEBUG": "1",
        "DATABASE_URL": "postgres://u@db.example:5432/motcua",
        "DJANGO_SETTINGS_MODULE": "motcua.settings",
    }
    base = {key: value for key, value in os.environ.items() if not key.startswith("MOTCUA_")}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**base, "MOTCUA_VAR_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "True", result.stderr


def test_postgresql_connections_turn_jit_off_unless_asked(db, settings):
    """Decision 0006: the statistics' aggregates cost more to JIT-compile than to run."""
    from django.db import connection

    if connection.vendor != "postgresql":
        assert "options" not in settings.DATABASES["default"].get("OPTIONS", {})
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_prepared_statements_are_off_unless_asked(db, settings):
    """Decision 0007: off by default (the statistics' generic plans); MOTCUA_PG_PREPARED=1 turns them on."""
    from django.db import connection

    from motcua.org.models import Agency

    def prepared() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", ["%org_agency%"]
            )
            return cursor.fetchone()[0]

    asked = os.environ.get("MOTCUA_PG_PREPARED") == "1"
    options = settings.DATABASES["default"].get("OPTIONS", {})
    assert ("server_side_binding" in options) == (asked and connection.vendor == "postgresql")
    if connection.vendor != "postgresql":
        return
    before = prepared()
    for code in ["a", "b", "c", "d", "e", "f"]:
        list(Agency.objects.filter(code=code))
    assert prepared() == before + (1 if asked else 0)
