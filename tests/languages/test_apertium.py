"""ApertiumTranslator against the real apertium binary (no database needed)."""

import os
import shutil
import signal
from types import SimpleNamespace

import pytest

from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import RequestFactory

from wagtail_localize.strings import StringValue

from languages.apertium import (
    ApertiumError,
    ApertiumTranslator,
    MachineTranslationErrorMiddleware,
    apertium_available,
    markup_intact,
    strip_at_marks,
)
from languages.apertium_pipeline import pipeline

pytestmark = pytest.mark.apertium

needs_apertium = pytest.mark.skipif(
    not apertium_available(),
    reason="Apertium is not installed (Debian packages apertium, apertium-nno-nob)",
)
needs_e_mode = pytest.mark.skipif(
    not apertium_available("nob-nno_e"),
    reason="Apertium mode nob-nno_e is not installed (Debian package apertium-nno-nob)",
)

NB = SimpleNamespace(language_code="nb")
NN = SimpleNamespace(language_code="nn")


def translate(strings, source=NB, target=NN, **options):
    values = [StringValue(s) for s in strings]
    result = ApertiumTranslator(options).translate(source, target, values)
    return [result[v].data if v in result else None for v in values]


@pytest.fixture
def apertium_runs(monkeypatch):
    """The format of every Apertium run (warm or cold), still running the real thing."""
    formats = []
    real_run = ApertiumTranslator.run_apertium

    def spy(self, mode, fmt, document):
        formats.append(fmt)
        return real_run(self, mode, fmt, document)

    monkeypatch.setattr(ApertiumTranslator, "run_apertium", spy)
    return formats


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("nb", "nn", True),
        ("nn", "nb", True),
        ("nb-NO", "nn_NO", True),
        ("nb", "nb", False),
        ("nb", "en", False),
        ("en", "nn", False),
    ],
)
def test_can_translate_only_bokmal_nynorsk(source, target, expected):
    translator = ApertiumTranslator({})
    source_locale = SimpleNamespace(language_code=source)
    target_locale = SimpleNamespace(language_code=target)
    assert translator.can_translate(source_locale, target_locale) is expected


@needs_apertium
def test_bokmal_to_nynorsk():
    [result] = translate(["Alle kommunene har ansvar for boligsosialt arbeid."])
    assert "kommunane" in result
    assert "bustadsosialt" in result


@needs_apertium
def test_nynorsk_to_bokmal():
    [result] = translate(["Kommunane skal skaffa bustader."], source=NN, target=NB)
    assert "Kommunene" in result
    assert "boliger" in result


@needs_apertium
def test_region_suffixed_locales():
    [result] = translate(
        ["kommunene"],
        source=SimpleNamespace(language_code="nb-NO"),
        target=SimpleNamespace(language_code="nn-NO"),
    )
    assert result == "kommunane"


@needs_apertium
def test_markup_and_link_ids_survive():
    source = 'Les mer om <a id="a1">bostøtte fra Husbanken</a> og <b>startlån</b> her.'
    [result] = translate([source])
    assert '<a id="a1">bustøtte frå Husbanken</a>' in result
    assert "<b>startlån</b>" in result
    assert markup_intact(source, result)


@needs_apertium
def test_round_trip_restores_link_attributes():
    html = 'Søk om <a href="https://www.husbanken.no/startlan/">startlån</a> i <i>kommunen</i>.'
    value, attrs = StringValue.from_source_html(html)
    assert value.get_translatable_html() == 'Søk om <a id="a1">startlån</a> i <i>kommunen</i>.'

    result = ApertiumTranslator({}).translate(NB, NN, [value])[value]

    assert result.get_translatable_html() == 'Søk om <a id="a1">startlån</a> i <i>kommunen</i>.'
    assert result.render_html(attrs) == (
        'Søk om <a href="https://www.husbanken.no/startlan/">startlån</a> i <i>kommunen</i>.'
    )


@needs_apertium
def test_entities_round_trip():
    value = StringValue.from_plaintext('Husleie & lån < 5000 kr, "ikke" > 0 kr')
    assert "&amp;" in value.data and "&lt;" in value.data and "&gt;" in value.data

    result = ApertiumTranslator({}).translate(NB, NN, [value])[value]

    assert "&amp;" in result.data and "&lt;" in result.data and "&gt;" in result.data
    assert result.render_text() == 'Husleige & lån < 5000 kr, "ikkje" > 0 kr'


@needs_apertium
def test_unknown_word_marks_are_stripped():
    [result] = translate(["Kommunen sender Xyzzyq til Qwxzvbn."])
    assert "*" not in result
    assert "Xyzzyq" in result and "Qwxzvbn" in result


@needs_apertium
def test_many_segments_in_one_run_in_order(apertium_runs):
    strings = [f"Kommune nummer {i} har ansvar for {i} boliger." for i in range(60)]
    results = translate(strings)

    assert len(results) == len(strings)
    for i, result in enumerate(results):
        assert result == f"Kommune nummer {i} har ansvar for {i} bustader."
    assert apertium_runs == ["html-alt"]


@needs_apertium
def test_segments_do_not_bleed_into_each_other(apertium_runs):
    # Headings without full stops, markup at the edges, and a dangling word: the batch
    # must give exactly what translating each string on its own gives.
    strings = [
        "Boligsosialt arbeid",
        "kommunens",
        "ansvar for <b>vanskeligstilte</b>",
        '<a id="a1">Les mer</a>',
        "Startlån og bostøtte",
    ]
    batch = translate(strings)
    single = [translate([s])[0] for s in strings]

    assert batch == single
    assert len(apertium_runs) == 1 + len(strings)


@needs_apertium
def test_broken_markup_is_retried_and_never_returned(apertium_runs):
    # html-alt turns "<b>kommunens</b> ansvar" into "<b></b> ansvaret til</b> kommunen";
    # that string alone is retried with "-f html", which keeps the tag on its word.
    strings = [
        "Det er <b>kommunens</b> ansvar å finne et <i>midlertidig botilbud</i>.",
        'Ansvaret følger av <a id="a1">lov om kommunenes ansvar på det boligsosiale feltet</a>.',
        "Mange <em>leietakere</em> har <strong>problemer</strong> med å betale husleien.",
        "Les <i>mer om</i> det.",
    ]
    results = translate(strings)

    if shutil.which("tf-extract"):  # "-f html" only differs from html-alt with Transfuse
        assert results[0] == (
            "Det er ansvaret til <b>kommunen</b> å finne eit <i>mellombels butilbod</i>."
        )
    assert results[3] == "Les <i>meir om</i> det."
    for source, result in zip(strings, results, strict=True):
        assert result is None or markup_intact(source, result)
    assert apertium_runs == ["html-alt", "html"]


@needs_e_mode
def test_e_infinitive_mode_differs_from_a_infinitive():
    text = ["Det er viktig å arbeide godt og å bruke tid."]
    [a_form] = translate(text, NYNORSK_MODE="nob-nno")
    [e_form] = translate(text, NYNORSK_MODE="nob-nno_e")

    assert "å arbeida" in a_form and "å bruka" in a_form
    assert "å arbeide" in e_form and "å bruke" in e_form


def test_missing_binary_gives_clear_message():
    with pytest.raises(ApertiumError) as error:
        translate(["Kommunene"], APERTIUM_BINARY="/nonexistent/apertium")
    assert str(error.value) == (
        "Maskinoversetting er ikke tilgjengelig: Apertium er ikke installert på serveren "
        "(Debian-pakkene apertium og apertium-nno-nob)."
    )


@needs_apertium
def test_missing_mode_gives_clear_message():
    with pytest.raises(ApertiumError, match="språkretningen nob-xyz mangler"):
        translate(["Kommunene"], NYNORSK_MODE="nob-xyz")


@needs_apertium
def test_timeout_gives_clear_message():
    with pytest.raises(ApertiumError, match="tok for lang tid"):
        # Far more than a warm pipeline translates in 10 ms.
        translate([f"Kommune {n} har ansvar for boliger." for n in range(3000)], TIMEOUT=0.01)


def test_empty_and_whitespace_strings_need_no_apertium():
    result = translate(["", "  "], APERTIUM_BINARY="/nonexistent/apertium")
    assert result == ["", "  "]


def test_strip_at_marks_keeps_author_handles():
    assert strip_at_marks("kommunens ansvar", "@kommunens ansvaret") == "kommunens ansvaret"
    assert strip_at_marks("Følg @husbanken", "Følg @husbanken") == "Følg @husbanken"
    assert strip_at_marks("post@kommune.no", "post@kommune.no") == "post@kommune.no"


def test_markup_intact_rejects_emptied_and_duplicated_tags():
    source = "Det er <b>kommunens</b> ansvar"
    assert markup_intact(source, "Det er <b>kommunen</b> sitt ansvar")
    assert not markup_intact(source, "Det er <b></b> ansvaret til</b> kommunen")
    link = '<a id="a1">lov om kommunenes ansvar</a>'
    assert not markup_intact(link, '<a id="a1">lov om ansvaret</a> til <a id="a1">kommunane</a>')


def test_middleware_turns_error_into_message():
    request = RequestFactory().post(
        "/admin/localize/translate/1/machine_translate/?next=/admin/pages/3/edit/"
    )
    request._messages = CookieStorage(request)
    middleware = MachineTranslationErrorMiddleware(lambda request: HttpResponse())

    response = middleware.process_exception(request, ApertiumError("Apertium mangler."))

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/3/edit/"
    assert [str(m) for m in request._messages] == ["Apertium mangler."]
    assert middleware.process_exception(request, ValueError("other")) is None


def test_middleware_ignores_unsafe_next_url():
    request = RequestFactory().post(
        "/machine_translate/?next=https://evil.example/", HTTP_REFERER="/admin/pages/3/"
    )
    request._messages = CookieStorage(request)
    middleware = MachineTranslationErrorMiddleware(lambda request: HttpResponse())

    response = middleware.process_exception(request, ApertiumError("Feil."))

    assert response["Location"] == "/admin/pages/3/"


@needs_apertium
def test_warm_pipeline_gives_what_a_cold_run_gives():
    strings = [
        "Boligsosialt arbeid",
        "Hva gjør kommunen for å skaffe boliger?",
        'Les <a id="a1">mer om startlån</a> og &laquo;bostøtte&raquo; her.',
        "Det er viktig å arbeide godt og å bruke tid.",
    ]
    assert translate(strings) == translate(strings, WARM=False)


@needs_apertium
def test_warm_pipeline_stays_up_and_restarts_when_killed():
    translate(["Kommunen har ansvar."])
    warm = pipeline(ApertiumTranslator({}).get_mode(NB, NN))
    first = warm.process.pid
    assert translate(["mange boliger"]) == ["mange bustader"]
    assert warm.process.pid == first

    os.killpg(first, signal.SIGKILL)
    warm.process.wait()
    assert translate(["mange boliger"]) == ["mange bustader"]
    assert warm.process.pid != first


@needs_apertium
@pytest.mark.django_db
def test_the_product_name_is_never_translated():
    """«Veiviser» is a name (docs/nynorsk.md): Apertium alone makes it «Vegvisar»."""
    text = "Veiviser for boligsosialt arbeid"
    assert translate([text]) == ["Vegvisar for bustadsosialt arbeid"]
    assert translate([text], PROTECT_NAMES=True) == ["Veiviser for bustadsosialt arbeid"]
