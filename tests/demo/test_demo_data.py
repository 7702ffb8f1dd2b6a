"""The demo content files hold together, without a database: quick feedback for their editors."""

from demo import content
from demo.editorial import demo_sections
from demo.translation import CORRECTIONS


def block_values(blocks, kind):
    return [value for block in blocks for key, value in block.items() if key == kind]


def test_every_reference_names_something_defined():
    themes = set(content.THEMES)
    factors = content.read("factors")["factors"]
    numbers = {factor["number"] for factor in factors}
    quotes = content.read("quotes")["quotes"]
    municipalities = {m["number"] for m in content.read("organisations")["municipalities"]}
    articles = content.read("articles")["articles"]
    case = content.read("case_studies")["case_study"]

    for activity in (a for factor in factors for a in factor["activities"]):
        assert set(activity["themes"]) <= themes, activity["title"]
    for quote in quotes:
        assert quote["municipality"] in municipalities and quote["factor"] in numbers
        assert set(quote["themes"]) <= themes, quote["slug"]
    for page in [*articles, case]:
        assert set(page["factors"]) <= numbers and set(page["themes"]) <= themes, page["slug"]
    quote_slugs = {quote["slug"] for quote in quotes}
    for article in articles:
        assert set(block_values(article["body"], "quote")) <= quote_slugs, article["slug"]


def test_statement_translation_and_sections_are_complete():
    statement = content.read("accessibility")
    assert set(statement) == {"nb", "nn"}
    assert [list(b) for b in statement["nb"]["body"]] == [list(b) for b in statement["nn"]["body"]]
    assert set(CORRECTIONS) == {"nb", "nn"}
    assert [model.__name__ for _name, model in demo_sections()] == [
        "FactorIndexPage",
        "ArticleIndexPage",
        "QuoteIndexPage",
        "CaseStudyIndexPage",
    ]


def test_themes_keep_the_shape_the_search_benchmark_reads():
    """benchmarks/search_bench.py takes ``names[0]`` of ``demo.content.THEMES`` as the name."""
    names = content.THEMES["ledelse"]
    assert names[0] == names.nb == "Ledelse og styring"
    assert names.nn == "Leiing og styring"


def test_every_theme_has_its_own_nynorsk_description():
    bokmal_only = {
        "tjenester",
        "ledelse",
        "enheter",
        "samler",
        "boligsosial",
        "tilskudd",
        "statlige",
    }
    for slug, names in content.THEMES.items():
        assert names.description_nn, slug
        assert names.description_nn != names.description, slug
        words = {word.strip(".,").lower() for word in names.description_nn.split()}
        assert not words & bokmal_only, (slug, words & bokmal_only)
