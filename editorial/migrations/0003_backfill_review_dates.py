"""Pages published before review dates existed get one: a year after they were last published."""

import datetime

from django.db import migrations

GUIDANCE_MODELS = [
    ("website", "HomePage"),
    ("guidance", "FactorIndexPage"),
    ("guidance", "FactorPage"),
    ("guidance", "ActivityPage"),
    ("guidance", "QuoteIndexPage"),
    ("guidance", "QuotePage"),
    ("guidance", "ArticleIndexPage"),
    ("guidance", "ArticlePage"),
    ("cases", "CaseStudyIndexPage"),
    ("cases", "CaseStudyPage"),
]


def one_year_after(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def backfill(apps, schema_editor):
    today = datetime.date.today()
    for app_label, name in GUIDANCE_MODELS:
        model = apps.get_model(app_label, name)
        pages = model.objects.filter(live=True, review_by__isnull=True)
        for pk, published in pages.values_list("pk", "last_published_at"):
            day = published.date() if published else today
            model.objects.filter(pk=pk).update(review_by=one_year_after(day))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_workflow"),
        ("website", "0003_ownership_and_review"),
        ("guidance", "0002_ownership_and_review"),
        ("cases", "0003_ownership_and_review"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
