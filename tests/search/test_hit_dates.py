"""The date a search hit shows: the years its content states, else an article's publishing day,
else none (search/hits.py) — never the day a quote or an activity was put on the site."""

import pytest

from django.utils import formats, timezone

from tests.helpers import publish


@pytest.mark.parametrize("path", ["/sok/", "/nn/sok/"])
def test_hits_show_the_contents_own_years(client, content, nynorsk, path):
    quote, article = content["quote"], content["article"]
    quote.period_start, quote.period_end = 2011, 2020  # the programme the quote comes from
    publish(quote)  # the nynorsk alias follows its source
    article.refresh_from_db()
    response = client.get(path, {"q": "kommunen"})
    hits = {hit.page.translation_key: hit for hit in response.context["hits"]}
    html = response.content.decode()

    quote_hit = hits[quote.translation_key]
    assert (quote_hit.years, quote_hit.date) == ("2011–2020", None)
    assert '<span class="search-hit__date">2011–2020</span>' in html
    assert (
        hits[content["case"].translation_key].years,
        hits[content["case"].translation_key].date,
    ) == ("2011", None)
    # An activity states no years, and the day it was published here is not its date.
    activity_hit = hits[content["activity"].translation_key]
    assert (activity_hit.years, activity_hit.date) == ("", None)
    # An article is dated by its publishing when it states no years.
    article_hit = hits[article.translation_key]
    assert article_hit.years == "" and article_hit.date == article.first_published_at
    day = timezone.localdate(article.first_published_at).isoformat()  # as the page shows it
    assert html.count(f'<time datetime="{day}" class="search-hit__date">') == 1


def test_a_period_replaces_an_articles_publishing_day(client, content):
    article = content["article"]
    article.period_start, article.period_end = 2014, None
    publish(article)
    article.refresh_from_db()
    response = client.get("/sok/", {"q": "ledere"})
    [hit] = response.context["hits"]
    assert (hit.years, hit.date) == ("2014", None)
    assert (
        formats.date_format(timezone.localtime(article.first_published_at), "j. F Y")
        not in response.content.decode()
    )
