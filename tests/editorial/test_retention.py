"""Reader feedback is pruned after the retention period (issue 14.10)."""

import datetime
import io

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from core.retention import months_before
from editorial.models import Feedback
from tests.factories.guidance import ArticlePageFactory

pytestmark = pytest.mark.django_db


def given(page, days_ago):
    feedback = Feedback.objects.create(page=page, helpful=True, comment=f"{days_ago} dagar")
    at = timezone.now() - datetime.timedelta(days=days_ago)
    Feedback.objects.filter(pk=feedback.pk).update(created_at=at)


@pytest.fixture
def answers(tree):
    page = ArticlePageFactory(parent=tree.article_index, title="Artikkel")
    for days_ago in (0, 200, 360, 370, 800):
        given(page, days_ago)


def remaining():
    return sorted(Feedback.objects.values_list("comment", flat=True))


def test_default_keeps_twelve_months(answers):
    out = io.StringIO()
    call_command("prune_feedback", "--dry-run", stdout=out)
    assert "Would delete 2 reader feedback answers" in out.getvalue()
    assert Feedback.objects.count() == 5
    call_command("prune_feedback", stdout=out)
    assert remaining() == ["0 dagar", "200 dagar", "360 dagar"]


def test_period_from_setting_or_option(answers, settings):
    settings.VEIVISER_RETENTION_MONTHS = 9
    call_command("prune_feedback", stdout=io.StringIO())
    assert remaining() == ["0 dagar", "200 dagar"]
    call_command("prune_feedback", "--months", "6", stdout=io.StringIO())
    assert remaining() == ["0 dagar"]
    with pytest.raises(CommandError):
        call_command("prune_feedback", "--months", "0", stdout=io.StringIO())


@pytest.mark.parametrize(
    "moment, months, expected",
    [
        (datetime.datetime(2026, 12, 6, 12, 0), 12, datetime.datetime(2025, 12, 6, 12, 0)),
        (datetime.datetime(2026, 3, 31, 8, 0), 1, datetime.datetime(2026, 2, 28, 8, 0)),
        (datetime.datetime(2026, 1, 15), 13, datetime.datetime(2024, 12, 15)),
    ],
)
def test_months_before(moment, months, expected):
    assert months_before(moment, months) == expected


@pytest.mark.parametrize(
    "language, heading, period, bokmal_only",
    [
        ("nb", "Personvern – hva vi lagrer om deg", "etter 12 måneder", ["kva", "ikkje"]),
        ("nn", "Personvern – kva vi lagrar om deg", "etter 12 månader", ["hva", "ikke "]),
    ],
)
def test_privacy_text_says_what_is_stored(language, heading, period, bokmal_only):
    """The demo's information page tells readers what is stored about them, in both forms."""
    from demo import content

    body = content.read("accessibility")[language]["body"]
    index = body.index({"heading": heading})
    text = body[index + 1]["paragraph"]
    for stored in ("IP-adress", "kommentaren din", "tidspunktet", period):
        assert stored in text
    for word in bokmal_only:
        assert word not in text
