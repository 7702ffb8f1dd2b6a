"""Benchmark: translate a ~1,000-word bokmål article to nynorsk with ApertiumTranslator.

Run from the repository root:  python benchmarks/apertium_translate.py

Needs the Debian packages apertium and apertium-nno-nob. Django is only set up minimally
(no apps, no database): the translator needs nothing more.
"""

import re
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

# Let the script run without installing the project.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django
from django.conf import settings

settings.configure(USE_I18N=True)
django.setup()  # error messages are lazy translations

from wagtail_localize.strings import StringValue  # noqa: E402

from languages.apertium import ApertiumTranslator, apertium_available  # noqa: E402

RUNS = 5

# One string per segment, as wagtail-localize extracts them from headings, paragraphs
# and list items of a rich text field (inline markup and link ids included).
SEGMENTS = [
    "Boligsosialt arbeid i kommunene",
    "Denne veilederen gir kommunene råd om hvordan de kan planlegge, organisere og "
    "gjennomføre det <b>boligsosiale arbeidet</b>. Målet er at flere skal få et godt sted å "
    "bo, og at de som trenger det, skal få hjelp til å mestre boforholdet. Veilederen "
    "bygger på lovverket, forskning og erfaringer fra kommuner i hele landet.",
    "Kommunen har ansvar for å medvirke til å skaffe boliger til vanskeligstilte på "
    'boligmarkedet. Ansvaret følger blant annet av <a id="a1">lov om kommunenes ansvar på '
    "det boligsosiale feltet</a>.",
    "Hvem er vanskeligstilte på boligmarkedet?",
    "Personer og familier som ikke har mulighet til å skaffe seg og opprettholde et "
    "forsvarlig boforhold på egen hånd, regnes som vanskeligstilte. Det kan skyldes <i>lav "
    "inntekt</i>, helseutfordringer, rusproblemer eller manglende kunnskap om "
    "boligmarkedet.",
    "Mange av dem som bor dårlig, er barnefamilier. Barn som flytter ofte, kan få problemer "
    "på skolen og miste kontakten med venner og fritidsaktiviteter. Når familien må flytte, "
    "bør kommunen sørge for at barna kan fortsette i samme skole og barnehage så langt det "
    "er mulig.",
    "Kommunen bør derfor kartlegge behovene til husstandene tidlig og vurdere hvilke tiltak "
    "som kan hjelpe dem videre. Jo tidligere kommunen kommer inn, desto lettere er det å "
    "unngå at problemene vokser seg store og vanskelige å løse.",
    "Planlegging og organisering",
    "Det boligsosiale arbeidet bør være forankret i kommunens planverk. En god plan "
    "beskriver utfordringene, setter mål og fordeler ansvaret mellom tjenestene. Planen bør "
    "rulleres jevnlig, slik at den er oppdatert når behovene i befolkningen endrer seg.",
    "Erfaring viser at arbeidet blir bedre når <b>ledelsen</b> følger opp, og når "
    "tjenestene samarbeider på tvers av sektorer. NAV-kontoret, helse- og omsorgstjenestene "
    "og boligkontoret har alle viktige roller. En fast koordinator kan gjøre det enklere "
    "for innbyggerne å få hjelp, fordi de slipper å forklare situasjonen sin mange ganger.",
    'Kommunen kan bruke <a id="a1">Husbankens kunnskapsbank</a> for å finne gode eksempler '
    "fra andre kommuner. Der finnes også verktøy for planlegging, maler for avtaler og "
    "forskningsrapporter om hva som virker.",
    "Lag en oversikt over boligbehovet",
    "En oversikt over boligbehovet gir kommunen et grunnlag for å prioritere. Oversikten "
    "bør vise hvor mange som trenger bolig, hva slags boliger de trenger, og hvilke "
    "tjenester de har behov for. Oppdater oversikten minst én gang i året.",
    "Bruk tall fra egne fagsystemer, statistikk fra Statistisk sentralbyrå og kunnskap fra "
    "ansatte som møter innbyggerne hver dag. Husk at tallene bare er et utgangspunkt. "
    "Samtaler med brukerne og de ansatte gir ofte et mer presist bilde av situasjonen.",
    "Kommunale utleieboliger",
    "De fleste kommuner eier eller leier boliger som de leier ut til vanskeligstilte. Disse "
    "boligene skal være et <i>midlertidig</i> tilbud for mange, men noen trenger en varig "
    "løsning. Kommunen bør ha en klar praksis for hvordan boligene tildeles, og begrunne "
    "vedtakene skriftlig.",
    "Kommunen bør vurdere om leietakeren kan kjøpe boligen selv, for eksempel med startlån. "
    "Leie til eie kan være et godt alternativ for barnefamilier med stabil inntekt. "
    "Husbanken kan gi råd om hvordan en slik ordning kan organiseres.",
    'Husleien skal fastsettes i samsvar med <a id="a1">husleieloven</a>, og kontrakten bør '
    "være skriftlig. Leietakeren skal få informasjon om sine rettigheter og plikter før "
    "kontrakten underskrives.",
    "Økonomiske virkemidler",
    "Staten har flere økonomiske virkemidler som kommunene kan bruke. De viktigste er "
    "<b>bostøtte</b>, <b>startlån</b> og tilskudd.",
    "Bostøtte er en behovsprøvd støtte til personer med lave inntekter og høye boutgifter. "
    "Søknaden sendes til kommunen, som behandler den sammen med Husbanken. Det er viktig at "
    "kommunen informerer om ordningen, fordi mange som har rett til bostøtte, ikke søker.",
    "Startlån kan gis til personer som ikke får lån i en vanlig bank. Lånet kan brukes til "
    "å kjøpe bolig, tilpasse boligen eller refinansiere dyr gjeld. Kommunen vurderer "
    "søknaden ut fra husstandens økonomi og betalingsevne over tid.",
    "Tilskudd til tilpasning kan gis til husstander som trenger å tilpasse boligen på grunn "
    "av nedsatt funksjonsevne. Tilskuddet kan også brukes til å utrede og prosjektere "
    "tilpasninger, og det skal ikke betales tilbake.",
    'Les mer om <a id="a1">startlån</a> og <a id="a2">tilskudd til tilpasning</a> på '
    "Husbankens nettsider.",
    "Oppfølging i boligen",
    "Mange trenger hjelp til å bo, ikke bare et sted å bo. Oppfølging kan handle om å "
    "betale husleien i tide, holde orden i boligen og ha et godt forhold til naboene. "
    "Oppfølgingen bør starte før innflytting og fortsette så lenge det er nødvendig.",
    "Kommunen bør gi tjenester som er tilpasset den enkelte, og som varer så lenge behovet "
    "er der. Det er <b>viktig</b> at brukeren selv får medvirke. Tjenestene bør samordnes, "
    "slik at brukeren får ett sted å henvende seg.",
    "Bostedsløse og personer som står i fare for å bli utkastet, skal få rask hjelp. "
    "Kommunen skal finne et <i>midlertidig botilbud</i> når ingen andre løsninger finnes. "
    "Oppholdet i et midlertidig botilbud bør være så kort som mulig, og barnefamilier skal "
    "ikke bo der over tid.",
    "Samarbeid med frivillige og private aktører",
    "Frivillige organisasjoner kan bidra med aktiviteter, nettverk og praktisk hjelp. "
    "Private utleiere kan øke tilbudet av boliger, særlig i kommuner med få kommunale "
    "boliger. Et godt samarbeid forutsetter at rollene er tydelige og at kommunen følger "
    "opp avtalene.",
    "Avtaler med private utleiere bør beskrive hvem som har ansvar for oppfølging, "
    "vedlikehold og eventuelle skader. Slike avtaler gir trygghet både for utleieren og for "
    "leietakeren.",
    "Brukermedvirkning",
    "Brukerne har kunnskap som kommunen trenger. Spør dem om hva som fungerer, og bruk "
    "svarene når tjenestene skal utvikles. Husk at brukerne også kan være med i arbeidet "
    "med planer og evalueringer, ikke bare svare på spørsmål.",
    "Brukerundersøkelser, samtaler og faste møter med brukerorganisasjoner er gode måter å "
    "få fram erfaringene på. Det er lurt å sette av tid og ressurser til dette arbeidet fra "
    "starten av.",
    "Evaluering og læring",
    "Kommunen bør jevnlig vurdere om tiltakene virker. Sett mål som kan måles, og følg med "
    "på resultatene over tid. Enkle indikatorer, som antall bostedsløse og antall "
    "utkastelser, kan gi et nyttig bilde av utviklingen i kommunen.",
    "Del erfaringer med andre kommuner, for eksempel gjennom nettverk og <a "
    'id="a1">Husbankens kompetansetilbud</a>.',
    "Kontakt",
    "Har du spørsmål om veilederen, kan du ta kontakt med Husbanken. Vi svarer på "
    "henvendelser fra kommuner, organisasjoner og innbyggere. Du finner også svar på "
    "vanlige spørsmål og kontaktinformasjon til de regionale kontorene på nettsidene våre.",
    "Sist oppdatert: <b>1. mars</b>. Innholdet blir gjennomgått hvert år.",
]


def word_count(strings):
    text = " ".join(re.sub(r"<[^>]+>", " ", s) for s in strings)
    return len(text.split())


class CountingTranslator(ApertiumTranslator):
    runs = 0

    def run_apertium(self, *args):
        self.runs += 1
        return super().run_apertium(*args)


def measure(translator, source, target, strings):
    """Wall times of RUNS whole translations and of one short string, and the last result."""
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = translator.translate(source, target, strings)
        timings.append(time.perf_counter() - start)
    # The fixed cost of a run: what a warm pipeline saves.
    start = time.perf_counter()
    translator.translate(source, target, strings[:1])
    return timings, time.perf_counter() - start, result


def main():
    if not apertium_available("nob-nno"):
        print("Apertium (nob-nno) is not installed; nothing to benchmark.")
        return

    source = SimpleNamespace(language_code="nb")
    target = SimpleNamespace(language_code="nn")
    strings = [StringValue(s) for s in SEGMENTS]
    words = word_count(SEGMENTS)
    print(f"words: {words}, segments: {len(strings)}")
    print(
        f"{'pipeline':<8} {'median':>8} {'words/s':>8} {'one string':>11} {'runs':>5}  all runs (s)"
    )
    for label, warm in (("cold", False), ("warm", True)):
        translator = CountingTranslator({"NYNORSK_MODE": "nob-nno", "WARM": warm})
        if warm:  # the pipeline starts once per process, before the first editor's click
            translator.translate(source, target, strings[:1])
        timings, single, result = measure(translator, source, target, strings)
        median = statistics.median(timings)
        runs = ", ".join(f"{t:.2f}" for t in timings)
        print(
            f"{label:<8} {median:>7.2f}s {words / median:>8.0f} {single:>10.2f}s "
            f"{translator.runs:>5}  {runs}"
        )
    print()
    print("sample:", result[strings[2]].data)


if __name__ == "__main__":
    main()
