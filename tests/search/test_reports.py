"""The log of searches and the reports editors read from it."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.utils.html import escape

from search.models import SearchQueryDay


def test_queries_are_recorded_with_zero_hits(client, content, nb, nn):
    client.get("/sok/", {"q": "Tverrfaglig"})
    client.get("/sok/", {"q": "tverrfaglig "})
    client.get("/sok/", {"q": "tverrfaglig", "page": "2"})  # paging is not a new search
    client.get("/sok/", {"q": "xyzzy"})
    client.get("/nn/sok/", {"q": "xyzzy"})
    rows = {
        (r.query_string, r.locale.language_code): (r.searches, r.searches_without_hits)
        for r in SearchQueryDay.objects.all()
    }
    assert rows == {
        ("tverrfaglig", "nb"): (2, 0),
        ("xyzzy", "nb"): (1, 1),
        ("xyzzy", "nn"): (1, 1),
    }


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="pw")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_report_for_editors(client, content, editor):
    for query in ("tverrfaglig", "tverrfaglig", "xyzzy", "<script>alert(1)</script>"):
        client.get("/sok/", {"q": query})
    client.force_login(editor)
    response = client.get("/admin/reports/searches/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("tverrfaglig") < html.index("xyzzy")
    assert "<script>alert(1)</script>" not in html
    assert escape("<script>alert(1)</script>") in html
    zero = client.get("/admin/reports/searches/uten-treff/").content.decode()
    assert "xyzzy" in zero
    assert "tverrfaglig" not in zero
    export = client.get("/admin/reports/searches/", {"export": "csv"})
    assert export.status_code == 200
    assert b"tverrfaglig" in b"".join(export.streaming_content)


def test_report_needs_admin_access(client, django_user_model):
    user = django_user_model.objects.create_user("publikum", password="pw")
    client.force_login(user)
    assert client.get("/admin/reports/searches/").status_code in (302, 403)
