"""Reading the answers of the self-assessment from the address (a GET form): nothing is stored.

A missing answer, an answer off the scale or a key that names no statement is reported in plain
words; every valid answer is kept, so the reader never loses what they gave.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .statements import SCALE

SUBMIT = "vis"  # the name of the form's button: present when the form was sent
VALUES = {str(value) for value, _label in SCALE}
MAX_PARAMETERS = 200


def read_answers(query, groups):
    """Fill in each statement's answer from ``query``; return ``(submitted, messages)``."""
    statements = {s.key: s for group in groups for s in group.statements}
    submitted = SUBMIT in query or any(key in statements for key in query)
    if not submitted:
        return False, []
    forged = 0
    for key in list(query)[:MAX_PARAMETERS]:
        if key == SUBMIT:
            continue
        value = query.get(key, "")
        statement = statements.get(key)
        if statement is None or value not in VALUES:
            forged += 1
            continue
        statement.answer = int(value)
    messages = []
    if forged or len(query) > MAX_PARAMETERS:
        messages.append(
            _(
                "Some answers in the address were not valid (a statement that does not exist or "
                "an answer off the scale) and were left out. The other answers are kept."
            )
        )
    missing = sum(1 for s in statements.values() if s.answer is None)
    if missing:
        messages.append(
            ngettext(
                "Answer every statement to see the result: %(count)s is not answered yet.",
                "Answer every statement to see the result: %(count)s are not answered yet.",
                missing,
            )
            % {"count": missing}
        )
    return True, messages
