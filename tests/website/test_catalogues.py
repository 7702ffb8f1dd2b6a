"""The nb and nn interface catalogues are complete and agree with each other."""

from pathlib import Path

import polib
import pytest

from django.conf import settings

CATALOGUES = {
    lang: Path(settings.BASE_DIR) / "locale" / lang / "LC_MESSAGES" / "django.po"
    for lang in ("nb", "nn")
}


@pytest.mark.parametrize("lang", list(CATALOGUES))
def test_every_message_is_translated(lang):
    catalogue = polib.pofile(str(CATALOGUES[lang]))
    untranslated = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    assert not untranslated, f"untranslated in {lang}: {untranslated}"
    assert not fuzzy, f"fuzzy in {lang}: {fuzzy}"


def test_both_languages_have_the_same_messages():
    ids = {
        lang: {e.msgid for e in polib.pofile(str(path)) if not e.obsolete}
        for lang, path in CATALOGUES.items()
    }
    assert ids["nb"] == ids["nn"]


def test_nynorsk_labels_from_the_seeds():
    nn = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGUES["nn"]))}
    nb = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGUES["nb"]))}
    assert nn["Authors"] == "Forfattar" and nb["Authors"] == "Forfatter"
    assert (
        nn["Year of publication"] == "Utgivingsår" and nb["Year of publication"] == "Utgivelsesår"
    )
    assert nn["Commissioned by"] == "Oppdragsgivar" and nb["Commissioned by"] == "Oppdragsgiver"
    assert nn["Performed by"] == "Oppdragsutførar" and nb["Performed by"] == "Oppdragsutfører"
    assert nn["Overview of main findings"] == "Oversikt over hovudfunn"
    assert nn["Link to more information"] == "Lenke til meir informasjon"
