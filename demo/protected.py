"""Demo protected words (``demo/content/protected.yaml``), loaded by ``load_initial_data``."""

from demo import content
from languages.models import ProtectedTerm


def load_demo_protected_words():
    """Create the protected words that do not exist yet; returns how many were created."""
    created = 0
    for row in content.read("protected")["protected"]:
        _term, new = ProtectedTerm.objects.get_or_create(
            term=row["term"], defaults={"written_form": row.get("written_form", "")}
        )
        created += new
    return created
