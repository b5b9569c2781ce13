"""Blank the msgstr of every fuzzy entry of a .po file (except the header) and drop the flag and the
"#| msgid" hint: msgmerge's guesses are often wrong, so a new message must look untranslated."""

import re
import sys
from pathlib import Path


def blank_fuzzy(text: str) -> str:
    entries = text.split("\n\n")
    for index, entry in enumerate(entries):
        lines = entry.split("\n")
        if not any(line.startswith("#,") and "fuzzy" in line for line in lines):
            continue
        if re.search(r'^msgid ""\nmsgstr ""\n"Project-Id-Version', entry, re.M):
            lines = [line for line in lines if not (line.startswith("#,") and "fuzzy" in line)]
            entries[index] = "\n".join(lines)
            continue
        kept, in_msgstr = [], False
        for line in lines:
            if line.startswith("#|"):
                continue
            if line.startswith("#,"):
                flags = [flag.strip() for flag in line[2:].split(",") if flag.strip() != "fuzzy"]
                if flags:
                    kept.append("#, " + ", ".join(flags))
                continue
            if line.startswith("msgstr"):
                in_msgstr = True
                key = line.split(" ", 1)[0]
                kept.append(f'{key} ""')
                continue
            if in_msgstr and line.startswith('"'):
                continue
            in_msgstr = False
            kept.append(line)
        entries[index] = "\n".join(kept)
    return "\n\n".join(entries)


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(blank_fuzzy(path.read_text(encoding="utf-8")), encoding="utf-8")
