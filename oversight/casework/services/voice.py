"""The rules for recording the child's voice, the same at every event that records it.

Visits, completed assessments, conferences and reviews take the voice fields as
keyword arguments (``Voice``); ``childs_voice`` fills in what was not given as "not
recorded" and refuses what breaks a rule, saying which field and what to do.
"""

from typing import Any, TypedDict

from oversight.casework.models import HowExpressed
from oversight.casework.models.voice import VOICE_FIELDS
from oversight.casework.services.errors import CaseworkError, require_choice


class Voice(TypedDict, total=False):
    """The child's voice at an event, as a service takes it (every field optional)."""

    seen: bool
    seen_alone: bool
    views_recorded: bool
    views: str
    how_expressed: str
    what_changed: str


NOT_RECORDED: Voice = {
    "seen": False,
    "seen_alone": False,
    "views_recorded": False,
    "views": "",
    "how_expressed": "",
    "what_changed": "",
}
assert tuple(NOT_RECORDED) == VOICE_FIELDS


def childs_voice(given: Voice, *, origin: str, seen: bool = False) -> dict[str, Any]:
    """The voice fields to record: ``given``, with "not recorded" for the rest.

    ``seen`` is the default when ``given`` does not say (a visit sees the child unless
    it says otherwise; at other events nobody is seen unless recorded). The child's own
    words are required on the web; imports and the generator may lack the text.
    """
    if unknown := set(given) - set(VOICE_FIELDS):
        raise TypeError(f"unknown voice fields: {', '.join(sorted(unknown))}")
    voice: dict[str, Any] = {**NOT_RECORDED, "seen": seen, **given}
    if voice["seen_alone"] and not voice["seen"]:
        raise CaseworkError("seen_alone", "a child seen alone must also be recorded as seen")
    if voice["how_expressed"]:
        require_choice("how_expressed", voice["how_expressed"], HowExpressed)
    if voice["views_recorded"]:
        if not voice["views"].strip() and origin == "web":
            raise CaseworkError(
                "views", "write down the child's views, in their words where you can"
            )
    elif voice["views"].strip() or voice["how_expressed"] or voice["what_changed"].strip():
        raise CaseworkError(
            "views_recorded",
            "record that the child's views were heard before saying what they were, "
            "how they were expressed or what changed",
        )
    return voice
