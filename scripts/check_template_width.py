"""Fail when a template line is over 160 characters: long lines hide markup in review and diffs.

Break inside a tag (between attributes) or between block elements; a line break between inline
pieces of text shows as a space.
"""

import subprocess
import sys
from pathlib import Path

LIMIT = 160


def templates():
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.html"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [Path(name) for name in listed]


def main():
    too_long = []
    for path in templates():
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if len(line) > LIMIT:
                too_long.append(f"{path}:{number}: {len(line)} characters (limit {LIMIT})")
    for line in too_long:
        print(line)
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
