"""Text as citizens and officers type it: NFC on input, and a folded form for diacritic-free search."""

import unicodedata


def nfc(text: str | None) -> str:
    """Normalise to NFC and trim: two spellings of "Nguyễn" (composed or not) must be one."""
    return unicodedata.normalize("NFC", text or "").strip()


def fold(text: str | None) -> str:
    """Lower case without diacritics, "Đăng ký khai sinh" -> "dang ky khai sinh", spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", (text or "").replace("Đ", "D").replace("đ", "d"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.lower().split())
