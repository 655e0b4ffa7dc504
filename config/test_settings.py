"""Settings for the test suite: the production settings with a fast password hasher.
Argon2 is slow on purpose (about 50 ms a hash); the suite creates hundreds of accounts.
The tests that prove production hashes with Argon2 switch it back themselves."""

import os

os.environ["DVK_TESTING"] = "1"

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]  # noqa: F405, S303
ARGON2_FIRST = [hasher for hasher in PASSWORD_HASHERS if "Argon2" in hasher] + [  # noqa: F405
    hasher for hasher in PASSWORD_HASHERS if "Argon2" not in hasher  # noqa: F405
]

# The suite signs in with passwords only; the two-factor tests turn it on themselves.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)  # noqa: F405

# A test database is thrown away: PostgreSQL need not wait for the disk at each commit
# (the suite's transactional tests, its live server and its worker commit thousands of
# times). What a commit makes visible to other connections is unchanged.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
