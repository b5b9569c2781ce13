"""Values people may write in a catalogue file: the codes, their labels (Vietnamese or English), and a few
short words used in practice ("toàn trình", "có"). Part of the file format (docs/catalog-format.md)."""

import re
import unicodedata

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from motcua.org.models import Role

from .choices import STEP_ROLES, Channel, Level, OnlineLevel, Status, TimeUnit
from .records import IMPORTABLE_STATUSES, RECEIVING

# Short words of the format besides codes and labels (Vietnamese spreadsheets use them).
ALIASES = {
    "level": {"ministry": ["bộ"], "province": ["tỉnh"], "district": ["huyện"], "commune": ["xã"]},
    "online_level": {"none": ["không"], "partial": ["một phần"], "full": ["toàn trình"]},
    "channel": {"direct": ["trực tiếp"], "online": ["trực tuyến"], "postal": ["bưu chính", "bưu điện"]},
    "unit": {
        "hours": ["giờ"],
        "working_days": ["ngày làm việc"],
        "calendar_days": ["ngày"],
        "months": ["tháng"],
    },
    "status": {"in_force": ["có hiệu lực"], "amended": ["sửa đổi"], "abolished": ["bãi bỏ"]},
    "agency": {RECEIVING: ["cơ quan tiếp nhận"]},
}
BOOLEAN_WORDS = {True: ["có", "x", "yes", "true", "1"], False: ["không", "no", "false", "0"]}
RECEIVING_LABEL = _("the receiving agency")
SEPARATORS = re.compile(r"[;\n]")


def normal(text) -> str:
    """Text as compared: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


def vocabulary(pairs, aliases: dict | None = None) -> dict[str, str]:
    """normal(code or label or alias) -> code, for (code, label) pairs; labels in Vietnamese and English."""
    words: dict[str, str] = {}
    for language in ("en", "vi"):
        with translation.override(language):
            for code, label in pairs:
                words[normal(label)] = code
    for code, extra in (aliases or {}).items():
        for word in extra:
            words[normal(word)] = code
    for code, _label in pairs:
        words[normal(code)] = code
    return words


def choices(name: str) -> dict[str, str]:
    tables = {
        "level": Level.choices,
        "online_level": OnlineLevel.choices,
        "channel": Channel.choices,
        "unit": TimeUnit.choices,
        "status": [(status.value, status.label) for status in IMPORTABLE_STATUSES],
        "role": [(role.value, role.label) for role in STEP_ROLES],
    }
    return vocabulary(tables[name], ALIASES.get(name))


def label(name: str, code: str) -> str:
    """The Vietnamese label of a code (for export and the template)."""
    tables = {
        "level": Level,
        "online_level": OnlineLevel,
        "channel": Channel,
        "unit": TimeUnit,
        "status": Status,
        "role": Role,
    }
    with translation.override("vi"):
        return str(tables[name](code).label)


def boolean_label(value: bool) -> str:
    return BOOLEAN_WORDS[value][0].capitalize()


def split_list(text: str, vocab: dict[str, str]) -> list[str]:
    """Items of a list cell: separated by semicolons or line breaks, or by commas when a part is not itself a
    known value (a name may contain a comma: write such names one per line)."""
    items = []
    for part in SEPARATORS.split(str(text)):
        if not part.strip():
            continue
        if normal(part) in vocab:
            items.append(part.strip())
        else:
            items.extend(piece.strip() for piece in part.split(",") if piece.strip())
    return items
