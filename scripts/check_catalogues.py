"""Fail when a gettext catalogue has an untranslated or fuzzy message (run after makemessages)."""

import sys
from pathlib import Path

import polib

problems = []
for path in sorted(Path("locale").glob("*/LC_MESSAGES/*.po")):
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        if not entry.translated() or "fuzzy" in entry.flags:
            problems.append(f"{path}: {entry.msgid!r}")
print("\n".join(problems) or "Catalogues complete.")
sys.exit(1 if problems else 0)
