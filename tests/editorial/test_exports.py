"""Spreadsheet exports neutralise formulas (issue 14.6): readers' comments, search queries and
page titles never reach the editors' CSV or XLSX as something a spreadsheet would run."""

import csv
import io

import openpyxl
import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

from core.exports import inert
from editorial.models import CheckedLink, Feedback, LinkOccurrence
from search.models import SearchQueryDay
from tests.factories.guidance import ArticlePageFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '=HYPERLINK("https://angriper.example","Klikk")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", PAYLOADS)
def test_inert_text(value):
    assert inert(value) == "'" + value


@pytest.mark.parametrize("value", ["Mangler lenke", "", "1+1=2", 42, -3, None])
def test_other_values_are_unchanged(value):
    assert inert(value) == value


def csv_cells(response):
    text = b"".join(response.streaming_content).decode()
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def xlsx_cells(response):
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    # XML keeps no bare carriage return: openpyxl reads it back as a line feed.
    return [
        cell.value.replace("\n", "\r") if cell.value == "'\n=1+1" else cell.value for cell in cells
    ]


def assert_inert(cells):
    for payload in PAYLOADS:
        assert "'" + payload in cells, payload
        assert payload not in cells, payload


@pytest.fixture
def article(tree):
    page = ArticlePageFactory(parent=tree.article_index, title="=1+2")
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("export_format, read", [("csv", csv_cells), ("xlsx", xlsx_cells)])
def test_feedback_exports(article, admin_client, export_format, read):
    Feedback.objects.bulk_create(Feedback(page=article, helpful=False, comment=p) for p in PAYLOADS)
    url = reverse("editorial_admin:feedback_comments")
    cells = read(admin_client.get(url, {"export": export_format}))
    assert_inert(cells)
    summary = csv_cells(
        admin_client.get(reverse("editorial_admin:feedback_report"), {"export": "csv"})
    )
    assert "'=1+2" in summary and "=1+2" not in summary
    assert "6" in summary  # numbers stay numbers


@pytest.mark.parametrize("export_format, read", [("csv", csv_cells), ("xlsx", xlsx_cells)])
def test_search_log_exports(admin_client, nb, export_format, read):
    SearchQueryDay.objects.bulk_create(
        SearchQueryDay(
            date=timezone.localdate(),
            locale=Locale.objects.get(language_code="nb"),
            query_string=payload,
            searches=1,
            searches_without_hits=1,
        )
        for payload in PAYLOADS
    )
    for url in ("/admin/reports/searches/", "/admin/reports/searches/uten-treff/"):
        assert_inert(read(admin_client.get(url, {"export": export_format})))


@pytest.mark.parametrize("export_format, read", [("csv", csv_cells), ("xlsx", xlsx_cells)])
def test_link_and_wagtail_report_exports(article, admin_client, export_format, read):
    link = CheckedLink.objects.create(
        url="https://example.org/=x", is_broken=True, error="-1 feil", checked_at=timezone.now()
    )
    LinkOccurrence.objects.create(link=link, page=article, field="body")
    cells = read(
        admin_client.get(reverse("editorial_admin:broken_links"), {"export": export_format})
    )
    assert "'-1 feil" in cells and "-1 feil" not in cells
    # Wagtail's own reports use the same exporter: a page title is made inert there too.
    cells = read(
        admin_client.get(reverse("wagtailadmin_reports:aging_pages"), {"export": export_format})
    )
    assert "'=1+2" in cells and "=1+2" not in cells
