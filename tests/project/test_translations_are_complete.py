"""Vietnamese is the UI language: every message has a Vietnamese translation, none left fuzzy."""

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "motcua"
CATALOGUES = sorted(PACKAGE.glob("**/locale/vi/LC_MESSAGES/django.po"))


def entries(path: Path):
    """Yield (msgid, msgstr, flags) of a .po file (plural forms: the first msgstr)."""
    block: dict[str, str] = {}
    flags = ""
    key = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in block:
                yield block.get("msgid", ""), block.get("msgstr", block.get("msgstr[0]", "")), flags
            block, flags, key = {}, "", None
        elif line.startswith("#,"):
            flags = line
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and key:
            block[key] += line[1:-1]
        else:
            key, _, value = line.partition(" ")
            block[key] = value[1:-1]


def test_there_are_vietnamese_catalogues():
    assert CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_message_is_translated(path):
    problems = [
        f"{msgid!r}: {'fuzzy' if 'fuzzy' in flags else 'untranslated'}"
        for msgid, msgstr, flags in entries(path)
        if msgid and (not msgstr or "fuzzy" in flags)
    ]
    assert not problems, f"{path}:\n" + "\n".join(problems)
