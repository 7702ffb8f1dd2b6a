"""Strings of the admin that Wagtail's and wagtail-localize's own bokmål catalogues leave in
English: ``from_wagtail.py`` and ``from_wagtail_localize.py``, one list per package.

Nothing imports or calls these at run time: ``makemessages`` extracts them into
``locale/*/django.po``, where they get their bokmål and nynorsk translations, and
``LOCALE_PATHS`` puts the project's catalogues before the packages' own. The packages' nynorsk
strings fall back to bokmål (Django's fallback to ``LANGUAGE_CODE``); these are translated into
both. ``tests/website/test_admin_language.py`` renders the main admin views and fails on English.
The JavaScript's strings are in ``locale/*/LC_MESSAGES/djangojs.po``.
"""
