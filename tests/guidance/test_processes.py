"""Work processes: ordered steps, a step navigator, per-step pages and a printable whole."""

import json
import re
from pathlib import Path

import pytest

from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.guidance import (
    ActivityPageFactory,
    ProcessIndexPageFactory,
    ProcessPageFactory,
)
from tests.helpers import publish
from website.models import InformationPage


def steps_json(steps):
    return json.dumps(
        [
            {
                "type": "step",
                "value": {
                    "title": title,
                    "what_to_do": f"<p>Gjør dette i {title.lower()}.</p>",
                    "participants": "Ledelsen",
                    "outcome": "En plan",
                    "activities": activities,
                    "factors": factors,
                    "resources": [
                        {"label": "Husbanken", "page": None, "url": "https://www.husbanken.no/"}
                    ],
                },
            }
            for title, activities, factors in steps
        ]
    )


@pytest.fixture
def process(tree):
    factor = tree.factors[0]
    activity = publish(ActivityPageFactory(parent=factor, title="Involvere ledelsen"))
    index = publish(ProcessIndexPageFactory(parent=tree.home))
    page = ProcessPageFactory(
        parent=index,
        title="Helhetlig planlegging",
        steps=steps_json(
            [
                ("Forankre", [activity.pk], [factor.pk]),
                ("Kartlegge", [], []),
                ("Planlegge", [], [tree.factors[1].pk]),
            ]
        ),
    )
    return publish(page)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_whole_process_shows_every_step_in_order_with_anchors(client, process):
    html = get(client, process.url)
    assert html.index('id="steg-1"') < html.index('id="steg-2"') < html.index('id="steg-3"')
    assert 'href="#steg-2"' in html
    assert "Gjør dette i forankre." in html and "Ledelsen" in html and "En plan" in html
    assert "Involvere ledelsen" in html and "Faktor 1" in html and "Faktor 2" in html
    assert 'href="https://www.husbanken.no/"' in html
    assert '"@type": "HowTo"' in html  # the steps for search engines


def test_step_page_shows_where_you_are_and_the_previous_and_next_step(client, process):
    html = get(client, f"{process.url}steg/2/")
    assert "Steg 2 av 3" in html
    assert '<span aria-current="step">Kartlegge</span>' in html
    assert f'href="{process.url}steg/1/" rel="prev"' in html
    assert f'href="{process.url}steg/3/" rel="next"' in html
    start = html.index('class="ds-breadcrumbs')
    crumbs = " ".join(html[start : html.index("</nav>", start)].split())
    assert re.search(rf'href="{process.url}"[^>]*>Helhetlig planlegging</a>', crumbs), crumbs
    assert f'href="{process.url}steg/2/" aria-current="page">Kartlegge</a>' in crumbs
    assert crumbs.count("aria-current") == 1
    assert "Tilbake til Helhetlig planlegging" in crumbs
    first = get(client, f"{process.url}steg/1/")
    assert 'rel="prev"' not in first and 'rel="next"' in first


@pytest.mark.parametrize("step", ["0", "4", "999", "abc", "-1"])
def test_a_step_that_does_not_exist_is_404(client, process, step):
    get(client, f"{process.url}steg/{step}/", status=404)


def test_links_resolve_into_nynorsk(client, process, tree, nn):
    for page in (tree.home, tree.factors[0], process.get_parent(), process):
        translation = page.copy_for_translation(nn, copy_parents=True)
        if page == tree.factors[0]:
            translation.title = "Faktor 1 på nynorsk"
        if page == process:
            translation.title = "Heilskapleg planlegging"
        publish(translation)
    nn_process = process.get_translation(nn)
    html = get(client, nn_process.url)
    assert nn_process.url.startswith("/nn/")
    assert "Faktor 1 på nynorsk" in html and "Steg 1" in html
    assert '<html lang="nn">' in html
    step = get(client, f"{nn_process.url}steg/3/")
    assert "Steg 3 av 3" in step and 'rel="prev"' in step


def test_unpublished_linked_pages_are_left_out(client, process, tree):
    tree.factors[1].unpublish()
    html = get(client, process.url)
    assert "Faktor 2" not in html


def count(client, url):
    client.get(url)  # warm the per-process memos (menu, site root paths), as a running site has
    with CaptureQueriesContext(connection) as context:
        get(client, url)
    return len(context)


def test_process_pages_cost_a_few_queries_over_a_plain_page(client, process, tree):
    """The site's frame (menu, language links, settings, footer) costs every page ~18 queries
    today (issue 13 works on it). The overview adds at most 3 to it (its listing); a process,
    one level deeper, at most 8 (its links in 3, the glossary in 2), the same for any number of
    steps."""
    plain = tree.home.add_child(instance=InformationPage(title="Om", slug="om", body="[]"))
    publish(plain)
    frame = count(client, plain.url)
    assert count(client, process.get_parent().url) <= frame + 3
    before = {url: count(client, url) for url in (process.url, f"{process.url}steg/2/")}
    assert max(before.values()) <= frame + 8, before
    process.steps = steps_json([(f"Steg {n}", [], [tree.factors[n % 6].pk]) for n in range(1, 21)])
    publish(process)
    after = {url: count(client, url) for url in before}
    assert after == before


def test_print_stylesheet_prints_the_whole_without_navigation(client, process):
    html = get(client, process.url)
    assert "css/toolkit.css" in html
    css = Path(finders.find("css/toolkit.css")).read_text(encoding="utf-8")
    printing = css[css.index("@media print") :]
    assert ".process-nav" in printing and ".process-pager" in printing


def test_a_process_is_found_by_its_steps_and_filtered_by_type(client, process):
    response = client.get("/sok/", {"q": "kartlegge"})
    assert [hit.page.specific for hit in response.context["hits"]] == [process]
    type_facet = next(f for f in response.context["facets"] if f.name == "type")
    assert {o.value: o.count for o in type_facet.options} == {"process": 1}
    assert "Arbeidsprosesser" in response.content.decode()
    only = client.get("/sok/", {"q": "kartlegge", "type": "process"}).context["hits"]
    assert [hit.page.pk for hit in only] == [process.pk]
