"""The accessibility statement (tilgjengelighetserklæring) in bokmål and nynorsk, for the demo.

Public websites in Norway must publish one (forskrift om universell utforming av IKT-løsninger).
"""

import json

from wagtail.models import Locale

from website.models import HomePage, InformationPage, SiteSettings

SLUG_NB = "tilgjengelighetserklaering"
SLUG_NN = "tilgjengelegheitserklaering"

STATEMENT = {
    "nb": {
        "slug": SLUG_NB,
        "title": "Tilgjengelighetserklæring",
        "lead": (
            "Veiviser skal kunne brukes av alle. Her forteller vi hvordan nettstedet oppfyller "
            "kravene til universell utforming, og hvordan du kan si fra om noe ikke fungerer."
        ),
        "body": [
            ("heading", "Krav og status"),
            (
                "paragraph",
                "<p>Nettstedet skal oppfylle kravene i forskrift om universell utforming av "
                "informasjons- og kommunikasjonsteknologiske (IKT)-løsninger, som viser til "
                "WCAG 2.1 nivå A og AA. Vi mener at Veiviser oppfyller kravene.</p>",
            ),
            ("heading", "Slik har vi testet"),
            (
                "paragraph",
                "<ul><li>Alle sidetyper på bokmål og nynorsk, søkesiden og feilsiden testes "
                "automatisk med axe-core i nettleseren Chromium hver gang nettstedet endres. "
                "Testene krever null brudd på WCAG 2.1 A og AA.</li>"
                "<li>Vi tester at hopp-lenken, søket og språkvelgeren kan brukes med tastatur "
                "alene.</li><li>Sidene bruker Digdirs designsystem, som er laget for å oppfylle "
                "kravene til kontrast, fokusmarkering og skalering.</li></ul>",
            ),
            ("heading", "Innhold på den andre målformen"),
            (
                "paragraph",
                "<p>Noe innhold finnes bare på bokmål eller bare på nynorsk. Da viser vi teksten "
                "på den målformen den er skrevet på, og merker den slik at skjermlesere leser "
                "den riktig.</p>",
            ),
            ("heading", "Si fra om feil og mangler"),
            (
                "paragraph",
                "<p>Finner du noe som ikke fungerer for deg, vil vi gjerne vite det. Send en "
                'e-post til <a href="mailto:redaktor@husbanken.no">redaktor@husbanken.no</a>. '
                "Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til "
                'Tilsynet for universell utforming av IKT på <a href="https://www.uutilsynet.no/">'
                "uutilsynet.no</a>.</p>",
            ),
        ],
    },
    "nn": {
        "slug": SLUG_NN,
        "title": "Tilgjengelegheitserklæring",
        "lead": (
            "Veiviser skal kunne brukast av alle. Her fortel vi korleis nettstaden oppfyller "
            "krava til universell utforming, og korleis du kan seie frå om noko ikkje fungerer."
        ),
        "body": [
            ("heading", "Krav og status"),
            (
                "paragraph",
                "<p>Nettstaden skal oppfylle krava i forskrift om universell utforming av "
                "informasjons- og kommunikasjonsteknologiske (IKT)-løysingar, som viser til "
                "WCAG 2.1 nivå A og AA. Vi meiner at Veiviser oppfyller krava.</p>",
            ),
            ("heading", "Slik har vi testa"),
            (
                "paragraph",
                "<ul><li>Alle sidetypar på bokmål og nynorsk, søkjesida og feilsida blir testa "
                "automatisk med axe-core i nettlesaren Chromium kvar gong nettstaden blir endra. "
                "Testane krev null brot på WCAG 2.1 A og AA.</li>"
                "<li>Vi testar at hopplenka, søket og målformveljaren kan brukast med tastatur "
                "åleine.</li><li>Sidene bruker Digdirs designsystem, som er laga for å oppfylle "
                "krava til kontrast, fokusmarkering og skalering.</li></ul>",
            ),
            ("heading", "Innhald på den andre målforma"),
            (
                "paragraph",
                "<p>Noko innhald finst berre på bokmål eller berre på nynorsk. Då viser vi teksten "
                "på den målforma han er skriven på, og merkjer han slik at skjermlesarar les han "
                "rett.</p>",
            ),
            ("heading", "Sei frå om feil og manglar"),
            (
                "paragraph",
                "<p>Finn du noko som ikkje fungerer for deg, vil vi gjerne vite det. Send ein "
                'e-post til <a href="mailto:redaktor@husbanken.no">redaktor@husbanken.no</a>. '
                "Får du ikkje svar, eller er du ikkje nøgd med svaret, kan du klage til "
                'Tilsynet for universell utforming av IKT på <a href="https://www.uutilsynet.no/">'
                "uutilsynet.no</a>.</p>",
            ),
        ],
    },
}


def _body(blocks):
    data = []
    for kind, value in blocks:
        if kind == "heading":
            value = {"text": value, "level": "h2"}
        data.append({"type": kind, "value": value})
    return json.dumps(data)


def load_accessibility_statement(command, home):
    """Create the statement in bokmål and its real nynorsk translation; link it in the footer.

    ``command`` is the running ``load_initial_data`` (for ``child``, ``in_locale``, counts).
    Called before the trees are synchronised, so the nynorsk page is a translation, not an alias.
    """
    nb_text, nn_text = STATEMENT["nb"], STATEMENT["nn"]
    statement = command.child(
        home,
        InformationPage,
        nb_text["slug"],
        title=nb_text["title"],
        lead=nb_text["lead"],
        body=_body(nb_text["body"]),
    )
    nn = Locale.objects.get(language_code="nn")
    if not statement.has_translation(nn):
        command.in_locale(HomePage.objects.get(pk=home.pk), nn)
        translation = statement.copy_for_translation(nn)
        translation.title = nn_text["title"]
        translation.slug = nn_text["slug"]
        translation.lead = nn_text["lead"]
        translation.body = _body(nn_text["body"])
        translation.original_language = "nn"
        translation.save_revision().publish()
        command.created += 1
    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.accessibility_statement_id is None:
        site_settings.accessibility_statement = statement
        site_settings.save()
    return statement
