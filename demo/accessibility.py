"""The accessibility statement (tilgjengelighetserklæring) in bokmål and nynorsk, for the demo.

Public websites in Norway must publish one (forskrift om universell utforming av IKT-løsninger).
Its text is in ``demo/content/accessibility.yaml``.
"""

from wagtail.models import Locale

from demo import content
from languages.sync import ensure_counterparts
from website.models import InformationPage, SiteSettings


def load_accessibility_statement(command, home):
    """Create the statement in bokmål and its real nynorsk translation; link it in the footer.

    ``command`` is the running ``load_initial_data`` (for ``child``, ``stream``, counts).
    Called before the trees are synchronised, so the nynorsk page is a translation, not an alias.
    """
    text = content.read("accessibility")
    nb_text, nn_text = text["nb"], text["nn"]
    statement = command.child(
        home,
        InformationPage,
        nb_text["slug"],
        title=nb_text["title"],
        lead=nb_text["lead"],
        body=command.stream(nb_text["body"]),
    )
    nn = Locale.objects.get(language_code="nn")
    if not statement.has_translation(nn):
        # The translation needs its parent in nynorsk: the home page's alias, if not there yet.
        command.created += len(ensure_counterparts(home))
        translation = statement.copy_for_translation(nn)
        translation.title = nn_text["title"]
        translation.slug = nn_text["slug"]
        translation.lead = nn_text["lead"]
        translation.body = command.stream(nn_text["body"])
        translation.original_language = "nn"
        translation.save_revision().publish()
        command.created += 1
    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.accessibility_statement_id is None:
        site_settings.accessibility_statement = statement
        site_settings.save()
    return statement
