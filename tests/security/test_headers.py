"""Content-Security-Policy (django-csp) and Permissions-Policy (issue 14, item 3)."""

import pytest


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


@pytest.mark.parametrize("path", ["/", "/nn/", "/sok/?q=kommune", "/finnes-ikke/", "/robots.txt"])
def test_public_pages_have_a_strict_policy(client, content, path):
    response = client.get(path)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_have_no_inline_script_but_json_ld(client, content):
    html = client.get(content["article"].url).content.decode()
    scripts = html.split("<script")[1:]
    for script in scripts:
        opening = script.split(">", 1)[0]
        assert "src=" in opening or 'type="application/ld+json"' in opening, opening
    assert " style=" not in html


def test_the_admin_has_a_policy_it_works_under(admin_client):
    response = admin_client.get("/admin/")
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "Permissions-Policy" in response


def test_error_pages_carry_the_headers(client, home):
    response = client.get("/tema/%00/")
    assert response.status_code == 404
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "Permissions-Policy" in response
