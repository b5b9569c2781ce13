import unicodedata

from motcua.text import fold, nfc


def test_fold_drops_diacritics_and_case():
    assert fold("Đăng ký khai sinh") == "dang ky khai sinh"
    assert fold("  NGUYỄN   Thị  Ánh ") == "nguyen thi anh"


def test_composed_and_decomposed_spellings_are_one():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert nfc(decomposed) == "Nguyễn Văn Đức"
    assert fold(decomposed) == fold("Nguyễn Văn Đức") == "nguyen van duc"
