"""The broken-link checker, against a local HTTP server: no network access."""

import http.server
import threading
import time

import pytest

from django.core.management import call_command
from django.urls import reverse

from editorial import links
from editorial.models import CheckedLink, LinkOccurrence
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import ArticlePageFactory

pytestmark = pytest.mark.django_db


class Handler(http.server.BaseHTTPRequestHandler):
    requests = []

    def _answer(self):
        Handler.requests.append((self.command, self.path))
        if self.path.startswith("/slow"):
            time.sleep(2)
        if self.path.startswith("/ok") or self.path.startswith("/slow"):
            self.send_response(200)
        elif self.path.startswith("/get-only") and self.command == "HEAD":
            self.send_response(405)
        elif self.path.startswith("/get-only"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Handler.requests = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def linked_pages(tree, server):
    article = ArticlePageFactory(
        parent=tree.article_index,
        title="Artikkel med lenker",
        body=[
            (
                "paragraph",
                f'<p>Se <a href="{server}/ok/tekst">veilederen</a> og '
                f'<a href="{server}/borte">den gamle</a>, og <a href="/intern/">her</a>.</p>',
            ),
            (
                "related_links",
                {
                    "heading": "Andre relevante kilder",
                    "links": [
                        {"label": "Treg", "page": None, "url": f"{server}/slow"},
                        {"label": "Bare GET", "page": None, "url": f"{server}/get-only"},
                    ],
                },
            ),
        ],
    )
    article.save_revision().publish()
    case = CaseStudyPageFactory(
        parent=tree.case_index, title="Rapport", report_url=f"{server}/rapport-borte"
    )
    case.save_revision().publish()
    draft = ArticlePageFactory(
        parent=tree.article_index,
        title="Utkast",
        live=False,
        body=[("paragraph", f'<p><a href="{server}/utkast">x</a></p>')],
    )
    return article, case, draft


def test_collects_external_links_of_live_pages(linked_pages, server):
    article, case, draft = linked_pages
    found, occurrences = links.collect_links()
    urls = set(CheckedLink.objects.values_list("url", flat=True))
    assert urls == {
        f"{server}/ok/tekst",
        f"{server}/borte",
        f"{server}/slow",
        f"{server}/get-only",
        f"{server}/rapport-borte",
    }
    assert found == 5 and occurrences == 5
    assert LinkOccurrence.objects.get(link__url=f"{server}/rapport-borte").field == "report_url"
    assert LinkOccurrence.objects.get(link__url=f"{server}/borte").page_id == article.pk


def test_check_reports_failures_with_timeout(linked_pages, server):
    links.collect_links()
    checked = links.check_links(timeout=0.5, concurrency=3)
    results = {link.url: link for link in checked}
    assert results[f"{server}/ok/tekst"].status_code == 200
    assert not results[f"{server}/ok/tekst"].is_broken
    assert results[f"{server}/borte"].status_code == 404
    assert results[f"{server}/borte"].is_broken
    assert results[f"{server}/slow"].is_broken
    assert results[f"{server}/slow"].error == "Timeout"
    assert not results[f"{server}/get-only"].is_broken  # HEAD refused, GET answered
    assert CheckedLink.objects.filter(is_broken=True).count() == 3


def test_bounded_number_of_requests_per_run(linked_pages, server):
    links.collect_links()
    first = links.check_links(max_requests=2, timeout=0.5)
    assert len(first) == 2
    second = links.check_links(max_requests=2, timeout=0.5)
    assert {link.url for link in first}.isdisjoint({link.url for link in second})
    # Recently checked addresses wait for a later run.
    links.check_links(max_requests=10, timeout=0.5)
    assert links.check_links(max_requests=10, timeout=0.5) == []


def test_command_and_report(linked_pages, server, admin_client, capsys):
    call_command("check_links", "--timeout", "0.5", "--max-requests", "10")
    output = capsys.readouterr().out
    assert "5 external addresses" in output
    assert "Checked 5 addresses; 3 failed." in output
    response = admin_client.get(reverse("editorial_admin:broken_links"))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{server}/borte" in html and f"{server}/rapport-borte" in html
    assert f"{server}/ok/tekst" not in html
    assert "Artikkel med lenker" in html and "Rapport" in html
    response = admin_client.get(reverse("editorial_admin:broken_links"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert f"{server}/borte" in content and "HTTP 404" in content
