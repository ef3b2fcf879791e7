"""The GOV.UK date input as a form field, with the Design System's error messages.

``DateField(label="Date of visit", past_only=True)`` reads day, month and year boxes and
says what is wrong in words a person can act on: "Date of visit must include a month",
"Date of visit must be a real date", "Date of visit must be today or in the past".
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import lazy

from oversight.web.forms.widgets import DateInput

PARTS = ("day", "month", "year")


def _example() -> str:
    today = timezone.localdate()
    return f"For example, {today.day} {today.month} {today.year}"


EXAMPLE_HINT = lazy(_example, str)()


class DateField(forms.Field):
    """A date typed into three boxes. ``name`` is how errors refer to it (the label by default)."""

    widget = DateInput

    def __init__(
        self, *, name: str | None = None, past_only: bool = False, **kwargs: object
    ) -> None:
        kwargs.setdefault("help_text", EXAMPLE_HINT)
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.name = name or str(self.label or "Date")
        self.past_only = past_only
        self.error_messages["required"] = f"Enter the {self.name[0].lower()}{self.name[1:]}"

    def to_python(self, value: object) -> date | None:
        parts = dict(
            zip(PARTS, [str(v or "").strip() for v in (value or ["", "", ""])], strict=False)
        )
        if not any(parts.values()):
            return None
        missing = [part for part in PARTS if not parts.get(part)]
        if missing:
            raise self._error(f"must include a {' and a '.join(missing)}", "incomplete", missing)
        if not all(parts[part].isdigit() for part in PARTS):
            raise self._error("must be a real date", "invalid", list(PARTS))
        if len(parts["year"]) != 4:
            raise ValidationError("Year must include 4 numbers", "year", params={"parts": ["year"]})
        try:
            return date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        except ValueError:
            raise self._error("must be a real date", "invalid", list(PARTS)) from None

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is not None and self.past_only and value > timezone.localdate():
            raise self._error("must be today or in the past", "future", list(PARTS))

    def _error(self, problem: str, code: str, parts: list[str]) -> ValidationError:
        return ValidationError(f"{self.name} {problem}", code, params={"parts": parts})
