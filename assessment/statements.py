"""The statements of the self-assessment, taken from the factors' own fields.

Each factor gives its desired state and each of its activities' summaries as statements, so
editors maintain them where they maintain the factors, in both languages, and nothing is
written twice. A statement's key (``f3-0``: factor 3, its desired state; ``f3-2``: its second
activity) names it in the shareable address.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from guidance.models import FactorPage

SCALE = [
    (1, _("To a small extent")),
    (2, _("To some extent")),
    (3, _("To a large extent")),
    (4, _("To a very large extent")),
]
STRONG = 3.0  # an average from «to a large extent» up is a strength
WEAK = 2.5  # below it, a gap


@dataclass
class Statement:
    key: str
    text: str
    answer: int | None = None


@dataclass
class FactorStatements:
    factor: FactorPage
    statements: list = field(default_factory=list)

    @property
    def answered(self):
        return [s.answer for s in self.statements if s.answer is not None]

    @property
    def average(self):
        answers = self.answered
        return sum(answers) / len(answers) if answers else None

    @property
    def level(self):
        average = self.average
        if average is None:
            return None
        if average >= STRONG:
            return "strength"
        if average < WEAK:
            return "gap"
        return "middle"


def statements_for(locale_id):
    """The six factors of a language with their statements, in two queries."""
    groups = []
    for factor in FactorPage.with_activities(locale_id):
        statements = [Statement(f"f{factor.number}-0", factor.desired_state)]
        statements += [
            Statement(f"f{factor.number}-{i}", activity.summary)
            for i, activity in enumerate(factor.activity_list, 1)
        ]
        groups.append(FactorStatements(factor, statements))
    return groups
