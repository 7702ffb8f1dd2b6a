"""``{% glossary value %}``: rich text with the page's glossary terms marked up (markup.py)."""

from django import template
from django.utils.html import conditional_escape

from wagtail.rich_text import RichText

from glossary import markup

register = template.Library()


@register.simple_tag(takes_context=True)
def glossary(context, value):
    """``value`` (rich text) rendered, with each term's first occurrence on the page marked.

    What the page has marked is kept on the request, so «first» holds across its blocks.
    """
    html = value.__html__() if isinstance(value, RichText) else conditional_escape(value)
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return html
    # Per request and page: the terms (one look at the publication stamp) and what is marked.
    states = request.__dict__.setdefault("_glossary_states", {})
    state = states.get(page.pk)
    if state is None:
        state = states[page.pk] = (markup.glossary_for(page.locale_id), markup.excluded_keys(page))
    terms, seen = state
    return markup.mark_terms(html, terms, seen)
