"""Names and titles in the other written form marked with their ``lang`` (issue 15).

A report called «Bolig for velferd» keeps its bokmål title on a nynorsk page (docs/nynorsk.md).
Protected words with a written form (Snippets → «Protected words») are wrapped in
``<span lang="nb">`` (or ``nn``) wherever they occur in the text of a page in the other form:
in the body only, outside tags, scripts, styles and form fields.
"""

import re

from .models import ProtectedTerm

PIECE_RE = re.compile(r"(<[^>]*>)")
SKIP = {"script", "style", "textarea", "title", "option"}
TAG_NAME_RE = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


def terms_in_other_form(language):
    return list(
        ProtectedTerm.objects.exclude(written_form__in=["", language]).values_list(
            "term", "written_form"
        )
    )


def mark(html, language, terms):
    """``html`` (a whole page in ``language``) with each term of ``terms`` marked up."""
    if not terms or "<body" not in html:
        return html
    by_text = dict(terms)
    pattern = re.compile(
        r"(?<![\w])("
        + "|".join(re.escape(t) for t in sorted(by_text, key=len, reverse=True))
        + r")(?![\w])"
    )
    head, body = html.split("<body", 1)
    pieces = PIECE_RE.split(body)
    skipping = []
    for i, piece in enumerate(pieces):
        if piece.startswith("<"):
            match = TAG_NAME_RE.match(piece)
            if match and match.group(2).lower() in SKIP:
                if match.group(1):
                    if skipping:
                        skipping.pop()
                elif not piece.endswith("/>"):
                    skipping.append(match.group(2).lower())
        elif piece and not skipping and i > 0:
            pieces[i] = pattern.sub(
                lambda m: f'<span lang="{by_text[m.group(1)]}">{m.group(1)}</span>', piece
            )
    return head + "<body" + "".join(pieces)


class WrittenFormMiddleware:
    """Marks the other written form's names in public HTML pages (not the admin)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(response, "streaming", False)
            or not response.get("Content-Type", "").startswith("text/html")
            or request.path.startswith(("/admin/", "/django-admin/"))
            or response.status_code != 200
        ):
            return response
        language = getattr(request, "LANGUAGE_CODE", "")
        terms = terms_in_other_form(language)
        if terms:
            content = response.content.decode(response.charset or "utf-8")
            response.content = mark(content, language, terms).encode(response.charset or "utf-8")
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
