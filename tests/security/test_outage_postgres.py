"""A real database outage (issue 14, item 9): a PostgreSQL cluster this test starts itself is
stopped under a live site and started again. Readers and editors get the Norwegian 503 with
Retry-After while it is down (the editor with what they typed), and the site recovers by itself
(CONN_HEALTH_CHECKS). The probe benchmarks/db_restart.py measures the same under traffic."""

import os
import re
import time

import pytest

from benchmarks.lib import probe

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def outage_site():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("a private PostgreSQL cluster: only in PostgreSQL")
    if probe.postgres_bin() is None:
        pytest.fail("PostgreSQL's initdb is missing (Debian package postgresql)")
    cluster = probe.PrivateCluster().init()
    site = None
    try:
        cluster.start()
        url = cluster.create_database()
        probe.prepare(url, pages=12)
        site = probe.Site(url)
        yield cluster, site
    finally:
        if site is not None:
            site.stop()
        cluster.destroy()


def test_outage_gives_503s_and_the_site_recovers(outage_site):
    cluster, site = outage_site
    opener, token = probe.logged_in(site)
    status, _headers, _body = probe.get(site.base + "/")
    assert status == 200
    home_edit = site.base + "/admin/pages/3/edit/"
    typed = {"title": "Ny tittel under brudd", "slug": "veiviser", "csrfmiddlewaretoken": token}
    headers = {"Referer": home_edit, "Origin": site.base}

    cluster.stop()
    try:
        status, headers_, body = probe.get(site.base + "/")
        assert status == 503
        assert headers_["Retry-After"] == "30"
        assert "Midlertidig utilgjengelig" in body
        status, headers_, body = probe.get(site.base + "/nn/")
        assert status == 503 and "Mellombels utilgjengeleg" in body
        status, headers_, body = probe.request(home_edit, typed, opener=opener, headers=headers)
        assert status == 503
        assert headers_["Retry-After"] == "30"
        assert "Endringen din ble IKKE lagret." in body
        given_back = r"<textarea[^>]*readonly[^>]*>Ny tittel under brudd</textarea>"
        assert re.search(given_back, body), body
    finally:
        cluster.start()
    started = time.monotonic()
    while True:
        status, _headers, _body = probe.get(site.base + "/")
        if status == 200:
            break
        assert time.monotonic() - started < 30, status
        time.sleep(0.05)
    recovery = time.monotonic() - started
    print(f"recovered {recovery:.2f} s after the cluster was back")
    assert recovery < 5
    # And the editor's session survived: the admin answers again.
    status, _headers, _body = probe.get(site.base + "/admin/pages/", opener=opener, timeout=60)
    assert status == 200
