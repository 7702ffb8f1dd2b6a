"""Demo synonyms (``demo/content/synonyms.yaml``), loaded by ``manage.py load_initial_data``."""

from demo import content
from search.models import Synonym, split_terms


def load_demo_synonyms():
    """Create the demo synonym sets that do not exist yet; returns how many were created."""
    existing = {tuple(s.term_list) for s in Synonym.objects.all()}
    created = 0
    for terms in content.read("synonyms")["synonyms"]:
        if tuple(split_terms(terms)) not in existing:
            Synonym.objects.create(terms=terms)
            created += 1
    return created
