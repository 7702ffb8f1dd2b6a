"""Fail when a Python module of the project is over 400 lines (migrations and tests aside)."""

import subprocess
import sys
from pathlib import Path

LIMIT = 400


def modules():
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [
        Path(name)
        for name in listed
        if "/migrations/" not in name and not name.startswith("tests/")
    ]


def main():
    too_long = []
    for path in modules():
        if path.exists():
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > LIMIT:
                too_long.append(f"{path}: {lines} lines (limit {LIMIT})")
    for line in too_long:
        print(line)
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
