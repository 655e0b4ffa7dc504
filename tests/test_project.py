"""Checks over the whole project: deploy settings, migrations, layers."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _production_env(**extra):
    """The environment of a production process: none of the variables the suite sets
    (pytest-django exports DJANGO_SETTINGS_MODULE=config.test_settings)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DVK_TESTING", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(extra)
    return env


def _manage(*args, env_extra=None):
    env = _production_env(**(env_extra or {}))
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_values():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "SECRET_KEY": "x" * 20 + "production-secret-key-with-enough-entropy-1234567890",
            "ALLOWED_HOSTS": "dvk.example.gov.vn",
            "AUDIT_HMAC_KEY": "y" * 20 + "audit-ledger-key-kept-outside-the-database",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_serve_without_a_secret_key():
    result = _manage("check", "--deploy", env_extra={"SECRET_KEY": "", "ALLOWED_HOSTS": "dvk.example.gov.vn"})
    assert result.returncode != 0
    assert "(dvk.E001) SECRET_KEY must be set when DEBUG is off." in result.stderr
    env = _production_env(SECRET_KEY="", ALLOWED_HOSTS="dvk.example.gov.vn")
    wsgi = subprocess.run([sys.executable, "-c", "import config.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert wsgi.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in wsgi.stderr


def test_tools_that_sign_nothing_run_without_a_secret_key():
    result = _manage("makemigrations", "--check", "--dry-run", env_extra={"SECRET_KEY": ""})
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_match_the_models():
    result = _manage("makemigrations", "--check", "--dry-run", env_extra={"DEBUG": "1"})
    assert result.returncode == 0, result.stdout + result.stderr


def test_layer_contract_holds_and_catches_an_upward_import(tmp_path):
    lint = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache", str(ROOT / "pyproject.toml")]
    kept = subprocess.run(lint, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert kept.returncode == 0, kept.stdout
    # A copy of the apps in which the audit ledger (the lowest layer) imports registrations.
    for app in ("audit", "accounts", "campaign", "models", "registrations", "evaluations", "notifications", "reports"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
    (tmp_path / "audit" / "bad.py").write_text(textwrap.dedent("from registrations import models  # noqa\n"))
    broken = subprocess.run(lint, cwd=tmp_path, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert broken.returncode != 0
    assert "audit.bad -> registrations" in broken.stdout
