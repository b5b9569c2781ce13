import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "blank_fuzzy.py"
spec = importlib.util.spec_from_file_location("blank_fuzzy", SCRIPT)
blank_fuzzy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(blank_fuzzy)

PO = """msgid ""
msgstr ""
"Project-Id-Version: MotCua\\n"
"Language: vi\\n"

msgid "name"
msgstr "tên"

#, fuzzy, python-format
#| msgid "description"
msgid "reduction %(x)s"
msgstr ""
"mô tả %(x)s"

msgid "code"
msgstr "mã"
"""


def test_a_guess_becomes_untranslated_and_the_rest_is_kept():
    result = blank_fuzzy.blank_fuzzy(PO)
    assert 'msgid "reduction %(x)s"\nmsgstr ""\n' in result
    assert "#, python-format\nmsgid" in result
    assert "mô tả" not in result and "fuzzy" not in result and "#|" not in result
    assert 'msgid "name"\nmsgstr "tên"' in result and 'msgid "code"\nmsgstr "mã"' in result
    assert '"Project-Id-Version: MotCua\\n"' in result
