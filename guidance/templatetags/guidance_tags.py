from django import template
from django.urls import reverse
from django.utils import translation

from core.search_links import search_url as build_search_url
from guidance.browse import theme_url, themes_for_factor

register = template.Library()


def _reader_language(context):
    """The reader's language, LANGUAGE_CODE of the request's context.

    Page content is rendered inside ``{% language text_language %}`` (an untranslated page
    shows bokmål text on /nn/), where the active language would give bokmål addresses.
    """
    return context.get("LANGUAGE_CODE") or translation.get_language()


@register.simple_tag
def factor_themes(factor):
    """{% factor_themes page as themes %}: the themes of the content linked to a factor."""
    return list(themes_for_factor(factor))


@register.simple_tag(takes_context=True)
def url_for_theme(context, theme):
    """{% url_for_theme theme %}: the address of a theme's page in the reader's language."""
    with translation.override(context.get("LANGUAGE_CODE") or theme.locale.language_code):
        return theme_url(theme)


@register.simple_tag(takes_context=True)
def search_url(context, **params):
    """{% search_url factor=3 type="quote" %}: the filtered search in the reader's language."""
    return build_search_url(language=_reader_language(context), **params)


@register.simple_tag
def type_count(model, count):
    """{% type_count model 3 %}: «3 aktiviteter», «1 sitat», the number with the type's name."""
    meta = model._meta
    name = meta.verbose_name if count == 1 else meta.verbose_name_plural
    return f"{count} {name}"


@register.simple_tag(takes_context=True)
def theme_index_url(context):
    """{% theme_index_url %}: /tema/ in the reader's language (also inside a page's text)."""
    with translation.override(_reader_language(context)):
        return reverse("theme_index")
