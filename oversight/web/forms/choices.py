"""Choice fields the casework forms share: yes or no, and DfE code sets shown as words."""

from django import forms

from oversight.codes import code_set
from oversight.web.forms.widgets import Radios, Select

YES, NO = "yes", "no"


class YesNoField(forms.ChoiceField):
    """A question answered Yes or No with inline radios; cleans to ``True`` or ``False``."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("widget", Radios(inline=True))
        super().__init__(choices=[(YES, "Yes"), (NO, "No")], **kwargs)  # type: ignore[arg-type]

    def prepare_value(self, value: object) -> object:
        if isinstance(value, bool):
            return YES if value else NO
        return value

    def clean(self, value: object) -> bool | None:
        answer = super().clean(value)
        return None if answer in ("", None) else answer == YES


def code_choices(set_id: str, blank: str | None = None) -> list[tuple[str, str]]:
    """The codes of a DfE set as (code, description), optionally after a blank first option."""
    choices = [(code.code, code.description) for code in code_set(set_id)]
    return [("", blank), *choices] if blank is not None else choices


class CodeField(forms.ChoiceField):
    """One code from a DfE code set, chosen from a select showing the descriptions."""

    def __init__(self, set_id: str, blank: str = "Choose one", **kwargs: object) -> None:
        kwargs.setdefault("widget", Select())
        super().__init__(choices=lambda: code_choices(set_id, blank), **kwargs)  # type: ignore[arg-type]
