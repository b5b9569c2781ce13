"""The language of MotCua's command-line output: English when LANG starts with "en", else Vietnamese."""

import os
import sys

from django.utils import translation


def activate_from_environment() -> str:
    language = "en" if os.environ.get("LANG", "").lower().startswith("en") else "vi"
    translation.activate(language)
    return language


def fail(command, message: str, code: int = 2):
    """Print `message` on one line to standard error and exit with `code` (2: bad input)."""
    command.stderr.write(" ".join(str(message).split()), style_func=lambda text: text)
    sys.exit(code)
