"""Demo content from the seed documents. Loaded by ``manage.py load_initial_data``.

The factor framework (numbers, names, desired states, activities) and the four quotes are
verbatim from the seeds; the two experience articles retell seeds 000 and 002 in our own words.
The case study (seed 004) is written in nynorsk, as published.
"""

DIRECTORATES = [
    ("Husbanken", "", "https://www.husbanken.no/"),
    ("Helsedirektoratet", "Hdir", "https://www.helsedirektoratet.no/"),
    ("Integrerings- og mangfoldsdirektoratet", "IMDi", "https://www.imdi.no/"),
    ("Arbeids- og velferdsdirektoratet", "NAV", "https://www.nav.no/"),
    ("Barne-, ungdoms- og familiedirektoratet", "Bufdir", "https://www.bufdir.no/"),
    ("Kriminalomsorgsdirektoratet", "KDI", "https://www.kriminalomsorgen.no/"),
]

MUNICIPALITIES = [
    ("Hamar kommune", "3403", "Innlandet"),
    ("Alta kommune", "5601", "Finnmark"),
    ("Kristiansand kommune", "4204", "Agder"),
    ("Halden kommune", "3101", "Østfold"),
]

# slug: (nb name, nn name, nb description)
THEMES = {
    "tverrfaglig-samarbeid": (
        "Tverrfaglig samarbeid",
        "Tverrfagleg samarbeid",
        "Samarbeid på tvers av fag, tjenester og forvaltningsnivåer.",
    ),
    "boligkontor": (
        "Boligkontor",
        "Bustadkontor",
        "Boligkontor og andre enheter som samler de boligsosiale tjenestene.",
    ),
    "planarbeid": (
        "Planarbeid",
        "Planarbeid",
        "Boligsosialt arbeid i kommuneplan, handlingsplaner og økonomiplan.",
    ),
    "ledelse": (
        "Ledelse og styring",
        "Leiing og styring",
        "Politisk og administrativ ledelse av det boligsosiale arbeidet.",
    ),
    "kunnskapsgrunnlag": (
        "Kunnskapsgrunnlag",
        "Kunnskapsgrunnlag",
        "Kartlegging, analyse og evaluering som grunnlag for beslutninger.",
    ),
    "virkemidler": (
        "Økonomiske virkemidler",
        "Økonomiske verkemiddel",
        "Startlån, tilskudd, bostøtte og andre statlige og kommunale virkemidler.",
    ),
}

HOME = {
    "title": "Veiviser for boligsosialt arbeid",
    "intro": (
        "<p>Nasjonal veiledning for kommunenes boligsosiale arbeid, fra Husbanken, "
        "Helsedirektoratet, IMDi, NAV, Bufdir og Kriminalomsorgsdirektoratet. Finn det du "
        "trenger etter suksessfaktor eller tema.</p>"
    ),
}

FACTOR_INDEX = {
    "title": "Suksessfaktorer for godt boligsosialt arbeid",
    "slug": "suksessfaktorer",
    "intro": (
        "<p>Disse seks suksessfaktorene er grunnleggende for å få god måloppnåelse i det "
        "boligsosiale arbeidet, både for det helhetlige arbeidet i kommunen og på tiltaksnivå.</p>"
    ),
    "body": [
        (
            "paragraph",
            "<p>Det boligsosiale arbeidet kan oppleves som fragmentert og komplekst for involverte "
            "parter. Forskning og praksis viser at det finnes måter å samarbeide og organisere seg "
            "på, som kan bidra til økt boligsosial handlingskapasitet og bedre resultater selv om "
            "kommuner er forskjellige med tanke på størrelse, organisering eller utfordringer.</p>",
        ),
        ("heading", "Arbeide helhetlig"),
        (
            "paragraph",
            "<p>NOU 2011:15 «Rom for alle» framhevet fem viktige suksessfaktorer for godt "
            "boligsosialt arbeid i kommunene. Under strategien «Bolig for velferd» (2014–2020) ble "
            "brukermedvirkning lagt til som en sjette suksessfaktor.</p>",
        ),
        ("heading", "Konkretisering av suksessfaktorene"),
        (
            "paragraph",
            "<p>I notatet «Suksesskriterier i boligsosialt arbeid» fra 2019 anbefalte NTNU "
            "Samfunnsforskning en revitalisering og operasjonalisering av suksessfaktorene. "
            "Husbanken har i etterkant konkretisert viktige aspekter. Hver suksessfaktor har en "
            "første setning som beskriver en ønsket tilstand, jf. Bolig for velferd (s. 25). I "
            "kulepunktene beskrives aktiviteter for å oppnå dette.</p>",
        ),
    ],
}

# number, name, slug, desired state, [(activity title, activity summary verbatim)]
FACTORS = [
    (
        1,
        "Forankring og eierskap",
        "forankring-og-eierskap",
        "Skape en felles forståelse av mål, ansvar, metoder og tiltak hos ledelse og i fagmiljøet.",
        [
            (
                "Involvere ledelsen og øke kompetansen",
                "Aktiv involvering og økt boligsosial kompetanse hos politisk og administrativ ledelse.",
                ["ledelse"],
            ),
            (
                "Holde den tverrfaglige aksepten levende",
                "Etablere tverrfaglig aksept for det boligsosiale arbeidet som kontinuerlig holdes "
                "levende.",
                ["tverrfaglig-samarbeid"],
            ),
        ],
    ),
    (
        2,
        "Overordnet strategi",
        "overordnet-strategi",
        "Se utfordringer og løsninger i sammenheng med andre politikkområder.",
        [
            (
                "Boligsosialt arbeid i kommuneplanleggingen",
                "Boligsosialt arbeid inngår i den helhetlige kommunale planleggingen.",
                ["planarbeid"],
            ),
            (
                "Involvere tjenestene i strategier og planer",
                "Involvere tjenestene i utarbeidelse av strategier og planer beregnet for bruk, med "
                "konkrete målsettinger.",
                ["planarbeid", "tverrfaglig-samarbeid"],
            ),
        ],
    ),
    (
        3,
        "Organisering og samordning",
        "organisering-og-samordning",
        "Ha et forpliktende og formalisert samarbeid på tvers av sektorer og forvaltningsnivåer.",
        [
            (
                "Nye arbeidsformer og formaliserte møtepunkter",
                "Møte utfordringer i det tverrfaglige samarbeidet gjennom nye arbeidsformer, tillit til "
                "hverandre og formaliserte møtepunkter mellom relevante tjenester. Dette for å forbedre "
                "gjennomføringsevnen og tilby et godt, helhetlig bo- og tjenestetilbud.",
                ["tverrfaglig-samarbeid", "boligkontor"],
            ),
            (
                "Tydelig rolle- og ansvarsfordeling",
                "Etablere en tydelig og avklart rolle- og ansvarsfordeling for å unytte ressursene på en "
                "effektiv måte.",
                ["boligkontor"],
            ),
        ],
    ),
    (
        4,
        "Økonomiske ressurser",
        "okonomiske-ressurser",
        "Sette av tilstrekkelige ressurser til gjennomføring.",
        [
            (
                "Forankre planverket i økonomiplanen",
                "Forankre planverket i økonomiplan, og avsette nok budsjettmidler både til "
                "personalressurser og aktiviteter/tiltak.",
                ["planarbeid", "virkemidler"],
            ),
            (
                "Bruke kommunale og statlige virkemidler",
                "Gjøre bruk av tilgjengelige kommunale og statlige økonomiske virkemidler, som gir bedre "
                "kommuneøkonomi.",
                ["virkemidler"],
            ),
        ],
    ),
    (
        5,
        "Kompetanse",
        "kompetanse",
        "Utvikle, samle og dele nødvendig kunnskap.",
        [
            (
                "Kartlegge og analysere den boligsosiale situasjonen",
                "Kartlegge og analysere for å få kunnskap om kommunens boligsosiale situasjon til et godt "
                "beslutningsgrunnlag for arbeidet.",
                ["kunnskapsgrunnlag"],
            ),
            (
                "Dele erfaringer og spre kompetanse",
                "Legge til rette for erfaringsdeling, læring, evaluering og kompetansespredning.",
                ["kunnskapsgrunnlag"],
            ),
        ],
    ),
    (
        6,
        "Brukermedvirkning",
        "brukermedvirkning",
        "Nyttiggjøre seg av brukerens erfaring i politikkutforming og gjennomføring på både det "
        "strategiske og operative nivå.",
        [
            (
                "Involvere målgrupper og brukerorganisasjoner",
                "Involvere viktige målgrupper og brukerorganisasjoner i kommunal planlegging og "
                "utforming av bo- og tjenestetilbud.",
                ["planarbeid"],
            ),
            (
                "Sette brukerens behov i sentrum",
                "Sette brukerens behov i sentrum for å få et egnet tilbud.",
                [],
            ),
        ],
    ),
]

QUOTE_SOURCE = "Erfaringer fra kommuneprogrammet"

# slug, title, quote verbatim, municipality number, factor number, themes
QUOTES = [
    (
        "hamar-tverrfaglig",
        "Hamar kommune om tverrfaglig arbeid",
        "Hamar kommune opplever at vi har lykkes med det det boligsosiale arbeidet når man jobber "
        "tverrfaglig og tverretatlig.",
        "3403",
        3,
        ["tverrfaglig-samarbeid"],
    ),
    (
        "alta-boligservicekontoret",
        "Alta kommune om boligservicekontoret",
        "Boligservicekontoret vårt er vårt anker og vårt overordnede organ. Boligservicekontoret "
        "skal ivareta koordineringsarbeidet.",
        "5601",
        3,
        ["boligkontor"],
    ),
    (
        "kristiansand-summen-av-bidrag",
        "Kristiansand kommune om boligsosialt arbeid",
        "Boligsosialt arbeid er summen av ulike aktørers bidrag på tvers av både sektor og fag.",
        "4204",
        3,
        ["tverrfaglig-samarbeid"],
    ),
    (
        "halden-forankring",
        "Halden kommune om forankring",
        "Forankring av det boligsosiale arbeidet på overordnet nivå (kommunedirektørens "
        "ledergruppe) øker sjansen for å lykkes med de ulike satsningene.",
        "3101",
        1,
        ["ledelse"],
    ),
]

# Body blocks: ("heading", text) | ("paragraph", html) | ("quote", quote slug)
# | ("question", text) | ("related_links", heading, [(label, url)])
ARTICLES = [
    {
        "slug": "organisering-og-samordning-erfaringer",
        "title": "Organisering og samordning: slik gjør programkommunene det",
        "lead": (
            "Tverrfaglig samarbeid er en av de viktigste erfaringene kommunene tar med seg fra "
            "kommuneprogrammet. Her er hva de har lært om å organisere og samordne det "
            "boligsosiale arbeidet."
        ),
        "factors": [3],
        "themes": ["tverrfaglig-samarbeid", "boligkontor"],
        "body": [
            (
                "paragraph",
                "<p>Når programkommunene ser tilbake, trekker svært mange fram samarbeidet på tvers "
                "av fag og sektorer. De beskriver et boligsosialt arbeid som bygger på kunnskap, som "
                "ser bolig og tjenester i sammenheng, og som gjør det lettere å løse sammensatte "
                "saker. Flere har forankret organiseringen i kommunens planer.</p>",
            ),
            ("quote", "hamar-tverrfaglig"),
            ("heading", "Tjenestene samles"),
            (
                "paragraph",
                "<p>Mange kommuner har organisert seg på nytt for å samle de boligsosiale "
                "tjenestene. Flere har opprettet et boligkontor eller noe tilsvarende, som "
                "samarbeider tett med blant annet oppfølgingstjenesten. Kommunene har også laget "
                "nye samarbeidsarenaer og interne møteplasser, for eksempel et boligsosialt "
                "forum.</p>",
            ),
            ("quote", "alta-boligservicekontoret"),
            ("heading", "Hvem koordinerer?"),
            (
                "paragraph",
                "<p>Kommunene understreker at ansvaret for å koordinere de boligsosiale oppgavene "
                "må være tydelig plassert, og at koordineringen må fremme en tverrfaglig "
                "tilnærming. I mange kommuner ligger ansvaret hos boligkontoret. Andre har en "
                "koordinator under kommunedirektøren eller i helse- og omsorgsavdelingen, eller lar "
                "kommunalsjefene dele på ansvaret.</p>",
            ),
            (
                "paragraph",
                "<p>Arbeidet med Husbankens behovsmelding har gitt kommunens virksomheter bedre "
                "innsikt i helheten. Mange kommuner har også hatt god nytte av samarbeidet med "
                "Husbanken, med handlings- og aktivitetsplaner, jevnlige møter og lav terskel for "
                "å ta kontakt.</p>",
            ),
            ("quote", "kristiansand-summen-av-bidrag"),
            (
                "paragraph",
                "<p>I 2020 la regjeringen fram et forslag til en ny boligsosial lov. Der foreslås "
                "det blant annet at kommunene skal ha et organisatorisk ansvar for å samarbeide på "
                "tvers av sektorer og samordne tjenestene sine.</p>",
            ),
            (
                "related_links",
                "Andre relevante kilder",
                [("Behovsmeldingen på husbanken.no", "https://www.husbanken.no/")],
            ),
        ],
    },
    {
        "slug": "forankring-og-eierskap-erfaringer",
        "title": "Forankring og eierskap: et arbeid som aldri blir ferdig",
        "lead": (
            "Programkommunene er samstemte: det boligsosiale arbeidet må være forankret både "
            "politisk og administrativt. Men forankring er ferskvare, og den må holdes ved like."
        ),
        "factors": [1],
        "themes": ["ledelse", "planarbeid"],
        "body": [
            (
                "paragraph",
                "<p>Svarene i prosjektet «Erfaringer fra kommuneprogrammet» viser at kommunene ser "
                "solid forankring som en forutsetning for arbeidet, og at ledelsen og fagmiljøene "
                "må dele forståelsen av utfordringene. Programarbeidet har satt feltet på "
                "dagsorden, og ledelsen har mange steder sørget for at arbeidet er prioritert i "
                "hele organisasjonen.</p>",
            ),
            (
                "paragraph",
                "<p>Erfaringen er at forankring er en kontinuerlig prosess som er sårbar når "
                "personer slutter. Molden og Røe (2019) kaller den en «ferskvare med kort "
                "holdbarhet». Skriftlige rutiner, tverrfaglig samarbeid og god organisering gjør "
                "arbeidet mindre sårbart.</p>",
            ),
            ("quote", "halden-forankring"),
            (
                "question",
                "Hvordan skal kommunen sikre fortsatt forankring av arbeidet i kommunens politiske og "
                "administrative ledelse etter at programarbeidet er avsluttet?",
            ),
            ("heading", "Kommunens planarbeid"),
            (
                "paragraph",
                "<p>Kommuneplanen rulleres hvert fjerde år og behandles av både politisk og "
                "administrativ ledelse. Mange kommuner lager en boligsosial eller boligpolitisk "
                "handlingsplan som forankres i kommuneplanen. Budsjett og økonomiplan, og dermed "
                "handlingsdelen, rulleres hvert år, og gir en årlig anledning til å holde arbeidet "
                "levende.</p>",
            ),
            ("heading", "Organiseringen av arbeidet"),
            (
                "paragraph",
                "<p>Hvor i organisasjonen arbeidet legges, og om det får en egen enhet eller "
                "integreres i eksisterende enheter, har betydning for forankringen. Kommunene har "
                "valgt ulikt, og det finnes ingen fasit: det som passer i én kommune, passer ikke "
                "nødvendigvis i en annen. Det viktige er å velge bevisst.</p>",
            ),
            (
                "related_links",
                "Andre relevante kilder",
                [
                    (
                        "Fra Helsebiblioteket: Forankring i ledelsen",
                        "https://www.helsebiblioteket.no/",
                    )
                ],
            ),
        ],
    },
]

# Seed 004, in nynorsk as published.
CASE_STUDY_NN = {
    "slug": "organisering-og-planlegging-fire-casestudiar",
    "title": (
        "Organisering og planlegging av boligsosialt arbeid i norske kommuner – fire casestudier"
    ),
    "authors": "H. C. Sandlie, Å. Langsether, J. Sørvoll, A. Skårberg og T. Hansen",
    "publisher": "NOVA",
    "year": 2011,
    "commissioned_by": "Husbanken",
    "performed_by": "NOVA",
    "summary": (
        "<p>Formålet med denne rapporten er å presentere nytta kunnskap om korleis kommunane kan "
        "løyse koordineringsutfordringane knytte til å etablere ei heilskapleg og tverretatleg "
        "tilnærming til den bustadsosiale aktiviteten. For kommunane inneber dette utfordringar "
        "av både strategisk og operativ art. I denne studien er det dei strategiske "
        "utfordringane som er vektlagde: Korleis kan kommunane etablere ei horisontal (mellom "
        "ulike tenesteeiningar) og ei vertikal (mellom ulike forvaltningsnivå) samordning av sin "
        "bustadsosiale innsats? Dette vil både vere eit spørsmål om god organisering og eit "
        "spørsmål om å etablere målretta og godt forankra planar.</p>"
        "<p>Grunnlaget for rapporten er ein eksplorerande casestudie av fire utvalde kommunar. "
        "Den primære datakjelda er intervju med nøkkelpersoner knytte til bustadforvaltninga i "
        "kommunane. I tillegg til intervju er ulike former for skriftlege datakjelder nytta.</p>"
    ),
    "main_findings": [
        "Det bustadsosiale arbeidet inneber ein innsats på tvers av horisontale og vertikale "
        "skilje i den kommunale organisasjonen. Utfordringa vil vere å etablere ein klar "
        "organisasjonsstruktur med tydeleg ansvarsfordeling og retningslinjer for gjennomføring "
        "av ulike arbeidsoppgåver. Dette føreset for det første at kommunane har klare operative "
        "mål og ambisjonar. Vidare må kommunane ha god kjennskap til aktuelle verkemiddel, og dei "
        "må sørge for at dei ulike verkemidla får tilfredsstillande ressursar.",
        "Erfaringane frå casekommunane tyder på at ansvaret for det bustadstrategiske arbeidet "
        "bør sentraliserast og plasserast i eit organ som er forankra på det strategiske nivået "
        "i kommuneorganisasjonen.",
        "For at bustadstrategiske planar skal opplevast som eit nyttig arbeidsverktøy, må "
        "planane ha ei brei forankring blant dei som arbeider med bustadpolitiske og "
        "bustadsosiale spørsmål.",
        "Det er viktig at det politiske nivået tidleg blir engasjert i utarbeidinga av planar.",
    ],
    "report_url": "https://www.husbanken.no/",
    "report_link_text": "Les rapporten om organisering og planlegging av boligsosialt arbeid",
    "factors": [3, 2],
    "themes": ["planarbeid", "boligkontor"],
}

INDEX_PAGES = {
    "quotes": (
        "sitater",
        "Sitater fra kommunene",
        "Erfaringer fra kommunene i kommuneprogrammet, med deres egne ord.",
    ),
    "articles": (
        "erfaringer",
        "Erfaringsartikler",
        "Hva kommunene har lært om godt boligsosialt arbeid.",
    ),
    "cases": (
        "rapporter",
        "Casestudier og rapporter",
        "Forskning, rapporter og eksempler fra kommunene.",
    ),
}

CONTACT_EMAIL = "redaktor@husbanken.no"
NOTICE = {
    "title": "Viktig informasjon",
    "text": (
        "<p>Veiviseren.no blir avviklet som eget nettsted 1. april 2023. Etter denne datoen "
        "finner du innhold om bolig- og tjenesteområdet på nettstedene til direktoratene som "
        "står bak veiviseren.no. Du finner lenker nederst på siden.</p>"
    ),
}
