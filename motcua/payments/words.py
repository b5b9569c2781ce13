"""How payments write money and people: đồng the Vietnamese way, amounts in words, initials."""

from motcua.text import nfc

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu", "tỷ", "nghìn tỷ")


def vnd(amount: int) -> str:
    """100.000 đ (a dot between thousands, in both languages, as the portal writes money)."""
    return f"{int(amount):,} đ".replace(",", ".")


def thousands(amount: int) -> str:
    """100.000 (the number alone)."""
    return f"{int(amount):,}".replace(",", ".")


def _hundreds(number: int, inner: bool) -> list[str]:
    """0-999 in words; `inner` for a group after a larger one ("không trăm linh năm")."""
    hundred, ten, unit = number // 100, number // 10 % 10, number % 10
    words = []
    if hundred or inner:
        words += [DIGITS[hundred], "trăm"]
    if ten == 0:
        if unit:
            if words:
                words.append("linh")
            words.append(DIGITS[unit])
    elif ten == 1:
        words.append("mười")
        if unit:
            words.append("lăm" if unit == 5 else DIGITS[unit])
    else:
        words += [DIGITS[ten], "mươi"]
        if unit == 1:
            words.append("mốt")
        elif unit == 5:
            words.append("lăm")
        elif unit:
            words.append(DIGITS[unit])
    return words


def in_words(amount: int) -> str:
    """An amount of đồng in words, as receipts write it: 150000 -> 'Một trăm năm mươi nghìn đồng'."""
    amount = int(amount)
    if not 0 <= amount < 10**15:
        raise ValueError("amounts from 0 to 999 nghìn tỷ only")
    if amount == 0:
        return "Không đồng"
    groups = []
    while amount:
        groups.append(amount % 1000)
        amount //= 1000
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        words += _hundreds(group, inner=bool(words))
        if SCALES[index]:
            words.append(SCALES[index])
    text = " ".join(words) + " đồng"
    return text[0].upper() + text[1:]


def initials(name: str) -> str:
    """'Nguyễn Văn An' -> 'N.V.A.': all a receipt or the portal shows of a payer."""
    letters = [word[0].upper() for word in nfc(name).split() if word[0].isalnum()]
    return "".join(f"{letter}." for letter in letters)
