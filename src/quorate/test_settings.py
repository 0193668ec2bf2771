"""Settings for the test suite: the normal settings with test-only switches."""

import os

os.environ["QUORATE_TESTING"] = "1"

from quorate.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
QUORATE_PACKS_INLINE = True  # compile packs synchronously in tests
