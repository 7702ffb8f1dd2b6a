from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import translation

from search.browse import theme_url, themes_for_factor

register = template.Library()


@register.simple_tag
def factor_themes(factor):
    """{% factor_themes page as themes %}: the themes of the content linked to a factor."""
    return list(themes_for_factor(factor))


@register.simple_tag(takes_context=True)
def url_for_theme(context, theme):
    """{% url_for_theme theme %}: the address of a theme's page in the reader's language.

    Page content is rendered inside ``{% language text_language %}`` (an untranslated page shows
    bokmål text on /nn/), which would give bokmål addresses; the reader's language is
    LANGUAGE_CODE of the request's context.
    """
    language = context.get("LANGUAGE_CODE") or theme.locale.language_code
    with translation.override(language):
        return theme_url(theme)


@register.simple_tag(takes_context=True)
def search_url(context, **filters):
    """{% search_url factor=3 type="quote" %}: the filtered search in the reader's language."""
    language = context.get("LANGUAGE_CODE") or translation.get_language()
    with translation.override(language):
        return reverse("search") + "?" + urlencode(filters)


@register.simple_tag(takes_context=True)
def facet_url(context, name=None, value=None, page=None):
    """The current search address with one facet set (or removed, with value "") and page 1."""
    from django.http import QueryDict

    params = QueryDict(mutable=True)
    # Only the cleaned, validated state of the search: nothing the visitor typed is echoed raw.
    params.update(context.get("search_params", {}))
    if name is not None:
        if value:
            params[name] = value
        else:
            params.pop(name, None)
        params.pop("page", None)
    if page is not None:
        params["page"] = page
    return "?" + params.urlencode()
