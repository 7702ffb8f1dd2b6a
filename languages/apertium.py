"""Machine translation between bokmål and nynorsk with Apertium, for wagtail-localize.

Settings::

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "languages.apertium.ApertiumTranslator",
        "OPTIONS": {
            "NYNORSK_MODE": "nob-nno_e",  # e-infinitive (docs/nynorsk.md); a-infinitive: nob-nno
            "APERTIUM_BINARY": "apertium",
            "TIMEOUT": 30,  # seconds per Apertium run
            "PROTECT_NAMES": True,  # leave names as written (languages/protected.py)
            "WARM": True,  # keep one pipeline per mode running (languages.apertium_pipeline)
        },
    }
    MIDDLEWARE = [..., "languages.apertium.MachineTranslationErrorMiddleware"]

All strings of a page go to Apertium in one run, each in its own <p data-vv="i"> block.
Strings whose inline tags Apertium broke are retried once with the other HTML format; if
that also fails they are left untranslated for the editor.

wagtail-localize's machine_translate view does not catch exceptions from the translator,
so a failing Apertium would give the editor a 500 page. The translator raises
ApertiumError with a bokmål message, and the middleware turns that into an error
message on the page the editor came from.
"""

import contextlib
import logging
import os
import re
import signal
import subprocess
from collections import Counter

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue, lstrip_keep, rstrip_keep

from languages.apertium_pipeline import PipelineError, pipeline
from languages.protected import Protector, protected_terms

logger = logging.getLogger(__name__)

DEFAULT_BINARY = "apertium"
DEFAULT_NYNORSK_MODE = "nob-nno_e"  # the e-infinitive, the site's norm (docs/nynorsk.md)
BOKMAL_MODE = "nno-nob"
DEFAULT_TIMEOUT = 30

# "html-alt" first: it keeps inline tags where the author put them. "-f html" (through
# Transfuse, when installed) attaches tags to words, and where Apertium reorders words it
# widens or duplicates them (one <a id="a1"> became two links), so it is only the retry
# for strings whose tags html-alt broke ("<b>kommunens</b> ansvar" -> "<b></b> ansvaret
# til</b> kommunen").
FORMATS = ("html-alt", "html")
# The first format runs through a warm pipeline (languages.apertium_pipeline); the retry
# format, rarely needed, starts its own process.
WARM_FORMAT = FORMATS[0]

# Each string travels as its own block, so Apertium ends a sentence between strings.
BLOCK_RE = re.compile(r'<p data-vv="(\d+)">(.*?)</p>', re.DOTALL)
TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
EMPTY_TAG_RE = re.compile(r"<([a-zA-Z]+)\b[^>]*>\s*</\1>")
# "-u" removes "*" and "#"; "@" (word missing from the bilingual dictionary) remains.
AT_MARK_RE = re.compile(r"(?<![\w@])@(\w+)")


def timeout_message(timeout):
    return _(
        "Machine translation took too long (over {seconds} seconds) and was "
        "stopped. Try again, or translate the text yourself."
    ).format(seconds=f"{timeout:g}".replace(".", ","))


class ApertiumError(Exception):
    """Machine translation failed; the message is meant for the editor."""


def language(locale):
    """'nb', 'nb-NO', 'nn_NO' -> 'nb' / 'nn'."""
    return locale.language_code.lower().replace("_", "-").split("-")[0]


def apertium_available(mode=None, binary=DEFAULT_BINARY):
    """True if the binary runs and has `mode` (default: both nob-nno_e and nno-nob)."""
    modes = [mode] if mode else [DEFAULT_NYNORSK_MODE, BOKMAL_MODE]
    try:
        result = subprocess.run(
            [binary, "-l"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    listed = set(result.stdout.split())
    return all(m in listed for m in modes)


def strip_at_marks(source, translated):
    """Drop Apertium's "@" before untranslated words, keeping any "@" the author wrote."""

    def replace(match):
        word = match.group(1)
        if "@" + word not in source and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", source):
            return word
        return match.group(0)

    return AT_MARK_RE.sub(replace, translated)


def markup_intact(source, translated):
    """Same tags (with attributes and link ids), none of them emptied by reordering."""
    if Counter(TAG_RE.findall(source)) != Counter(TAG_RE.findall(translated)):
        return False
    return len(EMPTY_TAG_RE.findall(source)) == len(EMPTY_TAG_RE.findall(translated))


class ApertiumTranslator(BaseMachineTranslator):
    display_name = "Apertium"
    protector = Protector([])  # replaced per call of translate()

    def get_mode(self, source_locale, target_locale):
        pair = (language(source_locale), language(target_locale))
        if pair == ("nb", "nn"):
            return self.options.get("NYNORSK_MODE", DEFAULT_NYNORSK_MODE)
        if pair == ("nn", "nb"):
            return BOKMAL_MODE
        return None

    def can_translate(self, source_locale, target_locale):
        # Only the language pair: hiding the button when Apertium is missing would leave
        # the editor guessing, and update_translations would answer 404.
        return self.get_mode(source_locale, target_locale) is not None

    def translate(self, source_locale, target_locale, strings):
        mode = self.get_mode(source_locale, target_locale)
        if mode is None:
            raise ApertiumError(_("Apertium can only translate between bokmål and nynorsk."))

        # Names are never translated (languages/protected.py): hidden behind placeholders.
        if self.options.get("PROTECT_NAMES"):
            self.protector = Protector(protected_terms())
        # Outer whitespace is kept aside: it may separate this string from the next one.
        parts = {}
        for string in strings:
            text, left = lstrip_keep(string.data)
            text, right = rstrip_keep(text)
            parts[string] = (left, self.protector.hide(text), right)

        translations = {s: s for s, (_left, text, _right) in parts.items() if not text}
        pending = [s for s, (_left, text, _right) in parts.items() if text]
        for fmt in FORMATS:
            if pending:
                pending = self.translate_batch(mode, fmt, pending, parts, translations)
        for string in pending:
            # Left untranslated rather than saved with a broken link; the editor sees the
            # string as still to do.
            logger.warning("Apertium could not keep the markup of %r", string.data)
        return translations

    def translate_batch(self, mode, fmt, strings, parts, translations):
        """Translate all strings in one Apertium run; return those whose markup broke."""
        document = "\n".join(f'<p data-vv="{i}">{parts[s][1]}</p>' for i, s in enumerate(strings))
        output = self.run_apertium(mode, fmt, document)

        blocks = {int(i): body for i, body in BLOCK_RE.findall(output)}
        if sorted(blocks) != list(range(len(strings))):
            logger.error("Apertium returned %d of %d blocks", len(blocks), len(strings))
            raise ApertiumError(
                _("Machine translation failed: Apertium returned an incomplete result.")
            )

        failed = []
        for i, string in enumerate(strings):
            left, text, right = parts[string]
            body = strip_at_marks(text, blocks[i].strip())
            if markup_intact(text, body):
                try:
                    body = self.protector.restore(body)
                    translations[string] = StringValue.from_translated_html(left + body + right)
                    continue
                except ValueError:  # a tag wagtail-localize does not allow in strings
                    pass
            logger.info("Apertium (%s) broke the markup of %r: %r", fmt, text, body)
            failed.append(string)
        return failed

    def run_apertium(self, mode, fmt, document):
        binary = self.options.get("APERTIUM_BINARY", DEFAULT_BINARY)
        timeout = float(self.options.get("TIMEOUT", DEFAULT_TIMEOUT))
        if fmt == WARM_FORMAT and binary == DEFAULT_BINARY and self.options.get("WARM", True):
            try:
                return pipeline(mode).translate(document, timeout)
            except PipelineError as error:
                if str(error) == "timeout":
                    raise ApertiumError(timeout_message(timeout)) from error
                # Not startable (no such mode, no Apertium): the cold run says why.
                logger.warning("Warm Apertium pipeline for %s failed: %s", mode, error)
            except (OSError, subprocess.SubprocessError) as error:
                logger.warning("Warm Apertium pipeline for %s failed: %s", mode, error)
        return self.run_cold(binary, mode, fmt, document, timeout)

    def run_cold(self, binary, mode, fmt, document, timeout):
        """One `apertium` process for this document (the retry format, or no warm pipeline)."""
        command = [binary, "-u", "-f", fmt, mode]
        try:
            # Own session, so a timeout can kill the whole Apertium pipeline.
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                encoding="utf-8",
                start_new_session=True,
            )
        except OSError as error:
            logger.error("Cannot run %s: %s", binary, error)
            raise ApertiumError(
                _(
                    "Machine translation is not available: Apertium is not installed on the "
                    "server (Debian packages apertium and apertium-nno-nob)."
                )
            ) from error

        with process:
            try:
                stdout, stderr = process.communicate(document, timeout=timeout)
            except subprocess.TimeoutExpired as error:
                with contextlib.suppress(ProcessLookupError):  # finished meanwhile
                    os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                raise ApertiumError(timeout_message(timeout)) from error

        if process.returncode != 0 or not stdout.strip():
            logger.error("%s exited with %s: %s", command, process.returncode, stderr.strip())
            if "does not exist" in stderr:
                raise ApertiumError(
                    _(
                        "Machine translation is not available: the language pair {mode} is "
                        "missing from Apertium on the server (Debian package apertium-nno-nob)."
                    ).format(mode=mode)
                )
            raise ApertiumError(
                _(
                    "Machine translation failed: Apertium stopped with an error. Try again, "
                    "or translate the text yourself."
                )
            )
        return stdout


class MachineTranslationErrorMiddleware:
    """Show an ApertiumError to the editor as a message instead of a 500 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ApertiumError) or not hasattr(request, "_messages"):
            return None
        logger.warning("Machine translation failed: %s", exception)
        messages.error(request, str(exception))
        # The editor's "Translate with Apertium" form posts next=<its own URL>; fall back to
        # the referring admin page.
        for url in (
            request.POST.get("next"),
            request.GET.get("next"),
            request.META.get("HTTP_REFERER"),
        ):
            if url and url_has_allowed_host_and_scheme(
                url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                return HttpResponseRedirect(url)
        try:
            return HttpResponseRedirect(reverse("wagtailadmin_home"))
        except NoReverseMatch:
            return None
