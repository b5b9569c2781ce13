"""What of the sender may be made public: initials only (Decree 20/2008 art. 13; Decree 13/2023 on
personal data).

`redact` is applied to the text proposed for publication; the leader reads and may edit it before publishing.
"""

import itertools
import re

from motcua.text import fold, nfc

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Vietnamese phone numbers as people write them: 0905 123 456, 0905.123.456, +84 905 123 456.
PHONE = re.compile(r"(?<!\w)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\w)")
# Citizen ID (CCCD, 12 digits) and old ID card (9 digits) numbers.
ID_NUMBER = re.compile(r"(?<!\d)(?:\d{12}|\d{9})(?!\d)")
HIDDEN = "***"


def initials(name: str) -> str:
    """ "Nguyễn Văn An" -> "N.V.A." (the letters keep their diacritics: "Đặng Thị Ánh" -> "Đ.T.Á.")."""
    return "".join(f"{word[0].upper()}." for word in nfc(name).split() if word[0].isalpha())


def redact(text: str, *, name: str = "", email: str = "", phone: str = "", address: str = "") -> str:
    """`text` without the sender's contact details and ID numbers; the sender's full name becomes initials."""
    text = nfc(text)
    for value in (email, phone, address):
        value = nfc(value)
        if value:
            text = re.sub(re.escape(value), HIDDEN, text, flags=re.IGNORECASE)
    text = EMAIL.sub(HIDDEN, text)
    text = PHONE.sub(HIDDEN, text)
    text = ID_NUMBER.sub(HIDDEN, text)
    name = nfc(name)
    if name:
        text = _replace_name(text, name, initials(name))
    return text


def _replace_name(text: str, name: str, replacement: str) -> str:
    """Replace the full name, whatever its case or accents (typed "nguyen van an" or "Nguyễn Văn An")."""
    size, target = len(name.split()), fold(name)
    tokens = list(re.finditer(r"\w+", text))
    spans, index = [], 0
    while index + size <= len(tokens):
        window = tokens[index : index + size]
        joined = all(not text[a.end() : b.start()].strip() for a, b in itertools.pairwise(window))
        if joined and fold(" ".join(token.group(0) for token in window)) == target:
            spans.append((window[0].start(), window[-1].end()))
            index += size
        else:
            index += 1
    for start, end in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text
