"""Fail on a Python module over 400 lines (migrations and tests aside) or a template line over
160 characters: long modules hide structure, long template lines hide markup in review.

In a template, break inside a tag (between attributes) or between block elements; a line break
between inline pieces of text shows as a space.
"""

import subprocess
import sys
from pathlib import Path

MODULE_LINES = 400
TEMPLATE_WIDTH = 160


def tracked(pattern):
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", pattern],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [Path(name) for name in listed if Path(name).exists()]


def problems():
    for path in tracked("*.py"):
        name = path.as_posix()
        if "/migrations/" in name or name.startswith("tests/"):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MODULE_LINES:
            yield f"{path}: {lines} lines (limit {MODULE_LINES})"
    for path in tracked("*.html"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if len(line) > TEMPLATE_WIDTH:
                yield f"{path}:{number}: {len(line)} characters (limit {TEMPLATE_WIDTH})"


def main():
    found = list(problems())
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
