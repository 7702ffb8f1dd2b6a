"""Lemmas and the other written form of the published words, from one Apertium batch run.

``apertium-nno-nob`` analyses a word list with ``lt-proc`` (the bokmål and the nynorsk
analyser give each word's lemmas: virkemidler → virkemiddel, brukernes → bruker, bustader →
bustad) and translates it with ``apertium nob-nno`` and ``nno-nob``, one word a line (eierskap
→ eigarskap, tjenester → tenester, bolig → bustad). Only words not analysed before are run,
in one batch per refresh of the word list (``search/vocabulary.py``); never per query.
Without Apertium the map is empty and the search works without it.
"""

import re
import shutil
import subprocess

DATA = "/usr/share/apertium/apertium-nno-nob"
ANALYSERS = (f"{DATA}/nob-nno.automorf.bin", f"{DATA}/nno-nob.automorf.bin")
TRANSLATIONS = ("nob-nno", "nno-nob")
TIMEOUT = 600
_LEMMA = re.compile(r"/([^/<$]+)<")


def available():
    return bool(shutil.which("lt-proc") and shutil.which("apertium"))


def _run(command, words, end=""):
    """One line of output per word; ``end`` (a full stop) keeps Apertium's transfer rules
    from joining neighbouring lines into one phrase («brukernes» + «eierskap»)."""
    try:
        result = subprocess.run(
            command,
            input="".join(f"{word}{end}\n" for word in words),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = result.stdout.split("\n")
    return lines[: len(words)] if len(lines) >= len(words) else None


def lemmas(words):
    """{word: {lemma, ...}} from both analysers (``lt-proc -w``: one ``^…$`` a line)."""
    found = {}
    for analyser in ANALYSERS:
        lines = _run(["lt-proc", "-w", analyser], words)
        if lines is None:
            continue
        for word, line in zip(words, lines, strict=False):
            for lemma in _LEMMA.findall(line):
                lemma = lemma.lower().strip()
                if lemma and lemma != word and " " not in lemma:
                    found.setdefault(word, set()).add(lemma)
    return found


def translations(words):
    """{word: {the word in the other written form, ...}}; unknown words (``*word``) are left out."""
    found = {}
    for mode in TRANSLATIONS:
        lines = _run(["apertium", "-u", mode], words, end=".")
        if lines is None:
            continue
        for word, line in zip(words, lines, strict=False):
            other = line.strip().lower().removesuffix(".").lstrip("*#@")
            if other and other != word and " " not in other and other.isalpha():
                found.setdefault(word, set()).add(other)
    return found


def word_forms(words):
    """(word, form) pairs for ``words``: their lemmas and their other written form."""
    if not words or not available():
        return []
    pairs = set()
    for mapping in (lemmas(words), translations(words)):
        for word, forms in mapping.items():
            pairs.update((word, form) for form in forms)
    return sorted(pairs)
