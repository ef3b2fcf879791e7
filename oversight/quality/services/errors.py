"""The refusal every quality service raises: which field, what is wrong, what to do.

A ``CaseworkError`` (audits are about a child's case work), so a form shows it against
its field like any casework refusal.
"""

from oversight.casework.services import CaseworkError


class QualityError(CaseworkError):
    pass
