"""The demo content, kept as data: the YAML files in this folder, read only here.

Each file is one part of the demo (``factors.yaml``, ``quotes.yaml`` …) and says at its top what
it holds. ``manage.py load_initial_data`` turns them into pages, snippets and settings.
"""

from pathlib import Path
from typing import NamedTuple

import yaml

DIRECTORY = Path(__file__).resolve().parent


def read(name):
    """The data of ``<name>.yaml``, parsed afresh, so callers may change what they get."""
    with (DIRECTORY / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


class ThemeNames(NamedTuple):
    nb: str
    nn: str
    description: str
    description_nn: str = ""


def themes():
    """Theme slug → its names; a tuple, as ``benchmarks/search_bench.py`` reads ``names[0]``."""
    return {slug: ThemeNames(**names) for slug, names in read("themes").items()}


def corrections():
    """Target language → ``(whole, fixes)``, the reviewed corrections of machine translation.

    ``whole`` maps a source string to its whole translation; ``fixes`` are the (wrong, right)
    replacements for running text, in order.
    """
    result = {}
    for target, data in read("translation").items():
        source = {"nb": "nn", "nn": "nb"}[target]
        whole = {item[source]: item[target] for item in data["strings"]}
        fixes = [(item["wrong"], item["right"]) for item in data["replacements"]]
        result[target] = (whole, fixes)
    return result


THEMES = themes()
