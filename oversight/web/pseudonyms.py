"""Pseudonyms for children in exports, and who gets names instead.

A pseudonym is HMAC-SHA256 of the child's id under a key made at random for one export
and then thrown away: the same child has the same pseudonym on every row of that export
(so rows can be grouped and counted per child), but a different one in the next export,
so two exports cannot be joined to follow a child, and nobody can work back from a
pseudonym to the child, not even with the database.

Who gets names: a performance analyst works with figures, not with children, so
the analyst's exports are pseudonymised (DESIGN.md §2), and so are an inspector's (an
inspector reads records on the screen; a file leaves the building). Managers, QA officers
and IROs, who may open each listed child's record anyway and act on it, get names and LA
child ids. Either way an export lists only children the reader may see.
"""

import hashlib
import hmac
import secrets
from collections.abc import Callable

from oversight.accounts.models import User
from oversight.casework import policy_rules

PSEUDONYM_HEX_DIGITS = 12  # 48 bits: no two children in an LA's export will share one


def exports_names(user: User) -> bool:
    """Whether ``user``'s exports of children carry names, rather than pseudonyms."""
    return bool(policy_rules.exports_names(user))


def pseudonymiser() -> Callable[[int], str]:
    """A function from child id to pseudonym, for one export; its key dies with it."""
    key = secrets.token_bytes(32)

    def pseudonym(child_id: int) -> str:
        digest = hmac.new(key, str(child_id).encode(), hashlib.sha256).hexdigest()
        return "P-" + digest[:PSEUDONYM_HEX_DIGITS]

    return pseudonym
